/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * DNS SRV service location for hosts sharing an address (PE-ARP paper,
 * sections II.D and VI): the DNS wire format checked against bytes written
 * by hand from RFC 1035, RFC 2782 and RFC 2136; malformed messages; the
 * server's answers and updates; and, on Figure 4, hosts registering their
 * services with dynamic updates, an Internet client resolving and reaching
 * them, and a client that only knows the well-known port failing.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-dns-message.h"
#include "ns3/pe-arp-dns-server.h"
#include "ns3/pe-arp-srv-resolver.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <optional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpDnsTestSuite");

namespace
{

using Msg = PeArpDnsMessage;                //!< shorthand
using Rr = PeArpDnsMessage::ResourceRecord; //!< shorthand

/**
 * The name _web._tcp.example.com in wire form (RFC 1035 section 3.1), by hand.
 */
const std::vector<uint8_t> WEB_TCP_EXAMPLE_COM = {4,   '_', 'w', 'e', 'b', 4,   '_', 't',
                                                  'c', 'p', 7,   'e', 'x', 'a', 'm', 'p',
                                                  'l', 'e', 3,   'c', 'o', 'm', 0};

/**
 * \param parts byte vectors
 * \return their concatenation
 */
std::vector<uint8_t>
Concat(std::initializer_list<std::vector<uint8_t>> parts)
{
    std::vector<uint8_t> out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/**
 * An SRV query for _web._tcp.example.com, ID 0x1234, RD set (RFC 1035 4.1.1,
 * 4.1.2; QTYPE SRV = 33, RFC 2782).
 * \return the bytes
 */
std::vector<uint8_t>
SrvQueryBytes()
{
    return Concat({{0x12,
                    0x34, // ID
                    0x01,
                    0x00, // QR=0 opcode=0 AA=0 TC=0 RD=1 RA=0 Z=0 RCODE=0
                    0x00,
                    0x01, // QDCOUNT
                    0x00,
                    0x00, // ANCOUNT
                    0x00,
                    0x00, // NSCOUNT
                    0x00,
                    0x00}, // ARCOUNT
                   WEB_TCP_EXAMPLE_COM,
                   {0x00,
                    0x21, // QTYPE SRV
                    0x00,
                    0x01}}); // QCLASS IN
}

/**
 * The response to SrvQueryBytes, with compression (RFC 1035 4.1.4): the
 * answer's owner is a pointer to the question name (offset 12), the SRV
 * target is "a" + a pointer to "example.com" (offset 22), the additional A
 * record's owner a pointer to the target (offset 57).
 * \return the bytes (77)
 */
std::vector<uint8_t>
SrvResponseBytes()
{
    return Concat({{0x12,
                    0x34, // ID
                    0x85,
                    0x00, // QR=1 opcode=0 AA=1 TC=0 RD=1 RA=0 RCODE=0
                    0x00,
                    0x01, // QDCOUNT
                    0x00,
                    0x01, // ANCOUNT
                    0x00,
                    0x00, // NSCOUNT
                    0x00,
                    0x01},              // ARCOUNT
                   WEB_TCP_EXAMPLE_COM, // offset 12; "example.com" at 22
                   {0x00,
                    0x21,
                    0x00,
                    0x01,
                    // answer, offset 39
                    0xC0,
                    0x0C, // NAME: pointer to 12
                    0x00,
                    0x21, // TYPE SRV
                    0x00,
                    0x01, // CLASS IN
                    0x00,
                    0x00,
                    0x0E,
                    0x10, // TTL 3600
                    0x00,
                    0x0A, // RDLENGTH 10
                    0x00,
                    0x0A, // priority 10
                    0x00,
                    0x3C, // weight 60
                    0x08,
                    0x20, // port 2080
                    0x01,
                    'a',
                    0xC0,
                    0x16, // target a.example.com (offset 57)
                    // additional, offset 61
                    0xC0,
                    0x39, // NAME: pointer to 57
                    0x00,
                    0x01, // TYPE A
                    0x00,
                    0x01, // CLASS IN
                    0x00,
                    0x00,
                    0x0E,
                    0x10, // TTL 3600
                    0x00,
                    0x04, // RDLENGTH
                    0xC6,
                    0x6C,
                    0x3F,
                    0x02}}); // 198.108.63.2
}

/**
 * An RFC 2136 UPDATE of zone example.com adding
 * "_web._tcp.example.com 300 IN SRV 10 60 2080 a.example.com" and
 * "a.example.com 300 IN A 198.108.63.2", uncompressed.
 * \return the bytes
 */
std::vector<uint8_t>
UpdateAddBytes()
{
    return Concat({{0xBE,
                    0xEF, // ID
                    0x28,
                    0x00, // QR=0 opcode=5 (UPDATE)
                    0x00,
                    0x01, // ZOCOUNT
                    0x00,
                    0x00, // PRCOUNT
                    0x00,
                    0x02, // UPCOUNT
                    0x00,
                    0x00, // ADCOUNT
                    // zone: example.com SOA IN
                    7,
                    'e',
                    'x',
                    'a',
                    'm',
                    'p',
                    'l',
                    'e',
                    3,
                    'c',
                    'o',
                    'm',
                    0,
                    0x00,
                    0x06,
                    0x00,
                    0x01},
                   WEB_TCP_EXAMPLE_COM,
                   {0x00,
                    0x21, // TYPE SRV
                    0x00,
                    0x01, // CLASS IN (add)
                    0x00,
                    0x00,
                    0x01,
                    0x2C, // TTL 300
                    0x00,
                    0x15, // RDLENGTH 21
                    0x00,
                    0x0A,
                    0x00,
                    0x3C,
                    0x08,
                    0x20, // 10 60 2080
                    1,
                    'a',
                    7,
                    'e',
                    'x',
                    'a',
                    'm',
                    'p',
                    'l',
                    'e',
                    3,
                    'c',
                    'o',
                    'm',
                    0,
                    // a.example.com A
                    1,
                    'a',
                    7,
                    'e',
                    'x',
                    'a',
                    'm',
                    'p',
                    'l',
                    'e',
                    3,
                    'c',
                    'o',
                    'm',
                    0,
                    0x00,
                    0x01,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x01,
                    0x2C,
                    0x00,
                    0x04,
                    0xC6,
                    0x6C,
                    0x3F,
                    0x02}});
}

/**
 * An UPDATE deleting the SRV RRset of _web._tcp.example.com (class ANY, TTL 0,
 * RDLENGTH 0) and the RR "a.example.com A 198.108.63.2" (class NONE, TTL 0),
 * RFC 2136 section 2.5.2 and 2.5.4.
 * \return the bytes
 */
std::vector<uint8_t>
UpdateDeleteBytes()
{
    return Concat(
        {{0x00, 0x07, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 7,    'e', 'x',
          'a',  'm',  'p',  'l',  'e',  3,    'c',  'o',  'm',  0,    0x00, 0x06, 0x00, 0x01},
         WEB_TCP_EXAMPLE_COM,
         {0x00, 0x21,             // TYPE SRV
          0x00, 0xFF,             // CLASS ANY
          0x00, 0x00, 0x00, 0x00, // TTL 0
          0x00, 0x00,             // RDLENGTH 0
          1,    'a',  7,    'e',  'x',  'a', 'm',  'p',  'l',
          'e',  3,    'c',  'o',  'm',  0,   0x00, 0x01, // TYPE A
          0x00, 0xFE,                                    // CLASS NONE
          0x00, 0x00, 0x00, 0x00,                        // TTL 0
          0x00, 0x04, 0xC6, 0x6C, 0x3F, 0x02}});
}

/**
 * \param m a message
 * \return its serialization
 */
std::vector<uint8_t>
Serialized(const Msg& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    return BytesOf(p);
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Hand-written messages parsed field by field.
 */
class PeArpDnsParseTestCase : public TestCase
{
  public:
    PeArpDnsParseTestCase()
        : TestCase("hand-written SRV query, compressed response and UPDATE parse field by field")
    {
    }

  private:
    void DoRun() override
    {
        Msg q;
        std::vector<uint8_t> qb = SrvQueryBytes();
        NS_TEST_EXPECT_MSG_EQ(q.Parse(qb.data(), qb.size()), qb.size(), "query consumed whole");
        NS_TEST_EXPECT_MSG_EQ(q.GetId(), 0x1234, "ID");
        NS_TEST_EXPECT_MSG_EQ(q.IsResponse(), false, "QR");
        NS_TEST_EXPECT_MSG_EQ(int(q.GetOpcode()), 0, "opcode");
        NS_TEST_EXPECT_MSG_EQ(q.IsRecursionDesired(), true, "RD");
        NS_TEST_EXPECT_MSG_EQ(q.IsAuthoritative(), false, "AA");
        PEARP_REQUIRE_EQ(q.GetQuestions().size(), 1, "one question");
        NS_TEST_EXPECT_MSG_EQ(q.GetQuestions()[0].name, "_web._tcp.example.com", "QNAME");
        NS_TEST_EXPECT_MSG_EQ(q.GetQuestions()[0].type, 33, "QTYPE SRV");
        NS_TEST_EXPECT_MSG_EQ(q.GetQuestions()[0].qclass, 1, "QCLASS IN");
        NS_TEST_EXPECT_MSG_EQ(q.GetAnswers().size(), 0, "no answers");

        Msg r;
        std::vector<uint8_t> rb = SrvResponseBytes();
        PEARP_REQUIRE_EQ(rb.size(), 77, "hand-written response length");
        NS_TEST_EXPECT_MSG_EQ(r.Parse(rb.data(), rb.size()),
                              rb.size(),
                              "response consumed whole, reason "
                                  << Msg::ParseErrorToString(r.GetParseError()));
        NS_TEST_EXPECT_MSG_EQ(r.IsResponse(), true, "QR");
        NS_TEST_EXPECT_MSG_EQ(r.IsAuthoritative(), true, "AA");
        NS_TEST_EXPECT_MSG_EQ(r.IsRecursionAvailable(), false, "RA");
        NS_TEST_EXPECT_MSG_EQ(int(r.GetRcode()), 0, "NOERROR");
        PEARP_REQUIRE_EQ(r.GetAnswers().size(), 1, "one answer");
        const Rr& srv = r.GetAnswers()[0];
        NS_TEST_EXPECT_MSG_EQ(srv.name, "_web._tcp.example.com", "owner through pointer 12");
        NS_TEST_EXPECT_MSG_EQ(srv.type, 33, "SRV");
        NS_TEST_EXPECT_MSG_EQ(srv.rrClass, 1, "IN");
        NS_TEST_EXPECT_MSG_EQ(srv.ttl, 3600, "TTL");
        NS_TEST_EXPECT_MSG_EQ(srv.priority, 10, "priority");
        NS_TEST_EXPECT_MSG_EQ(srv.weight, 60, "weight");
        NS_TEST_EXPECT_MSG_EQ(srv.port, 2080, "port");
        NS_TEST_EXPECT_MSG_EQ(srv.target, "a.example.com", "target: label + pointer 22");
        PEARP_REQUIRE_EQ(r.GetAdditional().size(), 1, "one additional");
        const Rr& a = r.GetAdditional()[0];
        NS_TEST_EXPECT_MSG_EQ(a.name, "a.example.com", "owner: pointer to a pointer");
        NS_TEST_EXPECT_MSG_EQ(a.type, 1, "A");
        NS_TEST_EXPECT_MSG_EQ(a.address, Ipv4Address("198.108.63.2"), "address");

        Msg u;
        std::vector<uint8_t> ub = UpdateAddBytes();
        NS_TEST_EXPECT_MSG_EQ(u.Parse(ub.data(), ub.size()), ub.size(), "update consumed");
        NS_TEST_EXPECT_MSG_EQ(u.GetId(), 0xBEEF, "ID");
        NS_TEST_EXPECT_MSG_EQ(int(u.GetOpcode()), 5, "UPDATE");
        PEARP_REQUIRE_EQ(u.GetZones().size(), 1, "one zone");
        NS_TEST_EXPECT_MSG_EQ(u.GetZones()[0].name, "example.com", "ZNAME");
        NS_TEST_EXPECT_MSG_EQ(u.GetZones()[0].type, 6, "ZTYPE SOA");
        NS_TEST_EXPECT_MSG_EQ(u.GetPrerequisites().size(), 0, "no prerequisites");
        PEARP_REQUIRE_EQ(u.GetUpdates().size(), 2, "two updates");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[0].name, "_web._tcp.example.com", "owner");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[0].rrClass, 1, "IN: add");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[0].ttl, 300, "TTL");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[0].port, 2080, "port");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[0].target, "a.example.com", "target");
        NS_TEST_EXPECT_MSG_EQ(u.GetUpdates()[1].address, Ipv4Address("198.108.63.2"), "A");

        Msg d;
        std::vector<uint8_t> db = UpdateDeleteBytes();
        NS_TEST_EXPECT_MSG_EQ(d.Parse(db.data(), db.size()), db.size(), "delete consumed");
        PEARP_REQUIRE_EQ(d.GetUpdates().size(), 2, "two updates");
        NS_TEST_EXPECT_MSG_EQ(d.GetUpdates()[0].rrClass, 255, "ANY: delete RRset");
        NS_TEST_EXPECT_MSG_EQ(d.GetUpdates()[0].hasRdata, false, "no RDATA");
        NS_TEST_EXPECT_MSG_EQ(d.GetUpdates()[1].rrClass, 254, "NONE: delete an RR");
        NS_TEST_EXPECT_MSG_EQ(d.GetUpdates()[1].address, Ipv4Address("198.108.63.2"), "its RDATA");

        // Through a packet, as the server reads it.
        Ptr<Packet> p = PacketFromBytes(rb);
        Msg viaPacket;
        NS_TEST_EXPECT_MSG_EQ(p->RemoveHeader(viaPacket), 77, "RemoveHeader reads 77 bytes");
        NS_TEST_EXPECT_MSG_EQ(viaPacket.GetAnswers().size(), 1, "same answer");
    }
};

/**
 * \ingroup pe-arp-tests
 * The serializer against bytes written by hand.
 */
class PeArpDnsSerializeTestCase : public TestCase
{
  public:
    PeArpDnsSerializeTestCase()
        : TestCase("serializer output equals hand-written bytes")
    {
    }

  private:
    void DoRun() override
    {
        Msg q;
        q.SetId(0x1234);
        q.SetRecursionDesired(true);
        q.AddQuestion({"_web._tcp.example.com", Msg::TYPE_SRV, Msg::CLASS_IN});
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(q)), ToHex(SrvQueryBytes()), "SRV query");

        Msg u;
        u.SetId(0xBEEF);
        u.SetOpcode(Msg::OPCODE_UPDATE);
        u.AddQuestion({"example.com.", Msg::TYPE_SOA, Msg::CLASS_IN}); // final dot ignored
        u.AddAuthority(Msg::MakeSrv("_web._tcp.example.com", 10, 60, 2080, "a.example.com", 300));
        u.AddAuthority(Msg::MakeA("a.example.com", Ipv4Address("198.108.63.2"), 300));
        NS_TEST_EXPECT_MSG_EQ(u.GetSerializedSize(), UpdateAddBytes().size(), "size");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(u)), ToHex(UpdateAddBytes()), "UPDATE add");

        Msg d;
        d.SetId(7);
        d.SetOpcode(Msg::OPCODE_UPDATE);
        d.AddQuestion({"example.com", Msg::TYPE_SOA, Msg::CLASS_IN});
        d.AddAuthority(Msg::MakeDeleteRrset("_web._tcp.example.com", Msg::TYPE_SRV));
        d.AddAuthority(
            Msg::MakeDeleteRr(Msg::MakeA("a.example.com", Ipv4Address("198.108.63.2"), 300)));
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(d)), ToHex(UpdateDeleteBytes()), "UPDATE delete");

        // A response round trip: what the serializer writes parses back.
        Msg r;
        std::vector<uint8_t> rb = SrvResponseBytes();
        uint32_t read = r.Parse(rb.data(), rb.size());
        PEARP_REQUIRE_EQ(read, 77, "parse");
        Msg again;
        std::vector<uint8_t> sb = Serialized(r);
        // owner 2 -> 23 bytes, target 4 -> 15, additional owner 2 -> 15
        NS_TEST_EXPECT_MSG_EQ(sb.size(), 77 + 21 + 11 + 13, "uncompressed: 45 bytes more");
        read = again.Parse(sb.data(), sb.size());
        PEARP_REQUIRE_EQ(read, sb.size(), "parses back");
        NS_TEST_EXPECT_MSG_EQ(again.GetFlags(), 0x8500, "flags kept");
        PEARP_REQUIRE_EQ(again.GetAnswers().size(), 1, "answer kept");
        NS_TEST_EXPECT_MSG_EQ(again.GetAnswers()[0].SameData(r.GetAnswers()[0]), true, "SRV");
        NS_TEST_EXPECT_MSG_EQ(again.GetAnswers()[0].ttl, 3600, "TTL");

        NS_TEST_EXPECT_MSG_EQ(Msg::IsValidName(std::string(64, 'x') + ".com"), false, "label 64");
        NS_TEST_EXPECT_MSG_EQ(Msg::IsValidName(std::string(63, 'x') + ".com"), true, "label 63");
        NS_TEST_EXPECT_MSG_EQ(Msg::IsInZone("_web._tcp.Example.COM", "example.com"), true, "in");
        NS_TEST_EXPECT_MSG_EQ(Msg::IsInZone("example.org", "example.com"), false, "out");
        NS_TEST_EXPECT_MSG_EQ(Msg::IsInZone("badexample.com", "example.com"), false, "label-wise");
    }
};

/**
 * \ingroup pe-arp-tests
 * Every malformed-input path: Deserialize returns 0 with the right reason and
 * the message is left empty.
 */
class PeArpDnsMalformedTestCase : public TestCase
{
  public:
    PeArpDnsMalformedTestCase()
        : TestCase("malformed messages are rejected with their reason, no partial state")
    {
    }

  private:
    /** A malformed message and why. */
    struct Case
    {
        std::string what;          //!< description
        std::vector<uint8_t> data; //!< bytes
        Msg::ParseError reason;    //!< expected reason
    };

    void DoRun() override
    {
        // header with QDCOUNT 1
        const std::vector<uint8_t> q1 = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        // header with ANCOUNT 1
        const std::vector<uint8_t> a1 = {0, 1, 0x80, 0, 0, 0, 0, 1, 0, 0, 0, 0};
        std::vector<uint8_t> longName;
        for (int l = 0; l < 5; l++)
        {
            longName.push_back(63);
            longName.insert(longName.end(), 63, 'x');
        }
        longName.push_back(0);
        std::vector<Case> cases = {
            {"empty", {}, Msg::TRUNCATED_HEADER},
            {"11 bytes", {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Msg::TRUNCATED_HEADER},
            {"QDCOUNT 1, no data", q1, Msg::COUNTS_BEYOND_DATA},
            {"ANCOUNT 65535",
             Concat({{0, 1, 0x80, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0}, {0, 0, 1, 0, 1}}),
             Msg::COUNTS_BEYOND_DATA},
            {"ANCOUNT 2, one record",
             Concat({{0, 1, 0x80, 0, 0, 0, 0, 2, 0, 0, 0, 0},
                     {0, 0, 99, 0, 1, 0, 0, 0, 0, 0, 20},
                     std::vector<uint8_t>(20, 0xAA)}),
             Msg::COUNTS_BEYOND_DATA},
            {"label length 64", Concat({q1, {0x40, 'a', 0, 1, 0, 1}}), Msg::LABEL_TOO_LONG},
            {"label type 10", Concat({q1, {0x80, 'a', 0, 1, 0, 1}}), Msg::LABEL_TOO_LONG},
            {"name of 321 bytes", Concat({q1, longName, {0, 1, 0, 1}}), Msg::NAME_TOO_LONG},
            {"label past the end", Concat({q1, {10, 'a', 'b', 'c', 'd'}}), Msg::TRUNCATED_NAME},
            {"pointer beyond the data",
             Concat({q1, {0xC0, 0xFF, 0, 1, 0, 1}}),
             Msg::POINTER_OUT_OF_RANGE},
            {"pointer to itself", Concat({q1, {0xC0, 0x0C, 0, 1, 0, 1}}), Msg::POINTER_LOOP},
            {"two pointers to each other",
             Concat({q1, {0xC0, 0x0E, 0xC0, 0x0C, 0, 1, 0, 1}}),
             Msg::POINTER_LOOP},
            {"label then pointer back to it",
             Concat({q1, {1, 'a', 0xC0, 0x0C, 0, 1, 0, 1}}),
             Msg::POINTER_LOOP},
            {"question without QCLASS", Concat({q1, {1, 'a', 0, 0, 1}}), Msg::TRUNCATED_RECORD},
            {"record without RDLENGTH",
             Concat({a1, {1, 'a', 0, 0, 1, 0, 1, 0, 0, 0, 0}}),
             Msg::TRUNCATED_RECORD},
            {"RDLENGTH 4, 2 bytes",
             Concat({a1, {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2}}),
             Msg::RDLENGTH_BEYOND_DATA},
            {"A with RDLENGTH 3",
             Concat({a1, {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 3, 1, 2, 3}}),
             Msg::BAD_RDATA},
            {"SRV RDATA of 6 bytes",
             Concat({a1, {0, 0, 33, 0, 1, 0, 0, 0, 0, 0, 6, 0, 1, 0, 1, 0, 80}}),
             Msg::BAD_RDATA},
            {"SRV target past RDLENGTH",
             Concat({a1, {0, 0, 33, 0, 1, 0, 0, 0, 0, 0, 8, 0, 1, 0, 1, 0, 80, 1, 'a', 0}}),
             Msg::BAD_RDATA},
            {"SRV RDLENGTH longer than its target",
             Concat({a1, {0, 0, 33, 0, 1, 0, 0, 0, 0, 0, 10, 0, 1, 0, 1, 0, 80, 1, 'a', 0, 9}}),
             Msg::BAD_RDATA},
        };
        std::vector<uint8_t> good = SrvResponseBytes();
        for (const auto& c : cases)
        {
            Msg m;
            NS_TEST_EXPECT_MSG_EQ(m.Parse(good.data(), good.size()), good.size(), "prefill");
            uint32_t read = m.Parse(c.data.data(), c.data.size());
            NS_TEST_EXPECT_MSG_EQ(read, 0, c.what << ": rejected");
            NS_TEST_EXPECT_MSG_EQ(Msg::ParseErrorToString(m.GetParseError()),
                                  Msg::ParseErrorToString(c.reason),
                                  c.what << ": reason");
            NS_TEST_EXPECT_MSG_EQ(m.GetId(), 0, c.what << ": no ID left");
            NS_TEST_EXPECT_MSG_EQ(m.GetFlags(), 0, c.what << ": no flags left");
            NS_TEST_EXPECT_MSG_EQ(m.GetQuestions().size() + m.GetAnswers().size() +
                                      m.GetAuthority().size() + m.GetAdditional().size(),
                                  0,
                                  c.what << ": no records left");
            // The same through a packet.
            Ptr<Packet> p = PacketFromBytes(c.data);
            Msg viaPacket;
            // PeekHeader, as the server and the resolver read: ns-3's
            // RemoveHeader of a header that reads nothing breaks the packet
            // metadata when it is enabled (in-tree, ns-3's own suites enable it).
            NS_TEST_EXPECT_MSG_EQ(p->PeekHeader(viaPacket), 0, c.what << ": PeekHeader");
            NS_TEST_EXPECT_MSG_EQ(p->GetSize(), c.data.size(), c.what << ": packet untouched");
        }
        // Truncating a valid message anywhere is rejected, never a crash.
        for (size_t n = 0; n < good.size(); n++)
        {
            Msg m;
            NS_TEST_EXPECT_MSG_EQ(m.Parse(good.data(), n), 0, "prefix of " << n << " bytes");
            NS_TEST_EXPECT_MSG_NE(m.GetParseError(), Msg::PARSE_OK, "with a reason");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The server's answers and updates, without a network.
 */
class PeArpDnsServerLogicTestCase : public TestCase
{
  public:
    PeArpDnsServerLogicTestCase()
        : TestCase("server: NOERROR, NXDOMAIN, empty answers, REFUSED, UPDATE rcodes")
    {
    }

  private:
    /**
     * \param name QNAME
     * \param type QTYPE
     * \return a query
     */
    static Msg Query(const std::string& name, uint16_t type)
    {
        Msg q;
        q.SetId(42);
        q.AddQuestion({name, type, Msg::CLASS_IN});
        return q;
    }

    /**
     * \param zone ZNAME
     * \param updates update section
     * \return an UPDATE
     */
    static Msg Update(const std::string& zone, const std::vector<Rr>& updates)
    {
        Msg u;
        u.SetId(43);
        u.SetOpcode(Msg::OPCODE_UPDATE);
        u.AddQuestion({zone, Msg::TYPE_SOA, Msg::CLASS_IN});
        for (const auto& rr : updates)
        {
            u.AddAuthority(rr);
        }
        return u;
    }

    /**
     * \param server the server
     * \param request a request
     * \return the server's response (a default message if it answers none)
     */
    static Msg Answer(Ptr<PeArpDnsServer> server, const Msg& request)
    {
        return server->Process(request).value_or(Msg());
    }

    void DoRun() override
    {
        Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
        server->SetAttribute("Zone", StringValue("example.com"));
        NS_TEST_EXPECT_MSG_EQ(server->AddRecord(Msg::MakeA("www.example.org", Ipv4Address(1), 60)),
                              false,
                              "a record outside the zone is refused");
        Msg r;
        // UPDATE adds.
        std::optional<Msg> answer = server->Process(
            Update("example.com",
                   {Msg::MakeSrv("_web._tcp.example.com", 10, 0, 2080, "a.example.com", 300),
                    Msg::MakeA("a.example.com", Ipv4Address("198.108.63.2"), 300)}));
        PEARP_REQUIRE_EQ(answer.has_value(), true, "answered");
        r = *answer;
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOERROR", "update applied");
        NS_TEST_EXPECT_MSG_EQ(r.IsResponse(), true, "QR");
        NS_TEST_EXPECT_MSG_EQ(int(r.GetOpcode()), 5, "opcode kept");
        NS_TEST_EXPECT_MSG_EQ(r.GetId(), 43, "ID kept");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 2, "two records");

        // SRV query: answer plus the target's address.
        answer = server->Process(Query("_WEB._tcp.example.com", Msg::TYPE_SRV));
        PEARP_REQUIRE_EQ(answer.has_value(), true, "answered");
        r = *answer;
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()),
                              "NOERROR",
                              "found (case-insensitive)");
        NS_TEST_EXPECT_MSG_EQ(r.IsAuthoritative(), true, "AA");
        NS_TEST_EXPECT_MSG_EQ(r.GetId(), 42, "ID");
        PEARP_REQUIRE_EQ(r.GetAnswers().size(), 1, "one SRV");
        NS_TEST_EXPECT_MSG_EQ(r.GetAnswers()[0].port, 2080, "port");
        PEARP_REQUIRE_EQ(r.GetAdditional().size(), 1, "target's A in additional");
        NS_TEST_EXPECT_MSG_EQ(r.GetAdditional()[0].address, Ipv4Address("198.108.63.2"), "A");

        // The name exists without an A record: NOERROR, no answer.
        r = Answer(server, Query("_web._tcp.example.com", Msg::TYPE_A));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOERROR", "empty NOERROR");
        NS_TEST_EXPECT_MSG_EQ(r.GetAnswers().size(), 0, "no answer");
        // An empty non-terminal (_tcp.example.com) exists too.
        r = Answer(server, Query("_tcp.example.com", Msg::TYPE_SRV));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOERROR", "empty non-terminal");
        r = Answer(server, Query("_ftp._tcp.example.com", Msg::TYPE_SRV));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NXDOMAIN", "unknown name");
        NS_TEST_EXPECT_MSG_EQ(r.IsAuthoritative(), true, "AA on NXDOMAIN");
        r = Answer(server, Query("www.example.org", Msg::TYPE_A));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "REFUSED", "not our zone");
        NS_TEST_EXPECT_MSG_EQ(r.IsAuthoritative(), false, "no AA outside the zone");
        Msg two = Query("a.example.com", Msg::TYPE_A);
        two.AddQuestion({"b.example.com", Msg::TYPE_A, Msg::CLASS_IN});
        r = Answer(server, two);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "FORMERR", "two questions");
        Msg notify = Query("example.com", Msg::TYPE_SOA);
        notify.SetOpcode(4);
        r = Answer(server, notify);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOTIMP", "opcode 4");
        Msg response = Query("a.example.com", Msg::TYPE_A);
        response.SetResponse(true);
        NS_TEST_EXPECT_MSG_EQ(server->Process(response).has_value(),
                              false,
                              "responses are not answered");

        // UPDATE errors leave the zone unchanged.
        r = Answer(server,
                   Update("example.com",
                          {Msg::MakeA("b.example.com", Ipv4Address("198.108.63.2"), 300),
                           Msg::MakeA("b.example.org", Ipv4Address("198.108.63.2"), 300)}));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOTZONE", "name outside zone");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 2, "all or nothing");
        r = Answer(server, Update("example.org", {}));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOTAUTH", "another zone");
        Msg soaLess;
        soaLess.SetOpcode(Msg::OPCODE_UPDATE);
        soaLess.AddQuestion({"example.com", Msg::TYPE_A, Msg::CLASS_IN});
        r = Answer(server, soaLess);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "FORMERR", "zone type not SOA");
        Rr badDelete = Msg::MakeDeleteRrset("a.example.com", Msg::TYPE_A);
        badDelete.ttl = 5;
        r = Answer(server, Update("example.com", {badDelete}));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "FORMERR", "ANY delete with TTL");
        Msg prereq = Update("example.com", {});
        prereq.AddAnswer(Msg::MakeDeleteRrset("b.example.com", Msg::TYPE_A)); // "RRset exists"
        r = Answer(server, prereq);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NXRRSET", "prerequisite fails");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 2, "unchanged");

        // Deletions: one RR (class NONE), then an RRset (class ANY).
        r = Answer(server,
                   Update("example.com",
                          {Msg::MakeDeleteRr(
                              Msg::MakeA("a.example.com", Ipv4Address("198.108.63.9"), 0))}));
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 2, "another address: nothing deleted");
        r = Answer(server,
                   Update("example.com",
                          {Msg::MakeDeleteRr(
                              Msg::MakeA("a.example.com", Ipv4Address("198.108.63.2"), 0))}));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NOERROR", "delete RR");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecords("a.example.com", Msg::TYPE_A).size(), 0, "gone");
        r = Answer(
            server,
            Update("example.com", {Msg::MakeDeleteRrset("_web._tcp.example.com", Msg::TYPE_SRV)}));
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 0, "RRset deleted");
        r = Answer(server, Query("_web._tcp.example.com", Msg::TYPE_SRV));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "NXDOMAIN", "now unknown");

        server->SetAttribute("AcceptUpdates", BooleanValue(false));
        r = Answer(server, Update("example.com", {Msg::MakeA("a.example.com", Ipv4Address(1), 1)}));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(r.GetRcode()), "REFUSED", "updates disabled");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 0, "nothing added");
        const PeArpDnsServer::Counters& c = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.queries, 7, "queries counted");
        NS_TEST_EXPECT_MSG_EQ(c.updates, 10, "updates counted");
        NS_TEST_EXPECT_MSG_EQ(c.updatesApplied, 4, "updates applied");
        server->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * RFC 2782 ordering: priority first, weights as probabilities.
 */
class PeArpSrvOrderTestCase : public TestCase
{
  public:
    PeArpSrvOrderTestCase()
        : TestCase("SRV targets are ordered by priority, then weighted at random")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<UniformRandomVariable> rng = CreateObject<UniformRandomVariable>();
        rng->SetStream(11);
        std::vector<Rr> records = {Msg::MakeSrv("s", 20, 0, 4000, "c", 1),
                                   Msg::MakeSrv("s", 10, 0, 2000, "a", 1),
                                   Msg::MakeSrv("s", 10, 100, 3000, "b", 1)};
        uint32_t bFirst = 0;
        for (int k = 0; k < 1000; k++)
        {
            std::vector<Rr> o = PeArpSrvResolver::OrderSrv(records, rng);
            PEARP_REQUIRE_EQ(o.size(), 3, "all kept");
            NS_TEST_EXPECT_MSG_EQ(o[2].port, 4000, "priority 20 last");
            bFirst += o[0].port == 3000;
        }
        // weight 100 against 0: a is first only when the draw is 0 (1 in 101)
        NS_TEST_EXPECT_MSG_GT(bFirst, 950, "the weighted record comes first almost always");
        NS_TEST_EXPECT_MSG_LT(bFirst, 1000, "the weight-0 record is chosen sometimes");
    }
};

namespace
{

/** What a resolution produced. */
struct Resolution
{
    bool done = false;                                      //!< callback called
    PeArpSrvResolver::Status status = PeArpSrvResolver::OK; //!< status
    std::vector<PeArpSrvResolver::Target> targets;          //!< targets
    Time at;                                                //!< when
};

/**
 * \param node a node
 * \param server the DNS server's address
 * \return a resolver aggregated to the node
 */
Ptr<PeArpSrvResolver>
InstallResolver(Ptr<Node> node, Ipv4Address server)
{
    Ptr<PeArpSrvResolver> resolver = CreateObject<PeArpSrvResolver>();
    resolver->SetAttribute("Server", Ipv4AddressValue(server));
    node->AggregateObject(resolver);
    return resolver;
}

/**
 * \param node a node
 * \param zone its zone
 * \return a DNS server started at 0 on the node
 */
Ptr<PeArpDnsServer>
InstallServer(Ptr<Node> node, const std::string& zone)
{
    Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
    server->SetAttribute("Zone", StringValue(zone));
    node->AddApplication(server);
    server->SetStartTime(Seconds(0));
    return server;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Figure 4: hosts register with UPDATE, the Internet host resolves and
 * connects; exact byte counts.
 */
class PeArpDnsEndToEndTestCase : public TestCase
{
  public:
    PeArpDnsEndToEndTestCase()
        : TestCase("register, resolve and connect end to end on Figure 4")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<PeArpDnsServer> server = InstallServer(f.inet, "example.com");
        const std::vector<uint16_t> ports = {2080, 3025, 4080};
        const std::vector<std::string> services = {"_web", "_mail", "_web"};
        const std::vector<uint16_t> priorities = {10, 0, 20};
        const std::vector<std::string> names = {"a.example.com", "b.example.com", "c.example.com"};
        std::vector<Ptr<Application>> sinks;
        std::vector<std::pair<PeArpSrvResolver::Status, uint8_t>> registered(3);
        std::vector<Ptr<PeArpSrvResolver>> hostResolvers;
        for (uint32_t i = 0; i < 3; i++)
        {
            sinks.push_back(InstallSink(f.hosts.Get(i), true, ports[i]));
            hostResolvers.push_back(InstallResolver(f.hosts.Get(i), f.inetAddress));
            Simulator::Schedule(Seconds(0.5 + 0.1 * i), [&, i]() {
                hostResolvers[i]->RegisterLocalService(
                    services[i],
                    "_tcp",
                    "example.com",
                    names[i],
                    ports[i],
                    300,
                    PeArpSrvResolver::RegisterCallback(
                        [&registered, i](PeArpSrvResolver::Status s, uint8_t rcode) {
                            registered[i] = {s, rcode};
                        }),
                    priorities[i]);
            });
        }
        Ptr<PeArpSrvResolver> client = InstallResolver(f.inet, f.inetAddress);
        client->AssignStreams(1);
        std::vector<Resolution> resolved(2);
        const std::vector<uint32_t> bytes = {30000, 20000};
        const std::vector<std::string> asked = {"_web", "_mail"};
        for (uint32_t k = 0; k < 2; k++)
        {
            Simulator::Schedule(Seconds(2), [&, k]() {
                client->Resolve(
                    asked[k],
                    "_tcp",
                    "example.com",
                    PeArpSrvResolver::ResolveCallback(
                        [&, k](PeArpSrvResolver::Status s,
                               const std::vector<PeArpSrvResolver::Target>& t) {
                            resolved[k] = {true, s, t, Simulator::Now()};
                            if (s == PeArpSrvResolver::OK)
                            {
                                SendTcp(f.inet, t[0].address, t[0].port, bytes[k], Seconds(0));
                            }
                        }));
            });
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(registered[i].first),
                                  "ok",
                                  "host " << i << " registered, rcode "
                                          << Msg::RcodeToString(registered[i].second));
        }
        NS_TEST_EXPECT_MSG_EQ(server->GetCounters().updatesApplied, 3, "three UPDATEs applied");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 6, "three SRV and three A records");
        auto srv = server->GetRecords("_mail._tcp.example.com", Msg::TYPE_SRV);
        PEARP_REQUIRE_EQ(srv.size(), 1, "B's record");
        NS_TEST_EXPECT_MSG_EQ(srv[0].port, 3025, "B's port");
        NS_TEST_EXPECT_MSG_EQ(srv[0].target, "b.example.com", "B's name");

        PEARP_REQUIRE_EQ(resolved[0].done, true, "_web resolved");
        NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(resolved[0].status), "ok", "_web");
        PEARP_REQUIRE_EQ(resolved[0].targets.size(), 2, "A and C offer _web");
        NS_TEST_EXPECT_MSG_EQ(resolved[0].targets[0].host, "a.example.com", "priority 10 first");
        NS_TEST_EXPECT_MSG_EQ(resolved[0].targets[0].port, 2080, "A's port");
        NS_TEST_EXPECT_MSG_EQ(resolved[0].targets[0].address, f.shared, "the shared address");
        NS_TEST_EXPECT_MSG_EQ(resolved[0].targets[1].port, 4080, "C's port second");
        NS_TEST_EXPECT_MSG_EQ(resolved[0].targets[1].address, f.shared, "same address");
        PEARP_REQUIRE_EQ(resolved[1].done, true, "_mail resolved");
        PEARP_REQUIRE_EQ(resolved[1].targets.size(), 1, "B offers _mail");
        NS_TEST_EXPECT_MSG_EQ(resolved[1].targets[0].port, 3025, "B's port");
        // One round trip of 2 x 5 ms plus serialization: well under a second.
        NS_TEST_EXPECT_MSG_LT(resolved[0].at, Seconds(2.1), "answered from additional");
        NS_TEST_EXPECT_MSG_EQ(client->GetRequestsSent(), 2, "two queries, no A query needed");
        NS_TEST_EXPECT_MSG_EQ(client->GetRetransmissions(), 0, "no retransmission");

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[0]), 30000, "A got the _web transfer");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[1]), 20000, "B got the _mail transfer");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[2]), 0, "C, the _web backup, got nothing");
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().TotalDrops(), 0, "no drops");
    }
};

/**
 * \ingroup pe-arp-tests
 * A client that only knows the well-known port: nobody owns port 80 of the
 * shared address, the router's PE-ARP request is never answered, the TCP
 * connection never completes. Registering port 80 is refused on the host.
 */
class PeArpDnsWellKnownPortTestCase : public TestCase
{
  public:
    PeArpDnsWellKnownPortTestCase()
        : TestCase("a client using the well-known port 80 fails; port 80 cannot be registered")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        std::vector<Ptr<Application>> sinks;
        for (uint32_t i = 0; i < 3; i++)
        {
            sinks.push_back(InstallSink(f.hosts.Get(i), true, 2080 + 1000 * i));
        }
        Ptr<PeArpDnsServer> server = InstallServer(f.inet, "example.com");
        Ptr<PeArpSrvResolver> resolver = InstallResolver(f.hosts.Get(0), f.inetAddress);
        PeArpSrvResolver::Status refused = PeArpSrvResolver::OK;
        bool called = false;
        resolver->RegisterLocalService(
            "_web",
            "_tcp",
            "example.com",
            "a.example.com",
            80,
            300,
            PeArpSrvResolver::RegisterCallback([&](PeArpSrvResolver::Status s, uint8_t) {
                refused = s;
                called = true;
            }));

        Ptr<Socket> socket = Socket::CreateSocket(f.inet, TcpSocketFactory::GetTypeId());
        socket->SetAttribute("ConnCount", UintegerValue(2));
        socket->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
        bool connected = false;
        Time failedAt;
        socket->SetConnectCallback(
            Callback<void, Ptr<Socket>>([&connected](Ptr<Socket>) { connected = true; }),
            Callback<void, Ptr<Socket>>([&failedAt](Ptr<Socket>) { failedAt = Simulator::Now(); }));
        Simulator::Schedule(Seconds(1),
                            [&]() { socket->Connect(InetSocketAddress(f.shared, 80)); });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(called, true, "registration answered");
        NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(refused),
                              "port-not-owned",
                              "A does not own port 80");
        NS_TEST_EXPECT_MSG_EQ(resolver->GetRequestsSent(), 0, "nothing sent");
        NS_TEST_EXPECT_MSG_EQ(server->GetCounters().received, 0, "the server saw nothing");
        NS_TEST_EXPECT_MSG_EQ(connected, false, "the connection never completes");
        NS_TEST_EXPECT_MSG_GT(failedAt, Seconds(1), "the connection fails");
        uint64_t total = 0;
        for (const auto& s : sinks)
        {
            total += SinkBytes(s);
        }
        NS_TEST_EXPECT_MSG_EQ(total, 0, "no host received a byte");
        PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_GT(c.requestsSent, 0, "the router asked for port 80");
        NS_TEST_EXPECT_MSG_EQ(c.repliesReceived, 0, "nobody answered");
        Ptr<PeArpCache> cache = f.routerLan->GetCache();
        NS_TEST_EXPECT_MSG_GT(cache->GetResolutionFailures(), 0, "the resolution of :80 failed");
        NS_TEST_EXPECT_MSG_GT(cache->GetResolutionFailureDrops() +
                                  c.drops[PeArpL3Protocol::DEAD_ENTRY],
                              0,
                              "and the SYNs were dropped at the router");
        socket->Close();
    }
};

/**
 * \ingroup pe-arp-tests
 * Malformed datagrams to port 53 are dropped and counted; the server keeps
 * answering. And a resolver without a server times out after its retries.
 */
class PeArpDnsMalformedDatagramTestCase : public TestCase
{
  public:
    PeArpDnsMalformedDatagramTestCase()
        : TestCase("the server drops and counts malformed datagrams; resolver timeout")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        // With packet metadata on (pcap and ASCII traces turn it on; in-tree,
        // ns-3's own suites do), a malformed message must not break it.
        Packet::EnablePrinting();
        Figure4 f;
        Ptr<PeArpDnsServer> server = InstallServer(f.inet, "example.com");
        server->AddRecord(Msg::MakeSrv("_web._tcp.example.com", 0, 0, 2080, "a.example.com", 60));
        server->AddRecord(Msg::MakeA("a.example.com", f.shared, 60));
        std::vector<std::string> reasons;
        server->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, const Address&, const std::string&>(
                [&reasons](Ptr<const Packet>, const Address&, const std::string& why) {
                    reasons.push_back(why);
                }));
        std::vector<std::vector<uint8_t>> garbage = {
            {0x12},
            {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 0x0C, 0, 1, 0, 1},
            {0, 1, 0x80, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 9, 1, 2}};
        Ptr<Socket> raw = Socket::CreateSocket(f.hosts.Get(1), UdpSocketFactory::GetTypeId());
        uint32_t answers = 0;
        raw->SetRecvCallback(Callback<void, Ptr<Socket>>([&answers](Ptr<Socket> s) {
            while (s->Recv())
            {
                answers++;
            }
        }));
        for (uint32_t k = 0; k < garbage.size(); k++)
        {
            Simulator::Schedule(Seconds(1 + 0.1 * k), [&, k]() {
                raw->SendTo(PacketFromBytes(garbage[k]), 0, InetSocketAddress(f.inetAddress, 53));
            });
        }
        Resolution after;
        Ptr<PeArpSrvResolver> client = InstallResolver(f.hosts.Get(2), f.inetAddress);
        Simulator::Schedule(Seconds(2), [&]() {
            client->Resolve("web",
                            "tcp",
                            "example.com",
                            PeArpSrvResolver::ResolveCallback(
                                [&after](PeArpSrvResolver::Status s,
                                         const std::vector<PeArpSrvResolver::Target>& t) {
                                    after = {true, s, t, Simulator::Now()};
                                }));
        });
        // A resolver whose server does not exist.
        Resolution lost;
        Ptr<PeArpSrvResolver> orphan =
            InstallResolver(f.hosts.Get(0), Ipv4Address("192.35.162.99"));
        orphan->SetAttribute("Timeout", TimeValue(Seconds(1)));
        orphan->SetAttribute("Retries", UintegerValue(2));
        Simulator::Schedule(Seconds(3), [&]() {
            orphan->Resolve("web",
                            "tcp",
                            "example.com",
                            PeArpSrvResolver::ResolveCallback(
                                [&lost](PeArpSrvResolver::Status s,
                                        const std::vector<PeArpSrvResolver::Target>& t) {
                                    lost = {true, s, t, Simulator::Now()};
                                }));
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        const PeArpDnsServer::Counters& c = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.received, 4, "three malformed datagrams and one query");
        NS_TEST_EXPECT_MSG_EQ(c.malformed, 3, "three dropped as malformed");
        NS_TEST_EXPECT_MSG_EQ(c.queries, 1, "one query");
        NS_TEST_EXPECT_MSG_EQ(c.responses, 1, "one response");
        PEARP_REQUIRE_EQ(reasons.size(), 3, "three drops traced");
        NS_TEST_EXPECT_MSG_EQ(reasons[0], "truncated-header", "1 byte");
        NS_TEST_EXPECT_MSG_EQ(reasons[1], "pointer-loop", "self pointer");
        NS_TEST_EXPECT_MSG_EQ(reasons[2], "rdlength-beyond-data", "RDLENGTH 9, 2 bytes");
        NS_TEST_EXPECT_MSG_EQ(answers, 0, "nothing sent back for malformed datagrams");
        PEARP_REQUIRE_EQ(after.done, true, "the server still answers");
        NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(after.status), "ok", "resolved");
        PEARP_REQUIRE_EQ(after.targets.size(), 1, "one target");
        NS_TEST_EXPECT_MSG_EQ(after.targets[0].port, 2080, "port");

        PEARP_REQUIRE_EQ(lost.done, true, "the orphan resolver gave up");
        NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(lost.status), "timeout", "TIMEOUT");
        NS_TEST_EXPECT_MSG_EQ(lost.at, Seconds(6), "after 3 tries of 1 s");
        NS_TEST_EXPECT_MSG_EQ(orphan->GetRequestsSent(), 3, "1 + 2 retries");
        NS_TEST_EXPECT_MSG_EQ(orphan->GetRetransmissions(), 2, "2 retransmissions");
        raw->Close();
    }
};

/**
 * \ingroup pe-arp-tests
 * The DNS SRV test suite.
 */
class PeArpDnsTestSuite : public TestSuite
{
  public:
    PeArpDnsTestSuite()
        : TestSuite("pe-arp-dns", UNIT)
    {
        AddTestCase(new PeArpDnsParseTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsSerializeTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsMalformedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsServerLogicTestCase, TestCase::QUICK);
        AddTestCase(new PeArpSrvOrderTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsEndToEndTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsWellKnownPortTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsMalformedDatagramTestCase, TestCase::QUICK);
    }
};

/// The suite's static instance.
static PeArpDnsTestSuite g_peArpDnsTestSuite;
