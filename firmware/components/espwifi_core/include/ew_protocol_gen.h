/* GENERATED from protocol/protocol.json by protocol/gen.mjs — do not edit. */

#pragma once
#include <stdint.h>

#define EW_PROTO_MAJOR 1
#define EW_PROTO_MINOR 0
#define EW_PROTO_VERSION "1.0"
/* hash of the wire part of protocol.json (protocol/tools/def-hash.mjs), sent as the hello's def */
#define EW_PROTO_DEF "d1f63ac5"
#define EW_MAX_LINE 1024
#define EW_MARKER '~'

/* Every wire word of the core (verbs, keys, argument, error and enum value names), each
 * NUL-terminated; the generated tables address it by offset (protocol/tools/c-pool.mjs). */
extern const char ew_pool[];

typedef enum {
    EW_MODE_NULL = 0,
    EW_MODE_STA = 1,
    EW_MODE_AP = 2,
    EW_MODE_APSTA = 3,
    EW_MODE__COUNT = 4
} ew_mode_t;
extern const char *const ew_mode_names[4];

typedef enum {
    EW_AUTH_OPEN = 0,
    EW_AUTH_WEP = 1,
    EW_AUTH_WPA = 2,
    EW_AUTH_WPA2 = 3,
    EW_AUTH_WPA_WPA2 = 4,
    EW_AUTH_WPA2_ENT = 5,
    EW_AUTH_WPA3 = 6,
    EW_AUTH_WPA2_WPA3 = 7,
    EW_AUTH_WAPI = 8,
    EW_AUTH_OWE = 9,
    EW_AUTH_WPA3_ENT192 = 10,
    EW_AUTH_WPA3_EXT = 11,
    EW_AUTH_WPA3_EXT_MIXED = 12,
    EW_AUTH_DPP = 13,
    EW_AUTH_WPA3_ENT = 14,
    EW_AUTH_WPA2_WPA3_ENT = 15,
    EW_AUTH_UNKNOWN = 16,
    EW_AUTH_WPA_ENT = 17,
    EW_AUTH__COUNT = 18
} ew_auth_t;
extern const char *const ew_auth_names[18];

typedef enum {
    EW_CIPHER_NONE = 0,
    EW_CIPHER_WEP40 = 1,
    EW_CIPHER_WEP104 = 2,
    EW_CIPHER_TKIP = 3,
    EW_CIPHER_CCMP = 4,
    EW_CIPHER_TKIP_CCMP = 5,
    EW_CIPHER_AES_CMAC128 = 6,
    EW_CIPHER_SMS4 = 7,
    EW_CIPHER_GCMP = 8,
    EW_CIPHER_GCMP256 = 9,
    EW_CIPHER_AES_GMAC128 = 10,
    EW_CIPHER_AES_GMAC256 = 11,
    EW_CIPHER_UNKNOWN = 12,
    EW_CIPHER__COUNT = 13
} ew_cipher_t;
extern const char *const ew_cipher_names[13];

typedef enum {
    EW_SECOND_NONE = 0,
    EW_SECOND_ABOVE = 1,
    EW_SECOND_BELOW = 2,
    EW_SECOND__COUNT = 3
} ew_second_t;
extern const char *const ew_second_names[3];

typedef enum {
    EW_BW_HT20 = 0,
    EW_BW_HT40 = 1,
    EW_BW_BW80 = 2,
    EW_BW_BW160 = 3,
    EW_BW_BW80_80 = 4,
    EW_BW__COUNT = 5
} ew_bw_t;
extern const char *const ew_bw_names[5];

typedef enum {
    EW_PS_NONE = 0,
    EW_PS_MIN = 1,
    EW_PS_MAX = 2,
    EW_PS__COUNT = 3
} ew_ps_t;
extern const char *const ew_ps_names[3];

typedef enum {
    EW_SCAN_TYPE_ACTIVE = 0,
    EW_SCAN_TYPE_PASSIVE = 1,
    EW_SCAN_TYPE__COUNT = 2
} ew_scan_type_t;
extern const char *const ew_scan_type_names[2];

typedef enum {
    EW_SCAN_METHOD_FAST = 0,
    EW_SCAN_METHOD_ALL = 1,
    EW_SCAN_METHOD__COUNT = 2
} ew_scan_method_t;
extern const char *const ew_scan_method_names[2];

typedef enum {
    EW_SORT_METHOD_SIGNAL = 0,
    EW_SORT_METHOD_SECURITY = 1,
    EW_SORT_METHOD__COUNT = 2
} ew_sort_method_t;
extern const char *const ew_sort_method_names[2];

typedef enum {
    EW_STORAGE_FLASH = 0,
    EW_STORAGE_RAM = 1,
    EW_STORAGE__COUNT = 2
} ew_storage_t;
extern const char *const ew_storage_names[2];

typedef enum {
    EW_PMF_OFF = 0,
    EW_PMF_CAPABLE = 1,
    EW_PMF_REQUIRED = 2,
    EW_PMF__COUNT = 3
} ew_pmf_t;
extern const char *const ew_pmf_names[3];

typedef enum {
    EW_PHASE_UNINIT = 0,
    EW_PHASE_INIT = 1,
    EW_PHASE_STARTED = 2,
    EW_PHASE_CONNECTING = 3,
    EW_PHASE_CONNECTED = 4,
    EW_PHASE_GOT_IP = 5,
    EW_PHASE__COUNT = 6
} ew_phase_t;
extern const char *const ew_phase_names[6];

typedef enum {
    EW_SCAN_STATE_IDLE = 0,
    EW_SCAN_STATE_RUNNING = 1,
    EW_SCAN_STATE_DONE = 2,
    EW_SCAN_STATE_FETCHED = 3,
    EW_SCAN_STATE__COUNT = 4
} ew_scan_state_t;
extern const char *const ew_scan_state_names[4];

typedef enum {
    EW_RESET_REASON_UNKNOWN = 0,
    EW_RESET_REASON_POWERON = 1,
    EW_RESET_REASON_EXT = 2,
    EW_RESET_REASON_SW = 3,
    EW_RESET_REASON_PANIC = 4,
    EW_RESET_REASON_INT_WDT = 5,
    EW_RESET_REASON_TASK_WDT = 6,
    EW_RESET_REASON_WDT = 7,
    EW_RESET_REASON_DEEPSLEEP = 8,
    EW_RESET_REASON_BROWNOUT = 9,
    EW_RESET_REASON_SDIO = 10,
    EW_RESET_REASON_USB = 11,
    EW_RESET_REASON_JTAG = 12,
    EW_RESET_REASON_EFUSE = 13,
    EW_RESET_REASON_PWR_GLITCH = 14,
    EW_RESET_REASON_CPU_LOCKUP = 15,
    EW_RESET_REASON__COUNT = 16
} ew_reset_reason_t;
extern const char *const ew_reset_reason_names[16];

typedef uint16_t ew_phy_flags_t;
#define EW_PHY_B (1u << 0) /* 11b */
#define EW_PHY_G (1u << 1) /* 11g */
#define EW_PHY_N (1u << 2) /* 11n */
#define EW_PHY_L (1u << 3) /* long range (LR) */
#define EW_PHY_A (1u << 4) /* 11a */
#define EW_PHY_C (1u << 5) /* 11ac */
#define EW_PHY_X (1u << 6) /* 11ax */
#define EW_PHY_W (1u << 7) /* WPS */
#define EW_PHY_F (1u << 8) /* FTM responder */
#define EW_PHY_LETTERS "bgnlacxwf"

typedef uint16_t ew_proto_flags_t;
#define EW_PROTO_B (1u << 0) /* 11b */
#define EW_PROTO_G (1u << 1) /* 11g */
#define EW_PROTO_N (1u << 2) /* 11n */
#define EW_PROTO_L (1u << 3) /* long range (LR) */
#define EW_PROTO_A (1u << 4) /* 11a */
#define EW_PROTO_C (1u << 5) /* 11ac */
#define EW_PROTO_X (1u << 6) /* 11ax */
#define EW_PROTO_LETTERS "bgnlacx"

/* esp_err_t-compatible codes: ESP-IDF values for driver errors, 0xE0xx for protocol errors. */
typedef int32_t ew_err_t;
#define EW_OK 0
#define EW_ERR_FAIL (-1)
#define EW_ERR_NO_MEM (257)
#define EW_ERR_INVALID_ARG (258)
#define EW_ERR_INVALID_STATE (259)
#define EW_ERR_INVALID_SIZE (260)
#define EW_ERR_NOT_FOUND (261)
#define EW_ERR_NOT_SUPPORTED (262)
#define EW_ERR_TIMEOUT (263)
#define EW_ERR_WIFI_NOT_INIT (12289)
#define EW_ERR_WIFI_NOT_STARTED (12290)
#define EW_ERR_WIFI_NOT_STOPPED (12291)
#define EW_ERR_WIFI_IF (12292)
#define EW_ERR_WIFI_MODE (12293)
#define EW_ERR_WIFI_STATE (12294)
#define EW_ERR_WIFI_CONN (12295)
#define EW_ERR_WIFI_NVS (12296)
#define EW_ERR_WIFI_MAC (12297)
#define EW_ERR_WIFI_SSID (12298)
#define EW_ERR_WIFI_PASSWORD (12299)
#define EW_ERR_WIFI_TIMEOUT (12300)
#define EW_ERR_WIFI_WAKE_FAIL (12301)
#define EW_ERR_WIFI_WOULD_BLOCK (12302)
#define EW_ERR_WIFI_NOT_CONNECT (12303)
#define EW_ERR_WIFI_POST (12306)
#define EW_ERR_WIFI_INIT_STATE (12307)
#define EW_ERR_WIFI_STOP_STATE (12308)
#define EW_ERR_WIFI_NOT_ASSOC (12309)
#define EW_ERR_WIFI_TX_DISALLOW (12310)
#define EW_ERR_ESP_NETIF_INVALID_PARAMS (20481)
#define EW_ERR_ESP_NETIF_IF_NOT_READY (20482)
#define EW_ERR_ESP_NETIF_DHCP_ALREADY_STARTED (20484)
#define EW_ERR_ESP_NETIF_DHCP_ALREADY_STOPPED (20485)
#define EW_ERR_ESP_NETIF_DHCP_NOT_STOPPED (20487)
#define EW_ERR_BAD_CRC (0xE001)
#define EW_ERR_LINE_TOO_LONG (0xE002)
#define EW_ERR_MALFORMED (0xE003)
#define EW_ERR_UNKNOWN_COMMAND (0xE004)
#define EW_ERR_BAD_ARG (0xE005)
#define EW_ERR_MISSING_ARG (0xE006)
#define EW_ERR_ALREADY_FETCHED (0xE007)
#define EW_ERR_NO_SCAN (0xE008)
#define EW_ERR_SCAN_IN_PROGRESS (0xE009)
#define EW_ERR_BUSY (0xE00a)

/* Reason codes (wifi_err_reason_t), stable across ESP-IDF versions. */
#define EW_REASON_UNSPECIFIED 1
#define EW_REASON_AUTH_EXPIRE 2
#define EW_REASON_AUTH_LEAVE 3
#define EW_REASON_DISASSOC_DUE_TO_INACTIVITY 4
#define EW_REASON_ASSOC_TOOMANY 5
#define EW_REASON_CLASS2_FRAME_FROM_NONAUTH_STA 6
#define EW_REASON_CLASS3_FRAME_FROM_NONASSOC_STA 7
#define EW_REASON_ASSOC_LEAVE 8
#define EW_REASON_ASSOC_NOT_AUTHED 9
#define EW_REASON_DISASSOC_PWRCAP_BAD 10
#define EW_REASON_DISASSOC_SUPCHAN_BAD 11
#define EW_REASON_BSS_TRANSITION_DISASSOC 12
#define EW_REASON_IE_INVALID 13
#define EW_REASON_MIC_FAILURE 14
#define EW_REASON_4WAY_HANDSHAKE_TIMEOUT 15
#define EW_REASON_GROUP_KEY_UPDATE_TIMEOUT 16
#define EW_REASON_IE_IN_4WAY_DIFFERS 17
#define EW_REASON_GROUP_CIPHER_INVALID 18
#define EW_REASON_PAIRWISE_CIPHER_INVALID 19
#define EW_REASON_AKMP_INVALID 20
#define EW_REASON_UNSUPP_RSN_IE_VERSION 21
#define EW_REASON_INVALID_RSN_IE_CAP 22
#define EW_REASON_802_1X_AUTH_FAILED 23
#define EW_REASON_CIPHER_SUITE_REJECTED 24
#define EW_REASON_TDLS_PEER_UNREACHABLE 25
#define EW_REASON_TDLS_UNSPECIFIED 26
#define EW_REASON_SSP_REQUESTED_DISASSOC 27
#define EW_REASON_NO_SSP_ROAMING_AGREEMENT 28
#define EW_REASON_BAD_CIPHER_OR_AKM 29
#define EW_REASON_NOT_AUTHORIZED_THIS_LOCATION 30
#define EW_REASON_SERVICE_CHANGE_PERCLUDES_TS 31
#define EW_REASON_UNSPECIFIED_QOS 32
#define EW_REASON_NOT_ENOUGH_BANDWIDTH 33
#define EW_REASON_MISSING_ACKS 34
#define EW_REASON_EXCEEDED_TXOP 35
#define EW_REASON_STA_LEAVING 36
#define EW_REASON_END_BA 37
#define EW_REASON_UNKNOWN_BA 38
#define EW_REASON_TIMEOUT 39
#define EW_REASON_PEER_INITIATED 46
#define EW_REASON_AP_INITIATED 47
#define EW_REASON_INVALID_FT_ACTION_FRAME_COUNT 48
#define EW_REASON_INVALID_PMKID 49
#define EW_REASON_INVALID_MDE 50
#define EW_REASON_INVALID_FTE 51
#define EW_REASON_TRANSMISSION_LINK_ESTABLISH_FAILED 67
#define EW_REASON_ALTERATIVE_CHANNEL_OCCUPIED 68
#define EW_REASON_BEACON_TIMEOUT 200
#define EW_REASON_NO_AP_FOUND 201
#define EW_REASON_AUTH_FAIL 202
#define EW_REASON_ASSOC_FAIL 203
#define EW_REASON_HANDSHAKE_TIMEOUT 204
#define EW_REASON_CONNECTION_FAIL 205
#define EW_REASON_AP_TSF_RESET 206
#define EW_REASON_ROAMING 207
#define EW_REASON_ASSOC_COMEBACK_TIME_TOO_LONG 208
#define EW_REASON_SA_QUERY_TIMEOUT 209
#define EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY 210
#define EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD 211
#define EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD 212
#define EW_REASON_COUNT 60
