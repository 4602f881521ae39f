/* Commands that never touch the Wi-Fi driver: ping, info, status, reset. */
#include <string.h>
#include "ew_internal.h"

static void put_text(ew_fb_t *fb, const char *key, const char *s)
{
    ew_fb_bytes(fb, key, (const uint8_t *)(s ? s : ""), s ? strlen(s) : 0);
}

void ew_cmd_ping(ew_req_t *r)
{
    ew_reply_result(r, EW_OK);
}

void ew_cmd_info(ew_req_t *r)
{
    ew_device_info_t di;
    ew_fb_t fb;
    memset(&di, 0, sizeof di);
    if (r->core->port->sys->get_device_info) r->core->port->sys->get_device_info(r->core->port->sys_ctx, &di);
    ew_reply_ok(r, &fb);
    ew_fb_raw(&fb, "proto", EW_PROTO_VERSION);
    put_text(&fb, "fw", di.fw_version);
    put_text(&fb, "idf", di.idf_version);
    put_text(&fb, "chip", di.chip);
    ew_fb_uint(&fb, "rev", di.chip_rev);
    ew_fb_mac(&fb, "mac", di.mac);
    ew_fb_raw(&fb, "reset", di.reset_reason < EW_RESET_REASON__COUNT ? ew_reset_reason_names[di.reset_reason] : "unknown");
    ew_reply_send(r, &fb);
}

void ew_cmd_status(ew_req_t *r)
{
    ew_core_t *c = r->core;
    ew_fb_t fb;
    uint16_t unfetched = 0;
    int32_t rssi = 0;

    /* Ask the driver rather than mirror it: the count is what actually leaks if never fetched. */
    if (c->scan_state == EW_SCAN_STATE_DONE && c->phase != EW_PHASE_UNINIT &&
        EW_PORT_CALL(c, scan_get_ap_num, &unfetched) != EW_OK)
        unfetched = 0;
    if (c->phase >= EW_PHASE_CONNECTED && EW_PORT_CALL(c, sta_get_rssi, &rssi) != EW_OK) rssi = 0;

    ew_reply_ok(r, &fb);
    ew_fb_raw(&fb, "phase", ew_phase_names[c->phase < EW_PHASE__COUNT ? c->phase : 0]);
    ew_fb_raw(&fb, "mode", ew_mode_names[c->mode < EW_MODE__COUNT ? c->mode : 0]);
    ew_fb_raw(&fb, "scan", ew_scan_state_names[c->scan_state < EW_SCAN_STATE__COUNT ? c->scan_state : 0]);
    /* Fields that do not apply are left out rather than zeroed (§6.3): a zero would read as
     * a real scan id, channel or address. */
    if (c->scan_state == EW_SCAN_STATE_DONE || c->scan_state == EW_SCAN_STATE_FETCHED)
        ew_fb_uint(&fb, "scan_id", c->scan_id);
    ew_fb_uint(&fb, "unfetched", unfetched);
    if (c->phase >= EW_PHASE_CONNECTED) {
        ew_fb_bytes(&fb, "ssid", c->ssid, c->ssid_len);
        ew_fb_mac(&fb, "bssid", c->bssid);
        ew_fb_uint(&fb, "ch", c->channel);
        ew_fb_int(&fb, "rssi", rssi);
    }
    if (c->phase == EW_PHASE_GOT_IP && c->have_ip) {
        ew_fb_ip4(&fb, "ip", c->ip.ip);
        ew_fb_ip4(&fb, "mask", c->ip.mask);
        ew_fb_ip4(&fb, "gw", c->ip.gw);
    }
    ew_fb_uint(&fb, "last_reason", c->last_reason);
    ew_fb_uint(&fb, "seq", c->seq);
    ew_fb_uint(&fb, "rx_frames", c->counters.rx_frames);
    ew_fb_uint(&fb, "bad_crc", c->counters.bad_crc);
    ew_fb_uint(&fb, "too_long", c->counters.too_long);
    ew_fb_uint(&fb, "malformed", c->counters.malformed);
    ew_fb_uint(&fb, "cleared", c->counters.cleared);
    /* requests run on the bridge task: its stack margin, for HIL runs to watch */
    int32_t stack = c->port->sys->stack_free ? c->port->sys->stack_free(c->port->sys_ctx) : -1;
    if (stack >= 0) ew_fb_uint(&fb, "stack_free", (uint32_t)stack);
    ew_reply_send(r, &fb);
}

void ew_cmd_reset(ew_req_t *r)
{
    /* Reply first: after restart nothing more of this request can be sent. The hello with
     * reset=sw that follows the reboot tells the host it happened. */
    if (!r->core->port->sys->restart) { ew_reply_err(r, EW_ERR_NOT_SUPPORTED); return; }
    ew_reply_result(r, EW_OK);
    r->core->port->sys->restart(r->core->port->sys_ctx);
}
