/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_LHP_HEADER_H
#define PE_ARP_RESOA_LHP_HEADER_H

#include "ns3/header.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The header of a ReSoA LHP frame (our format: the ReSoA TR points
 * to TKN-01-016 for the LHP format, which we do not have).
 *
 * Fifteen bytes, network byte order, carried directly in an Ethernet frame
 * of EtherType 0x88B5 (IEEE 802 Local Experimental 1):
 *
 * \verbatim
   0      type     u8   CONN_REQ 1, CONN_ACK 2, DATA 3, ACK 4, KEEPALIVE 5,
                        RESET 6, DISC 7
   1-2    connId   u16  chosen by the initiator; (peer MAC, connId) names
                        a connection
   3-6    seq      u32  DATA: the message's sequence number (one per message)
   7-10   ack      u32  the next sequence number expected (cumulative)
   11-12  window   u16  messages the sender of this frame will buffer
   13-14  len      u16  payload bytes that follow (DATA only; 0 otherwise)
   \endverbatim
 *
 * Ethernet pads short frames, so the payload is the next len bytes, not
 * the rest of the frame. Deserialize never reads past the buffer: a frame
 * shorter than 15 bytes reads nothing and is TRUNCATED; an unknown type is
 * BAD_TYPE; a len larger than what follows, or a non-zero len on a frame
 * other than DATA, is BAD_LENGTH. Read frames with Packet::PeekHeader and
 * check IsValid() before removing anything.
 */
class PeArpResoaLhpHeader : public Header
{
  public:
    /** Frame types. */
    enum Type : uint8_t
    {
        CONN_REQ = 1,  //!< open a connection
        CONN_ACK = 2,  //!< connection accepted
        DATA = 3,      //!< one message
        ACK = 4,       //!< cumulative acknowledgement
        KEEPALIVE = 5, //!< are you there? (answered by an ACK)
        RESET = 6,     //!< no such connection
        DISC = 7,      //!< orderly disconnection
    };

    /** Why a frame does not parse. */
    enum Error : uint8_t
    {
        NONE = 0,   //!< it parses
        TRUNCATED,  //!< shorter than the fixed header
        BAD_TYPE,   //!< unknown type
        BAD_LENGTH, //!< len larger than the payload, or len on a non-DATA frame
    };

    /** The fixed header size in bytes. */
    static constexpr uint32_t SIZE = 15;
    /** The highest type value. */
    static constexpr uint8_t TYPE_MAX = DISC;

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

    /** \param type the frame type */
    void SetType(Type type);
    /** \return the frame type (valid only if IsValid() or BAD_LENGTH) */
    Type GetType() const;
    /** \param connId the connection id */
    void SetConnId(uint16_t connId);
    /** \return the connection id */
    uint16_t GetConnId() const;
    /** \param seq the sequence number */
    void SetSeq(uint32_t seq);
    /** \return the sequence number */
    uint32_t GetSeq() const;
    /** \param ack the next sequence number expected */
    void SetAck(uint32_t ack);
    /** \return the next sequence number expected */
    uint32_t GetAck() const;
    /** \param window messages the sender will buffer */
    void SetWindow(uint16_t window);
    /** \return messages the sender will buffer */
    uint16_t GetWindow() const;
    /** \param length payload bytes */
    void SetLength(uint16_t length);
    /** \return payload bytes */
    uint16_t GetLength() const;

    /** \return true if the last Deserialize found a well-formed frame */
    bool IsValid() const;
    /** \return why the last Deserialize failed (NONE if it did not) */
    Error GetError() const;

    /**
     * \param type a type
     * \return its name ("DATA"), or "?"
     */
    static const char* TypeName(uint8_t type);

  private:
    uint8_t m_type{DATA}; //!< type (raw, may be unknown after Deserialize)
    uint16_t m_connId{0}; //!< connection id
    uint32_t m_seq{0};    //!< sequence number
    uint32_t m_ack{0};    //!< cumulative ack
    uint16_t m_window{0}; //!< receive window (messages)
    uint16_t m_length{0}; //!< payload bytes
    Error m_error{NONE};  //!< the result of the last Deserialize
};

} // namespace ns3

#endif /* PE_ARP_RESOA_LHP_HEADER_H */
