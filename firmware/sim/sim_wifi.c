/*
 * The simulated esp_wifi station driver: the Wi-Fi half of ew_port_t.
 *
 * It follows the seed (station scenarios) and the driver facts in shared/reference/esp-wifi-api.md:
 * scan dwell table, foreground/background scans, blocking scans without SCAN_DONE, records freed
 * by get_ap_records, connect = internal scan + auth + assoc + 4-way handshake + DHCP with the
 * seed's reason code for each failure, beacon timeout after the inactive time plus 5 probes.
 * Every delay is a timer on the virtual clock; nothing here reads the wall clock.
 * The reason-code rules are documented in firmware/sim/README.md ("Reason codes").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

/* Virtual timings (ms). Real values vary; these keep the seed's order of events. */
#define DEFAULT_ACTIVE_MS 120
#define DEFAULT_PASSIVE_MS 360
#define DEFAULT_HOME_DWELL_MS 30
#define FRAME_RTT_MS 8            /* an answered auth/assoc/EAPOL exchange */
#define AUTH_TIMEOUT_MS 1000      /* auth request retried, then AUTH_EXPIRE (2) */
#define ASSOC_TIMEOUT_MS 1000     /* assoc request retried, then DISASSOC_DUE_TO_INACTIVITY (4) */
#define SAE_FAIL_MS 60            /* SAE commit/confirm with the wrong password: AUTH_FAIL (202) */
#define HS_AP_DEAUTH_MS 1500      /* AP resends 1/4 EAPOL, then deauths (reason 15, or 2 with some APs) */
#define HS_TIMEOUT_MS 3000        /* station's own handshake timer: HANDSHAKE_TIMEOUT (204) */
#define HS_WEAK_RSSI (-90)        /* at or below this, EAPOL frames are lost: 204 */
#define PROBES 5
#define PROBE_INTERVAL_MS 200
#define RSSI_CHECK_MS 100
#define IP_RENEW_MS 50
#define FRAME_DEAUTH 0xc0         /* low byte of the driver's "state: X -> init (code)": the AP's deauth */

typedef enum { ST_IDLE, ST_CONN_SCAN, ST_AUTH, ST_ASSOC, ST_HANDSHAKE, ST_CONNECTED } sta_state_t;
static const char *const st_names[] = { "idle", "scanning", "auth", "assoc", "handshake", "connected" };

typedef struct { sim_ap_t *ap; int rssi; } seen_t;

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
    int32_t rssi_thr;
    bool rssi_armed;

    /* scan in progress */
    bool scanning, scan_internal, scan_blocking, scan_background;
    ew_scan_config_t scfg;
    uint8_t chans[14];
    int nch, ch_idx;
    uint64_t scan_started;
    uint8_t scan_id;
    seen_t seen[SIM_MAX_APS];
    int nseen;
    sim_timer_t scan_timer;

    /* the driver's allocated result list */
    ew_ap_record_t *list;
    uint16_t list_n;
    bool list_held;

    /* connection */
    sta_state_t st;
    seen_t cand[SIM_MAX_APS];
    int ncand, cand_idx, tries_left;
    int best_close;               /* how close the best failed AP came (see fail_closeness) */
    uint8_t best_reason;
    seen_t best_ap;
    sim_ap_t *ap;                 /* associated AP */
    uint16_t aid;
    sim_timer_t conn_timer, bcn_timer, dhcp_timer, lostip_timer, rssi_timer;
    bool bcn_lost, bcn_event_sent;
    uint64_t bcn_lost_at;
    int probes;
    bool have_ip, ever_ip;
    uint64_t lostip_due;          /* virtual time the IP-lost timer expires */
    uint8_t ip[4], last_ip[4];

    /* diagnostics */
    uint32_t scans_run, scan_done_events, connect_calls, connects_ok, disconnects;
    uint32_t leaked_records, leaked_scans, cleared_lists, fetched_lists, events_dropped, events_unreported;
    uint32_t beacon_timeouts, probes_sent;
    uint64_t last_scan_ms;
    int last_scan_channels;

    /* events for the core */
    ew_event_t q[SIM_MAX_EVENTS];
    int qh, qn;
} W;

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
        W.events_dropped++;
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

static void post_simple(ew_event_id_t id)
{
    ew_event_t ev = { .id = id };
    post(&ev);
}

static void fmt_mac(const uint8_t m[6], char out[18])
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

static bool connecting(void) { return W.st >= ST_CONN_SCAN && W.st <= ST_HANDSHAKE; }

static bool ssid_eq(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
    return al == bl && memcmp(a, b, al) == 0;
}

static bool pass_eq(const sim_ap_t *ap)
{
    return ap->password_len == W.cfg.password_len && memcmp(ap->password, W.cfg.password, ap->password_len) == 0;
}

static bool is_ent(ew_auth_t a)
{
    return a == EW_AUTH_WPA_ENT || a == EW_AUTH_WPA2_ENT || a == EW_AUTH_WPA3_ENT || a == EW_AUTH_WPA2_WPA3_ENT || a == EW_AUTH_WPA3_ENT192;
}

static bool is_sae_only(ew_auth_t a) { return a == EW_AUTH_WPA3 || a == EW_AUTH_WPA3_EXT; }

/* strength order used by the auth-mode threshold */
static int auth_rank(ew_auth_t a)
{
    switch (a) {
    case EW_AUTH_OPEN: case EW_AUTH_UNKNOWN: return 0;
    case EW_AUTH_WEP: case EW_AUTH_OWE: return 1;
    case EW_AUTH_WPA: case EW_AUTH_WPA_ENT: return 2;
    /* a WPA/WPA2 mixed AP offers WPA2: it passes a WPA2 threshold (ESP-IDF lists only OPEN, WEP
     * and WPA-PSK as "below" WPA2) */
    case EW_AUTH_WPA_WPA2: case EW_AUTH_WPA2: case EW_AUTH_WPA2_ENT: case EW_AUTH_WAPI: return 3;
    case EW_AUTH_WPA3_ENT192: return 5;
    default: return 4; /* WPA3 family, mixed WPA2/WPA3, DPP */
    }
}

static uint8_t reason(uint8_t r)
{
    if (g_world.legacy_reasons && (r == EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY ||
                                   r == EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD ||
                                   r == EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD))
        return EW_REASON_NO_AP_FOUND;
    return r;
}

/* 210: the AP's security and the station's configuration do not fit (seed's list, the cases a
 * PSK station can hit). 0 = compatible. */
static uint8_t security_reject(const sim_ap_t *ap)
{
    bool pw = W.cfg.password_len > 0;
    switch (ap->auth) {
    case EW_AUTH_OPEN: return pw ? EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY : 0;
    case EW_AUTH_OWE: case EW_AUTH_WAPI: case EW_AUTH_DPP: case EW_AUTH_UNKNOWN:
        return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    case EW_AUTH_WEP: {
        size_t l = W.cfg.password_len;
        return (l == 5 || l == 13 || l == 10 || l == 26) ? 0 : EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    }
    default: break;
    }
    if (is_ent(ap->auth)) return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    if (!pw) return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    /* No check for pmf=off: pmf_cfg.capable is deprecated since ESP-IDF v5.0 and the station always
     * connects PMF-capable, so "off" cannot make a WPA3 or PMF-required AP refuse it. */
    /* the station requires PMF but the AP has none (WPA1/TKIP-era APs) */
    if (W.cfg.pmf == EW_PMF_REQUIRED && (ap->auth == EW_AUTH_WPA || ap->auth == EW_AUTH_WPA_WPA2))
        return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    return 0;
}

/* The seed: for one AP with several scan-level problems the MOST important is reported
 * (210 < 211 < 212 in importance). */
/* esp_wifi_types_generic.h (threshold.authmode): left at OPEN with a WPA2-sized password (8+
 * characters), the threshold "will be defaulted to WPA2 and device won't connect to deprecated
 * WEP/WPA networks". An open, OWE or enterprise AP keeps its own reason (210, the seed's list). */
static bool below_raised_threshold(const sim_ap_t *ap)
{
    return W.cfg.auth_threshold == EW_AUTH_OPEN && W.cfg.password_len >= 8 &&
           (ap->auth == EW_AUTH_WEP || ap->auth == EW_AUTH_WPA);
}

static uint8_t scan_reject(const sim_ap_t *ap, int rssi)
{
    if (W.cfg.rssi_threshold != 0 && rssi < W.cfg.rssi_threshold) return EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD;
    if (auth_rank(ap->auth) < auth_rank(W.cfg.auth_threshold) || below_raised_threshold(ap))
        return EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD;
    return security_reject(ap);
}

/* Across several APs the seed reports the one that came closest to success: any connect-phase
 * failure is closer than a scan-level rejection; among rejections the LEAST important code. */
static int fail_closeness(uint8_t r, int phase)
{
    if (phase > 0) return 10 + phase;
    switch (r) {
    case EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY: return 3;
    case EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD: return 2;
    case EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD: return 1;
    default: return 0;
    }
}

static void note_failure(uint8_t r, int phase, sim_ap_t *ap, int rssi)
{
    int c = fail_closeness(r, phase);
    if (c > W.best_close) {
        W.best_close = c;
        W.best_reason = r;
        W.best_ap = (seen_t){ ap, rssi };
    }
}

/* The SSID an AP shows in this scan: hidden APs answer a directed active probe with their SSID,
 * otherwise they show an empty one. */
static bool visible_ssid(const sim_ap_t *ap, const ew_scan_config_t *c, const uint8_t **ssid, uint8_t *len)
{
    if (!ap->hidden) { *ssid = ap->ssid; *len = ap->ssid_len; return true; }
    if (c->scan_type == EW_SCAN_TYPE_ACTIVE && c->ssid_len && ssid_eq(c->ssid, c->ssid_len, ap->ssid, ap->ssid_len)) {
        *ssid = ap->ssid; *len = ap->ssid_len; return true;
    }
    *ssid = ap->ssid; *len = 0;
    return false;
}

static void to_record(const sim_ap_t *ap, int rssi, const ew_scan_config_t *c, ew_ap_record_t *r)
{
    memset(r, 0, sizeof *r);
    const uint8_t *s;
    uint8_t l;
    visible_ssid(ap, c, &s, &l);
    memcpy(r->ssid, s, l);
    r->ssid_len = l;
    memcpy(r->bssid, ap->bssid, 6);
    r->primary = ap->channel;
    r->second = ap->second;
    r->rssi = (int8_t)rssi;
    r->auth = ap->auth;
    r->pairwise = ap->pairwise;
    r->group = ap->group;
    r->phy = ap->phy;
    r->bw = ap->bw;
    memcpy(r->cc, ap->cc, 3);
}

/* ---------------- scan ---------------- */

static uint32_t dwell_ms(uint8_t ch)
{
    const ew_scan_config_t *c = &W.scfg;
    if (c->scan_type == EW_SCAN_TYPE_PASSIVE) return c->passive_ms ? c->passive_ms : DEFAULT_PASSIVE_MS;
    uint16_t mn = c->active_min_ms, mx = c->active_max_ms;
    if (mx == 0) return DEFAULT_ACTIVE_MS;   /* min=0,max=0 and min>0,max=0 */
    if (mn == 0) return mx;
    for (int i = 0; i < SIM_MAX_APS; i++)   /* min>0,max>0: stay max only if an AP answered */
        if (ap_reachable(&g_world.aps[i]) && g_world.aps[i].channel == ch) return mx;
    return mn;
}

static uint32_t home_dwell(void)
{
    return W.scfg.home_chan_dwell_ms ? W.scfg.home_chan_dwell_ms : DEFAULT_HOME_DWELL_MS;
}

static bool scan_matches(const sim_ap_t *ap)
{
    const ew_scan_config_t *c = &W.scfg;
    if (W.scfg.bssid_set && memcmp(ap->bssid, c->bssid, 6) != 0) return false;
    const uint8_t *s;
    uint8_t l;
    bool shown = visible_ssid(ap, c, &s, &l);
    if (c->ssid_len && !(shown && ssid_eq(s, l, c->ssid, c->ssid_len))) return false;
    if (!shown && !c->show_hidden && !W.scan_internal) return false;
    if (W.scan_internal && !ssid_eq(ap->ssid, ap->ssid_len, W.cfg.ssid, W.cfg.ssid_len)) return false;
    return true;
}

static void scan_finish(bool aborted);
static void connect_after_scan(void);
static void scan_step(void *arg);

static void scan_channel_heard(uint8_t ch)
{
    for (int i = 0; i < SIM_MAX_APS; i++) {
        sim_ap_t *ap = &g_world.aps[i];
        if (!ap_reachable(ap) || ap->channel != ch || !scan_matches(ap)) continue;
        bool dup = false;
        for (int k = 0; k < W.nseen; k++) dup |= W.seen[k].ap == ap;
        if (!dup && W.nseen < SIM_MAX_APS) W.seen[W.nseen++] = (seen_t){ ap, ap_rssi_sample(ap) };
    }
}

static bool fast_connect_target_found(void)
{
    for (int k = 0; k < W.nseen; k++)
        if (!scan_reject(W.seen[k].ap, W.seen[k].rssi)) return true;
    return false;
}

static void scan_finish_cb(void *arg) { (void)arg; W.scan_timer = 0; scan_finish(false); }

static void scan_step(void *arg)
{
    (void)arg;
    W.scan_timer = 0;
    if (W.scfg.scan_type == EW_SCAN_TYPE_ACTIVE) radio_probe(W.chans[W.ch_idx]);
    scan_channel_heard(W.chans[W.ch_idx]);
    W.ch_idx++;
    bool done = W.ch_idx >= W.nch;
    if (W.scan_internal && W.cfg.scan_method == EW_SCAN_METHOD_FAST && fast_connect_target_found()) done = true;
    uint32_t home = W.scan_background ? home_dwell() : 0;
    if (done) {
        if (home) W.scan_timer = timer_in(home, scan_finish_cb, NULL, "wifi.scan");
        else scan_finish(false);
        return;
    }
    W.scan_timer = timer_in(home + dwell_ms(W.chans[W.ch_idx]), scan_step, NULL, "wifi.scan");
}

static int cmp_seen_rssi(const void *a, const void *b)
{
    const seen_t *x = a, *y = b;
    if (x->rssi != y->rssi) return y->rssi - x->rssi;
    return memcmp(x->ap->bssid, y->ap->bssid, 6);
}

static int cmp_seen_security(const void *a, const void *b)
{
    const seen_t *x = a, *y = b;
    int d = auth_rank(y->ap->auth) - auth_rank(x->ap->auth);
    return d ? d : cmp_seen_rssi(a, b);
}

static void bcn_rearm(void);

static void scan_finish(bool aborted)
{
    timer_cancel(&W.scan_timer);
    W.scanning = false;
    W.last_scan_ms = vnow() - W.scan_started;
    W.last_scan_channels = W.ch_idx;
    qsort(W.seen, (size_t)W.nseen, sizeof W.seen[0], cmp_seen_rssi);
    if (W.scan_internal) {
        W.scan_internal = false;
        if (!aborted) connect_after_scan();
        return;
    }
    if (W.list_held && W.list_n) {
        /* the previous list was never fetched nor cleared: the driver loses track of it */
        W.leaked_scans++;
        W.leaked_records += W.list_n;
    }
    free(W.list);
    W.list = NULL;
    W.list_n = 0;
    if (W.nseen) {
        W.list = calloc((size_t)W.nseen, sizeof *W.list);
        if (W.list) {
            for (int i = 0; i < W.nseen; i++) to_record(W.seen[i].ap, W.seen[i].rssi, &W.scfg, &W.list[i]);
            W.list_n = (uint16_t)W.nseen;
        }
    }
    W.list_held = true;
    /* the beacon-loss timer restarts during a scan (seed, "Wi-Fi Beacon Timeout") */
    if (W.bcn_lost && !W.bcn_event_sent) bcn_rearm();
    if (!W.scan_blocking) {
        ew_event_t ev = { .id = EW_EV_SCAN_DONE };
        ev.u.scan_done.status = aborted ? 1 : 0;
        ev.u.scan_done.number = (uint8_t)(W.list_n > 255 ? 255 : W.list_n);
        ev.u.scan_done.scan_id = W.scan_id;
        W.scan_done_events++;
        post(&ev);
    }
}

static ew_err_t scan_begin(const ew_scan_config_t *cfg, bool internal)
{
    W.scfg = *cfg;
    W.nch = 0;
    if (cfg->channel) {
        if (cfg->channel > W.nchan) return EW_ERR_INVALID_ARG;
        W.chans[W.nch++] = cfg->channel;
    } else if (cfg->channel_bitmap) {
        for (int ch = 1; ch <= W.nchan; ch++)
            if (cfg->channel_bitmap & (1u << ch)) W.chans[W.nch++] = (uint8_t)ch;
        if (!W.nch) return EW_ERR_INVALID_ARG;
    } else {
        for (int ch = 1; ch <= W.nchan; ch++) W.chans[W.nch++] = (uint8_t)ch;
    }
    W.scanning = true;
    W.scan_internal = internal;
    W.scan_background = W.st == ST_CONNECTED;
    W.ch_idx = 0;
    W.nseen = 0;
    W.scan_started = vnow();
    W.scans_run++;
    W.scan_timer = timer_at(W.scan_started + dwell_ms(W.chans[0]), scan_step, NULL, "wifi.scan");
    return EW_OK;
}

static bool scan_is_done(void) { return !W.scanning; }

static ew_err_t op_scan_start(void *ctx, const ew_scan_config_t *cfg, bool block)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.mode != EW_MODE_STA && W.mode != EW_MODE_APSTA) return EW_ERR_WIFI_MODE;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_STATE;   /* seed: "fails immediately if the Wi-Fi is connecting" */
    if (cfg->channel && cfg->channel_bitmap) return EW_ERR_INVALID_ARG;
    if (W.scanning) scan_finish(true);            /* a new scan overrides a running one */
    ew_scan_config_t c = *cfg;
    W.scan_blocking = block;
    W.scan_id++;
    ew_err_t e = scan_begin(&c, false);
    if (e != EW_OK) { W.scan_id--; return e; }
    if (block) {
        board_run_until(scan_is_done);
        W.scan_blocking = false;
    }
    return EW_OK;
}

static ew_err_t op_scan_stop(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_STATE;
    if (W.scanning && !W.scan_internal) scan_finish(true);
    return EW_OK;
}

static ew_err_t op_ap_num(void *ctx, uint16_t *n)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    *n = W.list_held ? W.list_n : 0;
    return EW_OK;
}

static void free_list(void)
{
    free(W.list);
    W.list = NULL;
    W.list_n = 0;
    W.list_held = false;
}

static ew_err_t op_ap_records(void *ctx, uint16_t *number, ew_ap_sink_t sink, void *sink_ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    uint16_t n = 0;
    if (W.list_held) {
        for (; n < *number && n < W.list_n; n++) sink(sink_ctx, &W.list[n]);
        W.fetched_lists++;
    }
    free_list(); /* the whole list, fetched or not: a second call gets nothing */
    *number = n;
    return EW_OK;
}

static ew_err_t op_clear_ap_list(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.list_held) W.cleared_lists++;
    free_list();
    return EW_OK;
}

/* ---------------- connection ---------------- */

static void attempt_next(void);
static void phase_auth(void *arg);

static void post_disconnected(const uint8_t *bssid, uint8_t r, int rssi)
{
    ew_event_t ev = { .id = EW_EV_DISCONNECTED };
    memcpy(ev.u.disconnected.ssid, W.cfg.ssid, W.cfg.ssid_len);
    ev.u.disconnected.ssid_len = W.cfg.ssid_len;
    if (bssid) memcpy(ev.u.disconnected.bssid, bssid, 6);
    ev.u.disconnected.reason = r;
    ev.u.disconnected.rssi = (int8_t)rssi;
    W.disconnects++;
    post(&ev);
}

/* esp_netif's IP-lost timer (esp_netif_lwip.c): every STA disconnect brings the netif down and
 * starts it unless it is already running; each CONNECTED restarts it (the DHCP client starts);
 * a GOT_IP does not stop it, and neither does esp_wifi_stop. When it expires, LOST_IP is posted
 * if the netif has no address at that moment -- also when it never had one. Only a reset ends it. */
static void lost_ip_fire(void *arg)
{
    (void)arg;
    W.lostip_timer = 0;
    if (W.have_ip) return;
    post_simple(EW_EV_LOST_IP);
}

static void lost_ip_start(bool restart)
{
    if (!g_world.lost_ip_ms) return; /* interval 0 disables the timer, as in ESP-IDF */
    if (W.lostip_timer && !restart) return;
    timer_cancel(&W.lostip_timer);
    W.lostip_due = vnow() + g_world.lost_ip_ms;
    W.lostip_timer = timer_at(W.lostip_due, lost_ip_fire, NULL, "wifi.lostip");
}

/* The driver's state line when it leaves the AP: "state: run -> init (0x<reason<<8 | frame>)",
 * frame 0xc0 when the AP's deauth caused it, 0 for a local decision (esp_idf-logs.md). */
static void log_leave(const char *from, uint8_t r, bool by_ap)
{
    uart_esp_log('I', "wifi", "state: %s -> init (0x%x)", from, (unsigned)r << 8 | (by_ap ? FRAME_DEAUTH : 0));
}

/* Leave the AP (or give up connecting) and tell the core why; by_ap: the AP sent the deauth. */
static void sta_leave(uint8_t r, bool by_ap)
{
    sim_ap_t *ap = W.ap;
    const uint8_t *bssid = ap ? ap->bssid : (W.best_ap.ap ? W.best_ap.ap->bssid : NULL);
    int rssi = ap ? ap_rssi_sample(ap) : (W.best_ap.ap ? W.best_ap.rssi : 0);
    timer_cancel(&W.conn_timer);
    timer_cancel(&W.bcn_timer);
    timer_cancel(&W.dhcp_timer);
    timer_cancel(&W.rssi_timer);
    if (W.scanning && W.scan_internal) { timer_cancel(&W.scan_timer); W.scanning = false; W.scan_internal = false; }
    bool was_connected = W.st == ST_CONNECTED;
    if (ap && was_connected && ap->stations > 0) ap->stations--;
    W.ap = NULL;
    W.st = ST_IDLE;
    W.bcn_lost = false;
    /* esp_wifi_disconnect() shows as (0); a failed attempt already printed its own line */
    if (was_connected) log_leave("run", r == EW_REASON_ASSOC_LEAVE ? 0 : r, by_ap);
    if (ap && was_connected) radio_sta_left(ap, r, by_ap);
    post_disconnected(bssid, r, rssi);
    W.have_ip = false; /* the default handler takes the netif down */
    lost_ip_start(false);
}

static void sta_drop(uint8_t r) { sta_leave(r, false); }

static void dhcp_fire(void *arg)
{
    bool renew = arg != NULL;
    W.dhcp_timer = 0;
    if (W.st != ST_CONNECTED) return;
    /* a SoftAP of the shared world runs its own DHCP server: wait for its lease */
    if (W.ap && W.ap->remote && !renew && !radio_sta_take_lease(W.ap)) {
        W.dhcp_timer = timer_in(20, dhcp_fire, arg, "wifi.dhcp");
        return;
    }
    ew_event_t ev = { .id = EW_EV_GOT_IP };
    memcpy(ev.u.got_ip.ip_info.ip, g_world.dhcp.ip, 4);
    memcpy(ev.u.got_ip.ip_info.mask, g_world.dhcp.mask, 4);
    memcpy(ev.u.got_ip.ip_info.gw, g_world.dhcp.gw, 4);
    ev.u.got_ip.ip_changed = renew || (W.ever_ip && memcmp(W.last_ip, g_world.dhcp.ip, 4) != 0);
    W.have_ip = W.ever_ip = true;
    memcpy(W.ip, g_world.dhcp.ip, 4);
    memcpy(W.last_ip, g_world.dhcp.ip, 4);
    const uint8_t *i = g_world.dhcp.ip, *k = g_world.dhcp.mask, *g = g_world.dhcp.gw;
    uart_esp_log('I', "esp_netif_handlers", "sta ip: %u.%u.%u.%u, mask: %u.%u.%u.%u, gw: %u.%u.%u.%u",
                 i[0], i[1], i[2], i[3], k[0], k[1], k[2], k[3], g[0], g[1], g[2], g[3]);
    post(&ev);
}

static void rssi_check(void *arg)
{
    (void)arg;
    W.rssi_timer = 0;
    /* 0 dBm is a threshold like any other (ESP-IDF has no "disarm"): it fires at once */
    if (W.st != ST_CONNECTED || !W.rssi_armed || !W.ap) return;
    int r = ap_rssi_sample(W.ap);
    if (r < W.rssi_thr) {
        W.rssi_armed = false; /* fires once; set_rssi_threshold re-arms */
        ew_event_t ev = { .id = EW_EV_RSSI_LOW };
        ev.u.rssi_low.rssi = r;
        post(&ev);
    }
}

static void schedule_rssi_check(void)
{
    if (W.st == ST_CONNECTED && !W.rssi_timer) W.rssi_timer = timer_in(RSSI_CHECK_MS, rssi_check, NULL, "wifi.rssi");
}

static void connected(void *arg)
{
    (void)arg;
    W.conn_timer = 0;
    sim_ap_t *ap = W.cand[W.cand_idx].ap;
    W.st = ST_CONNECTED;
    W.ap = ap;
    ap->stations++;
    W.aid = (uint16_t)ap->stations;
    W.connects_ok++;
    W.bcn_lost = false;
    char m[18];
    fmt_mac(ap->bssid, m);
    uart_esp_log('I', "wifi", "connected with %.*s, aid = %u, channel %u, BW20, bssid = %s",
                 (int)ap->ssid_len, (const char *)ap->ssid, W.aid, ap->channel, m);
    /* the driver's next line: security, PHY and the RSSI it joined at (log readers use it) */
    uart_esp_log('I', "wifi", "security: %s, phy: bgn, rssi: %d", ap->auth == EW_AUTH_OPEN ? "OPEN" : ap->auth == EW_AUTH_WPA3 ? "WPA3-SAE" : "WPA2-PSK",
                 ap_rssi_sample(ap));
    ew_event_t ev = { .id = EW_EV_CONNECTED };
    memcpy(ev.u.connected.ssid, ap->ssid, ap->ssid_len);
    ev.u.connected.ssid_len = ap->ssid_len;
    memcpy(ev.u.connected.bssid, ap->bssid, 6);
    ev.u.connected.channel = ap->channel;
    ev.u.connected.auth = ap->auth;
    ev.u.connected.aid = W.aid;
    post(&ev);
    radio_sta_joined(ap);   /* a SoftAP of the shared world learns of its station */
    lost_ip_start(true); /* CONNECTED starts the DHCP client, which restarts the IP-lost timer */
    if (g_world.dhcp.delay_ms >= 0)
        W.dhcp_timer = timer_in((uint64_t)g_world.dhcp.delay_ms, dhcp_fire, NULL, "wifi.dhcp");
    if (!ap_reachable(ap)) wifi_on_ap_change(ap);
    schedule_rssi_check();
}

/* One AP attempt failed in a phase: retry it (failure_retry_cnt), or move to the next AP. */
static void attempt_failed(uint8_t r, int phase)
{
    seen_t *c = &W.cand[W.cand_idx];
    note_failure(r, phase, c->ap, c->rssi);
    /* the 4-way handshake runs in the driver's "run" state; 15 and 2 there are the AP's deauth */
    bool by_ap = phase == 3 && r != EW_REASON_HANDSHAKE_TIMEOUT;
    log_leave(phase == 1 ? "auth" : phase == 2 ? "assoc" : "run", r, by_ap);
    if (W.tries_left > 0) {
        W.tries_left--;
        W.st = ST_AUTH;
        W.conn_timer = timer_in(FRAME_RTT_MS, phase_auth, NULL, "wifi.conn");
        return;
    }
    W.cand_idx++;
    attempt_next();
}

static void fail_cb(void *arg)
{
    uintptr_t v = (uintptr_t)arg;
    W.conn_timer = 0;
    attempt_failed((uint8_t)(v & 0xff), (int)(v >> 8));
}

static void fail_in(uint64_t ms, uint8_t r, int phase)
{
    W.conn_timer = timer_in(ms, fail_cb, (void *)(uintptr_t)(r | (phase << 8)), "wifi.conn");
}

static void phase_handshake(void *arg)
{
    (void)arg;
    W.conn_timer = 0;
    sim_ap_t *ap = W.cand[W.cand_idx].ap;
    W.st = ST_HANDSHAKE;
    if (!ap_reachable(ap) || ap->rssi <= HS_WEAK_RSSI) { fail_in(HS_TIMEOUT_MS, EW_REASON_HANDSHAKE_TIMEOUT, 3); return; }
    if (!pass_eq(ap)) {
        switch (ap->hs_fail) {
        case HS_AP_DEAUTH: fail_in(HS_AP_DEAUTH_MS, EW_REASON_4WAY_HANDSHAKE_TIMEOUT, 3); break;
        case HS_AP_EXPIRE: fail_in(HS_AP_DEAUTH_MS, EW_REASON_AUTH_EXPIRE, 3); break;
        case HS_TIMEOUT: fail_in(HS_TIMEOUT_MS, EW_REASON_HANDSHAKE_TIMEOUT, 3); break;
        }
        return;
    }
    W.conn_timer = timer_in(4 * FRAME_RTT_MS, connected, NULL, "wifi.conn");
}

static void phase_assoc(void *arg)
{
    (void)arg;
    W.conn_timer = 0;
    sim_ap_t *ap = W.cand[W.cand_idx].ap;
    W.st = ST_ASSOC;
    uart_esp_log('I', "wifi", "state: auth -> assoc (0x0)");
    if (!ap_reachable(ap) || ap->assoc_reply == REPLY_TIMEOUT) { fail_in(ASSOC_TIMEOUT_MS, EW_REASON_DISASSOC_DUE_TO_INACTIVITY, 2); return; }
    if (ap->max_stations >= 0 && ap->stations >= ap->max_stations) { fail_in(FRAME_RTT_MS, EW_REASON_ASSOC_TOOMANY, 2); return; }
    if (ap->assoc_reply == REPLY_REJECT) { fail_in(FRAME_RTT_MS, EW_REASON_ASSOC_FAIL, 2); return; }
    bool keys = ap->auth != EW_AUTH_OPEN && ap->auth != EW_AUTH_WEP && ap->auth != EW_AUTH_OWE;
    uart_esp_log('I', "wifi", "state: assoc -> run (0x10)");
    W.conn_timer = timer_in(FRAME_RTT_MS, keys ? phase_handshake : connected, NULL, "wifi.conn");
}

static void phase_auth(void *arg)
{
    (void)arg;
    W.conn_timer = 0;
    sim_ap_t *ap = W.cand[W.cand_idx].ap;
    W.st = ST_AUTH;
    char m[18];
    fmt_mac(ap->bssid, m);
    uart_esp_log('I', "wifi", "state: init -> auth (0xb0), bssid %s", m);
    if (!ap_reachable(ap) || ap->auth_reply == REPLY_TIMEOUT) { fail_in(AUTH_TIMEOUT_MS, EW_REASON_AUTH_EXPIRE, 1); return; }
    if (ap->auth_reply == REPLY_REJECT) { fail_in(FRAME_RTT_MS, EW_REASON_AUTH_FAIL, 1); return; }
    /* SAE proves the password during authentication: a wrong one fails here, not in the handshake */
    if (is_sae_only(ap->auth) && !pass_eq(ap)) { fail_in(SAE_FAIL_MS, EW_REASON_AUTH_FAIL, 1); return; }
    if (ap->auth == EW_AUTH_WEP && !pass_eq(ap)) { fail_in(FRAME_RTT_MS, EW_REASON_AUTH_FAIL, 1); return; }
    W.conn_timer = timer_in(FRAME_RTT_MS, phase_assoc, NULL, "wifi.conn");
}

static void attempt_next(void)
{
    if (W.cand_idx >= W.ncand) {
        uint8_t r = W.best_close > 0 ? W.best_reason : EW_REASON_NO_AP_FOUND;
        sta_drop(reason(r));
        return;
    }
    /* failure_retry_cnt applies with the all-channel scan only (esp_wifi.h) */
    W.tries_left = W.cfg.scan_method == EW_SCAN_METHOD_ALL ? W.cfg.failure_retry_cnt : 0;
    W.st = ST_AUTH;
    W.conn_timer = timer_in(FRAME_RTT_MS, phase_auth, NULL, "wifi.conn");
}

static void connect_after_scan(void)
{
    W.ncand = 0;
    W.best_close = 0;
    W.best_reason = 0;
    W.best_ap = (seen_t){ 0 };
    for (int i = 0; i < W.nseen; i++) {
        uint8_t r = scan_reject(W.seen[i].ap, W.seen[i].rssi);
        if (r) note_failure(r, 0, W.seen[i].ap, W.seen[i].rssi);
        else W.cand[W.ncand++] = W.seen[i];
    }
    if (W.cfg.scan_method == EW_SCAN_METHOD_FAST && W.ncand > 1) W.ncand = 1; /* only the first found */
    else if (W.cfg.sort_method == EW_SORT_METHOD_SECURITY)
        qsort(W.cand, (size_t)W.ncand, sizeof W.cand[0], cmp_seen_security);
    W.cand_idx = 0;
    attempt_next();
}

static void start_connect(void)
{
    ew_scan_config_t c = { 0 };
    memcpy(c.ssid, W.cfg.ssid, W.cfg.ssid_len);
    c.ssid_len = W.cfg.ssid_len;
    c.bssid_set = W.cfg.bssid_set;
    memcpy(c.bssid, W.cfg.bssid, 6);
    c.scan_type = EW_SCAN_TYPE_ACTIVE;
    W.st = ST_CONN_SCAN;
    scan_begin(&c, true);
    if (W.cfg.channel && W.cfg.channel <= W.nchan) {
        /* the channel hint is scanned first */
        W.nch = 0;
        W.chans[W.nch++] = W.cfg.channel;
        for (int ch = 1; ch <= W.nchan; ch++)
            if (ch != W.cfg.channel) W.chans[W.nch++] = (uint8_t)ch;
        timer_cancel(&W.scan_timer);
        W.scan_timer = timer_at(W.scan_started + dwell_ms(W.chans[0]), scan_step, NULL, "wifi.scan");
    }
}

static ew_err_t op_connect(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.mode != EW_MODE_STA && W.mode != EW_MODE_APSTA) return EW_ERR_WIFI_MODE;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (connecting()) return EW_ERR_WIFI_CONN;   /* Espressif's own tests assert this */
    if (!W.cfg.ssid_len) return EW_ERR_WIFI_SSID;
    if (W.st == ST_CONNECTED) return EW_OK;       /* the driver answers OK and posts nothing */
    W.connect_calls++;
    if (W.scanning) scan_finish(true); /* connecting has priority over a user scan */
    start_connect();
    return EW_OK;
}

static ew_err_t op_disconnect(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_ERR_WIFI_NOT_STARTED;
    if (W.st != ST_IDLE) sta_drop(EW_REASON_ASSOC_LEAVE);
    return EW_OK;
}

/* ---------------- beacon loss ---------------- */

static void probe_step(void *arg);

static void bcn_timeout(void *arg)
{
    (void)arg;
    W.bcn_timer = 0;
    W.bcn_event_sent = true;
    W.beacon_timeouts++;
    uart_esp_log('I', "wifi", "bcn_timeout,ap_probe_send_start");
    post_simple(EW_EV_BEACON_TIMEOUT);
    W.probes = 0;
    W.bcn_timer = timer_in(PROBE_INTERVAL_MS, probe_step, NULL, "wifi.bcn");
}

static void probe_step(void *arg)
{
    (void)arg;
    W.bcn_timer = 0;
    W.probes++;
    W.probes_sent++;
    if (W.probes < PROBES) {
        W.bcn_timer = timer_in(PROBE_INTERVAL_MS, probe_step, NULL, "wifi.bcn");
        return;
    }
    sta_drop(EW_REASON_BEACON_TIMEOUT);
}

static void bcn_rearm(void)
{
    timer_cancel(&W.bcn_timer);
    W.bcn_timer = timer_in((uint64_t)W.inactive_s * 1000u, bcn_timeout, NULL, "wifi.bcn");
}

void wifi_on_ap_change(sim_ap_t *ap)
{
    if (W.st != ST_CONNECTED || W.ap != ap) return;
    if (!ap_reachable(ap)) {
        if (!W.bcn_lost) {
            W.bcn_lost = true;
            W.bcn_event_sent = false;
            W.bcn_lost_at = vnow();
            bcn_rearm();
        }
    } else if (W.bcn_lost) {
        /* a beacon or probe response arrived: the link survives */
        W.bcn_lost = false;
        timer_cancel(&W.bcn_timer);
    }
    schedule_rssi_check();
}

int wifi_deauth(uint8_t r)
{
    if (W.st != ST_CONNECTED) return -1;
    sta_leave(r, true);
    return 0;
}

int wifi_dhcp_change(void)
{
    if (W.st != ST_CONNECTED || !W.have_ip) return -1;
    timer_cancel(&W.dhcp_timer);
    W.dhcp_timer = timer_in(IP_RENEW_MS, dhcp_fire, (void *)1, "wifi.dhcp");
    return 0;
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
    free_list();
    W.inited = false;
    return EW_OK;
}

static ew_err_t op_set_mode(void *ctx, ew_mode_t mode)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (mode >= EW_MODE__COUNT) return EW_ERR_INVALID_ARG;
    if ((mode == EW_MODE_NULL || mode == EW_MODE_AP) && W.st != ST_IDLE) sta_drop(EW_REASON_ASSOC_LEAVE);
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
        post_simple(EW_EV_STA_START);
    }
    softap_driver_state(W.started, W.mode);
    return EW_OK;
}

static ew_err_t op_stop(void *ctx)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (!W.started) return EW_OK;
    if (W.scanning && !W.scan_internal) scan_finish(true);
    if (W.st != ST_IDLE) sta_drop(EW_REASON_ASSOC_LEAVE);
    W.have_ip = false; /* the netif goes down with the driver; its IP-lost timer keeps running */
    W.started = false;
    softap_driver_state(W.started, W.mode);
    post_simple(EW_EV_STA_STOP);
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

/* protocol and bandwidth changes renegotiate the link: the driver leaves and rejoins by itself */
static void reconnect_now(void)
{
    if (W.st != ST_CONNECTED) return;
    sta_drop(EW_REASON_ASSOC_LEAVE);
    W.connect_calls++;
    start_connect();
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
    reconnect_now();
    return EW_OK;
}

static ew_err_t op_set_bandwidth(void *ctx, ew_bw_t bw)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (bw > EW_BW_HT40) return EW_ERR_INVALID_ARG; /* 2.4 GHz only */
    W.bw = bw;
    NVS_SAVE(bw, bw);
    reconnect_now(); /* as set_protocol: a connected station reconnects */
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
    W.rssi_thr = rssi;
    W.rssi_armed = true;
    schedule_rssi_check();
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
    if (W.st != ST_CONNECTED || !W.ap) return EW_ERR_WIFI_NOT_CONNECT;
    ew_scan_config_t any = { 0 };
    to_record(W.ap, ap_rssi_sample(W.ap), &any, rec);
    memcpy(rec->ssid, W.ap->ssid, W.ap->ssid_len); /* the associated SSID, even when hidden */
    rec->ssid_len = W.ap->ssid_len;
    return EW_OK;
}

static ew_err_t op_get_rssi(void *ctx, int32_t *rssi)
{
    (void)ctx;
    if (!W.inited) return EW_ERR_WIFI_NOT_INIT;
    if (W.st != ST_CONNECTED || !W.ap) return EW_ERR_WIFI_NOT_CONNECT;
    *rssi = ap_rssi_sample(W.ap);
    return EW_OK;
}

static ew_err_t op_ip_info(void *ctx, ew_ip_info_t *ip)
{
    (void)ctx;
    memset(ip, 0, sizeof *ip);
    if (W.have_ip) {
        memcpy(ip->ip, W.ip, 4);
        memcpy(ip->mask, g_world.dhcp.mask, 4);
        memcpy(ip->gw, g_world.dhcp.gw, 4);
    }
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

bool wifi_blocking(void) { return W.scan_blocking; }

/* for the SoftAP (sim_ap.c) and the shared radio world (sim_radio.c) */
void wifi_post(const ew_event_t *ev) { post(ev); }
bool wifi_inited(void) { return W.inited; }
bool wifi_started(void) { return W.started; }
ew_mode_t wifi_mode(void) { return W.mode; }
const sim_ap_t *wifi_associated_ap(void) { return W.st == ST_CONNECTED ? W.ap : NULL; }

void wifi_reset(void)
{
    timer_cancel_kind("wifi.");
    softap_reset();
    if (W.ap && W.st == ST_CONNECTED && W.ap->stations > 0) W.ap->stations--;
    free(W.list); /* RAM is gone with the reset: not a leak */
    /* diagnostics survive resets: they describe the whole run */
    uint32_t keep[13] = { W.scans_run, W.scan_done_events, W.connect_calls, W.connects_ok, W.disconnects,
                          W.leaked_records, W.leaked_scans, W.cleared_lists, W.fetched_lists, W.events_dropped,
                          W.beacon_timeouts, W.probes_sent, 0 };
    memset(&W, 0, sizeof W);
    W.scans_run = keep[0]; W.scan_done_events = keep[1]; W.connect_calls = keep[2]; W.connects_ok = keep[3];
    W.disconnects = keep[4]; W.leaked_records = keep[5]; W.leaked_scans = keep[6]; W.cleared_lists = keep[7];
    W.fetched_lists = keep[8]; W.events_dropped = keep[9]; W.beacon_timeouts = keep[10]; W.probes_sent = keep[11];
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
    char m[18] = "000000000000";
    if (W.ap) snprintf(m, sizeof m, "%02x%02x%02x%02x%02x%02x", W.ap->bssid[0], W.ap->bssid[1], W.ap->bssid[2], W.ap->bssid[3], W.ap->bssid[4], W.ap->bssid[5]);
    snprintf(out, cap,
             "inited=%d started=%d state=%s scanning=%d scan_id=%u scans=%u scan_done_events=%u "
             "last_scan_ms=%llu last_scan_channels=%d held_records=%u leaked_records=%u leaked_scans=%u "
             "cleared_lists=%u fetched_lists=%u connects=%u connected_count=%u disconnects=%u "
             "beacon_timeouts=%u probes=%u events_dropped=%u have_ip=%d lost_ip_armed=%d lost_ip_due_ms=%llu bssid=%s country=%s nchan=%d inactive_s=%u",
             W.inited, W.started, st_names[W.st], W.scanning, W.scan_id, W.scans_run, W.scan_done_events,
             (unsigned long long)W.last_scan_ms, W.last_scan_channels, W.list_held ? W.list_n : 0,
             W.leaked_records, W.leaked_scans, W.cleared_lists, W.fetched_lists, W.connect_calls, W.connects_ok,
             W.disconnects, W.beacon_timeouts, W.probes_sent, W.events_dropped, W.have_ip, W.lostip_timer != 0,
             (unsigned long long)(W.lostip_timer ? W.lostip_due - boot_time() : 0), m, W.cc, W.nchan,
             W.inactive_s);
}
