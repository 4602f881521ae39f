/*
 * The simulated SoftAP: the AP half of the port (esp_wifi's AP interface, the AP netif's DHCP
 * server, max TX power) and the AP side of the shared radio world (sim_radio.c). The AP runs while
 * the driver is started in mode ap or apsta. AP-side reasons follow ESP-IDF's reason-code table
 * ("For the ESP AP, this reason is reported when …"): 2 when the AP stops, de-authenticates a
 * station or restarts for a new configuration, and after five minutes without a frame from a
 * station; 5 when a station arrives while max_connection stations are associated.
 */
#include <stdio.h>
#include <string.h>
#include "sim.h"

#define AP_MAX_STA 15
#define AP_INACTIVE_MS (5u * 60u * 1000u)   /* the seed: "not received any packets … in the past five minutes" */
#define STA_TX_DBM 20                       /* what the AP hears from a station: its default power */

typedef struct {
    bool used;
    uint8_t mac[6];
    uint16_t aid;
    uint8_t ip[4];
    sim_timer_t inactive;
} ap_sta_t;

typedef struct { uint8_t mac[6]; uint8_t ip[4]; bool used; } lease_t;

static struct {
    bool configured, running;
    ew_ap_config_t cfg;
    int8_t tx_q;                  /* max TX power, 0.25 dBm */
    ew_dhcps_config_t dhcps;
    ap_sta_t sta[AP_MAX_STA];
    lease_t leases[AP_MAX_STA * 4];
    uint32_t kicked, refused_full, probes;
} A;

static void bssid(uint8_t out[6])
{
    memcpy(out, g_world.mac, 6);
    out[5] = (uint8_t)(out[5] + 1);   /* ESP-IDF: the SoftAP MAC is the station MAC + 1 */
}

static bool mode_has_ap(ew_mode_t m) { return m == EW_MODE_AP || m == EW_MODE_APSTA; }

static int nsta(void)
{
    int n = 0;
    for (int i = 0; i < AP_MAX_STA; i++) n += A.sta[i].used;
    return n;
}

/* Stations heard going silent, whose inactivity timer runs. */
static int nsilent(void)
{
    int n = 0;
    for (int i = 0; i < AP_MAX_STA; i++) n += A.sta[i].used && A.sta[i].inactive;
    return n;
}

static void defaults(void)
{
    memset(&A.cfg, 0, sizeof A.cfg);
    /* ESP-IDF's default SoftAP: "ESP_" and the last three bytes of the AP MAC, open, channel 1 */
    uint8_t b[6];
    bssid(b);
    A.cfg.ssid_len = (uint8_t)snprintf((char *)A.cfg.ssid, sizeof A.cfg.ssid, "ESP_%02X%02X%02X", b[3], b[4], b[5]);
    A.cfg.channel = 1;
    A.cfg.auth = EW_AUTH_OPEN;
    A.cfg.max_connection = 4;
    A.cfg.beacon_interval = 100;
    A.cfg.pmf = EW_PMF_CAPABLE;
    static const uint8_t ip[4] = { 192, 168, 4, 1 }, mask[4] = { 255, 255, 255, 0 }, s[4] = { 192, 168, 4, 2 }, e[4] = { 192, 168, 4, 101 };
    memcpy(A.dhcps.ip, ip, 4);
    memcpy(A.dhcps.mask, mask, 4);
    memcpy(A.dhcps.start, s, 4);
    memcpy(A.dhcps.end, e, 4);
    A.dhcps.lease = 120;
}

/* The AP's state as the other boards hear it. */
static void announce(void)
{
    char b[13], ssid[65], pass[129], stas[AP_MAX_STA * 12 + 1] = "";
    uint8_t m[6];
    bssid(m);
    radio_mac_hex(m, b);
    radio_hex(A.cfg.ssid, A.cfg.ssid_len, ssid);
    radio_hex(A.cfg.password, A.cfg.auth == EW_AUTH_OPEN ? 0 : A.cfg.password_len, pass);
    for (int i = 0, k = 0; i < AP_MAX_STA; i++)
        if (A.sta[i].used) { radio_mac_hex(A.sta[i].mac, stas + 12 * k); k++; }
    radio_send("beacon bssid=%s on=%d ssid_hex=%s pass_hex=%s ch=%u auth=%s hidden=%d max=%u tx=%d pmf=%d stas=%s",
               b, A.running, ssid, pass, A.cfg.channel, ew_auth_names[A.cfg.auth], A.cfg.hidden,
               A.cfg.max_connection, A.tx_q, A.cfg.pmf == EW_PMF_REQUIRED, stas);
}

static void post_sta(ew_event_id_t id, const ap_sta_t *s, uint16_t reason)
{
    ew_event_t ev = { .id = id };
    memcpy(ev.u.ap_sta.mac, s->mac, 6);
    ev.u.ap_sta.aid = s->aid;
    ev.u.ap_sta.reason = reason;
    wifi_post(&ev);
}

/* Removes a station; tell_it: the AP sends it a de-authentication with that reason. */
static void drop_sta(ap_sta_t *s, uint16_t reason, bool tell_it)
{
    char sm[13], b[13];
    uint8_t m[6];
    timer_cancel(&s->inactive);
    if (tell_it) {
        bssid(m);
        radio_mac_hex(s->mac, sm);
        radio_mac_hex(m, b);
        radio_send("deauth sta=%s bssid=%s reason=%u", sm, b, reason);
    }
    char mm[18];
    snprintf(mm, sizeof mm, "%02x:%02x:%02x:%02x:%02x:%02x", s->mac[0], s->mac[1], s->mac[2], s->mac[3], s->mac[4], s->mac[5]);
    uart_esp_log('I', "wifi", "station: %s leave, AID = %u, reason = %u", mm, s->aid, reason);
    post_sta(EW_EV_AP_STADISCONNECTED, s, reason);
    s->used = false;
}

static void drop_all(uint16_t reason)
{
    for (int i = 0; i < AP_MAX_STA; i++)
        if (A.sta[i].used) drop_sta(&A.sta[i], reason, true);
}

/* ---------------- lifecycle, driven by the station driver's start/stop/mode ---------------- */

void softap_reset(void)
{
    bool was = A.running;
    for (int i = 0; i < AP_MAX_STA; i++) timer_cancel(&A.sta[i].inactive);
    memset(&A, 0, sizeof A);
    defaults();
    A.tx_q = 80;
    /* power gone: no de-authentication goes out, the AP just stops beaconing */
    if (was) announce();
}

static void up(void)
{
    if (A.running) return;
    if (!A.configured) defaults();
    A.running = true;
    char m[18];
    uint8_t b[6];
    bssid(b);
    snprintf(m, sizeof m, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
    uart_esp_log('I', "wifi", "mode : softAP (%s)", m);
    uart_esp_log('I', "wifi", "Total power save buffer number: 16");
    uart_esp_log('I', "wifi", "Init max length of beacon: 752/752");
    ew_event_t ev = { .id = EW_EV_AP_START };
    wifi_post(&ev);
    uart_esp_log('I', "esp_netif_lwip", "DHCP server started on interface WIFI_AP_DEF with IP: %u.%u.%u.%u",
                 A.dhcps.ip[0], A.dhcps.ip[1], A.dhcps.ip[2], A.dhcps.ip[3]);
    announce();
}

static void down(void)
{
    if (!A.running) return;
    drop_all(EW_REASON_AUTH_EXPIRE);   /* the seed: "the AP is stopped by calling esp_wifi_stop()" */
    A.running = false;
    ew_event_t ev = { .id = EW_EV_AP_STOP };
    wifi_post(&ev);
    announce();
}

void softap_driver_state(bool started, ew_mode_t mode)
{
    if (started && mode_has_ap(mode)) up();
    else down();
}

/* ---------------- port ops ---------------- */

ew_err_t softap_set_config(void *ctx, const ew_ap_config_t *c)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    if (!mode_has_ap(wifi_mode())) return EW_ERR_WIFI_MODE;
    switch (c->auth) {
    case EW_AUTH_WEP: case EW_AUTH_WAPI: case EW_AUTH_OWE: case EW_AUTH_DPP: case EW_AUTH_UNKNOWN:
    case EW_AUTH_WPA_ENT: case EW_AUTH_WPA2_ENT: case EW_AUTH_WPA3_ENT: case EW_AUTH_WPA2_WPA3_ENT: case EW_AUTH_WPA3_ENT192:
        return EW_ERR_INVALID_ARG;   /* not offered by the SoftAP (wifi_ap_config_t.authmode) */
    default: break;
    }
    if (c->auth != EW_AUTH_OPEN && (c->password_len < 8 || c->password_len > 64)) return EW_ERR_WIFI_PASSWORD;
    if (c->channel < 1 || c->channel > 14 || c->max_connection < 1 || c->max_connection > AP_MAX_STA) return EW_ERR_INVALID_ARG;
    A.cfg = *c;
    A.configured = true;
    if (A.running) {
        /* the AP restarts with the new settings: every station is de-authenticated */
        uart_esp_log('I', "wifi", "softAP restarts with a new configuration");
        drop_all(EW_REASON_AUTH_EXPIRE);
    }
    announce();
    return EW_OK;
}

ew_err_t softap_get_config(void *ctx, ew_ap_config_t *c)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    if (!A.configured) defaults();
    *c = A.cfg;
    return EW_OK;
}

static ew_err_t need_ap(void)
{
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    if (!mode_has_ap(wifi_mode())) return EW_ERR_WIFI_MODE;
    return EW_OK;
}

ew_err_t softap_get_sta_list(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n)
{
    (void)ctx;
    ew_err_t e = need_ap();
    *n = 0;
    if (e != EW_OK) return e;
    for (int i = 0; i < AP_MAX_STA && *n < cap; i++) {
        if (!A.sta[i].used) continue;
        memcpy(out[*n].mac, A.sta[i].mac, 6);
        out[*n].aid = A.sta[i].aid;
        out[*n].rssi = (int8_t)(STA_TX_DBM - radio_path_loss() + rng_range(-2, 2));
        (*n)++;
    }
    return EW_OK;
}

static ap_sta_t *find_mac(const uint8_t mac[6])
{
    for (int i = 0; i < AP_MAX_STA; i++)
        if (A.sta[i].used && !memcmp(A.sta[i].mac, mac, 6)) return &A.sta[i];
    return NULL;
}

ew_err_t softap_get_sta_aid(void *ctx, const uint8_t mac[6], uint16_t *aid)
{
    (void)ctx;
    ew_err_t e = need_ap();
    if (e != EW_OK) return e;
    ap_sta_t *s = find_mac(mac);
    if (!s) return EW_ERR_NOT_FOUND;
    *aid = s->aid;
    return EW_OK;
}

ew_err_t softap_deauth_sta(void *ctx, uint16_t aid)
{
    (void)ctx;
    ew_err_t e = need_ap();
    if (e != EW_OK) return e;
    if (!wifi_started()) return EW_ERR_WIFI_NOT_STARTED;
    if (aid == 0) { drop_all(EW_REASON_AUTH_EXPIRE); A.kicked++; announce(); return EW_OK; }
    for (int i = 0; i < AP_MAX_STA; i++) {
        if (!A.sta[i].used || A.sta[i].aid != aid) continue;
        drop_sta(&A.sta[i], EW_REASON_AUTH_EXPIRE, true);   /* no reason parameter: ESP-IDF sends 2 */
        A.kicked++;
        announce();
        return EW_OK;
    }
    return EW_ERR_INVALID_ARG;
}

/* esp_wifi_set_max_tx_power: the driver's steps (esp_wifi.h, attention 5) */
static int8_t tx_step(int8_t q)
{
    static const int8_t steps[] = { 8, 20, 28, 34, 44, 52, 56, 60, 66, 72, 80 };
    int8_t r = 8;
    for (size_t i = 0; i < sizeof steps; i++) if (q >= steps[i]) r = steps[i];
    return r;
}

ew_err_t softap_set_max_tx_power(void *ctx, int8_t q)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    if (!wifi_started()) return EW_ERR_WIFI_NOT_STARTED;
    if (q < 8 || q > 84) return EW_ERR_INVALID_ARG;
    A.tx_q = tx_step(q);
    if (A.running) announce();
    return EW_OK;
}

ew_err_t softap_get_max_tx_power(void *ctx, int8_t *q)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    if (!wifi_started()) return EW_ERR_WIFI_NOT_STARTED;
    *q = A.tx_q;
    return EW_OK;
}

static uint32_t ip32(const uint8_t ip[4]) { return (uint32_t)ip[0] << 24 | (uint32_t)ip[1] << 16 | (uint32_t)ip[2] << 8 | ip[3]; }
static void ip_from(uint32_t v, uint8_t out[4]) { out[0] = v >> 24; out[1] = (uint8_t)(v >> 16); out[2] = (uint8_t)(v >> 8); out[3] = (uint8_t)v; }

ew_err_t softap_dhcps_get(void *ctx, ew_dhcps_config_t *c)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    *c = A.dhcps;
    return EW_OK;
}

ew_err_t softap_dhcps_set(void *ctx, const ew_dhcps_config_t *c)
{
    (void)ctx;
    if (!wifi_inited()) return EW_ERR_WIFI_NOT_INIT;
    uint32_t m = ip32(c->mask), net = ip32(c->ip) & m, s = ip32(c->start), e = ip32(c->end);
    /* esp_netif's sanity check: pool inside the AP's subnet, start <= end, at most 100 leases */
    if ((s & m) != net || (e & m) != net || s > e || e - s + 1 > 100 || (ip32(c->ip) >= s && ip32(c->ip) <= e))
        return EW_ERR_ESP_NETIF_INVALID_PARAMS;
    A.dhcps = *c;
    if (!A.dhcps.lease) A.dhcps.lease = 120;
    return EW_OK;
}

/* ---------------- the air: stations of other boards ---------------- */

/* The DHCP server: a station keeps its address while it lies in the pool, else gets the next free one. */
static bool lease_for(const uint8_t mac[6], uint8_t out[4])
{
    uint32_t s = ip32(A.dhcps.start), e = ip32(A.dhcps.end);
    lease_t *free_slot = NULL;
    for (size_t i = 0; i < sizeof A.leases / sizeof A.leases[0]; i++) {
        lease_t *l = &A.leases[i];
        if (!l->used) { if (!free_slot) free_slot = l; continue; }
        if (memcmp(l->mac, mac, 6)) continue;
        if (ip32(l->ip) >= s && ip32(l->ip) <= e) { memcpy(out, l->ip, 4); return true; }
        l->used = false;   /* the pool moved: this lease is void */
        if (!free_slot) free_slot = l;
    }
    for (uint32_t v = s; v <= e; v++) {
        bool taken = false;
        for (size_t i = 0; i < sizeof A.leases / sizeof A.leases[0]; i++)
            taken |= A.leases[i].used && ip32(A.leases[i].ip) == v;
        if (taken) continue;
        if (!free_slot) return false;
        free_slot->used = true;
        memcpy(free_slot->mac, mac, 6);
        ip_from(v, free_slot->ip);
        memcpy(out, free_slot->ip, 4);
        return true;
    }
    return false;
}

static void inactive_fire(void *arg)
{
    ap_sta_t *s = arg;
    s->inactive = 0;
    if (s->used) { drop_sta(s, EW_REASON_AUTH_EXPIRE, false); announce(); }
}

static void on_assoc(const uint8_t mac[6])
{
    ap_sta_t *s = find_mac(mac);
    char sm[13], b[13];
    uint8_t m[6];
    bssid(m);
    radio_mac_hex(mac, sm);
    radio_mac_hex(m, b);
    if (s) timer_cancel(&s->inactive);   /* a station that comes back replaces its old association */
    else if (nsta() >= A.cfg.max_connection) {
        A.refused_full++;
        radio_send("deauth sta=%s bssid=%s reason=%u", sm, b, EW_REASON_ASSOC_TOOMANY);
        return;
    } else {
        for (int i = 0; i < AP_MAX_STA && !s; i++) if (!A.sta[i].used) s = &A.sta[i];
        if (!s) return;   /* cannot happen: max_connection <= AP_MAX_STA */
        memset(s, 0, sizeof *s);
        s->used = true;
        memcpy(s->mac, mac, 6);
        for (uint16_t aid = 1; !s->aid; aid++) {   /* the lowest free AID */
            bool taken = false;
            for (int i = 0; i < AP_MAX_STA; i++) taken |= &A.sta[i] != s && A.sta[i].used && A.sta[i].aid == aid;
            if (!taken) s->aid = aid;
        }
    }
    char mm[18];
    snprintf(mm, sizeof mm, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    uart_esp_log('I', "wifi", "station: %s join, AID=%u, bgn, 20", mm, s->aid);
    post_sta(EW_EV_AP_STACONNECTED, s, 0);
    if (lease_for(mac, s->ip)) {
        char ip[16], mask[16], gw[16];
        snprintf(ip, sizeof ip, "%u.%u.%u.%u", s->ip[0], s->ip[1], s->ip[2], s->ip[3]);
        snprintf(mask, sizeof mask, "%u.%u.%u.%u", A.dhcps.mask[0], A.dhcps.mask[1], A.dhcps.mask[2], A.dhcps.mask[3]);
        snprintf(gw, sizeof gw, "%u.%u.%u.%u", A.dhcps.ip[0], A.dhcps.ip[1], A.dhcps.ip[2], A.dhcps.ip[3]);
        radio_send("lease sta=%s bssid=%s ip=%s mask=%s gw=%s", sm, b, ip, mask, gw);
        uart_esp_log('I', "esp_netif_lwip", "DHCP server assigned IP to a client, IP is: %s", ip);
        ew_event_t ev = { .id = EW_EV_AP_STAIPASSIGNED };
        memcpy(ev.u.ap_sta_ip.mac, mac, 6);
        memcpy(ev.u.ap_sta_ip.ip, s->ip, 4);
        wifi_post(&ev);
    }
    announce();
}

void softap_radio_rx(const char *verb, tok_t *t, int n)
{
    uint8_t mac[6], b[6], mine[6];
    tok_t *k;
    if (!strcmp(verb, "hello")) { if (A.running) announce(); return; }
    if (!A.running || !(k = tok_get(t, n, "sta")) || !parse_mac(k->val, mac)) return;
    if (!strcmp(verb, "probe")) {
        long ch;
        if ((k = tok_get(t, n, "ch")) && parse_int(k->val, 1, 14, &ch) && ch == A.cfg.channel && A.cfg.probe_events) {
            A.probes++;
            ew_event_t ev = { .id = EW_EV_AP_PROBEREQRECVED };
            memcpy(ev.u.ap_probe.mac, mac, 6);
            ev.u.ap_probe.rssi = STA_TX_DBM - radio_path_loss();
            wifi_post(&ev);
        }
        return;
    }
    bssid(mine);
    if (!(k = tok_get(t, n, "bssid")) || !parse_mac(k->val, b) || memcmp(b, mine, 6)) return;
    if (!strcmp(verb, "assoc")) { on_assoc(mac); return; }
    ap_sta_t *s = find_mac(mac);
    if (!s) return;
    if (!strcmp(verb, "leave")) {
        long r = EW_REASON_ASSOC_LEAVE;
        if ((k = tok_get(t, n, "reason"))) parse_int(k->val, 0, 255, &r);
        drop_sta(s, (uint16_t)r, false);   /* the station's own deauth/disassoc carries its reason */
        announce();
    } else if (!strcmp(verb, "silent") && !s->inactive) {
        s->inactive = timer_in(AP_INACTIVE_MS, inactive_fire, s, "ap.inactive");
    }
}

void softap_diag(char *out, size_t cap)
{
    snprintf(out, cap, "ap_running=%d ap_stations=%d ap_silent=%d ap_kicked=%u ap_refused_full=%u ap_probes=%u ap_tx=%d ap_ch=%u path_loss=%d",
             A.running, nsta(), nsilent(), A.kicked, A.refused_full, A.probes, A.tx_q, A.cfg.channel, radio_path_loss());
}
