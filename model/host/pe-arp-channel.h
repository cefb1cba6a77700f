/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_CHANNEL_H
#define PE_ARP_CHANNEL_H

#include "ns3/channel.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The channel a PE-ARP interface reports (PeArpNetDevice::GetChannel):
 * a view of its link device's channel in which each link device that carries
 * a PE-ARP interface appears as that interface.
 *
 * IPv4 lives on the PE-ARP interfaces, not on the link devices under them.
 * Code that walks a channel to find the IPv4 interfaces on it, as ns-3's
 * GlobalRouter does to tell stub from transit networks and to elect the
 * designated router, then finds them. Link devices without a PE-ARP
 * interface (a stock router's, a bridge port) appear as themselves.
 */
class PeArpChannel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpChannel();
    ~PeArpChannel() override;
    PeArpChannel(const PeArpChannel&) = delete;
    PeArpChannel& operator=(const PeArpChannel&) = delete;

    /**
     * \param lower the link devices' channel
     */
    void SetLowerChannel(Ptr<Channel> lower);
    /** \return the link devices' channel */
    Ptr<Channel> GetLowerChannel() const;

    /**
     * \param link a link device
     * \return the PE-ARP interface stacked on it, or the device itself
     */
    static Ptr<NetDevice> GetUpperDevice(Ptr<NetDevice> link);

    // Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<Channel> m_lower; //!< the link devices' channel
};

} // namespace ns3

#endif /* PE_ARP_CHANNEL_H */
