/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DHCP_HEADER_H
#define PE_ARP_DHCP_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A DHCPv4 message (RFC 2131) with the options a PE-ARP host needs,
 * including RFC 7618's port parameters option (159), which gives a host the
 * port set of a shared address together with the address.
 *
 * Wire format: the 236-byte BOOTP header, the magic cookie 99.130.83.99,
 * then options: 53 (message type), 54 (server identifier), 50 (requested
 * address), 51 (lease time), 58 (T1), 1 (subnet mask), 3 (router),
 * 159 (port parameters: offset a, PSID length k, PSID left-aligned in 16
 * bits, as RFC 7598 section 4.5), 255 (end); padded to 300 bytes. Unknown
 * options are skipped. A malformed message is rejected by Deserialize (0)
 * with a reason.
 */
class PeArpDhcpHeader : public Header
{
  public:
    /** DHCP message types (option 53). */
    enum MessageType : uint8_t
    {
        DISCOVER = 1, //!< DHCPDISCOVER
        OFFER = 2,    //!< DHCPOFFER
        REQUEST = 3,  //!< DHCPREQUEST
        DECLINE = 4,  //!< DHCPDECLINE
        ACK = 5,      //!< DHCPACK
        NAK = 6,      //!< DHCPNAK
        RELEASE = 7,  //!< DHCPRELEASE
        INFORM = 8,   //!< DHCPINFORM
    };

    /** Why a message was rejected. */
    enum ParseError
    {
        PARSE_OK = 0,        //!< no error
        TOO_SHORT,           //!< shorter than the BOOTP header and cookie
        BAD_OP,              //!< op is neither BOOTREQUEST nor BOOTREPLY
        BAD_HARDWARE,        //!< not Ethernet (htype 1, hlen 6)
        BAD_COOKIE,          //!< no DHCP magic cookie
        TRUNCATED_OPTION,    //!< an option runs past the end
        BAD_OPTION_LENGTH,   //!< an option has the wrong length for its code
        BAD_PORT_PARAMETERS, //!< offset + PSID length > 16, or PSID beyond k bits
        NO_MESSAGE_TYPE,     //!< option 53 missing or unknown
    };

    static constexpr uint8_t OPTION_PORT_PARAMS = 159;   //!< RFC 7618 OPTION_V4_PORTPARAMS
    static constexpr uint32_t MAGIC_COOKIE = 0x63825363; //!< RFC 2131 magic cookie
    static constexpr uint16_t SERVER_PORT = 67;          //!< DHCP server port
    static constexpr uint16_t CLIENT_PORT = 68;          //!< DHCP client port

    PeArpDhcpHeader();

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
     * \param start the buffer
     * \return bytes read, or 0 if the message is malformed (see GetParseError)
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    /**
     * Parse a DHCP message (the UDP payload) without touching the packet.
     * \param packet the payload
     * \return the message; its GetParseError() is PARSE_OK, or why the
     *         message is rejected (then its fields are the defaults)
     */
    static PeArpDhcpHeader Parse(Ptr<const Packet> packet);
    /** \return the reason the last Deserialize failed */
    ParseError GetParseError() const;
    /**
     * \param error a parse error
     * \return its name
     */
    static std::string ParseErrorToString(ParseError error);

    /** \param type the message type (also sets op) */
    void SetMessageType(MessageType type);
    /** \return the message type */
    MessageType GetMessageType() const;
    /** \param xid the transaction id */
    void SetTransactionId(uint32_t xid);
    /** \return the transaction id */
    uint32_t GetTransactionId() const;
    /** \param broadcast ask the server to broadcast its replies (flags bit 15) */
    void SetBroadcastFlag(bool broadcast);
    /** \return the broadcast flag */
    bool GetBroadcastFlag() const;
    /** \param mac the client hardware address */
    void SetClientMac(Mac48Address mac);
    /** \return the client hardware address */
    Mac48Address GetClientMac() const;
    /** \param address ciaddr, the client's current address */
    void SetClientAddress(Ipv4Address address);
    /** \return ciaddr */
    Ipv4Address GetClientAddress() const;
    /** \param address yiaddr, the address offered or assigned */
    void SetYourAddress(Ipv4Address address);
    /** \return yiaddr */
    Ipv4Address GetYourAddress() const;

    /** \param server option 54 */
    void SetServerId(Ipv4Address server);
    /** \return option 54 (0.0.0.0 if absent) */
    Ipv4Address GetServerId() const;
    /** \param address option 50 */
    void SetRequestedAddress(Ipv4Address address);
    /** \return option 50 (0.0.0.0 if absent) */
    Ipv4Address GetRequestedAddress() const;
    /** \param lease option 51 (whole seconds) */
    void SetLeaseTime(Time lease);
    /** \return option 51 (zero if absent) */
    Time GetLeaseTime() const;
    /** \param t1 option 58 (whole seconds) */
    void SetRenewalTime(Time t1);
    /** \return option 58 (zero if absent) */
    Time GetRenewalTime() const;
    /** \param mask option 1 */
    void SetSubnetMask(Ipv4Mask mask);
    /** \return option 1 (0.0.0.0 if absent) */
    Ipv4Mask GetSubnetMask() const;
    /** \param router option 3 */
    void SetRouter(Ipv4Address router);
    /** \return option 3 (0.0.0.0 if absent) */
    Ipv4Address GetRouter() const;
    /**
     * Option 159.
     * \param offset PSID offset a
     * \param psidLength PSID length k
     * \param psid the PSID (below 2^k)
     */
    void SetPortParameters(uint8_t offset, uint8_t psidLength, uint16_t psid);
    /** \return true if option 159 is present */
    bool HasPortParameters() const;
    /** \return the PSID offset a */
    uint8_t GetPsidOffset() const;
    /** \return the PSID length k */
    uint8_t GetPsidLength() const;
    /** \return the PSID (right-aligned value, below 2^k) */
    uint16_t GetPsid() const;

  private:
    /** \return the size of the options, end included */
    uint32_t GetOptionsSize() const;

    uint8_t m_op;            //!< BOOTREQUEST (1) or BOOTREPLY (2)
    uint32_t m_xid;          //!< transaction id
    uint16_t m_flags;        //!< flags
    Ipv4Address m_ciaddr;    //!< client address
    Ipv4Address m_yiaddr;    //!< your address
    Ipv4Address m_siaddr;    //!< next server
    Ipv4Address m_giaddr;    //!< relay agent
    Mac48Address m_chaddr;   //!< client hardware address
    MessageType m_type;      //!< option 53
    Ipv4Address m_serverId;  //!< option 54
    Ipv4Address m_requested; //!< option 50
    uint32_t m_lease;        //!< option 51 (s), 0 if absent
    uint32_t m_renewal;      //!< option 58 (s), 0 if absent
    Ipv4Mask m_mask;         //!< option 1
    bool m_hasMask;          //!< option 1 present
    Ipv4Address m_router;    //!< option 3
    bool m_hasPortParams;    //!< option 159 present
    uint8_t m_offset;        //!< option 159 offset
    uint8_t m_psidLength;    //!< option 159 PSID length
    uint16_t m_psid;         //!< option 159 PSID (right-aligned)
    ParseError m_error;      //!< last parse error
};

} // namespace ns3

#endif /* PE_ARP_DHCP_HEADER_H */
