/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */

#pragma once
#include <stdint.h>
#include <stddef.h>
#include "ew_protocol_gen.h"

typedef enum { EW_ARGT_INT, EW_ARGT_BOOL, EW_ARGT_BYTES, EW_ARGT_MAC, EW_ARGT_IP4, EW_ARGT_ENUM, EW_ARGT_FLAGS } ew_arg_type_t;
#define EW_ARGF_REQUIRED 0x01
#define EW_ARGF_SECRET 0x02   /* never echoed, logged or returned */

typedef struct {
    int16_t min;               /* int: value bounds; bytes: unescaped length bounds; enum: 0..count-1 */
    uint16_t max;
    uint16_t name;             /* offset in ew_pool */
    uint8_t type;              /* ew_arg_type_t */
    uint8_t flags : 4;         /* EW_ARGF_* */
    uint8_t ref : 4;           /* enum: index in ew_arg_enum_names; flags: index in ew_arg_letters */
} ew_arg_spec_t;

typedef struct {
    uint16_t verb;             /* offset in ew_pool */
    uint8_t first;             /* its arguments: ew_arg_specs[first .. first + nargs) */
    uint8_t nargs;
} ew_cmd_spec_t;

extern const ew_arg_spec_t ew_arg_specs[];
extern const char *const *const ew_arg_enum_names[];
extern const char *const ew_arg_letters[];

static inline const char *ew_cmd_verb(const ew_cmd_spec_t *c) { return ew_pool + c->verb; }
static inline const ew_arg_spec_t *ew_cmd_arg(const ew_cmd_spec_t *c, int i) { return &ew_arg_specs[c->first + i]; }
static inline const char *ew_arg_name(const ew_arg_spec_t *a) { return ew_pool + a->name; }
/* enum: the value names (index min..max) */
static inline const char *const *ew_arg_names(const ew_arg_spec_t *a) { return ew_arg_enum_names[a->ref]; }
/* flags: letter i = bit i */
static inline const char *ew_arg_flag_letters(const ew_arg_spec_t *a) { return ew_arg_letters[a->ref]; }

typedef enum {
    EW_CMD_PING = 0,
    EW_CMD_INFO = 1,
    EW_CMD_STATUS = 2,
    EW_CMD_INIT = 3,
    EW_CMD_DEINIT = 4,
    EW_CMD_MODE = 5,
    EW_CMD_CONFIG = 6,
    EW_CMD_GET_CONFIG = 7,
    EW_CMD_START = 8,
    EW_CMD_STOP = 9,
    EW_CMD_CONNECT = 10,
    EW_CMD_DISCONNECT = 11,
    EW_CMD_SCAN = 12,
    EW_CMD_SCAN_STOP = 13,
    EW_CMD_AP_NUM = 14,
    EW_CMD_AP_RECORDS = 15,
    EW_CMD_COUNTRY = 16,
    EW_CMD_PROTOCOL = 17,
    EW_CMD_BANDWIDTH = 18,
    EW_CMD_PS = 19,
    EW_CMD_INACTIVE_TIME = 20,
    EW_CMD_RSSI_THRESHOLD = 21,
    EW_CMD_STORAGE = 22,
    EW_CMD_MAC = 23,
    EW_CMD_AP_INFO = 24,
    EW_CMD_RSSI = 25,
    EW_CMD_IP_INFO = 26,
    EW_CMD_RESET = 27,
    EW_CMD_SOFTAP_CONFIG = 28,
    EW_CMD_SOFTAP_GET_CONFIG = 29,
    EW_CMD_SOFTAP_STATIONS = 30,
    EW_CMD_SOFTAP_KICK = 31,
    EW_CMD_TX_POWER = 32,
    EW_CMD_SOFTAP_DHCP = 33,
    EW_CMD__COUNT = 34
} ew_cmd_id_t;

#define EW_CMD_MAX_ARGS 12

#define EW_ARG_MODE_M 0
#define EW_ARG_CONFIG_SSID 0
#define EW_ARG_CONFIG_PASS 1
#define EW_ARG_CONFIG_BSSID 2
#define EW_ARG_CONFIG_CH 3
#define EW_ARG_CONFIG_SCAN 4
#define EW_ARG_CONFIG_SORT 5
#define EW_ARG_CONFIG_RSSI 6
#define EW_ARG_CONFIG_AUTH 7
#define EW_ARG_CONFIG_PMF 8
#define EW_ARG_CONFIG_RETRY 9
#define EW_ARG_CONFIG_LISTEN 10
#define EW_ARG_SCAN_SSID 0
#define EW_ARG_SCAN_BSSID 1
#define EW_ARG_SCAN_CH 2
#define EW_ARG_SCAN_HIDDEN 3
#define EW_ARG_SCAN_TYPE 4
#define EW_ARG_SCAN_MIN 5
#define EW_ARG_SCAN_MAX 6
#define EW_ARG_SCAN_PASSIVE 7
#define EW_ARG_SCAN_HOME 8
#define EW_ARG_SCAN_BITMAP 9
#define EW_ARG_SCAN_COEX 10
#define EW_ARG_SCAN_BLOCK 11
#define EW_ARG_AP_RECORDS_MAX 0
#define EW_ARG_COUNTRY_CC 0
#define EW_ARG_COUNTRY_IEEE80211D 1
#define EW_ARG_PROTOCOL_P 0
#define EW_ARG_BANDWIDTH_BW 0
#define EW_ARG_PS_MODE 0
#define EW_ARG_INACTIVE_TIME_SEC 0
#define EW_ARG_RSSI_THRESHOLD_RSSI 0
#define EW_ARG_STORAGE_S 0
#define EW_ARG_SOFTAP_CONFIG_SSID 0
#define EW_ARG_SOFTAP_CONFIG_PASS 1
#define EW_ARG_SOFTAP_CONFIG_CH 2
#define EW_ARG_SOFTAP_CONFIG_AUTH 3
#define EW_ARG_SOFTAP_CONFIG_MAX 4
#define EW_ARG_SOFTAP_CONFIG_HIDDEN 5
#define EW_ARG_SOFTAP_CONFIG_BEACON 6
#define EW_ARG_SOFTAP_CONFIG_PMF 7
#define EW_ARG_SOFTAP_CONFIG_PROBE 8
#define EW_ARG_SOFTAP_KICK_MAC 0
#define EW_ARG_SOFTAP_KICK_AID 1
#define EW_ARG_TX_POWER_POWER 0
#define EW_ARG_SOFTAP_DHCP_IP 0
#define EW_ARG_SOFTAP_DHCP_MASK 1
#define EW_ARG_SOFTAP_DHCP_START 2
#define EW_ARG_SOFTAP_DHCP_END 3
#define EW_ARG_SOFTAP_DHCP_LEASE 4

extern const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT];

/* Wire name of an error code ("WIFI_STATE", "BAD_ARG"), or NULL when the code is not in protocol.json. */
const char *ew_err_name(ew_err_t err);
/* Code of a wire error name (len bytes), or EW_OK when unknown. */
ew_err_t ew_err_from_name(const char *name, size_t len);
