/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_FLOW_SWITCH_PORT_H
#define PE_ARP_FLOW_SWITCH_PORT_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class PeArpFlowSwitchNetDevice;

/**
 * \ingroup pe-arp
 * \brief One port of a flow switch (ns3::PeArpFlowSwitchNetDevice): a
 * device of the switch's node, its index (the in_port of flow matches and
 * the argument of OUTPUT actions) and its counters.
 *
 * Reachable by index (PeArpFlowSwitchNetDevice::GetPort) and by the config
 * path /NodeList/[i]/DeviceList/[j]/$ns3::PeArpFlowSwitchNetDevice/PortList/[n].
 */
class PeArpFlowSwitchPort : public Object
{
  public:
    /** The port's counters, readable after a run. */
    struct Counters
    {
        uint64_t framesReceived = 0; //!< frames the device passed to the switch
        uint64_t bytesReceived = 0;  //!< their payload bytes (no Ethernet header)
        uint64_t framesSent = 0;     //!< frames the switch handed to the device
        uint64_t bytesSent = 0;      //!< their payload bytes
        uint64_t sendFailures = 0;   //!< of these, frames the device refused (e.g. queue full)
    };

    /**
     * TracedCallback signature for a frame received or sent by the port.
     * \param [in] packet the frame's payload (no Ethernet header)
     * \param [in] protocol its EtherType
     * \param [in] source its source MAC
     * \param [in] destination its destination MAC
     */
    typedef void (*FrameTracedCallback)(Ptr<const Packet> packet,
                                        uint16_t protocol,
                                        Mac48Address source,
                                        Mac48Address destination);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param device the port's device (a device of the switch's node)
     * \param index its index in the switch, in the order of AddSwitchPort
     */
    PeArpFlowSwitchPort(Ptr<NetDevice> device, uint32_t index);
    ~PeArpFlowSwitchPort() override;
    PeArpFlowSwitchPort(const PeArpFlowSwitchPort&) = delete;
    PeArpFlowSwitchPort& operator=(const PeArpFlowSwitchPort&) = delete;

    /** \return the port's device (null after disposal) */
    Ptr<NetDevice> GetDevice() const;
    /** \return the port's index in the switch */
    uint32_t GetIndex() const;
    /** \return the port's counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    friend class PeArpFlowSwitchNetDevice; // the only one to send and count

    /**
     * Send a frame through the port's device (SendFrom, so that the source
     * MAC can be rewritten), counted.
     * \param packet the payload
     * \param source source MAC
     * \param destination destination MAC
     * \param protocol the EtherType
     * \return what the device's SendFrom returned
     */
    bool Send(Ptr<Packet> packet, Mac48Address source, Mac48Address destination, uint16_t protocol);
    /**
     * Count a frame the device received.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     */
    void NotifyReceived(Ptr<const Packet> packet,
                        uint16_t protocol,
                        Mac48Address source,
                        Mac48Address destination);

    Ptr<NetDevice> m_device;                                                           //!< device
    uint32_t m_index;                                                                  //!< index
    Counters m_counters;                                                               //!< counters
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address> m_rxTrace; //!< Rx
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address> m_txTrace; //!< Tx
};

} // namespace ns3

#endif /* PE_ARP_FLOW_SWITCH_PORT_H */
