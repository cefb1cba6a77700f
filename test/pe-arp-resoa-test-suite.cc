/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Tests of the ReSoA baseline.
 *
 * pe-arp-resoa-headers (UNIT): the LHP and EP formats against byte vectors
 * written out by hand from the format tables in the class documentation,
 * and every kind of malformed message.
 *
 * pe-arp-resoa (SYSTEM): the LHP on simple devices (in order and exactly
 * once under a ReceiveListErrorModel, a silent peer lost after DeadAfter,
 * malformed frames dropped and counted), the EP endpoints fed malformed
 * messages through a hand-driven LHP, and pure clients on a CSMA LAN
 * running unmodified ns-3 applications through the server to an Internet
 * host (BulkSend both ways, UDP echo, GetSockName, server crash).
 */

#include "pe-arp-test-utilities.h"

#include "ns3/applications-module.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/csma-module.h"
#include "ns3/error-model.h"
#include "ns3/internet-module.h"
#include "ns3/log.h"
#include "ns3/pe-arp-resoa-client.h"
#include "ns3/pe-arp-resoa-ep-header.h"
#include "ns3/pe-arp-resoa-helper.h"
#include "ns3/pe-arp-resoa-lhp-header.h"
#include "ns3/pe-arp-resoa-lhp.h"
#include "ns3/pe-arp-resoa-server.h"
#include "ns3/pe-arp-resoa-socket-factory.h"
#include "ns3/pe-arp-resoa-socket.h"
#include "ns3/point-to-point-module.h"
#include "ns3/pointer.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaTestSuite");

namespace
{

/**
 * \param bytes a message
 * \return the LHP header parsed from it (PeekHeader)
 */
PeArpResoaLhpHeader
ParseLhp(const std::vector<uint8_t>& bytes)
{
    PeArpResoaLhpHeader header;
    PacketFromBytes(bytes)->PeekHeader(header);
    return header;
}

/**
 * \param bytes a message
 * \return the EP header parsed from it (PeekHeader)
 */
PeArpResoaEpHeader
ParseEp(const std::vector<uint8_t>& bytes)
{
    PeArpResoaEpHeader header;
    PacketFromBytes(bytes)->PeekHeader(header);
    return header;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief LHP frames against hand-written bytes, both ways.
 */
class PeArpResoaLhpHeaderTestCase : public TestCase
{
  public:
    PeArpResoaLhpHeaderTestCase()
        : TestCase("LHP header: serialization equals hand-written bytes, and parses back")
    {
    }

  private:
    void DoRun() override
    {
        // DATA, connId 0x0102, seq 0x0a0b0c0d, ack 5, window 64, payload "ping"
        const std::vector<uint8_t> data = {0x03,
                                           0x01,
                                           0x02,
                                           0x0a,
                                           0x0b,
                                           0x0c,
                                           0x0d,
                                           0x00,
                                           0x00,
                                           0x00,
                                           0x05,
                                           0x00,
                                           0x40,
                                           0x00,
                                           0x04,
                                           'p',
                                           'i',
                                           'n',
                                           'g'};
        PeArpResoaLhpHeader header;
        header.SetType(PeArpResoaLhpHeader::DATA);
        header.SetConnId(0x0102);
        header.SetSeq(0x0a0b0c0d);
        header.SetAck(5);
        header.SetWindow(64);
        header.SetLength(4);
        Ptr<Packet> p = PacketFromBytes({'p', 'i', 'n', 'g'});
        p->AddHeader(header);
        NS_TEST_ASSERT_MSG_EQ(ToHex(BytesOf(p)), ToHex(data), "DATA serialization");

        PeArpResoaLhpHeader parsed = ParseLhp(data);
        NS_TEST_ASSERT_MSG_EQ(parsed.IsValid(), true, "DATA parses");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetType(), PeArpResoaLhpHeader::DATA, "type");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetConnId(), 0x0102, "connId");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetSeq(), 0x0a0b0c0dU, "seq");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetAck(), 5U, "ack");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetWindow(), 64, "window");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetLength(), 4, "len");

        // ACK, connId 7, seq 0, ack 0x00010000, window 0xffff, no payload
        const std::vector<uint8_t> ack = {0x04,
                                          0x00,
                                          0x07,
                                          0x00,
                                          0x00,
                                          0x00,
                                          0x00,
                                          0x00,
                                          0x01,
                                          0x00,
                                          0x00,
                                          0xff,
                                          0xff,
                                          0x00,
                                          0x00};
        PeArpResoaLhpHeader a;
        a.SetType(PeArpResoaLhpHeader::ACK);
        a.SetConnId(7);
        a.SetAck(0x00010000);
        a.SetWindow(0xffff);
        Ptr<Packet> q = Create<Packet>();
        q->AddHeader(a);
        NS_TEST_ASSERT_MSG_EQ(ToHex(BytesOf(q)), ToHex(ack), "ACK serialization");
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(ack).IsValid(), true, "ACK parses");
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(ack).GetAck(), 0x00010000U, "ACK ack");

        // Ethernet padding after a DATA payload is allowed (len says where it ends)
        std::vector<uint8_t> padded = data;
        padded.resize(60, 0);
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(padded).IsValid(), true, "padded DATA parses");
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(padded).GetLength(), 4, "padded DATA len");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Every malformed LHP frame is refused with its reason; no prefix
 * of a frame reads past the buffer.
 */
class PeArpResoaLhpMalformedTestCase : public TestCase
{
  public:
    PeArpResoaLhpMalformedTestCase()
        : TestCase("LHP header: truncated, unknown type, bad length; every prefix")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint8_t> keepalive = {0x05,
                                                0x00,
                                                0x01,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x40,
                                                0x00,
                                                0x00};
        NS_TEST_ASSERT_MSG_EQ(ParseLhp(keepalive).IsValid(), true, "the reference parses");
        for (size_t n = 0; n < keepalive.size(); ++n)
        {
            std::vector<uint8_t> prefix(keepalive.begin(), keepalive.begin() + n);
            NS_TEST_EXPECT_MSG_EQ(ParseLhp(prefix).GetError(),
                                  PeArpResoaLhpHeader::TRUNCATED,
                                  "prefix of " << n << " bytes");
        }
        std::vector<uint8_t> typeZero = keepalive;
        typeZero[0] = 0x00;
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(typeZero).GetError(),
                              PeArpResoaLhpHeader::BAD_TYPE,
                              "type 0");
        std::vector<uint8_t> typeEight = keepalive;
        typeEight[0] = 0x08;
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(typeEight).GetError(),
                              PeArpResoaLhpHeader::BAD_TYPE,
                              "type 8");
        // DATA saying 5 bytes with 4 following
        const std::vector<uint8_t> shortData = {0x03,
                                                0x00,
                                                0x01,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x00,
                                                0x40,
                                                0x00,
                                                0x05,
                                                0x01,
                                                0x02,
                                                0x03,
                                                0x04};
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(shortData).GetError(),
                              PeArpResoaLhpHeader::BAD_LENGTH,
                              "DATA len beyond the frame");
        // ACK with len 1
        const std::vector<uint8_t> ackWithLength = {0x04,
                                                    0x00,
                                                    0x01,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x00,
                                                    0x40,
                                                    0x00,
                                                    0x01,
                                                    0xaa};
        NS_TEST_EXPECT_MSG_EQ(ParseLhp(ackWithLength).GetError(),
                              PeArpResoaLhpHeader::BAD_LENGTH,
                              "len on an ACK");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief EP messages against hand-written bytes, both ways.
 */
class PeArpResoaEpHeaderTestCase : public TestCase
{
  public:
    PeArpResoaEpHeaderTestCase()
        : TestCase("EP header: serialization equals hand-written bytes, and parses back")
    {
    }

  private:
    void DoRun() override
    {
        // CONNECT with WITH_SOCKET, rsockId 7, callId 1, to 203.0.113.9:80,
        // TCP, receive buffer 131072: TLVs PEER (8), SOCK_TYPE (3), BUFFER (6) = 17
        const std::vector<uint8_t> connect = {
            0x04, 0x01, 0x00, 0x00, 0x00, 0x07, 0x00, 0x01, 0x00, 0x00, 0x11, // fixed
            0x02, 0x06, 0xcb, 0x00, 0x71, 0x09, 0x00, 0x50,                   // PEER
            0x03, 0x01, 0x01,                                                 // SOCK_TYPE
            0x06, 0x04, 0x00, 0x02, 0x00, 0x00};                              // BUFFER
        PeArpResoaEpHeader header;
        header.SetType(PeArpResoaEpHeader::CONNECT);
        header.SetFlags(PeArpResoaEpHeader::WITH_SOCKET);
        header.SetRsockId(7);
        header.SetCallId(1);
        header.SetPeer(InetSocketAddress(Ipv4Address("203.0.113.9"), 80));
        header.SetSockType(PeArpResoaEpHeader::SOCK_TCP);
        header.SetBuffer(131072);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(header);
        NS_TEST_ASSERT_MSG_EQ(ToHex(BytesOf(p)), ToHex(connect), "CONNECT serialization");

        PeArpResoaEpHeader parsed = ParseEp(connect);
        NS_TEST_ASSERT_MSG_EQ(parsed.IsValid(), true, "CONNECT parses");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetType(), PeArpResoaEpHeader::CONNECT, "type");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetRsockId(), 7U, "rsockId");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetCallId(), 1, "callId");
        NS_TEST_ASSERT_MSG_EQ(parsed.GetPeer().has_value(), true, "PEER present");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetPeer()->GetIpv4(), Ipv4Address("203.0.113.9"), "PEER ip");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetPeer()->GetPort(), 80, "PEER port");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(*parsed.GetSockType()), 1, "SOCK_TYPE");
        NS_TEST_EXPECT_MSG_EQ(*parsed.GetBuffer(), 131072U, "BUFFER");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetLocal().has_value(), false, "no LOCAL");

        // RESULT for rsockId 0x80000001, callId 0x1234, status 12 (ADDRINUSE-ish), no TLV
        const std::vector<uint8_t> result =
            {0x82, 0x00, 0x80, 0x00, 0x00, 0x01, 0x12, 0x34, 0x0c, 0x00, 0x00};
        PeArpResoaEpHeader r;
        r.SetType(PeArpResoaEpHeader::RESULT);
        r.SetRsockId(0x80000001);
        r.SetCallId(0x1234);
        r.SetStatus(12);
        Ptr<Packet> q = Create<Packet>();
        q->AddHeader(r);
        NS_TEST_ASSERT_MSG_EQ(ToHex(BytesOf(q)), ToHex(result), "RESULT serialization");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(ParseEp(result).GetStatus()), 12, "status");

        // DATA with payload "abc"
        const std::vector<uint8_t> data =
            {0x85, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 'a', 'b', 'c'};
        PeArpResoaEpHeader d = ParseEp(data);
        NS_TEST_EXPECT_MSG_EQ(d.IsValid(), true, "DATA with payload parses");
        NS_TEST_EXPECT_MSG_EQ(d.GetSerializedSize(), 11U, "DATA header is 11 bytes");

        // an unknown TLV (tag 0x77, 2 bytes) is skipped
        const std::vector<uint8_t> unknownTag = {0x07, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
                                                 0x00, 0x00, 0x00, 0x0a, 0x77, 0x02, 0xee,
                                                 0xee, 0x04, 0x04, 0x00, 0x00, 0x05, 0xdc};
        PeArpResoaEpHeader u = ParseEp(unknownTag);
        NS_TEST_EXPECT_MSG_EQ(u.IsValid(), true, "unknown TLV skipped");
        NS_TEST_EXPECT_MSG_EQ(*u.GetCount(), 1500U, "CREDIT COUNT after the unknown TLV");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Every malformed EP message is refused with its reason.
 */
class PeArpResoaEpMalformedTestCase : public TestCase
{
  public:
    PeArpResoaEpMalformedTestCase()
        : TestCase("EP header: truncated, unknown type, bad TLV, missing field per type, "
                   "trailing bytes; every prefix")
    {
    }

  private:
    void DoRun() override
    {
        // CREDIT rsock 2 COUNT 1500
        const std::vector<uint8_t> credit = {0x07,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x02,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x06,
                                             0x04,
                                             0x04,
                                             0x00,
                                             0x00,
                                             0x05,
                                             0xdc};
        NS_TEST_ASSERT_MSG_EQ(ParseEp(credit).IsValid(), true, "the reference parses");
        for (size_t n = 0; n < credit.size(); ++n)
        {
            std::vector<uint8_t> prefix(credit.begin(), credit.begin() + n);
            NS_TEST_EXPECT_MSG_EQ(ParseEp(prefix).GetError(),
                                  PeArpResoaEpHeader::TRUNCATED,
                                  "prefix of " << n << " bytes");
        }
        for (uint8_t type : {0x00, 0x0a, 0x80, 0x8a, 0xff})
        {
            std::vector<uint8_t> bad = credit;
            bad[0] = type;
            NS_TEST_EXPECT_MSG_EQ(ParseEp(bad).GetError(),
                                  PeArpResoaEpHeader::BAD_TYPE,
                                  "type " << static_cast<int>(type));
        }
        // TLV overrun: COUNT says 4, the TLV area holds 2 + 3
        const std::vector<uint8_t> overrun = {0x07,
                                              0x00,
                                              0x00,
                                              0x00,
                                              0x00,
                                              0x02,
                                              0x00,
                                              0x00,
                                              0x00,
                                              0x00,
                                              0x05,
                                              0x04,
                                              0x04,
                                              0x00,
                                              0x00,
                                              0x05};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(overrun).GetError(),
                              PeArpResoaEpHeader::BAD_TLV,
                              "TLV overruns tlvLen");
        // one byte of TLV area: not even a tag and a length
        const std::vector<uint8_t> lone =
            {0x09, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x04};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(lone).GetError(),
                              PeArpResoaEpHeader::BAD_TLV,
                              "a lone TLV byte");
        // COUNT of length 2
        const std::vector<uint8_t> wrongLength = {0x07,
                                                  0x00,
                                                  0x00,
                                                  0x00,
                                                  0x00,
                                                  0x02,
                                                  0x00,
                                                  0x00,
                                                  0x00,
                                                  0x00,
                                                  0x04,
                                                  0x04,
                                                  0x02,
                                                  0x05,
                                                  0xdc};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(wrongLength).GetError(),
                              PeArpResoaEpHeader::BAD_TLV,
                              "COUNT of length 2");
        // COUNT twice
        const std::vector<uint8_t> twice = {0x07, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
                                            0x00, 0x00, 0x0c, 0x04, 0x04, 0x00, 0x00, 0x05,
                                            0xdc, 0x04, 0x04, 0x00, 0x00, 0x05, 0xdc};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(twice).GetError(),
                              PeArpResoaEpHeader::BAD_TLV,
                              "COUNT twice");
        // trailing byte after a CREDIT
        std::vector<uint8_t> trailing = credit;
        trailing.push_back(0x00);
        NS_TEST_EXPECT_MSG_EQ(ParseEp(trailing).GetError(),
                              PeArpResoaEpHeader::TRAILING_BYTES,
                              "a byte after a CREDIT");
        // WITH_SOCKET without SOCK_TYPE, and with SOCK_TYPE 3
        const std::vector<uint8_t> noSockType =
            {0x03, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(noSockType).GetError(),
                              PeArpResoaEpHeader::MISSING_FIELD,
                              "WITH_SOCKET without SOCK_TYPE");
        const std::vector<uint8_t> sockTypeThree =
            {0x03, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x01, 0x03};
        NS_TEST_EXPECT_MSG_EQ(ParseEp(sockTypeThree).GetError(),
                              PeArpResoaEpHeader::MISSING_FIELD,
                              "WITH_SOCKET with SOCK_TYPE 3");
        // every type that requires a field, with no TLV at all
        for (uint8_t type : {0x02, 0x04, 0x06, 0x07, 0x81, 0x83, 0x84, 0x86, 0x87})
        {
            const std::vector<uint8_t> bare =
                {type, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00};
            NS_TEST_EXPECT_MSG_EQ(ParseEp(bare).GetError(),
                                  PeArpResoaEpHeader::MISSING_FIELD,
                                  "type " << static_cast<int>(type) << " without its TLVs");
        }
        // and the types that require none parse bare
        for (uint8_t type : {0x01, 0x03, 0x05, 0x08, 0x09, 0x82, 0x85, 0x88, 0x89})
        {
            const std::vector<uint8_t> bare =
                {type, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00};
            NS_TEST_EXPECT_MSG_EQ(ParseEp(bare).IsValid(),
                                  true,
                                  "type " << static_cast<int>(type) << " bare");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The ReSoA header test suite.
 */
class PeArpResoaHeadersTestSuite : public TestSuite
{
  public:
    PeArpResoaHeadersTestSuite()
        : TestSuite("pe-arp-resoa-headers", UNIT)
    {
        AddTestCase(new PeArpResoaLhpHeaderTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaLhpMalformedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaEpHeaderTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaEpMalformedTestCase, TestCase::QUICK);
    }
};

static PeArpResoaHeadersTestSuite
    g_peArpResoaHeadersTestSuite; //!< Static variable for test initialization

namespace
{

/**
 * \ingroup pe-arp-tests
 * \brief LHP endpoints on simple devices (no IP), 100 Mb/s, 10 us.
 */
struct LhpLan
{
    NodeContainer nodes;                  //!< the nodes
    NetDeviceContainer devices;           //!< their devices
    std::vector<Ptr<PeArpResoaLhp>> lhps; //!< one LHP per node (none if not asked)

    /**
     * \param n nodes
     * \param withLhp LHPs on the first withLhp nodes
     */
    LhpLan(uint32_t n, uint32_t withLhp)
    {
        nodes.Create(n);
        SimpleNetDeviceHelper simple;
        simple.SetChannelAttribute("Delay", TimeValue(MicroSeconds(10)));
        simple.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Mbps")));
        devices = simple.Install(nodes);
        for (uint32_t i = 0; i < n; ++i)
        {
            devices.Get(i)->SetMtu(1500);
        }
        for (uint32_t i = 0; i < withLhp; ++i)
        {
            Ptr<PeArpResoaLhp> lhp = CreateObject<PeArpResoaLhp>();
            lhp->Install(devices.Get(i));
            lhps.push_back(lhp);
        }
    }

    /**
     * \param i a node
     * \return its MAC
     */
    Mac48Address Mac(uint32_t i) const
    {
        return Mac48Address::ConvertFrom(devices.Get(i)->GetAddress());
    }

    /**
     * Send raw bytes as an LHP frame at a time.
     * \param from sending node
     * \param to receiving node
     * \param at when
     * \param bytes the frame
     */
    void Inject(uint32_t from, uint32_t to, Time at, const std::vector<uint8_t>& bytes) const
    {
        Ptr<NetDevice> device = devices.Get(from);
        Mac48Address mac = Mac(to);
        Simulator::Schedule(at, [device, mac, bytes]() {
            device->Send(PacketFromBytes(bytes), mac, PeArpResoaLhp::PROTOCOL);
        });
    }
};

/**
 * \param index a message index
 * \return a message: the index (4 bytes, big-endian), then index % 700 bytes
 */
Ptr<Packet>
NumberedMessage(uint32_t index)
{
    std::vector<uint8_t> bytes(4 + index % 700, static_cast<uint8_t>(index));
    bytes[0] = static_cast<uint8_t>(index >> 24);
    bytes[1] = static_cast<uint8_t>(index >> 16);
    bytes[2] = static_cast<uint8_t>(index >> 8);
    bytes[3] = static_cast<uint8_t>(index);
    return PacketFromBytes(bytes);
}

/**
 * \param message a NumberedMessage
 * \return its index, or UINT32_MAX if its size or filler is wrong
 */
uint32_t
IndexOf(Ptr<const Packet> message)
{
    std::vector<uint8_t> bytes = BytesOf(message);
    if (bytes.size() < 4)
    {
        return UINT32_MAX;
    }
    uint32_t index = (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) |
                     (uint32_t(bytes[2]) << 8) | bytes[3];
    if (bytes.size() != 4 + index % 700)
    {
        return UINT32_MAX;
    }
    for (size_t k = 4; k < bytes.size(); ++k)
    {
        if (bytes[k] != static_cast<uint8_t>(index))
        {
            return UINT32_MAX;
        }
    }
    return index;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief LHP under a ReceiveListErrorModel on both ends: every message
 * arrives once, in order, both ways; CONN_REQ and CONN_ACK losses too.
 */
class PeArpResoaLhpLossTestCase : public TestCase
{
  public:
    PeArpResoaLhpLossTestCase()
        : TestCase("LHP: in order and exactly once under ReceiveListErrorModel, both directions")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        LhpLan lan(2, 2);
        Ptr<PeArpResoaLhp> a = lan.lhps[0];
        Ptr<PeArpResoaLhp> b = lan.lhps[1];
        b->SetListening(true);

        // frames b receives: 0 is the first CONN_REQ
        std::list<uint32_t> toB = {0, 2, 3, 4, 11, 40, 41, 42, 43, 44, 70, 100};
        // frames a receives: 0 is the first CONN_ACK
        std::list<uint32_t> toA = {0, 5, 6, 30, 31};
        Ptr<ReceiveListErrorModel> emB = CreateObject<ReceiveListErrorModel>();
        emB->SetList(toB);
        Ptr<ReceiveListErrorModel> emA = CreateObject<ReceiveListErrorModel>();
        emA->SetList(toA);
        lan.devices.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(emB));
        lan.devices.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(emA));
        uint32_t dropsAtA = 0;
        uint32_t dropsAtB = 0;
        lan.devices.Get(0)->TraceConnectWithoutContext(
            "PhyRxDrop",
            Callback<void, Ptr<const Packet>>([&dropsAtA](Ptr<const Packet>) { ++dropsAtA; }));
        lan.devices.Get(1)->TraceConnectWithoutContext(
            "PhyRxDrop",
            Callback<void, Ptr<const Packet>>([&dropsAtB](Ptr<const Packet>) { ++dropsAtB; }));

        const uint32_t forward = 300;
        const uint32_t backward = 120;
        std::vector<uint32_t> atB;
        std::vector<uint32_t> atA;
        b->SetRecvCallback(Callback<void, PeArpResoaLhp::ConnectionId, Ptr<Packet>>(
            [&atB](PeArpResoaLhp::ConnectionId, Ptr<Packet> m) { atB.push_back(IndexOf(m)); }));
        a->SetRecvCallback(Callback<void, PeArpResoaLhp::ConnectionId, Ptr<Packet>>(
            [&atA](PeArpResoaLhp::ConnectionId, Ptr<Packet> m) { atA.push_back(IndexOf(m)); }));
        PeArpResoaLhp::ConnectionId atBConnection = 0;
        b->SetConnectedCallback(
            Callback<void, PeArpResoaLhp::ConnectionId>([&](PeArpResoaLhp::ConnectionId id) {
                atBConnection = id;
                for (uint32_t i = 0; i < backward; ++i)
                {
                    b->Send(id, NumberedMessage(i));
                }
            }));
        PeArpResoaLhp::ConnectionId atAConnection = 0;
        Mac48Address bMac = lan.Mac(1);
        Simulator::Schedule(MilliSeconds(1), [&]() {
            atAConnection = a->Connect(bMac);
            for (uint32_t i = 0; i < forward; ++i)
            {
                a->Send(atAConnection, NumberedMessage(i));
            }
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(dropsAtB, toB.size(), "every listed frame to b was lost");
        NS_TEST_EXPECT_MSG_EQ(dropsAtA, toA.size(), "every listed frame to a was lost");
        PEARP_REQUIRE_EQ(atB.size(), forward, "a to b: every message delivered once");
        for (uint32_t i = 0; i < forward; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(atB[i], i, "a to b: message " << i << " in order");
        }
        PEARP_REQUIRE_EQ(atA.size(), backward, "b to a: every message delivered once");
        for (uint32_t i = 0; i < backward; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(atA[i], i, "b to a: message " << i << " in order");
        }
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().delivered, forward, "b delivered");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().delivered, backward, "a delivered");
        NS_TEST_EXPECT_MSG_GT(a->GetCounters().retransmissions, 0U, "a retransmitted");
        NS_TEST_EXPECT_MSG_GT(b->GetCounters().duplicates, 0U, "b saw duplicates, delivered none");
        NS_TEST_EXPECT_MSG_EQ(a->GetOutstanding(atAConnection), 0U, "a: all acked");
        NS_TEST_EXPECT_MSG_EQ(b->GetOutstanding(atBConnection), 0U, "b: all acked");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().connectionsLost, 0U, "nothing lost");
        NS_TEST_EXPECT_MSG_EQ(b->GetConnectionCount(), 1U, "one connection at b");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief A silent peer is lost after exactly DeadAfter keepalive
 * intervals; a live idle peer is not; unacknowledged data to a silent peer
 * is given up after MaxRetries doubling timeouts.
 */
class PeArpResoaLhpDeadPeerTestCase : public TestCase
{
  public:
    PeArpResoaLhpDeadPeerTestCase()
        : TestCase("LHP: silent peer lost after DeadAfter; live idle peer kept; MaxRetries")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        // a-b: b goes silent at once; c-d: both alive; e-f: f silent, e sends data
        LhpLan lan(6, 6);
        Ptr<PeArpResoaLhp> a = lan.lhps[0];
        Ptr<PeArpResoaLhp> b = lan.lhps[1];
        Ptr<PeArpResoaLhp> c = lan.lhps[2];
        Ptr<PeArpResoaLhp> d = lan.lhps[3];
        Ptr<PeArpResoaLhp> e = lan.lhps[4];
        Ptr<PeArpResoaLhp> f = lan.lhps[5];
        b->SetListening(true);
        d->SetListening(true);
        f->SetListening(true);
        e->SetAttribute("DeadAfter", UintegerValue(100)); // only MaxRetries may end e-f
        e->SetAttribute("Rto", TimeValue(MilliSeconds(5)));

        Time aUp;
        Time aLost;
        uint32_t aLosses = 0;
        PeArpResoaLhp::LostReason aReason = PeArpResoaLhp::DISCONNECTED;
        a->SetConnectedCallback(
            Callback<void, PeArpResoaLhp::ConnectionId>([&](PeArpResoaLhp::ConnectionId) {
                aUp = Simulator::Now();
                b->Crash();
            }));
        a->SetConnectionLostCallback(
            Callback<void, PeArpResoaLhp::ConnectionId, PeArpResoaLhp::LostReason>(
                [&](PeArpResoaLhp::ConnectionId, PeArpResoaLhp::LostReason reason) {
                    aLost = Simulator::Now();
                    aReason = reason;
                    ++aLosses;
                }));
        Time eLost;
        PeArpResoaLhp::LostReason eReason = PeArpResoaLhp::DISCONNECTED;
        e->SetConnectedCallback(Callback<void, PeArpResoaLhp::ConnectionId>(
            [&](PeArpResoaLhp::ConnectionId) { f->Crash(); }));
        e->SetConnectionLostCallback(
            Callback<void, PeArpResoaLhp::ConnectionId, PeArpResoaLhp::LostReason>(
                [&](PeArpResoaLhp::ConnectionId, PeArpResoaLhp::LostReason reason) {
                    eLost = Simulator::Now();
                    eReason = reason;
                }));
        Mac48Address bMac = lan.Mac(1);
        Mac48Address dMac = lan.Mac(3);
        Mac48Address fMac = lan.Mac(5);
        Simulator::Schedule(MilliSeconds(1), [&]() {
            a->Connect(bMac);
            c->Connect(dMac);
            PeArpResoaLhp::ConnectionId ef = e->Connect(fMac);
            Simulator::Schedule(MilliSeconds(499), [e, ef]() { e->Send(ef, NumberedMessage(1)); });
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(aLosses, 1U, "a lost its silent peer once");
        NS_TEST_EXPECT_MSG_EQ(aReason, PeArpResoaLhp::DEAD_PEER, "as DEAD_PEER");
        NS_TEST_EXPECT_MSG_EQ(aLost, aUp + Seconds(3), "after DeadAfter (3) x 1 s exactly");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().sent[PeArpResoaLhpHeader::KEEPALIVE],
                              2U,
                              "keepalives at +1 s and +2 s");
        NS_TEST_EXPECT_MSG_EQ(a->GetConnectionCount(), 0U, "a forgot it");
        NS_TEST_EXPECT_MSG_GT(b->GetCounters().drops[PeArpResoaLhp::SILENT],
                              0U,
                              "the crashed b dropped the keepalives");

        NS_TEST_EXPECT_MSG_EQ(c->GetCounters().connectionsLost, 0U, "live peers: c kept it");
        NS_TEST_EXPECT_MSG_EQ(d->GetCounters().connectionsLost, 0U, "live peers: d kept it");
        NS_TEST_EXPECT_MSG_EQ(c->GetConnectionCount(), 1U, "c has its connection at 10 s");
        NS_TEST_EXPECT_MSG_GT(c->GetCounters().sent[PeArpResoaLhpHeader::KEEPALIVE] +
                                  d->GetCounters().sent[PeArpResoaLhpHeader::KEEPALIVE],
                              0U,
                              "the idle pair exchanged keepalives");

        // sent at 0.5 s; RTO 5 ms doubled 8 times: 5 x (1 + 2 + ... + 256) ms = 2.555 s
        NS_TEST_EXPECT_MSG_EQ(eReason, PeArpResoaLhp::MAX_RETRIES, "e gave up by MaxRetries");
        NS_TEST_EXPECT_MSG_EQ(eLost, MilliSeconds(500) + MilliSeconds(2555), "at 3.055 s");
        NS_TEST_EXPECT_MSG_EQ(e->GetCounters().retransmissions, 8U, "8 retransmissions");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Malformed LHP frames are dropped and counted by reason; the
 * protocol works afterwards.
 */
class PeArpResoaLhpMalformedFrameTestCase : public TestCase
{
  public:
    PeArpResoaLhpMalformedFrameTestCase()
        : TestCase("LHP: malformed frames dropped and counted, RESET for unknown connections")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        LhpLan lan(3, 2); // a, b with LHP; node 2 injects raw frames
        Ptr<PeArpResoaLhp> a = lan.lhps[0];
        Ptr<PeArpResoaLhp> b = lan.lhps[1];
        b->SetListening(true);
        uint32_t traced = 0;
        b->TraceConnectWithoutContext(
            "Drop",
            Callback<void, PeArpResoaLhp::DropReason, Ptr<const Packet>>(
                [&traced](PeArpResoaLhp::DropReason, Ptr<const Packet>) { ++traced; }));

        lan.Inject(2, 1, MilliSeconds(1), {});                             // TRUNCATED
        lan.Inject(2, 1, MilliSeconds(2), std::vector<uint8_t>(14, 0x03)); // TRUNCATED
        lan.Inject(2,
                   1,
                   MilliSeconds(3),
                   {0x00,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x00}); // type 0
        lan.Inject(2,
                   1,
                   MilliSeconds(4),
                   {0x08,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x00}); // type 8
        lan.Inject(2,
                   1,
                   MilliSeconds(5),
                   {0x03,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x05,
                    0x01,
                    0x02,
                    0x03,
                    0x04}); // len 5, 4 bytes
        lan.Inject(2,
                   1,
                   MilliSeconds(6),
                   {0x04,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x01,
                    0xaa}); // ACK with len 1
        lan.Inject(2,
                   1,
                   MilliSeconds(7),
                   {0x03,
                    0x00,
                    0x09,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x01,
                    0x55}); // DATA, unknown connection 9
        lan.Inject(2,
                   0,
                   MilliSeconds(8),
                   {0x01,
                    0x00,
                    0x01,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x00,
                    0x40,
                    0x00,
                    0x00}); // CONN_REQ
        std::vector<uint32_t> atB;
        b->SetRecvCallback(Callback<void, PeArpResoaLhp::ConnectionId, Ptr<Packet>>(
            [&atB](PeArpResoaLhp::ConnectionId, Ptr<Packet> m) { atB.push_back(IndexOf(m)); }));
        Mac48Address bMac = lan.Mac(1);
        Simulator::Schedule(MilliSeconds(20), [&]() {
            PeArpResoaLhp::ConnectionId id = a->Connect(bMac);
            a->Send(id, NumberedMessage(42));
        });
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        const auto& drops = b->GetCounters().drops;
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaLhp::TRUNCATED], 2U, "0 and 14 bytes");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaLhp::BAD_TYPE], 2U, "types 0 and 8");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaLhp::BAD_LENGTH], 2U, "len too big, len on ACK");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaLhp::NO_CONNECTION], 1U, "DATA on connection 9");
        NS_TEST_EXPECT_MSG_EQ(traced, 7U, "each drop traced");
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().sent[PeArpResoaLhpHeader::RESET],
                              1U,
                              "RESET for the unknown connection");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().drops[PeArpResoaLhp::NOT_LISTENING],
                              1U,
                              "CONN_REQ to a non-listening end");
        PEARP_REQUIRE_EQ(atB.size(), 1U, "the real message arrived");
        NS_TEST_EXPECT_MSG_EQ(atB[0], 42U, "intact");
    }
};

namespace
{

/**
 * \param counts counters by type
 * \param type a type
 * \return the count (0 if absent)
 */
uint64_t
CountOf(const std::map<uint8_t, uint64_t>& counts, uint8_t type)
{
    auto it = counts.find(type);
    return it == counts.end() ? 0 : it->second;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief The server drops and counts every kind of bad message from a
 * client (driven by hand through an LHP), and answers the good ones with
 * the hand-written bytes.
 */
class PeArpResoaServerMalformedTestCase : public TestCase
{
  public:
    PeArpResoaServerMalformedTestCase()
        : TestCase("EP server: malformed, unregistered, unknown, duplicate and over-limit "
                   "messages dropped and counted; replies byte-exact")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        LhpLan lan(2, 1); // node 0: a hand-driven LHP; node 1: the server
        InternetStackHelper stack;
        stack.Install(lan.nodes.Get(1));
        Ptr<PeArpResoaServer> server = CreateObject<PeArpResoaServer>();
        server->SetAttribute("MaxSocketsPerClient", UintegerValue(1));
        server->Start(lan.devices.Get(1), Ipv4Address("203.0.113.1"));
        Ptr<PeArpResoaLhp> x = lan.lhps[0];
        std::vector<std::string> replies;
        x->SetRecvCallback(Callback<void, PeArpResoaLhp::ConnectionId, Ptr<Packet>>(
            [&replies](PeArpResoaLhp::ConnectionId, Ptr<Packet> m) {
                replies.push_back(ToHex(BytesOf(m)));
            }));
        const std::vector<std::vector<uint8_t>> messages = {
            // CREDIT before REGISTER: NOT_REGISTERED
            {0x07,
             0x00,
             0x00,
             0x00,
             0x00,
             0x02,
             0x00,
             0x00,
             0x00,
             0x00,
             0x06,
             0x04,
             0x04,
             0x00,
             0x00,
             0x05,
             0xdc},
            // REGISTER
            {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
            // 5 bytes: TRUNCATED
            {0x01, 0x00, 0x00, 0x00, 0x00},
            // type 0x0a: BAD_TYPE
            {0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
            // CREDIT with a 2-byte COUNT: BAD_TLV
            {0x07,
             0x00,
             0x00,
             0x00,
             0x00,
             0x02,
             0x00,
             0x00,
             0x00,
             0x00,
             0x04,
             0x04,
             0x02,
             0x05,
             0xdc},
            // CONNECT without PEER: MISSING_FIELD
            {0x04, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00},
            // CLOSE and a byte: TRAILING_BYTES
            {0x09, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff},
            // DATA (server to client): WRONG_DIRECTION
            {0x85, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00},
            // CREDIT for rsock 9, which does not exist: NO_SOCKET
            {0x07,
             0x00,
             0x00,
             0x00,
             0x00,
             0x09,
             0x00,
             0x00,
             0x00,
             0x00,
             0x06,
             0x04,
             0x04,
             0x00,
             0x00,
             0x05,
             0xdc},
            // BIND, new UDP socket 1, call 1, 0.0.0.0:7000
            {0x02, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0b,
             0x01, 0x06, 0x00, 0x00, 0x00, 0x00, 0x1b, 0x58, 0x03, 0x01, 0x02},
            // BIND, new UDP socket 2, 0.0.0.0:7001: SOCKET_LIMIT (1 per client)
            {0x02, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x0b,
             0x01, 0x06, 0x00, 0x00, 0x00, 0x00, 0x1b, 0x59, 0x03, 0x01, 0x02},
            // BIND, new UDP socket 1 again: DUPLICATE_SOCKET
            {0x02, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x0b,
             0x01, 0x06, 0x00, 0x00, 0x00, 0x00, 0x1b, 0x5a, 0x03, 0x01, 0x02},
        };
        Mac48Address serverMac = lan.Mac(1);
        Simulator::Schedule(MilliSeconds(1), [&]() {
            PeArpResoaLhp::ConnectionId id = x->Connect(serverMac);
            for (const auto& m : messages)
            {
                x->Send(id, PacketFromBytes(m));
            }
        });
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        const auto& drops = server->GetCounters().drops;
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::NOT_REGISTERED], 1U, "NOT_REGISTERED");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::TRUNCATED], 1U, "TRUNCATED");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::BAD_TYPE], 1U, "BAD_TYPE");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::BAD_TLV], 1U, "BAD_TLV");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::MISSING_FIELD], 1U, "MISSING_FIELD");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::TRAILING_BYTES], 1U, "TRAILING_BYTES");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::WRONG_DIRECTION], 1U, "WRONG_DIRECTION");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::NO_SOCKET], 1U, "NO_SOCKET");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::SOCKET_LIMIT], 1U, "SOCKET_LIMIT");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaServer::DUPLICATE_SOCKET], 1U, "DUPLICATE_SOCKET");
        NS_TEST_EXPECT_MSG_EQ(server->GetSocketCount(), 1U, "one socket");
        PEARP_REQUIRE_EQ(replies.size(), 3U, "REGISTER_ACK, RESULT, ERROR_CLOSE");
        // REGISTER_ACK, LOCAL 203.0.113.1:0
        NS_TEST_EXPECT_MSG_EQ(replies[0],
                              ToHex({0x81,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x08,
                                     0x01,
                                     0x06,
                                     0xcb,
                                     0x00,
                                     0x71,
                                     0x01,
                                     0x00,
                                     0x00}),
                              "REGISTER_ACK");
        // RESULT for socket 1, call 1, success, LOCAL 203.0.113.1:7000
        NS_TEST_EXPECT_MSG_EQ(replies[1],
                              ToHex({0x82,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x00,
                                     0x01,
                                     0x00,
                                     0x01,
                                     0x00,
                                     0x00,
                                     0x08,
                                     0x01,
                                     0x06,
                                     0xcb,
                                     0x00,
                                     0x71,
                                     0x01,
                                     0x1b,
                                     0x58}),
                              "RESULT of BIND");
        // ERROR_CLOSE for socket 2, call 1, status ERROR_AGAIN (4)
        NS_TEST_EXPECT_MSG_EQ(
            replies[2],
            ToHex({0x89, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x04, 0x00, 0x00}),
            "ERROR_CLOSE for the socket over the limit");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The client decodes a hand-written REGISTER_ACK, sends a
 * byte-exact REGISTER, and drops and counts every kind of bad message
 * from the server.
 */
class PeArpResoaClientMalformedTestCase : public TestCase
{
  public:
    PeArpResoaClientMalformedTestCase()
        : TestCase("EP client: hand-written REGISTER_ACK decoded; malformed, wrong-way and "
                   "unknown-socket messages dropped and counted")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        LhpLan lan(2, 1); // node 0: a hand-driven server LHP; node 1: the client
        Ptr<PeArpResoaLhp> y = lan.lhps[0];
        y->SetListening(true);
        PeArpResoaHelper helper;
        Ptr<PeArpResoaClient> client =
            helper.InstallClient(lan.nodes.Get(1), lan.devices.Get(1), lan.Mac(0));
        const std::vector<std::vector<uint8_t>> toClient = {
            // REGISTER_ACK, LOCAL 198.51.100.7:0
            {0x81,
             0x00,
             0x00,
             0x00,
             0x00,
             0x00,
             0x00,
             0x00,
             0x00,
             0x00,
             0x08,
             0x01,
             0x06,
             0xc6,
             0x33,
             0x64,
             0x07,
             0x00,
             0x00},
            // 4 bytes: TRUNCATED
            {0x85, 0x00, 0x00, 0x00},
            // type 0x8a: BAD_TYPE
            {0x8a, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00},
            // SEND_CREDIT with a 3-byte COUNT: BAD_TLV
            {0x87,
             0x00,
             0x00,
             0x00,
             0x00,
             0x01,
             0x00,
             0x00,
             0x00,
             0x00,
             0x05,
             0x04,
             0x03,
             0x00,
             0x00,
             0x01},
            // CONNECTED without its TLVs: MISSING_FIELD
            {0x83, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00},
            // PEER_CLOSED and a byte: TRAILING_BYTES
            {0x88, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
            // CREDIT (client to server): WRONG_DIRECTION
            {0x07,
             0x00,
             0x00,
             0x00,
             0x00,
             0x01,
             0x00,
             0x00,
             0x00,
             0x00,
             0x06,
             0x04,
             0x04,
             0x00,
             0x00,
             0x05,
             0xdc},
            // DATA "xyz" for rsock 77: NO_SOCKET
            {0x85, 0x00, 0x00, 0x00, 0x00, 0x4d, 0x00, 0x00, 0x00, 0x00, 0x00, 'x', 'y', 'z'},
        };
        std::vector<std::string> fromClient;
        y->SetRecvCallback(Callback<void, PeArpResoaLhp::ConnectionId, Ptr<Packet>>(
            [&](PeArpResoaLhp::ConnectionId id, Ptr<Packet> m) {
                fromClient.push_back(ToHex(BytesOf(m)));
                if (fromClient.size() == 1)
                {
                    for (const auto& bytes : toClient)
                    {
                        y->Send(id, PacketFromBytes(bytes));
                    }
                }
            }));
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        PEARP_REQUIRE_EQ(fromClient.size(), 1U, "the client sent REGISTER only");
        NS_TEST_EXPECT_MSG_EQ(
            fromClient[0],
            ToHex({0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}),
            "REGISTER");
        NS_TEST_EXPECT_MSG_EQ(client->IsRegistered(), true, "registered");
        NS_TEST_EXPECT_MSG_EQ(client->GetPublicAddress(),
                              Ipv4Address("198.51.100.7"),
                              "the public address from REGISTER_ACK");
        const auto& drops = client->GetCounters().drops;
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::TRUNCATED], 1U, "TRUNCATED");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::BAD_TYPE], 1U, "BAD_TYPE");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::BAD_TLV], 1U, "BAD_TLV");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::MISSING_FIELD], 1U, "MISSING_FIELD");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::TRAILING_BYTES], 1U, "TRAILING_BYTES");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::WRONG_DIRECTION], 1U, "WRONG_DIRECTION");
        NS_TEST_EXPECT_MSG_EQ(drops[PeArpResoaClient::NO_SOCKET], 1U, "NO_SOCKET");
    }
};

namespace
{

/**
 * \ingroup pe-arp-tests
 * \brief n pure ReSoA clients and the server on a CSMA LAN (100 Mb/s);
 * the server's public address 203.0.113.1 on a 10 Mb/s, 2 ms link to the
 * Internet host 203.0.113.2. The clients have no IPv4.
 */
struct ResoaNet
{
    NodeContainer clients;                    //!< the clients
    Ptr<Node> server;                         //!< the server node
    Ptr<Node> inet;                           //!< the Internet host
    Ptr<PeArpResoaServer> resoaServer;        //!< the ReSoA server
    std::vector<Ptr<PeArpResoaClient>> resoa; //!< the ReSoA clients
    Ipv4Address publicAddress{"203.0.113.1"}; //!< the server's address
    Ipv4Address inetAddress{"203.0.113.2"};   //!< the Internet host's

    /** \param n clients */
    explicit ResoaNet(uint32_t n)
    {
        clients.Create(n);
        server = CreateObject<Node>();
        inet = CreateObject<Node>();
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
        NodeContainer lan(clients);
        lan.Add(server);
        NetDeviceContainer lanDevices = csma.Install(lan);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer wan = p2p.Install(server, inet);
        InternetStackHelper stack;
        stack.Install(server);
        stack.Install(inet);
        Ipv4AddressHelper addresses;
        addresses.SetBase("203.0.113.0", "255.255.255.252");
        addresses.Assign(wan);
        PeArpResoaHelper helper;
        resoaServer = helper.InstallServer(server, lanDevices.Get(n), publicAddress);
        Mac48Address serverMac = Mac48Address::ConvertFrom(lanDevices.Get(n)->GetAddress());
        for (uint32_t i = 0; i < n; ++i)
        {
            resoa.push_back(helper.InstallClient(clients.Get(i), lanDevices.Get(i), serverMac));
        }
    }
};

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief Unmodified BulkSend on two pure clients to a PacketSink on the
 * Internet host: every byte, from the shared public address.
 */
class PeArpResoaBulkOutTestCase : public TestCase
{
  public:
    PeArpResoaBulkOutTestCase()
        : TestCase("pure clients: BulkSend to an Internet PacketSink, exact bytes, shared address")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(2);
        PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), 9));
        ApplicationContainer sinkApp = sinkHelper.Install(net.inet);
        Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
        std::set<std::pair<uint32_t, uint16_t>> peers;
        sink->TraceConnectWithoutContext("Rx",
                                         Callback<void, Ptr<const Packet>, const Address&>(
                                             [&peers](Ptr<const Packet>, const Address& from) {
                                                 InetSocketAddress a =
                                                     InetSocketAddress::ConvertFrom(from);
                                                 peers.insert({a.GetIpv4().Get(), a.GetPort()});
                                             }));
        const uint32_t bytes = 500000;
        for (uint32_t i = 0; i < 2; ++i)
        {
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.inetAddress, 9));
            bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
            ApplicationContainer app = bulk.Install(net.clients.Get(i));
            app.Start(MilliSeconds(100));
        }
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), 2 * bytes, "every byte of both transfers");
        PEARP_REQUIRE_EQ(peers.size(), 2U, "two connections");
        for (const auto& [address, port] : peers)
        {
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(address),
                                  net.publicAddress,
                                  "from the server's public address");
        }
        for (uint32_t i = 0; i < 2; ++i)
        {
            const auto& c = net.resoa[i]->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(c.bytesSent, bytes, "client " << i << " sent every byte");
            NS_TEST_EXPECT_MSG_EQ(CountOf(c.sent, PeArpResoaEpHeader::CONNECT),
                                  1U,
                                  "one CONNECT (the socket rides with it)");
            NS_TEST_EXPECT_MSG_EQ(CountOf(c.sent, PeArpResoaEpHeader::BIND),
                                  0U,
                                  "Bind() without an address sends nothing");
            NS_TEST_EXPECT_MSG_EQ(CountOf(c.sent, PeArpResoaEpHeader::CLOSE), 1U, "one CLOSE");
            NS_TEST_EXPECT_MSG_EQ(CountOf(c.received, PeArpResoaEpHeader::CONNECTED),
                                  1U,
                                  "one CONNECTED");
            NS_TEST_EXPECT_MSG_EQ(net.resoa[i]->GetSocketCount(), 0U, "closed and forgotten");
        }
        const auto& s = net.resoaServer->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(s.bytesFromClients, 2 * bytes, "the server got every byte");
        NS_TEST_EXPECT_MSG_EQ(s.clientsRegistered, 2U, "two clients registered");
        NS_TEST_EXPECT_MSG_EQ(s.socketsCreated, 2U, "two sockets");
        NS_TEST_EXPECT_MSG_EQ(s.drops[PeArpResoaServer::SEND_FAILED], 0U, "credit respected");
        NS_TEST_EXPECT_MSG_EQ(net.resoaServer->GetSocketCount(), 0U, "closed and forgotten");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Unmodified PacketSink listening on a pure client; BulkSend from
 * the Internet to the server's public address and the sink's port.
 */
class PeArpResoaBulkInTestCase : public TestCase
{
  public:
    PeArpResoaBulkInTestCase()
        : TestCase("pure client: Listen; Internet BulkSend to the public address, exact bytes")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(1);
        PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), 5000));
        ApplicationContainer sinkApp = sinkHelper.Install(net.clients.Get(0));
        Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
        std::set<uint32_t> from;
        sink->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, const Address&>(
                [&from](Ptr<const Packet>, const Address& a) {
                    from.insert(InetSocketAddress::ConvertFrom(a).GetIpv4().Get());
                }));
        const uint32_t bytes = 400000;
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.publicAddress, 5000));
        bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
        ApplicationContainer app = bulk.Install(net.inet);
        app.Start(MilliSeconds(500));
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), bytes, "every byte");
        PEARP_REQUIRE_EQ(from.size(), 1U, "one peer");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(*from.begin()), net.inetAddress, "the Internet host");
        const auto& c = net.resoa[0]->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.bytesReceived, bytes, "pushed to the client");
        NS_TEST_EXPECT_MSG_EQ(CountOf(c.received, PeArpResoaEpHeader::ACCEPT_IND),
                              1U,
                              "one ACCEPT_IND");
        NS_TEST_EXPECT_MSG_EQ(CountOf(c.received, PeArpResoaEpHeader::PEER_CLOSED),
                              1U,
                              "the peer's close, after the data");
        NS_TEST_EXPECT_MSG_EQ(CountOf(c.sent, PeArpResoaEpHeader::BIND), 1U, "BIND :5000");
        NS_TEST_EXPECT_MSG_EQ(CountOf(c.sent, PeArpResoaEpHeader::LISTEN), 1U, "LISTEN");
        NS_TEST_EXPECT_MSG_GT(CountOf(c.sent, PeArpResoaEpHeader::CREDIT), 0U, "CREDIT sent");
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpResoaClient::RX_OVERFLOW], 0U, "credit respected");
        NS_TEST_EXPECT_MSG_EQ(net.resoaServer->GetCounters().bytesPushed, bytes, "pushed");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief A slow reader on a pure client: the server pushes exactly the
 * client's receive buffer, its TCP window then closes, the Internet
 * sender stalls with acked <= consumed + both buffers; when the
 * application reads, credit reopens the window at once (no persist-timer
 * wait) and every byte arrives; the peer's FIN is acknowledged, and its
 * close reported, only after the last byte reached the client.
 */
class PeArpResoaSlowReaderTestCase : public TestCase
{
  public:
    /** \param timestamps TCP timestamps (TcpSocketBase::Timestamp) on or off */
    explicit PeArpResoaSlowReaderTestCase(bool timestamps)
        : TestCase(std::string("pure client, slow reader: pushed = credit, window closes, "
                               "reopens on reads; FIN held; TCP timestamps ") +
                   (timestamps ? "on" : "off")),
          m_timestamps(timestamps)
    {
    }

  private:
    void DoSetup() override
    {
        Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(m_timestamps));
    }

    void DoTeardown() override
    {
        Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(true));
    }

    bool m_timestamps; //!< TCP timestamps on or off

    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(1);
        const uint32_t total = 1000000;
        const uint32_t buffer = 131072; // PeArpResoaSocket and TcpSocket RcvBufSize defaults
        Ptr<Socket> listener =
            Socket::CreateSocket(net.clients.Get(0), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 6000));
        listener->Listen();
        Ptr<Socket> accepted;
        uint64_t got = 0;
        uint64_t deliveredAtClose = 0;
        Time finished;
        auto drain = [&](Ptr<Socket> s) {
            Ptr<Packet> p;
            while ((p = s->Recv()) && p->GetSize() > 0)
            {
                got += p->GetSize();
            }
            if (got == total && finished.IsZero())
            {
                finished = Simulator::Now();
            }
        };
        listener->SetAcceptCallback(
            MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
            Callback<void, Ptr<Socket>, const Address&>([&](Ptr<Socket> s, const Address&) {
                accepted = s;
                s->SetCloseCallbacks(Callback<void, Ptr<Socket>>([&](Ptr<Socket> c) {
                                         deliveredAtClose = got + c->GetRxAvailable();
                                     }),
                                     MakeNullCallback<void, Ptr<Socket>>());
            }));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.publicAddress, 6000));
        bulk.SetAttribute("MaxBytes", UintegerValue(total));
        bulk.SetAttribute("SendSize", UintegerValue(1000));
        ApplicationContainer app = bulk.Install(net.inet);
        app.Start(MilliSeconds(500));
        uint32_t highestAck = 0;
        bool finAcked = false;
        uint64_t clientBytesAtFinAck = 0;
        uint32_t peerWindow = UINT32_MAX;
        Simulator::Schedule(MilliSeconds(501), [&]() {
            Ptr<Socket> s = DynamicCast<BulkSendApplication>(app.Get(0))->GetSocket();
            s->TraceConnectWithoutContext("HighestRxAck",
                                          Callback<void, SequenceNumber32, SequenceNumber32>(
                                              [&](SequenceNumber32, SequenceNumber32 now) {
                                                  highestAck = now.GetValue();
                                                  if (highestAck == total + 2 && !finAcked)
                                                  {
                                                      // SYN 0, data 1..total, FIN total + 1
                                                      finAcked = true;
                                                      clientBytesAtFinAck =
                                                          net.resoa[0]->GetCounters().bytesReceived;
                                                  }
                                              }));
            s->TraceConnectWithoutContext(
                "RWND",
                Callback<void, uint32_t, uint32_t>(
                    [&peerWindow](uint32_t, uint32_t now) { peerWindow = now; }));
        });
        uint32_t rxAtClient = 0;
        uint64_t pushedAt29 = 0;
        uint32_t ackedAt29 = 0;
        uint32_t windowAt29 = 0;
        Simulator::Schedule(MilliSeconds(2900), [&]() {
            rxAtClient = accepted ? accepted->GetRxAvailable() : 0;
            pushedAt29 = net.resoaServer->GetCounters().bytesPushed;
            ackedAt29 = highestAck - 1; // the SYN took sequence number 0
            windowAt29 = peerWindow;
        });
        // the application reads every 250 ms from 3 s on
        for (Time t = Seconds(3); t < Seconds(10); t += MilliSeconds(250))
        {
            Simulator::Schedule(t, [&]() {
                if (accepted)
                {
                    drain(accepted);
                }
            });
        }
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(rxAtClient, buffer, "the client buffer holds exactly its size");
        NS_TEST_EXPECT_MSG_EQ(pushedAt29, buffer, "the server pushed exactly the credit");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ackedAt29,
                                    2 * buffer,
                                    "acked <= consumed (0) + client buffer + server buffer");
        NS_TEST_EXPECT_MSG_GT(ackedAt29, buffer + buffer / 2, "the server buffer filled too");
        NS_TEST_EXPECT_MSG_LT(windowAt29, 536U, "the advertised window closed");
        NS_TEST_EXPECT_MSG_EQ(got, total, "every byte, once read");
        NS_TEST_EXPECT_MSG_EQ(finAcked, true, "the FIN was acknowledged");
        NS_TEST_EXPECT_MSG_EQ(clientBytesAtFinAck,
                              total,
                              "the FIN was acknowledged only after every byte reached the client");
        NS_TEST_EXPECT_MSG_EQ(net.resoaServer->GetCounters().finsHeld, 1U, "one FIN held");
        NS_TEST_EXPECT_MSG_EQ(deliveredAtClose,
                              total,
                              "the peer's close reported after every byte reached the client");
        NS_TEST_EXPECT_MSG_LT(finished, Seconds(5), "no persist-timer stall after the reads");
        NS_TEST_EXPECT_MSG_GT(net.resoaServer->GetCounters().windowUpdates,
                              0U,
                              "window updates sent after reads");
        NS_TEST_EXPECT_MSG_EQ(net.resoa[0]->GetCounters().drops[PeArpResoaClient::RX_OVERFLOW],
                              0U,
                              "never beyond the credit");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Eight pure clients moving data both ways at once over one CSMA
 * bus: every byte arrives, and the LHP's pacing and RTT estimate keep it
 * free of retransmissions and of frames refused by a full device queue.
 */
class PeArpResoaBusyLanTestCase : public TestCase
{
  public:
    PeArpResoaBusyLanTestCase()
        : TestCase("eight pure clients, both directions: exact bytes, no LHP retransmission")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        const uint32_t n = 8;
        const uint32_t bytes = 200000;
        ResoaNet net(n);
        std::vector<Ptr<PacketSink>> inetSinks;
        std::vector<Ptr<PacketSink>> clientSinks;
        for (uint32_t i = 0; i < n; ++i)
        {
            uint16_t outPort = static_cast<uint16_t>(5000 + i);
            PacketSinkHelper inetSink("ns3::TcpSocketFactory",
                                      InetSocketAddress(Ipv4Address::GetAny(), outPort));
            inetSinks.push_back(DynamicCast<PacketSink>(inetSink.Install(net.inet).Get(0)));
            BulkSendHelper out("ns3::TcpSocketFactory",
                               InetSocketAddress(net.inetAddress, outPort));
            out.SetAttribute("MaxBytes", UintegerValue(bytes));
            out.Install(net.clients.Get(i)).Start(MilliSeconds(100));
            uint16_t inPort = static_cast<uint16_t>(6000 + i);
            PacketSinkHelper clientSink("ns3::TcpSocketFactory",
                                        InetSocketAddress(Ipv4Address::GetAny(), inPort));
            clientSinks.push_back(
                DynamicCast<PacketSink>(clientSink.Install(net.clients.Get(i)).Get(0)));
            BulkSendHelper in("ns3::TcpSocketFactory",
                              InetSocketAddress(net.publicAddress, inPort));
            in.SetAttribute("MaxBytes", UintegerValue(bytes));
            in.Install(net.inet).Start(MilliSeconds(500));
        }
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        uint64_t retransmissions = net.resoaServer->GetLhp()->GetCounters().retransmissions;
        uint64_t refused = net.resoaServer->GetLhp()->GetCounters().deviceRefused;
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(inetSinks[i]->GetTotalRx(), bytes, "client " << i << " out");
            NS_TEST_EXPECT_MSG_EQ(clientSinks[i]->GetTotalRx(), bytes, "client " << i << " in");
            retransmissions += net.resoa[i]->GetLhp()->GetCounters().retransmissions;
            refused += net.resoa[i]->GetLhp()->GetCounters().deviceRefused;
        }
        NS_TEST_EXPECT_MSG_EQ(retransmissions, 0U, "no LHP retransmission on a lossless LAN");
        NS_TEST_EXPECT_MSG_EQ(refused, 0U, "no frame refused by a device");
        // per client: the listener, the outbound and the accepted socket; the
        // peak depends on whether an outbound transfer ends before the last
        // inbound one starts
        NS_TEST_EXPECT_MSG_LT_OR_EQ(net.resoaServer->GetCounters().peakSockets, 3U * n, "peak");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(net.resoaServer->GetCounters().peakSockets, 2U * n, "peak");
        NS_TEST_EXPECT_MSG_EQ(net.resoaServer->GetCounters().socketsCreated, 3U * n, "created");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Edge cases through the server: two clients binding one port,
 * datagrams too big for one LHP frame, and a half close.
 */
class PeArpResoaEdgeTestCase : public TestCase
{
  public:
    PeArpResoaEdgeTestCase()
        : TestCase("edge cases: shared-port bind conflict, oversized datagrams, ShutdownSend")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(2);
        // both clients bind UDP 7000: the server's port space is shared
        std::vector<Ptr<Socket>> udp;
        std::vector<uint32_t> udpErrors(2, 0);
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<Socket> s = Socket::CreateSocket(net.clients.Get(i), UdpSocketFactory::GetTypeId());
            s->SetCloseCallbacks(
                MakeNullCallback<void, Ptr<Socket>>(),
                Callback<void, Ptr<Socket>>([&udpErrors, i](Ptr<Socket>) { ++udpErrors[i]; }));
            udp.push_back(s);
        }
        uint32_t atClient0 = 0;
        udp[0]->SetRecvCallback(Callback<void, Ptr<Socket>>([&atClient0](Ptr<Socket> s) {
            while (s->Recv())
            {
                ++atClient0;
            }
        }));
        int bigSend = 0;
        Simulator::Schedule(MilliSeconds(10), [&]() {
            udp[0]->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
        });
        Simulator::Schedule(MilliSeconds(20), [&]() {
            udp[1]->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7000));
            // a datagram that does not fit in one LHP frame with its EP header
            bigSend =
                udp[1]->SendTo(Create<Packet>(1480), 0, InetSocketAddress(net.inetAddress, 9));
        });
        // the Internet host sends one datagram that fits and one that does not
        Ptr<Socket> inetUdp = Socket::CreateSocket(net.inet, UdpSocketFactory::GetTypeId());
        Simulator::Schedule(MilliSeconds(100), [&]() {
            inetUdp->SendTo(Create<Packet>(1000), 0, InetSocketAddress(net.publicAddress, 7000));
            inetUdp->SendTo(Create<Packet>(1470), 0, InetSocketAddress(net.publicAddress, 7000));
        });

        // a half close: 3000 bytes, then ShutdownSend; the peer sees its close
        uint32_t peerClosed = 0;
        uint64_t peerBytes = 0;
        Ptr<Socket> listener = Socket::CreateSocket(net.inet, TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
        listener->Listen();
        listener->SetAcceptCallback(
            MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
            Callback<void, Ptr<Socket>, const Address&>([&](Ptr<Socket> s, const Address&) {
                s->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> r) {
                    Ptr<Packet> p;
                    while ((p = r->Recv()) && p->GetSize() > 0)
                    {
                        peerBytes += p->GetSize();
                    }
                }));
                s->SetCloseCallbacks(
                    Callback<void, Ptr<Socket>>([&peerClosed](Ptr<Socket>) { ++peerClosed; }),
                    MakeNullCallback<void, Ptr<Socket>>());
            }));
        Ptr<Socket> tcp = Socket::CreateSocket(net.clients.Get(1), TcpSocketFactory::GetTypeId());
        tcp->SetConnectCallback(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) {
                                    s->Send(Create<Packet>(3000));
                                    s->ShutdownSend();
                                }),
                                MakeNullCallback<void, Ptr<Socket>>());
        Simulator::Schedule(MilliSeconds(200),
                            [&]() { tcp->Connect(InetSocketAddress(net.inetAddress, 80)); });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(udpErrors[0], 0U, "the first bind holds");
        NS_TEST_EXPECT_MSG_EQ(udpErrors[1], 1U, "the second fails");
        NS_TEST_EXPECT_MSG_EQ(udp[1]->GetErrno(), Socket::ERROR_ADDRINUSE, "ERROR_ADDRINUSE");
        NS_TEST_EXPECT_MSG_EQ(bigSend, -1, "a datagram beyond one frame is refused");
        NS_TEST_EXPECT_MSG_EQ(atClient0, 1U, "the datagram that fits arrived");
        NS_TEST_EXPECT_MSG_EQ(
            net.resoaServer->GetCounters().drops[PeArpResoaServer::DATAGRAM_TOO_BIG],
            1U,
            "the one that does not was dropped and counted");
        NS_TEST_EXPECT_MSG_EQ(peerBytes, 3000U, "3000 bytes before the half close");
        NS_TEST_EXPECT_MSG_EQ(peerClosed, 1U, "the peer saw the close");
        NS_TEST_EXPECT_MSG_EQ(
            CountOf(net.resoa[1]->GetCounters().sent, PeArpResoaEpHeader::SHUTDOWN_SEND),
            1U,
            "one SHUTDOWN_SEND, after the data");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief UDP echo from a pure client to the Internet, and to an echo
 * server on a pure client from the Internet.
 */
class PeArpResoaUdpEchoTestCase : public TestCase
{
  public:
    PeArpResoaUdpEchoTestCase()
        : TestCase("pure client: UDP echo out, and an echo server on the client")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(1);
        UdpEchoServerHelper inetServer(9);
        ApplicationContainer inetServerApp = inetServer.Install(net.inet);
        UdpEchoClientHelper clientEcho(net.inetAddress, 9);
        clientEcho.SetAttribute("MaxPackets", UintegerValue(5));
        clientEcho.SetAttribute("Interval", TimeValue(MilliSeconds(200)));
        clientEcho.SetAttribute("PacketSize", UintegerValue(200));
        ApplicationContainer clientEchoApp = clientEcho.Install(net.clients.Get(0));
        clientEchoApp.Start(MilliSeconds(100));
        uint32_t echoesAtClient = 0;
        uint32_t bytesAtClient = 0;
        clientEchoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&](Ptr<const Packet> p) {
                ++echoesAtClient;
                bytesAtClient += p->GetSize();
            }));
        uint32_t atInetServer = 0;
        inetServerApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) { ++atInetServer; }));

        // inbound: an echo server on the client, reached at the public address
        UdpEchoServerHelper clientServer(7);
        clientServer.Install(net.clients.Get(0));
        UdpEchoClientHelper inetEcho(net.publicAddress, 7);
        inetEcho.SetAttribute("MaxPackets", UintegerValue(3));
        inetEcho.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
        inetEcho.SetAttribute("PacketSize", UintegerValue(64));
        ApplicationContainer inetEchoApp = inetEcho.Install(net.inet);
        inetEchoApp.Start(Seconds(2));
        uint32_t echoesAtInet = 0;
        inetEchoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) { ++echoesAtInet; }));
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(atInetServer, 5U, "5 requests reached the Internet server");
        NS_TEST_EXPECT_MSG_EQ(echoesAtClient, 5U, "5 echoes reached the client");
        NS_TEST_EXPECT_MSG_EQ(bytesAtClient, 1000U, "5 x 200 bytes");
        NS_TEST_EXPECT_MSG_EQ(echoesAtInet, 3U, "3 echoes from the client's echo server");
        const auto& c = net.resoa[0]->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(CountOf(c.received, PeArpResoaEpHeader::DATA_FROM),
                              8U,
                              "5 echoes + 3 requests pushed as DATA_FROM");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief GetSockName on a client answers the server's public address and
 * the port the Internet host sees.
 */
class PeArpResoaSockNameTestCase : public TestCase
{
  public:
    PeArpResoaSockNameTestCase()
        : TestCase("pure client: GetSockName = the public address:port the peer sees")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(1);
        PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), 80));
        ApplicationContainer sinkApp = sinkHelper.Install(net.inet);
        Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
        std::vector<InetSocketAddress> seenByPeer;
        sink->TraceConnectWithoutContext("Rx",
                                         Callback<void, Ptr<const Packet>, const Address&>(
                                             [&seenByPeer](Ptr<const Packet>, const Address& from) {
                                                 seenByPeer.push_back(
                                                     InetSocketAddress::ConvertFrom(from));
                                             }));
        Ptr<Socket> socket =
            Socket::CreateSocket(net.clients.Get(0), TcpSocketFactory::GetTypeId());
        NS_TEST_ASSERT_MSG_EQ(socket->GetInstanceTypeId(),
                              PeArpResoaSocket::GetTypeId(),
                              "the node's TcpSocketFactory gives ReSoA sockets");
        NS_TEST_EXPECT_MSG_EQ(socket->GetSocketType(), Socket::NS3_SOCK_STREAM, "stream");
        Address before;
        socket->GetSockName(before);
        std::optional<InetSocketAddress> name;
        std::optional<InetSocketAddress> peerName;
        socket->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> s) {
                                       Address a;
                                       s->GetSockName(a);
                                       name = InetSocketAddress::ConvertFrom(a);
                                       Address p;
                                       s->GetPeerName(p);
                                       peerName = InetSocketAddress::ConvertFrom(p);
                                       s->Send(Create<Packet>(1000));
                                       s->Close();
                                   }),
                                   MakeNullCallback<void, Ptr<Socket>>());
        Simulator::Schedule(MilliSeconds(100), [&]() {
            socket->Bind();
            socket->Connect(InetSocketAddress(net.inetAddress, 80));
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(before).GetPort(),
                              0,
                              "no port before the server answers");
        PEARP_REQUIRE_EQ(name.has_value(), true, "connected");
        PEARP_REQUIRE_EQ(seenByPeer.empty(), false, "the peer received data");
        NS_TEST_EXPECT_MSG_EQ(name->GetIpv4(), net.publicAddress, "the public address");
        NS_TEST_EXPECT_MSG_NE(name->GetPort(), 0, "a port");
        NS_TEST_EXPECT_MSG_EQ(seenByPeer[0].GetIpv4(), name->GetIpv4(), "the address the peer saw");
        NS_TEST_EXPECT_MSG_EQ(seenByPeer[0].GetPort(), name->GetPort(), "the port the peer saw");
        NS_TEST_EXPECT_MSG_EQ(peerName->GetIpv4(), net.inetAddress, "GetPeerName");
        NS_TEST_EXPECT_MSG_EQ(peerName->GetPort(), 80, "GetPeerName port");
        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), 1000U, "1000 bytes");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Server crash: the client's socket reports an error; client
 * crash: the server resets that client's sockets after DeadAfter.
 */
class PeArpResoaCrashTestCase : public TestCase
{
  public:
    PeArpResoaCrashTestCase()
        : TestCase("failures: server crash -> NotifyErrorClose on the client; client crash -> "
                   "the server aborts its sockets")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        ResoaNet net(2);
        PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), 80));
        sinkHelper.Install(net.inet);

        // client 1 crashes at 1 s; the server keeps client 0's socket
        std::vector<Ptr<Socket>> sockets;
        std::vector<uint32_t> connected(2, 0);
        std::vector<uint32_t> errors(2, 0);
        std::vector<uint32_t> normal(2, 0);
        std::vector<Time> errorAt(2);
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<Socket> s = Socket::CreateSocket(net.clients.Get(i), TcpSocketFactory::GetTypeId());
            s->SetConnectCallback(
                Callback<void, Ptr<Socket>>([&connected, i](Ptr<Socket>) { ++connected[i]; }),
                MakeNullCallback<void, Ptr<Socket>>());
            s->SetCloseCallbacks(
                Callback<void, Ptr<Socket>>([&normal, i](Ptr<Socket>) { ++normal[i]; }),
                Callback<void, Ptr<Socket>>([&errors, &errorAt, i](Ptr<Socket>) {
                    ++errors[i];
                    errorAt[i] = Simulator::Now();
                }));
            sockets.push_back(s);
        }
        Simulator::Schedule(MilliSeconds(100), [&]() {
            for (auto& s : sockets)
            {
                s->Connect(InetSocketAddress(net.inetAddress, 80));
            }
        });
        uint32_t serverSocketsBeforeClientCrash = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            serverSocketsBeforeClientCrash = net.resoaServer->GetSocketCount();
            net.resoa[1]->GetLhp()->Crash();
        });
        uint32_t serverSocketsAfterClientCrash = 0;
        uint64_t abortedBeforeServerCrash = 0;
        Simulator::Schedule(Seconds(6), [&]() {
            serverSocketsAfterClientCrash = net.resoaServer->GetSocketCount();
            abortedBeforeServerCrash = net.resoaServer->GetCounters().socketsAborted;
            net.resoaServer->Crash();
        });
        Simulator::Stop(Seconds(12));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(connected[0], 1U, "client 0 connected");
        NS_TEST_EXPECT_MSG_EQ(connected[1], 1U, "client 1 connected");
        NS_TEST_EXPECT_MSG_EQ(serverSocketsBeforeClientCrash, 2U, "two sockets at the server");
        NS_TEST_EXPECT_MSG_EQ(serverSocketsAfterClientCrash, 1U, "client 1's socket aborted");
        NS_TEST_EXPECT_MSG_EQ(abortedBeforeServerCrash, 1U, "one socket aborted");
        NS_TEST_EXPECT_MSG_EQ(net.resoaServer->GetCounters().clientsLost, 1U, "client 1 lost");
        NS_TEST_EXPECT_MSG_EQ(errors[0], 1U, "client 0's socket reported the server crash");
        NS_TEST_EXPECT_MSG_EQ(normal[0], 0U, "not as a normal close");
        NS_TEST_EXPECT_MSG_EQ(sockets[0]->GetErrno(), Socket::ERROR_SHUTDOWN, "errno");
        NS_TEST_EXPECT_MSG_GT(errorAt[0], Seconds(6), "after the crash");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(errorAt[0], Seconds(6 + 4), "within DeadAfter + 1 intervals");
        NS_TEST_EXPECT_MSG_EQ(net.resoa[0]->GetCounters().connectionLost, 1U, "LHP lost");
        NS_TEST_EXPECT_MSG_EQ(net.resoa[0]->GetSocketCount(), 0U, "socket forgotten");
        NS_TEST_EXPECT_MSG_EQ(net.resoa[0]->IsRegistered(), false, "no longer registered");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief A dual-stack client: its own stack serves local TCP, the ReSoA
 * factory (picked by name) serves the Internet.
 */
class PeArpResoaDualStackTestCase : public TestCase
{
  public:
    PeArpResoaDualStackTestCase()
        : TestCase("dual-stack client: local TCP on its own stack, Internet TCP through ReSoA")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        NodeContainer lan;
        lan.Create(3); // dual client, a local host, the server
        Ptr<Node> dual = lan.Get(0);
        Ptr<Node> local = lan.Get(1);
        Ptr<Node> server = lan.Get(2);
        Ptr<Node> inet = CreateObject<Node>();
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        NetDeviceContainer lanDevices = csma.Install(lan);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer wan = p2p.Install(server, inet);
        InternetStackHelper stack;
        stack.Install(lan);
        stack.Install(inet);
        Ipv4AddressHelper addresses;
        addresses.SetBase("10.0.0.0", "255.255.255.0");
        NetDeviceContainer hostDevices;
        hostDevices.Add(lanDevices.Get(0));
        hostDevices.Add(lanDevices.Get(1));
        addresses.Assign(hostDevices);
        addresses.SetBase("203.0.113.0", "255.255.255.252");
        addresses.Assign(wan);
        Ipv4Address publicAddress("203.0.113.1");
        PeArpResoaHelper helper;
        Ptr<PeArpResoaServer> resoaServer =
            helper.InstallServer(server, lanDevices.Get(2), publicAddress);
        Ptr<PeArpResoaClient> client =
            helper.InstallClient(dual,
                                 lanDevices.Get(0),
                                 Mac48Address::ConvertFrom(lanDevices.Get(2)->GetAddress()),
                                 PeArpResoaHelper::DUAL);

        PacketSinkHelper localSinkHelper("ns3::TcpSocketFactory",
                                         InetSocketAddress(Ipv4Address::GetAny(), 7000));
        Ptr<PacketSink> localSink = DynamicCast<PacketSink>(localSinkHelper.Install(local).Get(0));
        PacketSinkHelper inetSinkHelper("ns3::TcpSocketFactory",
                                        InetSocketAddress(Ipv4Address::GetAny(), 9));
        Ptr<PacketSink> inetSink = DynamicCast<PacketSink>(inetSinkHelper.Install(inet).Get(0));
        std::set<uint32_t> inetPeers;
        inetSink->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, const Address&>(
                [&inetPeers](Ptr<const Packet>, const Address& from) {
                    inetPeers.insert(InetSocketAddress::ConvertFrom(from).GetIpv4().Get());
                }));

        BulkSendHelper localBulk("ns3::TcpSocketFactory",
                                 InetSocketAddress(Ipv4Address("10.0.0.2"), 7000));
        localBulk.SetAttribute("MaxBytes", UintegerValue(100000));
        localBulk.Install(dual).Start(MilliSeconds(100));
        BulkSendHelper resoaBulk("ns3::PeArpResoaDualTcpSocketFactory",
                                 InetSocketAddress(Ipv4Address("203.0.113.2"), 9));
        resoaBulk.SetAttribute("MaxBytes", UintegerValue(200000));
        resoaBulk.Install(dual).Start(MilliSeconds(100));
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(dual->GetObject<TcpSocketFactory>()->GetInstanceTypeId(),
                              PeArpResoaTcpSocketFactory::GetTypeId(),
                              "the node's TcpSocketFactory is still the stock one");
        NS_TEST_EXPECT_MSG_EQ(localSink->GetTotalRx(), 100000U, "local TCP, own stack");
        NS_TEST_EXPECT_MSG_EQ(inetSink->GetTotalRx(), 200000U, "Internet TCP through ReSoA");
        PEARP_REQUIRE_EQ(inetPeers.size(), 1U, "one peer at the Internet host");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(*inetPeers.begin()), publicAddress, "the public address");
        NS_TEST_EXPECT_MSG_EQ(client->GetCounters().bytesSent, 200000U, "only the ReSoA bytes");
        NS_TEST_EXPECT_MSG_EQ(resoaServer->GetCounters().bytesFromClients, 200000U, "server");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The ReSoA system test suite.
 */
class PeArpResoaTestSuite : public TestSuite
{
  public:
    PeArpResoaTestSuite()
        : TestSuite("pe-arp-resoa", SYSTEM)
    {
        AddTestCase(new PeArpResoaLhpLossTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaLhpDeadPeerTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaLhpMalformedFrameTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaServerMalformedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaClientMalformedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaBulkOutTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaBulkInTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaSlowReaderTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpResoaSlowReaderTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpResoaBusyLanTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaEdgeTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaUdpEchoTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaSockNameTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaCrashTestCase, TestCase::QUICK);
        AddTestCase(new PeArpResoaDualStackTestCase, TestCase::QUICK);
    }
};

static PeArpResoaTestSuite g_peArpResoaTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
