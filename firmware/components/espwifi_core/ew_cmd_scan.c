/* Scans and their records — the rules the seed is strict about:
 *   - one scan at a time (SCAN_IN_PROGRESS);
 *   - no scan or scan_stop while connecting (the driver says WIFI_STATE; we say it first);
 *   - records never fetched are cleared before the next scan, or the driver leaks them;
 *   - exactly one ap_records per scan: a second is refused with ALREADY_FETCHED, never an
 *     empty list that would look like "no APs around". */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_cmd_scan";

static void clear_unfetched(ew_core_t *c)
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
    bool block = a[EW_ARG_SCAN_BLOCK].i != 0;

    if (!c->port->scan_start) { ew_reply_err(r, EW_ERR_NOT_SUPPORTED); return; }
    if (c->scan_state == EW_SCAN_STATE_DONE) clear_unfetched(c);
    c->scan_state = EW_SCAN_STATE_IDLE;

    c->scan_blocking = block;
    ew_err_t err = c->port->scan_start(c->port->ctx, &cfg, block);
    c->scan_blocking = false;
    if (err != EW_OK) { ew_reply_err(r, err); return; }

    ew_fb_t fb;
    if (!block) {
        c->scan_state = EW_SCAN_STATE_RUNNING;
        ew_reply_ok(r, &fb);
        ew_fb_uint(&fb, "n", 0);   /* the count comes with scan_done */
        ew_reply_send(r, &fb);
        return;
    }
    /* A blocking scan posts no SCAN_DONE, so there is no driver scan id: count our own, which
     * is what the driver's counter would read too. */
    uint16_t n = 0;
    if (EW_PORT_CALL(c, scan_get_ap_num, &n) != EW_OK) n = 0;
    c->scan_state = EW_SCAN_STATE_DONE;
    c->scan_id = (uint8_t)(c->scan_id + 1);
    ew_reply_ok(r, &fb);
    ew_fb_uint(&fb, "n", n);
    ew_reply_send(r, &fb);
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
    ew_fb_t fb;
    if (!ew_need_started(r)) return;
    ew_err_t err = scan_records_available(r);
    if (err == EW_OK) err = EW_PORT_CALL(r->core, scan_get_ap_num, &n);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_reply_ok(r, &fb);
    ew_fb_uint(&fb, "n", n);
    ew_reply_send(r, &fb);
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
    ew_fb_t fb;
    ew_fb_begin(&fb, s->r->tx, sizeof s->r->tx, 'p', s->r->id, "ap");
    ew_fb_bytes(&fb, NULL, rec->ssid, rec->ssid_len > EW_SSID_MAX ? EW_SSID_MAX : rec->ssid_len);
    ew_fb_int(&fb, NULL, rec->rssi);
    ew_fb_mac(&fb, NULL, rec->bssid);
    ew_fb_uint(&fb, NULL, rec->primary);
    ew_fb_raw(&fb, NULL, ew_auth_names[rec->auth < EW_AUTH__COUNT ? rec->auth : EW_AUTH_UNKNOWN]);
    ew_fb_raw(&fb, NULL, ew_cipher_names[rec->pairwise < EW_CIPHER__COUNT ? rec->pairwise : EW_CIPHER_UNKNOWN]);
    ew_fb_raw(&fb, NULL, ew_cipher_names[rec->group < EW_CIPHER__COUNT ? rec->group : EW_CIPHER_UNKNOWN]);
    ew_fb_flags(&fb, NULL, rec->phy, EW_PHY_LETTERS);
    if (rec->second != EW_SECOND_NONE && rec->second < EW_SECOND__COUNT) ew_fb_raw(&fb, "second", ew_second_names[rec->second]);
    if (rec->bw != EW_BW_HT20 && rec->bw < EW_BW__COUNT) ew_fb_raw(&fb, "bw", ew_bw_names[rec->bw]);
    size_t cc_len = strnlen(rec->cc, sizeof rec->cc);
    if (cc_len) ew_fb_bytes(&fb, "cc", (const uint8_t *)rec->cc, cc_len);
    ew_send(s->r->core, &fb);
    s->sent++;
}

void ew_cmd_ap_records(ew_req_t *r)
{
    ew_core_t *c = r->core;
    ew_fb_t fb;
    if (!ew_need_started(r)) return;
    ew_err_t err = scan_records_available(r);
    if (err == EW_OK && c->scan_state == EW_SCAN_STATE_FETCHED) err = EW_ERR_ALREADY_FETCHED;
    if (err == EW_OK && !c->port->scan_get_ap_records) err = EW_ERR_NOT_SUPPORTED;
    if (err != EW_OK) { ew_reply_err(r, err); return; }

    uint16_t total = 0;
    if (EW_PORT_CALL(c, scan_get_ap_num, &total) != EW_OK) total = 0;
    uint16_t n = r->args[EW_ARG_AP_RECORDS_MAX].present ? (uint16_t)r->args[EW_ARG_AP_RECORDS_MAX].i : 64;
    sink_ctx_t s = { .r = r, .sent = 0 };
    err = c->port->scan_get_ap_records(c->port->ctx, &n, ap_sink, &s);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    /* The driver freed its whole list, even past max: this scan's records are gone. */
    c->scan_state = EW_SCAN_STATE_FETCHED;
    ew_reply_ok(r, &fb);
    ew_fb_uint(&fb, "n", s.sent);
    ew_fb_uint(&fb, "total", total);
    ew_fb_uint(&fb, "scan_id", c->scan_id);
    ew_reply_send(r, &fb);
}

uint32_t ew_core_wait_ms(const ew_core_t *core) { (void)core; return EW_CORE_WAIT_FOREVER; }
void ew_core_poll(ew_core_t *core) { (void)core; }
