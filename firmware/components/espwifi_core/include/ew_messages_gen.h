/* GENERATED from protocol/protocol.json by protocol/gen/c-messages.mjs — do not edit. */

#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ew_codec.h"

/* How ew_msg_encode reads a struct member and writes it (ew_fb_*). */
typedef enum { EW_FK_TEXT, EW_FK_BYTES, EW_FK_UINT, EW_FK_INT, EW_FK_BOOL, EW_FK_MAC, EW_FK_IP4, EW_FK_HEX, EW_FK_ENUM, EW_FK_FLAGS } ew_field_kind_t;

#define EW_NO_KEY 0xffffu   /* a positional field */
/* A wire field: key (offset in ew_pool, or EW_NO_KEY), kind, and for UINT / INT / ENUM / FLAGS
 * the index in ew_msg_uint_max / ew_msg_int_range / ew_msg_enums / ew_msg_letters. */
typedef struct { uint16_t key; uint8_t kind; uint8_t aux; } ew_field_desc_t;
/* A field of one message: its ew_msg_fields row, with EW_MSG_OPTIONAL when the field is optional
 * (its bool has_<field> then follows the member, EW_MSG_MEMBER_SIZE after it), and the offset of
 * the struct member. */
typedef struct { uint8_t field; uint8_t off; } ew_msg_use_t;
#define EW_MSG_OPTIONAL 0x80   /* in ew_msg_use_t.field */
/* Size of the struct member(s) of a field of kind k (a bytes field is a pointer and a length). */
#define EW_MSG_MEMBER_SIZE(k) ((k) == EW_FK_BOOL ? sizeof(bool) : (k) == EW_FK_BYTES ? sizeof(const uint8_t *) + sizeof(size_t) : \
    (k) == EW_FK_TEXT || (k) == EW_FK_MAC || (k) == EW_FK_IP4 ? sizeof(const void *) : sizeof(uint32_t))
/* A message: verb (offset in ew_pool), frame kind ("erp"[kind]: event, reply, partial), and its
 * fields ew_msg_uses[first..first+n). */
typedef struct { uint16_t verb : 14, kind : 2; uint16_t first : 11, n : 5; } ew_msg_desc_t;
/* An enum field: its names, how many, and the name written for an index out of range. */
typedef struct { const char *const *names; uint8_t count; uint8_t fallback; } ew_msg_enum_t;

typedef enum {
    EW_MSG_EV_HELLO = 0,
    EW_MSG_EV_STA_START = 1,
    EW_MSG_EV_STA_STOP = 2,
    EW_MSG_EV_CONNECTED = 3,
    EW_MSG_EV_DISCONNECTED = 4,
    EW_MSG_EV_SCAN_DONE = 5,
    EW_MSG_EV_BEACON_TIMEOUT = 6,
    EW_MSG_EV_RSSI_LOW = 7,
    EW_MSG_EV_AUTHMODE_CHANGE = 8,
    EW_MSG_EV_HOME_CHANNEL_CHANGE = 9,
    EW_MSG_EV_GOT_IP = 10,
    EW_MSG_EV_LOST_IP = 11,
    EW_MSG_EV_RX_ERROR = 12,
    EW_MSG_EV_AP_START = 13,
    EW_MSG_EV_AP_STOP = 14,
    EW_MSG_EV_AP_STACONNECTED = 15,
    EW_MSG_EV_AP_STADISCONNECTED = 16,
    EW_MSG_EV_AP_STAIPASSIGNED = 17,
    EW_MSG_EV_AP_PROBEREQRECVED = 18,
    EW_MSG_REPLY_INFO = 19,
    EW_MSG_REPLY_STATUS = 20,
    EW_MSG_REPLY_GET_CONFIG = 21,
    EW_MSG_REPLY_SCAN = 22,
    EW_MSG_REPLY_AP_NUM = 23,
    EW_MSG_REPLY_AP_RECORDS = 24,
    EW_MSG_REPLY_PROTOCOL = 25,
    EW_MSG_REPLY_BANDWIDTH = 26,
    EW_MSG_REPLY_MAC = 27,
    EW_MSG_REPLY_AP_INFO = 28,
    EW_MSG_REPLY_RSSI = 29,
    EW_MSG_REPLY_IP_INFO = 30,
    EW_MSG_REPLY_SOFTAP_GET_CONFIG = 31,
    EW_MSG_REPLY_SOFTAP_STATIONS = 32,
    EW_MSG_REPLY_TX_POWER = 33,
    EW_MSG_REPLY_SOFTAP_DHCP = 34,
    EW_MSG_PARTIAL_AP = 35,
    EW_MSG_PARTIAL_STA = 36,
    EW_MSG__COUNT = 37
} ew_msg_id_t;

extern const uint32_t ew_msg_uint_max[];
extern const int32_t ew_msg_int_range[][2];
extern const ew_msg_enum_t ew_msg_enums[];
extern const char *const ew_msg_letters[];
extern const ew_field_desc_t ew_msg_fields[];
extern const ew_msg_use_t ew_msg_uses[];
extern const ew_msg_desc_t ew_msgs[EW_MSG__COUNT];

/* Begins message msg (its kind and verb, number num) in buf and writes the fields of v, the
 * message's struct (NULL for a message without fields); the caller ends and sends the frame. */
void ew_msg_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t num, ew_msg_id_t msg, const void *v);
