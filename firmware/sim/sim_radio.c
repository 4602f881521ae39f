/*
 * The shared radio world: several virtual boards started with the same `--world DIR` hear each
 * other. Each board binds a datagram socket DIR/<pid>.sock and broadcasts one text line per
 * radio happening (a SoftAP's beacon state, an association, a de-authentication, a DHCP lease) to
 * every other socket in DIR. A board's SoftAP reaches the other boards as an AP of their world
 * (g_world.aps, marked remote), so their stations scan and join it through the same driver code
 * as a scenario AP. Messages are facts of the air, not commands: each board applies them to its
 * own driver state in its own poll loop and virtual clock.
 *
 * Lines: `<verb> key=value ...`, MACs as 12 hex digits, bytes as hex (ssid_hex, pass_hex):
 *   beacon bssid= on= ssid_hex= pass_hex= ch= auth= hidden= max= tx= pmf= stas=   (AP state)
 *   assoc sta= bssid=  | leave sta= bssid= reason=  | silent sta= bssid=          (station -> AP)
 *   deauth sta= bssid= reason=  | lease sta= bssid= ip= mask= gw=                 (AP -> station)
 *   probe sta= ch= | hello                                                       (anyone)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "sim.h"

#define RADIO_LINE_MAX 1024

static int s_fd = -1;
static char s_dir[200];
static char s_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
static int s_path_loss = 60;      /* dB between any two boards of the world */

bool radio_enabled(void) { return s_fd >= 0; }
void radio_set_path_loss(int db) { s_path_loss = db; }
int radio_path_loss(void) { return s_path_loss; }

int radio_open(const char *dir)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    if (strlen(dir) >= sizeof s_dir) { errno = ENAMETOOLONG; return -1; }
    snprintf(s_dir, sizeof s_dir, "%s", dir);
    if (snprintf(s_path, sizeof s_path, "%s/%d.sock", dir, (int)getpid()) >= (int)sizeof s_path) { errno = ENAMETOOLONG; return -1; }
    s_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s_fd < 0) return -1;
    memcpy(a.sun_path, s_path, strlen(s_path) + 1);
    unlink(s_path);
    if (bind(s_fd, (struct sockaddr *)&a, sizeof a) != 0) { close(s_fd); s_fd = -1; return -1; }
    return 0;
}

void radio_close(void)
{
    if (s_fd < 0) return;
    close(s_fd);
    s_fd = -1;
    unlink(s_path);
}

/* One line to every other board; a socket nobody reads any more (its board died) is removed. */
void radio_send(const char *fmt, ...)
{
    char line[RADIO_LINE_MAX];
    va_list ap;
    if (s_fd < 0) return;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || n >= (int)sizeof line) return;
    DIR *d = opendir(s_dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".sock") != 0) continue;
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        if (snprintf(a.sun_path, sizeof a.sun_path, "%s/%s", s_dir, e->d_name) >= (int)sizeof a.sun_path) continue;
        if (!strcmp(a.sun_path, s_path)) continue;
        if (sendto(s_fd, line, (size_t)n, MSG_DONTWAIT, (struct sockaddr *)&a, sizeof a) < 0 && errno == ECONNREFUSED)
            unlink(a.sun_path);
    }
    closedir(d);
}

void radio_mac_hex(const uint8_t m[6], char out[13])
{
    snprintf(out, 13, "%02x%02x%02x%02x%02x%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

void radio_hex(const uint8_t *b, size_t n, char *out)
{
    static const char h[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) { out[2 * i] = h[b[i] >> 4]; out[2 * i + 1] = h[b[i] & 15]; }
    out[2 * n] = 0;
}

static int unhex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = strlen(s);
    if (n % 2 || n / 2 > cap) return -1;
    for (size_t i = 0; i < n / 2; i++) {
        unsigned v;
        if (sscanf(s + 2 * i, "%2x", &v) != 1) return -1;
        out[i] = (uint8_t)v;
    }
    return (int)(n / 2);
}

static bool is_me(tok_t *t, int n, const char *key)
{
    tok_t *k = tok_get(t, n, key);
    uint8_t m[6];
    return k && parse_mac(k->val, m) && memcmp(m, g_world.mac, 6) == 0;
}

/* ---------------- the station's view: SoftAPs of other boards as APs of this world ---------------- */

static bool in_list(const char *stas, const uint8_t mac[6])
{
    char me[13];
    radio_mac_hex(mac, me);
    for (const char *p = stas; p && strlen(p) >= 12; p += 12)
        if (!strncmp(p, me, 12)) return true;
    return false;
}

static void on_beacon(tok_t *t, int n)
{
    tok_t *b = tok_get(t, n, "bssid"), *on = tok_get(t, n, "on");
    uint8_t bssid[6];
    if (!b || !on || !parse_mac(b->val, bssid)) return;
    sim_ap_t *ap = NULL;
    world_find(NULL, 0, bssid, &ap, 1);
    if (!ap) {
        if (strcmp(on->val, "1") != 0) return;
        if (!(ap = world_ap_add())) return;
        ap->remote = true;
        memcpy(ap->bssid, bssid, 6);
    }
    tok_t *k;
    if ((k = tok_get(t, n, "ssid_hex"))) { int l = unhex(k->val, ap->ssid, sizeof ap->ssid); ap->ssid_len = l < 0 ? 0 : (uint8_t)l; }
    if ((k = tok_get(t, n, "pass_hex"))) { int l = unhex(k->val, ap->password, sizeof ap->password); ap->password_len = l < 0 ? 0 : (uint8_t)l; }
    long v;
    if ((k = tok_get(t, n, "ch")) && parse_int(k->val, 1, 14, &v)) ap->channel = (uint8_t)v;
    if ((k = tok_get(t, n, "auth"))) {
        int a = parse_enum(k->val, ew_auth_names, EW_AUTH__COUNT);
        if (a >= 0) ap->auth = (ew_auth_t)a;
    }
    ap->pairwise = ap->group = ap->auth == EW_AUTH_OPEN ? EW_CIPHER_NONE : EW_CIPHER_CCMP;
    if ((k = tok_get(t, n, "hidden"))) ap->hidden = !strcmp(k->val, "1");
    if ((k = tok_get(t, n, "max")) && parse_int(k->val, 1, 15, &v)) ap->max_stations = (int)v;
    if ((k = tok_get(t, n, "pmf"))) ap->pmf_required = !strcmp(k->val, "1");
    if ((k = tok_get(t, n, "tx")) && parse_int(k->val, 0, 127, &v)) ap->rssi = (int)v / 4 - s_path_loss;
    k = tok_get(t, n, "stas");
    int count = k ? (int)(strlen(k->val) / 12) : 0;
    /* our own association is counted by our driver (connected() / sta_leave()) */
    ap->stations = count - (k && in_list(k->val, g_world.mac) ? 1 : 0);
    ap->on = !strcmp(on->val, "1");
    wifi_on_ap_change(ap);
}

static void on_deauth(tok_t *t, int n)
{
    tok_t *b = tok_get(t, n, "bssid"), *r = tok_get(t, n, "reason");
    uint8_t bssid[6];
    long reason = 2;
    const sim_ap_t *cur = wifi_associated_ap();
    if (!is_me(t, n, "sta") || !b || !parse_mac(b->val, bssid) || !cur || memcmp(cur->bssid, bssid, 6) != 0) return;
    if (r) parse_int(r->val, 0, 255, &reason);
    wifi_deauth((uint8_t)reason);
}

static void on_lease(tok_t *t, int n)
{
    tok_t *b = tok_get(t, n, "bssid"), *ip = tok_get(t, n, "ip"), *mask = tok_get(t, n, "mask"), *gw = tok_get(t, n, "gw");
    uint8_t bssid[6];
    sim_ap_t *ap = NULL;
    if (!is_me(t, n, "sta") || !b || !ip || !mask || !gw || !parse_mac(b->val, bssid)) return;
    world_find(NULL, 0, bssid, &ap, 1);
    if (!ap || !parse_ip(ip->val, ap->lease.ip) || !parse_ip(mask->val, ap->lease.mask) || !parse_ip(gw->val, ap->lease.gw)) return;
    ap->lease_ready = true;
}

bool radio_sta_take_lease(sim_ap_t *ap)
{
    if (!ap->lease_ready) return false;
    memcpy(g_world.dhcp.ip, ap->lease.ip, 4);
    memcpy(g_world.dhcp.mask, ap->lease.mask, 4);
    memcpy(g_world.dhcp.gw, ap->lease.gw, 4);
    return true;
}

void radio_sta_joined(sim_ap_t *ap)
{
    char me[13], b[13];
    if (!ap->remote) return;
    ap->lease_ready = false;   /* a new association asks the AP's DHCP server again */
    radio_mac_hex(g_world.mac, me);
    radio_mac_hex(ap->bssid, b);
    radio_send("assoc sta=%s bssid=%s", me, b);
}

void radio_sta_left(const sim_ap_t *ap, uint8_t reason, bool by_ap)
{
    char me[13], b[13];
    if (!ap->remote || by_ap) return;   /* the AP already knows: it sent the deauth */
    radio_mac_hex(g_world.mac, me);
    radio_mac_hex(ap->bssid, b);
    /* after a beacon loss the station cannot reach the AP: the AP only notices the silence */
    if (reason == EW_REASON_BEACON_TIMEOUT) radio_send("silent sta=%s bssid=%s", me, b);
    else radio_send("leave sta=%s bssid=%s reason=%u", me, b, reason);
}

void radio_probe(uint8_t ch)
{
    char me[13];
    if (s_fd < 0) return;
    radio_mac_hex(g_world.mac, me);
    radio_send("probe sta=%s ch=%u", me, ch);
}

/* ---------------- receive ---------------- */

static void dispatch(char *line)
{
    char *verb;
    tok_t t[16];
    int n = tok_split(line, &verb, t, 16);
    if (n < 0 || !verb) return;
    if (!strcmp(verb, "beacon")) on_beacon(t, n);
    else if (!strcmp(verb, "deauth")) on_deauth(t, n);
    else if (!strcmp(verb, "lease")) on_lease(t, n);
    else softap_radio_rx(verb, t, n);   /* assoc, leave, silent, probe, hello */
}

int radio_fill_pollfds(struct pollfd *pfd, int max)
{
    if (s_fd < 0 || max < 1) return 0;
    pfd[0] = (struct pollfd){ .fd = s_fd, .events = POLLIN };
    return 1;
}

void radio_handle_poll(struct pollfd *pfd)
{
    char line[RADIO_LINE_MAX + 1];
    if (s_fd < 0 || !(pfd->revents & POLLIN)) return;
    for (;;) {
        ssize_t n = recv(s_fd, line, RADIO_LINE_MAX, MSG_DONTWAIT);
        if (n <= 0) return;
        line[n] = 0;
        dispatch(line);
    }
}

void radio_hello(void) { radio_send("hello"); }
