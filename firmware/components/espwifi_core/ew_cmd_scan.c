/* Scans and their records — the rules the seed is strict about:
 *   - one scan at a time (SCAN_IN_PROGRESS);
 *   - no scan or scan_stop while connecting (the driver says WIFI_STATE; we say it first);
 *   - records never fetched are cleared before the next scan, or the driver leaks them;
 *   - exactly one ap_records per scan: a second is refused with ALREADY_FETCHED, never an
 *     empty list that would look like "no APs around". */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_cmd_scan";

static void scan_clear_unfetched(ew_core_t *c)
{
    char nb[12], ib[12];
    uint16_t n = 0;
    if (EW_PORT_CALL(c, scan_get_ap_num, &n) != EW_OK) n = 0;
    ew_err_t err = EW_PORT_CALL(c, clear_ap_list);
    c->counters.cleared++;
    const char *parts[] = { "scan ", ew_utoa(ib, c->scan_id), ": ", ew_utoa(nb, n),
                            " records were never fetched; cleared them before the next scan "
                            "(call ap_records once after every scan_done)",
                            err == EW_OK ? "" : " — clear_ap_list failed", NULL };
    ew_log(c, EW_LOG_WARN, TAG, parts);
}

ew_err_t ew_scan_start(ew_core_t *c, const ew_scan_config_t *cfg)
{
    if (c->scan_state == EW_SCAN_STATE_DONE) scan_clear_unfetched(c);
    c->scan_state = EW_SCAN_STATE_IDLE;
    /* Always non-blocking in the driver: esp_wifi_scan_start(block=true) would hold this task for
     * the whole scan (up to ~25 s) and requests would run after their host gave up on them.
     * A blocking scan is answered at its SCAN_DONE instead (ew_scan_blocking_done). */
    ew_err_t err = c->port->wifi->scan_start(c->port->wifi_ctx, cfg, false);
    if (err == EW_OK) c->scan_state = EW_SCAN_STATE_RUNNING;
    return err;
}

/* Longest this scan may take, with margin: every channel (14 when not told) at its dwell time,
 * plus the home-channel visits of a background scan. The driver's dwell rules are in
 * PROTOCOL.md §6.13; anything past this is a scan whose end was lost. */
static uint32_t scan_deadline_ms(const ew_scan_config_t *cfg, bool connected)
{
    uint32_t dwell;
    if (cfg->scan_type == EW_SCAN_TYPE_PASSIVE) dwell = cfg->passive_ms ? cfg->passive_ms : 360;
    else dwell = cfg->active_max_ms > cfg->active_min_ms ? cfg->active_max_ms : 120;
    if (dwell < cfg->active_min_ms) dwell = cfg->active_min_ms;
    if (connected) dwell += cfg->home_chan_dwell_ms ? cfg->home_chan_dwell_ms : 30;
    uint32_t channels = 14;
    if (cfg->channel) channels = 1;
    else if (cfg->channel_bitmap) {
        channels = 0;
        for (uint16_t b = cfg->channel_bitmap; b; b &= (uint16_t)(b - 1)) channels++;
    }
    /* the longest legal scan (14 x (1500 + 255) ms) stays under the host's 30 s request limit */
    return channels * dwell * 9 / 8 + 1500;
}

void ew_cmd_scan(ew_req_t *r)
{
    ew_core_t *c = r->core;
    const ew_arg_t *a = r->args;
    ew_scan_config_t cfg;

    if (!ew_need_started(r)) return;
    if (c->phase == EW_PHASE_CONNECTING) { ew_reply_err(r, EW_ERR_WIFI_STATE); return; }
    if (c->scan_state == EW_SCAN_STATE_RUNNING) { ew_reply_err(r, EW_ERR_SCAN_IN_PROGRESS); return; }

    memset(&cfg, 0, sizeof cfg);
    cfg.ssid_len = (uint8_t)ew_arg_bytes(&a[EW_ARG_SCAN_SSID], cfg.ssid, sizeof cfg.ssid);
    if (a[EW_ARG_SCAN_BSSID].present) { cfg.bssid_set = true; memcpy(cfg.bssid, a[EW_ARG_SCAN_BSSID].b, 6); }
    cfg.channel = (uint8_t)a[EW_ARG_SCAN_CH].i;
    cfg.show_hidden = a[EW_ARG_SCAN_HIDDEN].i != 0;
    cfg.scan_type = (ew_scan_type_t)a[EW_ARG_SCAN_TYPE].i;
    cfg.active_min_ms = (uint16_t)a[EW_ARG_SCAN_MIN].i;
    cfg.active_max_ms = (uint16_t)a[EW_ARG_SCAN_MAX].i;
    cfg.passive_ms = (uint16_t)a[EW_ARG_SCAN_PASSIVE].i;
    cfg.home_chan_dwell_ms = (uint8_t)a[EW_ARG_SCAN_HOME].i;
    cfg.channel_bitmap = (uint16_t)a[EW_ARG_SCAN_BITMAP].i;
    cfg.coex_background = a[EW_ARG_SCAN_COEX].i != 0;

    if (!c->port->wifi->scan_start) { ew_reply_err(r, EW_ERR_NOT_SUPPORTED); return; }
    ew_err_t err = ew_scan_start(c, &cfg);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    if (a[EW_ARG_SCAN_BLOCK].i != 0) {
        c->scan_blocking = true;
        c->block_req_id = r->id;
        c->block_deadline_ms = (c->port->sys->now_ms ? c->port->sys->now_ms(c->port->sys_ctx) : 0) +
                               scan_deadline_ms(&cfg, c->phase >= EW_PHASE_CONNECTED);
        return;
    }
    const ew_reply_scan_t v = { .n = 0 };   /* the count comes with scan_done */
    EW_REPLY(r, scan, &v);
}

/* The blocking scan's SCAN_DONE: the reply to its request, not an event (ESP-IDF posts none for a
 * blocking scan). Returns false when no blocking scan waits for it. */
bool ew_scan_blocking_done(ew_core_t *c, const ew_event_t *ev)
{
    if (!c->scan_blocking) return false;
    ew_req_t req = { .core = c, .id = c->block_req_id };
    c->scan_blocking = false;
    c->scan_state = EW_SCAN_STATE_DONE;
    c->scan_id = ev->u.scan_done.scan_id;
    if (ev->u.scan_done.status != 0) { ew_reply_err(&req, EW_ERR_FAIL); return true; }
    uint16_t n = 0;
    if (EW_PORT_CALL(c, scan_get_ap_num, &n) != EW_OK) n = ev->u.scan_done.number;
    const ew_reply_scan_t v = { .n = n };
    EW_REPLY(&req, scan, &v);
    return true;
}

static uint32_t scan_wait_ms(const ew_core_t *c)
{
    if (!c->scan_blocking || !c->port->sys->now_ms) return EW_CORE_WAIT_FOREVER;
    int32_t left = (int32_t)(c->block_deadline_ms - c->port->sys->now_ms(c->port->sys_ctx));
    return left > 0 ? (uint32_t)left : 0;
}

uint32_t ew_core_wait_ms(const ew_core_t *c)
{
    uint32_t scan = scan_wait_ms(c), improv = ew_improv_wait_ms(c);
    return scan < improv ? scan : improv;
}

/* A blocking scan past its deadline (its SCAN_DONE lost, or the driver stuck): stop it and answer
 * WIFI_TIMEOUT, as esp_wifi_scan_start(block=true) does. The SCAN_DONE that the stop brings is an
 * ordinary scan_done event then, and ends the scan for the next one. */
void ew_core_poll(ew_core_t *c)
{
    ew_improv_poll(c);
    if (!c->scan_blocking || scan_wait_ms(c) > 0) return;
    ew_req_t req = { .core = c, .id = c->block_req_id };
    c->scan_blocking = false;
    ew_err_t err = EW_PORT_CALL(c, scan_stop);
    char eb[12];
    const char *parts[] = { "blocking scan ", ew_utoa(eb, req.id), " timed out; scan_stop ",
                            err == EW_OK ? "ok" : "failed", NULL };
    ew_log(c, EW_LOG_WARN, TAG, parts);
    ew_reply_err(&req, EW_ERR_WIFI_TIMEOUT);
}

void ew_cmd_scan_stop(ew_req_t *r)
{
    if (!ew_need_started(r)) return;
    if (r->core->phase == EW_PHASE_CONNECTING) { ew_reply_err(r, EW_ERR_WIFI_STATE); return; }
    /* SCAN_DONE follows for a running scan and moves the state; the driver refuses while
     * connecting (WIFI_STATE) and we pass that through by name. */
    ew_reply_result(r, EW_PORT_CALL(r->core, scan_stop));
}

static ew_err_t scan_records_available(ew_req_t *r)
{
    switch (r->core->scan_state) {
    case EW_SCAN_STATE_RUNNING: return EW_ERR_SCAN_IN_PROGRESS;
    case EW_SCAN_STATE_IDLE: return EW_ERR_NO_SCAN;
    default: return EW_OK;
    }
}

void ew_cmd_ap_num(ew_req_t *r)
{
    uint16_t n = 0;
    if (!ew_need_started(r)) return;
    ew_err_t err = scan_records_available(r);
    if (err == EW_OK) err = EW_PORT_CALL(r->core, scan_get_ap_num, &n);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_ap_num_t v = { .n = n };
    EW_REPLY(r, ap_num, &v);
}

typedef struct {
    ew_req_t *r;
    uint16_t sent;
} sink_ctx_t;

/* One `~p<id> ap` partial per record, written as the driver hands them over, so the records
 * never need to be held in RAM. Extras only when they say something, to stay compact. */
static void ap_sink(void *ctx, const ew_ap_record_t *rec)
{
    sink_ctx_t *s = ctx;
    char cc[sizeof rec->cc + 1] = { 0 };   /* an adapter may fill all of cc without a NUL */
    memcpy(cc, rec->cc, sizeof rec->cc);
    const ew_partial_ap_t p = {
        .ssid = rec->ssid, .ssid_len = rec->ssid_len > EW_SSID_MAX ? EW_SSID_MAX : rec->ssid_len, .rssi = rec->rssi,
        .bssid = rec->bssid, .ch = rec->primary, .auth = rec->auth, .pairwise = rec->pairwise, .group = rec->group,
        .phy = rec->phy,
        .second = rec->second, .has_second = rec->second != EW_SECOND_NONE && rec->second < EW_SECOND__COUNT,
        .bw = rec->bw, .has_bw = rec->bw != EW_BW_HT20 && rec->bw < EW_BW__COUNT,
        .cc = cc, .has_cc = cc[0] != 0 };
    EW_PARTIAL(s->r, ap, &p);
    s->sent++;
}

void ew_cmd_ap_records(ew_req_t *r)
{
    ew_core_t *c = r->core;
    if (!ew_need_started(r)) return;
    ew_err_t err = scan_records_available(r);
    if (err == EW_OK && c->scan_state == EW_SCAN_STATE_FETCHED) err = EW_ERR_ALREADY_FETCHED;
    if (err == EW_OK && !c->port->wifi->scan_get_ap_records) err = EW_ERR_NOT_SUPPORTED;
    if (err != EW_OK) { ew_reply_err(r, err); return; }

    uint16_t total = 0;
    if (EW_PORT_CALL(c, scan_get_ap_num, &total) != EW_OK) total = 0;
    uint16_t n = r->args[EW_ARG_AP_RECORDS_MAX].present ? (uint16_t)r->args[EW_ARG_AP_RECORDS_MAX].i : 64;
    sink_ctx_t s = { .r = r, .sent = 0 };
    err = c->port->wifi->scan_get_ap_records(c->port->wifi_ctx, &n, ap_sink, &s);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    /* The driver freed its whole list, even past max: this scan's records are gone. */
    c->scan_state = EW_SCAN_STATE_FETCHED;
    const ew_reply_ap_records_t v = { .n = s.sent, .total = total, .scan_id = c->scan_id };
    EW_REPLY(r, ap_records, &v);
}
