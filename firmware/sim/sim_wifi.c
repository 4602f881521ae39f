/*
 * The simulated esp_wifi station driver: the port's Wi-Fi ops (ew_wifi_ops_t), the driver's
 * settings and what it keeps in NVS, and its event queue to the core.
 *
 * It follows the seed (station scenarios) and the driver facts in shared/reference/esp-wifi-api.md.
 * Each op checks the driver's state as esp_wifi does (NOT_INIT, MODE, NOT_STARTED, CONN, STATE)
 * and hands the work to its module: scans (sim_scan.c), connecting (sim_connect.c), beacon loss
 * (sim_beacon.c), the SoftAP (sim_ap.c); sim_wifi.h lists what they tell each other.
 * Every delay is a timer on the virtual clock; nothing here reads the wall clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim_wifi.h"

static struct {
    bool inited, started;
    char hostname[33];           /* the STA netif's, "espressif" (CONFIG_LWIP_LOCAL_HOSTNAME) from init */
    ew_mode_t mode;
    ew_sta_config_t cfg;
    char cc[3];
    int nchan;
    ew_proto_flags_t proto;
    ew_bw_t bw;
    ew_ps_t ps;
    ew_storage_t storage;
    uint16_t inactive_s;
    /* events for the core */
    ew_event_t q[SIM_MAX_EVENTS];
    int qh, qn;
    uint32_t events_unreported;
} W;

static struct { uint32_t events_dropped; } W_stats; /* the whole run */

/* What esp_wifi keeps in its NVS namespace while storage is flash (the default): restored by
 * init, kept across resets and power cycles (outside W, which a reset wipes). */
static struct {
    bool mode_set, cfg_set, proto_set, bw_set;
    ew_mode_t mode;
    ew_sta_config_t cfg;
    ew_proto_flags_t proto;
    ew_bw_t bw;
} g_nvs;

#define NVS_SAVE(field, value) do { if (W.storage == EW_STORAGE_FLASH) { g_nvs.field = (value); g_nvs.field##_set = true; } } while (0)

/* ---------------- events ---------------- */

static void post(const ew_event_t *ev)
{
    if (W.qn == SIM_MAX_EVENTS) {
        W_stats.events_dropped++;
        W.events_unreported++;
        uart_esp_log('E', "esp_event", "post failed: event queue full");
        return;
    }
    W.q[(W.qh + W.qn) % SIM_MAX_EVENTS] = *ev;
    W.qn++;
}

uint32_t wifi_events_lost_take(void)
{
    uint32_t n = W.events_unreported;
    W.events_unreported = 0;
    return n;
}

bool wifi_event_pop(ew_event_t *ev)
{
    if (!W.qn) return false;
    *ev = W.q[W.qh];
    W.qh = (W.qh + 1) % SIM_MAX_EVENTS;
    W.qn--;
    return true;
}

void drv_post_id(ew_event_id_t id)
{
    ew_event_t ev = { .id = id };
    post(&ev);
}

void fmt_mac(const uint8_t m[6], char out[18])
{
    snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

/* ---------------- helpers ---------------- */

static int nchan_for(const char *cc)
{
    if (strcmp(cc, "US") == 0 || strcmp(cc, "CA") == 0) return 11;
    if (strcmp(cc, "JP") == 0) return 14;
    return 13; /* "01" (world safe mode), CN, EU and most others */
}

bool ssid_eq(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
    return al == bl && memcmp(a, b, al) == 0;
}

static bool connecting(void) { return conn_connecting(); }

const ew_sta_config_t *drv_sta_config(void) { return &W.cfg; }
int drv_channels(void) { return W.nchan; }
uint16_t drv_inactive_s(void) { return W.inactive_s; }

/* ---------------- scan ops ---------------- */

static ew_err_t op_scan_start(void *ctx, const ew_scan_config_t *cfg, bool block)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.mode != EW_MODE_STA && W.mode != EW_MODE_APSTA) return EW_ERR_WIFI_MODE;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_STATE;   /* seed: "fails immediately if the Wi-Fi is connecting" */
    if (cfg->channel && cfg->channel_bitmap) return EW_ERR_INVALID_ARG;
    return scan_user_start(cfg, block);
}

static ew_err_t op_scan_stop(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_STATE;
    scan_user_stop();
    return EW_OK;
}

static ew_err_t op_ap_num(void *ctx, uint16_t *n)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    *n = scan_held_records();
    return EW_OK;
}

static ew_err_t op_ap_records(void *ctx, uint16_t *number, ew_ap_sink_t sink, void *sink_ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    *number = scan_take_records(*number, sink, sink_ctx); /* frees the whole list */
    return EW_OK;
}

static ew_err_t op_clear_ap_list(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    scan_clear_records();
    return EW_OK;
}
/* ---------------- connect ops ---------------- */

static ew_err_t op_connect(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.mode != EW_MODE_STA && W.mode != EW_MODE_APSTA) return EW_ERR_WIFI_MODE;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_CONN;   /* Espressif's own tests assert this */
    if (!W.cfg.ssid_len) return EW_ERR_WIFI_SSID;
    if (conn_connected_ap()) return EW_OK;        /* the driver answers OK and posts nothing */
    scan_abort(); /* connecting has priority over a user scan */
    conn_start();
    return EW_OK;
}

static ew_err_t op_disconnect(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (!conn_idle()) conn_drop(EW_REASON_ASSOC_LEAVE);
    return EW_OK;
}
/* ---------------- lifecycle and configuration ---------------- */

static ew_err_t op_init(void *ctx)
{
    (void)ctx;
    if (W.inited) return EW_OK;
    W.inited = true;
    snprintf(W.hostname, sizeof W.hostname, "espressif"); /* a new STA netif starts with the Kconfig default */
    W.mode = g_nvs.mode_set ? g_nvs.mode : EW_MODE_STA; /* STA: what the station examples leave in NVS */
    if (g_nvs.cfg_set) W.cfg = g_nvs.cfg;
    if (g_nvs.proto_set) W.proto = g_nvs.proto;
    if (g_nvs.bw_set) W.bw = g_nvs.bw;
    uart_esp_log('I', "wifi_init", "rx ba win: 6");
    uart_esp_log('I', "wifi_init", "tcpip mbox: 32");
    uart_esp_log('I', "pp", "pp rom version: 9387209");
    uart_esp_log('I', "net80211", "net80211 rom version: 9387209");
    uart_esp_log('I', "wifi", "wifi driver task: 3fca5d64, prio:23, stack:6656, core=0");
    uart_esp_log('I', "wifi", "wifi firmware version: 79fa3f41ba");
    uart_esp_log('I', "wifi", "config NVS flash: enabled");
    return EW_OK;
}

static ew_err_t op_deinit(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.started) return EW_ERR_WIFI_NOT_STOPPED;
    scan_free_records();
    W.inited = false;
    return EW_OK;
}

static ew_err_t op_set_mode(void *ctx, ew_mode_t mode)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (mode >= EW_MODE__COUNT) return EW_ERR_INVALID_ARG;
    if ((mode == EW_MODE_NULL || mode == EW_MODE_AP) && !conn_idle()) conn_drop(EW_REASON_ASSOC_LEAVE);
    W.mode = mode;
    NVS_SAVE(mode, mode);
    softap_driver_state(W.started, W.mode);
    return EW_OK;
}

static ew_err_t op_get_mode(void *ctx, ew_mode_t *mode)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    *mode = W.mode;
    return EW_OK;
}

static bool valid_password(const ew_sta_config_t *c)
{
    size_t l = c->password_len;
    if (l == 0 || l == 5 || l == 13 || (l >= 8 && l <= 63)) return true;
    if (l != 64) return false;
    for (size_t i = 0; i < 64; i++) {
        uint8_t b = c->password[i];
        if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F'))) return false;
    }
    return true;
}

static ew_err_t op_set_config(void *ctx, const ew_sta_config_t *cfg)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.mode != EW_MODE_STA && W.mode != EW_MODE_APSTA) return EW_ERR_WIFI_MODE;
    if (connecting()) return EW_ERR_WIFI_STATE;
    if (cfg->ssid_len > 32) return EW_ERR_WIFI_SSID;
    if (!valid_password(cfg)) return EW_ERR_WIFI_PASSWORD;
    W.cfg = *cfg;
    NVS_SAVE(cfg, *cfg);
    return EW_OK;
}

static ew_err_t op_get_config(void *ctx, ew_sta_config_t *cfg)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    *cfg = W.cfg;
    return EW_OK;
}

static ew_err_t op_start(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.started) return EW_OK;
    W.started = true;
    if (W.mode == EW_MODE_STA || W.mode == EW_MODE_APSTA) {
        char m[18];
        fmt_mac(g_world.mac, m);
        uart_esp_log('I', "phy_init", "phy_version 1200,2b7123f9,Feb 18 2025,15:22:21");
        uart_esp_log('I', "wifi", "mode : sta (%s)", m);
        uart_esp_log('I', "wifi", "enable tsf");
        drv_post_id(EW_EV_STA_START);
    }
    softap_driver_state(W.started, W.mode);
    return EW_OK;
}

static ew_err_t op_stop(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_OK;
    scan_user_stop();
    if (!conn_idle()) conn_drop(EW_REASON_ASSOC_LEAVE);
    conn_netif_down(); /* the netif goes down with the driver; its IP-lost timer keeps running */
    W.started = false;
    softap_driver_state(W.started, W.mode);
    drv_post_id(EW_EV_STA_STOP);
    return EW_OK;
}

static ew_err_t op_set_country(void *ctx, const char cc[3], bool ieee80211d)
{
    (void)ctx;
    (void)ieee80211d;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    bool ok = (cc[0] == '0' && cc[1] == '1') || (cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z');
    if (!ok || cc[2]) return EW_ERR_INVALID_ARG;
    memcpy(W.cc, cc, 3);
    W.nchan = nchan_for(W.cc);
    return EW_OK;
}


static ew_err_t op_set_protocol(void *ctx, ew_proto_flags_t p)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!(p & (EW_PROTO_B | EW_PROTO_G | EW_PROTO_N | EW_PROTO_L | EW_PROTO_X))) return EW_ERR_INVALID_ARG;
    /* The seed (configuration phase): set_protocol makes a connected station reconnect — the
     * core promises reconnect=1 in that case, so the simulated driver always drops and rejoins. */
    W.proto = p;
    NVS_SAVE(proto, p);
    conn_reconnect();
    return EW_OK;
}

static ew_err_t op_set_bandwidth(void *ctx, ew_bw_t bw)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (bw > EW_BW_HT40) return EW_ERR_INVALID_ARG; /* 2.4 GHz only */
    W.bw = bw;
    NVS_SAVE(bw, bw);
    conn_reconnect(); /* as set_protocol: a connected station reconnects */
    return EW_OK;
}

static ew_err_t op_set_ps(void *ctx, ew_ps_t ps)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (ps >= EW_PS__COUNT) return EW_ERR_INVALID_ARG;
    W.ps = ps;
    return EW_OK;
}

static ew_err_t op_set_inactive(void *ctx, uint16_t sec)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (sec < 3) return EW_ERR_INVALID_ARG;
    W.inactive_s = sec;
    return EW_OK;
}

static ew_err_t op_set_rssi_thr(void *ctx, int32_t rssi)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (rssi < -100 || rssi > 10) return EW_ERR_INVALID_ARG;
    conn_set_rssi_threshold(rssi);
    return EW_OK;
}

static ew_err_t op_set_storage(void *ctx, ew_storage_t s)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (s >= EW_STORAGE__COUNT) return EW_ERR_INVALID_ARG;
    W.storage = s;
    return EW_OK;
}

static ew_err_t op_get_mac(void *ctx, uint8_t mac[6])
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    memcpy(mac, g_world.mac, 6);
    return EW_OK;
}

static ew_err_t op_get_hostname(void *ctx, char *out, size_t cap)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    snprintf(out, cap, "%s", W.hostname);
    return EW_OK;
}

/* esp_netif_set_hostname: at most 32 bytes (ESP_ERR_ESP_NETIF_INVALID_PARAMS beyond). */
static ew_err_t op_set_hostname(void *ctx, const char *name)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (strlen(name) > 32) return EW_ERR_INVALID_ARG;
    snprintf(W.hostname, sizeof W.hostname, "%s", name);
    return EW_OK;
}

static ew_err_t op_ap_info(void *ctx, ew_ap_record_t *rec)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    const sim_ap_t *ap = conn_connected_ap();
    if (!ap) return EW_ERR_WIFI_NOT_CONNECT;
    ew_scan_config_t any = { 0 };
    scan_record_of(ap, ap_rssi_sample(ap), &any, rec);
    memcpy(rec->ssid, ap->ssid, ap->ssid_len); /* the associated SSID, even when hidden */
    rec->ssid_len = ap->ssid_len;
    return EW_OK;
}

static ew_err_t op_get_rssi(void *ctx, int32_t *rssi)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    const sim_ap_t *ap = conn_connected_ap();
    if (!ap) return EW_ERR_WIFI_NOT_CONNECT;
    *rssi = ap_rssi_sample(ap);
    return EW_OK;
}

static ew_err_t op_ip_info(void *ctx, ew_ip_info_t *ip)
{
    (void)ctx;
    memset(ip, 0, sizeof *ip);
    conn_ip_info(ip);
    return EW_OK;
}

const ew_wifi_ops_t sim_wifi_ops = {
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
    .scan_get_ap_num = op_ap_num,
    .scan_get_ap_records = op_ap_records,
    .clear_ap_list = op_clear_ap_list,
    .set_country_code = op_set_country,
    .set_protocol = op_set_protocol,
    .set_bandwidth = op_set_bandwidth,
    .set_ps = op_set_ps,
    .set_inactive_time = op_set_inactive,
    .set_rssi_threshold = op_set_rssi_thr,
    .set_storage = op_set_storage,
    .get_mac = op_get_mac,
    .sta_get_ap_info = op_ap_info,
    .sta_get_rssi = op_get_rssi,
    .get_ip_info = op_ip_info,
    .get_hostname = op_get_hostname,
    .set_hostname = op_set_hostname,
    /* SoftAP role: sim_ap.c */
    .ap_set_config = softap_set_config,
    .ap_get_config = softap_get_config,
    .ap_get_sta_list = softap_get_sta_list,
    .ap_get_sta_aid = softap_get_sta_aid,
    .ap_deauth_sta = softap_deauth_sta,
    .set_max_tx_power = softap_set_max_tx_power,
    .get_max_tx_power = softap_get_max_tx_power,
    .dhcps_get = softap_dhcps_get,
    .dhcps_set = softap_dhcps_set,
};

bool wifi_blocking(void) { return scan_blocking(); }

/* for the SoftAP (sim_ap.c) and the shared radio world (sim_radio.c) */
void wifi_post(const ew_event_t *ev) { post(ev); }
bool wifi_inited(void) { return W.inited; }
bool wifi_started(void) { return W.started; }
ew_mode_t wifi_mode(void) { return W.mode; }
const sim_ap_t *wifi_associated_ap(void) { return conn_connected_ap(); }

void wifi_reset(void)
{
    timer_cancel_kind("wifi.");
    softap_reset();
    /* each module forgets this boot; diagnostics survive resets: they describe the whole run */
    conn_reset();
    scan_reset();
    bcn_reset();
    memset(&W, 0, sizeof W);
    memcpy(W.cc, g_world.country, 3);
    W.nchan = nchan_for(W.cc);
    W.inactive_s = 6;
    W.proto = EW_PROTO_B | EW_PROTO_G | EW_PROTO_N;
    W.bw = EW_BW_HT40;
    W.ps = EW_PS_MIN;
    W.cfg.pmf = EW_PMF_CAPABLE;
}

void wifi_diag(char *out, size_t cap)
{
    scan_diag_t sd;
    conn_diag_t cd;
    uint32_t bcn_timeouts, probes;
    scan_diag(&sd);
    conn_diag(&cd);
    bcn_diag(&bcn_timeouts, &probes);
    const sim_ap_t *ap = conn_connected_ap();
    char m[18] = "000000000000";
    if (ap) snprintf(m, sizeof m, "%02x%02x%02x%02x%02x%02x", ap->bssid[0], ap->bssid[1], ap->bssid[2], ap->bssid[3], ap->bssid[4], ap->bssid[5]);
    snprintf(out, cap,
             "inited=%d started=%d state=%s scanning=%d scan_id=%u scans=%u scan_done_events=%u "
             "last_scan_ms=%llu last_scan_channels=%d held_records=%u leaked_records=%u leaked_scans=%u "
             "cleared_lists=%u fetched_lists=%u connects=%u connected_count=%u disconnects=%u "
             "beacon_timeouts=%u probes=%u events_dropped=%u have_ip=%d lost_ip_armed=%d lost_ip_due_ms=%llu bssid=%s country=%s nchan=%d inactive_s=%u",
             W.inited, W.started, cd.state, sd.scanning, sd.scan_id, sd.scans_run, sd.scan_done_events,
             (unsigned long long)sd.last_scan_ms, sd.last_scan_channels, sd.held_records,
             sd.leaked_records, sd.leaked_scans, sd.cleared_lists, sd.fetched_lists, cd.connect_calls, cd.connects_ok,
             cd.disconnects, bcn_timeouts, probes, W_stats.events_dropped, cd.have_ip, cd.lost_ip_armed,
             (unsigned long long)(cd.lost_ip_armed ? cd.lost_ip_due - boot_time() : 0), m, W.cc, W.nchan,
             W.inactive_s);
}
