/*
 * espwifi-sim: the espwifi firmware core on the host, wired to a simulated Wi-Fi driver and
 * served on a pseudo-terminal. See README.md for the command line, scenarios and the control
 * channel (stdin/stdout).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "sim.h"
#include "ew_codec.h"

#define RX_PENDING_MAX 16384

static ew_core_t g_core;
static volatile sig_atomic_t g_quit;
static int g_depth;                   /* nesting of blocking port calls */
static uint8_t g_rx[RX_PENDING_MAX];
static size_t g_rx_len;
static bool g_pending_restart;
static bool g_stdin_open = true;
static char g_ctl[SIM_CTL_LINE_MAX + 1];
static pid_t g_parent;
static bool g_core_ready;             /* the core has been initialised (first boot done) */

/* ---------------- the port's system half ---------------- */
/* A reset ends everything the app was doing (on silicon its RAM is gone): a port call that was
 * blocking when the reset came unwinds into a core that no longer exists, so nothing the core
 * writes between a reset and the next hello reaches the wire (PROTOCOL.md: every line before
 * the hello is log). */
static void p_write(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    if (boot_in_progress()) return;
    uart_write(line, len);
}
static uint32_t p_now(void *ctx) { (void)ctx; return (uint32_t)(vnow() - boot_time()); }
/* CONFIG_LOG_DEFAULT_LEVEL: INFO on a default build; --log-level changes it */
static int g_log_level = EW_LOG_INFO;

static void p_log(void *ctx, ew_log_level_t level, const char *tag, const char *msg)
{
    (void)ctx;
    if ((int)level > g_log_level) return;
    static const char lv[] = "?EWIDV";
    uart_esp_log(level <= EW_LOG_VERBOSE ? lv[level] : 'I', tag, "%s", msg);
}

const char *board_chip(void) { return "esp32c3"; }

static void p_info(void *ctx, ew_device_info_t *info)
{
    (void)ctx;
    memset(info, 0, sizeof *info);
    info->fw_version = "0.1.0-sim";
    info->idf_version = "v5.5.1";
    info->chip = board_chip();
    info->chip_rev = 4;
    memcpy(info->mac, g_world.mac, 6);
    info->reset_reason = boot_reason();
}

/* esp_restart() from the core: happens after the core has sent its reply */
static void p_restart(void *ctx) { (void)ctx; if (!boot_in_progress()) g_pending_restart = true; }

static const ew_sys_ops_t g_sys_ops = {
    .write = p_write,
    .now_ms = p_now,
    .log = p_log,
    .get_device_info = p_info,
    .restart = p_restart,
};
/* the simulated driver keeps its state in its own statics: no context pointers */
static const ew_port_t g_port = { .sys = &g_sys_ops, .wifi = &sim_wifi_ops };

extern void ctl_on_booted(void);

void board_core_boot(void)
{
    g_rx_len = 0;
    if (app_mode()) { /* a product app, not the bridge: no core, no frames */
        app_boot(&sim_wifi_ops);
        ctl_on_booted();
        return;
    }
    uart_log_lf(true); /* the bridge installs its ESP_LOG hook before the hello */
    ew_core_init(&g_core, &g_port);
    g_core_ready = true;
    ew_core_boot(&g_core);
    ctl_on_booted();
}

/* ---------------- reset ---------------- */
void board_reset(ew_reset_reason_t reason)
{
    wifi_reset();
    uart_log_lf(false); /* bootloader and app start log through newlib's stdout again */
    g_rx_len = 0;
    g_pending_restart = false;
    boot_start(reason);
}

static void rx_sink(const uint8_t *d, size_t n)
{
    if (boot_in_progress() || !g_core_ready) return; /* nobody reads UART0 while off or booting */
    for (size_t i = 0; i < n && g_rx_len < RX_PENDING_MAX; i++) g_rx[g_rx_len++] = d[i];
}

static void deliver(void)
{
    if (app_mode() && g_depth == 0) {
        ew_event_t ev;
        while (!boot_in_progress() && wifi_event_pop(&ev)) app_on_event(&ev);
        g_rx_len = 0; /* the app reads nothing from UART0 */
        return;
    }
    if (g_depth > 0 || !g_core_ready) return;
    for (int guard = 0; guard < 64; guard++) {
        bool work = false;
        ew_event_t ev;
        while (!boot_in_progress() && wifi_event_pop(&ev)) {
            ew_core_on_event(&g_core, &ev);
            work = true;
        }
        if (!boot_in_progress()) ew_core_events_lost(&g_core, wifi_events_lost_take());
        if (g_rx_len && !boot_in_progress()) {
            uint8_t copy[RX_PENDING_MAX];
            size_t n = g_rx_len;
            memcpy(copy, g_rx, n);
            g_rx_len = 0;
            ew_core_rx(&g_core, copy, n);
            work = true;
        }
        if (!boot_in_progress()) ew_core_poll(&g_core);
        if (g_pending_restart) {
            g_pending_restart = false;
            board_reset(EW_RESET_REASON_SW);
        }
        if (!work) return;
    }
}

/* ---------------- control lines on stdin ---------------- */
extern bool ctl_waiting(void);

#define CTL_IN_MAX 65536
static char g_in[CTL_IN_MAX];
static size_t g_in_len;

/* Runs complete control lines, stopping while a reply waits for the board to boot, so replies
 * stay in request order. */
static void process_ctl(void)
{
    size_t i = 0;
    while (!ctl_waiting() && !g_quit) {
        char *nl = memchr(g_in + i, '\n', g_in_len - i);
        if (!nl) break;
        size_t len = (size_t)(nl - (g_in + i));
        if (len && g_in[i + len - 1] == '\r') len--;
        if (len > SIM_CTL_LINE_MAX) {
            ctl_reply("err LINE_TOO_LONG why=control\\sline\\sover\\s%d\\sbytes", SIM_CTL_LINE_MAX);
        } else if (len) {
            memcpy(g_ctl, g_in + i, len);
            g_ctl[len] = 0;
            ctl_line(g_ctl);
        }
        i = (size_t)(nl - g_in) + 1;
    }
    memmove(g_in, g_in + i, g_in_len - i);
    g_in_len -= i;
    if (g_in_len == CTL_IN_MAX) { /* one line filled the buffer: drop it */
        ctl_reply("err LINE_TOO_LONG why=control\\sline\\stoo\\slong");
        g_in_len = 0;
    }
}

static void read_stdin(void)
{
    ssize_t n = read(0, g_in + g_in_len, CTL_IN_MAX - g_in_len);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        g_stdin_open = false; /* the parent went away (or closed the channel): we go too */
        g_quit = 1;
        return;
    }
    if (n > 0) g_in_len += (size_t)n;
    process_ctl();
}

/* ---------------- the loop ---------------- */
static int min_wait(int a, int b)
{
    if (a < 0) return b;
    if (b < 0) return a;
    return a < b ? a : b;
}

/* Wall ms until the core has time-driven work (its clock is the virtual one). */
static int core_wait_ms(void)
{
    if (!g_core_ready || boot_in_progress()) return -1;
    uint32_t v = ew_core_wait_ms(&g_core);
    if (v == EW_CORE_WAIT_FOREVER) return -1;
    double wall = (double)v / clock_speed();
    return wall > 1000 ? 1000 : (int)wall + 1;
}

static void loop_once(void)
{
    struct pollfd pfd[5];
    int n = uart_fill_pollfds(pfd, 3);
    int radio_idx = n;
    n += radio_fill_pollfds(pfd + n, 1);
    int in_idx = -1;
    /* The control channel is the world around the board: it is read while a port call blocks
     * too, so a fault sent during a blocking scan applies at its time. */
    if (g_stdin_open && !ctl_waiting() && g_in_len < CTL_IN_MAX) { pfd[n] = (struct pollfd){ .fd = 0, .events = POLLIN }; in_idx = n++; }
    int t = min_wait(timer_wait_ms(), min_wait(uart_wait_ms(), core_wait_ms()));
    t = min_wait(t, 1000); /* parent check */
    int r = poll(pfd, (nfds_t)n, t);
    if (r < 0 && errno != EINTR) g_quit = 1;
    if (r > 0) {
        uart_handle_poll(pfd, in_idx >= 0 ? in_idx : n);
        if (in_idx >= 0 && (pfd[in_idx].revents & (POLLIN | POLLHUP | POLLERR))) read_stdin();
        if (radio_enabled()) radio_handle_poll(&pfd[radio_idx]);
    }
    if (getppid() != g_parent) g_quit = 1;
    timers_run_due();
    uart_pump();
    deliver();
    if (g_in_len && !ctl_waiting()) process_ctl();
}

static void cleanup(void) { uart_close(); radio_close(); }

void board_run_until(bool (*done)(void))
{
    g_depth++;
    while (!done() && !g_quit) loop_once();
    g_depth--;
    if (g_quit) { cleanup(); exit(0); }
}

static void on_signal(int sig) { (void)sig; g_quit = 1; }

static void usage(void)
{
    fprintf(stderr,
            "usage: espwifi-sim [--link PATH] [--speed N] [--seed N] [--baud N] [--no-pacing] [--no-color]\n"
            "                   [--log-level none|error|warn|info|debug|verbose] [--power-on] [--world DIR]\n"
            "                   [--firmware bridge|app]\n"
            "Serves a virtual ESP32 board on a pseudo-terminal; prints its path as the first stdout line.\n"
            "Control lines on stdin (see firmware/sim/README.md); exits on stdin EOF or parent death.\n");
}

int main(int argc, char **argv)
{
    double speed = 1;
    uart_opts_t uo = { .baud = 115200, .pacing = true, .color = true };
    const char *link = NULL;
    bool power_now = false;
    const char *world_dir = NULL;   /* shared radio world with other boards (sim_radio.c) */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--link") && v) { link = v; i++; }
        else if (!strcmp(a, "--speed") && v) { speed = atof(v); i++; if (speed <= 0) { fprintf(stderr, "espwifi-sim: --speed must be > 0\n"); return 2; } }
        else if (!strcmp(a, "--seed") && v) { rng_seed(strtoull(v, NULL, 0)); i++; }
        else if (!strcmp(a, "--baud") && v) { uo.baud = (uint32_t)strtoul(v, NULL, 10); i++; if (!uo.baud) { fprintf(stderr, "espwifi-sim: bad --baud\n"); return 2; } }
        else if (!strcmp(a, "--no-pacing")) uo.pacing = false;
        else if (!strcmp(a, "--no-color")) uo.color = false;
        else if (!strcmp(a, "--power-on")) power_now = true;
        else if (!strcmp(a, "--world") && v) { world_dir = v; i++; }
        else if (!strcmp(a, "--firmware") && v) {
            if (strcmp(v, "app") && strcmp(v, "bridge")) { fprintf(stderr, "espwifi-sim: --firmware must be bridge|app\n"); return 2; }
            app_mode_set(!strcmp(v, "app"));
            i++;
        }
        else if (!strcmp(a, "--log-level") && v) {
            static const char *const lv[] = { "none", "error", "warn", "info", "debug", "verbose" };
            int k = parse_enum(v, lv, 6);
            if (k < 0) { fprintf(stderr, "espwifi-sim: --log-level must be none|error|warn|info|debug|verbose\n"); return 2; }
            g_log_level = k;
            i++;
        }
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(); return 0; }
        else { fprintf(stderr, "espwifi-sim: unknown argument '%s'\n", a); usage(); return 2; }
    }
    g_parent = getppid();
    /* no orphans: die with the parent (stdin EOF covers the rest, e.g. a parent exec) */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != g_parent) return 0;
    struct sigaction sa = { 0 };
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);

    clock_init(speed);
    world_init();
    int opened = uart_open(&uo, link);
    if (opened == -3) {
        /* first stdout line: a control-style error the parent can report by name */
        char why[700], esc[1400];
        snprintf(why, sizeof why, "--link %s exists (another board's link, or not a link): refusing to replace it", link);
        int n = ew_escape(esc, sizeof esc - 1, (const uint8_t *)why, strlen(why), true);
        esc[n < 0 ? 0 : n] = 0;
        printf("err IN_USE why=%s\n", esc); /* the first stdout line: the parent reports it by name */
        fprintf(stderr, "espwifi-sim: %s\n", why);
        cleanup();
        return 1;
    }
    if (opened != 0) {
        fprintf(stderr, "espwifi-sim: cannot open a pseudo-terminal%s: %s\n", link ? " or create --link" : "", strerror(errno));
        cleanup();
        return 1;
    }
    if (world_dir && radio_open(world_dir) != 0) {
        fprintf(stderr, "espwifi-sim: cannot join the radio world %s: %s\n", world_dir, strerror(errno));
        cleanup();
        return 1;
    }
    radio_hello();   /* the SoftAPs already on the air announce themselves */
    uart_set_rx_sink(rx_sink);
    wifi_reset();
    printf("%s\n", uart_path());
    if (power_now) ctl_line((char[]){ "power_on" }); /* its reply is the second stdout line */
    while (!g_quit) loop_once();
    cleanup();
    return 0;
}
