/* GENERATED from protocol/protocol.json by protocol/gen/c-events.mjs — do not edit. */

#include <string.h>
#include "ew_events_gen.h"

void ew_ev_hello_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_hello_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "hello");
    ew_fb_bytes(fb, "proto", (const uint8_t *)(v->proto ? v->proto : ""), v->proto ? strlen(v->proto) : 0);
    ew_fb_bytes(fb, "fw", (const uint8_t *)(v->fw ? v->fw : ""), v->fw ? strlen(v->fw) : 0);
    ew_fb_bytes(fb, "idf", (const uint8_t *)(v->idf ? v->idf : ""), v->idf ? strlen(v->idf) : 0);
    ew_fb_bytes(fb, "chip", (const uint8_t *)(v->chip ? v->chip : ""), v->chip ? strlen(v->chip) : 0);
    ew_fb_uint(fb, "rev", v->rev > 65535u ? 65535u : v->rev);
    ew_fb_mac(fb, "mac", v->mac);
    ew_fb_raw(fb, "reset", ew_reset_reason_names[v->reset < EW_RESET_REASON__COUNT ? v->reset : EW_RESET_REASON_UNKNOWN]);
    if (v->has_def) ew_fb_bytes(fb, "def", (const uint8_t *)(v->def ? v->def : ""), v->def ? strlen(v->def) : 0);
}

void ew_ev_sta_start_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "sta_start");
}

void ew_ev_sta_stop_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "sta_stop");
}

void ew_ev_connected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_connected_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "connected");
    ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    ew_fb_mac(fb, "bssid", v->bssid);
    ew_fb_uint(fb, "ch", v->ch > 255u ? 255u : v->ch);
    ew_fb_raw(fb, "auth", ew_auth_names[v->auth < EW_AUTH__COUNT ? v->auth : EW_AUTH_UNKNOWN]);
    ew_fb_uint(fb, "aid", v->aid > 65535u ? 65535u : v->aid);
}

void ew_ev_disconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_disconnected_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "disconnected");
    ew_fb_uint(fb, "reason", v->reason > 255u ? 255u : v->reason);
    ew_fb_int(fb, "rssi", v->rssi);
    ew_fb_bytes(fb, "ssid", v->ssid, v->ssid_len);
    ew_fb_mac(fb, "bssid", v->bssid);
}

void ew_ev_scan_done_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_scan_done_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "scan_done");
    ew_fb_uint(fb, "status", v->status > 255u ? 255u : v->status);
    ew_fb_uint(fb, "n", v->n > 65535u ? 65535u : v->n);
    ew_fb_uint(fb, "scan_id", v->scan_id > 255u ? 255u : v->scan_id);
}

void ew_ev_beacon_timeout_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "beacon_timeout");
}

void ew_ev_rssi_low_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_rssi_low_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "rssi_low");
    ew_fb_int(fb, "rssi", v->rssi);
}

void ew_ev_authmode_change_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_authmode_change_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "authmode_change");
    ew_fb_raw(fb, "old", ew_auth_names[v->old < EW_AUTH__COUNT ? v->old : EW_AUTH_UNKNOWN]);
    ew_fb_raw(fb, "new", ew_auth_names[v->new < EW_AUTH__COUNT ? v->new : EW_AUTH_UNKNOWN]);
}

void ew_ev_home_channel_change_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_home_channel_change_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "home_channel_change");
    ew_fb_uint(fb, "old_ch", v->old_ch > 255u ? 255u : v->old_ch);
    ew_fb_raw(fb, "old_second", ew_second_names[v->old_second < EW_SECOND__COUNT ? v->old_second : EW_SECOND_NONE]);
    ew_fb_uint(fb, "new_ch", v->new_ch > 255u ? 255u : v->new_ch);
    ew_fb_raw(fb, "new_second", ew_second_names[v->new_second < EW_SECOND__COUNT ? v->new_second : EW_SECOND_NONE]);
}

void ew_ev_got_ip_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_got_ip_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "got_ip");
    ew_fb_ip4(fb, "ip", v->ip);
    ew_fb_ip4(fb, "mask", v->mask);
    ew_fb_ip4(fb, "gw", v->gw);
    ew_fb_bool(fb, "changed", v->changed);
}

void ew_ev_lost_ip_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "lost_ip");
}

void ew_ev_rx_error_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_rx_error_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "rx_error");
    ew_fb_bytes(fb, "error", (const uint8_t *)(v->error ? v->error : ""), v->error ? strlen(v->error) : 0);
    if (v->has_expected) ew_fb_bytes(fb, "expected", (const uint8_t *)(v->expected ? v->expected : ""), v->expected ? strlen(v->expected) : 0);
    ew_fb_uint(fb, "line", v->line);
}

void ew_ev_ap_start_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_start");
}

void ew_ev_ap_stop_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_stop");
}

void ew_ev_ap_staconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_staconnected_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_staconnected");
    ew_fb_mac(fb, "mac", v->mac);
    ew_fb_uint(fb, "aid", v->aid > 65535u ? 65535u : v->aid);
}

void ew_ev_ap_stadisconnected_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_stadisconnected_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_stadisconnected");
    ew_fb_mac(fb, "mac", v->mac);
    ew_fb_uint(fb, "aid", v->aid > 65535u ? 65535u : v->aid);
    ew_fb_uint(fb, "reason", v->reason > 255u ? 255u : v->reason);
}

void ew_ev_ap_staipassigned_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_staipassigned_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_staipassigned");
    ew_fb_ip4(fb, "ip", v->ip);
    ew_fb_mac(fb, "mac", v->mac);
}

void ew_ev_ap_probereqrecved_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq, const ew_ev_ap_probereqrecved_t *v)
{
    ew_fb_begin(fb, buf, cap, 'e', seq, "ap_probereqrecved");
    ew_fb_mac(fb, "mac", v->mac);
    ew_fb_int(fb, "rssi", v->rssi);
}
