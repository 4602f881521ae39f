/* GENERATED from protocol/protocol.json by protocol/gen/c-events.mjs — do not edit. */

#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ew_codec.h"
#include "ew_protocol_gen.h"
#include "ew_messages_gen.h"

/* Each encoder begins the frame in buf (cap bytes) and writes the fields; the caller ends and
 * sends it. Pointers are read during the call only. */

typedef struct {
    const char *proto;                       /* text, NUL-terminated; NULL = "" */
    const char *fw;                          /* text, NUL-terminated; NULL = "" */
    const char *idf;                         /* text, NUL-terminated; NULL = "" */
    const char *chip;                        /* text, NUL-terminated; NULL = "" */
    uint32_t rev;                            /* u16 */
    const uint8_t *mac;                      /* 6 bytes */
    unsigned reset;                          /* ew_reset_reason_t index */
    const char *def;                         /* text, NUL-terminated; NULL = "" */
    bool has_def;
} ew_ev_hello_t;
static inline void ew_ev_hello_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_hello_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_HELLO, v);
}
static inline ew_msg_id_t ew_ev_hello_msg(const ew_ev_hello_t *v) { (void)v; return EW_MSG_EV_HELLO; }

static inline void ew_ev_sta_start_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_STA_START, NULL);
}

static inline void ew_ev_sta_stop_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_STA_STOP, NULL);
}

typedef struct {
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    const uint8_t *bssid;                    /* 6 bytes */
    uint32_t ch;                             /* u8 */
    unsigned auth;                           /* ew_auth_t index */
    uint32_t aid;                            /* u16 */
} ew_ev_connected_t;
static inline void ew_ev_connected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_connected_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_CONNECTED, v);
}
static inline ew_msg_id_t ew_ev_connected_msg(const ew_ev_connected_t *v) { (void)v; return EW_MSG_EV_CONNECTED; }

typedef struct {
    uint32_t reason;                         /* u8 */
    int32_t rssi;                            /* i32 */
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    const uint8_t *bssid;                    /* 6 bytes */
} ew_ev_disconnected_t;
static inline void ew_ev_disconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_disconnected_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_DISCONNECTED, v);
}
static inline ew_msg_id_t ew_ev_disconnected_msg(const ew_ev_disconnected_t *v) { (void)v; return EW_MSG_EV_DISCONNECTED; }

typedef struct {
    uint32_t status;                         /* u8 */
    uint32_t n;                              /* u16 */
    uint32_t scan_id;                        /* u8 */
} ew_ev_scan_done_t;
static inline void ew_ev_scan_done_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_scan_done_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_SCAN_DONE, v);
}
static inline ew_msg_id_t ew_ev_scan_done_msg(const ew_ev_scan_done_t *v) { (void)v; return EW_MSG_EV_SCAN_DONE; }

static inline void ew_ev_beacon_timeout_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_BEACON_TIMEOUT, NULL);
}

typedef struct {
    int32_t rssi;                            /* i32 */
} ew_ev_rssi_low_t;
static inline void ew_ev_rssi_low_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_rssi_low_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_RSSI_LOW, v);
}
static inline ew_msg_id_t ew_ev_rssi_low_msg(const ew_ev_rssi_low_t *v) { (void)v; return EW_MSG_EV_RSSI_LOW; }

typedef struct {
    unsigned old;                            /* ew_auth_t index */
    unsigned new;                            /* ew_auth_t index */
} ew_ev_authmode_change_t;
static inline void ew_ev_authmode_change_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_authmode_change_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AUTHMODE_CHANGE, v);
}
static inline ew_msg_id_t ew_ev_authmode_change_msg(const ew_ev_authmode_change_t *v) { (void)v; return EW_MSG_EV_AUTHMODE_CHANGE; }

typedef struct {
    uint32_t old_ch;                         /* u8 */
    unsigned old_second;                     /* ew_second_t index */
    uint32_t new_ch;                         /* u8 */
    unsigned new_second;                     /* ew_second_t index */
} ew_ev_home_channel_change_t;
static inline void ew_ev_home_channel_change_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_home_channel_change_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_HOME_CHANNEL_CHANGE, v);
}
static inline ew_msg_id_t ew_ev_home_channel_change_msg(const ew_ev_home_channel_change_t *v) { (void)v; return EW_MSG_EV_HOME_CHANNEL_CHANGE; }

typedef struct {
    const uint8_t *ip;                       /* 4 bytes, wire order */
    const uint8_t *mask;                     /* 4 bytes, wire order */
    const uint8_t *gw;                       /* 4 bytes, wire order */
    bool changed;                            /* bool */
} ew_ev_got_ip_t;
static inline void ew_ev_got_ip_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_got_ip_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_GOT_IP, v);
}
static inline ew_msg_id_t ew_ev_got_ip_msg(const ew_ev_got_ip_t *v) { (void)v; return EW_MSG_EV_GOT_IP; }

static inline void ew_ev_lost_ip_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_LOST_IP, NULL);
}

typedef struct {
    const char *error;                       /* text, NUL-terminated; NULL = "" */
    const char *expected;                    /* text, NUL-terminated; NULL = "" */
    bool has_expected;
    uint32_t line;                           /* u32 */
} ew_ev_rx_error_t;
static inline void ew_ev_rx_error_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_rx_error_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_RX_ERROR, v);
}
static inline ew_msg_id_t ew_ev_rx_error_msg(const ew_ev_rx_error_t *v) { (void)v; return EW_MSG_EV_RX_ERROR; }

static inline void ew_ev_ap_start_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_START, NULL);
}

static inline void ew_ev_ap_stop_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_STOP, NULL);
}

typedef struct {
    const uint8_t *mac;                      /* 6 bytes */
    uint32_t aid;                            /* u16 */
} ew_ev_ap_staconnected_t;
static inline void ew_ev_ap_staconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_staconnected_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_STACONNECTED, v);
}
static inline ew_msg_id_t ew_ev_ap_staconnected_msg(const ew_ev_ap_staconnected_t *v) { (void)v; return EW_MSG_EV_AP_STACONNECTED; }

typedef struct {
    const uint8_t *mac;                      /* 6 bytes */
    uint32_t aid;                            /* u16 */
    uint32_t reason;                         /* u8 */
} ew_ev_ap_stadisconnected_t;
static inline void ew_ev_ap_stadisconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_stadisconnected_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_STADISCONNECTED, v);
}
static inline ew_msg_id_t ew_ev_ap_stadisconnected_msg(const ew_ev_ap_stadisconnected_t *v) { (void)v; return EW_MSG_EV_AP_STADISCONNECTED; }

typedef struct {
    const uint8_t *ip;                       /* 4 bytes, wire order */
    const uint8_t *mac;                      /* 6 bytes */
} ew_ev_ap_staipassigned_t;
static inline void ew_ev_ap_staipassigned_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_staipassigned_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_STAIPASSIGNED, v);
}
static inline ew_msg_id_t ew_ev_ap_staipassigned_msg(const ew_ev_ap_staipassigned_t *v) { (void)v; return EW_MSG_EV_AP_STAIPASSIGNED; }

typedef struct {
    const uint8_t *mac;                      /* 6 bytes */
    int32_t rssi;                            /* i32 */
} ew_ev_ap_probereqrecved_t;
static inline void ew_ev_ap_probereqrecved_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_probereqrecved_t *v)
{
    ew_msg_encode(fb, buf, cap, seq, EW_MSG_EV_AP_PROBEREQRECVED, v);
}
static inline ew_msg_id_t ew_ev_ap_probereqrecved_msg(const ew_ev_ap_probereqrecved_t *v) { (void)v; return EW_MSG_EV_AP_PROBEREQRECVED; }
