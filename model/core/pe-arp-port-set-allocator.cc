/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-set-allocator.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpPortSetAllocator");

NS_OBJECT_ENSURE_REGISTERED(PeArpPortSetAllocator);

TypeId
PeArpPortSetAllocator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpPortSetAllocator")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpPortSetAllocator>()
            .AddAttribute("Scheme",
                          "How the ports of an address are divided: contiguous blocks "
                          "(PE-ARP) or RFC 7597 port sets (MAP).",
                          EnumValue(CONTIGUOUS),
                          MakeEnumAccessor(&PeArpPortSetAllocator::m_scheme),
                          MakeEnumChecker(CONTIGUOUS, "Contiguous", MAP, "Map"))
            .AddAttribute("FirstPort",
                          "Contiguous scheme: first port of the first block.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_firstPort),
                          MakeUintegerChecker<uint32_t>(1, 65535))
            .AddAttribute("LastPort",
                          "Contiguous scheme: last port that blocks may use.",
                          UintegerValue(65535),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_lastPort),
                          MakeUintegerChecker<uint32_t>(1, 65535))
            .AddAttribute("PortsPerHost",
                          "Contiguous scheme: ports in each block.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_portsPerHost),
                          MakeUintegerChecker<uint32_t>(1, 65535))
            .AddAttribute("PsidOffset",
                          "MAP scheme: offset bits a (RFC 7597; 6 by default, 0 for "
                          "lightweight 4over6's contiguous sets).",
                          UintegerValue(6),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_psidOffset),
                          MakeUintegerChecker<uint32_t>(0, 16))
            .AddAttribute("PsidLength",
                          "MAP scheme: PSID length k; 2^k sets share an address.",
                          UintegerValue(6),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_psidLength),
                          MakeUintegerChecker<uint32_t>(0, 16))
            .AddAttribute("SharingRatio",
                          "MAP scheme: if not 0, the number of sets per address (a power of "
                          "two), which sets the PSID length.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpPortSetAllocator::m_sharingRatio),
                          MakeUintegerChecker<uint32_t>(0, 65536))
            .AddAttribute("IncludeWellKnown",
                          "MAP scheme: let sets hold the well-known ports 0-1023 (with "
                          "a > 0: the A = 0 block).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PeArpPortSetAllocator::m_includeWellKnown),
                          MakeBooleanChecker());
    return tid;
}

PeArpPortSetAllocator::PeArpPortSetAllocator()
    : m_scheme(CONTIGUOUS),
      m_firstPort(1024),
      m_lastPort(65535),
      m_portsPerHost(1024),
      m_psidOffset(6),
      m_psidLength(6),
      m_sharingRatio(0),
      m_includeWellKnown(false)
{
    NS_LOG_FUNCTION(this);
}

PeArpPortSetAllocator::~PeArpPortSetAllocator()
{
    NS_LOG_FUNCTION(this);
}

uint32_t
PeArpPortSetAllocator::GetPsidLength() const
{
    if (m_sharingRatio == 0)
    {
        return m_psidLength;
    }
    uint32_t k = 0;
    while (k <= 16 && (1u << k) < m_sharingRatio)
    {
        k++;
    }
    return k; // 17 when the ratio is above 65536: refused by Validate
}

std::string
PeArpPortSetAllocator::Validate() const
{
    std::ostringstream reason;
    if (m_scheme == CONTIGUOUS)
    {
        // PortsPerHost >= 1 is the attribute's bound.
        if (m_firstPort > m_lastPort)
        {
            reason << "FirstPort (" << m_firstPort << ") is above LastPort (" << m_lastPort << ")";
        }
        else if (m_lastPort - m_firstPort + 1 < m_portsPerHost)
        {
            reason << "PortsPerHost (" << m_portsPerHost << ") is more than the "
                   << (m_lastPort - m_firstPort + 1) << " ports from FirstPort to LastPort";
        }
    }
    else
    {
        uint32_t k = GetPsidLength();
        // SharingRatio <= 65536 is the attribute's bound.
        if (m_sharingRatio != 0 && (1u << k) != m_sharingRatio)
        {
            reason << "SharingRatio (" << m_sharingRatio << ") is not a power of two";
        }
        else if (m_psidOffset > 16 || k > 16 || m_psidOffset + k > 16)
        {
            reason << "PsidOffset + PsidLength (" << m_psidOffset << " + " << k
                   << (m_sharingRatio ? ", from SharingRatio" : "") << ") is more than 16 bits";
        }
        else if (GetHostsPerAddress() == 0)
        {
            reason << "PsidOffset " << m_psidOffset << " and PsidLength " << k
                   << " leave every set empty once the well-known ports are excluded "
                      "(set IncludeWellKnown)";
        }
    }
    return reason.str();
}

uint32_t
PeArpPortSetAllocator::GetSetCount() const
{
    if (m_scheme == CONTIGUOUS)
    {
        NS_ABORT_MSG_IF(m_portsPerHost == 0 || m_firstPort > m_lastPort,
                        "PeArpPortSetAllocator: invalid contiguous configuration");
        return (m_lastPort - m_firstPort + 1) / m_portsPerHost;
    }
    uint32_t k = GetPsidLength();
    NS_ABORT_MSG_IF(m_psidOffset + k > 16, "PeArpPortSetAllocator: PsidOffset + PsidLength > 16");
    return 1u << k;
}

PeArpPortSet
PeArpPortSetAllocator::GetSet(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < GetSetCount(),
                        "PeArpPortSetAllocator::GetSet: set " << index << " of " << GetSetCount());
    PeArpPortSet set;
    if (m_scheme == CONTIGUOUS)
    {
        uint32_t low = m_firstPort + index * m_portsPerHost;
        set.Add(PeArpPortRange(static_cast<uint16_t>(low),
                               static_cast<uint16_t>(low + m_portsPerHost - 1)));
        return set;
    }
    uint32_t a = m_psidOffset;
    uint32_t k = GetPsidLength();
    uint32_t m = 16 - a - k;
    uint32_t firstA = (a > 0 && !m_includeWellKnown) ? 1 : 0;
    uint32_t lastA = (1u << a) - 1;
    for (uint32_t blockA = firstA; blockA <= lastA; blockA++)
    {
        uint32_t low = (blockA << (16 - a)) + (index << m);
        uint32_t high = low + (1u << m) - 1;
        if (low == 0 && high == 0)
        {
            continue; // port 0 alone is no usable set (and 0-0 means "all ports")
        }
        set.Add(
            PeArpPortRange(static_cast<uint16_t>(low == 0 ? 1 : low), static_cast<uint16_t>(high)));
    }
    if (!m_includeWellKnown && a == 0)
    {
        set.Remove(PeArpPortRange(1, 1023));
    }
    return set;
}

uint32_t
PeArpPortSetAllocator::GetHostsPerAddress() const
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < GetSetCount(); i++)
    {
        count += GetSet(i).IsEmpty() ? 0 : 1;
    }
    return count;
}

PeArpPortSet
PeArpPortSetAllocator::GetHostSet(uint32_t host) const
{
    uint32_t seen = 0;
    for (uint32_t i = 0; i < GetSetCount(); i++)
    {
        PeArpPortSet set = GetSet(i);
        if (!set.IsEmpty() && seen++ == host)
        {
            return set;
        }
    }
    NS_ABORT_MSG("PeArpPortSetAllocator::GetHostSet: host "
                 << host << " does not fit; " << GetHostsPerAddress() << " hosts per address");
    return PeArpPortSet();
}

} // namespace ns3
