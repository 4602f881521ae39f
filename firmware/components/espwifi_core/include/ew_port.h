/*
 * ew_port.h — the one interface between the portable espwifi core and the outside world.
 *
 * The core (framing, dispatch, station state, firmware-side rules) never includes an ESP-IDF or
 * FreeRTOS header. Everything it needs from a platform comes through an ew_port_t, which holds
 * two const tables, filled with designated initializers where the port is written:
 *   - ew_sys_ops_t: system services (the serial line, a clock, logging, device facts, restart);
 *   - ew_wifi_ops_t: the Wi-Fi driver (esp_wifi / esp_netif), one op per driver call.
 * Implementations: the ESP-IDF adapter (components/espwifi_idf: UART/USB and esp_wifi), the
 * virtual board (sim/: a pseudo-terminal and a simulated driver) and the unit tests' fake
 * (test/fake_port.c: scripted results, a clock the tests set).
 *
 * Contract for every op of both tables:
 *   - Called only from the ONE task/thread that calls the core (ew_core_rx, ew_core_on_event,
 *     ew_core_boot, ew_core_poll); the ESP-IDF adapter funnels UART bytes and driver events
 *     through a queue to its bridge task. Ops never call back into the core: driver events
 *     are queued and delivered later through ew_core_on_event.
 *   - The first argument is the table's context pointer from ew_port_t (sys_ctx or wifi_ctx).
 *   - Pointer arguments are valid for the call only; an op copies what it keeps.
 *   - Wi-Fi ops return what the ESP-IDF call returned (EW_OK, EW_ERR_WIFI_NOT_INIT, ...), never
 *     a translation: the core names it on the wire. Each op below lists the results the core
 *     relies on; any other driver error is passed through as well.
 *   - Values crossing the port use protocol enums (ew_auth_t, ew_cipher_t, ...), never ESP-IDF
 *     enum numbers: those move between ESP-IDF versions and the adapter maps them at compile
 *     time. A value the platform cannot express is refused with EW_ERR_INVALID_ARG or
 *     EW_ERR_NOT_SUPPORTED.
 *   - Optional ops may be NULL: the core then answers NOT_SUPPORTED (Wi-Fi ops) or does without
 *     (system services, as noted per op). Only sys->write is required.
 *   - "Blocks" means the op may wait (for the driver, a flash write, the wire); no op waits for
 *     a driver event, except scan_start with block=true, which the core never uses (it runs a
 *     `scan block=1` as a non-blocking scan answered at SCAN_DONE).
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ew_protocol_gen.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EW_SSID_MAX 32
#define EW_PASSWORD_MAX 64

typedef struct {
    uint8_t ssid[EW_SSID_MAX];
    uint8_t ssid_len;              /* SSIDs are arbitrary bytes, not C strings */
    uint8_t bssid[6];
    uint8_t primary;               /* channel */
    ew_second_t second;
    int8_t rssi;
    ew_auth_t auth;
    ew_cipher_t pairwise;
    ew_cipher_t group;
    ew_phy_flags_t phy;            /* EW_PHY_B | EW_PHY_G | ... | EW_PHY_W (WPS) */
    ew_bw_t bw;
    char cc[3];                    /* country code, NUL-terminated, "" when unknown */
} ew_ap_record_t;

typedef struct {
    uint8_t ssid[EW_SSID_MAX];
    uint8_t ssid_len;
    uint8_t password[EW_PASSWORD_MAX];
    uint8_t password_len;
    bool bssid_set;
    uint8_t bssid[6];
    uint8_t channel;               /* 0 = unknown */
    ew_scan_method_t scan_method;
    ew_sort_method_t sort_method;
    int8_t rssi_threshold;         /* 0 = none */
    ew_auth_t auth_threshold;
    ew_pmf_t pmf;
    uint8_t failure_retry_cnt;
    uint16_t listen_interval;      /* 0 = driver default (3) */
} ew_sta_config_t;

typedef struct {
    uint8_t ssid[EW_SSID_MAX];
    uint8_t ssid_len;              /* 0 = any SSID */
    bool bssid_set;
    uint8_t bssid[6];
    uint8_t channel;               /* 0 = all channels */
    bool show_hidden;
    ew_scan_type_t scan_type;
    uint16_t active_min_ms;
    uint16_t active_max_ms;
    uint16_t passive_ms;
    uint8_t home_chan_dwell_ms;    /* 0 = driver default (30) */
    uint16_t channel_bitmap;       /* bit N = channel N; 0 = not used */
    bool coex_background;
} ew_scan_config_t;

typedef struct {
    uint8_t ip[4];                 /* a.b.c.d in wire order */
    uint8_t mask[4];
    uint8_t gw[4];
} ew_ip_info_t;

/* SoftAP settings (esp_wifi_set_config(WIFI_IF_AP)); the password never leaves the device. */
typedef struct {
    uint8_t ssid[EW_SSID_MAX];
    uint8_t ssid_len;
    uint8_t password[EW_PASSWORD_MAX];
    uint8_t password_len;
    uint8_t channel;
    ew_auth_t auth;
    uint8_t max_connection;
    bool hidden;
    uint16_t beacon_interval;      /* TU */
    ew_pmf_t pmf;                  /* required -> pmf_cfg.required */
    bool probe_events;             /* WIFI_EVENT_AP_PROBEREQRECVED unmasked */
} ew_ap_config_t;

/* One station associated with the SoftAP. */
typedef struct {
    uint8_t mac[6];
    uint16_t aid;
    int8_t rssi;
} ew_ap_sta_t;

/* The SoftAP netif's DHCP server. */
typedef struct {
    uint8_t ip[4];                 /* the AP's own address: the stations' gateway */
    uint8_t mask[4];
    uint8_t start[4], end[4];      /* address pool */
    uint16_t lease;                /* CONFIG_LWIP_DHCPS_LEASE_UNIT units (minutes by default) */
} ew_dhcps_config_t;

typedef struct {
    const char *fw_version;
    const char *idf_version;
    const char *chip;              /* "esp32c3", "esp32", ..., "virtual" */
    uint16_t chip_rev;             /* major*100 + minor */
    uint8_t mac[6];
    ew_reset_reason_t reset_reason;
} ew_device_info_t;

/* Events the port delivers to the core (from the driver's event loop, via the bridge task). */
typedef enum {
    EW_EV_STA_START,
    EW_EV_STA_STOP,
    EW_EV_CONNECTED,
    EW_EV_DISCONNECTED,
    EW_EV_SCAN_DONE,
    EW_EV_BEACON_TIMEOUT,
    EW_EV_RSSI_LOW,
    EW_EV_AUTHMODE_CHANGE,
    EW_EV_HOME_CHANNEL_CHANGE,
    EW_EV_GOT_IP,
    EW_EV_LOST_IP,
    /* SoftAP role (ew_cmd_softap.c) */
    EW_EV_AP_START,
    EW_EV_AP_STOP,
    EW_EV_AP_STACONNECTED,
    EW_EV_AP_STADISCONNECTED,
    EW_EV_AP_STAIPASSIGNED,
    EW_EV_AP_PROBEREQRECVED,
} ew_event_id_t;

typedef struct {
    ew_event_id_t id;
    union {
        struct { uint8_t ssid[EW_SSID_MAX]; uint8_t ssid_len; uint8_t bssid[6]; uint8_t channel; ew_auth_t auth; uint16_t aid; } connected;
        struct { uint8_t ssid[EW_SSID_MAX]; uint8_t ssid_len; uint8_t bssid[6]; uint8_t reason; int8_t rssi; } disconnected;
        struct { uint32_t status; uint8_t number; uint8_t scan_id; } scan_done;
        struct { int32_t rssi; } rssi_low;
        struct { ew_auth_t old_mode; ew_auth_t new_mode; } authmode_change;
        struct { uint8_t old_chan; ew_second_t old_second; uint8_t new_chan; ew_second_t new_second; } home_channel_change;
        struct { ew_ip_info_t ip_info; bool ip_changed; } got_ip;
        struct { uint8_t mac[6]; uint16_t aid; uint16_t reason; } ap_sta;   /* AP_STA(DIS)CONNECTED */
        struct { uint8_t mac[6]; uint8_t ip[4]; } ap_sta_ip;
        struct { uint8_t mac[6]; int32_t rssi; } ap_probe;
    } u;
} ew_event_t;

typedef enum { EW_LOG_ERROR = 1, EW_LOG_WARN, EW_LOG_INFO, EW_LOG_DEBUG, EW_LOG_VERBOSE } ew_log_level_t;

/* Called by scan_get_ap_records once per record, in driver order (strongest first); rec is
 * valid for the call only. */
typedef void (*ew_ap_sink_t)(void *sink_ctx, const ew_ap_record_t *rec);

/* ---- System services ---- */
typedef struct ew_sys_ops {
    /* REQUIRED. Sends one whole line (frame or Improv packet) including its '\n'. The port keeps
     * the line contiguous on the wire (a log line may not cut into it). Blocks until the bytes
     * are queued for the wire; never fails visibly (a line that cannot be sent is lost, as on a
     * disconnected UART). */
    void (*write)(void *ctx, const char *line, size_t len);
    /* Optional. Milliseconds since boot, monotonic, wrapping at 2^32. Does not block.
     * NULL: time-driven work is off (a blocking scan has no deadline; Improv has no stall
     * timeout). */
    uint32_t (*now_ms)(void *ctx);
    /* Optional. An ESP_LOGx-style line (level, tag, message without newline). May block on the
     * wire like write. NULL: the core's logs are dropped. */
    void (*log)(void *ctx, ew_log_level_t level, const char *tag, const char *msg);
    /* Optional. Fills *info (strings are static). Does not block. NULL: hello and Improv's
     * device info carry empty values. */
    void (*get_device_info)(void *ctx, ew_device_info_t *info);
    /* Optional. esp_restart(): called after the reply was written; does not return on
     * hardware (a host port may return and restart later). NULL: restart is NOT_SUPPORTED. */
    void (*restart)(void *ctx);
    /* Optional. Bytes of the calling task's stack never used since boot. Does not block.
     * NULL: status reports -1 (unknown). */
    int32_t (*stack_free)(void *ctx);
} ew_sys_ops_t;

/* ---- Wi-Fi driver: every op is optional (NULL -> the core replies NOT_SUPPORTED) ----
 * Results listed are the ones the core and host rely on; EW_ERR_WIFI_NOT_INIT is possible from
 * every op but init (before init, or after deinit). */
typedef struct ew_wifi_ops {
    /* --- the Station Scenarios' phases (esp_netif / esp_event / esp_wifi) --- */
    /* esp_netif_init, esp_event_loop_create_default, the default STA (and AP) netif, event
     * handlers, esp_wifi_init. Blocks (allocations, NVS). EW_OK; EW_ERR_INVALID_STATE when
     * already initialised; EW_ERR_NO_MEM. Leaves nothing behind when it fails. */
    ew_err_t (*init)(void *ctx);
    /* esp_wifi_deinit and the netif/handlers init created. Blocks. EW_OK;
     * EW_ERR_WIFI_NOT_STOPPED while started. */
    ew_err_t (*deinit)(void *ctx);
    /* esp_wifi_set_mode. Blocks (NVS when storage=flash). EW_OK; EW_ERR_INVALID_ARG. */
    ew_err_t (*set_mode)(void *ctx, ew_mode_t mode);
    /* esp_wifi_get_mode: after init, what the driver restored from flash. Does not block. */
    ew_err_t (*get_mode)(void *ctx, ew_mode_t *mode);
    /* esp_wifi_set_config(WIFI_IF_STA). Blocks (NVS). EW_OK; EW_ERR_WIFI_STATE while
     * connecting (v5.1+); EW_ERR_WIFI_MODE; EW_ERR_WIFI_PASSWORD; EW_ERR_INVALID_ARG. */
    ew_err_t (*set_config)(void *ctx, const ew_sta_config_t *cfg);
    /* esp_wifi_get_config(WIFI_IF_STA): fills *cfg, password included (the core never sends it
     * on the wire). Does not block. */
    ew_err_t (*get_config)(void *ctx, ew_sta_config_t *cfg);
    /* esp_wifi_start. Blocks until the driver runs; STA_START follows as an event. EW_OK;
     * EW_ERR_NO_MEM; EW_ERR_WIFI_CONN. */
    ew_err_t (*start)(void *ctx);
    /* esp_wifi_stop. Blocks; STA_STOP (and a DISCONNECTED when connected) follow as events. */
    ew_err_t (*stop)(void *ctx);
    /* esp_wifi_connect. Does not wait for the outcome: CONNECTED or DISCONNECTED follows.
     * EW_OK; EW_ERR_WIFI_NOT_STARTED; EW_ERR_WIFI_MODE; EW_ERR_WIFI_CONN; EW_ERR_WIFI_SSID. */
    ew_err_t (*connect)(void *ctx);
    /* esp_wifi_disconnect. Does not wait: DISCONNECTED (reason 8) follows when connected.
     * EW_OK; EW_ERR_WIFI_NOT_STARTED. */
    ew_err_t (*disconnect)(void *ctx);

    /* --- scan --- */
    /* esp_wifi_scan_start. block=false returns at once and SCAN_DONE follows; block=true waits
     * for the end of the scan (the core does not use it). EW_OK; EW_ERR_WIFI_NOT_STARTED;
     * EW_ERR_WIFI_STATE (connecting, or a scan runs); EW_ERR_INVALID_ARG; EW_ERR_WIFI_TIMEOUT
     * (block=true only). */
    ew_err_t (*scan_start)(void *ctx, const ew_scan_config_t *cfg, bool block);
    /* esp_wifi_scan_stop: a running scan ends with SCAN_DONE status=1. Does not wait for it. */
    ew_err_t (*scan_stop)(void *ctx);
    /* esp_wifi_scan_get_ap_num: records held since the last SCAN_DONE. Does not block. */
    ew_err_t (*scan_get_ap_num)(void *ctx, uint16_t *number);
    /* esp_wifi_scan_get_ap_records: fetches up to *number records, FREES the driver's whole
     * list, calls sink for each record in driver order (strongest first), and sets *number to
     * how many were delivered. Does not block. EW_OK; EW_ERR_NO_MEM. */
    ew_err_t (*scan_get_ap_records)(void *ctx, uint16_t *number, ew_ap_sink_t sink, void *sink_ctx);
    /* esp_wifi_clear_ap_list: frees records nobody fetched. Does not block. */
    ew_err_t (*clear_ap_list)(void *ctx);

    /* --- configuration and queries --- */
    /* esp_wifi_set_country_code. Blocks (NVS). EW_OK; EW_ERR_INVALID_ARG (unknown code). */
    ew_err_t (*set_country_code)(void *ctx, const char cc[3], bool ieee80211d);
    /* esp_wifi_set_protocol / set_bandwidth (STA): EW_OK; EW_ERR_INVALID_ARG. A connected
     * station reconnects (DISCONNECTED, then CONNECTED). */
    ew_err_t (*set_protocol)(void *ctx, ew_proto_flags_t proto);
    ew_err_t (*set_bandwidth)(void *ctx, ew_bw_t bw);
    /* esp_wifi_set_ps. Does not block. EW_OK; EW_ERR_INVALID_ARG. */
    ew_err_t (*set_ps)(void *ctx, ew_ps_t ps);
    /* esp_wifi_set_inactive_time(WIFI_IF_STA): seconds without beacons before the station
     * gives up. EW_OK; EW_ERR_INVALID_ARG (below 3 s). */
    ew_err_t (*set_inactive_time)(void *ctx, uint16_t sec);
    /* esp_wifi_set_rssi_threshold: one RSSI_LOW event when the signal falls below it. */
    ew_err_t (*set_rssi_threshold)(void *ctx, int32_t rssi);
    /* esp_wifi_set_storage. Does not block. */
    ew_err_t (*set_storage)(void *ctx, ew_storage_t storage);
    /* esp_wifi_get_mac(WIFI_IF_STA). Does not block. */
    ew_err_t (*get_mac)(void *ctx, uint8_t mac[6]);
    /* esp_wifi_sta_get_ap_info: the AP the station is connected to. EW_OK;
     * EW_ERR_WIFI_NOT_CONNECT. Does not block. */
    ew_err_t (*sta_get_ap_info)(void *ctx, ew_ap_record_t *rec);
    /* esp_wifi_sta_get_rssi (5.2+). EW_OK; EW_ERR_WIFI_NOT_CONNECT. Does not block. */
    ew_err_t (*sta_get_rssi)(void *ctx, int32_t *rssi);
    /* esp_netif_get_ip_info on the STA netif (zeros without a lease). Does not block. */
    ew_err_t (*get_ip_info)(void *ctx, ew_ip_info_t *ip);
    /* esp_netif_get/set_hostname on the STA netif (DHCP sends it from the next lease on). get
     * writes a NUL-terminated name of at most cap-1 bytes. Do not block. EW_OK;
     * EW_ERR_ESP_NETIF_INVALID_PARAMS (too long). */
    ew_err_t (*get_hostname)(void *ctx, char *out, size_t cap);
    ew_err_t (*set_hostname)(void *ctx, const char *name);

    /* --- SoftAP role (esp_wifi AP interface, the AP netif's DHCP server) --- */
    /* esp_wifi_set_config / get_config(WIFI_IF_AP). set blocks (NVS). EW_OK; EW_ERR_WIFI_MODE
     * (no AP mode); EW_ERR_WIFI_PASSWORD; EW_ERR_INVALID_ARG. get fills *cfg, password
     * included (never sent on the wire). */
    ew_err_t (*ap_set_config)(void *ctx, const ew_ap_config_t *cfg);
    ew_err_t (*ap_get_config)(void *ctx, ew_ap_config_t *cfg);
    /* esp_wifi_ap_get_sta_list + esp_wifi_ap_get_sta_aid: up to cap stations into out,
     * *n = count. Does not block. EW_OK; EW_ERR_WIFI_MODE. */
    ew_err_t (*ap_get_sta_list)(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n);
    /* esp_wifi_ap_get_sta_aid. EW_OK; EW_ERR_NOT_FOUND (no such station). */
    ew_err_t (*ap_get_sta_aid)(void *ctx, const uint8_t mac[6], uint16_t *aid);
    /* esp_wifi_deauth_sta: aid 0 = every station; AP_STADISCONNECTED follows per station. */
    ew_err_t (*ap_deauth_sta)(void *ctx, uint16_t aid);
    /* esp_wifi_set/get_max_tx_power in 0.25 dBm units (set rounds to what the PHY can).
     * EW_OK; EW_ERR_WIFI_NOT_STARTED; EW_ERR_INVALID_ARG. */
    ew_err_t (*set_max_tx_power)(void *ctx, int8_t quarter_dbm);
    ew_err_t (*get_max_tx_power)(void *ctx, int8_t *quarter_dbm);
    /* The AP netif's DHCP server (esp_netif_dhcps_*, esp_netif_set_ip_info). Blocks. EW_OK or
     * the esp_netif error (EW_ERR_ESP_NETIF_*). */
    ew_err_t (*dhcps_get)(void *ctx, ew_dhcps_config_t *cfg);
    ew_err_t (*dhcps_set)(void *ctx, const ew_dhcps_config_t *cfg);
} ew_wifi_ops_t;

/* What ew_core_init takes; it must outlive the core (the core keeps the pointer). Both tables
 * are usually `static const` with designated initializers; a port that needs none of its
 * context passes NULL. */
typedef struct ew_port {
    const ew_sys_ops_t *sys;       /* required, with sys->write */
    void *sys_ctx;                 /* first argument of every sys op */
    const ew_wifi_ops_t *wifi;     /* required (a table of NULLs is a port without Wi-Fi) */
    void *wifi_ctx;                /* first argument of every wifi op */
} ew_port_t;

#ifdef __cplusplus
}
#endif
