/* Read-only driver queries: MAC, the associated AP, RSSI, IP. Errors (e.g. WIFI_NOT_CONNECT
 * from ap_info when not associated) pass through by name. */
#include <string.h>
#include "ew_internal.h"

void ew_cmd_mac(ew_req_t *r)
{
    uint8_t mac[6] = { 0 };
    ew_fb_t fb;
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, get_mac, mac);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_reply_ok(r, &fb);
    ew_fb_mac(&fb, "mac", mac);
    ew_reply_send(r, &fb);
}

void ew_cmd_ap_info(ew_req_t *r)
{
    ew_ap_record_t rec;
    ew_fb_t fb;
    if (!ew_need_init(r)) return;
    memset(&rec, 0, sizeof rec);
    ew_err_t err = EW_PORT_CALL(r->core, sta_get_ap_info, &rec);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_reply_ok(r, &fb);
    ew_fb_bytes(&fb, "ssid", rec.ssid, rec.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : rec.ssid_len);
    ew_fb_mac(&fb, "bssid", rec.bssid);
    ew_fb_uint(&fb, "ch", rec.primary);
    ew_fb_int(&fb, "rssi", rec.rssi);
    ew_fb_raw(&fb, "auth", ew_auth_names[rec.auth < EW_AUTH__COUNT ? rec.auth : EW_AUTH_UNKNOWN]);
    ew_fb_raw(&fb, "pairwise", ew_cipher_names[rec.pairwise < EW_CIPHER__COUNT ? rec.pairwise : EW_CIPHER_UNKNOWN]);
    ew_fb_raw(&fb, "group", ew_cipher_names[rec.group < EW_CIPHER__COUNT ? rec.group : EW_CIPHER_UNKNOWN]);
    ew_fb_flags(&fb, "phy", rec.phy, EW_PHY_LETTERS);
    ew_fb_raw(&fb, "second", ew_second_names[rec.second < EW_SECOND__COUNT ? rec.second : 0]);
    ew_fb_raw(&fb, "bw", ew_bw_names[rec.bw < EW_BW__COUNT ? rec.bw : 0]);
    ew_fb_bytes(&fb, "cc", (const uint8_t *)rec.cc, strnlen(rec.cc, sizeof rec.cc));
    ew_reply_send(r, &fb);
}

void ew_cmd_rssi(ew_req_t *r)
{
    int32_t rssi = 0;
    ew_fb_t fb;
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, sta_get_rssi, &rssi);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_reply_ok(r, &fb);
    ew_fb_int(&fb, "rssi", rssi);
    ew_reply_send(r, &fb);
}

void ew_cmd_ip_info(ew_req_t *r)
{
    ew_ip_info_t ip;
    ew_fb_t fb;
    if (!ew_need_init(r)) return;
    memset(&ip, 0, sizeof ip);
    ew_err_t err = EW_PORT_CALL(r->core, get_ip_info, &ip);
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_reply_ok(r, &fb);
    ew_fb_ip4(&fb, "ip", ip.ip);
    ew_fb_ip4(&fb, "mask", ip.mask);
    ew_fb_ip4(&fb, "gw", ip.gw);
    ew_reply_send(r, &fb);
}
