/*
 * ew_port.h — the one interface between the portable espwifi core and the outside world.
 *
 * The core (framing, dispatch, station state, firmware-side rules) never includes an ESP-IDF or
 * FreeRTOS header. Everything it needs from a platform comes through an ew_port_t:
 *   - the ESP-IDF adapter (components/espwifi_idf) implements it with esp_wifi/esp_netif/UART;
 *   - the virtual board (sim/) implements it with a simulated Wi-Fi driver and a pseudo-terminal.
 *
 * Contract:
 *   - All calls into the core (ew_core_rx, ew_core_on_event, ew_core_boot) come from ONE task/thread.
 *     The ESP-IDF adapter funnels UART bytes and Wi-Fi/IP events through a queue to its bridge task.
 *   - Port Wi-Fi operations return ESP-IDF esp_err_t values (EW_OK, EW_ERR_WIFI_STATE, ...), exactly
 *     what the driver returned; the core names them on the wire.
 *   - Values crossing the port use protocol enums (ew_auth_t, ew_cipher_t, ...), never ESP-IDF enum
 *     numbers: those move between ESP-IDF versions and the adapter maps them at compile time.
 *   - write() is given one whole line per call; the adapter keeps the line contiguous on the wire.
 *   - Any op may be NULL: the core then replies NOT_SUPPORTED.
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

/* Called by scan_get_ap_records once per record, in driver order (strongest first). */
typedef void (*ew_ap_sink_t)(void *sink_ctx, const ew_ap_record_t *rec);

typedef struct ew_port {
    void *ctx;

    /* --- serial and system --- */
    void (*write)(void *ctx, const char *line, size_t len);        /* one whole line incl. '\n' */
    uint32_t (*now_ms)(void *ctx);
    void (*log)(void *ctx, ew_log_level_t level, const char *tag, const char *msg); /* ESP_LOGx-style */
    void (*get_device_info)(void *ctx, ew_device_info_t *info);
    void (*restart)(void *ctx);                                       /* does not return on hardware */
    /* optional (NULL: unknown): bytes of the calling task's stack never used since boot */
    int32_t (*stack_free)(void *ctx);

    /* --- the seed's phases (esp_netif/esp_event/esp_wifi) --- */
    ew_err_t (*init)(void *ctx);       /* esp_netif_init, esp_event_loop_create_default, default STA netif, esp_wifi_init */
    ew_err_t (*deinit)(void *ctx);
    ew_err_t (*set_mode)(void *ctx, ew_mode_t mode);
    ew_err_t (*get_mode)(void *ctx, ew_mode_t *mode); /* after init: what the driver restored from flash */
    ew_err_t (*set_config)(void *ctx, const ew_sta_config_t *cfg);
    ew_err_t (*get_config)(void *ctx, ew_sta_config_t *cfg);
    ew_err_t (*start)(void *ctx);
    ew_err_t (*stop)(void *ctx);
    ew_err_t (*connect)(void *ctx);
    ew_err_t (*disconnect)(void *ctx);

    /* --- scan --- */
    ew_err_t (*scan_start)(void *ctx, const ew_scan_config_t *cfg, bool block);
    ew_err_t (*scan_stop)(void *ctx);
    ew_err_t (*scan_get_ap_num)(void *ctx, uint16_t *number);
    /* esp_wifi_scan_get_ap_records(): fetches up to *number records, FREES the driver's whole list,
     * calls sink for each record, and sets *number to how many were delivered. */
    ew_err_t (*scan_get_ap_records)(void *ctx, uint16_t *number, ew_ap_sink_t sink, void *sink_ctx);
    ew_err_t (*clear_ap_list)(void *ctx);

    /* --- configuration and queries --- */
    ew_err_t (*set_country_code)(void *ctx, const char cc[3], bool ieee80211d);
    ew_err_t (*set_protocol)(void *ctx, ew_proto_flags_t proto);
    ew_err_t (*set_bandwidth)(void *ctx, ew_bw_t bw);
    ew_err_t (*set_ps)(void *ctx, ew_ps_t ps);
    ew_err_t (*set_inactive_time)(void *ctx, uint16_t sec);
    ew_err_t (*set_rssi_threshold)(void *ctx, int32_t rssi);
    ew_err_t (*set_storage)(void *ctx, ew_storage_t storage);
    ew_err_t (*get_mac)(void *ctx, uint8_t mac[6]);
    ew_err_t (*sta_get_ap_info)(void *ctx, ew_ap_record_t *rec);
    ew_err_t (*sta_get_rssi)(void *ctx, int32_t *rssi);
    ew_err_t (*get_ip_info)(void *ctx, ew_ip_info_t *ip);
    /* esp_netif_get/set_hostname on the STA netif (DHCP sends it from the next lease on). get
     * writes a NUL-terminated name of at most cap-1 bytes. */
    ew_err_t (*get_hostname)(void *ctx, char *out, size_t cap);
    ew_err_t (*set_hostname)(void *ctx, const char *name);

    /* --- SoftAP role (esp_wifi AP interface, the AP netif's DHCP server) --- */
    ew_err_t (*ap_set_config)(void *ctx, const ew_ap_config_t *cfg);
    ew_err_t (*ap_get_config)(void *ctx, ew_ap_config_t *cfg);
    /* esp_wifi_ap_get_sta_list + esp_wifi_ap_get_sta_aid: up to cap stations into out, *n = count */
    ew_err_t (*ap_get_sta_list)(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n);
    ew_err_t (*ap_get_sta_aid)(void *ctx, const uint8_t mac[6], uint16_t *aid);
    ew_err_t (*ap_deauth_sta)(void *ctx, uint16_t aid);              /* 0 = every station */
    ew_err_t (*set_max_tx_power)(void *ctx, int8_t quarter_dbm);
    ew_err_t (*get_max_tx_power)(void *ctx, int8_t *quarter_dbm);
    ew_err_t (*dhcps_get)(void *ctx, ew_dhcps_config_t *cfg);
    ew_err_t (*dhcps_set)(void *ctx, const ew_dhcps_config_t *cfg);
} ew_port_t;

#ifdef __cplusplus
}
#endif
