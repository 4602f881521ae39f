/*
 * Connecting and staying connected, as the simulated driver does it (Station Scenarios, "Wi-Fi
 * Connect" and "Wi-Fi Disconnect"): esp_wifi_connect scans for the configured SSID (sim_scan.c),
 * drops APs the configuration rejects (210/211/212), then runs auth -> assoc -> 4-way handshake
 * per candidate with failure_retry_cnt retries, reporting the failure that came closest to
 * success; once connected: DHCP (GOT_IP), esp_netif's IP-lost timer, RSSI_LOW. Leaving the AP
 * posts DISCONNECTED with the reason. The reason-code rules are in firmware/sim/README.md
 * ("Reason codes").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sim_wifi.h"

/* Virtual timings (ms). Real values vary; these keep the seed's order of events. */
#define FRAME_RTT_MS 8            /* an answered auth/assoc/EAPOL exchange */
#define AUTH_TIMEOUT_MS 1000      /* auth request retried, then AUTH_EXPIRE (2) */
#define ASSOC_TIMEOUT_MS 1000     /* assoc request retried, then DISASSOC_DUE_TO_INACTIVITY (4) */
#define SAE_FAIL_MS 60            /* SAE commit/confirm with the wrong password: AUTH_FAIL (202) */
#define HS_AP_DEAUTH_MS 1500      /* AP resends 1/4 EAPOL, then deauths (reason 15, or 2 with some APs) */
#define HS_TIMEOUT_MS 3000        /* station's own handshake timer: HANDSHAKE_TIMEOUT (204) */
#define HS_WEAK_RSSI (-90)        /* at or below this, EAPOL frames are lost: 204 */
#define RSSI_CHECK_MS 100
#define IP_RENEW_MS 50
#define FRAME_DEAUTH 0xc0         /* low byte of the driver's "state: X -> init (code)": the AP's deauth */

typedef enum { ST_IDLE, ST_CONN_SCAN, ST_AUTH, ST_ASSOC, ST_HANDSHAKE, ST_CONNECTED } sta_state_t;
static const char *const st_names[] = { "idle", "scanning", "auth", "assoc", "handshake", "connected" };

static struct {
    sta_state_t st;
    seen_t cand[SIM_MAX_APS];
    int ncand, cand_idx, tries_left;
    int best_close;               /* how close the best failed AP came (see fail_closeness) */
    uint8_t best_reason;
    seen_t best_ap;
    sim_ap_t *ap;                 /* associated AP */
    uint16_t aid;
    sim_timer_t conn_timer, dhcp_timer, lostip_timer, rssi_timer;
    bool have_ip, ever_ip;
    uint64_t lostip_due;          /* virtual time the IP-lost timer expires */
    uint8_t ip[4], last_ip[4];
    int32_t rssi_thr;             /* esp_wifi_set_rssi_threshold */
    bool rssi_armed;
} C;

static struct { uint32_t connect_calls, connects_ok, disconnects; } C_stats; /* the whole run */

static const ew_sta_config_t *cfg(void) { return drv_sta_config(); }

static bool pass_eq(const sim_ap_t *ap)
{
    return ap->password_len == cfg()->password_len && memcmp(ap->password, cfg()->password, ap->password_len) == 0;
}

static void attempt_next(void);
static void phase_auth(void *arg);

static bool is_ent(ew_auth_t a)
{
    return a == EW_AUTH_WPA_ENT || a == EW_AUTH_WPA2_ENT || a == EW_AUTH_WPA3_ENT || a == EW_AUTH_WPA2_WPA3_ENT || a == EW_AUTH_WPA3_ENT192;
}

static bool is_sae_only(ew_auth_t a) { return a == EW_AUTH_WPA3 || a == EW_AUTH_WPA3_EXT; }

/* strength order used by the auth-mode threshold */
static int auth_rank(ew_auth_t a)
{
    switch (a) {
    case EW_AUTH_OPEN: case EW_AUTH_UNKNOWN: return 0;
    case EW_AUTH_WEP: case EW_AUTH_OWE: return 1;
    case EW_AUTH_WPA: case EW_AUTH_WPA_ENT: return 2;
    /* a WPA/WPA2 mixed AP offers WPA2: it passes a WPA2 threshold (ESP-IDF lists only OPEN, WEP
     * and WPA-PSK as "below" WPA2) */
    case EW_AUTH_WPA_WPA2: case EW_AUTH_WPA2: case EW_AUTH_WPA2_ENT: case EW_AUTH_WAPI: return 3;
    case EW_AUTH_WPA3_ENT192: return 5;
    default: return 4; /* WPA3 family, mixed WPA2/WPA3, DPP */
    }
}

static uint8_t reason(uint8_t r)
{
    if (g_world.legacy_reasons && (r == EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY ||
                                   r == EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD ||
                                   r == EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD))
        return EW_REASON_NO_AP_FOUND;
    return r;
}

/* 210: the AP's security and the station's configuration do not fit (seed's list, the cases a
 * PSK station can hit). 0 = compatible. */
static uint8_t security_reject(const sim_ap_t *ap)
{
    bool pw = cfg()->password_len > 0;
    switch (ap->auth) {
    case EW_AUTH_OPEN: return pw ? EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY : 0;
    case EW_AUTH_OWE: case EW_AUTH_WAPI: case EW_AUTH_DPP: case EW_AUTH_UNKNOWN:
        return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    case EW_AUTH_WEP: {
        size_t l = cfg()->password_len;
        return (l == 5 || l == 13 || l == 10 || l == 26) ? 0 : EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    }
    default: break;
    }
    if (is_ent(ap->auth)) return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    if (!pw) return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    /* No check for pmf=off: pmf_cfg.capable is deprecated since ESP-IDF v5.0 and the station always
     * connects PMF-capable, so "off" cannot make a WPA3 or PMF-required AP refuse it. */
    /* the station requires PMF but the AP has none (WPA1/TKIP-era APs) */
    if (cfg()->pmf == EW_PMF_REQUIRED && (ap->auth == EW_AUTH_WPA || ap->auth == EW_AUTH_WPA_WPA2))
        return EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY;
    return 0;
}

/* The seed: for one AP with several scan-level problems the MOST important is reported
 * (210 < 211 < 212 in importance). */
/* esp_wifi_types_generic.h (threshold.authmode): left at OPEN with a WPA2-sized password (8+
 * characters), the threshold "will be defaulted to WPA2 and device won't connect to deprecated
 * WEP/WPA networks". An open, OWE or enterprise AP keeps its own reason (210, the seed's list). */
static bool below_raised_threshold(const sim_ap_t *ap)
{
    return cfg()->auth_threshold == EW_AUTH_OPEN && cfg()->password_len >= 8 &&
           (ap->auth == EW_AUTH_WEP || ap->auth == EW_AUTH_WPA);
}

uint8_t conn_reject_reason(const sim_ap_t *ap, int rssi)
{
    if (cfg()->rssi_threshold != 0 && rssi < cfg()->rssi_threshold) return EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD;
    if (auth_rank(ap->auth) < auth_rank(cfg()->auth_threshold) || below_raised_threshold(ap))
        return EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD;
    return security_reject(ap);
}

/* Across several APs the seed reports the one that came closest to success: any connect-phase
 * failure is closer than a scan-level rejection; among rejections the LEAST important code. */
static int fail_closeness(uint8_t r, int phase)
{
    if (phase > 0) return 10 + phase;
    switch (r) {
    case EW_REASON_NO_AP_FOUND_W_COMPATIBLE_SECURITY: return 3;
    case EW_REASON_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD: return 2;
    case EW_REASON_NO_AP_FOUND_IN_RSSI_THRESHOLD: return 1;
    default: return 0;
    }
}

static void note_failure(uint8_t r, int phase, sim_ap_t *ap, int rssi)
{
    int c = fail_closeness(r, phase);
    if (c > C.best_close) {
        C.best_close = c;
        C.best_reason = r;
        C.best_ap = (seen_t){ ap, rssi };
    }
}

static int cmp_seen_security(const void *a, const void *b)
{
    const seen_t *x = a, *y = b;
    int d = auth_rank(y->ap->auth) - auth_rank(x->ap->auth);
    return d ? d : seen_cmp_rssi(a, b);
}

static void post_disconnected(const uint8_t *bssid, uint8_t r, int rssi)
{
    ew_event_t ev = { .id = EW_EV_DISCONNECTED };
    memcpy(ev.u.disconnected.ssid, cfg()->ssid, cfg()->ssid_len);
    ev.u.disconnected.ssid_len = cfg()->ssid_len;
    if (bssid) memcpy(ev.u.disconnected.bssid, bssid, 6);
    ev.u.disconnected.reason = r;
    ev.u.disconnected.rssi = (int8_t)rssi;
    C_stats.disconnects++;
    wifi_post(&ev);
}

/* esp_netif's IP-lost timer (esp_netif_lwip.c): every STA disconnect brings the netif down and
 * starts it unless it is already running; each CONNECTED restarts it (the DHCP client starts);
 * a GOT_IP does not stop it, and neither does esp_wifi_stop. When it expires, LOST_IP is posted
 * if the netif has no address at that moment -- also when it never had one. Only a reset ends it. */
static void lost_ip_fire(void *arg)
{
    (void)arg;
    C.lostip_timer = 0;
    if (C.have_ip) return;
    drv_post_id(EW_EV_LOST_IP);
}

static void lost_ip_start(bool restart)
{
    if (!g_world.lost_ip_ms) return; /* interval 0 disables the timer, as in ESP-IDF */
    if (C.lostip_timer && !restart) return;
    timer_cancel(&C.lostip_timer);
    C.lostip_due = vnow() + g_world.lost_ip_ms;
    C.lostip_timer = timer_at(C.lostip_due, lost_ip_fire, NULL, "wifi.lostip");
}

/* The driver's state line when it leaves the AP: "state: run -> init (0x<reason<<8 | frame>)",
 * frame 0xc0 when the AP's deauth caused it, 0 for a local decision (esp_idf-logs.md). */
static void log_leave(const char *from, uint8_t r, bool by_ap)
{
    uart_esp_log('I', "wifi", "state: %s -> init (0x%x)", from, (unsigned)r << 8 | (by_ap ? FRAME_DEAUTH : 0));
}

/* Leave the AP (or give up connecting) and tell the core why; by_ap: the AP sent the deauth. */
static void sta_leave(uint8_t r, bool by_ap)
{
    sim_ap_t *ap = C.ap;
    const uint8_t *bssid = ap ? ap->bssid : (C.best_ap.ap ? C.best_ap.ap->bssid : NULL);
    int rssi = ap ? ap_rssi_sample(ap) : (C.best_ap.ap ? C.best_ap.rssi : 0);
    timer_cancel(&C.conn_timer);
    bcn_stop();
    timer_cancel(&C.dhcp_timer);
    timer_cancel(&C.rssi_timer);
    scan_cancel_connect();
    bool was_connected = C.st == ST_CONNECTED;
    if (ap && was_connected && ap->stations > 0) ap->stations--;
    C.ap = NULL;
    C.st = ST_IDLE;
    /* esp_wifi_disconnect() shows as (0); a failed attempt already printed its own line */
    if (was_connected) log_leave("run", r == EW_REASON_ASSOC_LEAVE ? 0 : r, by_ap);
    if (ap && was_connected) radio_sta_left(ap, r, by_ap);
    post_disconnected(bssid, r, rssi);
    C.have_ip = false; /* the default handler takes the netif down */
    lost_ip_start(false);
}

void conn_drop(uint8_t r) { sta_leave(r, false); }

static void dhcp_fire(void *arg)
{
    bool renew = arg != NULL;
    C.dhcp_timer = 0;
    if (C.st != ST_CONNECTED) return;
    /* a SoftAP of the shared world runs its own DHCP server: wait for its lease */
    if (C.ap && C.ap->remote && !renew && !radio_sta_take_lease(C.ap)) {
        C.dhcp_timer = timer_in(20, dhcp_fire, arg, "wifi.dhcp");
        return;
    }
    ew_event_t ev = { .id = EW_EV_GOT_IP };
    memcpy(ev.u.got_ip.ip_info.ip, g_world.dhcp.ip, 4);
    memcpy(ev.u.got_ip.ip_info.mask, g_world.dhcp.mask, 4);
    memcpy(ev.u.got_ip.ip_info.gw, g_world.dhcp.gw, 4);
    ev.u.got_ip.ip_changed = renew || (C.ever_ip && memcmp(C.last_ip, g_world.dhcp.ip, 4) != 0);
    C.have_ip = C.ever_ip = true;
    memcpy(C.ip, g_world.dhcp.ip, 4);
    memcpy(C.last_ip, g_world.dhcp.ip, 4);
    const uint8_t *i = g_world.dhcp.ip, *k = g_world.dhcp.mask, *g = g_world.dhcp.gw;
    uart_esp_log('I', "esp_netif_handlers", "sta ip: %u.%u.%u.%u, mask: %u.%u.%u.%u, gw: %u.%u.%u.%u",
                 i[0], i[1], i[2], i[3], k[0], k[1], k[2], k[3], g[0], g[1], g[2], g[3]);
    wifi_post(&ev);
}

static void rssi_check(void *arg)
{
    (void)arg;
    C.rssi_timer = 0;
    /* 0 dBm is a threshold like any other (ESP-IDF has no "disarm"): it fires at once */
    if (C.st != ST_CONNECTED || !C.rssi_armed || !C.ap) return;
    int r = ap_rssi_sample(C.ap);
    if (r < C.rssi_thr) {
        C.rssi_armed = false; /* fires once; set_rssi_threshold re-arms */
        ew_event_t ev = { .id = EW_EV_RSSI_LOW };
        ev.u.rssi_low.rssi = r;
        wifi_post(&ev);
    }
}

static void schedule_rssi_check(void)
{
    if (C.st == ST_CONNECTED && !C.rssi_timer) C.rssi_timer = timer_in(RSSI_CHECK_MS, rssi_check, NULL, "wifi.rssi");
}

static void connected(void *arg)
{
    (void)arg;
    C.conn_timer = 0;
    sim_ap_t *ap = C.cand[C.cand_idx].ap;
    C.st = ST_CONNECTED;
    C.ap = ap;
    ap->stations++;
    C.aid = (uint16_t)ap->stations;
    C_stats.connects_ok++;
    bcn_link_up();
    char m[18];
    fmt_mac(ap->bssid, m);
    uart_esp_log('I', "wifi", "connected with %.*s, aid = %u, channel %u, BW20, bssid = %s",
                 (int)ap->ssid_len, (const char *)ap->ssid, C.aid, ap->channel, m);
    /* the driver's next line: security, PHY and the RSSI it joined at (log readers use it) */
    uart_esp_log('I', "wifi", "security: %s, phy: bgn, rssi: %d", ap->auth == EW_AUTH_OPEN ? "OPEN" : ap->auth == EW_AUTH_WPA3 ? "WPA3-SAE" : "WPA2-PSK",
                 ap_rssi_sample(ap));
    ew_event_t ev = { .id = EW_EV_CONNECTED };
    memcpy(ev.u.connected.ssid, ap->ssid, ap->ssid_len);
    ev.u.connected.ssid_len = ap->ssid_len;
    memcpy(ev.u.connected.bssid, ap->bssid, 6);
    ev.u.connected.channel = ap->channel;
    ev.u.connected.auth = ap->auth;
    ev.u.connected.aid = C.aid;
    wifi_post(&ev);
    radio_sta_joined(ap);   /* a SoftAP of the shared world learns of its station */
    lost_ip_start(true); /* CONNECTED starts the DHCP client, which restarts the IP-lost timer */
    if (g_world.dhcp.delay_ms >= 0)
        C.dhcp_timer = timer_in((uint64_t)g_world.dhcp.delay_ms, dhcp_fire, NULL, "wifi.dhcp");
    if (!ap_reachable(ap)) wifi_on_ap_change(ap);
    schedule_rssi_check();
}

/* One AP attempt failed in a phase: retry it (failure_retry_cnt), or move to the next AP. */
static void attempt_failed(uint8_t r, int phase)
{
    seen_t *c = &C.cand[C.cand_idx];
    note_failure(r, phase, c->ap, c->rssi);
    /* the 4-way handshake runs in the driver's "run" state; 15 and 2 there are the AP's deauth */
    bool by_ap = phase == 3 && r != EW_REASON_HANDSHAKE_TIMEOUT;
    log_leave(phase == 1 ? "auth" : phase == 2 ? "assoc" : "run", r, by_ap);
    if (C.tries_left > 0) {
        C.tries_left--;
        C.st = ST_AUTH;
        C.conn_timer = timer_in(FRAME_RTT_MS, phase_auth, NULL, "wifi.conn");
        return;
    }
    C.cand_idx++;
    attempt_next();
}

static void fail_cb(void *arg)
{
    uintptr_t v = (uintptr_t)arg;
    C.conn_timer = 0;
    attempt_failed((uint8_t)(v & 0xff), (int)(v >> 8));
}

static void fail_in(uint64_t ms, uint8_t r, int phase)
{
    C.conn_timer = timer_in(ms, fail_cb, (void *)(uintptr_t)(r | (phase << 8)), "wifi.conn");
}

static void phase_handshake(void *arg)
{
    (void)arg;
    C.conn_timer = 0;
    sim_ap_t *ap = C.cand[C.cand_idx].ap;
    C.st = ST_HANDSHAKE;
    if (!ap_reachable(ap) || ap->rssi <= HS_WEAK_RSSI) { fail_in(HS_TIMEOUT_MS, EW_REASON_HANDSHAKE_TIMEOUT, 3); return; }
    if (!pass_eq(ap)) {
        switch (ap->hs_fail) {
        case HS_AP_DEAUTH: fail_in(HS_AP_DEAUTH_MS, EW_REASON_4WAY_HANDSHAKE_TIMEOUT, 3); break;
        case HS_AP_EXPIRE: fail_in(HS_AP_DEAUTH_MS, EW_REASON_AUTH_EXPIRE, 3); break;
        case HS_TIMEOUT: fail_in(HS_TIMEOUT_MS, EW_REASON_HANDSHAKE_TIMEOUT, 3); break;
        }
        return;
    }
    C.conn_timer = timer_in(4 * FRAME_RTT_MS, connected, NULL, "wifi.conn");
}

static void phase_assoc(void *arg)
{
    (void)arg;
    C.conn_timer = 0;
    sim_ap_t *ap = C.cand[C.cand_idx].ap;
    C.st = ST_ASSOC;
    uart_esp_log('I', "wifi", "state: auth -> assoc (0x0)");
    if (!ap_reachable(ap) || ap->assoc_reply == REPLY_TIMEOUT) { fail_in(ASSOC_TIMEOUT_MS, EW_REASON_DISASSOC_DUE_TO_INACTIVITY, 2); return; }
    if (ap->max_stations >= 0 && ap->stations >= ap->max_stations) { fail_in(FRAME_RTT_MS, EW_REASON_ASSOC_TOOMANY, 2); return; }
    if (ap->assoc_reply == REPLY_REJECT) { fail_in(FRAME_RTT_MS, EW_REASON_ASSOC_FAIL, 2); return; }
    bool keys = ap->auth != EW_AUTH_OPEN && ap->auth != EW_AUTH_WEP && ap->auth != EW_AUTH_OWE;
    uart_esp_log('I', "wifi", "state: assoc -> run (0x10)");
    C.conn_timer = timer_in(FRAME_RTT_MS, keys ? phase_handshake : connected, NULL, "wifi.conn");
}

static void phase_auth(void *arg)
{
    (void)arg;
    C.conn_timer = 0;
    sim_ap_t *ap = C.cand[C.cand_idx].ap;
    C.st = ST_AUTH;
    char m[18];
    fmt_mac(ap->bssid, m);
    uart_esp_log('I', "wifi", "state: init -> auth (0xb0), bssid %s", m);
    if (!ap_reachable(ap) || ap->auth_reply == REPLY_TIMEOUT) { fail_in(AUTH_TIMEOUT_MS, EW_REASON_AUTH_EXPIRE, 1); return; }
    if (ap->auth_reply == REPLY_REJECT) { fail_in(FRAME_RTT_MS, EW_REASON_AUTH_FAIL, 1); return; }
    /* SAE proves the password during authentication: a wrong one fails here, not in the handshake */
    if (is_sae_only(ap->auth) && !pass_eq(ap)) { fail_in(SAE_FAIL_MS, EW_REASON_AUTH_FAIL, 1); return; }
    if (ap->auth == EW_AUTH_WEP && !pass_eq(ap)) { fail_in(FRAME_RTT_MS, EW_REASON_AUTH_FAIL, 1); return; }
    C.conn_timer = timer_in(FRAME_RTT_MS, phase_assoc, NULL, "wifi.conn");
}

static void attempt_next(void)
{
    if (C.cand_idx >= C.ncand) {
        uint8_t r = C.best_close > 0 ? C.best_reason : EW_REASON_NO_AP_FOUND;
        conn_drop(reason(r));
        return;
    }
    /* failure_retry_cnt applies with the all-channel scan only (esp_wifi.h) */
    C.tries_left = cfg()->scan_method == EW_SCAN_METHOD_ALL ? cfg()->failure_retry_cnt : 0;
    C.st = ST_AUTH;
    C.conn_timer = timer_in(FRAME_RTT_MS, phase_auth, NULL, "wifi.conn");
}

void conn_after_scan(const seen_t *seen, int n)
{
    C.ncand = 0;
    C.best_close = 0;
    C.best_reason = 0;
    C.best_ap = (seen_t){ 0 };
    for (int i = 0; i < n; i++) {
        uint8_t r = conn_reject_reason(seen[i].ap, seen[i].rssi);
        if (r) note_failure(r, 0, seen[i].ap, seen[i].rssi);
        else C.cand[C.ncand++] = seen[i];
    }
    if (cfg()->scan_method == EW_SCAN_METHOD_FAST && C.ncand > 1) C.ncand = 1; /* only the first found */
    else if (cfg()->sort_method == EW_SORT_METHOD_SECURITY)
        qsort(C.cand, (size_t)C.ncand, sizeof C.cand[0], cmp_seen_security);
    C.cand_idx = 0;
    attempt_next();
}

static void start_connect(void)
{
    C.st = ST_CONN_SCAN;
    scan_for_connect(cfg());
}

/* protocol and bandwidth changes renegotiate the link: the driver leaves and rejoins by itself */
void conn_reconnect(void)
{
    if (C.st != ST_CONNECTED) return;
    conn_drop(EW_REASON_ASSOC_LEAVE);
    C_stats.connect_calls++;
    start_connect();
}

int wifi_deauth(uint8_t r)
{
    if (C.st != ST_CONNECTED) return -1;
    sta_leave(r, true);
    return 0;
}

int wifi_dhcp_change(void)
{
    if (C.st != ST_CONNECTED || !C.have_ip) return -1;
    timer_cancel(&C.dhcp_timer);
    C.dhcp_timer = timer_in(IP_RENEW_MS, dhcp_fire, (void *)1, "wifi.dhcp");
    return 0;
}


void conn_start(void)
{
    C_stats.connect_calls++;
    start_connect();
}

bool conn_connecting(void) { return C.st >= ST_CONN_SCAN && C.st <= ST_HANDSHAKE; }
bool conn_idle(void) { return C.st == ST_IDLE; }
const sim_ap_t *conn_connected_ap(void) { return C.st == ST_CONNECTED ? C.ap : NULL; }
uint16_t conn_aid(void) { return C.aid; }

void conn_set_rssi_threshold(int32_t rssi)
{
    C.rssi_thr = rssi;
    C.rssi_armed = true;
    schedule_rssi_check();
}

void conn_rssi_recheck(void) { schedule_rssi_check(); }

void conn_netif_down(void) { C.have_ip = false; } /* its IP-lost timer keeps running */

bool conn_ip_info(ew_ip_info_t *ip)
{
    if (!C.have_ip) return false;
    memcpy(ip->ip, C.ip, 4);
    memcpy(ip->mask, g_world.dhcp.mask, 4);
    memcpy(ip->gw, g_world.dhcp.gw, 4);
    return true;
}

void conn_reset(void)
{
    if (C.ap && C.st == ST_CONNECTED && C.ap->stations > 0) C.ap->stations--;
    memset(&C, 0, sizeof C);
}

void conn_diag(conn_diag_t *d)
{
    *d = (conn_diag_t){
        .state = st_names[C.st], .connect_calls = C_stats.connect_calls, .connects_ok = C_stats.connects_ok,
        .disconnects = C_stats.disconnects, .have_ip = C.have_ip, .lost_ip_armed = C.lostip_timer != 0,
        .lost_ip_due = C.lostip_timer ? C.lostip_due : 0,
    };
}
