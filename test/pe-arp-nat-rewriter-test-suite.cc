/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of the NAT's byte-level rewriting (PeArpNatRewriter,
 * PeArpNatRawHeader): real packets built with ns-3's headers, checksums on,
 * rewritten, and parsed again with checksum-verifying headers. The UDP case
 * is the hand-computed vector of the design note (UDP checksum 1AF1 ->
 * D7B5, IPv4 checksum 34C1 -> 3954), written as literals.
 */

#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-checksum.h"
#include "ns3/pe-arp-nat-raw-header.h"
#include "ns3/pe-arp-nat-rewriter.h"
#include "ns3/socket.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option-ts.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <sstream>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpNatRewriterTestSuite");

namespace
{

const Ipv4Address PRIVATE("10.0.0.2");       //!< the private host
const Ipv4Address PUBLIC("198.108.63.2");    //!< the NAT's public address
const Ipv4Address REMOTE("203.0.113.9");     //!< the Internet host
const uint8_t PING[] = {'p', 'i', 'n', 'g'}; //!< the UDP payload of the note

/**
 * \param p a packet
 * \return its bytes
 */
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/**
 * \param b bytes
 * \param at offset of a big-endian word
 * \return the word
 */
uint16_t
Word(const std::vector<uint8_t>& b, uint32_t at)
{
    return static_cast<uint16_t>((b[at] << 8) | b[at + 1]);
}

/**
 * \param source source
 * \param destination destination
 * \param protocol protocol
 * \param payload L4 size
 * \return the IPv4 header of the note (id 1, TTL 64), checksum on
 */
Ipv4Header
IpHeader(Ipv4Address source, Ipv4Address destination, uint8_t protocol, uint16_t payload)
{
    Ipv4Header h;
    h.EnableChecksum();
    h.SetSource(source);
    h.SetDestination(destination);
    h.SetProtocol(protocol);
    h.SetPayloadSize(payload);
    h.SetIdentification(1);
    h.SetTtl(64);
    return h;
}

/**
 * \param source source address
 * \param sport source port
 * \param destination destination address
 * \param dport destination port
 * \param checksum whether the UDP checksum is computed
 * \return "ping" in a UDP header
 */
Ptr<Packet>
UdpPing(Ipv4Address source, uint16_t sport, Ipv4Address destination, uint16_t dport, bool checksum)
{
    Ptr<Packet> p = Create<Packet>(PING, sizeof(PING));
    UdpHeader u;
    if (checksum)
    {
        u.EnableChecksums();
        u.InitializeChecksum(source, destination, 17);
    }
    u.SetSourcePort(sport);
    u.SetDestinationPort(dport);
    p->AddHeader(u);
    return p;
}

/**
 * \param id echo id
 * \param type 8 (request) or 0 (reply)
 * \return an echo with 8 bytes of data and a computed ICMP checksum
 */
Ptr<Packet>
Echo(uint16_t id, uint8_t type)
{
    const uint8_t data[] = {1, 2, 3, 4, 5, 6, 7, 8};
    Ptr<Packet> p = Create<Packet>();
    Icmpv4Echo echo;
    echo.SetIdentifier(id);
    echo.SetSequenceNumber(3);
    echo.SetData(Create<Packet>(data, sizeof(data)));
    p->AddHeader(echo);
    Icmpv4Header h;
    h.EnableChecksum();
    h.SetType(type);
    h.SetCode(0);
    p->AddHeader(h);
    return p;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief The note's UDP packet 10.0.0.2:49153 -> 203.0.113.9:7 "ping",
 * source rewritten to 198.108.63.2:2000 and back; a UDP datagram without
 * checksum keeps 0; the packet tag survives.
 */
class PeArpNatRewriterUdpTestCase : public TestCase
{
  public:
    PeArpNatRewriterUdpTestCase()
        : TestCase("UDP: hand-computed 1AF1 -> D7B5 and 34C1 -> 3954, back, zero checksum kept")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> p = UdpPing(PRIVATE, 49153, REMOTE, 7, true);
        SocketIpTtlTag tag;
        tag.SetTtl(42);
        p->AddPacketTag(tag);
        Ipv4Header ip = IpHeader(PRIVATE, REMOTE, 17, 12);
        NS_TEST_ASSERT_MSG_EQ(Word(Bytes(p), 6), 0x1AF1, "ns-3 computes the note's C");

        auto flow = PeArpNatRewriter::Parse(p, ip);
        NS_TEST_EXPECT_MSG_EQ(flow.status, PeArpNatRewriter::OK, "parsed");
        NS_TEST_EXPECT_MSG_EQ(flow.sourcePort, 49153, "source port");
        NS_TEST_EXPECT_MSG_EQ(flow.destinationPort, 7, "destination port");

        auto out = PeArpNatRewriter::Rewrite(p, ip, PeArpNatRewriter::SOURCE, PUBLIC, 2000, true);
        NS_TEST_ASSERT_MSG_EQ(out.has_value(), true, "rewritten");
        std::vector<uint8_t> b = Bytes(out->packet);
        NS_TEST_EXPECT_MSG_EQ(Word(b, 0), 0x07D0, "source port 2000");
        NS_TEST_EXPECT_MSG_EQ(Word(b, 6), 0xD7B5, "C' of the note");
        NS_TEST_EXPECT_MSG_EQ(out->header.GetSource(), PUBLIC, "source address");
        NS_TEST_EXPECT_MSG_EQ(out->header.GetDestination(), REMOTE, "destination kept");
        NS_TEST_EXPECT_MSG_EQ(out->bytesRewritten,
                              9U,
                              "3 address + 2 IP checksum + 2 port + 2 UDP");
        NS_TEST_EXPECT_MSG_EQ(p->GetSize(), 12U, "the original is untouched");
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(p), 6), 0x1AF1, "the original keeps its checksum");
        Ptr<Packet> withIp = out->packet->Copy();
        withIp->AddHeader(out->header);
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(withIp), 10), 0x3954, "HC' of the note");
        SocketIpTtlTag kept;
        NS_TEST_EXPECT_MSG_EQ(out->packet->PeekPacketTag(kept), true, "tag survives");
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(kept.GetTtl()), 42U, "tag value");

        // a checksum-verifying UdpHeader accepts it
        Ptr<Packet> check = out->packet->Copy();
        UdpHeader u;
        u.EnableChecksums();
        u.InitializeChecksum(PUBLIC, REMOTE, 17);
        check->RemoveHeader(u);
        NS_TEST_EXPECT_MSG_EQ(u.IsChecksumOk(), true, "UDP checksum verifies");
        NS_TEST_EXPECT_MSG_EQ(u.GetSourcePort(), 2000, "port reads back");

        // the reply 203.0.113.9:7 -> 198.108.63.2:2000, destination back to 10.0.0.2:49153
        Ptr<Packet> reply = UdpPing(REMOTE, 7, PUBLIC, 2000, true);
        Ipv4Header rip = IpHeader(REMOTE, PUBLIC, 17, 12);
        auto in = PeArpNatRewriter::Rewrite(reply,
                                            rip,
                                            PeArpNatRewriter::DESTINATION,
                                            PRIVATE,
                                            49153,
                                            true);
        NS_TEST_ASSERT_MSG_EQ(in.has_value(), true, "reply rewritten");
        NS_TEST_EXPECT_MSG_EQ(in->header.GetDestination(), PRIVATE, "to the private host");
        Ptr<Packet> expected = UdpPing(REMOTE, 7, PRIVATE, 49153, true);
        NS_TEST_EXPECT_MSG_EQ((Bytes(in->packet) == Bytes(expected)),
                              true,
                              "same bytes as a datagram sent to the private host");

        // no checksum: 0 stays 0
        Ptr<Packet> bare = UdpPing(PRIVATE, 49153, REMOTE, 7, false);
        NS_TEST_ASSERT_MSG_EQ(Word(Bytes(bare), 6), 0, "no checksum");
        auto bareOut =
            PeArpNatRewriter::Rewrite(bare, ip, PeArpNatRewriter::SOURCE, PUBLIC, 2000, true);
        NS_TEST_ASSERT_MSG_EQ(bareOut.has_value(), true, "rewritten");
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(bareOut->packet), 6), 0, "still no checksum");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief TCP with a timestamp option (a 32-byte header) and 100 bytes of
 * data: the rewritten segment verifies; the metadata still says TcpHeader;
 * without checksums the field is left alone.
 */
class PeArpNatRewriterTcpTestCase : public TestCase
{
  public:
    PeArpNatRewriterTcpTestCase()
        : TestCase("TCP: rewritten segment verifies, options kept, metadata still TcpHeader")
    {
    }

  private:
    /**
     * \param source source
     * \param sport source port
     * \param checksum whether to compute the checksum
     * \return a SYN with a timestamp option and 100 bytes
     */
    static Ptr<Packet> Segment(Ipv4Address source, uint16_t sport, bool checksum)
    {
        Ptr<Packet> p = Create<Packet>(100);
        TcpHeader t;
        if (checksum)
        {
            t.EnableChecksums();
            t.InitializeChecksum(source, REMOTE, 6);
        }
        t.SetSourcePort(sport);
        t.SetDestinationPort(80);
        t.SetSequenceNumber(SequenceNumber32(1000));
        t.SetFlags(TcpHeader::SYN);
        t.SetWindowSize(65535);
        Ptr<TcpOptionTS> ts = CreateObject<TcpOptionTS>();
        ts->SetTimestamp(123);
        t.AppendOption(ts);
        p->AddHeader(t);
        return p;
    }

    void DoRun() override
    {
        Packet::EnablePrinting(); // metadata: checked below
        Ptr<Packet> p = Segment(PRIVATE, 49153, true);
        Ipv4Header ip = IpHeader(PRIVATE, REMOTE, 6, static_cast<uint16_t>(p->GetSize()));
        auto flow = PeArpNatRewriter::Parse(p, ip);
        NS_TEST_EXPECT_MSG_EQ(flow.status, PeArpNatRewriter::OK, "parsed");
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(flow.tcpFlags),
                              static_cast<uint32_t>(PeArpNatRewriter::TCP_SYN),
                              "SYN");
        auto out = PeArpNatRewriter::Rewrite(p, ip, PeArpNatRewriter::SOURCE, PUBLIC, 2000, true);
        NS_TEST_ASSERT_MSG_EQ(out.has_value(), true, "rewritten");
        NS_TEST_EXPECT_MSG_EQ(out->packet->GetSize(), p->GetSize(), "same size");
        // the bytes equal a segment built for the public end
        Ptr<Packet> expected = Segment(PUBLIC, 2000, true);
        NS_TEST_EXPECT_MSG_EQ((Bytes(out->packet) == Bytes(expected)), true, "same bytes");

        // the metadata describes a TcpHeader of 32 bytes, so the receiver's
        // RemoveHeader(TcpHeader) matches
        PacketMetadata::ItemIterator items = out->packet->BeginItem();
        NS_TEST_ASSERT_MSG_EQ(items.HasNext(), true, "an item");
        PacketMetadata::Item first = items.Next();
        NS_TEST_EXPECT_MSG_EQ(first.tid, TcpHeader::GetTypeId(), "a TcpHeader");
        NS_TEST_EXPECT_MSG_EQ(first.currentSize, 32U, "of 32 bytes");
        std::ostringstream printed;
        out->packet->Print(printed);
        NS_TEST_EXPECT_MSG_NE(printed.str().find("2000 > 80"),
                              std::string::npos,
                              "prints as TCP: " << printed.str());

        Ptr<Packet> check = out->packet->Copy();
        TcpHeader t;
        t.EnableChecksums();
        t.InitializeChecksum(PUBLIC, REMOTE, 6);
        check->RemoveHeader(t);
        NS_TEST_EXPECT_MSG_EQ(t.IsChecksumOk(), true, "TCP checksum verifies");
        NS_TEST_EXPECT_MSG_EQ(t.GetSourcePort(), 2000, "port");
        NS_TEST_EXPECT_MSG_EQ(t.HasOption(TcpOption::TS), true, "option kept");
        NS_TEST_EXPECT_MSG_EQ(check->GetSize(), 100U, "data kept");

        // without checksums the field (0) is not touched
        Ptr<Packet> bare = Segment(PRIVATE, 49153, false);
        auto bareOut =
            PeArpNatRewriter::Rewrite(bare, ip, PeArpNatRewriter::SOURCE, PUBLIC, 2000, false);
        NS_TEST_ASSERT_MSG_EQ(bareOut.has_value(), true, "rewritten");
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(bareOut->packet), 16), 0, "checksum left at 0");
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(bareOut->packet), 0), 2000, "port rewritten");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief ICMP echo id 0 -> 0x07D0 and back: only the id word and the ICMP
 * checksum change, and the result equals what a checksummed Icmpv4Header
 * gives for that id.
 */
class PeArpNatRewriterEchoTestCase : public TestCase
{
  public:
    PeArpNatRewriterEchoTestCase()
        : TestCase("ICMP echo id 0 -> 07D0 and back equals ns-3's checksummed echo")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> p = Echo(0, 8);
        Ipv4Header ip = IpHeader(PRIVATE, REMOTE, 1, static_cast<uint16_t>(p->GetSize()));
        auto flow = PeArpNatRewriter::Parse(p, ip);
        NS_TEST_EXPECT_MSG_EQ(flow.icmpQuery, true, "a query");
        auto out = PeArpNatRewriter::Rewrite(p, ip, PeArpNatRewriter::SOURCE, PUBLIC, 0x07D0, true);
        NS_TEST_ASSERT_MSG_EQ(out.has_value(), true, "rewritten");
        NS_TEST_EXPECT_MSG_EQ((Bytes(out->packet) == Bytes(Echo(0x07D0, 8))),
                              true,
                              "equals the echo built with id 07D0");
        NS_TEST_EXPECT_MSG_EQ(out->bytesRewritten,
                              3U + 2 + 2 + 2,
                              "address, IP checksum, id, ICMP checksum");
        Ptr<Packet> reply = Echo(0x07D0, 0);
        Ipv4Header rip = IpHeader(REMOTE, PUBLIC, 1, static_cast<uint16_t>(reply->GetSize()));
        auto in =
            PeArpNatRewriter::Rewrite(reply, rip, PeArpNatRewriter::DESTINATION, PRIVATE, 0, true);
        NS_TEST_ASSERT_MSG_EQ(in.has_value(), true, "reply rewritten");
        NS_TEST_EXPECT_MSG_EQ((Bytes(in->packet) == Bytes(Echo(0, 0))), true, "id 0 again");
        NS_TEST_EXPECT_MSG_EQ(in->header.GetDestination(), PRIVATE, "to the private host");
        std::vector<uint8_t> b = Bytes(in->packet);
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Compute(b.data(), b.size()), 0, "sums to zero");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief An ICMP port unreachable from 203.0.113.9 about the translated
 * datagram (198.108.63.2:2000 -> :7) is translated by its quoted header
 * back to 10.0.0.2:49153: the quoted IPv4 checksum becomes the note's 34C1,
 * the quoted UDP checksum 1AF1, and the whole message equals the error
 * ns-3 builds about the untranslated datagram. And the other way: an error
 * from the inside host about an inbound-translated datagram.
 */
class PeArpNatRewriterIcmpErrorTestCase : public TestCase
{
  public:
    PeArpNatRewriterIcmpErrorTestCase()
        : TestCase("ICMP error by the quoted header: quoted 3954 -> 34C1, D7B5 -> 1AF1")
    {
    }

  private:
    /**
     * \param quotedIp the header of the datagram the error is about
     * \param quotedL4 its L4 bytes (the first 8 are quoted)
     * \return an ICMP port unreachable, checksums on
     */
    static Ptr<Packet> Unreachable(const Ipv4Header& quotedIp, Ptr<const Packet> quotedL4)
    {
        Ptr<Packet> p = Create<Packet>();
        Icmpv4DestinationUnreachable u;
        u.SetNextHopMtu(0);
        u.SetHeader(quotedIp);
        u.SetData(quotedL4);
        p->AddHeader(u);
        Icmpv4Header h;
        h.EnableChecksum();
        h.SetType(Icmpv4Header::ICMPV4_DEST_UNREACH);
        h.SetCode(Icmpv4DestinationUnreachable::ICMPV4_PORT_UNREACHABLE);
        p->AddHeader(h);
        return p;
    }

    void DoRun() override
    {
        Ipv4Header translated = IpHeader(PUBLIC, REMOTE, 17, 12);
        Ptr<Packet> error = Unreachable(translated, UdpPing(PUBLIC, 2000, REMOTE, 7, true));
        std::vector<uint8_t> eb = Bytes(error);
        NS_TEST_ASSERT_MSG_EQ(eb.size(), 36U, "4 + 4 + 20 + 8");
        NS_TEST_EXPECT_MSG_EQ(Word(eb, 8 + 10), 0x3954, "quoted IP checksum of the note");
        NS_TEST_EXPECT_MSG_EQ(Word(eb, 28 + 6), 0xD7B5, "quoted UDP checksum of the note");

        Ipv4Header outer = IpHeader(REMOTE, PUBLIC, 1, 36);
        auto flow = PeArpNatRewriter::Parse(error, outer);
        NS_TEST_EXPECT_MSG_EQ(flow.icmpError, true, "an error");
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(flow.quotedProtocol), 17U, "quoting UDP");
        NS_TEST_EXPECT_MSG_EQ(flow.quotedSource, PUBLIC, "quoted source");
        NS_TEST_EXPECT_MSG_EQ(flow.quotedSourcePort, 2000, "quoted source port");

        auto in = PeArpNatRewriter::RewriteIcmpError(error,
                                                     outer,
                                                     PeArpNatRewriter::SOURCE,
                                                     PRIVATE,
                                                     49153,
                                                     true);
        NS_TEST_ASSERT_MSG_EQ(in.has_value(), true, "rewritten");
        std::vector<uint8_t> b = Bytes(in->packet);
        NS_TEST_EXPECT_MSG_EQ(in->header.GetDestination(), PRIVATE, "outer destination");
        NS_TEST_EXPECT_MSG_EQ(in->header.GetSource(), REMOTE, "outer source kept");
        NS_TEST_EXPECT_MSG_EQ(Word(b, 8 + 10), 0x34C1, "quoted IP checksum: HC of the note");
        NS_TEST_EXPECT_MSG_EQ(Word(b, 28 + 6), 0x1AF1, "quoted UDP checksum: C of the note");
        NS_TEST_EXPECT_MSG_EQ(Word(b, 28), 49153, "quoted source port");
        NS_TEST_EXPECT_MSG_EQ(b[0], 3, "type kept");
        NS_TEST_EXPECT_MSG_EQ(b[1], 3, "code kept");
        Ptr<Packet> expected = Unreachable(IpHeader(PRIVATE, REMOTE, 17, 12),
                                           UdpPing(PRIVATE, 49153, REMOTE, 7, true));
        NS_TEST_EXPECT_MSG_EQ((b == Bytes(expected)), true, "equals ns-3's error");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Compute(b.data(), b.size()), 0, "ICMP sums to 0");

        // from the inside: 10.0.0.2 reports on REMOTE:7 -> 10.0.0.2:22 that
        // came in as REMOTE:7 -> PUBLIC:10022
        Ptr<Packet> inside =
            Unreachable(IpHeader(REMOTE, PRIVATE, 17, 12), UdpPing(REMOTE, 7, PRIVATE, 22, true));
        auto out = PeArpNatRewriter::RewriteIcmpError(inside,
                                                      IpHeader(PRIVATE, REMOTE, 1, 36),
                                                      PeArpNatRewriter::DESTINATION,
                                                      PUBLIC,
                                                      10022,
                                                      true);
        NS_TEST_ASSERT_MSG_EQ(out.has_value(), true, "rewritten");
        NS_TEST_EXPECT_MSG_EQ(out->header.GetSource(), PUBLIC, "outer source is public");
        Ptr<Packet> expectedOut =
            Unreachable(IpHeader(REMOTE, PUBLIC, 17, 12), UdpPing(REMOTE, 7, PUBLIC, 10022, true));
        NS_TEST_EXPECT_MSG_EQ((Bytes(out->packet) == Bytes(expectedOut)),
                              true,
                              "equals the error about the public datagram");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpNatRewriter::Rewrite(error, outer, PeArpNatRewriter::SOURCE, PRIVATE, 1, true)
                .has_value(),
            false,
            "Rewrite refuses errors");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Parse classifies what cannot be translated.
 */
class PeArpNatRewriterParseTestCase : public TestCase
{
  public:
    PeArpNatRewriterParseTestCase()
        : TestCase("Parse: fragment, malformed, unsupported")
    {
    }

  private:
    void DoRun() override
    {
        Ipv4Header frag = IpHeader(PRIVATE, REMOTE, 17, 12);
        frag.SetFragmentOffset(1480);
        NS_TEST_EXPECT_MSG_EQ(PeArpNatRewriter::Parse(Create<Packet>(12), frag).status,
                              PeArpNatRewriter::FRAGMENT,
                              "non-first fragment");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpNatRewriter::Parse(Create<Packet>(10), IpHeader(PRIVATE, REMOTE, 6, 10)).status,
            PeArpNatRewriter::MALFORMED,
            "10 bytes of TCP");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpNatRewriter::Parse(Create<Packet>(7), IpHeader(PRIVATE, REMOTE, 17, 7)).status,
            PeArpNatRewriter::MALFORMED,
            "7 bytes of UDP");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpNatRewriter::Parse(Create<Packet>(20), IpHeader(PRIVATE, REMOTE, 47, 20)).status,
            PeArpNatRewriter::UNSUPPORTED,
            "GRE");
        const uint8_t redirect[] = {5, 0, 0, 0, 0, 0, 0, 0};
        NS_TEST_EXPECT_MSG_EQ(PeArpNatRewriter::Parse(Create<Packet>(redirect, sizeof(redirect)),
                                                      IpHeader(PRIVATE, REMOTE, 1, 8))
                                  .status,
                              PeArpNatRewriter::UNSUPPORTED,
                              "ICMP redirect");
        const uint8_t shortError[] = {3, 3, 0, 0, 0, 0, 0, 0, 0x45, 0, 0, 0};
        NS_TEST_EXPECT_MSG_EQ(
            PeArpNatRewriter::Parse(Create<Packet>(shortError, sizeof(shortError)),
                                    IpHeader(PRIVATE, REMOTE, 1, 12))
                .status,
            PeArpNatRewriter::MALFORMED,
            "truncated quoted header");
        // Found by fuzz-pe-arp-nat-rewriter: an ICMP error of 8 bytes, no
        // quoted header at all. Parse read the byte after them (the quoted
        // header's version) before checking the size: a heap overflow that
        // ./pearp sanitize and ./pearp memcheck report.
        const uint8_t bareError[] = {0x03, 0x33, 0x60, 0xc6, 0x01, 0x64, 0x2f, 0x00};
        Ptr<Packet> bare = Create<Packet>(bareError, sizeof(bareError));
        Ipv4Header bareHeader = IpHeader(Ipv4Address("198.51.100.9"), PUBLIC, 1, 8);
        NS_TEST_EXPECT_MSG_EQ(PeArpNatRewriter::Parse(bare, bareHeader).status,
                              PeArpNatRewriter::MALFORMED,
                              "ICMP error without a quoted header");
        NS_TEST_EXPECT_MSG_EQ(PeArpNatRewriter::RewriteIcmpError(bare,
                                                                 bareHeader,
                                                                 PeArpNatRewriter::SOURCE,
                                                                 PRIVATE,
                                                                 1234,
                                                                 true)
                                  .has_value(),
                              false,
                              "not rewritten");
        std::ostringstream oss;
        oss << PeArpNatRewriter::FRAGMENT;
        NS_TEST_EXPECT_MSG_EQ(oss.str(), "fragment", "printable");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The rewriter test suite.
 */
class PeArpNatRewriterTestSuite : public TestSuite
{
  public:
    PeArpNatRewriterTestSuite()
        : TestSuite("pe-arp-nat-rewriter", UNIT)
    {
        AddTestCase(new PeArpNatRewriterUdpTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatRewriterEchoTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatRewriterIcmpErrorTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatRewriterParseTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatRewriterTcpTestCase, TestCase::QUICK); // last: enables printing
    }
};

static PeArpNatRewriterTestSuite
    g_peArpNatRewriterTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
