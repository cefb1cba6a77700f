/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Every bounded attribute refuses the values outside its bounds (those that
 * would hang a run or make a configuration meaningless) and accepts its
 * bounds.
 */

#include "ns3/object-factory.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;

/**
 * \ingroup pe-arp-tests
 * One attribute value and whether its checker accepts it.
 */
struct PeArpAttributeVector
{
    std::string typeId;    //!< the class
    std::string attribute; //!< the attribute
    std::string value;     //!< the value, as a string
    bool accepted;         //!< the checker accepts it
};

/**
 * \ingroup pe-arp-tests
 * Sets each value with SetAttributeFailSafe on a fresh object.
 */
class PeArpAttributeBoundsTestCase : public TestCase
{
  public:
    PeArpAttributeBoundsTestCase()
        : TestCase("Attributes refuse values outside their bounds")
    {
    }

  private:
    void DoRun() override
    {
        const PeArpAttributeVector vectors[] = {
            {"ns3::PeArpPortSetAllocator", "PortsPerHost", "0", false},
            {"ns3::PeArpPortSetAllocator", "PortsPerHost", "1", true},
            {"ns3::PeArpPortSetAllocator", "PortsPerHost", "65535", true},
            {"ns3::PeArpPortSetAllocator", "PortsPerHost", "65536", false},
            {"ns3::PeArpPortSetAllocator", "FirstPort", "0", false},
            {"ns3::PeArpPortSetAllocator", "PsidOffset", "16", true},
            {"ns3::PeArpPortSetAllocator", "PsidOffset", "17", false},
            {"ns3::PeArpPortSetAllocator", "PsidLength", "17", false},
            {"ns3::PeArpPortSetAllocator", "SharingRatio", "65536", true},
            {"ns3::PeArpPortSetAllocator", "SharingRatio", "65537", false},
            {"ns3::PeArpDhcpClient", "RetransmissionInterval", "0s", false},
            {"ns3::PeArpDhcpClient", "RetransmissionInterval", "1ms", true},
            {"ns3::PeArpDhcpServer", "LeaseTime", "1s", false},
            {"ns3::PeArpDhcpServer", "OfferHold", "0s", false},
            {"ns3::PeArpDnsServer", "Port", "0", false},
            {"ns3::PeArpDnsServer", "Port", "53", true},
            {"ns3::PeArpSrvResolver", "Port", "0", false},
            {"ns3::PeArpSrvResolver", "Timeout", "0s", false},
            {"ns3::PeArpSrvResolver", "Retries", "101", false},
            {"ns3::PeArpSrvResolver", "Retries", "100", true},
        };
        for (const auto& v : vectors)
        {
            ObjectFactory factory;
            factory.SetTypeId(v.typeId);
            Ptr<Object> object = factory.Create();
            bool accepted = object->SetAttributeFailSafe(v.attribute, StringValue(v.value));
            NS_TEST_EXPECT_MSG_EQ(accepted,
                                  v.accepted,
                                  v.typeId << "::" << v.attribute << " = " << v.value);
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The attribute-bounds suite.
 */
class PeArpAttributesTestSuite : public TestSuite
{
  public:
    PeArpAttributesTestSuite()
        : TestSuite("pe-arp-attributes", UNIT)
    {
        AddTestCase(new PeArpAttributeBoundsTestCase, TestCase::QUICK);
    }
};

/// The suite's instance
static PeArpAttributesTestSuite g_peArpAttributesTestSuite;
