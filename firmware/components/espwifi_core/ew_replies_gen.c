/* GENERATED from protocol/protocol.json by protocol/gen/c-replies.mjs — do not edit. */

#include <string.h>
#include "ew_replies_gen.h"

void ew_reply_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_info_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bytes(fb, "proto", (const uint8_t *)(v->proto ? v->proto : ""), v->proto ? strlen(v->proto) : 0);
    ew_fb_bytes(fb, "fw", (const uint8_t *)(v->fw ? v->fw : ""), v->fw ? strlen(v->fw) : 0);
    ew_fb_bytes(fb, "idf", (const uint8_t *)(v->idf ? v->idf : ""), v->idf ? strlen(v->idf) : 0);
    ew_fb_bytes(fb, "chip", (const uint8_t *)(v->chip ? v->chip : ""), v->chip ? strlen(v->chip) : 0);
    ew_fb_uint(fb, "rev", v->rev > 65535u ? 65535u : v->rev);
    ew_fb_mac(fb, "mac", v->mac);
    ew_fb_raw(fb, "reset", ew_reset_reason_names[v->reset < EW_RESET_REASON__COUNT ? v->reset : EW_RESET_REASON_UNKNOWN]);
    if (v->has_def) ew_fb_bytes(fb, "def", (const uint8_t *)(v->def ? v->def : ""), v->def ? strlen(v->def) : 0);
}

void ew_reply_status_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_status_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_raw(fb, "phase", ew_phase_names[v->phase < EW_PHASE__COUNT ? v->phase : EW_PHASE_UNINIT]);
    ew_fb_raw(fb, "mode", ew_mode_names[v->mode < EW_MODE__COUNT ? v->mode : EW_MODE_NULL]);
    ew_fb_raw(fb, "scan", ew_scan_state_names[v->scan < EW_SCAN_STATE__COUNT ? v->scan : EW_SCAN_STATE_IDLE]);
    if (v->has_scan_id) ew_fb_uint(fb, "scan_id", v->scan_id > 255u ? 255u : v->scan_id);
    ew_fb_uint(fb, "unfetched", v->unfetched > 65535u ? 65535u : v->unfetched);
    if (v->has_ssid) ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    if (v->has_bssid) ew_fb_mac(fb, "bssid", v->bssid);
    if (v->has_ch) ew_fb_uint(fb, "ch", v->ch > 255u ? 255u : v->ch);
    if (v->has_rssi) ew_fb_int(fb, "rssi", v->rssi);
    if (v->has_ip) ew_fb_ip4(fb, "ip", v->ip);
    if (v->has_mask) ew_fb_ip4(fb, "mask", v->mask);
    if (v->has_gw) ew_fb_ip4(fb, "gw", v->gw);
    ew_fb_uint(fb, "last_reason", v->last_reason > 255u ? 255u : v->last_reason);
    ew_fb_uint(fb, "seq", v->seq);
    ew_fb_uint(fb, "rx_frames", v->rx_frames);
    ew_fb_uint(fb, "bad_crc", v->bad_crc);
    ew_fb_uint(fb, "too_long", v->too_long);
    ew_fb_uint(fb, "malformed", v->malformed);
    ew_fb_uint(fb, "cleared", v->cleared);
    if (v->has_stack_free) ew_fb_uint(fb, "stack_free", v->stack_free);
}

void ew_reply_get_config_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_get_config_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    ew_fb_bool(fb, "pass_set", v->pass_set);
    ew_fb_mac(fb, "bssid", v->bssid);
    ew_fb_uint(fb, "ch", v->ch > 255u ? 255u : v->ch);
    ew_fb_raw(fb, "scan_method", ew_scan_method_names[v->scan_method < EW_SCAN_METHOD__COUNT ? v->scan_method : EW_SCAN_METHOD_FAST]);
    ew_fb_raw(fb, "sort", ew_sort_method_names[v->sort < EW_SORT_METHOD__COUNT ? v->sort : EW_SORT_METHOD_SIGNAL]);
    ew_fb_int(fb, "rssi", v->rssi);
    ew_fb_raw(fb, "auth", ew_auth_names[v->auth < EW_AUTH__COUNT ? v->auth : EW_AUTH_UNKNOWN]);
    ew_fb_raw(fb, "pmf", ew_pmf_names[v->pmf < EW_PMF__COUNT ? v->pmf : EW_PMF_OFF]);
    ew_fb_uint(fb, "retry", v->retry > 255u ? 255u : v->retry);
    ew_fb_uint(fb, "listen", v->listen > 65535u ? 65535u : v->listen);
}

void ew_reply_scan_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_scan_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_uint(fb, "n", v->n > 65535u ? 65535u : v->n);
}

void ew_reply_ap_num_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_num_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_uint(fb, "n", v->n > 65535u ? 65535u : v->n);
}

void ew_reply_ap_records_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_records_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_uint(fb, "n", v->n > 65535u ? 65535u : v->n);
    ew_fb_uint(fb, "total", v->total > 65535u ? 65535u : v->total);
    ew_fb_uint(fb, "scan_id", v->scan_id > 255u ? 255u : v->scan_id);
}

void ew_reply_protocol_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_protocol_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bool(fb, "reconnect", v->reconnect);
}

void ew_reply_bandwidth_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_bandwidth_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bool(fb, "reconnect", v->reconnect);
}

void ew_reply_mac_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_mac_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_mac(fb, "mac", v->mac);
}

void ew_reply_ap_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ap_info_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    ew_fb_mac(fb, "bssid", v->bssid);
    ew_fb_uint(fb, "ch", v->ch > 255u ? 255u : v->ch);
    ew_fb_int(fb, "rssi", v->rssi);
    ew_fb_raw(fb, "auth", ew_auth_names[v->auth < EW_AUTH__COUNT ? v->auth : EW_AUTH_UNKNOWN]);
    ew_fb_raw(fb, "pairwise", ew_cipher_names[v->pairwise < EW_CIPHER__COUNT ? v->pairwise : EW_CIPHER_UNKNOWN]);
    ew_fb_raw(fb, "group", ew_cipher_names[v->group < EW_CIPHER__COUNT ? v->group : EW_CIPHER_UNKNOWN]);
    ew_fb_flags(fb, "phy", v->phy, EW_PHY_LETTERS);
    ew_fb_raw(fb, "second", ew_second_names[v->second < EW_SECOND__COUNT ? v->second : EW_SECOND_NONE]);
    ew_fb_raw(fb, "bw", ew_bw_names[v->bw < EW_BW__COUNT ? v->bw : EW_BW_HT20]);
    ew_fb_bytes(fb, "cc", (const uint8_t *)(v->cc ? v->cc : ""), v->cc ? strlen(v->cc) : 0);
}

void ew_reply_rssi_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_rssi_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_int(fb, "rssi", v->rssi);
}

void ew_reply_ip_info_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_ip_info_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_ip4(fb, "ip", v->ip);
    ew_fb_ip4(fb, "mask", v->mask);
    ew_fb_ip4(fb, "gw", v->gw);
}

void ew_reply_softap_get_config_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_get_config_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    ew_fb_bool(fb, "pass_set", v->pass_set);
    ew_fb_uint(fb, "ch", v->ch > 255u ? 255u : v->ch);
    ew_fb_raw(fb, "auth", ew_auth_names[v->auth < EW_AUTH__COUNT ? v->auth : EW_AUTH_UNKNOWN]);
    ew_fb_uint(fb, "max_conn", v->max_conn > 255u ? 255u : v->max_conn);
    ew_fb_bool(fb, "hidden", v->hidden);
    ew_fb_uint(fb, "beacon", v->beacon > 65535u ? 65535u : v->beacon);
    ew_fb_raw(fb, "pmf", ew_pmf_names[v->pmf < EW_PMF__COUNT ? v->pmf : EW_PMF_OFF]);
    ew_fb_bool(fb, "probe", v->probe);
    ew_fb_bool(fb, "running", v->running);
}

void ew_reply_softap_stations_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_stations_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_uint(fb, "n", v->n > 65535u ? 65535u : v->n);
}

void ew_reply_tx_power_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_tx_power_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_int(fb, "power", v->power);
}

void ew_reply_softap_dhcp_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_softap_dhcp_t *v)
{
    ew_fb_begin(fb, buf, cap, 'r', id, "ok");
    ew_fb_ip4(fb, "ip", v->ip);
    ew_fb_ip4(fb, "mask", v->mask);
    ew_fb_ip4(fb, "start", v->start);
    ew_fb_ip4(fb, "end", v->end);
    ew_fb_uint(fb, "lease", v->lease > 65535u ? 65535u : v->lease);
}

void ew_partial_ap_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_partial_ap_t *v)
{
    ew_fb_begin(fb, buf, cap, 'p', id, "ap");
    ew_fb_bytes(fb, NULL, v->ssid, v->ssid_len);
    ew_fb_int(fb, NULL, v->rssi < -128 ? -128 : v->rssi > 127 ? 127 : v->rssi);
    ew_fb_mac(fb, NULL, v->bssid);
    ew_fb_uint(fb, NULL, v->ch > 255u ? 255u : v->ch);
    ew_fb_raw(fb, NULL, ew_auth_names[v->auth < EW_AUTH__COUNT ? v->auth : EW_AUTH_UNKNOWN]);
    ew_fb_raw(fb, NULL, ew_cipher_names[v->pairwise < EW_CIPHER__COUNT ? v->pairwise : EW_CIPHER_UNKNOWN]);
    ew_fb_raw(fb, NULL, ew_cipher_names[v->group < EW_CIPHER__COUNT ? v->group : EW_CIPHER_UNKNOWN]);
    ew_fb_flags(fb, NULL, v->phy, EW_PHY_LETTERS);
    if (v->has_second) ew_fb_raw(fb, "second", ew_second_names[v->second < EW_SECOND__COUNT ? v->second : EW_SECOND_NONE]);
    if (v->has_bw) ew_fb_raw(fb, "bw", ew_bw_names[v->bw < EW_BW__COUNT ? v->bw : EW_BW_HT20]);
    if (v->has_cc) ew_fb_bytes(fb, "cc", (const uint8_t *)(v->cc ? v->cc : ""), v->cc ? strlen(v->cc) : 0);
}

void ew_partial_sta_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_partial_sta_t *v)
{
    ew_fb_begin(fb, buf, cap, 'p', id, "sta");
    ew_fb_mac(fb, NULL, v->mac);
    ew_fb_uint(fb, NULL, v->aid > 65535u ? 65535u : v->aid);
    ew_fb_int(fb, NULL, v->rssi < -128 ? -128 : v->rssi > 127 ? 127 : v->rssi);
}
