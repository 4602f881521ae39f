/*
 * The control channel: one line in on stdin, one line out on stdout, strictly in order.
 *   request: <action> key=value ...     (values escaped as in the protocol)
 *   reply:   ok key=value ...  |  err <NAME> why=<escaped text>
 * Scenario loading, fault injection and diagnostics all go through here. The actions, their
 * arguments and integer ranges are defined in control.json (sim_ctl_gen.c; README.md lists them).
 * Timeline entries (`at ms=N <action> ...`) run the same actions later, without a reply.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"
#include "ew_codec.h"
#include "sim_ctl_gen.h"

#define MAX_TOKS 40

extern void board_reset(ew_reset_reason_t reason);

static bool g_reply_on = true;       /* off while a timeline entry runs */
static bool g_wait_boot;             /* a reset/panic/power_on reply waits for the hello */
static bool g_powered;
static char *g_timeline[SIM_MAX_TIMELINE];
static uint64_t g_timeline_at[SIM_MAX_TIMELINE];
static int g_timeline_n;

bool ctl_waiting(void) { return g_wait_boot; }

void ctl_reply(const char *fmt, ...)
{
    if (!g_reply_on) return;
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

void ctl_on_booted(void)
{
    if (!g_wait_boot) return;
    g_wait_boot = false;
    ctl_reply("ok booted=1 reset=%s", ew_reset_reason_names[boot_reason()]);
}

static void err(const char *name, const char *why)
{
    char esc[600];
    int n = ew_escape(esc, sizeof esc - 1, (const uint8_t *)why, strlen(why), true);
    esc[n < 0 ? 0 : n] = 0; /* messages are short literals; an empty why beats a cut escape */
    if (g_reply_on) ctl_reply("err %s why=%s", name, esc);
    else fprintf(stderr, "espwifi-sim: timeline: %s: %s\n", name, why);
}

/* ---------- argument helpers: each reports its own error and returns false ---------- */
/* Integer argument `key` of action `a`, range and required-ness from control.json. */
static bool arg_int(tok_t *t, int n, sim_ctl_action_t a, const char *key, long *out)
{
    const sim_ctl_arg_t *spec = sim_ctl_arg(a, key);
    long lo = spec ? spec->min : 0, hi = spec ? spec->max : 0;
    bool required = spec && spec->required;
    tok_t *k = tok_get(t, n, key);
    if (!k) {
        if (!required) return true;
        char why[80];
        snprintf(why, sizeof why, "%s is required", key);
        err("MISSING_ARG", why);
        return false;
    }
    if (!parse_int(k->val, lo, hi, out)) {
        char why[120];
        snprintf(why, sizeof why, "%s must be an integer in %ld..%ld", key, lo, hi);
        err("BAD_ARG", why);
        return false;
    }
    return true;
}

static bool arg_enum(tok_t *t, int n, const char *key, const char *const *names, int count, int *out)
{
    tok_t *k = tok_get(t, n, key);
    if (!k) return true;
    int v = parse_enum(k->val, names, count);
    if (v < 0) {
        char why[80];
        snprintf(why, sizeof why, "%s: unknown value", key);
        err("BAD_ARG", why);
        return false;
    }
    *out = v;
    return true;
}

static bool arg_ssid(tok_t *t, int n, uint8_t *ssid, uint8_t *len, bool *given)
{
    tok_t *s = tok_get(t, n, "ssid"), *h = tok_get(t, n, "ssid_hex");
    *given = s || h;
    if (s) {
        if (s->val_len > 32) { err("BAD_ARG", "ssid is longer than 32 bytes"); return false; }
        memcpy(ssid, s->val, s->val_len);
        *len = (uint8_t)s->val_len;
    } else if (h) {
        size_t l = strlen(h->val);
        if (l % 2 || l > 64) { err("BAD_ARG", "ssid_hex must be 0..64 hex digits"); return false; }
        for (size_t i = 0; i < l / 2; i++) {
            unsigned b;
            if (sscanf(h->val + 2 * i, "%2x", &b) != 1) { err("BAD_ARG", "ssid_hex must be hex"); return false; }
            ssid[i] = (uint8_t)b;
        }
        *len = (uint8_t)(l / 2);
    }
    return true;
}

/* ssid= / ssid_hex= / bssid= select APs */
static int select_aps(tok_t *t, int n, sim_ap_t **out)
{
    uint8_t ssid[32], sl = 0, bssid[6];
    bool have_ssid;
    if (!arg_ssid(t, n, ssid, &sl, &have_ssid)) return -1;
    tok_t *b = tok_get(t, n, "bssid");
    if (b && !parse_mac(b->val, bssid)) { err("BAD_ARG", "bssid must be a MAC address"); return -1; }
    if (!have_ssid && !b) { err("MISSING_ARG", "ssid or bssid is required"); return -1; }
    int k = world_find(have_ssid ? ssid : NULL, sl, b ? bssid : NULL, out, SIM_MAX_APS);
    if (!k) { err("NOT_FOUND", "no AP matches"); return -1; }
    return k;
}

static const char *const reply_names[] = { "ok", "timeout", "reject" };
static const char *const hs_names[] = { "ap_deauth", "timeout", "ap_expire" };

static bool parse_phy(const char *s, ew_phy_flags_t *out)
{
    ew_phy_flags_t f = 0;
    if (strcmp(s, "-") == 0) { *out = 0; return true; }
    for (const char *p = s; *p; p++) {
        const char *at = strchr(EW_PHY_LETTERS, *p);
        if (!at || !*p) return false;
        f |= (ew_phy_flags_t)(1u << (at - EW_PHY_LETTERS));
    }
    *out = f;
    return true;
}

static void act_ap_add(tok_t *t, int n)
{
    sim_ap_t tmp;
    memset(&tmp, 0, sizeof tmp);
    bool given;
    if (!arg_ssid(t, n, tmp.ssid, &tmp.ssid_len, &given)) return;
    if (!given) { err("MISSING_ARG", "ssid or ssid_hex is required"); return; }
    tok_t *b = tok_get(t, n, "bssid");
    if (!b) { err("MISSING_ARG", "bssid is required"); return; }
    if (!parse_mac(b->val, tmp.bssid)) { err("BAD_ARG", "bssid must be a MAC address"); return; }
    sim_ap_t *dup;
    if (world_find(NULL, 0, tmp.bssid, &dup, 1)) { err("BAD_ARG", "an AP with this bssid exists"); return; }
    long ch = 1, rssi = -50, maxsta = -1, sta = 0, hidden = 0, on = 1;
    const sim_ctl_action_t A = SIM_CTL_AP_ADD;
    if (!arg_int(t, n, A, "ch", &ch) || !arg_int(t, n, A, "rssi", &rssi) ||
        !arg_int(t, n, A, "max_stations", &maxsta) || !arg_int(t, n, A, "stations", &sta) ||
        !arg_int(t, n, A, "hidden", &hidden) || !arg_int(t, n, A, "on", &on))
        return;
    int auth = EW_AUTH_WPA2, pw = -1, gr = -1, second = EW_SECOND_NONE, bw = EW_BW_HT20;
    int ar = REPLY_OK, sr = REPLY_OK, hs = HS_AP_DEAUTH, pmf = -1;
    if (!arg_enum(t, n, "auth", ew_auth_names, EW_AUTH__COUNT, &auth) ||
        !arg_enum(t, n, "pairwise", ew_cipher_names, EW_CIPHER__COUNT, &pw) ||
        !arg_enum(t, n, "group", ew_cipher_names, EW_CIPHER__COUNT, &gr) ||
        !arg_enum(t, n, "second", ew_second_names, EW_SECOND__COUNT, &second) ||
        !arg_enum(t, n, "bw", ew_bw_names, EW_BW__COUNT, &bw) ||
        !arg_enum(t, n, "auth_reply", reply_names, 3, &ar) || !arg_enum(t, n, "assoc_reply", reply_names, 3, &sr) ||
        !arg_enum(t, n, "handshake", hs_names, 3, &hs) || !arg_enum(t, n, "pmf", ew_pmf_names, EW_PMF__COUNT, &pmf))
        return;
    tok_t *p = tok_get(t, n, "pass");
    if (p && p->val_len > 64) { err("BAD_ARG", "pass is longer than 64 bytes"); return; }
    tok_t *ph = tok_get(t, n, "phy");
    ew_phy_flags_t phy = EW_PHY_B | EW_PHY_G | EW_PHY_N;
    if (ph && !parse_phy(ph->val, &phy)) { err("BAD_ARG", "phy must be letters of bgnlacxwf"); return; }
    tok_t *cc = tok_get(t, n, "cc");
    if (cc && strlen(cc->val) > 2) { err("BAD_ARG", "cc must be 2 characters"); return; }
    if (p && p->val_len && auth == EW_AUTH_OPEN) { err("BAD_ARG", "an open AP has no password"); return; }

    sim_ap_t *ap = world_ap_add();
    if (!ap) { err("FULL", "too many APs"); return; }
    memcpy(ap->ssid, tmp.ssid, tmp.ssid_len);
    ap->ssid_len = tmp.ssid_len;
    memcpy(ap->bssid, tmp.bssid, 6);
    ap->channel = (uint8_t)ch;
    ap->rssi = (int)rssi;
    ap->max_stations = (int)maxsta;
    ap->stations = (int)sta;
    ap->hidden = hidden;
    ap->on = on;
    ap->auth = (ew_auth_t)auth;
    ew_cipher_t dpw = EW_CIPHER_CCMP, dgr = EW_CIPHER_CCMP;
    if (auth == EW_AUTH_OPEN || auth == EW_AUTH_OWE) dpw = dgr = auth == EW_AUTH_OWE ? EW_CIPHER_CCMP : EW_CIPHER_NONE;
    else if (auth == EW_AUTH_WEP) dpw = dgr = EW_CIPHER_WEP40;
    else if (auth == EW_AUTH_WPA) dpw = dgr = EW_CIPHER_TKIP;
    else if (auth == EW_AUTH_WPA_WPA2) { dpw = EW_CIPHER_TKIP_CCMP; dgr = EW_CIPHER_TKIP; }
    ap->pairwise = pw >= 0 ? (ew_cipher_t)pw : dpw;
    ap->group = gr >= 0 ? (ew_cipher_t)gr : dgr;
    ap->second = (ew_second_t)second;
    ap->bw = (ew_bw_t)bw;
    ap->phy = phy;
    ap->auth_reply = (ap_reply_t)ar;
    ap->assoc_reply = (ap_reply_t)sr;
    ap->hs_fail = (hs_fail_t)hs;
    ap->pmf_required = pmf == EW_PMF_REQUIRED;
    if (p) { memcpy(ap->password, p->val, p->val_len); ap->password_len = (uint8_t)p->val_len; }
    if (cc) memcpy(ap->cc, cc->val, strlen(cc->val) + 1);
    int count = 0;
    for (int i = 0; i < SIM_MAX_APS; i++) count += g_world.aps[i].used;
    ctl_reply("ok aps=%d", count); /* never echo the password */
}

static void act_ap_onoff(tok_t *t, int n, bool on)
{
    sim_ap_t *aps[SIM_MAX_APS];
    int k = select_aps(t, n, aps);
    if (k < 0) return;
    for (int i = 0; i < k; i++) { aps[i]->on = on; wifi_on_ap_change(aps[i]); }
    ctl_reply("ok n=%d", k);
}

static void act_rssi(tok_t *t, int n)
{
    long v;
    if (!arg_int(t, n, SIM_CTL_RSSI, "rssi", &v)) return;
    sim_ap_t *aps[SIM_MAX_APS];
    int k = select_aps(t, n, aps);
    if (k < 0) return;
    for (int i = 0; i < k; i++) { aps[i]->rssi = (int)v; wifi_on_ap_change(aps[i]); }
    ctl_reply("ok n=%d", k);
}

static void act_password(tok_t *t, int n)
{
    tok_t *p = tok_get(t, n, "pass");
    if (!p) { err("MISSING_ARG", "pass is required"); return; }
    if (p->val_len > 64) { err("BAD_ARG", "pass is longer than 64 bytes"); return; }
    sim_ap_t *aps[SIM_MAX_APS];
    int k = select_aps(t, n, aps);
    if (k < 0) return;
    for (int i = 0; i < k; i++) {
        if (aps[i]->auth == EW_AUTH_OPEN && p->val_len) { err("BAD_ARG", "an open AP has no password"); return; }
    }
    for (int i = 0; i < k; i++) { memcpy(aps[i]->password, p->val, p->val_len); aps[i]->password_len = (uint8_t)p->val_len; }
    ctl_reply("ok n=%d", k);
}

static bool arg_ip(tok_t *t, int n, const char *key, uint8_t out[4], bool required)
{
    tok_t *k = tok_get(t, n, key);
    if (!k) {
        if (required) { char why[60]; snprintf(why, sizeof why, "%s is required", key); err("MISSING_ARG", why); }
        return !required;
    }
    if (!parse_ip(k->val, out)) { char why[60]; snprintf(why, sizeof why, "%s must be a.b.c.d", key); err("BAD_ARG", why); return false; }
    return true;
}

static void act_dhcp(tok_t *t, int n, bool change)
{
    const sim_ctl_action_t A = change ? SIM_CTL_DHCP_CHANGE : SIM_CTL_DHCP;
    sim_dhcp_t d = g_world.dhcp;
    long delay = d.delay_ms;
    if (!arg_ip(t, n, "ip", d.ip, change) || !arg_ip(t, n, "mask", d.mask, false) || !arg_ip(t, n, "gw", d.gw, false) ||
        !arg_int(t, n, A, "delay_ms", &delay))
        return;
    d.delay_ms = (int)delay;
    g_world.dhcp = d;
    if (!change) { ctl_reply("ok"); return; }
    ctl_reply("ok applied=%d", wifi_dhcp_change() == 0); /* 0: not connected, used at the next lease */
}

static const char *const reset_names_extra[] = { "power", "poweron" };

static void act_reset(tok_t *t, int n, bool panic)
{
    int r = panic ? EW_RESET_REASON_PANIC : EW_RESET_REASON_POWERON;
    tok_t *k = tok_get(t, n, "reason");
    if (k && !panic) {
        r = parse_enum(k->val, ew_reset_reason_names, EW_RESET_REASON__COUNT);
        if (r < 0 && strcmp(k->val, reset_names_extra[0]) == 0) r = EW_RESET_REASON_POWERON;
        if (r < 0) { err("BAD_ARG", "reason: unknown reset reason"); return; }
    }
    if (!g_powered) { err("STATE", "the board is not powered on (power_on first)"); return; }
    if (panic) boot_panic();
    else if (r == EW_RESET_REASON_BROWNOUT) uart_puts("\r\nBrownout detector was triggered\r\n\r\n");
    else if (r == EW_RESET_REASON_TASK_WDT) {
        uart_esp_log('E', "task_wdt", "Task watchdog got triggered. The following tasks/users did not reset the watchdog in time:");
        uart_esp_log('E', "task_wdt", " - IDLE (CPU 0)");
        uart_esp_log('E', "task_wdt", "Tasks currently running:");
        uart_esp_log('E', "task_wdt", "CPU 0: espwifi");
        uart_puts("\r\nabort() was called at PC 0x4200b2c4 on core 0\r\n\r\nRebooting...\r\n");
    }
    if (g_reply_on) g_wait_boot = true; /* the reply comes with the hello */
    board_reset((ew_reset_reason_t)r);
}

static void act_power_on(void)
{
    if (g_powered) { ctl_reply("ok booted=1 reset=%s already=1", ew_reset_reason_names[boot_reason()]); return; }
    g_powered = true;
    extern void ctl_timeline_arm(void);
    if (g_reply_on) g_wait_boot = true;
    board_reset(EW_RESET_REASON_POWERON);
    ctl_timeline_arm(); /* timeline times count from this boot's start, like log timestamps */
}

static void act_noise(tok_t *t, int n)
{
    long bytes = 64;
    if (!arg_int(t, n, SIM_CTL_NOISE, "bytes", &bytes)) return;
    for (long i = 0; i < bytes; i++) {
        uint8_t b = (uint8_t)rng_next();
        uart_write(&b, 1);
    }
    uart_puts("\r\n"); /* the line after the noise starts clean */
    ctl_reply("ok bytes=%ld", bytes);
}

static void act_diag(void)
{
    char w[1200], a[200];
    wifi_diag(w, sizeof w);
    softap_diag(a, sizeof a);
    const uart_stats_t *u = uart_stats();
    int aps = 0, on = 0;
    for (int i = 0; i < SIM_MAX_APS; i++) { aps += g_world.aps[i].used; on += g_world.aps[i].used && g_world.aps[i].on; }
    ctl_reply("ok %s %s aps=%d aps_on=%d powered=%d booting=%d reset=%s vnow_ms=%llu uptime_ms=%llu speed=%g baud=%u bytes_out=%llu "
              "bytes_in=%llu bytes_dropped=%llu bytes_corrupted=%llu bytes_discarded=%llu out_queued=%zu attached=%d attaches=%llu",
              w, a, aps, on, g_powered, boot_in_progress(), ew_reset_reason_names[boot_reason()], (unsigned long long)vnow(),
              (unsigned long long)(vnow() - boot_time()), clock_speed(), uart_baud(), (unsigned long long)u->bytes_out,
              (unsigned long long)u->bytes_in, (unsigned long long)u->bytes_dropped, (unsigned long long)u->bytes_corrupted,
              (unsigned long long)u->bytes_discarded, uart_queued(), uart_attached(), (unsigned long long)u->attaches);
}

static void timeline_fire(void *arg)
{
    char line[SIM_CTL_LINE_MAX + 1];
    snprintf(line, sizeof line, "%s", (const char *)arg); /* ctl_line splits in place */
    bool prev = g_reply_on;
    g_reply_on = false;
    ctl_line(line);
    g_reply_on = prev;
}

static uint64_t g_power_at;

void ctl_timeline_arm(void)
{
    g_power_at = boot_time();
    for (int i = 0; i < g_timeline_n; i++) timer_at(g_power_at + g_timeline_at[i], timeline_fire, g_timeline[i], "timeline");
}

/* at <ms> <action> args...  — ms after power-on; the rest of the line is kept verbatim */
static void act_at(char *rest)
{
    char *end;
    long ms = strtol(rest, &end, 10);
    if (end == rest || ms < 0 || (*end != ' ' && *end != '\t')) { err("BAD_ARG", "usage: at <ms> <action> [args]"); return; }
    while (*end == ' ' || *end == '\t') end++;
    if (!*end || strncmp(end, "at ", 3) == 0) { err("BAD_ARG", "at needs an action"); return; }
    if (g_timeline_n == SIM_MAX_TIMELINE) { err("FULL", "too many timeline entries"); return; }
    char *copy = strdup(end);
    if (!copy) { err("FULL", "out of memory"); return; }
    g_timeline[g_timeline_n] = copy;
    g_timeline_at[g_timeline_n] = (uint64_t)ms;
    g_timeline_n++;
    if (g_powered) timer_at(g_power_at + (uint64_t)ms, timeline_fire, copy, "timeline");
    ctl_reply("ok entries=%d", g_timeline_n);
}

void ctl_line(char *line)
{
    while (*line == ' ' || *line == '\t') line++;
    if (!*line || *line == '#') { ctl_reply("ok"); return; }
    if (strncmp(line, "at ", 3) == 0) { act_at(line + 3); return; }
    char *verb;
    tok_t t[MAX_TOKS];
    int n = tok_split(line, &verb, t, MAX_TOKS);
    if (n < 0) { err("BAD_ARG", "bad escape or too many tokens"); return; }
    int a = sim_ctl_find(verb);
    if (a < 0) {
        char why[120];
        snprintf(why, sizeof why, "unknown action %.60s", verb);
        err("UNKNOWN_ACTION", why);
        return;
    }
    for (int i = 0; i < n; i++) {
        if (t[i].key && sim_ctl_arg(a, t[i].key)) continue;
        char why[160];
        snprintf(why, sizeof why, "%.40s is not an argument of %.40s", t[i].key ? t[i].key : t[i].val, verb);
        err("BAD_ARG", why);
        return;
    }
    long v;
    switch ((sim_ctl_action_t)a) {
    case SIM_CTL_PING: ctl_reply("ok"); break;
    case SIM_CTL_AP_ADD: act_ap_add(t, n); break;
    case SIM_CTL_AP_OFF: act_ap_onoff(t, n, false); break;
    case SIM_CTL_AP_ON: act_ap_onoff(t, n, true); break;
    case SIM_CTL_RSSI: act_rssi(t, n); break;
    case SIM_CTL_PASSWORD: act_password(t, n); break;
    case SIM_CTL_DEAUTH:
        v = EW_REASON_AUTH_EXPIRE;
        if (!arg_int(t, n, SIM_CTL_DEAUTH, "reason", &v)) return;
        if (wifi_deauth((uint8_t)v) != 0) err("NOT_CONNECTED", "the station is not connected");
        else ctl_reply("ok reason=%ld", v);
        break;
    case SIM_CTL_DHCP: act_dhcp(t, n, false); break;
    case SIM_CTL_DHCP_CHANGE: act_dhcp(t, n, true); break;
    case SIM_CTL_RESET: act_reset(t, n, false); break;
    case SIM_CTL_PANIC: act_reset(t, n, true); break;
    case SIM_CTL_POWER_ON: act_power_on(); break;
    case SIM_CTL_NOISE: act_noise(t, n); break;
    case SIM_CTL_DROP:
    case SIM_CTL_CORRUPT:
        if (!arg_int(t, n, (sim_ctl_action_t)a, "bytes", &v)) return;
        if (a == SIM_CTL_DROP) uart_drop_next((uint32_t)v); else uart_corrupt_next((uint32_t)v);
        ctl_reply("ok bytes=%ld", v);
        break;
    case SIM_CTL_DIAG: act_diag(); break;
    case SIM_CTL_SPEED: {
        tok_t *x = tok_get(t, n, "x");
        const sim_ctl_arg_t *r = sim_ctl_arg(a, "x");
        double s = x ? atof(x->val) : 0;
        if (!x || s <= r->min || s > r->max) { err("BAD_ARG", "x must be a number in (0, 10000]"); return; }
        clock_set_speed(s);
        ctl_reply("ok speed=%g", s);
        break;
    }
    case SIM_CTL_TIME:
        v = 0;
        if (!arg_int(t, n, SIM_CTL_TIME, "advance", &v)) return;
        if (v) { clock_advance((uint64_t)v); timers_run_due(); }
        ctl_reply("ok vnow_ms=%llu uptime_ms=%llu", (unsigned long long)vnow(), (unsigned long long)(vnow() - boot_time()));
        break;
    case SIM_CTL_BAUD:
        if (!arg_int(t, n, SIM_CTL_BAUD, "rate", &v)) return;
        uart_set_baud((uint32_t)v);
        ctl_reply("ok baud=%ld", v);
        break;
    case SIM_CTL_COUNTRY: {
        tok_t *c = tok_get(t, n, "cc");
        if (!c || strlen(c->val) != 2) { err("BAD_ARG", "cc must be 2 characters"); return; }
        memcpy(g_world.country, c->val, 3);
        ctl_reply("ok");
        break;
    }
    case SIM_CTL_MAC: {
        tok_t *m = tok_get(t, n, "mac");
        if (!m || !parse_mac(m->val, g_world.mac)) { err("BAD_ARG", "mac must be a MAC address"); return; }
        ctl_reply("ok");
        break;
    }
    case SIM_CTL_REASONS: {
        tok_t *m = tok_get(t, n, "mode");
        if (!m || (strcmp(m->val, "legacy") && strcmp(m->val, "current"))) { err("BAD_ARG", "mode must be legacy or current"); return; }
        g_world.legacy_reasons = m->val[0] == 'l';
        ctl_reply("ok");
        break;
    }
    case SIM_CTL_LOST_IP_TIMER:
        if (!arg_int(t, n, SIM_CTL_LOST_IP_TIMER, "ms", &v)) return;
        g_world.lost_ip_ms = (uint32_t)v;
        ctl_reply("ok");
        break;
    case SIM_CTL_PATH_LOSS: {   /* shared radio world: dB between this board and the others */
        tok_t *k = tok_get(t, n, "db");
        const sim_ctl_arg_t *r = sim_ctl_arg(a, "db");
        if (!k || !parse_int(k->val, r->min, r->max, &v)) ctl_reply("err BAD_ARG why=db\\s0..130");
        else { radio_set_path_loss((int)v); radio_hello(); ctl_reply("ok"); }
        break;
    }
    case SIM_CTL_QUIT: ctl_reply("ok"); fflush(stdout); raise(SIGTERM); break;
    case SIM_CTL__COUNT: break;
    }
}
