/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_EP_HEADER_H
#define PE_ARP_RESOA_EP_HEADER_H

#include "ns3/header.h"
#include "ns3/inet-socket-address.h"

#include <cstdint>
#include <optional>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The header of a ReSoA EP message (our format; the ReSoA TR gives
 * none). One EP message travels in one LHP DATA frame.
 *
 * Network byte order:
 *
 * \verbatim
   0      type     u8   see Type
   1      flags    u8   bit 0 WITH_SOCKET: create the socket first (the
                        delayed socket() call rides on the first call)
   2-5    rsockId  u32  the client's socket id (accepted sockets: server-
                        chosen, high bit set)
   6-7    callId   u16  matches a RESULT to its call
   8      status   u8   ns3::Socket::SocketErrno (0: success)
   9-10   tlvLen   u16  bytes of TLVs that follow
   11-    TLVs          tag u8, len u8, value
   then, for SEND, SENDTO, DATA and DATA_FROM only: the payload
   \endverbatim
 *
 * TLVs (a tag may appear once; unknown tags are skipped):
 * LOCAL 1 and PEER 2 (len 6: IPv4 address, port), SOCK_TYPE 3 (len 1:
 * 1 TCP, 2 UDP), COUNT 4 (len 4: bytes), PARENT 5 (len 4: the listening
 * rsockId), BUFFER 6 (len 4: the client's receive buffer).
 *
 * Deserialize never reads past the buffer. A message is malformed if it is
 * shorter than 11 + tlvLen bytes (TRUNCATED), of an unknown type
 * (BAD_TYPE), if a TLV overruns tlvLen, has the wrong length for its tag or
 * repeats a tag (BAD_TLV), if a field its type requires is missing
 * (MISSING_FIELD; WITH_SOCKET requires SOCK_TYPE), or if a type that
 * carries no payload has bytes after its TLVs (TRAILING_BYTES). Read with
 * Packet::PeekHeader and check IsValid().
 */
class PeArpResoaEpHeader : public Header
{
  public:
    /** Message types: client to server below 0x80, server to client above. */
    enum Type : uint8_t
    {
        REGISTER = 0x01,      //!< register the client
        BIND = 0x02,          //!< bind (LOCAL)
        LISTEN = 0x03,        //!< listen
        CONNECT = 0x04,       //!< connect (PEER)
        SEND = 0x05,          //!< data on a connected socket (payload)
        SENDTO = 0x06,        //!< a datagram (PEER, payload)
        CREDIT = 0x07,        //!< the application consumed COUNT bytes
        SHUTDOWN_SEND = 0x08, //!< shutdown(SHUT_WR)
        CLOSE = 0x09,         //!< close
        REGISTER_ACK = 0x81,  //!< registered: the public address (LOCAL)
        RESULT = 0x82,        //!< the return value of call callId (LOCAL)
        CONNECTED = 0x83,     //!< the connection is up (LOCAL, PEER, COUNT)
        ACCEPT_IND = 0x84,    //!< a connection was accepted (PARENT, PEER, LOCAL, COUNT)
        DATA = 0x85,          //!< pushed stream data (payload)
        DATA_FROM = 0x86,     //!< a pushed datagram (PEER, payload)
        SEND_CREDIT = 0x87,   //!< the client may send COUNT more bytes
        PEER_CLOSED = 0x88,   //!< the peer closed, all data delivered
        ERROR_CLOSE = 0x89,   //!< the socket failed (status)
    };

    /** Flags. */
    enum Flag : uint8_t
    {
        WITH_SOCKET = 0x01, //!< create the socket (SOCK_TYPE) before the call
    };

    /** TLV tags. */
    enum Tag : uint8_t
    {
        TAG_LOCAL = 1,     //!< local address and port
        TAG_PEER = 2,      //!< peer address and port
        TAG_SOCK_TYPE = 3, //!< 1 TCP, 2 UDP
        TAG_COUNT = 4,     //!< a byte count
        TAG_PARENT = 5,    //!< the listening socket
        TAG_BUFFER = 6,    //!< the client's receive buffer
    };

    /** Socket types in SOCK_TYPE. */
    enum SockType : uint8_t
    {
        SOCK_TCP = 1, //!< TCP (stream)
        SOCK_UDP = 2, //!< UDP (datagram)
    };

    /** Why a message does not parse. */
    enum Error : uint8_t
    {
        NONE = 0,       //!< it parses
        TRUNCATED,      //!< shorter than its header
        BAD_TYPE,       //!< unknown type
        BAD_TLV,        //!< a TLV overruns, has a wrong length, or repeats
        MISSING_FIELD,  //!< a TLV the type requires is missing
        TRAILING_BYTES, //!< bytes after a message that carries no payload
    };

    /** The fixed part in bytes. */
    static constexpr uint32_t FIXED_SIZE = 11;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /** \param type the type */
    void SetType(Type type);
    /** \return the type */
    Type GetType() const;
    /** \param flags the flags */
    void SetFlags(uint8_t flags);
    /** \return the flags */
    uint8_t GetFlags() const;
    /** \param rsockId the socket id */
    void SetRsockId(uint32_t rsockId);
    /** \return the socket id */
    uint32_t GetRsockId() const;
    /** \param callId the call id */
    void SetCallId(uint16_t callId);
    /** \return the call id */
    uint16_t GetCallId() const;
    /** \param status an ns3::Socket::SocketErrno */
    void SetStatus(uint8_t status);
    /** \return the status */
    uint8_t GetStatus() const;

    /** \param address the local address and port */
    void SetLocal(InetSocketAddress address);
    /** \return the local address and port, if present */
    std::optional<InetSocketAddress> GetLocal() const;
    /** \param address the peer address and port */
    void SetPeer(InetSocketAddress address);
    /** \return the peer address and port, if present */
    std::optional<InetSocketAddress> GetPeer() const;
    /** \param sockType SOCK_TCP or SOCK_UDP */
    void SetSockType(uint8_t sockType);
    /** \return the socket type, if present */
    std::optional<uint8_t> GetSockType() const;
    /** \param count a byte count */
    void SetCount(uint32_t count);
    /** \return the byte count, if present */
    std::optional<uint32_t> GetCount() const;
    /** \param parent the listening socket */
    void SetParent(uint32_t parent);
    /** \return the listening socket, if present */
    std::optional<uint32_t> GetParent() const;
    /** \param buffer the client's receive buffer */
    void SetBuffer(uint32_t buffer);
    /** \return the client's receive buffer, if present */
    std::optional<uint32_t> GetBuffer() const;

    /** \return true if the last Deserialize found a well-formed message */
    bool IsValid() const;
    /** \return why the last Deserialize failed (NONE if it did not) */
    Error GetError() const;

    /**
     * \param type a type
     * \return true if it is one of Type
     */
    static bool IsKnownType(uint8_t type);
    /**
     * \param type a type
     * \return true if a payload follows the header (SEND, SENDTO, DATA,
     * DATA_FROM)
     */
    static bool CarriesPayload(uint8_t type);
    /**
     * \param type a type
     * \return its name ("CONNECT"), or "?"
     */
    static const char* TypeName(uint8_t type);

  private:
    /** \return the TLV bytes Serialize writes */
    uint16_t TlvLength() const;
    /** \return true if the fields the type requires are present */
    bool HasRequiredFields() const;

    uint8_t m_type{REGISTER};                 //!< type (raw)
    uint8_t m_flags{0};                       //!< flags
    uint32_t m_rsockId{0};                    //!< socket id
    uint16_t m_callId{0};                     //!< call id
    uint8_t m_status{0};                      //!< errno
    std::optional<InetSocketAddress> m_local; //!< LOCAL
    std::optional<InetSocketAddress> m_peer;  //!< PEER
    std::optional<uint8_t> m_sockType;        //!< SOCK_TYPE
    std::optional<uint32_t> m_count;          //!< COUNT
    std::optional<uint32_t> m_parent;         //!< PARENT
    std::optional<uint32_t> m_buffer;         //!< BUFFER
    Error m_error{NONE};                      //!< the result of the last Deserialize
};

} // namespace ns3

#endif /* PE_ARP_RESOA_EP_HEADER_H */
