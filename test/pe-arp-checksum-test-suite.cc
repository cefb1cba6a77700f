/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of PeArpChecksum: the RFC 1624 vectors worked by hand in
 * the issue 8 design note (section 5), written here as literals, the RFC 1624
 * 0x0000 trap, the UDP zero rule, agreement with ns-3's own checksummed
 * headers, and a randomized check that the incremental update equals a full
 * recompute.
 */

#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-checksum.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <random>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpChecksumTestSuite");

namespace
{

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
 * \param offset where a big-endian word starts
 * \return the word
 */
uint16_t
Word(const std::vector<uint8_t>& b, uint32_t offset)
{
    return static_cast<uint16_t>((b[offset] << 8) | b[offset + 1]);
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief The hand-computed vectors of the design note: UDP 10.0.0.2:49153
 * -> 203.0.113.9:7 "ping" rewritten to source 198.108.63.2:2000. IP header
 * checksum 0x34C1 -> 0x3954, UDP checksum 0x1AF1 -> 0xD7B5.
 */
class PeArpChecksumVectorsTestCase : public TestCase
{
  public:
    PeArpChecksumVectorsTestCase()
        : TestCase("RFC 1624 eqn. 3 by hand: IP 34C1->3954, UDP 1AF1->D7B5")
    {
    }

  private:
    void DoRun() override
    {
        // fold: CB3E + F5FF = 1C13D -> C13E
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Fold(0x1C13D), 0xC13E, "end-around carry");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Fold(0x2FFFE), 0x0001, "two carries");

        // the IP header of the note, checksum field zero
        const uint8_t ip[] = {0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11,
                              0x00, 0x00, 0x0A, 0x00, 0x00, 0x02, 0xCB, 0x00, 0x71, 0x09};
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Fold(PeArpChecksum::Sum(ip, sizeof(ip))),
                              0xCB3E,
                              "sum of the words");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Compute(ip, sizeof(ip)), 0x34C1, "HC");
        // word by word, as in the note, and as one 32-bit field
        uint16_t hc = PeArpChecksum::Update16(0x34C1, 0x0A00, 0xC66C);
        hc = PeArpChecksum::Update16(hc, 0x0002, 0x3F02);
        NS_TEST_EXPECT_MSG_EQ(hc, 0x3954, "HC' word by word");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Update32(0x34C1, 0x0A000002, 0xC66C3F02),
                              0x3954,
                              "HC' as a 32-bit field");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Update32(0x3954, 0xC66C3F02, 0x0A000002),
                              0x34C1,
                              "and back");

        // ns-3 serializes the rewritten header with the same checksum
        Ipv4Header h;
        h.EnableChecksum();
        h.SetSource(Ipv4Address("198.108.63.2"));
        h.SetDestination(Ipv4Address("203.0.113.9"));
        h.SetProtocol(17);
        h.SetPayloadSize(12);
        h.SetIdentification(1);
        h.SetTtl(64);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(h);
        NS_TEST_EXPECT_MSG_EQ(Word(Bytes(p), 10), 0x3954, "Ipv4Header::Serialize agrees");

        // UDP: pseudo-header + header + "ping"
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::PseudoHeaderSum(Ipv4Address("10.0.0.2"),
                                                             Ipv4Address("203.0.113.9"),
                                                             17,
                                                             12),
                              0x0A00U + 0x0002 + 0xCB00 + 0x7109 + 17 + 12,
                              "pseudo-header words");
        uint16_t c = PeArpChecksum::Update32(0x1AF1, 0x0A000002, 0xC66C3F02);
        NS_TEST_EXPECT_MSG_EQ(c, 0x1F84, "after the address (~E07B)");
        c = PeArpChecksum::Update16(c, 0xC001, 0x07D0);
        NS_TEST_EXPECT_MSG_EQ(c, 0xD7B5, "C' after the port");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpChecksum::UpdateUdp16(PeArpChecksum::UpdateUdp32(0xD7B5, 0xC66C3F02, 0x0A000002),
                                       0x07D0,
                                       0xC001),
            0x1AF1,
            "the reply direction swaps m and m'");

        // ns-3's UdpHeader gives 1AF1 before and D7B5 after
        const uint8_t ping[] = {'p', 'i', 'n', 'g'};
        for (bool after : {false, true})
        {
            Ptr<Packet> d = Create<Packet>(ping, sizeof(ping));
            UdpHeader u;
            u.EnableChecksums();
            u.SetSourcePort(after ? 2000 : 49153);
            u.SetDestinationPort(7);
            u.InitializeChecksum(Ipv4Address(after ? "198.108.63.2" : "10.0.0.2"),
                                 Ipv4Address("203.0.113.9"),
                                 17);
            d->AddHeader(u);
            NS_TEST_EXPECT_MSG_EQ(Word(Bytes(d), 6),
                                  after ? 0xD7B5 : 0x1AF1,
                                  "UdpHeader::Serialize, " << (after ? "after" : "before"));
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief RFC 1624 section 3: the other words sum to CD7A and m goes 5555 ->
 * 3285, so HC = DD2F; eqn. 3 gives 0000 (eqn. 2 would give FFFF). In a UDP
 * checksum a computed 0000 is sent as FFFF, and a field of 0 stays 0.
 */
class PeArpChecksumTrapTestCase : public TestCase
{
  public:
    PeArpChecksumTrapTestCase()
        : TestCase("RFC 1624 0x0000 trap and the UDP zero rule")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Update16(0xDD2F, 0x5555, 0x3285), 0x0000, "eqn. 3");
        // the full recompute agrees: words CD7A and 3285
        const uint8_t words[] = {0xCD, 0x7A, 0x32, 0x85};
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Compute(words, sizeof(words)), 0x0000, "full");
        const uint8_t before[] = {0xCD, 0x7A, 0x55, 0x55};
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Compute(before, sizeof(before)), 0xDD2F, "HC");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::UpdateUdp16(0xDD2F, 0x5555, 0x3285),
                              0xFFFF,
                              "UDP sends 0000 as FFFF");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::UpdateUdp16(0x0000, 0x5555, 0x3285),
                              0x0000,
                              "UDP without checksum stays without");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::UpdateUdp32(0x0000, 0x0A000002, 0xC66C3F02),
                              0x0000,
                              "also for 32-bit fields");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::UdpField(0x0000), 0xFFFF, "UdpField");
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::UdpField(0x1234), 0x1234, "UdpField");
        // odd length: the last byte is padded
        const uint8_t odd[] = {0x12, 0x34, 0x56};
        NS_TEST_EXPECT_MSG_EQ(PeArpChecksum::Sum(odd, sizeof(odd)), 0x1234U + 0x5600, "padding");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Randomized: for random messages and random changes of a 16-bit or
 * 32-bit field, the incremental update equals a full recompute.
 */
class PeArpChecksumRandomTestCase : public TestCase
{
  public:
    PeArpChecksumRandomTestCase()
        : TestCase("Randomized: incremental update == full recompute")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(8);
        uint32_t mismatches = 0;
        const uint32_t rounds = 20000;
        for (uint32_t round = 0; round < rounds; ++round)
        {
            uint32_t words = 4 + rng() % 40;
            std::vector<uint8_t> m(words * 2);
            for (auto& b : m)
            {
                b = static_cast<uint8_t>(rng());
            }
            m[0] = m[1] = 0; // the checksum field
            m[2] |= 1;       // never all zero (see below)
            uint16_t hc = PeArpChecksum::Compute(m.data(), m.size());
            bool wide = rng() % 2;
            // the word at offset 2 keeps its set bit, so no message is all zero
            uint32_t at = 4 + (rng() % (words - (wide ? 3 : 2))) * 2;
            uint16_t updated;
            if (wide)
            {
                uint32_t oldValue = (Word(m, at) << 16) | Word(m, at + 2);
                uint32_t newValue = rng();
                for (int k = 0; k < 4; ++k)
                {
                    m[at + k] = static_cast<uint8_t>(newValue >> (24 - 8 * k));
                }
                updated = PeArpChecksum::Update32(hc, oldValue, newValue);
            }
            else
            {
                uint16_t oldWord = Word(m, at);
                auto newWord = static_cast<uint16_t>(rng());
                m[at] = static_cast<uint8_t>(newWord >> 8);
                m[at + 1] = static_cast<uint8_t>(newWord);
                updated = PeArpChecksum::Update16(hc, oldWord, newWord);
            }
            if (updated != PeArpChecksum::Compute(m.data(), m.size()))
            {
                mismatches++;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(mismatches, 0U, "incremental != full in some of " << rounds);
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The checksum test suite.
 */
class PeArpChecksumTestSuite : public TestSuite
{
  public:
    PeArpChecksumTestSuite()
        : TestSuite("pe-arp-checksum", UNIT)
    {
        AddTestCase(new PeArpChecksumVectorsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpChecksumTrapTestCase, TestCase::QUICK);
        AddTestCase(new PeArpChecksumRandomTestCase, TestCase::QUICK);
    }
};

static PeArpChecksumTestSuite g_peArpChecksumTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
