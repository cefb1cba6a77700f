/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DNS_MESSAGE_H
#define PE_ARP_DNS_MESSAGE_H

#include "ns3/header.h"
#include "ns3/ipv4-address.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A DNS message (RFC 1035 section 4) with the record types PE-ARP
 * service location needs: A (RFC 1035), SRV (RFC 2782) and the UPDATE
 * opcode (RFC 2136).
 *
 * \verbatim
   0                   1
   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
  +-------------------------------+
  |              ID               |
  |QR| Opcode |AA|TC|RD|RA| Z |RCODE|
  |   QDCOUNT (UPDATE: ZOCOUNT)   |
  |   ANCOUNT (UPDATE: PRCOUNT)   |
  |   NSCOUNT (UPDATE: UPCOUNT)   |
  |   ARCOUNT (UPDATE: ADCOUNT)   |
  +-------------------------------+
  question / zone section: QNAME QTYPE QCLASS
  answer / prerequisite, authority / update, additional sections:
    NAME TYPE CLASS TTL(32) RDLENGTH RDATA
  SRV RDATA: PRIORITY WEIGHT PORT TARGET (RFC 2782)
   \endverbatim
 *
 * Names are held as dotted strings without the final dot ("" is the root);
 * a '.' or '\\' inside a label is escaped with a backslash. Serialize writes
 * names without compression; Deserialize follows compression pointers
 * (RFC 1035 section 4.1.4) with bounds and loop protection.
 *
 * Deserialize never reads beyond the data: on malformed input it returns 0,
 * records the reason (GetParseError) and leaves the message empty, as
 * default-constructed.
 *
 * For UPDATE (opcode 5) the four sections are the zone, prerequisite, update
 * and additional sections; the accessors GetZones, GetPrerequisites and
 * GetUpdates name them. RFC 2136 section 2.5: add an RR (class IN), delete an
 * RRset (class ANY, TTL 0, no RDATA), delete all RRsets of a name (class
 * ANY, type ANY), delete one RR (class NONE, TTL 0, its RDATA).
 */
class PeArpDnsMessage : public Header
{
  public:
    /** Record types. */
    enum Type : uint16_t
    {
        TYPE_A = 1,      //!< IPv4 host address
        TYPE_SOA = 6,    //!< start of authority (the UPDATE zone section's type)
        TYPE_SRV = 33,   //!< service location (RFC 2782)
        TYPE_TSIG = 250, //!< transaction signature (RFC 8945), a meta record
        TYPE_ANY = 255   //!< any type (queries, RFC 2136 deletions)
    };

    /** Record classes. */
    enum Class : uint16_t
    {
        CLASS_IN = 1,     //!< Internet
        CLASS_NONE = 254, //!< RFC 2136: delete one RR, or "RRset does not exist"
        CLASS_ANY = 255   //!< any class: RFC 2136 deletion of an RRset, or "exists"
    };

    /** Opcodes. */
    enum Opcode : uint8_t
    {
        OPCODE_QUERY = 0, //!< standard query
        OPCODE_UPDATE = 5 //!< dynamic update (RFC 2136)
    };

    /** Response codes (RFC 1035, RFC 2136). */
    enum Rcode : uint8_t
    {
        NOERROR = 0,  //!< no error
        FORMERR = 1,  //!< format error
        SERVFAIL = 2, //!< server failure
        NXDOMAIN = 3, //!< the name does not exist
        NOTIMP = 4,   //!< not implemented
        REFUSED = 5,  //!< refused by policy
        YXDOMAIN = 6, //!< a name exists that should not (RFC 2136)
        YXRRSET = 7,  //!< an RRset exists that should not (RFC 2136)
        NXRRSET = 8,  //!< an RRset does not exist that should (RFC 2136)
        NOTAUTH = 9,  //!< the server is not authoritative for the zone (RFC 2136)
        NOTZONE = 10, //!< a name is not within the zone (RFC 2136)
        BADSIG = 16,  //!< TSIG error field only: the MAC does not verify (RFC 8945)
        BADKEY = 17,  //!< TSIG error field only: unknown key or algorithm (RFC 8945)
        BADTIME = 18, //!< TSIG error field only: time signed outside the fudge (RFC 8945)
        BADTRUNC = 22 //!< TSIG error field only: MAC truncated too much (RFC 8945)
    };

    /** Why a message could not be parsed (Deserialize returned 0). */
    enum ParseError
    {
        PARSE_OK = 0,         //!< no error
        TRUNCATED_HEADER,     //!< fewer than 12 bytes
        COUNTS_BEYOND_DATA,   //!< the section counts need more records than the data holds
        TRUNCATED_NAME,       //!< a name runs past the end of the data
        LABEL_TOO_LONG,       //!< a label length byte of 64-191 (types 01 and 10 are reserved)
        NAME_TOO_LONG,        //!< a name longer than 255 bytes in wire form
        POINTER_OUT_OF_RANGE, //!< a compression pointer beyond the data
        POINTER_LOOP,         //!< compression pointers that loop
        TRUNCATED_RECORD,     //!< a question or record cut short before its RDATA
        RDLENGTH_BEYOND_DATA, //!< a record's RDLENGTH runs past the end of the data
        BAD_RDATA,            //!< A RDATA not 4 bytes, SRV RDATA inconsistent with RDLENGTH
        PARSE_ERROR_COUNT     //!< number of values (not a reason)
    };

    /** Header size in bytes. */
    static constexpr uint32_t HEADER_SIZE = 12;
    /** Maximum name length in wire form (RFC 1035 section 2.3.4). */
    static constexpr uint32_t MAX_NAME_LENGTH = 255;
    /** Maximum label length (RFC 1035 section 2.3.4). */
    static constexpr uint32_t MAX_LABEL_LENGTH = 63;

    /** A question (or, in an UPDATE, the zone). */
    struct Question
    {
        std::string name;           //!< QNAME (dotted, no final dot)
        uint16_t type = TYPE_A;     //!< QTYPE
        uint16_t qclass = CLASS_IN; //!< QCLASS
    };

    /** A resource record. */
    struct ResourceRecord
    {
        std::string name;            //!< owner name
        uint16_t type = TYPE_A;      //!< TYPE
        uint16_t rrClass = CLASS_IN; //!< CLASS
        uint32_t ttl = 0;            //!< TTL in seconds
        bool hasRdata = true;        //!< false: RDLENGTH 0 (RFC 2136 RRset deletion)
        Ipv4Address address;         //!< A: the address
        uint16_t priority = 0;       //!< SRV: priority
        uint16_t weight = 0;         //!< SRV: weight
        uint16_t port = 0;           //!< SRV: port
        std::string target;          //!< SRV: target host name
        std::vector<uint8_t> rdata;  //!< other types: the raw RDATA

        /**
         * \param other another record
         * \return true if both have the same name (case-insensitive), type
         *         and RDATA (RFC 2136: class and TTL are not compared)
         */
        bool SameData(const ResourceRecord& other) const;
    };

    PeArpDnsMessage();

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
     * Deserialize a whole message (all the remaining bytes are the message).
     * Returns 0 and records the reason (GetParseError) on malformed input;
     * the message is then empty.
     * \param start the buffer iterator
     * \return the number of bytes the message occupies, or 0 on error
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    /**
     * Parse a message from bytes (as Deserialize).
     * \param data the bytes
     * \param size their number
     * \return the number of bytes the message occupies, or 0 on error
     */
    uint32_t Parse(const uint8_t* data, uint32_t size);
    /**
     * \return the offset, in the bytes the last Deserialize or Parse read,
     *         of the last record of the additional section (where a TSIG RR
     *         starts, RFC 8945), or 0 if that section is empty
     */
    uint32_t GetLastAdditionalOffset() const;
    /** \return the reason the last Deserialize failed, or PARSE_OK */
    ParseError GetParseError() const;
    /**
     * \param error a parse error
     * \return a short name for it, e.g. "pointer-loop"
     */
    static std::string ParseErrorToString(ParseError error);
    /**
     * \param rcode a response code or TSIG error
     * \return its RFC mnemonic, e.g. "NXDOMAIN" or "BADSIG"
     */
    static std::string RcodeToString(uint8_t rcode);

    /** \param id the message ID */
    void SetId(uint16_t id);
    /** \return the message ID */
    uint16_t GetId() const;
    /** \param response true for a response (QR) */
    void SetResponse(bool response);
    /** \return true for a response (QR) */
    bool IsResponse() const;
    /** \param opcode the opcode (4 bits) */
    void SetOpcode(uint8_t opcode);
    /** \return the opcode */
    uint8_t GetOpcode() const;
    /** \param aa authoritative answer */
    void SetAuthoritative(bool aa);
    /** \return the AA flag */
    bool IsAuthoritative() const;
    /** \param tc truncated */
    void SetTruncated(bool tc);
    /** \return the TC flag */
    bool IsTruncated() const;
    /** \param rd recursion desired */
    void SetRecursionDesired(bool rd);
    /** \return the RD flag */
    bool IsRecursionDesired() const;
    /** \param ra recursion available */
    void SetRecursionAvailable(bool ra);
    /** \return the RA flag */
    bool IsRecursionAvailable() const;
    /** \param rcode the response code (4 bits) */
    void SetRcode(uint8_t rcode);
    /** \return the response code */
    uint8_t GetRcode() const;
    /** \return the 16 flag bits as on the wire */
    uint16_t GetFlags() const;

    /** \param q a question (UPDATE: the zone) */
    void AddQuestion(const Question& q);
    /** \param rr an answer (UPDATE: a prerequisite) */
    void AddAnswer(const ResourceRecord& rr);
    /** \param rr an authority record (UPDATE: an update) */
    void AddAuthority(const ResourceRecord& rr);
    /** \param rr an additional record */
    void AddAdditional(const ResourceRecord& rr);
    /** \return the question section */
    const std::vector<Question>& GetQuestions() const;
    /** \return the answer section */
    const std::vector<ResourceRecord>& GetAnswers() const;
    /** \return the authority section */
    const std::vector<ResourceRecord>& GetAuthority() const;
    /** \return the additional section */
    const std::vector<ResourceRecord>& GetAdditional() const;
    /** \return the UPDATE zone section (the question section) */
    const std::vector<Question>& GetZones() const;
    /** \return the UPDATE prerequisite section (the answer section) */
    const std::vector<ResourceRecord>& GetPrerequisites() const;
    /** \return the UPDATE update section (the authority section) */
    const std::vector<ResourceRecord>& GetUpdates() const;
    /** Empty the answer, authority and additional sections. */
    void ClearRecords();

    /**
     * \param name owner name
     * \param address the address
     * \param ttl TTL in seconds
     * \return an A record of class IN
     */
    static ResourceRecord MakeA(const std::string& name, Ipv4Address address, uint32_t ttl);
    /**
     * \param name owner name, e.g. "_web._tcp.example.com"
     * \param priority priority (lower first)
     * \param weight weight among equal priorities
     * \param port the port
     * \param target the target host name
     * \param ttl TTL in seconds
     * \return an SRV record of class IN
     */
    static ResourceRecord MakeSrv(const std::string& name,
                                  uint16_t priority,
                                  uint16_t weight,
                                  uint16_t port,
                                  const std::string& target,
                                  uint32_t ttl);
    /**
     * \param name owner name
     * \param type the type (TYPE_ANY: all RRsets of the name)
     * \return an RFC 2136 "delete an RRset" update (class ANY, TTL 0, no RDATA)
     */
    static ResourceRecord MakeDeleteRrset(const std::string& name, uint16_t type);
    /**
     * \param rr the record to delete
     * \return an RFC 2136 "delete an RR from an RRset" update (class NONE, TTL 0)
     */
    static ResourceRecord MakeDeleteRr(const ResourceRecord& rr);

    /**
     * \param name a dotted name
     * \return true if every label is 1-63 bytes and the wire form at most 255
     */
    static bool IsValidName(const std::string& name);
    /**
     * \param a a name
     * \param b a name
     * \return true if equal, ignoring ASCII case (RFC 1035 section 2.3.3)
     */
    static bool NamesEqual(const std::string& a, const std::string& b);
    /**
     * \param name a name
     * \param zone a zone
     * \return true if name is the zone or below it
     */
    static bool IsInZone(const std::string& name, const std::string& zone);
    /**
     * \param name a dotted name, possibly with a final dot
     * \return its labels, unescaped
     */
    static std::vector<std::string> SplitName(const std::string& name);
    /**
     * A label read from the wire as this class writes names in text: a '.'
     * or '\\' in it escaped with '\\' (SplitName undoes it).
     * \param data the label's bytes
     * \param length how many
     * \return the label as text
     */
    static std::string EscapeLabel(const uint8_t* data, uint32_t length);

  private:
    /**
     * \param name a name
     * \return its size in wire form, uncompressed
     */
    static uint32_t NameSize(const std::string& name);
    /**
     * \param i where to write
     * \param name the name
     */
    static void WriteName(Buffer::Iterator& i, const std::string& name);
    /**
     * \param rr a record
     * \return its RDATA size
     */
    static uint32_t RdataSize(const ResourceRecord& rr);
    /**
     * \param rr a record
     * \return its size in wire form
     */
    static uint32_t RecordSize(const ResourceRecord& rr);
    /**
     * \param i where to write
     * \param rr the record
     */
    static void WriteRecord(Buffer::Iterator& i, const ResourceRecord& rr);

    uint16_t m_id;                            //!< ID
    uint16_t m_flags;                         //!< QR, opcode, AA, TC, RD, RA, Z, RCODE
    std::vector<Question> m_questions;        //!< question / zone section
    std::vector<ResourceRecord> m_answers;    //!< answer / prerequisite section
    std::vector<ResourceRecord> m_authority;  //!< authority / update section
    std::vector<ResourceRecord> m_additional; //!< additional section
    ParseError m_error;                       //!< reason of the last failed Deserialize
    uint32_t m_lastAdditionalOffset;          //!< offset of the last additional record read
};

/**
 * \param os a stream
 * \param rr a record
 * \return the stream, with the record in zone-file form
 */
std::ostream& operator<<(std::ostream& os, const PeArpDnsMessage::ResourceRecord& rr);

} // namespace ns3

#endif /* PE_ARP_DNS_MESSAGE_H */
