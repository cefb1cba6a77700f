/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of the PE-ARP frame (PeArpHeader) and of PeArpPortRange.
 *
 * The expected frames are written by hand, byte by byte, from Tables I and II
 * of the PE-ARP paper (Karir et al., section III.B): the 28-byte RFC 826 body
 * for IPv4 over Ethernet, then the magic 0xEAAB, the sender port range low and
 * high, the target port and the return port, all in network byte order. They
 * are never produced by the serializer under test.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/test.h"

#include <sstream>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpHeaderTestSuite");

namespace
{

/**
 * PE-ARP request, by hand from Tables I and II: "who has 198.108.63.2:2500?
 * I have 198.108.63.1:0-0 (MAC 00:00:00:00:00:01)". The return port of a
 * request is the sender range low (0).
 */
const std::vector<uint8_t> g_peRequest = {
    0x00, 0x01,                         // hardware type: Ethernet
    0x08, 0x00,                         // protocol type: IPv4
    0x06,                               // hardware address length
    0x04,                               // protocol address length
    0x00, 0x01,                         // operation: request
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // sender MAC 00:00:00:00:00:01
    0xc6, 0x6c, 0x3f, 0x01,             // sender IP 198.108.63.1
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // target MAC (unknown)
    0xc6, 0x6c, 0x3f, 0x02,             // target IP 198.108.63.2
    0xea, 0xab,                         // magic
    0x00, 0x00,                         // sender port range low: 0
    0x00, 0x00,                         // sender port range high: 0
    0x09, 0xc4,                         // target port: 2500
    0x00, 0x00,                         // return port: 0
};

/**
 * PE-ARP reply, by hand from Tables I and II: 198.108.63.2 range 2000-2999 is
 * at 00:0c:29:9e:8c:ee, to 00:00:00:00:00:01 198.108.63.1, target port 0,
 * return port 2500.
 */
const std::vector<uint8_t> g_peReply = {
    0x00, 0x01,                         // hardware type: Ethernet
    0x08, 0x00,                         // protocol type: IPv4
    0x06,                               // hardware address length
    0x04,                               // protocol address length
    0x00, 0x02,                         // operation: reply
    0x00, 0x0c, 0x29, 0x9e, 0x8c, 0xee, // sender MAC 00:0c:29:9e:8c:ee
    0xc6, 0x6c, 0x3f, 0x02,             // sender IP 198.108.63.2
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // target MAC 00:00:00:00:00:01
    0xc6, 0x6c, 0x3f, 0x01,             // target IP 198.108.63.1
    0xea, 0xab,                         // magic
    0x07, 0xd0,                         // sender port range low: 2000
    0x0b, 0xb7,                         // sender port range high: 2999
    0x00, 0x00,                         // target port: 0
    0x09, 0xc4,                         // return port: 2500
};

/**
 * Standard (RFC 826) request, by hand from Table I: who has 198.108.63.2?
 * tell 198.108.63.1 (00:00:00:00:00:01).
 */
const std::vector<uint8_t> g_standardRequest = {
    0x00, 0x01,                         // hardware type: Ethernet
    0x08, 0x00,                         // protocol type: IPv4
    0x06,                               // hardware address length
    0x04,                               // protocol address length
    0x00, 0x01,                         // operation: request
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // sender MAC 00:00:00:00:00:01
    0xc6, 0x6c, 0x3f, 0x01,             // sender IP 198.108.63.1
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // target MAC (unknown)
    0xc6, 0x6c, 0x3f, 0x02,             // target IP 198.108.63.2
};

/**
 * \param header a header
 * \return the bytes the header serializes to
 */
std::vector<uint8_t>
Serialized(const PeArpHeader& header)
{
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    return BytesOf(packet);
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief PeArpPortRange: Contains, Overlaps, IsAll, IsValid, GetSize and
 * printing, with the special all-ports range 0-0 and the edges of the port
 * space.
 */
class PeArpPortRangeTestCase : public TestCase
{
  public:
    PeArpPortRangeTestCase();

  private:
    void DoRun() override;
};

PeArpPortRangeTestCase::PeArpPortRangeTestCase()
    : TestCase("PeArpPortRange: Contains, Overlaps, IsAll and GetSize edge cases")
{
}

void
PeArpPortRangeTestCase::DoRun()
{
    // 0-0 is the all-ports range: it holds every port, 0 and 65535 included.
    PeArpPortRange all;
    NS_TEST_ASSERT_MSG_EQ(all.GetLow(), 0, "default range low");
    NS_TEST_ASSERT_MSG_EQ(all.GetHigh(), 0, "default range high");
    NS_TEST_ASSERT_MSG_EQ(all.IsAll(), true, "default range is 0-0");
    NS_TEST_ASSERT_MSG_EQ((PeArpPortRange::All() == PeArpPortRange(0, 0)), true, "All() is 0-0");
    NS_TEST_ASSERT_MSG_EQ(all.IsValid(), true, "0-0 is valid");
    NS_TEST_ASSERT_MSG_EQ(all.Contains(0), true, "0-0 holds port 0");
    NS_TEST_ASSERT_MSG_EQ(all.Contains(1), true, "0-0 holds port 1");
    NS_TEST_ASSERT_MSG_EQ(all.Contains(2500), true, "0-0 holds port 2500");
    NS_TEST_ASSERT_MSG_EQ(all.Contains(65535), true, "0-0 holds port 65535");
    NS_TEST_ASSERT_MSG_EQ(all.GetSize(), 65536U, "0-0 has 65536 ports");
    NS_TEST_ASSERT_MSG_EQ(all.ToString(), "0-0", "0-0 printed");

    // A single-port range at the top of the port space.
    PeArpPortRange top(65535, 65535);
    NS_TEST_ASSERT_MSG_EQ(top.IsAll(), false, "65535-65535 is not 0-0");
    NS_TEST_ASSERT_MSG_EQ(top.IsValid(), true, "65535-65535 is valid");
    NS_TEST_ASSERT_MSG_EQ(top.Contains(65535), true, "65535-65535 holds 65535");
    NS_TEST_ASSERT_MSG_EQ(top.Contains(65534), false, "65535-65535 does not hold 65534");
    NS_TEST_ASSERT_MSG_EQ(top.Contains(0), false, "65535-65535 does not hold 0");
    NS_TEST_ASSERT_MSG_EQ(top.GetSize(), 1U, "65535-65535 has one port");
    NS_TEST_ASSERT_MSG_EQ(top.Overlaps(PeArpPortRange(65535, 65535)), true, "same single port");
    NS_TEST_ASSERT_MSG_EQ(top.Overlaps(PeArpPortRange(65534, 65534)),
                          false,
                          "adjacent single ports do not overlap");
    NS_TEST_ASSERT_MSG_EQ(top.Overlaps(all), true, "65535-65535 overlaps 0-0");

    // 1-65535 holds every port but 0, and still overlaps 0-0 both ways.
    PeArpPortRange allButZero(1, 65535);
    NS_TEST_ASSERT_MSG_EQ(allButZero.IsAll(), false, "1-65535 is not 0-0");
    NS_TEST_ASSERT_MSG_EQ(allButZero.Contains(0), false, "1-65535 does not hold 0");
    NS_TEST_ASSERT_MSG_EQ(allButZero.Contains(1), true, "1-65535 holds 1");
    NS_TEST_ASSERT_MSG_EQ(allButZero.Contains(65535), true, "1-65535 holds 65535");
    NS_TEST_ASSERT_MSG_EQ(allButZero.GetSize(), 65535U, "1-65535 has 65535 ports");
    NS_TEST_ASSERT_MSG_EQ(allButZero.Overlaps(all), true, "1-65535 overlaps 0-0");
    NS_TEST_ASSERT_MSG_EQ(all.Overlaps(allButZero), true, "0-0 overlaps 1-65535");

    // 0-65535 is a full range but not the special 0-0.
    PeArpPortRange full(0, 65535);
    NS_TEST_ASSERT_MSG_EQ(full.IsAll(), false, "0-65535 is not 0-0");
    NS_TEST_ASSERT_MSG_EQ(full.GetSize(), 65536U, "0-65535 has 65536 ports");
    NS_TEST_ASSERT_MSG_EQ((full == all), false, "0-65535 != 0-0");
    NS_TEST_ASSERT_MSG_EQ((full != all), true, "0-65535 != 0-0 (operator!=)");

    // A range starting at 0 holds port 0 and its bounds only.
    PeArpPortRange low(0, 999);
    NS_TEST_ASSERT_MSG_EQ(low.IsAll(), false, "0-999 is not 0-0");
    NS_TEST_ASSERT_MSG_EQ(low.Contains(0), true, "0-999 holds 0");
    NS_TEST_ASSERT_MSG_EQ(low.Contains(999), true, "0-999 holds 999");
    NS_TEST_ASSERT_MSG_EQ(low.Contains(1000), false, "0-999 does not hold 1000");
    NS_TEST_ASSERT_MSG_EQ(low.GetSize(), 1000U, "0-999 has 1000 ports");

    // Inclusive bounds of an ordinary range.
    PeArpPortRange r(2000, 2999);
    NS_TEST_ASSERT_MSG_EQ(r.Contains(1999), false, "2000-2999 does not hold 1999");
    NS_TEST_ASSERT_MSG_EQ(r.Contains(2000), true, "2000-2999 holds 2000");
    NS_TEST_ASSERT_MSG_EQ(r.Contains(2999), true, "2000-2999 holds 2999");
    NS_TEST_ASSERT_MSG_EQ(r.Contains(3000), false, "2000-2999 does not hold 3000");
    NS_TEST_ASSERT_MSG_EQ(r.Contains(0), false, "2000-2999 does not hold 0");
    NS_TEST_ASSERT_MSG_EQ(r.GetSize(), 1000U, "2000-2999 has 1000 ports");
    NS_TEST_ASSERT_MSG_EQ(r.ToString(), "2000-2999", "ToString");
    std::ostringstream oss;
    oss << r;
    NS_TEST_ASSERT_MSG_EQ(oss.str(), "2000-2999", "operator<<");

    // Overlaps: adjacent ranges do not overlap, one shared port does, and the
    // relation is symmetric; containment overlaps.
    PeArpPortRange next(3000, 3999);
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(next), false, "2000-2999 vs 3000-3999");
    NS_TEST_ASSERT_MSG_EQ(next.Overlaps(r), false, "3000-3999 vs 2000-2999");
    PeArpPortRange shared(2999, 3000);
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(shared), true, "2000-2999 vs 2999-3000");
    NS_TEST_ASSERT_MSG_EQ(next.Overlaps(shared), true, "3000-3999 vs 2999-3000");
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(PeArpPortRange(2500, 2500)), true, "contained port");
    NS_TEST_ASSERT_MSG_EQ(PeArpPortRange(2500, 2500).Overlaps(r), true, "contained, reversed");
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(PeArpPortRange(1000, 5000)), true, "containing range");
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(PeArpPortRange(1000, 1999)), false, "range just below");
    NS_TEST_ASSERT_MSG_EQ(r.Overlaps(all), true, "2000-2999 overlaps 0-0");

    // Validity.
    NS_TEST_ASSERT_MSG_EQ(PeArpPortRange(3000, 2999).IsValid(), false, "low > high is invalid");
    NS_TEST_ASSERT_MSG_EQ(PeArpPortRange(3000, 3000).IsValid(), true, "low == high is valid");
}

/**
 * \ingroup pe-arp-tests
 * \brief Serialization of a PE-ARP request and a PE-ARP reply, compared with
 * frames written by hand from Tables I and II.
 */
class PeArpHeaderSerializeTestCase : public TestCase
{
  public:
    PeArpHeaderSerializeTestCase();

  private:
    void DoRun() override;
};

PeArpHeaderSerializeTestCase::PeArpHeaderSerializeTestCase()
    : TestCase("PeArpHeader: serialized request and reply match the hand-written frames")
{
}

void
PeArpHeaderSerializeTestCase::DoRun()
{
    NS_TEST_ASSERT_MSG_EQ(g_peRequest.size(), 38U, "hand-written request is 38 bytes");
    NS_TEST_ASSERT_MSG_EQ(g_peReply.size(), 38U, "hand-written reply is 38 bytes");

    PeArpHeader request;
    request.SetRequest(Mac48Address("00:00:00:00:00:01"),
                       Ipv4Address("198.108.63.1"),
                       PeArpPortRange(0, 0),
                       Ipv4Address("198.108.63.2"),
                       2500);
    NS_TEST_ASSERT_MSG_EQ(request.GetSerializedSize(), 38U, "request size");
    std::vector<uint8_t> requestBytes = Serialized(request);
    NS_TEST_ASSERT_MSG_EQ(requestBytes.size(), 38U, "request serialized to 38 bytes");
    NS_TEST_ASSERT_MSG_EQ(ToHex(requestBytes), ToHex(g_peRequest), "request bytes");

    PeArpHeader reply;
    reply.SetReply(Mac48Address("00:0c:29:9e:8c:ee"),
                   Ipv4Address("198.108.63.2"),
                   PeArpPortRange(2000, 2999),
                   Mac48Address("00:00:00:00:00:01"),
                   Ipv4Address("198.108.63.1"),
                   0,
                   2500);
    NS_TEST_ASSERT_MSG_EQ(reply.GetSerializedSize(), 38U, "reply size");
    std::vector<uint8_t> replyBytes = Serialized(reply);
    NS_TEST_ASSERT_MSG_EQ(replyBytes.size(), 38U, "reply serialized to 38 bytes");
    NS_TEST_ASSERT_MSG_EQ(ToHex(replyBytes), ToHex(g_peReply), "reply bytes");

    // The standard request is exactly the first 28 bytes, without extension.
    PeArpHeader standard;
    standard.SetStandardRequest(Mac48Address("00:00:00:00:00:01"),
                                Ipv4Address("198.108.63.1"),
                                Ipv4Address("198.108.63.2"));
    NS_TEST_ASSERT_MSG_EQ(ToHex(Serialized(standard)),
                          ToHex(g_standardRequest),
                          "standard request bytes");
}

/**
 * \ingroup pe-arp-tests
 * \brief Parsing the hand-written PE-ARP request and reply: every field.
 */
class PeArpHeaderDeserializeTestCase : public TestCase
{
  public:
    PeArpHeaderDeserializeTestCase();

  private:
    void DoRun() override;
};

PeArpHeaderDeserializeTestCase::PeArpHeaderDeserializeTestCase()
    : TestCase("PeArpHeader: the hand-written request and reply parse field by field")
{
}

void
PeArpHeaderDeserializeTestCase::DoRun()
{
    PeArpHeader request;
    request = PeArpHeader::Parse(PacketFromBytes(g_peRequest));
    NS_TEST_ASSERT_MSG_EQ(request.GetParseError(), PeArpHeader::PARSE_OK, "request parses");
    NS_TEST_ASSERT_MSG_EQ(request.GetParseError(), PeArpHeader::PARSE_OK, "no parse error");
    NS_TEST_ASSERT_MSG_EQ(request.IsRequest(), true, "is a request");
    NS_TEST_ASSERT_MSG_EQ(request.IsReply(), false, "is not a reply");
    NS_TEST_ASSERT_MSG_EQ(request.GetOperation(), 1, "operation");
    NS_TEST_ASSERT_MSG_EQ(request.HasExtension(), true, "extension present");
    NS_TEST_ASSERT_MSG_EQ(request.GetSenderMac(), Mac48Address("00:00:00:00:00:01"), "sender MAC");
    NS_TEST_ASSERT_MSG_EQ(request.GetSenderIp(), Ipv4Address("198.108.63.1"), "sender IP");
    NS_TEST_ASSERT_MSG_EQ(request.GetTargetMac(), Mac48Address("00:00:00:00:00:00"), "target MAC");
    NS_TEST_ASSERT_MSG_EQ(request.GetTargetIp(), Ipv4Address("198.108.63.2"), "target IP");
    NS_TEST_ASSERT_MSG_EQ(request.GetSenderRange(), PeArpPortRange(0, 0), "sender range");
    NS_TEST_ASSERT_MSG_EQ(request.GetSenderRange().IsAll(), true, "sender owns all ports");
    NS_TEST_ASSERT_MSG_EQ(request.GetTargetPort(), 2500, "target port");
    NS_TEST_ASSERT_MSG_EQ(request.GetReturnPort(), 0, "return port");
    NS_TEST_ASSERT_MSG_EQ(request.GetSerializedSize(), 38U, "size");

    PeArpHeader reply;
    reply = PeArpHeader::Parse(PacketFromBytes(g_peReply));
    NS_TEST_ASSERT_MSG_EQ(reply.GetParseError(), PeArpHeader::PARSE_OK, "reply parses");
    NS_TEST_ASSERT_MSG_EQ(reply.IsRequest(), false, "is not a request");
    NS_TEST_ASSERT_MSG_EQ(reply.IsReply(), true, "is a reply");
    NS_TEST_ASSERT_MSG_EQ(reply.GetOperation(), 2, "operation");
    NS_TEST_ASSERT_MSG_EQ(reply.HasExtension(), true, "extension present");
    NS_TEST_ASSERT_MSG_EQ(reply.GetSenderMac(), Mac48Address("00:0c:29:9e:8c:ee"), "sender MAC");
    NS_TEST_ASSERT_MSG_EQ(reply.GetSenderIp(), Ipv4Address("198.108.63.2"), "sender IP");
    NS_TEST_ASSERT_MSG_EQ(reply.GetTargetMac(), Mac48Address("00:00:00:00:00:01"), "target MAC");
    NS_TEST_ASSERT_MSG_EQ(reply.GetTargetIp(), Ipv4Address("198.108.63.1"), "target IP");
    NS_TEST_ASSERT_MSG_EQ(reply.GetSenderRange(), PeArpPortRange(2000, 2999), "sender range");
    NS_TEST_ASSERT_MSG_EQ(reply.GetTargetPort(), 0, "target port");
    NS_TEST_ASSERT_MSG_EQ(reply.GetReturnPort(), 2500, "return port");
    NS_TEST_ASSERT_MSG_EQ(reply.GetSerializedSize(), 38U, "size");

    // Deserialize through the packet API too: 38 bytes consumed, none left.
    Ptr<Packet> packet = PacketFromBytes(g_peReply);
    PeArpHeader removed;
    NS_TEST_ASSERT_MSG_EQ(packet->RemoveHeader(removed), 38U, "RemoveHeader reads 38 bytes");
    NS_TEST_ASSERT_MSG_EQ(packet->GetSize(), 0U, "nothing left after the frame");
    NS_TEST_ASSERT_MSG_EQ(removed.GetSenderRange(), PeArpPortRange(2000, 2999), "range");
    NS_TEST_ASSERT_MSG_EQ(removed.GetReturnPort(), 2500, "return port");

    // Parse must not consume the packet.
    Ptr<Packet> kept = PacketFromBytes(g_peRequest);
    PeArpHeader::Parse(kept);
    NS_TEST_ASSERT_MSG_EQ(kept->GetSize(), 38U, "Parse leaves the packet intact");
    NS_TEST_ASSERT_MSG_EQ(ToHex(BytesOf(kept)), ToHex(g_peRequest), "Parse leaves the bytes");
}

/**
 * \ingroup pe-arp-tests
 * \brief A standard 28-byte ARP frame (alone, or with Ethernet padding up to
 * 46 bytes) parses as standard ARP: no extension, all ports.
 */
class PeArpHeaderStandardArpTestCase : public TestCase
{
  public:
    PeArpHeaderStandardArpTestCase();

  private:
    void DoRun() override;

    /**
     * Parse a standard request and check every field.
     * \param bytes the frame
     * \param what label for messages
     */
    void CheckStandard(const std::vector<uint8_t>& bytes, const std::string& what);
};

PeArpHeaderStandardArpTestCase::PeArpHeaderStandardArpTestCase()
    : TestCase("PeArpHeader: standard ARP (28 bytes, or padded to 46) has no extension")
{
}

void
PeArpHeaderStandardArpTestCase::CheckStandard(const std::vector<uint8_t>& bytes,
                                              const std::string& what)
{
    // Start from a header that holds an extension, to see it cleared.
    PeArpHeader h;
    h.SetReply(Mac48Address("00:0c:29:9e:8c:ee"),
               Ipv4Address("10.9.9.9"),
               PeArpPortRange(2000, 2999),
               Mac48Address("00:00:00:00:00:09"),
               Ipv4Address("10.8.8.8"),
               7,
               8);
    h = PeArpHeader::Parse(PacketFromBytes(bytes));
    NS_TEST_ASSERT_MSG_EQ(h.GetParseError(), PeArpHeader::PARSE_OK, what << ": parses");
    NS_TEST_ASSERT_MSG_EQ(h.HasExtension(), false, what << ": no extension");
    NS_TEST_ASSERT_MSG_EQ(h.GetSenderRange().IsAll(), true, what << ": sender owns all ports");
    NS_TEST_ASSERT_MSG_EQ(h.GetSenderRange(), PeArpPortRange(0, 0), what << ": range 0-0");
    NS_TEST_ASSERT_MSG_EQ(h.GetTargetPort(), 0, what << ": target port");
    NS_TEST_ASSERT_MSG_EQ(h.GetReturnPort(), 0, what << ": return port");
    NS_TEST_ASSERT_MSG_EQ(h.IsRequest(), true, what << ": request");
    NS_TEST_ASSERT_MSG_EQ(h.GetSenderMac(), Mac48Address("00:00:00:00:00:01"), what << ": MAC");
    NS_TEST_ASSERT_MSG_EQ(h.GetSenderIp(), Ipv4Address("198.108.63.1"), what << ": sender IP");
    NS_TEST_ASSERT_MSG_EQ(h.GetTargetMac(),
                          Mac48Address("00:00:00:00:00:00"),
                          what << ": target MAC");
    NS_TEST_ASSERT_MSG_EQ(h.GetTargetIp(), Ipv4Address("198.108.63.2"), what << ": target IP");
    NS_TEST_ASSERT_MSG_EQ(h.GetSerializedSize(), 28U, what << ": size");
}

void
PeArpHeaderStandardArpTestCase::DoRun()
{
    NS_TEST_ASSERT_MSG_EQ(g_standardRequest.size(), 28U, "hand-written frame is 28 bytes");
    CheckStandard(g_standardRequest, "28 bytes");

    // Minimum Ethernet payload: 46 bytes, the last 18 of them zero padding.
    std::vector<uint8_t> padded = g_standardRequest;
    padded.insert(padded.end(), 18, 0x00);
    NS_TEST_ASSERT_MSG_EQ(padded.size(), 46U, "padded frame is 46 bytes");
    CheckStandard(padded, "46 bytes (padded)");

    // Two bytes after the body that are not the magic: still standard.
    std::vector<uint8_t> notMagic = g_standardRequest;
    notMagic.push_back(0xea);
    notMagic.push_back(0xac);
    CheckStandard(notMagic, "30 bytes, not the magic");

    // One stray byte: too short to hold the magic, still standard.
    std::vector<uint8_t> oneMore = g_standardRequest;
    oneMore.push_back(0xea);
    CheckStandard(oneMore, "29 bytes");
}

/** A header and its expected serialized size (for PeArpHeaderRoundTripTestCase). */
struct RoundTripVector
{
    std::string name;   //!< label
    PeArpHeader header; //!< the header to serialize
    uint32_t size;      //!< expected serialized size
};

/**
 * \ingroup pe-arp-tests
 * \brief Serialize then parse back, for request/reply with and without the
 * extension: same fields, size 28 or 38.
 */
class PeArpHeaderRoundTripTestCase : public TestCase
{
  public:
    PeArpHeaderRoundTripTestCase();

  private:
    void DoRun() override;
    TestVectors<RoundTripVector> m_vectors; //!< test vectors
};

PeArpHeaderRoundTripTestCase::PeArpHeaderRoundTripTestCase()
    : TestCase("PeArpHeader: round trip and GetSerializedSize (28 or 38)")
{
}

void
PeArpHeaderRoundTripTestCase::DoRun()
{
    Mac48Address macA("00:0c:29:9e:8c:ee");
    Mac48Address macB("00:12:7f:c4:38:d3");
    Ipv4Address ipA("192.35.162.2");
    Ipv4Address ipB("198.108.63.1");

    PeArpHeader h;
    h.SetRequest(macB, ipB, PeArpPortRange(100, 199), ipA, 22);
    m_vectors.Add({"PE-ARP request", h, 38});
    h.SetRequest(macB, ipB, PeArpPortRange(0, 0), ipA, 0);
    m_vectors.Add({"PE-ARP request, all ports, port 0", h, 38});
    h.SetRequest(macB, ipB, PeArpPortRange(65535, 65535), ipA, 65535);
    m_vectors.Add({"PE-ARP request, port 65535", h, 38});
    h.SetReply(macA, ipA, PeArpPortRange(2000, 2999), macB, ipB, 100, 2500);
    m_vectors.Add({"PE-ARP reply", h, 38});
    h.SetReply(macA, ipA, PeArpPortRange(1, 65535), macB, ipB, 65535, 1);
    m_vectors.Add({"PE-ARP reply, range 1-65535", h, 38});
    h.SetStandardRequest(macB, ipB, ipA);
    m_vectors.Add({"standard request", h, 28});
    h.SetStandardReply(macA, ipA, macB, ipB);
    m_vectors.Add({"standard reply", h, 28});

    for (std::size_t i = 0; i < m_vectors.GetN(); i++)
    {
        RoundTripVector v = m_vectors.Get(i);
        NS_TEST_EXPECT_MSG_EQ(v.header.GetSerializedSize(), v.size, v.name << ": size");
        std::vector<uint8_t> bytes = Serialized(v.header);
        NS_TEST_EXPECT_MSG_EQ(bytes.size(), v.size, v.name << ": serialized length");

        PeArpHeader back;
        back = PeArpHeader::Parse(PacketFromBytes(bytes));
        NS_TEST_EXPECT_MSG_EQ(back.GetParseError(), PeArpHeader::PARSE_OK, v.name << ": parses");
        NS_TEST_EXPECT_MSG_EQ(back.GetSerializedSize(), v.size, v.name << ": size after parse");
        NS_TEST_EXPECT_MSG_EQ(back.GetOperation(), v.header.GetOperation(), v.name << ": op");
        NS_TEST_EXPECT_MSG_EQ(back.HasExtension(), v.header.HasExtension(), v.name << ": ext");
        NS_TEST_EXPECT_MSG_EQ(back.GetSenderMac(), v.header.GetSenderMac(), v.name << ": smac");
        NS_TEST_EXPECT_MSG_EQ(back.GetSenderIp(), v.header.GetSenderIp(), v.name << ": sip");
        NS_TEST_EXPECT_MSG_EQ(back.GetTargetMac(), v.header.GetTargetMac(), v.name << ": tmac");
        NS_TEST_EXPECT_MSG_EQ(back.GetTargetIp(), v.header.GetTargetIp(), v.name << ": tip");
        NS_TEST_EXPECT_MSG_EQ(back.GetSenderRange(),
                              v.header.GetSenderRange(),
                              v.name << ": range");
        NS_TEST_EXPECT_MSG_EQ(back.GetTargetPort(),
                              v.header.GetTargetPort(),
                              v.name << ": target port");
        NS_TEST_EXPECT_MSG_EQ(back.GetReturnPort(),
                              v.header.GetReturnPort(),
                              v.name << ": return port");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(back)), ToHex(bytes), v.name << ": re-serialized");
    }

    // The setters' documented port semantics (section III.B).
    h.SetRequest(macB, ipB, PeArpPortRange(100, 199), ipA, 22);
    NS_TEST_ASSERT_MSG_EQ(h.GetReturnPort(), 100, "request return port = sender range low");
    NS_TEST_ASSERT_MSG_EQ(h.GetTargetPort(), 22, "request target port");
    h.SetStandardReply(macA, ipA, macB, ipB);
    NS_TEST_ASSERT_MSG_EQ(h.HasExtension(), false, "standard reply has no extension");
    NS_TEST_ASSERT_MSG_EQ(h.GetSenderRange().IsAll(), true, "standard reply: all ports");
}

/** A malformed frame and the error it must produce (for PeArpHeaderBadInputTestCase). */
struct BadInputVector
{
    std::string name;              //!< label
    std::vector<uint8_t> bytes;    //!< the frame
    PeArpHeader::ParseError error; //!< expected error
    std::string errorName;         //!< expected ParseErrorToString
};

/**
 * \ingroup pe-arp-tests
 * \brief Every rejected input returns the right ParseError and leaves a
 * previously filled header unchanged.
 */
class PeArpHeaderBadInputTestCase : public TestCase
{
  public:
    PeArpHeaderBadInputTestCase();

  private:
    void DoRun() override;
    TestVectors<BadInputVector> m_vectors; //!< test vectors
};

PeArpHeaderBadInputTestCase::PeArpHeaderBadInputTestCase()
    : TestCase("PeArpHeader: malformed frames are rejected with the right error, header kept")
{
}

void
PeArpHeaderBadInputTestCase::DoRun()
{
    std::vector<uint8_t> v;

    m_vectors.Add({"empty", {}, PeArpHeader::TOO_SHORT, "too-short"});
    v.assign(g_standardRequest.begin(), g_standardRequest.begin() + 27);
    m_vectors.Add({"27 bytes", v, PeArpHeader::TOO_SHORT, "too-short"});

    v = g_peRequest;
    v[0] = 0x00;
    v[1] = 0x06; // hardware type 6 (IEEE 802)
    m_vectors.Add({"hardware type 6", v, PeArpHeader::BAD_HARDWARE_TYPE, "bad-hardware-type"});

    v = g_peRequest;
    v[2] = 0x86;
    v[3] = 0xdd; // IPv6
    m_vectors.Add({"protocol type 0x86dd", v, PeArpHeader::BAD_PROTOCOL_TYPE, "bad-protocol-type"});

    v = g_peRequest;
    v[4] = 0x08;
    m_vectors.Add({"hlen 8", v, PeArpHeader::BAD_HARDWARE_LENGTH, "bad-hardware-length"});

    v = g_peRequest;
    v[5] = 0x10;
    m_vectors.Add({"plen 16", v, PeArpHeader::BAD_PROTOCOL_LENGTH, "bad-protocol-length"});

    v = g_peRequest;
    v[7] = 0x03;
    m_vectors.Add({"operation 3", v, PeArpHeader::BAD_OPERATION, "bad-operation"});

    v = g_standardRequest;
    v[7] = 0x00; // operation 0, standard frame
    m_vectors.Add({"operation 0", v, PeArpHeader::BAD_OPERATION, "bad-operation"});

    v.assign(g_peRequest.begin(), g_peRequest.begin() + 30);
    m_vectors.Add({"magic, 30 bytes", v, PeArpHeader::TRUNCATED_EXTENSION, "truncated-extension"});
    v.assign(g_peRequest.begin(), g_peRequest.begin() + 36);
    m_vectors.Add({"magic, 36 bytes", v, PeArpHeader::TRUNCATED_EXTENSION, "truncated-extension"});
    v.assign(g_peRequest.begin(), g_peRequest.begin() + 37);
    m_vectors.Add({"magic, 37 bytes", v, PeArpHeader::TRUNCATED_EXTENSION, "truncated-extension"});

    v = g_peReply;
    v[30] = 0x0b;
    v[31] = 0xb8; // low 3000
    v[32] = 0x0b;
    v[33] = 0xb7; // high 2999
    m_vectors.Add({"low 3000 > high 2999", v, PeArpHeader::BAD_PORT_RANGE, "bad-port-range"});

    v = g_peReply;
    v[30] = 0xff;
    v[31] = 0xff; // low 65535
    v[32] = 0x00;
    v[33] = 0x00; // high 0
    m_vectors.Add({"low 65535 > high 0", v, PeArpHeader::BAD_PORT_RANGE, "bad-port-range"});

    for (std::size_t i = 0; i < m_vectors.GetN(); i++)
    {
        BadInputVector bad = m_vectors.Get(i);

        // A header previously filled from the valid reply.
        PeArpHeader h;
        h = PeArpHeader::Parse(PacketFromBytes(g_peReply));
        NS_TEST_ASSERT_MSG_EQ(h.GetParseError(), PeArpHeader::PARSE_OK, "the valid reply parses");

        PeArpHeader rejected = PeArpHeader::Parse(PacketFromBytes(bad.bytes));
        PeArpHeader::ParseError error = rejected.GetParseError();
        NS_TEST_EXPECT_MSG_EQ(error, bad.error, bad.name << ": Parse's error");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(rejected)),
                              ToHex(Serialized(PeArpHeader())),
                              bad.name << ": Parse returns a default header");

        // Deserialize (PeekHeader, RemoveHeader) into a header in use
        // records the error and leaves its fields.
        NS_TEST_EXPECT_MSG_EQ(PacketFromBytes(bad.bytes)->PeekHeader(h),
                              0U,
                              bad.name << ": Deserialize reads nothing");
        NS_TEST_EXPECT_MSG_EQ(h.GetParseError(), bad.error, bad.name << ": GetParseError");
        NS_TEST_EXPECT_MSG_EQ(PeArpHeader::ParseErrorToString(error),
                              bad.errorName,
                              bad.name << ": error name");

        // Every field is still the reply's.
        NS_TEST_EXPECT_MSG_EQ(h.IsReply(), true, bad.name << ": operation kept");
        NS_TEST_EXPECT_MSG_EQ(h.HasExtension(), true, bad.name << ": extension kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetSenderMac(),
                              Mac48Address("00:0c:29:9e:8c:ee"),
                              bad.name << ": sender MAC kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetSenderIp(),
                              Ipv4Address("198.108.63.2"),
                              bad.name << ": sender IP kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetTargetMac(),
                              Mac48Address("00:00:00:00:00:01"),
                              bad.name << ": target MAC kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetTargetIp(),
                              Ipv4Address("198.108.63.1"),
                              bad.name << ": target IP kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetSenderRange(),
                              PeArpPortRange(2000, 2999),
                              bad.name << ": range kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetTargetPort(), 0, bad.name << ": target port kept");
        NS_TEST_EXPECT_MSG_EQ(h.GetReturnPort(), 2500, bad.name << ": return port kept");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Serialized(h)),
                              ToHex(g_peReply),
                              bad.name << ": serializes as before");
    }

    // After a rejection, a good frame parses again and clears the error.
    PeArpHeader h;
    PacketFromBytes({})->PeekHeader(h);
    NS_TEST_ASSERT_MSG_EQ(h.GetParseError(), PeArpHeader::TOO_SHORT, "error recorded");
    NS_TEST_ASSERT_MSG_EQ(PacketFromBytes(g_peRequest)->PeekHeader(h),
                          38U,
                          "good frame after a bad one");
    NS_TEST_ASSERT_MSG_EQ(h.GetParseError(), PeArpHeader::PARSE_OK, "error cleared");
}

/**
 * \ingroup pe-arp-tests
 * \brief Print() of requests and replies.
 */
class PeArpHeaderPrintTestCase : public TestCase
{
  public:
    PeArpHeaderPrintTestCase();

  private:
    void DoRun() override;
};

PeArpHeaderPrintTestCase::PeArpHeaderPrintTestCase()
    : TestCase("PeArpHeader: Print shows who-has address:port")
{
}

void
PeArpHeaderPrintTestCase::DoRun()
{
    PeArpHeader request;
    request.SetRequest(Mac48Address("00:00:00:00:00:01"),
                       Ipv4Address("198.108.63.1"),
                       PeArpPortRange(0, 0),
                       Ipv4Address("198.108.63.2"),
                       2500);
    std::ostringstream oss;
    request.Print(oss);
    NS_TEST_ASSERT_MSG_NE(oss.str().find("who-has 198.108.63.2:2500"),
                          std::string::npos,
                          "request printed as \"" << oss.str() << "\"");

    PeArpHeader standard;
    standard.SetStandardRequest(Mac48Address("00:00:00:00:00:01"),
                                Ipv4Address("198.108.63.1"),
                                Ipv4Address("198.108.63.2"));
    std::ostringstream standardOss;
    standard.Print(standardOss);
    NS_TEST_ASSERT_MSG_NE(standardOss.str().find("who-has 198.108.63.2 tell 198.108.63.1"),
                          std::string::npos,
                          "standard request printed as \"" << standardOss.str() << "\"");

    PeArpHeader reply;
    reply.SetReply(Mac48Address("00:0c:29:9e:8c:ee"),
                   Ipv4Address("198.108.63.2"),
                   PeArpPortRange(2000, 2999),
                   Mac48Address("00:00:00:00:00:01"),
                   Ipv4Address("198.108.63.1"),
                   0,
                   2500);
    std::ostringstream replyOss;
    reply.Print(replyOss);
    NS_TEST_ASSERT_MSG_NE(replyOss.str().find("198.108.63.2:2000-2999 is-at 00:0c:29:9e:8c:ee"),
                          std::string::npos,
                          "reply printed as \"" << replyOss.str() << "\"");
}

/**
 * \ingroup pe-arp-tests
 * \brief The PE-ARP header test suite.
 */
class PeArpHeaderTestSuite : public TestSuite
{
  public:
    PeArpHeaderTestSuite();
};

PeArpHeaderTestSuite::PeArpHeaderTestSuite()
    : TestSuite("pe-arp-header", UNIT)
{
    AddTestCase(new PeArpPortRangeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderSerializeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderDeserializeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderStandardArpTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderRoundTripTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderBadInputTestCase, TestCase::QUICK);
    AddTestCase(new PeArpHeaderPrintTestCase, TestCase::QUICK);
}

static PeArpHeaderTestSuite g_peArpHeaderTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
