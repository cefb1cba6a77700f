/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dns-message.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <cctype>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDnsMessage");

NS_OBJECT_ENSURE_REGISTERED(PeArpDnsMessage);

namespace
{

/** Flag bits of the DNS header. */
constexpr uint16_t FLAG_QR = 0x8000; //!< response
constexpr uint16_t FLAG_AA = 0x0400; //!< authoritative answer
constexpr uint16_t FLAG_TC = 0x0200; //!< truncated
constexpr uint16_t FLAG_RD = 0x0100; //!< recursion desired
constexpr uint16_t FLAG_RA = 0x0080; //!< recursion available

/** Bounds-checked reader of a whole DNS message. */
class DnsReader
{
  public:
    /**
     * \param data the message
     * \param size its size
     */
    DnsReader(const uint8_t* data, uint32_t size)
        : m_data(data),
          m_size(size)
    {
    }

    /**
     * \param pos offset
     * \param n bytes needed
     * \return true if n bytes are available at pos
     */
    bool Has(uint32_t pos, uint32_t n) const
    {
        return pos <= m_size && n <= m_size - pos;
    }

    /**
     * \param pos offset (must be valid)
     * \return the big-endian 16-bit value there
     */
    uint16_t U16(uint32_t pos) const
    {
        return static_cast<uint16_t>((m_data[pos] << 8) | m_data[pos + 1]);
    }

    /**
     * \param pos offset (must be valid)
     * \return the big-endian 32-bit value there
     */
    uint32_t U32(uint32_t pos) const
    {
        return (static_cast<uint32_t>(U16(pos)) << 16) | U16(pos + 2);
    }

    /**
     * Read a possibly compressed name.
     * \param pos where it starts; receives the offset after its in-place bytes
     * \param name receives the dotted name
     * \return PARSE_OK or the reason
     */
    PeArpDnsMessage::ParseError ReadName(uint32_t& pos, std::string& name) const
    {
        name.clear();
        uint32_t p = pos;
        bool jumped = false;
        uint32_t wire = 1; // the final zero
        std::set<uint32_t> pointers;
        while (true)
        {
            if (!Has(p, 1))
            {
                return PeArpDnsMessage::TRUNCATED_NAME;
            }
            uint8_t len = m_data[p];
            if ((len & 0xC0) == 0xC0)
            {
                if (!Has(p, 2))
                {
                    return PeArpDnsMessage::TRUNCATED_NAME;
                }
                uint32_t target = U16(p) & 0x3FFF;
                if (target >= m_size)
                {
                    return PeArpDnsMessage::POINTER_OUT_OF_RANGE;
                }
                if (!pointers.insert(p).second)
                {
                    return PeArpDnsMessage::POINTER_LOOP;
                }
                if (!jumped)
                {
                    pos = p + 2;
                    jumped = true;
                }
                p = target;
                continue;
            }
            if (len > PeArpDnsMessage::MAX_LABEL_LENGTH)
            {
                return PeArpDnsMessage::LABEL_TOO_LONG;
            }
            if (len == 0)
            {
                if (!jumped)
                {
                    pos = p + 1;
                }
                return PeArpDnsMessage::PARSE_OK;
            }
            wire += len + 1;
            if (wire > PeArpDnsMessage::MAX_NAME_LENGTH)
            {
                return PeArpDnsMessage::NAME_TOO_LONG;
            }
            if (!Has(p + 1, len))
            {
                return PeArpDnsMessage::TRUNCATED_NAME;
            }
            if (!name.empty())
            {
                name += '.';
            }
            name += PeArpDnsMessage::EscapeLabel(m_data + p + 1, len);
            p += 1 + len;
        }
    }

    /**
     * Read a resource record.
     * \param pos where it starts; receives the offset after it
     * \param rr receives the record
     * \return PARSE_OK or the reason
     */
    PeArpDnsMessage::ParseError ReadRecord(uint32_t& pos, PeArpDnsMessage::ResourceRecord& rr) const
    {
        PeArpDnsMessage::ParseError e = ReadName(pos, rr.name);
        if (e != PeArpDnsMessage::PARSE_OK)
        {
            return e;
        }
        if (!Has(pos, 10))
        {
            return PeArpDnsMessage::TRUNCATED_RECORD;
        }
        rr.type = U16(pos);
        rr.rrClass = U16(pos + 2);
        rr.ttl = U32(pos + 4);
        uint16_t rdlength = U16(pos + 8);
        pos += 10;
        if (!Has(pos, rdlength))
        {
            return PeArpDnsMessage::RDLENGTH_BEYOND_DATA;
        }
        uint32_t end = pos + rdlength;
        rr.hasRdata = rdlength > 0;
        if (rdlength == 0)
        {
            return PeArpDnsMessage::PARSE_OK;
        }
        if (rr.type == PeArpDnsMessage::TYPE_A)
        {
            if (rdlength != 4)
            {
                return PeArpDnsMessage::BAD_RDATA;
            }
            rr.address = Ipv4Address(U32(pos));
        }
        else if (rr.type == PeArpDnsMessage::TYPE_SRV)
        {
            if (rdlength < 7)
            {
                return PeArpDnsMessage::BAD_RDATA;
            }
            rr.priority = U16(pos);
            rr.weight = U16(pos + 2);
            rr.port = U16(pos + 4);
            uint32_t t = pos + 6;
            DnsReader inRdata(m_data, end); // the target's in-place bytes stay in RDATA
            e = inRdata.ReadName(t, rr.target);
            if (e == PeArpDnsMessage::TRUNCATED_NAME)
            {
                return PeArpDnsMessage::BAD_RDATA;
            }
            if (e == PeArpDnsMessage::POINTER_OUT_OF_RANGE)
            {
                // a pointer may point before RDATA: retry against the whole message
                t = pos + 6;
                e = ReadName(t, rr.target);
            }
            if (e != PeArpDnsMessage::PARSE_OK)
            {
                return e;
            }
            if (t != end)
            {
                return PeArpDnsMessage::BAD_RDATA;
            }
        }
        else
        {
            rr.rdata.assign(m_data + pos, m_data + end);
        }
        pos = end;
        return PeArpDnsMessage::PARSE_OK;
    }

  private:
    const uint8_t* m_data; //!< the message
    uint32_t m_size;       //!< its size
};

} // namespace

bool
PeArpDnsMessage::ResourceRecord::SameData(const ResourceRecord& other) const
{
    if (!NamesEqual(name, other.name) || type != other.type)
    {
        return false;
    }
    switch (type)
    {
    case TYPE_A:
        return address == other.address;
    case TYPE_SRV:
        return priority == other.priority && weight == other.weight && port == other.port &&
               NamesEqual(target, other.target);
    default:
        return rdata == other.rdata;
    }
}

PeArpDnsMessage::PeArpDnsMessage()
    : m_id(0),
      m_flags(0),
      m_error(PARSE_OK),
      m_lastAdditionalOffset(0)
{
}

TypeId
PeArpDnsMessage::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpDnsMessage")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpDnsMessage>();
    return tid;
}

TypeId
PeArpDnsMessage::GetInstanceTypeId() const
{
    return GetTypeId();
}

std::ostream&
operator<<(std::ostream& os, const PeArpDnsMessage::ResourceRecord& rr)
{
    os << (rr.name.empty() ? "." : rr.name) << " " << rr.ttl << " ";
    switch (rr.rrClass)
    {
    case PeArpDnsMessage::CLASS_IN:
        os << "IN";
        break;
    case PeArpDnsMessage::CLASS_ANY:
        os << "ANY";
        break;
    case PeArpDnsMessage::CLASS_NONE:
        os << "NONE";
        break;
    default:
        os << "CLASS" << rr.rrClass;
    }
    switch (rr.type)
    {
    case PeArpDnsMessage::TYPE_A:
        os << " A";
        if (rr.hasRdata)
        {
            os << " " << rr.address;
        }
        break;
    case PeArpDnsMessage::TYPE_SRV:
        os << " SRV";
        if (rr.hasRdata)
        {
            os << " " << rr.priority << " " << rr.weight << " " << rr.port << " "
               << (rr.target.empty() ? "." : rr.target);
        }
        break;
    case PeArpDnsMessage::TYPE_ANY:
        os << " ANY";
        break;
    case PeArpDnsMessage::TYPE_TSIG:
        os << " TSIG (" << rr.rdata.size() << " bytes)";
        break;
    default:
        os << " TYPE" << rr.type << " (" << rr.rdata.size() << " bytes)";
    }
    return os;
}

void
PeArpDnsMessage::Print(std::ostream& os) const
{
    os << "id=" << m_id << (IsResponse() ? " response" : " request")
       << (GetOpcode() == OPCODE_UPDATE ? " UPDATE" : " opcode=" + std::to_string(GetOpcode()))
       << " rcode=" << RcodeToString(GetRcode());
    for (const auto& q : m_questions)
    {
        os << " q=" << (q.name.empty() ? "." : q.name) << "/" << q.type;
    }
    for (const auto* section : {&m_answers, &m_authority, &m_additional})
    {
        os << " |";
        for (const auto& rr : *section)
        {
            os << " [" << rr << "]";
        }
    }
}

std::vector<std::string>
PeArpDnsMessage::SplitName(const std::string& name)
{
    std::vector<std::string> labels;
    std::string label;
    bool escaped = false;
    for (char c : name)
    {
        if (escaped)
        {
            label += c;
            escaped = false;
        }
        else if (c == '\\')
        {
            escaped = true;
        }
        else if (c == '.')
        {
            labels.push_back(label);
            label.clear();
        }
        else
        {
            label += c;
        }
    }
    if (!label.empty())
    {
        labels.push_back(label); // a final dot adds no label
    }
    return labels;
}

std::string
PeArpDnsMessage::EscapeLabel(const uint8_t* data, uint32_t length)
{
    std::string label;
    label.reserve(length);
    for (uint32_t k = 0; k < length; k++)
    {
        char c = static_cast<char>(data[k]);
        if (c == '.' || c == '\\')
        {
            label += '\\';
        }
        label += c;
    }
    return label;
}

bool
PeArpDnsMessage::IsValidName(const std::string& name)
{
    uint32_t size = 1;
    for (const auto& label : SplitName(name))
    {
        if (label.empty() || label.size() > MAX_LABEL_LENGTH)
        {
            return false;
        }
        size += label.size() + 1;
    }
    return size <= MAX_NAME_LENGTH;
}

bool
PeArpDnsMessage::NamesEqual(const std::string& a, const std::string& b)
{
    std::string x = a;
    std::string y = b;
    if (!x.empty() && x.back() == '.')
    {
        x.pop_back();
    }
    if (!y.empty() && y.back() == '.')
    {
        y.pop_back();
    }
    if (x.size() != y.size())
    {
        return false;
    }
    for (size_t i = 0; i < x.size(); i++)
    {
        if (std::tolower(static_cast<unsigned char>(x[i])) !=
            std::tolower(static_cast<unsigned char>(y[i])))
        {
            return false;
        }
    }
    return true;
}

bool
PeArpDnsMessage::IsInZone(const std::string& name, const std::string& zone)
{
    std::vector<std::string> n = SplitName(name);
    std::vector<std::string> z = SplitName(zone);
    if (z.size() > n.size())
    {
        return false;
    }
    for (size_t i = 0; i < z.size(); i++)
    {
        if (!NamesEqual(n[n.size() - z.size() + i], z[i]))
        {
            return false;
        }
    }
    return true;
}

uint32_t
PeArpDnsMessage::NameSize(const std::string& name)
{
    uint32_t size = 1;
    for (const auto& label : SplitName(name))
    {
        size += label.size() + 1;
    }
    return size;
}

void
PeArpDnsMessage::WriteName(Buffer::Iterator& i, const std::string& name)
{
    NS_ASSERT_MSG(IsValidName(name), "invalid DNS name '" << name << "'");
    for (const auto& label : SplitName(name))
    {
        i.WriteU8(static_cast<uint8_t>(label.size()));
        i.Write(reinterpret_cast<const uint8_t*>(label.data()), label.size());
    }
    i.WriteU8(0);
}

uint32_t
PeArpDnsMessage::RdataSize(const ResourceRecord& rr)
{
    if (!rr.hasRdata)
    {
        return 0;
    }
    switch (rr.type)
    {
    case TYPE_A:
        return 4;
    case TYPE_SRV:
        return 6 + NameSize(rr.target);
    default:
        return rr.rdata.size();
    }
}

uint32_t
PeArpDnsMessage::RecordSize(const ResourceRecord& rr)
{
    return NameSize(rr.name) + 10 + RdataSize(rr);
}

void
PeArpDnsMessage::WriteRecord(Buffer::Iterator& i, const ResourceRecord& rr)
{
    WriteName(i, rr.name);
    i.WriteHtonU16(rr.type);
    i.WriteHtonU16(rr.rrClass);
    i.WriteHtonU32(rr.ttl);
    i.WriteHtonU16(static_cast<uint16_t>(RdataSize(rr)));
    if (!rr.hasRdata)
    {
        return;
    }
    switch (rr.type)
    {
    case TYPE_A:
        i.WriteHtonU32(rr.address.Get());
        break;
    case TYPE_SRV:
        i.WriteHtonU16(rr.priority);
        i.WriteHtonU16(rr.weight);
        i.WriteHtonU16(rr.port);
        WriteName(i, rr.target);
        break;
    default:
        if (!rr.rdata.empty())
        {
            i.Write(rr.rdata.data(), rr.rdata.size());
        }
    }
}

uint32_t
PeArpDnsMessage::GetSerializedSize() const
{
    uint32_t size = HEADER_SIZE;
    for (const auto& q : m_questions)
    {
        size += NameSize(q.name) + 4;
    }
    for (const auto* section : {&m_answers, &m_authority, &m_additional})
    {
        for (const auto& rr : *section)
        {
            size += RecordSize(rr);
        }
    }
    return size;
}

void
PeArpDnsMessage::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteHtonU16(m_id);
    i.WriteHtonU16(m_flags);
    i.WriteHtonU16(static_cast<uint16_t>(m_questions.size()));
    i.WriteHtonU16(static_cast<uint16_t>(m_answers.size()));
    i.WriteHtonU16(static_cast<uint16_t>(m_authority.size()));
    i.WriteHtonU16(static_cast<uint16_t>(m_additional.size()));
    for (const auto& q : m_questions)
    {
        WriteName(i, q.name);
        i.WriteHtonU16(q.type);
        i.WriteHtonU16(q.qclass);
    }
    for (const auto* section : {&m_answers, &m_authority, &m_additional})
    {
        for (const auto& rr : *section)
        {
            WriteRecord(i, rr);
        }
    }
}

uint32_t
PeArpDnsMessage::Deserialize(Buffer::Iterator start)
{
    uint32_t size = start.GetRemainingSize();
    std::vector<uint8_t> bytes(size);
    if (size > 0)
    {
        start.Read(bytes.data(), size);
    }
    return Parse(bytes.data(), size);
}

uint32_t
PeArpDnsMessage::Parse(const uint8_t* data, uint32_t size)
{
    NS_LOG_FUNCTION(this << size);
    *this = PeArpDnsMessage(); // no partial state, whatever happens
    DnsReader r(data, size);
    if (!r.Has(0, HEADER_SIZE))
    {
        m_error = TRUNCATED_HEADER;
        return 0;
    }
    uint16_t counts[4] = {r.U16(4), r.U16(6), r.U16(8), r.U16(10)};
    // Every question takes at least 5 bytes, every record 11: refuse counts
    // the data cannot hold before allocating anything.
    uint64_t minimum =
        HEADER_SIZE + 5ULL * counts[0] + 11ULL * (uint64_t(counts[1]) + counts[2] + counts[3]);
    if (minimum > size)
    {
        m_error = COUNTS_BEYOND_DATA;
        return 0;
    }
    PeArpDnsMessage m;
    m.m_id = r.U16(0);
    m.m_flags = r.U16(2);
    uint32_t pos = HEADER_SIZE;
    ParseError e = PARSE_OK;
    for (uint16_t k = 0; k < counts[0] && e == PARSE_OK; k++)
    {
        Question q;
        e = r.ReadName(pos, q.name);
        if (e == PARSE_OK && !r.Has(pos, 4))
        {
            e = TRUNCATED_RECORD;
        }
        if (e == PARSE_OK)
        {
            q.type = r.U16(pos);
            q.qclass = r.U16(pos + 2);
            pos += 4;
            m.m_questions.push_back(q);
        }
    }
    std::vector<ResourceRecord>* sections[3] = {&m.m_answers, &m.m_authority, &m.m_additional};
    for (int s = 0; s < 3; s++)
    {
        for (uint16_t k = 0; k < counts[s + 1] && e == PARSE_OK; k++)
        {
            if (!r.Has(pos, 1))
            {
                e = COUNTS_BEYOND_DATA;
                break;
            }
            ResourceRecord rr;
            if (s == 2)
            {
                m.m_lastAdditionalOffset = pos;
            }
            e = r.ReadRecord(pos, rr);
            if (e == PARSE_OK)
            {
                sections[s]->push_back(rr);
            }
        }
    }
    if (e != PARSE_OK)
    {
        NS_LOG_LOGIC("malformed DNS message: " << ParseErrorToString(e));
        m_error = e;
        return 0;
    }
    *this = m;
    return pos;
}

uint32_t
PeArpDnsMessage::GetLastAdditionalOffset() const
{
    return m_lastAdditionalOffset;
}

PeArpDnsMessage::ParseError
PeArpDnsMessage::GetParseError() const
{
    return m_error;
}

std::string
PeArpDnsMessage::ParseErrorToString(ParseError error)
{
    switch (error)
    {
    case PARSE_OK:
        return "ok";
    case TRUNCATED_HEADER:
        return "truncated-header";
    case COUNTS_BEYOND_DATA:
        return "counts-beyond-data";
    case TRUNCATED_NAME:
        return "truncated-name";
    case LABEL_TOO_LONG:
        return "label-too-long";
    case NAME_TOO_LONG:
        return "name-too-long";
    case POINTER_OUT_OF_RANGE:
        return "pointer-out-of-range";
    case POINTER_LOOP:
        return "pointer-loop";
    case TRUNCATED_RECORD:
        return "truncated-record";
    case RDLENGTH_BEYOND_DATA:
        return "rdlength-beyond-data";
    case BAD_RDATA:
        return "bad-rdata";
    case PARSE_ERROR_COUNT:
        break;
    }
    return "unknown";
}

std::string
PeArpDnsMessage::RcodeToString(uint8_t rcode)
{
    static const char* names[] = {"NOERROR",
                                  "FORMERR",
                                  "SERVFAIL",
                                  "NXDOMAIN",
                                  "NOTIMP",
                                  "REFUSED",
                                  "YXDOMAIN",
                                  "YXRRSET",
                                  "NXRRSET",
                                  "NOTAUTH",
                                  "NOTZONE"};
    if (rcode < sizeof(names) / sizeof(names[0]))
    {
        return names[rcode];
    }
    switch (rcode)
    {
    case BADSIG:
        return "BADSIG";
    case BADKEY:
        return "BADKEY";
    case BADTIME:
        return "BADTIME";
    case BADTRUNC:
        return "BADTRUNC";
    default:
        break;
    }
    return "RCODE" + std::to_string(rcode);
}

void
PeArpDnsMessage::SetId(uint16_t id)
{
    m_id = id;
}

uint16_t
PeArpDnsMessage::GetId() const
{
    return m_id;
}

namespace
{
/**
 * \param flags the flags
 * \param bit a bit
 * \param on set or clear
 */
void
SetBit(uint16_t& flags, uint16_t bit, bool on)
{
    flags = on ? (flags | bit) : (flags & ~bit);
}
} // namespace

void
PeArpDnsMessage::SetResponse(bool response)
{
    SetBit(m_flags, FLAG_QR, response);
}

bool
PeArpDnsMessage::IsResponse() const
{
    return m_flags & FLAG_QR;
}

void
PeArpDnsMessage::SetOpcode(uint8_t opcode)
{
    m_flags = (m_flags & ~0x7800) | ((opcode & 0x0F) << 11);
}

uint8_t
PeArpDnsMessage::GetOpcode() const
{
    return (m_flags >> 11) & 0x0F;
}

void
PeArpDnsMessage::SetAuthoritative(bool aa)
{
    SetBit(m_flags, FLAG_AA, aa);
}

bool
PeArpDnsMessage::IsAuthoritative() const
{
    return m_flags & FLAG_AA;
}

void
PeArpDnsMessage::SetTruncated(bool tc)
{
    SetBit(m_flags, FLAG_TC, tc);
}

bool
PeArpDnsMessage::IsTruncated() const
{
    return m_flags & FLAG_TC;
}

void
PeArpDnsMessage::SetRecursionDesired(bool rd)
{
    SetBit(m_flags, FLAG_RD, rd);
}

bool
PeArpDnsMessage::IsRecursionDesired() const
{
    return m_flags & FLAG_RD;
}

void
PeArpDnsMessage::SetRecursionAvailable(bool ra)
{
    SetBit(m_flags, FLAG_RA, ra);
}

bool
PeArpDnsMessage::IsRecursionAvailable() const
{
    return m_flags & FLAG_RA;
}

void
PeArpDnsMessage::SetRcode(uint8_t rcode)
{
    m_flags = (m_flags & ~0x000F) | (rcode & 0x0F);
}

uint8_t
PeArpDnsMessage::GetRcode() const
{
    return m_flags & 0x0F;
}

uint16_t
PeArpDnsMessage::GetFlags() const
{
    return m_flags;
}

void
PeArpDnsMessage::AddQuestion(const Question& q)
{
    m_questions.push_back(q);
}

void
PeArpDnsMessage::AddAnswer(const ResourceRecord& rr)
{
    m_answers.push_back(rr);
}

void
PeArpDnsMessage::AddAuthority(const ResourceRecord& rr)
{
    m_authority.push_back(rr);
}

void
PeArpDnsMessage::AddAdditional(const ResourceRecord& rr)
{
    m_additional.push_back(rr);
}

const std::vector<PeArpDnsMessage::Question>&
PeArpDnsMessage::GetQuestions() const
{
    return m_questions;
}

const std::vector<PeArpDnsMessage::ResourceRecord>&
PeArpDnsMessage::GetAnswers() const
{
    return m_answers;
}

const std::vector<PeArpDnsMessage::ResourceRecord>&
PeArpDnsMessage::GetAuthority() const
{
    return m_authority;
}

const std::vector<PeArpDnsMessage::ResourceRecord>&
PeArpDnsMessage::GetAdditional() const
{
    return m_additional;
}

const std::vector<PeArpDnsMessage::Question>&
PeArpDnsMessage::GetZones() const
{
    return m_questions;
}

const std::vector<PeArpDnsMessage::ResourceRecord>&
PeArpDnsMessage::GetPrerequisites() const
{
    return m_answers;
}

const std::vector<PeArpDnsMessage::ResourceRecord>&
PeArpDnsMessage::GetUpdates() const
{
    return m_authority;
}

void
PeArpDnsMessage::ClearRecords()
{
    m_answers.clear();
    m_authority.clear();
    m_additional.clear();
}

PeArpDnsMessage::ResourceRecord
PeArpDnsMessage::MakeA(const std::string& name, Ipv4Address address, uint32_t ttl)
{
    ResourceRecord rr;
    rr.name = name;
    rr.type = TYPE_A;
    rr.ttl = ttl;
    rr.address = address;
    return rr;
}

PeArpDnsMessage::ResourceRecord
PeArpDnsMessage::MakeSrv(const std::string& name,
                         uint16_t priority,
                         uint16_t weight,
                         uint16_t port,
                         const std::string& target,
                         uint32_t ttl)
{
    ResourceRecord rr;
    rr.name = name;
    rr.type = TYPE_SRV;
    rr.ttl = ttl;
    rr.priority = priority;
    rr.weight = weight;
    rr.port = port;
    rr.target = target;
    return rr;
}

PeArpDnsMessage::ResourceRecord
PeArpDnsMessage::MakeDeleteRrset(const std::string& name, uint16_t type)
{
    ResourceRecord rr;
    rr.name = name;
    rr.type = type;
    rr.rrClass = CLASS_ANY;
    rr.ttl = 0;
    rr.hasRdata = false;
    return rr;
}

PeArpDnsMessage::ResourceRecord
PeArpDnsMessage::MakeDeleteRr(const ResourceRecord& rr)
{
    ResourceRecord del = rr;
    del.rrClass = CLASS_NONE;
    del.ttl = 0;
    return del;
}

} // namespace ns3
