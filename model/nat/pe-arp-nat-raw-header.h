/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_RAW_HEADER_H
#define PE_ARP_NAT_RAW_HEADER_H

#include "ns3/header.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A header that is a run of bytes: how the NAT puts back an L4
 * header it edited at the byte level (ns3::PeArpNatRewriter).
 *
 * ns-3's TcpHeader does not keep the checksum it read, and UdpHeader
 * writes back the old one, so neither can carry an incrementally updated
 * checksum. The NAT copies the header's bytes, edits them, removes them
 * from the packet and adds them back as this header.
 *
 * The header stands for the header it replaces: GetInstanceTypeId returns
 * the TypeId given at construction (e.g. ns3::TcpHeader), so the packet's
 * metadata still describes a TcpHeader of the same size, the receiver's
 * RemoveHeader(TcpHeader) matches it even under Packet::EnableChecking(),
 * and Packet::Print deserializes the bytes as that header.
 */
class PeArpNatRawHeader : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** An empty header that stands for itself. */
    PeArpNatRawHeader();

    /**
     * \param standsFor the TypeId of the header the bytes are
     * \param bytes the header's bytes
     */
    PeArpNatRawHeader(TypeId standsFor, std::vector<uint8_t> bytes);

    /**
     * Prepare Deserialize to read a number of bytes.
     * \param size the number of bytes
     */
    void SetSize(uint32_t size);

    /** \return the bytes */
    const std::vector<uint8_t>& GetBytes() const;

    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  private:
    TypeId m_standsFor;           //!< the TypeId the metadata records
    std::vector<uint8_t> m_bytes; //!< the bytes
};

} // namespace ns3

#endif /* PE_ARP_NAT_RAW_HEADER_H */
