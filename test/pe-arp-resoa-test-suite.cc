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
#include "ns3/pe-arp-resoa-socket.h"
#include "ns3/point-to-point-module.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

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

// SYSTEM_TESTS_HERE

} // namespace tests
} // namespace ns3
