/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_HEADER_H
#define PE_ARP_HEADER_H

#include "pe-arp-port-range.h"

#include "ns3/header.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The PE-ARP frame: the 28-byte ARP body (RFC 826, PE-ARP paper Table I)
 * optionally followed by the 10-byte PE-ARP extension (Table II).
 *
 * \verbatim
   0                   1                   2                   3
   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
  +-------------------------------+-------------------------------+
  |  Hardware type (1 = Ethernet) |  Protocol type (0x0800)       |   0
  +---------------+---------------+-------------------------------+
  |  HLEN (6)     |  PLEN (4)     |  Operation (1 req, 2 reply)   |  32
  +---------------+---------------+-------------------------------+
  |  Sender hardware address (6 bytes) ... Sender IPv4 (4 bytes)   |  64
  |  Target hardware address (6 bytes) ... Target IPv4 (4 bytes)   | 144
  +-------------------------------+-------------------------------+
  |  Magic (0xEAAB)               |  Sender port range low        | 224
  +-------------------------------+-------------------------------+
  |  Sender port range high       |  Target port                  | 256
  +-------------------------------+-------------------------------+
  |  Return port                  |                                 288
  +-------------------------------+
   \endverbatim
 *
 * All fields are in network byte order. A frame whose bytes 28-29 are not the
 * magic value is a standard ARP frame; its sender and target are then taken
 * to own all ports (range 0-0), which is how PE-ARP stays compatible with
 * standard ARP (a standard stack reads 28 bytes and ignores the rest).
 *
 * Semantics of the extension (paper section III.B):
 * - request: sender range = requester's own range, target port = the port
 *   being resolved, return port = requester's range low;
 * - reply: sender range = the replier's range holding the requested port, target port = a port of
 the
 *   requester (its range low), return port = the target port of the request.
 */
class PeArpHeader : public Header
{
  public:
    /** ARP operation codes (RFC 826). */
    enum Operation : uint16_t
    {
        REQUEST = 1, //!< ARP request
        REPLY = 2    //!< ARP reply
    };

    /** Why a frame could not be parsed (Deserialize returned 0). */
    enum ParseError
    {
        PARSE_OK = 0,        //!< no error
        TOO_SHORT,           //!< fewer than 28 bytes
        BAD_HARDWARE_TYPE,   //!< hardware type is not Ethernet (1)
        BAD_PROTOCOL_TYPE,   //!< protocol type is not IPv4 (0x0800)
        BAD_HARDWARE_LENGTH, //!< hardware address length is not 6
        BAD_PROTOCOL_LENGTH, //!< protocol address length is not 4
        BAD_OPERATION,       //!< operation is neither request nor reply
        TRUNCATED_EXTENSION, //!< the magic is present but the extension is cut short
        BAD_PORT_RANGE,      //!< sender port range low > high
    };

    static constexpr uint16_t MAGIC = 0xEAAB;         //!< PE-ARP magic value
    static constexpr uint32_t ARP_SIZE = 28;          //!< size of the standard ARP body
    static constexpr uint32_t EXTENSION_SIZE = 10;    //!< size of the PE-ARP extension
    static constexpr uint16_t HW_TYPE_ETHERNET = 1;   //!< hardware type for Ethernet
    static constexpr uint16_t PROTOCOL_IPV4 = 0x0800; //!< protocol type for IPv4

    PeArpHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * Deserialize a frame. Returns 0 and records the reason (GetParseError)
     * if the bytes are not a well-formed ARP or PE-ARP frame for IPv4 over
     * Ethernet.
     * \param start the buffer iterator
     * \return the number of bytes read (28 or 38), or 0 on error
     */
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * Parse the frame at the start of a packet without touching the packet
     * (and its metadata).
     * \param packet the received ARP payload
     * \return the header; its GetParseError() is PARSE_OK, or the reason
     *         the frame is rejected (then its fields are the defaults)
     */
    static PeArpHeader Parse(Ptr<const Packet> packet);
    /**
     * \param error a parse error
     * \return a short human-readable name for the error
     */
    static std::string ParseErrorToString(ParseError error);

    /**
     * Fill in a PE-ARP request: "who has targetIp:targetPort? I have
     * senderIp:senderRange (senderMac)". The return port is the low end of the
     * sender range (section III.B).
     * \param senderMac requester's hardware address
     * \param senderIp requester's IPv4 address
     * \param senderRange requester's port range (0-0: all ports)
     * \param targetIp address being resolved
     * \param targetPort port being resolved (0: no port)
     */
    void SetRequest(Mac48Address senderMac,
                    Ipv4Address senderIp,
                    PeArpPortRange senderRange,
                    Ipv4Address targetIp,
                    uint16_t targetPort);
    /**
     * Fill in a PE-ARP reply: "targetPort of senderIp is at senderMac, range
     * senderRange".
     * \param senderMac replier's hardware address
     * \param senderIp replier's IPv4 address
     * \param senderRange replier's full port range
     * \param targetMac requester's hardware address
     * \param targetIp requester's IPv4 address
     * \param targetPort a port of the requester (its range low)
     * \param returnPort the target port of the request being answered
     */
    void SetReply(Mac48Address senderMac,
                  Ipv4Address senderIp,
                  PeArpPortRange senderRange,
                  Mac48Address targetMac,
                  Ipv4Address targetIp,
                  uint16_t targetPort,
                  uint16_t returnPort);
    /**
     * Fill in a standard (RFC 826) reply, without the extension.
     * \param senderMac replier's hardware address
     * \param senderIp replier's IPv4 address
     * \param targetMac requester's hardware address
     * \param targetIp requester's IPv4 address
     */
    void SetStandardReply(Mac48Address senderMac,
                          Ipv4Address senderIp,
                          Mac48Address targetMac,
                          Ipv4Address targetIp);
    /**
     * Fill in a standard (RFC 826) request, without the extension.
     * \param senderMac requester's hardware address
     * \param senderIp requester's IPv4 address
     * \param targetIp address being resolved
     */
    void SetStandardRequest(Mac48Address senderMac, Ipv4Address senderIp, Ipv4Address targetIp);

    /** \return true for a request */
    bool IsRequest() const;
    /** \return true for a reply */
    bool IsReply() const;
    /** \return the operation code */
    uint16_t GetOperation() const;
    /** \return true if the PE-ARP extension is present */
    bool HasExtension() const;
    /** \return sender hardware address */
    Mac48Address GetSenderMac() const;
    /** \return sender IPv4 address */
    Ipv4Address GetSenderIp() const;
    /** \return target hardware address */
    Mac48Address GetTargetMac() const;
    /** \return target IPv4 address */
    Ipv4Address GetTargetIp() const;
    /** \return sender port range (0-0 without the extension) */
    PeArpPortRange GetSenderRange() const;
    /** \return target port (0 without the extension) */
    uint16_t GetTargetPort() const;
    /** \return return port (0 without the extension) */
    uint16_t GetReturnPort() const;
    /** \return the reason the last Deserialize failed, or PARSE_OK */
    ParseError GetParseError() const;

  private:
    /**
     * Parse a frame's first bytes (Deserialize and Parse read them in their
     * own ways). Returns 0 and records the reason (GetParseError) if they are
     * not a valid frame; the header is changed only by a valid one.
     * \param bytes the frame's first bytes
     * \param size how many (up to ARP_SIZE + EXTENSION_SIZE are looked at)
     * \param available the frame's whole size
     * \return the frame's size, or 0
     */
    uint32_t ParseBytes(const uint8_t* bytes, uint32_t size, uint32_t available);

    uint16_t m_operation;         //!< operation code
    Mac48Address m_senderMac;     //!< sender hardware address
    Ipv4Address m_senderIp;       //!< sender protocol address
    Mac48Address m_targetMac;     //!< target hardware address
    Ipv4Address m_targetIp;       //!< target protocol address
    bool m_extension;             //!< PE-ARP extension present
    PeArpPortRange m_senderRange; //!< sender port range
    uint16_t m_targetPort;        //!< target port
    uint16_t m_returnPort;        //!< return port
    ParseError m_error;           //!< reason of the last failed Deserialize
};

} // namespace ns3

#endif /* PE_ARP_HEADER_H */
