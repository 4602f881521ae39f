/*
 * The board's UART0, served on a pseudo-terminal.
 *
 * - The slave is raw (cfmakeraw: no echo, no CR/LF translation) so bytes pass exactly.
 * - We keep our own slave fd open: without it the master reports a hang-up whenever the host
 *   closes the port, and a reopen would race with that.
 * - Output is paced at baud/10 bytes per second (8N1) times the clock speed, like a real UART.
 * - While no host has the port open, bytes on the wire are lost (as on a real UART with nobody
 *   listening): inotify tells us when the slave is opened and closed, and we flush what the tty
 *   layer buffered meanwhile so a host that opens the port later never reads stale lines.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "sim.h"

#define OUTQ_CAP (512 * 1024)   /* bytes waiting for the wire; beyond this they are lost */

static int g_master = -1, g_slave = -1, g_inotify = -1;
static char g_path[128];
static char g_link[512];
static uart_opts_t g_opts;
static uint8_t *g_q;
static size_t g_q_head, g_q_len;
static uint32_t g_drop, g_corrupt;
static int g_open_count;            /* host opens of the slave (ours excluded) */
static double g_credit;             /* bytes the pacer may send now */
static uint64_t g_credit_wall;
static uart_rx_sink_t g_sink;
static bool g_full;                 /* the pty refused bytes: wait for POLLOUT, never spin */
static uart_stats_t g_stats;
static bool g_log_lf;                /* ESP_LOG lines end with LF (the bridge owns the log output) */
static uint64_t g_in_total, g_out_total; /* bytes ever queued / ever taken off the queue */

const uart_stats_t *uart_stats(void) { return &g_stats; }
const char *uart_path(void) { return g_path; }
bool uart_attached(void) { return g_inotify < 0 || g_open_count > 0; }
void uart_set_rx_sink(uart_rx_sink_t sink) { g_sink = sink; }
void uart_log_lf(bool lf) { g_log_lf = lf; }
void uart_set_baud(uint32_t baud) { if (baud) g_opts.baud = baud; }
uint32_t uart_baud(void) { return g_opts.baud; }

int uart_open(const uart_opts_t *opts, const char *link_path)
{
    g_opts = *opts;
    g_q = malloc(OUTQ_CAP);
    if (!g_q) return -1;
    g_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (g_master < 0 || grantpt(g_master) || unlockpt(g_master)) return -1;
    const char *p = ptsname(g_master);
    if (!p) return -1;
    snprintf(g_path, sizeof g_path, "%s", p);
    g_slave = open(g_path, O_RDWR | O_NOCTTY);
    if (g_slave < 0) return -1;
    struct termios t;
    if (tcgetattr(g_slave, &t) == 0) {
        cfmakeraw(&t);
        cfsetispeed(&t, B115200);
        cfsetospeed(&t, B115200);
        tcsetattr(g_slave, TCSANOW, &t);
    }
    fcntl(g_master, F_SETFL, fcntl(g_master, F_GETFL) | O_NONBLOCK);
    g_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (g_inotify >= 0 && inotify_add_watch(g_inotify, g_path, IN_OPEN | IN_CLOSE) < 0) {
        close(g_inotify);
        g_inotify = -1; /* cannot tell: behave as if a host were always attached */
    }
    if (link_path && *link_path) {
        /* Never take over another board's link, nor replace something that is not a link: only a
         * dangling link (its board is gone) is replaced. */
        struct stat st;
        if (lstat(link_path, &st) == 0) {
            if (!S_ISLNK(st.st_mode) || stat(link_path, &st) == 0) { errno = EEXIST; return -3; }
            unlink(link_path);
        }
        if (symlink(g_path, link_path) != 0) return -2;
        snprintf(g_link, sizeof g_link, "%s", link_path);
    }
    g_credit_wall = wall_ms();
    wiretrace_open(g_path);
    return 0;
}

void uart_close(void)
{
    /* remove the link only while it is still ours */
    char target[sizeof g_path];
    ssize_t n = g_link[0] ? readlink(g_link, target, sizeof target - 1) : -1;
    if (n > 0) {
        target[n] = 0;
        if (strcmp(target, g_path) == 0) unlink(g_link);
    }
    g_link[0] = 0;
    if (g_master >= 0) close(g_master);
    if (g_slave >= 0) close(g_slave);
    if (g_inotify >= 0) close(g_inotify);
    g_master = g_slave = g_inotify = -1;
    wiretrace_close();
    free(g_q);
    g_q = NULL;
}

static void q_push(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (g_q_len == OUTQ_CAP) { g_stats.bytes_discarded++; continue; }
        g_q[(g_q_head + g_q_len) % OUTQ_CAP] = d[i];
        g_q_len++;
    }
}

void uart_write(const void *data, size_t len)
{
    if (!g_q) return;
    size_t before = g_q_len;
    q_push(data, len);
    g_in_total += g_q_len - before;
    wiretrace_queued(data, len, g_in_total);
}

void uart_puts(const char *s) { uart_write(s, strlen(s)); }

void uart_printf(const char *fmt, ...)
{
    char buf[1200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    uart_write(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void uart_esp_log(char level, const char *tag, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint64_t t = vnow() - boot_time();
    /* Until the bridge starts, ESP_LOG goes through newlib's stdout, which ends lines with CRLF
     * (CONFIG_NEWLIB_STDOUT_LINE_ENDING_CRLF, the default). The bridge routes ESP_LOG through
     * esp_log_set_vprintf() into its own UART writer, which sends the format's LF untranslated. */
    const char *eol = g_log_lf ? "\n" : "\r\n";
    const char *color = "";
    switch (level) {
    case 'E': color = "\033[0;31m"; break;
    case 'W': color = "\033[0;33m"; break;
    case 'I': color = "\033[0;32m"; break;
    default: break;
    }
    /* the Wi-Fi blobs print "wifi:msg" with no space after the colon; everything else "tag: msg" */
    const char *sep = strcmp(tag, "wifi") == 0 ? ":" : ": ";
    if (g_opts.color && *color)
        uart_printf("%s%c (%llu) %s%s%s\033[0m%s", color, level, (unsigned long long)t, tag, sep, msg, eol);
    else
        uart_printf("%c (%llu) %s%s%s%s", level, (unsigned long long)t, tag, sep, msg, eol);
}

size_t uart_queued(void) { return g_q_len; }
void uart_drop_next(uint32_t n) { g_drop += n; }
void uart_corrupt_next(uint32_t n) { g_corrupt += n; }

static void read_inotify(void)
{
    if (g_inotify < 0) return;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(g_inotify, buf, sizeof buf);
        if (n <= 0) break;
        for (char *p = buf; p < buf + n;) {
            struct inotify_event *e = (struct inotify_event *)p;
            if (e->mask & IN_OPEN) { g_open_count++; g_stats.attaches++; }
            if ((e->mask & IN_CLOSE) && g_open_count > 0) g_open_count--;
            p += sizeof *e + e->len;
        }
    }
}

int uart_fill_pollfds(struct pollfd *pfd, int max)
{
    int n = 0;
    if (n < max) pfd[n++] = (struct pollfd){ .fd = g_master, .events = (short)(POLLIN | (g_full ? POLLOUT : 0)) };
    if (g_inotify >= 0 && n < max) pfd[n++] = (struct pollfd){ .fd = g_inotify, .events = POLLIN };
    return n;
}

void uart_handle_poll(struct pollfd *pfd, int n)
{
    for (int i = 0; i < n; i++) {
        if (pfd[i].fd == g_inotify && (pfd[i].revents & POLLIN)) read_inotify();
        if (pfd[i].fd == g_master && (pfd[i].revents & POLLOUT)) g_full = false;
        if (pfd[i].fd == g_master && (pfd[i].revents & POLLIN)) {
            uint8_t buf[1024];
            ssize_t r = read(g_master, buf, sizeof buf);
            if (r > 0) {
                g_stats.bytes_in += (uint64_t)r;
                if (g_sink) g_sink(buf, (size_t)r);
            }
        }
    }
}

static double bytes_per_ms(void) { return (double)g_opts.baud / 10.0 / 1000.0 * clock_speed(); }

int uart_wait_ms(void)
{
    if (!g_q_len) return -1;
    if (g_full) return uart_attached() ? -1 : 0;
    if (!g_opts.pacing) return 0;
    /* wake when ~32 bytes (or what is queued) can go, at least every 50 ms */
    double want = g_q_len < 32 ? (double)g_q_len : 32.0;
    double need = want - g_credit;
    if (need <= 0) return 0;
    double ms = need / bytes_per_ms();
    if (ms > 50) ms = 50;
    return (int)ms + 1;
}

static size_t apply_faults(uint8_t *chunk, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (g_drop) { g_drop--; g_stats.bytes_dropped++; continue; }
        uint8_t b = chunk[i];
        if (g_corrupt) { g_corrupt--; g_stats.bytes_corrupted++; b ^= (uint8_t)(1u << (rng_next() % 8)); }
        chunk[out++] = b;
    }
    return out;
}

void uart_pump(void)
{
    if (g_master < 0) return;
    read_inotify();
    uint64_t now = wall_ms();
    if (g_opts.pacing) {
        g_credit += (double)(now - g_credit_wall) * bytes_per_ms();
        /* a real UART has a 128-byte FIFO: no bigger bursts than that (plus what a sped-up
         * clock needs per wake-up) */
        double cap = 128 + bytes_per_ms() * 10;
        if (g_credit > cap) g_credit = cap;
    } else {
        g_credit = 65536;
    }
    g_credit_wall = now;
    if (!g_q_len) return;
    size_t can = (size_t)g_credit;
    if (can > g_q_len) can = g_q_len;
    if (!can) return;
    if (!uart_attached()) {
        g_full = false;
        /* nobody listening: the bytes still take their time on the wire, then vanish */
        tcflush(g_slave, TCIFLUSH);
        g_q_head = (g_q_head + can) % OUTQ_CAP;
        g_q_len -= can;
        g_credit -= (double)can;
        g_stats.bytes_discarded += can;
        g_out_total += can;
        wiretrace_sent(g_out_total, 0);
        return;
    }
    uint8_t chunk[4096];
    if (can > sizeof chunk) can = sizeof chunk;
    for (size_t i = 0; i < can; i++) chunk[i] = g_q[(g_q_head + i) % OUTQ_CAP];
    size_t taken = can;
    uint64_t stamp = wiretrace_stamp();
    ssize_t w;
    if (g_drop || g_corrupt) {
        /* faulty bytes are committed once, whatever the pty accepts */
        size_t n = apply_faults(chunk, can);
        w = n ? write(g_master, chunk, n) : 0;
    } else {
        w = write(g_master, chunk, can);
        if (w < 0) { g_full = true; return; } /* the host is not reading: retry on POLLOUT */
        taken = (size_t)w;
    }
    g_q_head = (g_q_head + taken) % OUTQ_CAP;
    g_q_len -= taken;
    g_credit -= (double)taken;
    if (w > 0) g_stats.bytes_out += (uint64_t)w;
    g_out_total += taken;
    wiretrace_sent(g_out_total, w > 0 ? stamp : 0);
}
