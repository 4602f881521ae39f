/* Commands that never touch the Wi-Fi driver: ping, info, status, reset. */
#include <string.h>
#include "ew_internal.h"

void ew_cmd_ping(ew_req_t *r)
{
    ew_reply_result(r, EW_OK);
}

void ew_cmd_info(ew_req_t *r)
{
    ew_device_info_t di;
    ew_get_device_info(r->core, &di);
    const ew_reply_info_t v = { .proto = EW_PROTO_VERSION, .fw = di.fw_version, .idf = di.idf_version,
                                .chip = di.chip, .rev = di.chip_rev, .mac = di.mac, .reset = di.reset_reason,
                                .def = EW_PROTO_DEF, .has_def = true };
    EW_REPLY(r, info, &v);
}

void ew_cmd_status(ew_req_t *r)
{
    ew_core_t *c = r->core;
    uint16_t unfetched = 0;
    int32_t rssi = 0;

    /* Ask the driver rather than mirror it: the count is what actually leaks if never fetched. */
    if (c->scan_state == EW_SCAN_STATE_DONE && c->phase != EW_PHASE_UNINIT &&
        EW_PORT_CALL(c, scan_get_ap_num, &unfetched) != EW_OK)
        unfetched = 0;
    if (c->phase >= EW_PHASE_CONNECTED && EW_PORT_CALL(c, sta_get_rssi, &rssi) != EW_OK) rssi = 0;

    /* Fields that do not apply are left out rather than zeroed (§6.3): a zero would read as
     * a real scan id, channel or address. */
    bool linked = c->phase >= EW_PHASE_CONNECTED, addressed = c->phase == EW_PHASE_GOT_IP && c->have_ip;
    /* requests run on the bridge task: its stack margin, for HIL runs to watch */
    int32_t stack = c->port->sys->stack_free ? c->port->sys->stack_free(c->port->sys_ctx) : -1;
    const ew_reply_status_t v = {
        .phase = c->phase, .mode = c->mode, .scan = c->scan_state,
        .scan_id = c->scan_id, .has_scan_id = c->scan_state == EW_SCAN_STATE_DONE || c->scan_state == EW_SCAN_STATE_FETCHED,
        .unfetched = unfetched,
        .ssid = c->ssid, .ssid_len = c->ssid_len, .has_ssid = linked, .bssid = c->bssid, .has_bssid = linked,
        .ch = c->channel, .has_ch = linked, .rssi = rssi, .has_rssi = linked,
        .ip = c->ip.ip, .has_ip = addressed, .mask = c->ip.mask, .has_mask = addressed, .gw = c->ip.gw, .has_gw = addressed,
        .last_reason = c->last_reason, .seq = c->seq, .rx_frames = c->counters.rx_frames, .bad_crc = c->counters.bad_crc,
        .too_long = c->counters.too_long, .malformed = c->counters.malformed, .cleared = c->counters.cleared,
        .stack_free = stack >= 0 ? (uint32_t)stack : 0, .has_stack_free = stack >= 0 };
    EW_REPLY(r, status, &v);
}

void ew_cmd_reset(ew_req_t *r)
{
    /* Reply first: after restart nothing more of this request can be sent. The hello with
     * reset=sw that follows the reboot tells the host it happened. */
    if (!r->core->port->sys->restart) { ew_reply_err(r, EW_ERR_NOT_SUPPORTED); return; }
    ew_reply_result(r, EW_OK);
    r->core->port->sys->restart(r->core->port->sys_ctx);
}
