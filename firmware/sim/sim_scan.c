/*
 * Scans of the simulated driver (Station Scenarios, "Wi-Fi Scan"): the dwell table per channel,
 * foreground scans and background scans (connected: back to the home channel between channels),
 * blocking scans without SCAN_DONE, a new scan overriding a running one, and the driver's record
 * list that get_ap_records frees whole and that leaks when nobody fetches or clears it.
 * The connect's own scan (sim_connect.c) runs here too and hands its result to conn_after_scan.
 */
#include <stdlib.h>
#include <string.h>
#include "sim_wifi.h"

/* Virtual timings (ms). Real values vary; these keep the seed's order of events. */
#define DEFAULT_ACTIVE_MS 120
#define DEFAULT_PASSIVE_MS 360
#define DEFAULT_HOME_DWELL_MS 30

static struct {
    bool scanning, internal, blocking, background;
    ew_scan_config_t cfg;
    uint8_t chans[14];
    int nch, ch_idx;
    uint64_t started;
    uint8_t scan_id;
    seen_t seen[SIM_MAX_APS];
    int nseen;
    sim_timer_t timer;
    /* the driver's allocated result list */
    ew_ap_record_t *list;
    uint16_t list_n;
    bool list_held;
} S;

static struct {
    uint32_t scans_run, scan_done_events;
    uint32_t leaked_records, leaked_scans, cleared_lists, fetched_lists;
    uint64_t last_scan_ms;
    int last_scan_channels;
} S_stats;  /* the whole run: a reset keeps them */

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

void scan_record_of(const sim_ap_t *ap, int rssi, const ew_scan_config_t *c, ew_ap_record_t *r)
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

static uint32_t dwell_ms(uint8_t ch)
{
    const ew_scan_config_t *c = &S.cfg;
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
    return S.cfg.home_chan_dwell_ms ? S.cfg.home_chan_dwell_ms : DEFAULT_HOME_DWELL_MS;
}

static bool scan_matches(const sim_ap_t *ap)
{
    const ew_scan_config_t *c = &S.cfg;
    if (c->bssid_set && memcmp(ap->bssid, c->bssid, 6) != 0) return false;
    const uint8_t *s;
    uint8_t l;
    bool shown = visible_ssid(ap, c, &s, &l);
    if (c->ssid_len && !(shown && ssid_eq(s, l, c->ssid, c->ssid_len))) return false;
    if (!shown && !c->show_hidden && !S.internal) return false;
    const ew_sta_config_t *sta = drv_sta_config();
    if (S.internal && !ssid_eq(ap->ssid, ap->ssid_len, sta->ssid, sta->ssid_len)) return false;
    return true;
}

static void channel_heard(uint8_t ch)
{
    for (int i = 0; i < SIM_MAX_APS; i++) {
        sim_ap_t *ap = &g_world.aps[i];
        if (!ap_reachable(ap) || ap->channel != ch || !scan_matches(ap)) continue;
        bool dup = false;
        for (int k = 0; k < S.nseen; k++) dup |= S.seen[k].ap == ap;
        if (!dup && S.nseen < SIM_MAX_APS) S.seen[S.nseen++] = (seen_t){ ap, ap_rssi_sample(ap) };
    }
}

static bool fast_connect_target_found(void)
{
    for (int k = 0; k < S.nseen; k++)
        if (!conn_reject_reason(S.seen[k].ap, S.seen[k].rssi)) return true;
    return false;
}

static void finish(bool aborted);

static void finish_cb(void *arg) { (void)arg; S.timer = 0; finish(false); }

static void step(void *arg)
{
    (void)arg;
    S.timer = 0;
    if (S.cfg.scan_type == EW_SCAN_TYPE_ACTIVE) radio_probe(S.chans[S.ch_idx]);
    channel_heard(S.chans[S.ch_idx]);
    S.ch_idx++;
    bool done = S.ch_idx >= S.nch;
    if (S.internal && drv_sta_config()->scan_method == EW_SCAN_METHOD_FAST && fast_connect_target_found()) done = true;
    uint32_t home = S.background ? home_dwell() : 0;
    if (done) {
        if (home) S.timer = timer_in(home, finish_cb, NULL, "wifi.scan");
        else finish(false);
        return;
    }
    S.timer = timer_in(home + dwell_ms(S.chans[S.ch_idx]), step, NULL, "wifi.scan");
}

int seen_cmp_rssi(const void *a, const void *b)
{
    const seen_t *x = a, *y = b;
    if (x->rssi != y->rssi) return y->rssi - x->rssi;
    return memcmp(x->ap->bssid, y->ap->bssid, 6);
}

static void finish(bool aborted)
{
    timer_cancel(&S.timer);
    S.scanning = false;
    S_stats.last_scan_ms = vnow() - S.started;
    S_stats.last_scan_channels = S.ch_idx;
    qsort(S.seen, (size_t)S.nseen, sizeof S.seen[0], seen_cmp_rssi);
    if (S.internal) {
        S.internal = false;
        if (!aborted) conn_after_scan(S.seen, S.nseen);
        return;
    }
    if (S.list_held && S.list_n) {
        /* the previous list was never fetched nor cleared: the driver loses track of it */
        S_stats.leaked_scans++;
        S_stats.leaked_records += S.list_n;
    }
    free(S.list);
    S.list = NULL;
    S.list_n = 0;
    if (S.nseen) {
        S.list = calloc((size_t)S.nseen, sizeof *S.list);
        if (S.list) {
            for (int i = 0; i < S.nseen; i++) scan_record_of(S.seen[i].ap, S.seen[i].rssi, &S.cfg, &S.list[i]);
            S.list_n = (uint16_t)S.nseen;
        }
    }
    S.list_held = true;
    /* the beacon-loss timer restarts during a scan (seed, "Wi-Fi Beacon Timeout") */
    bcn_scan_done();
    if (!S.blocking) {
        ew_event_t ev = { .id = EW_EV_SCAN_DONE };
        ev.u.scan_done.status = aborted ? 1 : 0;
        ev.u.scan_done.number = (uint8_t)(S.list_n > 255 ? 255 : S.list_n);
        ev.u.scan_done.scan_id = S.scan_id;
        S_stats.scan_done_events++;
        wifi_post(&ev);
    }
}

static ew_err_t begin(const ew_scan_config_t *cfg, bool internal)
{
    int nchan = drv_channels();
    S.cfg = *cfg;
    S.nch = 0;
    if (cfg->channel) {
        if (cfg->channel > nchan) return EW_ERR_INVALID_ARG;
        S.chans[S.nch++] = cfg->channel;
    } else if (cfg->channel_bitmap) {
        for (int ch = 1; ch <= nchan; ch++)
            if (cfg->channel_bitmap & (1u << ch)) S.chans[S.nch++] = (uint8_t)ch;
        if (!S.nch) return EW_ERR_INVALID_ARG;
    } else {
        for (int ch = 1; ch <= nchan; ch++) S.chans[S.nch++] = (uint8_t)ch;
    }
    S.scanning = true;
    S.internal = internal;
    S.background = conn_connected_ap() != NULL;
    S.ch_idx = 0;
    S.nseen = 0;
    S.started = vnow();
    S_stats.scans_run++;
    S.timer = timer_at(S.started + dwell_ms(S.chans[0]), step, NULL, "wifi.scan");
    return EW_OK;
}

static bool is_done(void) { return !S.scanning; }

ew_err_t scan_user_start(const ew_scan_config_t *cfg, bool block)
{
    if (S.scanning) finish(true);            /* a new scan overrides a running one */
    ew_scan_config_t c = *cfg;
    S.blocking = block;
    S.scan_id++;
    ew_err_t e = begin(&c, false);
    if (e != EW_OK) { S.scan_id--; return e; }
    if (block) {
        board_run_until(is_done);
        S.blocking = false;
    }
    return EW_OK;
}

void scan_user_stop(void)
{
    if (S.scanning && !S.internal) finish(true);
}

void scan_abort(void)
{
    if (S.scanning) finish(true);
}

void scan_for_connect(const ew_sta_config_t *sta)
{
    ew_scan_config_t c = { 0 };
    memcpy(c.ssid, sta->ssid, sta->ssid_len);
    c.ssid_len = sta->ssid_len;
    c.bssid_set = sta->bssid_set;
    memcpy(c.bssid, sta->bssid, 6);
    c.scan_type = EW_SCAN_TYPE_ACTIVE;
    begin(&c, true);
    int nchan = drv_channels();
    if (sta->channel && sta->channel <= nchan) {
        /* the channel hint is scanned first */
        S.nch = 0;
        S.chans[S.nch++] = sta->channel;
        for (int ch = 1; ch <= nchan; ch++)
            if (ch != sta->channel) S.chans[S.nch++] = (uint8_t)ch;
        timer_cancel(&S.timer);
        S.timer = timer_at(S.started + dwell_ms(S.chans[0]), step, NULL, "wifi.scan");
    }
}

void scan_cancel_connect(void)
{
    if (S.scanning && S.internal) { timer_cancel(&S.timer); S.scanning = false; S.internal = false; }
}

bool scan_running(void) { return S.scanning; }
bool scan_blocking(void) { return S.blocking; }

uint16_t scan_held_records(void) { return S.list_held ? S.list_n : 0; }

void scan_free_records(void)
{
    free(S.list);
    S.list = NULL;
    S.list_n = 0;
    S.list_held = false;
}

uint16_t scan_take_records(uint16_t max, ew_ap_sink_t sink, void *sink_ctx)
{
    uint16_t n = 0;
    if (S.list_held) {
        for (; n < max && n < S.list_n; n++) sink(sink_ctx, &S.list[n]);
        S_stats.fetched_lists++;
    }
    scan_free_records(); /* the whole list, fetched or not: a second call gets nothing */
    return n;
}

void scan_clear_records(void)
{
    if (S.list_held) S_stats.cleared_lists++;
    scan_free_records();
}

void scan_reset(void)
{
    free(S.list); /* RAM is gone with the reset: not a leak */
    memset(&S, 0, sizeof S);
    S_stats.last_scan_ms = 0;        /* "the last scan" is of this boot */
    S_stats.last_scan_channels = 0;
}

void scan_diag(scan_diag_t *d)
{
    *d = (scan_diag_t){
        .scanning = S.scanning, .scan_id = S.scan_id, .scans_run = S_stats.scans_run,
        .scan_done_events = S_stats.scan_done_events, .last_scan_ms = S_stats.last_scan_ms,
        .last_scan_channels = S_stats.last_scan_channels, .held_records = scan_held_records(),
        .leaked_records = S_stats.leaked_records, .leaked_scans = S_stats.leaked_scans,
        .cleared_lists = S_stats.cleared_lists, .fetched_lists = S_stats.fetched_lists,
    };
}
