/*
 * The port's Wi-Fi operations: each one is a direct esp_wifi/esp_netif call with protocol values
 * mapped to ESP-IDF values. The driver's esp_err_t goes back unchanged (the core names it on the
 * wire), so the adapter holds no rules of its own; the core decides what is allowed when.
 * Runs in the bridge task only, except the event handlers (default event loop task), which only
 * convert and queue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "esp_event.h"
#include "esp_log.h"
#include "esp_netif.h"
#include "esp_wifi.h"
#include "ew_idf_priv.h"

static const char *TAG = "ew_wifi";

static esp_netif_t *s_sta_netif;
static esp_event_handler_instance_t s_wifi_handler;
static esp_event_handler_instance_t s_ip_handler;

/* --- events: default event loop task -> bridge task --- */

static void copy_ssid(uint8_t dst[EW_SSID_MAX], uint8_t *dst_len, const uint8_t *src, size_t src_len)
{
    size_t n = src_len > EW_SSID_MAX ? EW_SSID_MAX : src_len;
    memcpy(dst, src, n);
    *dst_len = (uint8_t)n;
}

static void on_wifi_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    ew_event_t ev;
    memset(&ev, 0, sizeof(ev));
    switch (id) {
    case WIFI_EVENT_STA_START:
        ev.id = EW_EV_STA_START;
        break;
    case WIFI_EVENT_STA_STOP:
        ev.id = EW_EV_STA_STOP;
        break;
    case WIFI_EVENT_STA_CONNECTED: {
        const wifi_event_sta_connected_t *e = data;
        ev.id = EW_EV_CONNECTED;
        copy_ssid(ev.u.connected.ssid, &ev.u.connected.ssid_len, e->ssid, e->ssid_len);
        memcpy(ev.u.connected.bssid, e->bssid, 6);
        ev.u.connected.channel = e->channel;
        ev.u.connected.auth = ew_idf_auth_from(e->authmode);
#if EW_IDF_AT_LEAST(5, 1, 0)
        ev.u.connected.aid = e->aid;
#endif
        break;
    }
    case WIFI_EVENT_STA_DISCONNECTED: {
        const wifi_event_sta_disconnected_t *e = data;
        ev.id = EW_EV_DISCONNECTED;
        copy_ssid(ev.u.disconnected.ssid, &ev.u.disconnected.ssid_len, e->ssid, e->ssid_len);
        memcpy(ev.u.disconnected.bssid, e->bssid, 6);
        ev.u.disconnected.reason = e->reason;
#if EW_IDF_HAS_DISCONNECT_RSSI
        ev.u.disconnected.rssi = e->rssi;
#endif
        break;
    }
    case WIFI_EVENT_SCAN_DONE: {
        const wifi_event_sta_scan_done_t *e = data;
        ev.id = EW_EV_SCAN_DONE;
        ev.u.scan_done.status = e->status;
        ev.u.scan_done.number = e->number;
        ev.u.scan_done.scan_id = e->scan_id;
        break;
    }
    case WIFI_EVENT_STA_BEACON_TIMEOUT:
        ev.id = EW_EV_BEACON_TIMEOUT;
        break;
    case WIFI_EVENT_STA_BSS_RSSI_LOW: {
        const wifi_event_bss_rssi_low_t *e = data;
        ev.id = EW_EV_RSSI_LOW;
        ev.u.rssi_low.rssi = e->rssi;
        break;
    }
    case WIFI_EVENT_STA_AUTHMODE_CHANGE: {
        const wifi_event_sta_authmode_change_t *e = data;
        ev.id = EW_EV_AUTHMODE_CHANGE;
        ev.u.authmode_change.old_mode = ew_idf_auth_from(e->old_mode);
        ev.u.authmode_change.new_mode = ew_idf_auth_from(e->new_mode);
        break;
    }
#if EW_IDF_HAS_HOME_CHANNEL
    case WIFI_EVENT_HOME_CHANNEL_CHANGE: {
        const wifi_event_home_channel_change_t *e = data;
        ev.id = EW_EV_HOME_CHANNEL_CHANGE;
        ev.u.home_channel_change.old_chan = e->old_chan;
        ev.u.home_channel_change.old_second = ew_idf_second_from(e->old_snd);
        ev.u.home_channel_change.new_chan = e->new_chan;
        ev.u.home_channel_change.new_second = ew_idf_second_from(e->new_snd);
        break;
    }
#endif
    default:
        return; /* AP-side, WPS, FTM, ... events are not part of the protocol */
    }
    ew_idf_bridge_post_event(&ev);
}

static void on_ip_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    ew_event_t ev;
    memset(&ev, 0, sizeof(ev));
    if (id == IP_EVENT_STA_GOT_IP) {
        const ip_event_got_ip_t *e = data;
        ev.id = EW_EV_GOT_IP;
        const esp_netif_ip_info_t *ip = &e->ip_info;
        const uint8_t *a = (const uint8_t *)&ip->ip.addr; /* network order: a.b.c.d in memory */
        const uint8_t *m = (const uint8_t *)&ip->netmask.addr;
        const uint8_t *g = (const uint8_t *)&ip->gw.addr;
        memcpy(ev.u.got_ip.ip_info.ip, a, 4);
        memcpy(ev.u.got_ip.ip_info.mask, m, 4);
        memcpy(ev.u.got_ip.ip_info.gw, g, 4);
        ev.u.got_ip.ip_changed = e->ip_changed;
    } else if (id == IP_EVENT_STA_LOST_IP) {
        ev.id = EW_EV_LOST_IP;
    } else {
        return;
    }
    ew_idf_bridge_post_event(&ev);
}

/* --- the seed's phases --- */

static bool s_netif_ready;

static ew_err_t op_init(void *ctx)
{
    if (s_sta_netif != NULL) {
        /* The core refuses a second init before it gets here; answer as esp_wifi_init does on v6
         * (v5.x answered OK). */
        return ESP_ERR_INVALID_STATE;
    }
    /* The TCP/IP stack and the default loop live for the whole boot (esp_netif cannot be
     * deinitialised), so they are brought up once and reused by every later init. */
    if (!s_netif_ready) {
        esp_err_t err = esp_netif_init();
        if (err != ESP_OK) {
            return err;
        }
        err = esp_event_loop_create_default();
        if (err != ESP_OK && err != ESP_ERR_INVALID_STATE) { /* INVALID_STATE: already exists */
            return err;
        }
        s_netif_ready = true;
    }
    s_sta_netif = esp_netif_create_default_wifi_sta(); /* asserts (aborts) rather than return NULL */
    esp_err_t err = esp_event_handler_instance_register(WIFI_EVENT, ESP_EVENT_ANY_ID, on_wifi_event,
                                                        NULL, &s_wifi_handler);
    if (err == ESP_OK) {
        err = esp_event_handler_instance_register(IP_EVENT, ESP_EVENT_ANY_ID, on_ip_event, NULL,
                                                  &s_ip_handler);
    }
    if (err == ESP_OK) {
        wifi_init_config_t cfg = WIFI_INIT_CONFIG_DEFAULT();
        err = esp_wifi_init(&cfg);
    }
    if (err == ESP_OK) {
        err = ew_idf_softap_init();
        if (err != ESP_OK) {
            ew_idf_softap_deinit();
            esp_wifi_deinit();
        }
    }
    if (err != ESP_OK) {
        /* leave nothing behind, so the host can simply retry init */
        if (s_ip_handler != NULL) {
            esp_event_handler_instance_unregister(IP_EVENT, ESP_EVENT_ANY_ID, s_ip_handler);
            s_ip_handler = NULL;
        }
        if (s_wifi_handler != NULL) {
            esp_event_handler_instance_unregister(WIFI_EVENT, ESP_EVENT_ANY_ID, s_wifi_handler);
            s_wifi_handler = NULL;
        }
        esp_netif_destroy_default_wifi(s_sta_netif);
        s_sta_netif = NULL;
        ESP_LOGW(TAG, "init failed: %s", esp_err_to_name(err));
    }
    return err;
}

static ew_err_t op_deinit(void *ctx)
{
    esp_err_t err = esp_wifi_deinit();
    if (err != ESP_OK) {
        return err; /* e.g. still started: the station keeps running, nothing torn down */
    }
    ew_idf_softap_deinit();
    if (s_wifi_handler != NULL) {
        esp_event_handler_instance_unregister(WIFI_EVENT, ESP_EVENT_ANY_ID, s_wifi_handler);
        s_wifi_handler = NULL;
    }
    if (s_ip_handler != NULL) {
        esp_event_handler_instance_unregister(IP_EVENT, ESP_EVENT_ANY_ID, s_ip_handler);
        s_ip_handler = NULL;
    }
    if (s_sta_netif != NULL) {
        esp_netif_destroy_default_wifi(s_sta_netif);
        s_sta_netif = NULL;
    }
    return ESP_OK;
}

static ew_err_t op_set_mode(void *ctx, ew_mode_t mode)
{
    wifi_mode_t m;
    if (!ew_idf_mode_to(mode, &m)) {
        return ESP_ERR_INVALID_ARG;
    }
    return esp_wifi_set_mode(m);
}

static ew_err_t op_get_mode(void *ctx, ew_mode_t *mode)
{
    wifi_mode_t m;
    esp_err_t err = esp_wifi_get_mode(&m);
    if (err != ESP_OK) {
        return err;
    }
    return ew_idf_mode_from(m, mode) ? ESP_OK : ESP_ERR_NOT_SUPPORTED; /* e.g. NAN: not ours to name */
}

static void pmf_to(ew_pmf_t pmf, wifi_pmf_config_t *out)
{
    /* 'capable' is advertised by default on recent ESP-IDF whatever the flag says; off is kept
     * for older releases where the flag still mattered. */
    out->capable = pmf != EW_PMF_OFF;
    out->required = pmf == EW_PMF_REQUIRED;
}

static ew_err_t op_set_config(void *ctx, const ew_sta_config_t *c)
{
    wifi_config_t wc;
    memset(&wc, 0, sizeof(wc));
    wifi_sta_config_t *s = &wc.sta;
    if (c->ssid_len > sizeof(s->ssid) || c->password_len > sizeof(s->password)) {
        return ESP_ERR_INVALID_ARG;
    }
    /* esp_wifi reads both as NUL-terminated unless they fill the whole array. */
    memcpy(s->ssid, c->ssid, c->ssid_len);
    memcpy(s->password, c->password, c->password_len);
    s->bssid_set = c->bssid_set;
    if (c->bssid_set) {
        memcpy(s->bssid, c->bssid, sizeof(s->bssid));
    }
    s->channel = c->channel;
    s->scan_method = c->scan_method == EW_SCAN_METHOD_ALL ? WIFI_ALL_CHANNEL_SCAN : WIFI_FAST_SCAN;
    s->sort_method = c->sort_method == EW_SORT_METHOD_SECURITY ? WIFI_CONNECT_AP_BY_SECURITY
                                                               : WIFI_CONNECT_AP_BY_SIGNAL;
    s->threshold.rssi = c->rssi_threshold;
    if (!ew_idf_auth_to(c->auth_threshold, &s->threshold.authmode)) {
        return ESP_ERR_INVALID_ARG;
    }
    pmf_to(c->pmf, &s->pmf_cfg);
    /* WPA3-SAE: hunting-and-pecking and hash-to-element both, as ESP-IDF's examples set it (0,
     * what a zeroed config leaves, is hunting-and-pecking only and fails with H2E-only APs). */
    s->sae_pwe_h2e = WPA3_SAE_PWE_BOTH;
    s->failure_retry_cnt = c->failure_retry_cnt;
    s->listen_interval = c->listen_interval;
    esp_err_t err = esp_wifi_set_config(WIFI_IF_STA, &wc);
    memset(&wc, 0, sizeof(wc)); /* the password does not linger on the stack */
    return err;
}

static ew_err_t op_get_config(void *ctx, ew_sta_config_t *c)
{
    wifi_config_t wc;
    esp_err_t err = esp_wifi_get_config(WIFI_IF_STA, &wc);
    if (err != ESP_OK) {
        return err;
    }
    const wifi_sta_config_t *s = &wc.sta;
    memset(c, 0, sizeof(*c));
    size_t n = strnlen((const char *)s->ssid, sizeof(s->ssid));
    memcpy(c->ssid, s->ssid, n);
    c->ssid_len = (uint8_t)n;
    n = strnlen((const char *)s->password, sizeof(s->password));
    memcpy(c->password, s->password, n);
    c->password_len = (uint8_t)n;
    c->bssid_set = s->bssid_set;
    memcpy(c->bssid, s->bssid, sizeof(c->bssid));
    c->channel = s->channel;
    c->scan_method = s->scan_method == WIFI_ALL_CHANNEL_SCAN ? EW_SCAN_METHOD_ALL : EW_SCAN_METHOD_FAST;
    c->sort_method = s->sort_method == WIFI_CONNECT_AP_BY_SECURITY ? EW_SORT_METHOD_SECURITY
                                                                   : EW_SORT_METHOD_SIGNAL;
    c->rssi_threshold = s->threshold.rssi;
    c->auth_threshold = ew_idf_auth_from(s->threshold.authmode);
    c->pmf = s->pmf_cfg.required ? EW_PMF_REQUIRED : s->pmf_cfg.capable ? EW_PMF_CAPABLE : EW_PMF_OFF;
    c->failure_retry_cnt = s->failure_retry_cnt;
    c->listen_interval = s->listen_interval;
    memset(&wc, 0, sizeof(wc));
    return ESP_OK;
}

static ew_err_t op_start(void *ctx) { return esp_wifi_start(); }
static ew_err_t op_stop(void *ctx) { return esp_wifi_stop(); }
static ew_err_t op_connect(void *ctx) { return esp_wifi_connect(); }
static ew_err_t op_disconnect(void *ctx) { return esp_wifi_disconnect(); }

/* --- scan --- */

static ew_err_t op_scan_start(void *ctx, const ew_scan_config_t *c, bool block)
{
    wifi_scan_config_t sc;
    memset(&sc, 0, sizeof(sc));
    uint8_t ssid[EW_SSID_MAX + 1]; /* esp_wifi wants a C string here */
    uint8_t bssid[6];
    if (c->ssid_len > 0) {
        if (c->ssid_len > EW_SSID_MAX) {
            return ESP_ERR_INVALID_ARG;
        }
        memcpy(ssid, c->ssid, c->ssid_len);
        ssid[c->ssid_len] = '\0';
        sc.ssid = ssid;
    }
    if (c->bssid_set) {
        memcpy(bssid, c->bssid, sizeof(bssid));
        sc.bssid = bssid;
    }
    sc.channel = c->channel;
    sc.show_hidden = c->show_hidden;
    sc.scan_type = c->scan_type == EW_SCAN_TYPE_PASSIVE ? WIFI_SCAN_TYPE_PASSIVE : WIFI_SCAN_TYPE_ACTIVE;
    sc.scan_time.active.min = c->active_min_ms;
    sc.scan_time.active.max = c->active_max_ms;
    sc.scan_time.passive = c->passive_ms;
#if EW_IDF_HAS_HOME_CHANNEL
#ifdef WIFI_SCAN_HOME_CHANNEL_DWELL_DEFAULT_TIME
    sc.home_chan_dwell_time = c->home_chan_dwell_ms ? c->home_chan_dwell_ms : WIFI_SCAN_HOME_CHANNEL_DWELL_DEFAULT_TIME;
#else
    sc.home_chan_dwell_time = c->home_chan_dwell_ms ? c->home_chan_dwell_ms : 30;
#endif
#endif
#if EW_IDF_HAS_CHANNEL_BITMAP
    sc.channel_bitmap.ghz_2_channels = c->channel_bitmap; /* same layout: bit N = channel N */
#else
    if (c->channel_bitmap != 0) {
        return ESP_ERR_NOT_SUPPORTED;
    }
#endif
#if EW_IDF_HAS_COEX_BG_SCAN
    sc.coex_background_scan = c->coex_background;
#else
    if (c->coex_background) {
        return ESP_ERR_NOT_SUPPORTED;
    }
#endif
    return esp_wifi_scan_start(&sc, block);
}

static ew_err_t op_scan_stop(void *ctx) { return esp_wifi_scan_stop(); }

static ew_err_t op_scan_get_ap_num(void *ctx, uint16_t *number)
{
    return esp_wifi_scan_get_ap_num(number);
}

static ew_err_t op_scan_get_ap_records(void *ctx, uint16_t *number, ew_ap_sink_t sink, void *sink_ctx)
{
    uint16_t want = *number;
    uint16_t held = 0;
    /* size the buffer by what the driver holds, not by the caller's maximum (64 records would
     * be ~6 KB of heap for what is often a handful of APs) */
    if (want > 0 && esp_wifi_scan_get_ap_num(&held) == ESP_OK && held < want) {
        want = held;
    }
    if (want == 0) {
        /* nothing to deliver, but the contract is that the driver's list is freed */
        esp_err_t err = esp_wifi_clear_ap_list();
        *number = 0;
        return err;
    }
    wifi_ap_record_t *recs = calloc(want, sizeof(*recs));
    if (recs == NULL) {
        /* the driver's list is left in place: the core clears it before the next scan */
        return ESP_ERR_NO_MEM;
    }
    uint16_t got = want;
    esp_err_t err = esp_wifi_scan_get_ap_records(&got, recs);
    if (err == ESP_OK) {
        ew_ap_record_t rec;
        for (uint16_t i = 0; i < got; i++) {
            ew_idf_ap_record_from(&recs[i], &rec);
            sink(sink_ctx, &rec);
        }
        *number = got;
    } else {
        *number = 0;
    }
    free(recs);
    return err;
}

static ew_err_t op_clear_ap_list(void *ctx) { return esp_wifi_clear_ap_list(); }

/* --- configuration and queries --- */

static ew_err_t op_set_country_code(void *ctx, const char cc[3], bool ieee80211d)
{
    char code[3] = { cc[0], cc[1], '\0' };
    return esp_wifi_set_country_code(code, ieee80211d);
}

static ew_err_t op_set_protocol(void *ctx, ew_proto_flags_t proto)
{
    uint8_t bits;
    if (!ew_idf_proto_to(proto, &bits)) {
        return ESP_ERR_NOT_SUPPORTED; /* e.g. 11a/11ac on an ESP-IDF without 5 GHz support */
    }
    return esp_wifi_set_protocol(WIFI_IF_STA, bits);
}

static ew_err_t op_set_bandwidth(void *ctx, ew_bw_t bw)
{
    wifi_bandwidth_t b;
    if (!ew_idf_bw_to(bw, &b)) {
        return ESP_ERR_NOT_SUPPORTED;
    }
    return esp_wifi_set_bandwidth(WIFI_IF_STA, b);
}

static ew_err_t op_set_ps(void *ctx, ew_ps_t ps)
{
    wifi_ps_type_t t;
    if (!ew_idf_ps_to(ps, &t)) {
        return ESP_ERR_INVALID_ARG;
    }
    return esp_wifi_set_ps(t);
}

static ew_err_t op_set_inactive_time(void *ctx, uint16_t sec)
{
    return esp_wifi_set_inactive_time(WIFI_IF_STA, sec);
}

static ew_err_t op_set_rssi_threshold(void *ctx, int32_t rssi)
{
    return esp_wifi_set_rssi_threshold(rssi);
}

static ew_err_t op_set_storage(void *ctx, ew_storage_t storage)
{
    return esp_wifi_set_storage(storage == EW_STORAGE_RAM ? WIFI_STORAGE_RAM : WIFI_STORAGE_FLASH);
}

static ew_err_t op_get_mac(void *ctx, uint8_t mac[6])
{
    return esp_wifi_get_mac(WIFI_IF_STA, mac);
}

static ew_err_t op_sta_get_ap_info(void *ctx, ew_ap_record_t *rec)
{
    wifi_ap_record_t ap;
    esp_err_t err = esp_wifi_sta_get_ap_info(&ap);
    if (err == ESP_OK) {
        ew_idf_ap_record_from(&ap, rec);
    }
    return err;
}

static ew_err_t op_sta_get_rssi(void *ctx, int32_t *rssi)
{
#if EW_IDF_HAS_STA_GET_RSSI
    int v = 0;
    esp_err_t err = esp_wifi_sta_get_rssi(&v);
    *rssi = v;
    return err;
#else
    wifi_ap_record_t ap; /* older ESP-IDF: the AP info carries the last beacon's RSSI */
    esp_err_t err = esp_wifi_sta_get_ap_info(&ap);
    *rssi = err == ESP_OK ? ap.rssi : 0;
    return err;
#endif
}

static ew_err_t op_get_ip_info(void *ctx, ew_ip_info_t *out)
{
    if (s_sta_netif == NULL) {
        return ESP_ERR_WIFI_NOT_INIT;
    }
    esp_netif_ip_info_t ip;
    esp_err_t err = esp_netif_get_ip_info(s_sta_netif, &ip);
    if (err == ESP_OK) {
        memcpy(out->ip, &ip.ip.addr, 4); /* network order: a.b.c.d in memory */
        memcpy(out->mask, &ip.netmask.addr, 4);
        memcpy(out->gw, &ip.gw.addr, 4);
    }
    return err;
}

static ew_err_t op_get_hostname(void *ctx, char *out, size_t cap)
{
    const char *name = NULL;
    if (s_sta_netif == NULL) {
        return ESP_ERR_WIFI_NOT_INIT;
    }
    esp_err_t err = esp_netif_get_hostname(s_sta_netif, &name);
    if (err == ESP_OK) {
        snprintf(out, cap, "%s", name ? name : "");
    }
    return err;
}

static ew_err_t op_set_hostname(void *ctx, const char *name)
{
    if (s_sta_netif == NULL) {
        return ESP_ERR_WIFI_NOT_INIT;
    }
    return esp_netif_set_hostname(s_sta_netif, name);
}

const ew_wifi_ops_t ew_idf_wifi_ops = {
    .init = op_init,
    .deinit = op_deinit,
    .set_mode = op_set_mode,
    .get_mode = op_get_mode,
    .set_config = op_set_config,
    .get_config = op_get_config,
    .start = op_start,
    .stop = op_stop,
    .connect = op_connect,
    .disconnect = op_disconnect,
    .scan_start = op_scan_start,
    .scan_stop = op_scan_stop,
    .scan_get_ap_num = op_scan_get_ap_num,
    .scan_get_ap_records = op_scan_get_ap_records,
    .clear_ap_list = op_clear_ap_list,
    .set_country_code = op_set_country_code,
    .set_protocol = op_set_protocol,
    .set_bandwidth = op_set_bandwidth,
    .set_ps = op_set_ps,
    .set_inactive_time = op_set_inactive_time,
    .set_rssi_threshold = op_set_rssi_threshold,
    .set_storage = op_set_storage,
    .get_mac = op_get_mac,
    .sta_get_ap_info = op_sta_get_ap_info,
    .sta_get_rssi = op_sta_get_rssi,
    .get_ip_info = op_get_ip_info,
    .get_hostname = op_get_hostname,
    .set_hostname = op_set_hostname,
    /* SoftAP role: ew_idf_softap.c */
    .ap_set_config = ew_idf_ap_set_config,
    .ap_get_config = ew_idf_ap_get_config,
    .ap_get_sta_list = ew_idf_ap_get_sta_list,
    .ap_get_sta_aid = ew_idf_ap_get_sta_aid,
    .ap_deauth_sta = ew_idf_ap_deauth_sta,
    .set_max_tx_power = ew_idf_set_max_tx_power,
    .get_max_tx_power = ew_idf_get_max_tx_power,
    .dhcps_get = ew_idf_dhcps_get,
    .dhcps_set = ew_idf_dhcps_set,
};
