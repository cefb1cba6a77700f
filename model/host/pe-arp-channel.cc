/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-channel.h"

#include "pe-arp-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpChannel");

NS_OBJECT_ENSURE_REGISTERED(PeArpChannel);

TypeId
PeArpChannel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpChannel")
                            .SetParent<Channel>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpChannel>();
    return tid;
}

PeArpChannel::PeArpChannel()
{
    NS_LOG_FUNCTION(this);
}

PeArpChannel::~PeArpChannel()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lower = nullptr;
    Channel::DoDispose();
}

void
PeArpChannel::SetLowerChannel(Ptr<Channel> lower)
{
    NS_LOG_FUNCTION(this << lower);
    m_lower = lower;
}

Ptr<Channel>
PeArpChannel::GetLowerChannel() const
{
    return m_lower;
}

Ptr<NetDevice>
PeArpChannel::GetUpperDevice(Ptr<NetDevice> link)
{
    Ptr<Node> node = link ? link->GetNode() : nullptr;
    if (!node)
    {
        return link;
    }
    for (uint32_t i = 0; i < node->GetNDevices(); i++)
    {
        Ptr<PeArpNetDevice> upper = DynamicCast<PeArpNetDevice>(node->GetDevice(i));
        if (upper && upper->GetLowerDevice() == link)
        {
            return upper;
        }
    }
    return link;
}

std::size_t
PeArpChannel::GetNDevices() const
{
    return m_lower ? m_lower->GetNDevices() : 0;
}

Ptr<NetDevice>
PeArpChannel::GetDevice(std::size_t i) const
{
    return m_lower ? GetUpperDevice(m_lower->GetDevice(i)) : nullptr;
}

} // namespace ns3
