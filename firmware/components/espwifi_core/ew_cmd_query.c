/* Read-only driver queries: MAC, the associated AP, RSSI, IP. Errors (e.g. WIFI_NOT_CONNECT
 * from ap_info when not associated) pass through by name. */
#include <string.h>
#include "ew_internal.h"

void ew_cmd_mac(ew_req_t *r)
{
    uint8_t mac[6] = { 0 };
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, get_mac, mac);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_mac_t v = { .mac = mac };
    EW_REPLY(r, mac, &v);
}

void ew_cmd_ap_info(ew_req_t *r)
{
    ew_ap_record_t rec;
    if (!ew_need_init(r)) return;
    memset(&rec, 0, sizeof rec);
    ew_err_t err = EW_PORT_CALL(r->core, sta_get_ap_info, &rec);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    char cc[sizeof rec.cc + 1] = { 0 };   /* an adapter may fill all of cc without a NUL */
    memcpy(cc, rec.cc, sizeof rec.cc);
    const ew_reply_ap_info_t v = {
        .ssid = rec.ssid, .ssid_len = rec.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : rec.ssid_len, .bssid = rec.bssid,
        .ch = rec.primary, .rssi = rec.rssi, .auth = rec.auth, .pairwise = rec.pairwise, .group = rec.group,
        .phy = rec.phy, .second = rec.second, .bw = rec.bw, .cc = cc };
    EW_REPLY(r, ap_info, &v);
}

void ew_cmd_rssi(ew_req_t *r)
{
    int32_t rssi = 0;
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, sta_get_rssi, &rssi);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_rssi_t v = { .rssi = rssi };
    EW_REPLY(r, rssi, &v);
}

void ew_cmd_ip_info(ew_req_t *r)
{
    ew_ip_info_t ip;
    if (!ew_need_init(r)) return;
    memset(&ip, 0, sizeof ip);
    ew_err_t err = EW_PORT_CALL(r->core, get_ip_info, &ip);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_ip_info_t v = { .ip = ip.ip, .mask = ip.mask, .gw = ip.gw };
    EW_REPLY(r, ip_info, &v);
}
