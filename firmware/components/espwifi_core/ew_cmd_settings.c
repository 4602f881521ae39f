/* Driver settings: country, protocol, bandwidth, power save, inactive time, RSSI threshold,
 * storage. Protocol and bandwidth changes make a connected station reconnect (seed,
 * configuration phase), so their replies say reconnect=1 and the host can expect the drop. */
#include <string.h>
#include "ew_internal.h"

static void reply_reconnect(ew_req_t *r, ew_err_t err, bool was_connected)
{
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    /* protocol and bandwidth share the reply (reconnect); the id, not the verb, names the request */
    const ew_reply_protocol_t v = { .reconnect = was_connected };
    EW_REPLY(r, protocol, &v);
}

static bool connected(const ew_core_t *c)
{
    return c->phase == EW_PHASE_CONNECTED || c->phase == EW_PHASE_GOT_IP;
}

void ew_cmd_country(ew_req_t *r)
{
    char cc[3] = { 0 };
    if (!ew_need_init(r)) return;
    ew_arg_bytes(&r->args[EW_ARG_COUNTRY_CC], (uint8_t *)cc, 2);
    /* ESP-IDF enables 802.11d by default; keep that unless asked otherwise. */
    bool d = r->args[EW_ARG_COUNTRY_IEEE80211D].present ? r->args[EW_ARG_COUNTRY_IEEE80211D].i != 0 : true;
    ew_reply_result(r, EW_PORT_CALL(r->core, set_country_code, cc, d));
}

void ew_cmd_protocol(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    bool was = connected(r->core);
    reply_reconnect(r, EW_PORT_CALL(r->core, set_protocol, (ew_proto_flags_t)r->args[EW_ARG_PROTOCOL_P].i), was);
}

void ew_cmd_bandwidth(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    bool was = connected(r->core);
    reply_reconnect(r, EW_PORT_CALL(r->core, set_bandwidth, (ew_bw_t)r->args[EW_ARG_BANDWIDTH_BW].i), was);
}

void ew_cmd_ps(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    ew_reply_result(r, EW_PORT_CALL(r->core, set_ps, (ew_ps_t)r->args[EW_ARG_PS_MODE].i));
}

void ew_cmd_inactive_time(ew_req_t *r)
{
    if (!ew_need_started(r)) return;   /* the driver refuses it before start (§9.3) */
    ew_reply_result(r, EW_PORT_CALL(r->core, set_inactive_time, (uint16_t)r->args[EW_ARG_INACTIVE_TIME_SEC].i));
}

void ew_cmd_rssi_threshold(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    ew_reply_result(r, EW_PORT_CALL(r->core, set_rssi_threshold, r->args[EW_ARG_RSSI_THRESHOLD_RSSI].i));
}

void ew_cmd_storage(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    ew_reply_result(r, EW_PORT_CALL(r->core, set_storage, (ew_storage_t)r->args[EW_ARG_STORAGE_S].i));
}
