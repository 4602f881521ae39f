/* The SoftAP role: AP configuration, its stations, de-authentication, TX power, the AP's DHCP
 * server, and the AP events. There is no AP start/stop pair: ESP-IDF runs the AP interface when
 * the mode includes it (`mode` + `start`/`stop`), so those stay with the station's handlers. */
#include <string.h>
#include "ew_internal.h"
#include "ew_events_gen.h"

#define EW_AP_MAX_STATIONS 15   /* ESP_WIFI_MAX_CONN_NUM (4 on ESP32-C2) */

void ew_cmd_softap_config(ew_req_t *r)
{
    const ew_arg_t *a = r->args;
    ew_ap_config_t cfg;
    if (!ew_need_init(r)) return;
    /* esp_wifi_set_config replaces the whole AP config: absent arguments take ESP-IDF's defaults */
    memset(&cfg, 0, sizeof cfg);
    cfg.ssid_len = (uint8_t)ew_arg_bytes(&a[EW_ARG_SOFTAP_CONFIG_SSID], cfg.ssid, sizeof cfg.ssid);
    cfg.password_len = (uint8_t)ew_arg_bytes(&a[EW_ARG_SOFTAP_CONFIG_PASS], cfg.password, sizeof cfg.password);
    cfg.channel = a[EW_ARG_SOFTAP_CONFIG_CH].present ? (uint8_t)a[EW_ARG_SOFTAP_CONFIG_CH].i : 1;
    cfg.auth = a[EW_ARG_SOFTAP_CONFIG_AUTH].present ? (ew_auth_t)a[EW_ARG_SOFTAP_CONFIG_AUTH].i
                                                    : (cfg.password_len ? EW_AUTH_WPA2 : EW_AUTH_OPEN);
    cfg.max_connection = a[EW_ARG_SOFTAP_CONFIG_MAX].present ? (uint8_t)a[EW_ARG_SOFTAP_CONFIG_MAX].i : 4;
    cfg.hidden = a[EW_ARG_SOFTAP_CONFIG_HIDDEN].present && a[EW_ARG_SOFTAP_CONFIG_HIDDEN].i;
    cfg.beacon_interval = a[EW_ARG_SOFTAP_CONFIG_BEACON].present ? (uint16_t)a[EW_ARG_SOFTAP_CONFIG_BEACON].i : 100;
    cfg.pmf = a[EW_ARG_SOFTAP_CONFIG_PMF].present ? (ew_pmf_t)a[EW_ARG_SOFTAP_CONFIG_PMF].i : EW_PMF_CAPABLE;
    cfg.probe_events = a[EW_ARG_SOFTAP_CONFIG_PROBE].present && a[EW_ARG_SOFTAP_CONFIG_PROBE].i;
    ew_err_t err = EW_PORT_CALL(r->core, ap_set_config, &cfg);
    memset(cfg.password, 0, sizeof cfg.password);   /* not left on the stack */
    ew_reply_result(r, err);
}

void ew_cmd_softap_get_config(ew_req_t *r)
{
    ew_ap_config_t cfg;
    if (!ew_need_init(r)) return;
    memset(&cfg, 0, sizeof cfg);
    ew_err_t err = EW_PORT_CALL(r->core, ap_get_config, &cfg);
    bool pass_set = cfg.password_len > 0;
    memset(cfg.password, 0, sizeof cfg.password);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_softap_get_config_t v = {
        .ssid = cfg.ssid, .ssid_len = cfg.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : cfg.ssid_len, .pass_set = pass_set,
        .ch = cfg.channel, .auth = cfg.auth, .max_conn = cfg.max_connection, .hidden = cfg.hidden,
        .beacon = cfg.beacon_interval, .pmf = cfg.pmf, .probe = cfg.probe_events, .running = r->core->ap_running };
    EW_REPLY(r, softap_get_config, &v);
}

void ew_cmd_softap_stations(ew_req_t *r)
{
    ew_ap_sta_t list[EW_AP_MAX_STATIONS];
    uint8_t n = 0;
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, ap_get_sta_list, list, EW_AP_MAX_STATIONS, &n);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    if (n > EW_AP_MAX_STATIONS) n = EW_AP_MAX_STATIONS;
    for (uint8_t i = 0; i < n; i++) {
        const ew_partial_sta_t p = { .mac = list[i].mac, .aid = list[i].aid, .rssi = list[i].rssi };
        EW_PARTIAL(r, sta, &p);
    }
    const ew_reply_softap_stations_t v = { .n = n };
    EW_REPLY(r, softap_stations, &v);
}

void ew_cmd_softap_kick(ew_req_t *r)
{
    const ew_arg_t *a = r->args;
    uint16_t aid = 0;   /* esp_wifi_deauth_sta(0): every station */
    if (!ew_need_init(r)) return;
    if (a[EW_ARG_SOFTAP_KICK_MAC].present) {
        ew_err_t err = EW_PORT_CALL(r->core, ap_get_sta_aid, a[EW_ARG_SOFTAP_KICK_MAC].b, &aid);
        if (err != EW_OK) { ew_reply_err(r, err); return; }
        /* the driver answers OK with aid 0 for a MAC it does not know on some releases: that
         * would de-authenticate everyone instead of no one */
        if (aid == 0) { ew_reply_err(r, EW_ERR_NOT_FOUND); return; }
    } else if (a[EW_ARG_SOFTAP_KICK_AID].present) {
        aid = (uint16_t)a[EW_ARG_SOFTAP_KICK_AID].i;
    }
    ew_reply_result(r, EW_PORT_CALL(r->core, ap_deauth_sta, aid));
}

void ew_cmd_tx_power(ew_req_t *r)
{
    int8_t q = 0;
    if (!ew_need_started(r)) return;   /* before start the PHY init data decides */
    if (r->args[EW_ARG_TX_POWER_POWER].present) {
        ew_err_t err = EW_PORT_CALL(r->core, set_max_tx_power, (int8_t)r->args[EW_ARG_TX_POWER_POWER].i);
        if (err != EW_OK) { ew_reply_err(r, err); return; }
    }
    /* read back: the driver rounds down to its own steps, and the reply must say what it uses */
    ew_err_t err = EW_PORT_CALL(r->core, get_max_tx_power, &q);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_tx_power_t v = { .power = q };
    EW_REPLY(r, tx_power, &v);
}

void ew_cmd_softap_dhcp(ew_req_t *r)
{
    const ew_arg_t *a = r->args;
    ew_dhcps_config_t c;
    if (!ew_need_init(r)) return;
    memset(&c, 0, sizeof c);
    ew_err_t err = EW_PORT_CALL(r->core, dhcps_get, &c);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    bool change = false;
    /* the four addresses are consecutive arguments, in this order */
    _Static_assert(EW_ARG_SOFTAP_DHCP_MASK == EW_ARG_SOFTAP_DHCP_IP + 1 && EW_ARG_SOFTAP_DHCP_START == EW_ARG_SOFTAP_DHCP_IP + 2 &&
                   EW_ARG_SOFTAP_DHCP_END == EW_ARG_SOFTAP_DHCP_IP + 3,
                   "softap_dhcp address arguments");
    uint8_t *const addr[4] = { c.ip, c.mask, c.start, c.end };
    for (int k = 0; k < 4; k++)
        if (a[EW_ARG_SOFTAP_DHCP_IP + k].present) { memcpy(addr[k], a[EW_ARG_SOFTAP_DHCP_IP + k].b, 4); change = true; }
    if (a[EW_ARG_SOFTAP_DHCP_LEASE].present) { c.lease = (uint16_t)a[EW_ARG_SOFTAP_DHCP_LEASE].i; change = true; }
    if (change) {
        err = EW_PORT_CALL(r->core, dhcps_set, &c);
        if (err != EW_OK) { ew_reply_err(r, err); return; }
        err = EW_PORT_CALL(r->core, dhcps_get, &c);   /* what the server really holds now */
        if (err != EW_OK) { ew_reply_err(r, err); return; }
    }
    const ew_reply_softap_dhcp_t v = { .ip = c.ip, .mask = c.mask, .start = c.start, .end = c.end, .lease = c.lease };
    EW_REPLY(r, softap_dhcp, &v);
}

bool ew_softap_on_event(ew_core_t *core, const ew_event_t *ev)
{
    switch (ev->id) {
    case EW_EV_AP_START:
        core->ap_running = true;
        ew_send_event(core, EW_MSG_EV_AP_START, NULL);
        return true;
    case EW_EV_AP_STOP:
        core->ap_running = false;
        ew_send_event(core, EW_MSG_EV_AP_STOP, NULL);
        return true;
    case EW_EV_AP_STACONNECTED: {
        const ew_ev_ap_staconnected_t v = { .mac = ev->u.ap_sta.mac, .aid = ev->u.ap_sta.aid };
        EW_EVENT(core, ap_staconnected, &v);
        return true;
    }
    case EW_EV_AP_STADISCONNECTED: {
        /* the encoder caps reason at 255 (u8), as every reason the ESP AP reports is */
        const ew_ev_ap_stadisconnected_t v = { .mac = ev->u.ap_sta.mac, .aid = ev->u.ap_sta.aid, .reason = ev->u.ap_sta.reason };
        EW_EVENT(core, ap_stadisconnected, &v);
        return true;
    }
    case EW_EV_AP_STAIPASSIGNED: {
        const ew_ev_ap_staipassigned_t v = { .ip = ev->u.ap_sta_ip.ip, .mac = ev->u.ap_sta_ip.mac };
        EW_EVENT(core, ap_staipassigned, &v);
        return true;
    }
    case EW_EV_AP_PROBEREQRECVED: {
        const ew_ev_ap_probereqrecved_t v = { .mac = ev->u.ap_probe.mac, .rssi = ev->u.ap_probe.rssi };
        EW_EVENT(core, ap_probereqrecved, &v);
        return true;
    }
    default: return false;
    }
}
