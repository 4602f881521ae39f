/* GENERATED from protocol/protocol.json by protocol/gen/c-replies.mjs — do not edit. */

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
} ew_reply_info_t;
static inline void ew_reply_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_info_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_INFO, v);
}
static inline ew_msg_id_t ew_reply_info_msg(const ew_reply_info_t *v) { (void)v; return EW_MSG_REPLY_INFO; }

typedef struct {
    unsigned phase;                          /* ew_phase_t index */
    unsigned mode;                           /* ew_mode_t index */
    unsigned scan;                           /* ew_scan_state_t index */
    uint32_t scan_id;                        /* u8 */
    bool has_scan_id;
    uint32_t unfetched;                      /* u16 */
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    bool has_ssid;
    const uint8_t *bssid;                    /* 6 bytes */
    bool has_bssid;
    uint32_t ch;                             /* u8 */
    bool has_ch;
    int32_t rssi;                            /* i32 */
    bool has_rssi;
    const uint8_t *ip;                       /* 4 bytes, wire order */
    bool has_ip;
    const uint8_t *mask;                     /* 4 bytes, wire order */
    bool has_mask;
    const uint8_t *gw;                       /* 4 bytes, wire order */
    bool has_gw;
    uint32_t last_reason;                    /* u8 */
    uint32_t seq;                            /* u32 */
    uint32_t rx_frames;                      /* u32 */
    uint32_t bad_crc;                        /* u32 */
    uint32_t too_long;                       /* u32 */
    uint32_t malformed;                      /* u32 */
    uint32_t cleared;                        /* u32 */
    uint32_t stack_free;                     /* u32 */
    bool has_stack_free;
} ew_reply_status_t;
static inline void ew_reply_status_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_status_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_STATUS, v);
}
static inline ew_msg_id_t ew_reply_status_msg(const ew_reply_status_t *v) { (void)v; return EW_MSG_REPLY_STATUS; }

typedef struct {
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    bool pass_set;                           /* bool */
    const uint8_t *bssid;                    /* 6 bytes */
    uint32_t ch;                             /* u8 */
    unsigned scan_method;                    /* ew_scan_method_t index */
    unsigned sort;                           /* ew_sort_method_t index */
    int32_t rssi;                            /* i32 */
    unsigned auth;                           /* ew_auth_t index */
    unsigned pmf;                            /* ew_pmf_t index */
    uint32_t retry;                          /* u8 */
    uint32_t listen;                         /* u16 */
} ew_reply_get_config_t;
static inline void ew_reply_get_config_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_get_config_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_GET_CONFIG, v);
}
static inline ew_msg_id_t ew_reply_get_config_msg(const ew_reply_get_config_t *v) { (void)v; return EW_MSG_REPLY_GET_CONFIG; }

typedef struct {
    uint32_t n;                              /* u16 */
} ew_reply_scan_t;
static inline void ew_reply_scan_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_scan_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_SCAN, v);
}
static inline ew_msg_id_t ew_reply_scan_msg(const ew_reply_scan_t *v) { (void)v; return EW_MSG_REPLY_SCAN; }

typedef struct {
    uint32_t n;                              /* u16 */
} ew_reply_ap_num_t;
static inline void ew_reply_ap_num_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_num_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_AP_NUM, v);
}
static inline ew_msg_id_t ew_reply_ap_num_msg(const ew_reply_ap_num_t *v) { (void)v; return EW_MSG_REPLY_AP_NUM; }

typedef struct {
    uint32_t n;                              /* u16 */
    uint32_t total;                          /* u16 */
    uint32_t scan_id;                        /* u8 */
} ew_reply_ap_records_t;
static inline void ew_reply_ap_records_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_records_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_AP_RECORDS, v);
}
static inline ew_msg_id_t ew_reply_ap_records_msg(const ew_reply_ap_records_t *v) { (void)v; return EW_MSG_REPLY_AP_RECORDS; }

typedef struct {
    bool reconnect;                          /* bool */
} ew_reply_protocol_t;
static inline void ew_reply_protocol_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_protocol_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_PROTOCOL, v);
}
static inline ew_msg_id_t ew_reply_protocol_msg(const ew_reply_protocol_t *v) { (void)v; return EW_MSG_REPLY_PROTOCOL; }

typedef struct {
    bool reconnect;                          /* bool */
} ew_reply_bandwidth_t;
static inline void ew_reply_bandwidth_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_bandwidth_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_BANDWIDTH, v);
}
static inline ew_msg_id_t ew_reply_bandwidth_msg(const ew_reply_bandwidth_t *v) { (void)v; return EW_MSG_REPLY_BANDWIDTH; }

typedef struct {
    const uint8_t *mac;                      /* 6 bytes */
} ew_reply_mac_t;
static inline void ew_reply_mac_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_mac_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_MAC, v);
}
static inline ew_msg_id_t ew_reply_mac_msg(const ew_reply_mac_t *v) { (void)v; return EW_MSG_REPLY_MAC; }

typedef struct {
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    const uint8_t *bssid;                    /* 6 bytes */
    uint32_t ch;                             /* u8 */
    int32_t rssi;                            /* i32 */
    unsigned auth;                           /* ew_auth_t index */
    unsigned pairwise;                       /* ew_cipher_t index */
    unsigned group;                          /* ew_cipher_t index */
    uint32_t phy;                            /* bits of EW_PHY_LETTERS */
    unsigned second;                         /* ew_second_t index */
    unsigned bw;                             /* ew_bw_t index */
    const char *cc;                          /* text, NUL-terminated; NULL = "" */
} ew_reply_ap_info_t;
static inline void ew_reply_ap_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_info_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_AP_INFO, v);
}
static inline ew_msg_id_t ew_reply_ap_info_msg(const ew_reply_ap_info_t *v) { (void)v; return EW_MSG_REPLY_AP_INFO; }

typedef struct {
    int32_t rssi;                            /* i32 */
} ew_reply_rssi_t;
static inline void ew_reply_rssi_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_rssi_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_RSSI, v);
}
static inline ew_msg_id_t ew_reply_rssi_msg(const ew_reply_rssi_t *v) { (void)v; return EW_MSG_REPLY_RSSI; }

typedef struct {
    const uint8_t *ip;                       /* 4 bytes, wire order */
    const uint8_t *mask;                     /* 4 bytes, wire order */
    const uint8_t *gw;                       /* 4 bytes, wire order */
} ew_reply_ip_info_t;
static inline void ew_reply_ip_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ip_info_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_IP_INFO, v);
}
static inline ew_msg_id_t ew_reply_ip_info_msg(const ew_reply_ip_info_t *v) { (void)v; return EW_MSG_REPLY_IP_INFO; }

typedef struct {
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    bool pass_set;                           /* bool */
    uint32_t ch;                             /* u8 */
    unsigned auth;                           /* ew_auth_t index */
    uint32_t max_conn;                       /* u8 */
    bool hidden;                             /* bool */
    uint32_t beacon;                         /* u16 */
    unsigned pmf;                            /* ew_pmf_t index */
    bool probe;                              /* bool */
    bool running;                            /* bool */
} ew_reply_softap_get_config_t;
static inline void ew_reply_softap_get_config_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_get_config_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_SOFTAP_GET_CONFIG, v);
}
static inline ew_msg_id_t ew_reply_softap_get_config_msg(const ew_reply_softap_get_config_t *v) { (void)v; return EW_MSG_REPLY_SOFTAP_GET_CONFIG; }

typedef struct {
    uint32_t n;                              /* u16 */
} ew_reply_softap_stations_t;
static inline void ew_reply_softap_stations_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_stations_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_SOFTAP_STATIONS, v);
}
static inline ew_msg_id_t ew_reply_softap_stations_msg(const ew_reply_softap_stations_t *v) { (void)v; return EW_MSG_REPLY_SOFTAP_STATIONS; }

typedef struct {
    int32_t power;                           /* i32 */
} ew_reply_tx_power_t;
static inline void ew_reply_tx_power_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_tx_power_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_TX_POWER, v);
}
static inline ew_msg_id_t ew_reply_tx_power_msg(const ew_reply_tx_power_t *v) { (void)v; return EW_MSG_REPLY_TX_POWER; }

typedef struct {
    const uint8_t *ip;                       /* 4 bytes, wire order */
    const uint8_t *mask;                     /* 4 bytes, wire order */
    const uint8_t *start;                    /* 4 bytes, wire order */
    const uint8_t *end;                      /* 4 bytes, wire order */
    uint32_t lease;                          /* u16 */
} ew_reply_softap_dhcp_t;
static inline void ew_reply_softap_dhcp_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_dhcp_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_REPLY_SOFTAP_DHCP, v);
}
static inline ew_msg_id_t ew_reply_softap_dhcp_msg(const ew_reply_softap_dhcp_t *v) { (void)v; return EW_MSG_REPLY_SOFTAP_DHCP; }

typedef struct {
    const uint8_t *ssid; size_t ssid_len;    /* bytes */
    int32_t rssi;                            /* i8 */
    const uint8_t *bssid;                    /* 6 bytes */
    uint32_t ch;                             /* u8 */
    unsigned auth;                           /* ew_auth_t index */
    unsigned pairwise;                       /* ew_cipher_t index */
    unsigned group;                          /* ew_cipher_t index */
    uint32_t phy;                            /* bits of EW_PHY_LETTERS */
    unsigned second;                         /* ew_second_t index */
    bool has_second;
    unsigned bw;                             /* ew_bw_t index */
    bool has_bw;
    const char *cc;                          /* text, NUL-terminated; NULL = "" */
    bool has_cc;
} ew_partial_ap_t;
static inline void ew_partial_ap_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_partial_ap_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_PARTIAL_AP, v);
}
static inline ew_msg_id_t ew_partial_ap_msg(const ew_partial_ap_t *v) { (void)v; return EW_MSG_PARTIAL_AP; }

typedef struct {
    const uint8_t *mac;                      /* 6 bytes */
    uint32_t aid;                            /* u16 */
    int32_t rssi;                            /* i8 */
} ew_partial_sta_t;
static inline void ew_partial_sta_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_partial_sta_t *v)
{
    ew_msg_encode(fb, buf, cap, id, EW_MSG_PARTIAL_STA, v);
}
static inline ew_msg_id_t ew_partial_sta_msg(const ew_partial_sta_t *v) { (void)v; return EW_MSG_PARTIAL_STA; }
