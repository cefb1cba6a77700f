/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Defences of DNS dynamic updates (RFC 2136) for hosts sharing an address:
 * SHA-256 and HMAC-SHA256 against the published vectors (FIPS 180-4
 * examples, RFC 4231), the TSIG RR (RFC 8945) byte by byte against bytes
 * written by hand, TSIG verification and its errors, the server's
 * UpdatePolicy (Open, Owner, Tsig, OwnerOrTsig) without a network, and on
 * Figure 4 a host or an Internet host spoofing an update that moves host
 * A's SRV record to its own port.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-dns-message.h"
#include "ns3/pe-arp-dns-server.h"
#include "ns3/pe-arp-dns-tsig.h"
#include "ns3/pe-arp-hmac-sha256.h"
#include "ns3/pe-arp-lan-registry.h"
#include "ns3/pe-arp-srv-resolver.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <optional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpTsigTestSuite");

namespace
{

using Msg = PeArpDnsMessage;                //!< shorthand
using Rr = PeArpDnsMessage::ResourceRecord; //!< shorthand
using Bytes = std::vector<uint8_t>;         //!< shorthand

/**
 * \param s a string
 * \return its bytes
 */
Bytes
B(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

/**
 * \param hex hex digits (spaces ignored)
 * \return the bytes
 */
Bytes
FromHex(const std::string& hex)
{
    Bytes out;
    std::string digits;
    for (char c : hex)
    {
        if (c != ' ')
        {
            digits += c;
        }
    }
    for (size_t i = 0; i + 1 < digits.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/**
 * \param parts byte vectors
 * \return their concatenation
 */
Bytes
Cat(const std::vector<Bytes>& parts)
{
    Bytes out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/**
 * \param data a message
 * \return it parsed (a test fails if it does not parse)
 */
Msg
ParseOrEmpty(const Bytes& data)
{
    Msg m;
    m.Parse(data.data(), data.size());
    return m;
}

/**
 * \param zone ZNAME
 * \param updates update section
 * \param id the ID
 * \return an UPDATE
 */
Msg
Update(const std::string& zone, const std::vector<Rr>& updates, uint16_t id = 0x1234)
{
    Msg u;
    u.SetId(id);
    u.SetOpcode(Msg::OPCODE_UPDATE);
    u.AddQuestion({zone, Msg::TYPE_SOA, Msg::CLASS_IN});
    for (const auto& rr : updates)
    {
        u.AddAuthority(rr);
    }
    return u;
}

/**
 * \param message a message
 * \return the fields of its TSIG RR (the last additional record), if it has one
 */
std::optional<PeArpDnsTsig::Record>
TsigOf(const Msg& message)
{
    if (message.GetAdditional().empty() || message.GetAdditional().back().type != Msg::TYPE_TSIG)
    {
        return std::nullopt;
    }
    return PeArpDnsTsig::FromResourceRecord(message.GetAdditional().back());
}

const uint64_t T0 = 1700000000; //!< a TSIG time: 0x6553F100

} // namespace

/**
 * \ingroup pe-arp-tests
 * SHA-256 against the FIPS 180-4 examples (NIST CSRC "SHA256.pdf"), written
 * here by hand.
 */
class PeArpSha256TestCase : public TestCase
{
  public:
    PeArpSha256TestCase()
        : TestCase("SHA-256: FIPS 180-4 examples (abc, 448 bits, a million a), empty message")
    {
    }

  private:
    void DoRun() override
    {
        auto hex = [](const Bytes& m) { return PeArpSha256::ToHex(PeArpSha256::Hash(m)); };
        NS_TEST_EXPECT_MSG_EQ(hex(B("abc")),
                              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                              "one block");
        NS_TEST_EXPECT_MSG_EQ(hex(B("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
                              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                              "448 bits: the padding takes a second block");
        NS_TEST_EXPECT_MSG_EQ(hex(Bytes()),
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                              "empty message");
        // A million 'a', fed in uneven pieces across block boundaries.
        PeArpSha256 h;
        Bytes chunk(997, 'a');
        uint64_t left = 1000000;
        while (left > 0)
        {
            uint64_t n = std::min<uint64_t>(left, chunk.size());
            h.Update(chunk.data(), n);
            left -= n;
        }
        NS_TEST_EXPECT_MSG_EQ(PeArpSha256::ToHex(h.Finish()),
                              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
                              "a million 'a'");
        h.Update(B("abc"));
        NS_TEST_EXPECT_MSG_EQ(PeArpSha256::ToHex(h.Finish()),
                              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                              "Finish resets the object");
    }
};

/**
 * \ingroup pe-arp-tests
 * HMAC-SHA-256 against RFC 4231 section 4, test cases 1-7, written by hand.
 */
class PeArpHmacSha256TestCase : public TestCase
{
  public:
    PeArpHmacSha256TestCase()
        : TestCase("HMAC-SHA-256: RFC 4231 test cases 1-7")
    {
    }

  private:
    void DoRun() override
    {
        struct Vector
        {
            Bytes key;       //!< key
            Bytes data;      //!< data
            std::string mac; //!< expected HMAC-SHA-256 (test 5: its first 128 bits)
        };

        const std::vector<Vector> vectors = {
            {Bytes(20, 0x0b),
             B("Hi There"),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
            {B("Jefe"),
             B("what do ya want for nothing?"),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
            {Bytes(20, 0xaa),
             Bytes(50, 0xdd),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
            {FromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
             Bytes(50, 0xcd),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
            {Bytes(20, 0x0c), B("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b"},
            {Bytes(131, 0xaa),
             B("Test Using Larger Than Block-Size Key - Hash Key First"),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
            {Bytes(131, 0xaa),
             B("This is a test using a larger than block-size key and a larger than "
               "block-size data. The key needs to be hashed before being used by the HMAC "
               "algorithm."),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
        };
        for (size_t k = 0; k < vectors.size(); k++)
        {
            Bytes mac = PeArpHmacSha256::Compute(vectors[k].key, vectors[k].data);
            NS_TEST_EXPECT_MSG_EQ(mac.size(), 32, "test case " << k + 1 << ": 32 bytes");
            std::string got = PeArpSha256::ToHex(mac).substr(0, vectors[k].mac.size());
            NS_TEST_EXPECT_MSG_EQ(got, vectors[k].mac, "RFC 4231 test case " << k + 1);
        }
        NS_TEST_EXPECT_MSG_EQ(PeArpHmacSha256::Equal(FromHex("0102"), FromHex("0102")), true, "");
        NS_TEST_EXPECT_MSG_EQ(PeArpHmacSha256::Equal(FromHex("0102"), FromHex("0103")), false, "");
        NS_TEST_EXPECT_MSG_EQ(PeArpHmacSha256::Equal(FromHex("0102"), FromHex("01")), false, "");
    }
};

/**
 * \ingroup pe-arp-tests
 * A TSIG-signed UPDATE, byte by byte against bytes written by hand from RFC
 * 8945 sections 4.2 and 4.3 (the MAC from the verified HMAC over an input
 * also written by hand), then its verification and every error.
 */
class PeArpTsigLayoutTestCase : public TestCase
{
  public:
    PeArpTsigLayoutTestCase()
        : TestCase("TSIG: signed UPDATE layout by hand; VERIFIED, BADSIG, BADKEY, BADTIME, "
                   "BADTRUNC, FORMERR")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes secret = B("a shared secret of 32 bytes!....");
        // _web._tcp.example.com SRV 0 0 2080 a.example.com, TTL 300
        Msg update =
            Update("example.com",
                   {Msg::MakeSrv("_web._tcp.example.com", 0, 0, 2080, "a.example.com", 300)});
        // The key name in mixed case: the MAC covers it in lowercase.
        Msg signedUpdate = PeArpDnsTsig::Sign(update, "Key.Example.COM", secret, T0, 300);

        const Bytes exampleCom = Cat({{7}, B("example"), {3}, B("com"), {0}});
        const Bytes unsignedMessage = Cat({
            {0x12, 0x34, 0x28, 0x00, 0, 1, 0, 0, 0, 1, 0, 0}, // ID, UPDATE, 1 zone, 1 update
            exampleCom,
            {0x00, 0x06, 0x00, 0x01}, // SOA IN
            {4},
            B("_web"),
            {4},
            B("_tcp"),
            exampleCom,
            {0x00, 0x21, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2C, 0x00, 0x15}, // SRV IN 300, RDLEN 21
            {0x00, 0x00, 0x00, 0x00, 0x08, 0x20},                         // 0 0 2080
            {1},
            B("a"),
            exampleCom,
        });
        const Bytes algorithm = Cat({{11}, B("hmac-sha256"), {0}});
        const Bytes variables = Cat({
            {3},
            B("key"), // canonical: lowercase
            exampleCom,
            {0x00, 0xFF, 0x00, 0x00, 0x00, 0x00}, // class ANY, TTL 0
            algorithm,
            {0x00, 0x00, 0x65, 0x53, 0xF1, 0x00}, // time signed 1700000000
            {0x01, 0x2C},                         // fudge 300
            {0x00, 0x00},                         // error
            {0x00, 0x00},                         // other len
        });
        const Bytes mac = PeArpHmacSha256::Compute(secret, Cat({unsignedMessage, variables}));
        Bytes expected = unsignedMessage;
        expected[11] = 1; // ARCOUNT 1
        expected = Cat({expected,
                        {3},
                        B("Key"), // the owner name as given
                        {7},
                        B("Example"),
                        {3},
                        B("COM"),
                        {0},
                        {0x00, 0xFA, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00}, // TSIG ANY TTL 0
                        {0x00, 61}, // RDLENGTH 13 + 6 + 2 + 2 + 32 + 2 + 2 + 2
                        algorithm,
                        {0x00, 0x00, 0x65, 0x53, 0xF1, 0x00, 0x01, 0x2C}, // time, fudge
                        {0x00, 0x20},                                     // MAC size 32
                        mac,
                        {0x12, 0x34},   // original ID
                        {0x00, 0x00},   // error
                        {0x00, 0x00}}); // other len
        Bytes wire = PeArpDnsTsig::ToBytes(signedUpdate);
        PEARP_REQUIRE_EQ(wire.size(), expected.size(), "signed size");
        for (size_t i = 0; i < wire.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(uint32_t(wire[i]), uint32_t(expected[i]), "byte " << i);
        }
        Msg parsed = ParseOrEmpty(wire);
        NS_TEST_EXPECT_MSG_EQ(parsed.GetLastAdditionalOffset(),
                              unsignedMessage.size(),
                              "the TSIG RR starts where the unsigned message ends");
        std::optional<PeArpDnsTsig::Record> tsig = TsigOf(parsed);
        PEARP_REQUIRE_EQ(tsig.has_value(), true, "the TSIG RR reads back");
        NS_TEST_EXPECT_MSG_EQ(tsig->algorithm, "hmac-sha256", "algorithm");
        NS_TEST_EXPECT_MSG_EQ(tsig->timeSigned, T0, "time signed");
        NS_TEST_EXPECT_MSG_EQ(tsig->fudge, 300, "fudge");
        NS_TEST_EXPECT_MSG_EQ(tsig->originalId, 0x1234, "original ID");

        // Verification.
        const PeArpDnsTsig::KeyRing keys = {{"key.example.com", secret}};
        auto verify = [](const Bytes& w, const PeArpDnsTsig::KeyRing& k, uint64_t now) {
            return PeArpDnsTsig::OutcomeToString(
                PeArpDnsTsig::Verify(w, ParseOrEmpty(w), k, now, std::nullopt).outcome);
        };
        NS_TEST_EXPECT_MSG_EQ(verify(wire, keys, T0), "verified", "as signed");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, keys, T0 + 300), "verified", "at the fudge's edge");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, keys, T0 - 300), "verified", "at the other edge");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, keys, T0 + 301), "BADTIME", "beyond the fudge");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, keys, T0 - 301), "BADTIME", "before the fudge");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, {{"key.example.com", B("another secret")}}, T0),
                              "BADSIG",
                              "another secret");
        NS_TEST_EXPECT_MSG_EQ(verify(wire, {{"other.example.com", secret}}, T0),
                              "BADKEY",
                              "unknown key");
        NS_TEST_EXPECT_MSG_EQ(verify(PeArpDnsTsig::ToBytes(update), keys, T0),
                              "unsigned",
                              "no TSIG RR");
        Bytes tampered = wire;
        tampered[unsignedMessage.size() - 16] ^= 0x01; // the SRV port 2080 -> 2081
        NS_TEST_EXPECT_MSG_EQ(verify(tampered, keys, T0), "BADSIG", "a changed port");
        Bytes otherId = wire;
        otherId[1] = 0x35; // the ID may change (forwarding): the original ID is signed
        NS_TEST_EXPECT_MSG_EQ(verify(otherId, keys, T0), "verified", "ID changed");
        Bytes otherOriginalId = wire;
        otherOriginalId[otherOriginalId.size() - 5] = 0x35;
        NS_TEST_EXPECT_MSG_EQ(verify(otherOriginalId, keys, T0), "BADSIG", "original ID changed");

        // Hand-made TSIG RRs appended to the unsigned update.
        auto withTsig = [&update](const Rr& rr) {
            Msg m = update;
            m.AddAdditional(rr);
            return PeArpDnsTsig::ToBytes(m);
        };
        PeArpDnsTsig::Record good = *tsig;
        Rr goodRr = PeArpDnsTsig::ToResourceRecord(good);
        PeArpDnsTsig::Record r = good;
        r.algorithm = "hmac-md5.sig-alg.reg.int";
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(PeArpDnsTsig::ToResourceRecord(r)), keys, T0),
                              "BADKEY",
                              "another algorithm");
        r = good;
        r.mac.resize(20);
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(PeArpDnsTsig::ToResourceRecord(r)), keys, T0),
                              "BADTRUNC",
                              "a MAC truncated to 20 bytes");
        r.mac.resize(8);
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(PeArpDnsTsig::ToResourceRecord(r)), keys, T0),
                              "FORMERR",
                              "a MAC of 8 bytes");
        r.mac.resize(40);
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(PeArpDnsTsig::ToResourceRecord(r)), keys, T0),
                              "FORMERR",
                              "a MAC longer than SHA-256's");
        Rr bad = goodRr;
        bad.rdata[13 + 6 + 2] = 0xFF; // MAC size 0xFF20: beyond the RDATA
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "MAC size > RDATA");
        bad = goodRr;
        bad.rdata.resize(20); // truncated in the MAC size field
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "truncated RDATA");
        bad.rdata.resize(5); // truncated in the algorithm name
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "truncated name");
        bad.rdata = {0xC0, 0x0C}; // a compressed algorithm name
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "compressed name");
        bad = goodRr;
        bad.rdata.push_back(0);
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "a byte left over");
        bad = goodRr;
        bad.rrClass = Msg::CLASS_IN;
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "class IN");
        bad = goodRr;
        bad.ttl = 1;
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "FORMERR", "TTL 1");
        // An algorithm label holding '.' and '\\' (found by fuzz-pe-arp-dns-tsig):
        // read escaped, as the message's names are, so that it is written back
        // (and signed over) as the same wire bytes.
        Bytes odd{0x03, 'a', '.', 'b', 0x02, 'c', '\\', 0x00};
        bad = goodRr;
        bad.rdata.erase(bad.rdata.begin(), bad.rdata.begin() + 13); // "hmac-sha256."
        bad.rdata.insert(bad.rdata.begin(), odd.begin(), odd.end());
        std::optional<PeArpDnsTsig::Record> oddTsig = PeArpDnsTsig::FromResourceRecord(bad);
        PEARP_REQUIRE_EQ(oddTsig.has_value(), true, "an odd algorithm name reads");
        NS_TEST_EXPECT_MSG_EQ(oddTsig->algorithm, "a\\.b.c\\\\", "escaped like a name");
        NS_TEST_EXPECT_MSG_EQ((PeArpDnsTsig::EncodeRdata(*oddTsig) == bad.rdata),
                              true,
                              "written back to the same bytes");
        NS_TEST_EXPECT_MSG_EQ(verify(withTsig(bad), keys, T0), "BADKEY", "an unknown algorithm");
        bad = goodRr; // 255 bytes of algorithm name: one too many
        bad.rdata.erase(bad.rdata.begin(), bad.rdata.begin() + 13);
        Bytes longName;
        for (int k = 0; k < 4; k++)
        {
            longName.push_back(k < 3 ? 63 : 62);
            longName.insert(longName.end(), k < 3 ? 63 : 62, '.');
        }
        longName.push_back(0); // 4 * 1 + 3 * 63 + 62 + 1 = 256 bytes
        bad.rdata.insert(bad.rdata.begin(), longName.begin(), longName.end());
        NS_TEST_EXPECT_MSG_EQ(PeArpDnsTsig::FromResourceRecord(bad).has_value(),
                              false,
                              "an algorithm name of 256 bytes (dots escaped: 507 characters)");
        longName[longName.size() - 64] = 61; // 255 bytes: the most
        longName.erase(longName.end() - 2);
        bad = goodRr;
        bad.rdata.erase(bad.rdata.begin(), bad.rdata.begin() + 13);
        bad.rdata.insert(bad.rdata.begin(), longName.begin(), longName.end());
        NS_TEST_EXPECT_MSG_EQ(PeArpDnsTsig::FromResourceRecord(bad).has_value(),
                              true,
                              "an algorithm name of 255 bytes");
        Msg notLast = signedUpdate;
        notLast.AddAdditional(Msg::MakeA("x.example.com", Ipv4Address("1.2.3.4"), 60));
        NS_TEST_EXPECT_MSG_EQ(verify(PeArpDnsTsig::ToBytes(notLast), keys, T0),
                              "FORMERR",
                              "TSIG RR not the last record");
        Msg twice = signedUpdate;
        twice.AddAdditional(goodRr);
        NS_TEST_EXPECT_MSG_EQ(verify(PeArpDnsTsig::ToBytes(twice), keys, T0),
                              "FORMERR",
                              "two TSIG RRs");
        Msg inUpdates = update;
        inUpdates.AddAuthority(goodRr);
        NS_TEST_EXPECT_MSG_EQ(verify(PeArpDnsTsig::ToBytes(inUpdates), keys, T0),
                              "FORMERR",
                              "a TSIG RR in the update section");
        // The whole datagram cut short: the message itself does not parse.
        Bytes cut(wire.begin(), wire.end() - 5);
        Msg none;
        NS_TEST_EXPECT_MSG_EQ(none.Parse(cut.data(), cut.size()), 0, "cut datagram");
    }
};

/**
 * \ingroup pe-arp-tests
 * The server's answers to signed requests, without a network: a signed
 * response that the client verifies, and each TSIG error as RFC 8945 says.
 */
class PeArpTsigServerTestCase : public TestCase
{
  public:
    PeArpTsigServerTestCase()
        : TestCase("server: signed responses; NOTAUTH with BADSIG, BADKEY (unsigned) and "
                   "BADTIME (signed); FORMERR; counters and Refused trace")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        const Bytes secret = B("server and host A share this one");
        Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
        server->SetAttribute("Zone", StringValue("example.com"));
        server->SetAttribute("UpdatePolicy", EnumValue(PeArpDnsServer::TSIG));
        server->SetAttribute("TsigClockOffset", TimeValue(Seconds(T0)));
        server->AddTsigKey("a.example.com", secret);
        NS_TEST_EXPECT_MSG_EQ(server->GetTsigTime(), T0, "the TSIG clock");
        std::vector<std::string> refused;
        server->TraceConnectWithoutContext(
            "Refused",
            Callback<void, const Msg&, const Address&, uint8_t, const std::string&>(
                [&refused](const Msg&, const Address&, uint8_t rcode, const std::string& why) {
                    refused.push_back(Msg::RcodeToString(rcode) + " " + why);
                }));
        const Rr srv = Msg::MakeSrv("_web._tcp.example.com", 0, 0, 2080, "a.example.com", 300);
        Msg update = Update("example.com", {srv});
        const InetSocketAddress from(Ipv4Address("198.108.63.2"), 2345);
        auto process = [&server, &from](const Msg& request) {
            Bytes wire = PeArpDnsTsig::ToBytes(request);
            return server->Process(ParseOrEmpty(wire), from, wire).value_or(Msg());
        };

        // Signed with the right key: applied, and the response is signed.
        Msg request = PeArpDnsTsig::Sign(update, "a.example.com", secret, T0 + 10);
        Msg response = process(request);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "NOERROR", "applied");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecords("_web._tcp.example.com", Msg::TYPE_SRV).size(),
                              1,
                              "the record");
        Bytes responseWire = PeArpDnsTsig::ToBytes(response);
        PeArpDnsTsig::Verification v = PeArpDnsTsig::Verify(responseWire,
                                                            ParseOrEmpty(responseWire),
                                                            {{"a.example.com", secret}},
                                                            T0,
                                                            TsigOf(request)->mac);
        NS_TEST_EXPECT_MSG_EQ(PeArpDnsTsig::OutcomeToString(v.outcome),
                              "verified",
                              "the response's MAC covers the request's");
        v = PeArpDnsTsig::Verify(responseWire,
                                 ParseOrEmpty(responseWire),
                                 {{"a.example.com", secret}},
                                 T0,
                                 Bytes(32, 0));
        NS_TEST_EXPECT_MSG_EQ(PeArpDnsTsig::OutcomeToString(v.outcome),
                              "BADSIG",
                              "bound to the request's MAC");

        // Unsigned: REFUSED by the policy.
        response = process(update);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "REFUSED", "unsigned");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response).has_value(), false, "no TSIG RR");

        // Wrong secret: NOTAUTH, TSIG error BADSIG, unsigned (MAC size 0).
        response = process(PeArpDnsTsig::Sign(update, "a.example.com", B("guess"), T0));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "NOTAUTH", "bad MAC");
        PEARP_REQUIRE_EQ(TsigOf(response).has_value(), true, "a TSIG RR");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->error, Msg::BADSIG, "BADSIG");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->mac.size(), 0, "unsigned");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->originalId, 0x1234, "original ID");

        // Unknown key: BADKEY, unsigned.
        response = process(PeArpDnsTsig::Sign(update, "b.example.com", secret, T0));
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "NOTAUTH", "bad key");
        PEARP_REQUIRE_EQ(TsigOf(response).has_value(), true, "a TSIG RR");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->error, Msg::BADKEY, "BADKEY");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->mac.size(), 0, "unsigned");

        // Clock skew: BADTIME, signed, the server's time in Other Data.
        request = PeArpDnsTsig::Sign(update, "a.example.com", secret, T0 - 1000);
        response = process(request);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "NOTAUTH", "skew");
        PEARP_REQUIRE_EQ(TsigOf(response).has_value(), true, "a TSIG RR");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->error, Msg::BADTIME, "BADTIME");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response)->timeSigned, T0 - 1000, "the request's time");
        NS_TEST_EXPECT_MSG_EQ(PeArpSha256::ToHex(TsigOf(response)->otherData),
                              "00006553f100",
                              "the server's time, 48 bits");
        responseWire = PeArpDnsTsig::ToBytes(response);
        v = PeArpDnsTsig::Verify(responseWire,
                                 ParseOrEmpty(responseWire),
                                 {{"a.example.com", secret}},
                                 T0 - 1000,
                                 TsigOf(request)->mac);
        NS_TEST_EXPECT_MSG_EQ(PeArpDnsTsig::OutcomeToString(v.outcome), "verified", "signed");

        // A TSIG RR that cannot be read: FORMERR without a TSIG RR.
        Rr broken = PeArpDnsTsig::ToResourceRecord(*TsigOf(request));
        broken.rdata.resize(17);
        Msg formerr = update;
        formerr.AddAdditional(broken);
        response = process(formerr);
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(response.GetRcode()), "FORMERR", "unreadable");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response).has_value(), false, "no TSIG RR");

        // A signed query is verified too, and its answer signed.
        Msg query;
        query.SetId(7);
        query.AddQuestion({"_web._tcp.example.com", Msg::TYPE_SRV, Msg::CLASS_IN});
        response = process(PeArpDnsTsig::Sign(query, "a.example.com", secret, T0));
        NS_TEST_EXPECT_MSG_EQ(response.GetAnswers().size(), 1, "answered");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(response).has_value(), true, "signed");

        const PeArpDnsServer::Counters& c = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.tsigVerified, 2, "the good update and the query");
        NS_TEST_EXPECT_MSG_EQ(c.updatesApplied, 1, "only the signed update");
        NS_TEST_EXPECT_MSG_EQ(c.updatesRefused, 1, "the unsigned update");
        NS_TEST_EXPECT_MSG_EQ(c.tsigBadSig, 1, "BADSIG");
        NS_TEST_EXPECT_MSG_EQ(c.tsigBadKey, 1, "BADKEY");
        NS_TEST_EXPECT_MSG_EQ(c.tsigBadTime, 1, "BADTIME");
        NS_TEST_EXPECT_MSG_EQ(c.tsigFormErr, 1, "FORMERR");
        PEARP_REQUIRE_EQ(refused.size(), 5, "each traced");
        NS_TEST_EXPECT_MSG_EQ(refused[0], "REFUSED unsigned", "policy");
        NS_TEST_EXPECT_MSG_EQ(refused[1], "NOTAUTH BADSIG", "bad MAC");
        NS_TEST_EXPECT_MSG_EQ(refused[2], "NOTAUTH BADKEY", "bad key");
        NS_TEST_EXPECT_MSG_EQ(refused[3], "NOTAUTH BADTIME", "skew");
        NS_TEST_EXPECT_MSG_EQ(refused[4], "FORMERR FORMERR", "unreadable");
        server->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * The UpdatePolicy Owner (and Open, OwnerOrTsig) without a network, with a
 * port-owner look-up written here: 198.108.63.2 is shared, host 2 holds
 * 2000-2999, host 3 3000-3999, host 4 4000-4999; other addresses are not
 * shared.
 */
class PeArpDnsOwnerPolicyTestCase : public TestCase
{
  public:
    PeArpDnsOwnerPolicyTestCase()
        : TestCase("UpdatePolicy Owner: SRV records and their A records only from the port's "
                   "owner; Open lets a neighbour move them; OwnerOrTsig")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        const Ipv4Address shared("198.108.63.2");
        const Ipv4Address internet("192.35.162.10");
        auto lookup = [shared](Ipv4Address address, uint16_t port) {
            PeArpDnsServer::PortOwner o;
            o.shared = address == shared;
            if (o.shared && port >= 2000 && port <= 4999)
            {
                o.holder = port / 1000;
            }
            return o;
        };
        auto makeServer = [&lookup](PeArpDnsServer::UpdatePolicy policy) {
            Ptr<PeArpDnsServer> s = CreateObject<PeArpDnsServer>();
            s->SetAttribute("Zone", StringValue("example.com"));
            s->SetAttribute("UpdatePolicy", EnumValue(policy));
            s->SetPortOwnerLookup(PeArpDnsServer::PortOwnerCallback(lookup));
            return s;
        };
        const Rr srvA = Msg::MakeSrv("_web._tcp.example.com", 0, 0, 2080, "a.example.com", 300);
        const Rr addrA = Msg::MakeA("a.example.com", shared, 300);
        const Rr srvB = Msg::MakeSrv("_web._tcp.example.com", 0, 0, 3080, "b.example.com", 300);
        const Rr addrB = Msg::MakeA("b.example.com", shared, 300);
        const InetSocketAddress fromA(shared, 2345);
        const InetSocketAddress fromB(shared, 3456);
        const InetSocketAddress fromInternet(internet, 5000);
        auto rcode = [](Ptr<PeArpDnsServer> s, const Msg& m, const Address& from) {
            return Msg::RcodeToString(s->Process(m, from, Bytes()).value().GetRcode());
        };
        // "Move" A's record: delete it, add B's.
        const Msg move = Update("example.com", {Msg::MakeDeleteRr(srvA), srvB, addrB});

        Ptr<PeArpDnsServer> open = makeServer(PeArpDnsServer::OPEN);
        NS_TEST_EXPECT_MSG_EQ(rcode(open, Update("example.com", {srvA, addrA}), fromA),
                              "NOERROR",
                              "A registers");
        NS_TEST_EXPECT_MSG_EQ(rcode(open, move, fromB), "NOERROR", "Open: B moves it");
        auto records = open->GetRecords("_web._tcp.example.com", Msg::TYPE_SRV);
        PEARP_REQUIRE_EQ(records.size(), 1, "one record");
        NS_TEST_EXPECT_MSG_EQ(records[0].port, 3080, "now B's port: the attack works");

        Ptr<PeArpDnsServer> owner = makeServer(PeArpDnsServer::OWNER);
        std::vector<std::string> reasons;
        owner->TraceConnectWithoutContext(
            "Refused",
            Callback<void, const Msg&, const Address&, uint8_t, const std::string&>(
                [&reasons](const Msg&, const Address&, uint8_t rcode, const std::string& why) {
                    NS_ASSERT(rcode == Msg::REFUSED);
                    reasons.push_back(why);
                }));

        struct Case
        {
            std::string what;  //!< description
            Msg update;        //!< the UPDATE
            Address from;      //!< its sender
            std::string rcode; //!< expected rcode
        };

        const std::vector<Case> cases = {
            {"A registers its own port", Update("example.com", {srvA, addrA}), fromA, "NOERROR"},
            {"B moves A's record", move, fromB, "REFUSED"},
            {"B deletes A's record",
             Update("example.com", {Msg::MakeDeleteRr(srvA)}),
             fromB,
             "REFUSED"},
            {"B deletes the SRV RRset",
             Update("example.com", {Msg::MakeDeleteRrset(srvA.name, Msg::TYPE_SRV)}),
             fromB,
             "REFUSED"},
            {"B deletes the name",
             Update("example.com", {Msg::MakeDeleteRrset(srvA.name, Msg::TYPE_ANY)}),
             fromB,
             "REFUSED"},
            {"A from B's port",
             Update("example.com", {Msg::MakeDeleteRr(srvA)}),
             InetSocketAddress(shared, 3999),
             "REFUSED"},
            {"the Internet host re-points a.example.com",
             Update("example.com", {Msg::MakeA("a.example.com", internet, 300)}),
             fromInternet,
             "REFUSED"},
            {"B deletes a.example.com's A records",
             Update("example.com", {Msg::MakeDeleteRrset("a.example.com", Msg::TYPE_A)}),
             fromB,
             "REFUSED"},
            {"B advertises a port of A",
             Update("example.com",
                    {Msg::MakeSrv(srvA.name, 0, 0, 2081, "b.example.com", 300), addrB}),
             fromB,
             "REFUSED"},
            {"B advertises a port nobody holds",
             Update("example.com",
                    {Msg::MakeSrv("_x._tcp.example.com", 0, 0, 5080, "b.example.com", 300), addrB}),
             fromB,
             "REFUSED"},
            {"nobody's sender", Update("example.com", {srvB, addrB}), Address(), "REFUSED"},
            {"B adds its own instance", Update("example.com", {srvB, addrB}), fromB, "NOERROR"},
            {"an unshared address: as before",
             Update("example.com",
                    {Msg::MakeSrv(srvA.name, 5, 0, 8080, "evil.example.com", 300),
                     Msg::MakeA("evil.example.com", internet, 300)}),
             fromInternet,
             "NOERROR"},
            {"other types: as before",
             [] {
                 Rr txt;
                 txt.name = "a.example.com";
                 txt.type = 16;
                 txt.ttl = 60;
                 txt.rdata = {3, 'a', 'b', 'c'};
                 return Update("example.com", {txt});
             }(),
             fromInternet,
             "NOERROR"},
            {"A re-registers", Update("example.com", {srvA, addrA}), fromA, "NOERROR"},
            {"A unregisters", Update("example.com", {Msg::MakeDeleteRr(srvA)}), fromA, "NOERROR"},
        };
        uint32_t refusedCases = 0;
        for (const auto& c : cases)
        {
            NS_TEST_EXPECT_MSG_EQ(rcode(owner, c.update, c.from), c.rcode, c.what);
            refusedCases += c.rcode == "REFUSED";
            if (c.what == "B moves A's record")
            {
                records = owner->GetRecords("_web._tcp.example.com", Msg::TYPE_SRV);
                PEARP_REQUIRE_EQ(records.size(), 1, "unchanged");
                NS_TEST_EXPECT_MSG_EQ(records[0].port, 2080, "still A's port");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(owner->GetCounters().updatesRefused, refusedCases, "counted");
        NS_TEST_EXPECT_MSG_EQ(reasons.size(), refusedCases, "traced");
        PEARP_REQUIRE_EQ(reasons.empty(), false, "reasons");
        NS_TEST_EXPECT_MSG_EQ(reasons[0],
                              "owner: _web._tcp.example.com SRV port 2080 of 198.108.63.2, "
                              "source port 3456 of another host",
                              "the reason");
        records = owner->GetRecords("_web._tcp.example.com", Msg::TYPE_SRV);
        PEARP_REQUIRE_EQ(records.size(), 2, "B's and the Internet host's instances remain");

        // OwnerOrTsig: a valid TSIG passes where the owner test fails.
        Ptr<PeArpDnsServer> either = makeServer(PeArpDnsServer::OWNER_OR_TSIG);
        either->AddTsigKey("admin.example.com", B("admin secret"), PeArpDnsServer::ZONE_SCOPE);
        either->AddTsigKey("b.example.com", B("B's secret"));
        NS_TEST_EXPECT_MSG_EQ(rcode(either, Update("example.com", {srvA, addrA}), fromA),
                              "NOERROR",
                              "A registers");
        NS_TEST_EXPECT_MSG_EQ(rcode(either, move, fromB), "REFUSED", "B unsigned");
        NS_TEST_EXPECT_MSG_EQ(
            rcode(either,
                  PeArpDnsTsig::Sign(move, "admin.example.com", B("admin secret"), 0),
                  fromInternet),
            "NOERROR",
            "the administrator, signed, from anywhere");
        NS_TEST_EXPECT_MSG_EQ(
            rcode(either, PeArpDnsTsig::Sign(move, "b.example.com", B("B's secret"), 0), fromB),
            "REFUSED",
            "B's own key does not cover A's record, nor does the owner test");

        // Tsig: a host key covers its own name only.
        Ptr<PeArpDnsServer> tsig = makeServer(PeArpDnsServer::TSIG);
        tsig->AddTsigKey("a.example.com", B("A's secret"));
        tsig->AddTsigKey("b.example.com", B("B's secret"));
        std::vector<std::string> tsigReasons;
        tsig->TraceConnectWithoutContext(
            "Refused",
            Callback<void, const Msg&, const Address&, uint8_t, const std::string&>(
                [&tsigReasons](const Msg&, const Address&, uint8_t, const std::string& why) {
                    tsigReasons.push_back(why);
                }));
        auto signedBy = [](const Msg& m, const std::string& key, const std::string& secret) {
            return PeArpDnsTsig::Sign(m, key, B(secret), 0);
        };
        const Msg registerA = Update("example.com", {srvA, addrA});
        NS_TEST_EXPECT_MSG_EQ(
            rcode(tsig, signedBy(registerA, "a.example.com", "A's secret"), fromA),
            "NOERROR",
            "A's key, A's records");
        NS_TEST_EXPECT_MSG_EQ(rcode(tsig, signedBy(move, "b.example.com", "B's secret"), fromB),
                              "REFUSED",
                              "B's key, A's record");
        NS_TEST_EXPECT_MSG_EQ(
            rcode(tsig,
                  signedBy(Update("example.com", {Msg::MakeA("a.example.com", internet, 60)}),
                           "b.example.com",
                           "B's secret"),
                  fromB),
            "REFUSED",
            "B's key, A's address");
        NS_TEST_EXPECT_MSG_EQ(
            rcode(tsig,
                  signedBy(Update("example.com", {Msg::MakeDeleteRrset(srvA.name, Msg::TYPE_ANY)}),
                           "b.example.com",
                           "B's secret"),
                  fromB),
            "REFUSED",
            "B's key, deleting the name that holds A's record");
        NS_TEST_EXPECT_MSG_EQ(
            rcode(tsig,
                  signedBy(Update("example.com", {srvB, addrB}), "b.example.com", "B's secret"),
                  fromB),
            "NOERROR",
            "B's key, B's records");
        NS_TEST_EXPECT_MSG_EQ(rcode(tsig, registerA, fromA), "REFUSED", "unsigned");
        PEARP_REQUIRE_EQ(tsigReasons.size(), 4, "four refusals traced");
        NS_TEST_EXPECT_MSG_EQ(tsigReasons[0],
                              "tsig scope: key b.example.com may not change an SRV record "
                              "targeting a.example.com",
                              "the reason");
        NS_TEST_EXPECT_MSG_EQ(tsigReasons[1],
                              "tsig scope: key b.example.com may not change the A records of "
                              "a.example.com",
                              "the reason");
        NS_TEST_EXPECT_MSG_EQ(tsigReasons[3], "unsigned", "the reason");
        NS_TEST_EXPECT_MSG_EQ(tsig->GetCounters().updatesRefused, 4, "counted");
        tsig->Dispose();

        // Owner without a look-up refuses.
        Ptr<PeArpDnsServer> blind = CreateObject<PeArpDnsServer>();
        blind->SetAttribute("Zone", StringValue("example.com"));
        blind->SetAttribute("UpdatePolicy", EnumValue(PeArpDnsServer::OWNER));
        NS_TEST_EXPECT_MSG_EQ(rcode(blind, Update("example.com", {srvA, addrA}), fromA),
                              "REFUSED",
                              "no look-up: fail closed");
        for (auto s : {open, owner, either, blind})
        {
            s->Dispose();
        }
    }
};

namespace
{

/**
 * \param node a node
 * \param server the DNS server's address
 * \return a resolver for the node (not aggregated: a node may have several)
 */
Ptr<PeArpSrvResolver>
MakeResolver(Ptr<Node> node, Ipv4Address server)
{
    Ptr<PeArpSrvResolver> resolver = CreateObject<PeArpSrvResolver>();
    resolver->SetAttribute("Server", Ipv4AddressValue(server));
    resolver->SetNode(node);
    return resolver;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Figure 4: host A registers _web on its port 2080; at 1 s an attacker (host
 * B of the same shared address, or the Internet host) sends one UPDATE that
 * deletes A's SRV record and adds its own (B: port 3080 of the shared
 * address; the Internet host: port 8080 of its own address); at 2 s the
 * Internet client resolves _web and sends 10000 bytes to the first target.
 * With Open the record moves and the bytes reach the attacker; with Owner
 * (the server given the LAN's registry) and Tsig the update is refused, the
 * record and the bytes stay A's.
 */
class PeArpDnsSpoofTestCase : public TestCase
{
  public:
    /** Who attacks and how. */
    enum Attacker
    {
        NEIGHBOUR,              //!< host B, unsigned
        NEIGHBOUR_WRONG_SECRET, //!< host B, signed with B's key name and a wrong secret
        NEIGHBOUR_OWN_KEY,      //!< host B, signed with its own valid key
        INTERNET,               //!< the Internet host, unsigned
        INTERNET_UNKNOWN_KEY    //!< the Internet host, signed with a key the server lacks
    };

    /**
     * \param policy the server's UpdatePolicy
     * \param attacker the attacker
     */
    PeArpDnsSpoofTestCase(PeArpDnsServer::UpdatePolicy policy, Attacker attacker)
        : TestCase(Describe(policy, attacker)),
          m_policy(policy),
          m_attacker(attacker)
    {
    }

  private:
    /**
     * \param policy the policy
     * \param attacker the attacker
     * \return the test's name
     */
    static std::string Describe(PeArpDnsServer::UpdatePolicy policy, Attacker attacker)
    {
        const char* policies[] = {"Open", "Owner", "Tsig", "OwnerOrTsig"};
        const char* attackers[] = {"host B",
                                   "host B with a wrong secret",
                                   "host B with its own key",
                                   "the Internet host",
                                   "the Internet host with an unknown key"};
        return std::string("spoofed UPDATE moving A's SRV record, policy ") + policies[policy] +
               ", from " + attackers[attacker];
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
        server->SetAttribute("Zone", StringValue("example.com"));
        server->SetAttribute("UpdatePolicy", EnumValue(m_policy));
        server->SetLanRegistry(PeArpLanRegistry::Find(f.routerLink));
        const Bytes secretA = B("host A's secret, 32 bytes long..");
        server->AddTsigKey("a.example.com", secretA);
        server->AddTsigKey("b.example.com", B("host B's secret"));
        f.inet->AddApplication(server);
        server->SetStartTime(Seconds(0));
        uint32_t refusedTraces = 0;
        server->TraceConnectWithoutContext(
            "Refused",
            Callback<void, const Msg&, const Address&, uint8_t, const std::string&>(
                [&refusedTraces](const Msg&, const Address&, uint8_t, const std::string&) {
                    refusedTraces++;
                }));

        bool neighbour = m_attacker == NEIGHBOUR || m_attacker == NEIGHBOUR_WRONG_SECRET ||
                         m_attacker == NEIGHBOUR_OWN_KEY;
        Ptr<Node> attackerNode = neighbour ? f.hosts.Get(1) : f.inet;
        const uint16_t attackerPort = neighbour ? 3080 : 8080;
        const std::string attackerName = neighbour ? "b.example.com" : "evil.example.com";
        const Ipv4Address attackerAddress = neighbour ? f.shared : f.inetAddress;
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), true, 2080);
        Ptr<Application> sinkAttacker = InstallSink(attackerNode, true, attackerPort);

        Ptr<PeArpSrvResolver> resolverA = MakeResolver(f.hosts.Get(0), f.inetAddress);
        if (m_policy == PeArpDnsServer::TSIG)
        {
            resolverA->SetTsigKey("a.example.com", secretA);
        }
        Ptr<PeArpSrvResolver> attacker = MakeResolver(attackerNode, f.inetAddress);
        if (m_attacker == NEIGHBOUR_WRONG_SECRET)
        {
            attacker->SetTsigKey("b.example.com", B("a guess"));
        }
        else if (m_attacker == INTERNET_UNKNOWN_KEY)
        {
            attacker->SetTsigKey("evil.example.net", B("its own secret"));
        }
        else if (m_attacker == NEIGHBOUR_OWN_KEY)
        {
            attacker->SetTsigKey("b.example.com", B("host B's secret"));
        }
        Ptr<PeArpSrvResolver> client = MakeResolver(f.inet, f.inetAddress);
        client->AssignStreams(1);

        std::pair<PeArpSrvResolver::Status, uint8_t> legit{PeArpSrvResolver::TIMEOUT, 255};
        std::pair<PeArpSrvResolver::Status, uint8_t> spoof{PeArpSrvResolver::TIMEOUT, 255};
        Simulator::Schedule(Seconds(0.5), [&]() {
            resolverA->RegisterLocalService(
                "_web",
                "_tcp",
                "example.com",
                "a.example.com",
                2080,
                300,
                PeArpSrvResolver::RegisterCallback([&legit](PeArpSrvResolver::Status s, uint8_t r) {
                    legit = {s, r};
                }));
        });
        const std::string web = "_web._tcp.example.com";
        Simulator::Schedule(Seconds(1), [&]() {
            attacker->SendUpdate(
                "example.com",
                {Msg::MakeDeleteRr(Msg::MakeSrv(web, 0, 0, 2080, "a.example.com", 0)),
                 Msg::MakeSrv(web, 0, 0, attackerPort, attackerName, 300),
                 Msg::MakeA(attackerName, attackerAddress, 300)},
                PeArpSrvResolver::RegisterCallback([&spoof](PeArpSrvResolver::Status s, uint8_t r) {
                    spoof = {s, r};
                }));
        });
        std::vector<PeArpSrvResolver::Target> targets;
        Simulator::Schedule(Seconds(2), [&]() {
            client->Resolve("_web",
                            "_tcp",
                            "example.com",
                            PeArpSrvResolver::ResolveCallback(
                                [&](PeArpSrvResolver::Status s,
                                    const std::vector<PeArpSrvResolver::Target>& t) {
                                    targets = t;
                                    if (s == PeArpSrvResolver::OK)
                                    {
                                        SendTcp(f.inet, t[0].address, t[0].port, 10000, Seconds(0));
                                    }
                                }));
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(legit.second), "NOERROR", "A registered");
        const PeArpDnsServer::Counters& c = server->GetCounters();
        auto records = server->GetRecords(web, Msg::TYPE_SRV);
        PEARP_REQUIRE_EQ(records.size(), 1, "one _web record");
        PEARP_REQUIRE_EQ(targets.size(), 1, "the client resolved one target");
        if (m_policy == PeArpDnsServer::OPEN)
        {
            NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(spoof.second), "NOERROR", "accepted");
            NS_TEST_EXPECT_MSG_EQ(records[0].port, attackerPort, "moved: the attack works");
            NS_TEST_EXPECT_MSG_EQ(records[0].target, attackerName, "moved");
            NS_TEST_EXPECT_MSG_EQ(targets[0].address, attackerAddress, "the client is misled");
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkAttacker), 10000, "the attacker gets the bytes");
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 0, "A gets nothing");
            NS_TEST_EXPECT_MSG_EQ(c.updatesApplied, 2, "both applied");
            NS_TEST_EXPECT_MSG_EQ(refusedTraces, 0, "nothing refused");
            return;
        }
        std::string expected = "REFUSED";
        uint64_t counted = c.updatesRefused;
        if (m_attacker == NEIGHBOUR_WRONG_SECRET)
        {
            expected = "NOTAUTH";
            counted = c.tsigBadSig;
        }
        else if (m_attacker == INTERNET_UNKNOWN_KEY)
        {
            expected = "NOTAUTH";
            counted = c.tsigBadKey;
        }
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(spoof.second), expected, "the spoof refused");
        NS_TEST_EXPECT_MSG_EQ(PeArpSrvResolver::StatusToString(spoof.first),
                              "server-error",
                              "the attacker learns it failed");
        NS_TEST_EXPECT_MSG_EQ(counted, 1, "counted once");
        NS_TEST_EXPECT_MSG_EQ(refusedTraces, 1, "traced once");
        NS_TEST_EXPECT_MSG_EQ(c.updatesApplied, 1, "only A's update");
        NS_TEST_EXPECT_MSG_EQ(records[0].port, 2080, "still A's port");
        NS_TEST_EXPECT_MSG_EQ(records[0].target, "a.example.com", "still A's name");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecords(attackerName, Msg::TYPE_A).size(),
                              0,
                              "none of the attacker's records (all or nothing)");
        NS_TEST_EXPECT_MSG_EQ(targets[0].port, 2080, "the client resolves A's port");
        NS_TEST_EXPECT_MSG_EQ(targets[0].address, f.shared, "on the shared address");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 10000, "A gets the bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkAttacker), 0, "the attacker gets nothing");
        if (m_policy == PeArpDnsServer::TSIG)
        {
            NS_TEST_EXPECT_MSG_EQ(c.tsigVerified,
                                  (m_attacker == NEIGHBOUR_OWN_KEY ? 2 : 1),
                                  "A's update verified (and B's, refused by its scope)");
            NS_TEST_EXPECT_MSG_EQ(resolverA->GetTsigFailures(), 0, "A verified the response");
        }
    }

    PeArpDnsServer::UpdatePolicy m_policy; //!< the policy
    Attacker m_attacker;                   //!< the attacker
};

/**
 * \ingroup pe-arp-tests
 * Bad TSIG input over the network: a signed datagram cut short is dropped
 * and counted as malformed; a MAC size beyond the RDATA and a wrong algorithm
 * name are answered (FORMERR, NOTAUTH/BADKEY) and counted. Nothing crashes.
 */
class PeArpTsigDatagramTestCase : public TestCase
{
  public:
    PeArpTsigDatagramTestCase()
        : TestCase("bad TSIG datagrams: cut short (dropped), MAC size beyond the data "
                   "(FORMERR), wrong algorithm (BADKEY)")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Packet::EnablePrinting();
        Figure4 f;
        Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
        server->SetAttribute("Zone", StringValue("example.com"));
        server->SetAttribute("UpdatePolicy", EnumValue(PeArpDnsServer::TSIG));
        const Bytes secret = B("secret");
        server->AddTsigKey("a.example.com", secret);
        f.inet->AddApplication(server);
        Msg update =
            Update("example.com",
                   {Msg::MakeSrv("_web._tcp.example.com", 0, 0, 2080, "a.example.com", 1)});
        Bytes good = PeArpDnsTsig::ToBytes(PeArpDnsTsig::Sign(update, "a.example.com", secret, 0));
        Bytes cut(good.begin(), good.end() - 7);
        Bytes bigMac = good;
        // The MAC size field: after the header, the records and the TSIG RR's
        // name (15), type/class/TTL/RDLENGTH (10), algorithm (13), time and
        // fudge (8); the message is 12 + 17 + 23 + 10 + 21 = 83 bytes.
        const size_t macSize = 83 + 15 + 10 + 13 + 8;
        PEARP_REQUIRE_EQ(uint32_t(good[macSize + 1]), 32, "the MAC size field found");
        bigMac[macSize] = 0x7F;
        Msg wrongAlgorithm = update;
        PeArpDnsTsig::Record r = *TsigOf(ParseOrEmpty(good));
        r.algorithm = "hmac-sha1";
        wrongAlgorithm.AddAdditional(PeArpDnsTsig::ToResourceRecord(r));
        const std::vector<Bytes> datagrams = {cut, bigMac, PeArpDnsTsig::ToBytes(wrongAlgorithm)};

        Ptr<Socket> socket = Socket::CreateSocket(f.hosts.Get(0), UdpSocketFactory::GetTypeId());
        std::vector<Msg> answers;
        socket->SetRecvCallback(Callback<void, Ptr<Socket>>([&answers](Ptr<Socket> s) {
            while (Ptr<Packet> p = s->Recv())
            {
                Msg m;
                p->PeekHeader(m);
                answers.push_back(m);
            }
        }));
        for (size_t k = 0; k < datagrams.size(); k++)
        {
            Simulator::Schedule(Seconds(1 + k), [&, k]() {
                socket->SendTo(Create<Packet>(datagrams[k].data(), datagrams[k].size()),
                               0,
                               InetSocketAddress(f.inetAddress, 53));
            });
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        const PeArpDnsServer::Counters& c = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.received, 3, "three datagrams");
        NS_TEST_EXPECT_MSG_EQ(c.malformed, 1, "the cut one dropped");
        NS_TEST_EXPECT_MSG_EQ(c.tsigFormErr, 1, "MAC size beyond the data");
        NS_TEST_EXPECT_MSG_EQ(c.tsigBadKey, 1, "wrong algorithm");
        NS_TEST_EXPECT_MSG_EQ(c.updatesApplied, 0, "nothing applied");
        NS_TEST_EXPECT_MSG_EQ(server->GetRecordCount(), 0, "the zone is empty");
        PEARP_REQUIRE_EQ(answers.size(), 2, "two answers");
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(answers[0].GetRcode()), "FORMERR", "");
        NS_TEST_EXPECT_MSG_EQ(Msg::RcodeToString(answers[1].GetRcode()), "NOTAUTH", "");
        PEARP_REQUIRE_EQ(TsigOf(answers[1]).has_value(), true, "with a TSIG RR");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(answers[1])->error, Msg::BADKEY, "BADKEY");
        NS_TEST_EXPECT_MSG_EQ(TsigOf(answers[1])->algorithm, "hmac-sha1", "echoed");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief DNS update defences: SHA-256, HMAC, TSIG and the UpdatePolicy.
 */
class PeArpTsigTestSuite : public TestSuite
{
  public:
    PeArpTsigTestSuite()
        : TestSuite("pe-arp-tsig", UNIT)
    {
        AddTestCase(new PeArpSha256TestCase, TestCase::QUICK);
        AddTestCase(new PeArpHmacSha256TestCase, TestCase::QUICK);
        AddTestCase(new PeArpTsigLayoutTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTsigServerTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDnsOwnerPolicyTestCase, TestCase::QUICK);
        using S = PeArpDnsSpoofTestCase;
        AddTestCase(new S(PeArpDnsServer::OPEN, S::NEIGHBOUR), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::OPEN, S::INTERNET), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::OWNER, S::NEIGHBOUR), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::OWNER, S::INTERNET), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::TSIG, S::NEIGHBOUR), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::TSIG, S::NEIGHBOUR_WRONG_SECRET), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::TSIG, S::NEIGHBOUR_OWN_KEY), TestCase::QUICK);
        AddTestCase(new S(PeArpDnsServer::TSIG, S::INTERNET_UNKNOWN_KEY), TestCase::QUICK);
        AddTestCase(new PeArpTsigDatagramTestCase, TestCase::QUICK);
    }
};

/** Static variable for test initialization. */
static PeArpTsigTestSuite g_peArpTsigTestSuite;
