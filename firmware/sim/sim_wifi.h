/*
 * sim_wifi.h — the simulated esp_wifi station driver's modules and what they tell each other.
 * Private to the driver (sim.h is the board's view of it):
 *   sim_wifi.c     the port's Wi-Fi ops (ew_wifi_ops_t), driver settings and NVS, event queue
 *   sim_scan.c     scans: channel dwell, foreground/background, the driver's record list
 *   sim_connect.c  connect: internal scan result -> auth -> assoc -> 4-way handshake -> DHCP,
 *                  with the Station Scenarios' reason code for each failure; leaving the AP
 *   sim_beacon.c   beacon loss: inactive time, BEACON_TIMEOUT, probes, then reason 200
 * Each module keeps its own state; the others reach it only through these functions.
 */
#pragma once
#include "sim.h"

typedef struct { sim_ap_t *ap; int rssi; } seen_t;   /* an AP heard by a scan, at this RSSI */
int seen_cmp_rssi(const void *a, const void *b);   /* qsort: strongest first, then BSSID */

/* ---- sim_wifi.c: settings the other modules read ---- */
const ew_sta_config_t *drv_sta_config(void);
int drv_channels(void);                /* channels the country allows (11, 13 or 14) */
uint16_t drv_inactive_s(void);         /* esp_wifi_set_inactive_time */
void drv_post_id(ew_event_id_t id);    /* an event without payload (wifi_post for the others) */
void fmt_mac(const uint8_t m[6], char out[18]);
bool ssid_eq(const uint8_t *a, size_t al, const uint8_t *b, size_t bl);

/* ---- sim_scan.c ---- */
ew_err_t scan_user_start(const ew_scan_config_t *cfg, bool block); /* esp_wifi_scan_start */
void scan_user_stop(void);             /* esp_wifi_scan_stop, a user scan only; SCAN_DONE status=1 */
void scan_abort(void);                 /* a running scan ends now (SCAN_DONE status=1 for a user scan) */
bool scan_running(void);
bool scan_blocking(void);
uint16_t scan_held_records(void);      /* esp_wifi_scan_get_ap_num */
uint16_t scan_take_records(uint16_t max, ew_ap_sink_t sink, void *sink_ctx); /* frees the list */
void scan_clear_records(void);         /* esp_wifi_clear_ap_list */
void scan_free_records(void);          /* deinit: the list goes, not counted as cleared */
/* connect's own scan for cfg's SSID/BSSID, channel hint first; conn_after_scan gets the result */
void scan_for_connect(const ew_sta_config_t *cfg);
void scan_cancel_connect(void);        /* the connect gave up: its scan stops silently */
void scan_record_of(const sim_ap_t *ap, int rssi, const ew_scan_config_t *c, ew_ap_record_t *r);
void scan_reset(void);                 /* board reset: statistics survive */
typedef struct {
    bool scanning;
    uint8_t scan_id;
    uint32_t scans_run, scan_done_events;
    uint64_t last_scan_ms;
    int last_scan_channels;
    uint16_t held_records;
    uint32_t leaked_records, leaked_scans, cleared_lists, fetched_lists;
} scan_diag_t;
void scan_diag(scan_diag_t *d);

/* ---- sim_connect.c ---- */
void conn_start(void);                 /* esp_wifi_connect: scan, then the phases */
bool conn_connecting(void);            /* between connect and CONNECTED/DISCONNECTED */
bool conn_idle(void);
const sim_ap_t *conn_connected_ap(void); /* NULL unless connected */
void conn_drop(uint8_t reason);        /* leave (or stop connecting) on the station's decision */
void conn_reconnect(void);             /* protocol/bandwidth change: leave and join again */
void conn_after_scan(const seen_t *seen, int n);  /* the connect's scan finished */
/* the first reason the station's configuration rejects this AP for at the scan (0: none) */
uint8_t conn_reject_reason(const sim_ap_t *ap, int rssi);
void conn_set_rssi_threshold(int32_t rssi); /* arms RSSI_LOW once */
void conn_rssi_recheck(void);          /* the AP's signal changed */
void conn_netif_down(void);            /* esp_wifi_stop: the STA netif loses its address */
bool conn_ip_info(ew_ip_info_t *ip);   /* false: no address */
uint16_t conn_aid(void);
void conn_reset(void);                 /* board reset: statistics survive */
typedef struct {
    const char *state;
    uint32_t connect_calls, connects_ok, disconnects;
    bool have_ip, lost_ip_armed;
    uint64_t lost_ip_due;              /* virtual time, 0 when not armed */
} conn_diag_t;
void conn_diag(conn_diag_t *d);

/* ---- sim_beacon.c ---- */
void bcn_link_up(void);                /* connected: beacons arrive */
void bcn_stop(void);                   /* left the AP */
void bcn_scan_done(void);              /* a scan restarts a running beacon-loss timer */
void bcn_reset(void);                  /* board reset: statistics survive */
void bcn_diag(uint32_t *beacon_timeouts, uint32_t *probes_sent);
