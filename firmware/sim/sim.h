/*
 * sim.h — the virtual board: one process = one board on one pseudo-terminal.
 *
 * Single-threaded by design (the core's port contract wants one caller): a poll() loop drives
 * the UART, the control channel on stdin and a virtual clock whose timers run the simulated
 * Wi-Fi driver. Driver timers never call into the core; they queue events that the loop delivers,
 * exactly as the ESP-IDF adapter funnels driver events through a queue to its bridge task.
 */
#pragma once
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "espwifi_core.h"

#define SIM_MAX_APS 128
#define SIM_MAX_TIMERS 256
#define SIM_MAX_EVENTS 64
#define SIM_MAX_TIMELINE 128
#define SIM_CTL_LINE_MAX 2048

/* ---------------- virtual clock and timers (sim_clock.c) ---------------- */
typedef void (*sim_timer_fn)(void *arg);
typedef int sim_timer_t; /* 0 = none */

void clock_init(double speed);
uint64_t vnow(void);                          /* virtual ms since the process started */
void clock_set_speed(double speed);
double clock_speed(void);
void clock_advance(uint64_t ms);              /* jump virtual time forward */
sim_timer_t timer_at(uint64_t due, sim_timer_fn fn, void *arg, const char *kind);
sim_timer_t timer_in(uint64_t delay, sim_timer_fn fn, void *arg, const char *kind);
void timer_cancel(sim_timer_t *t);            /* sets *t = 0 */
void timer_cancel_kind(const char *kind);     /* cancels every timer whose kind starts with kind */
int timer_wait_ms(void);                      /* wall ms until the next timer, -1 when none */
void timers_run_due(void);
uint64_t wall_ms(void);

/* ---------------- PRNG (sim_rng.c) ---------------- */
void rng_seed(uint64_t seed);                 /* --seed */
uint32_t rng_next(void);
int rng_range(int lo, int hi);                /* inclusive */

/* ---------------- UART on a pseudo-terminal (sim_uart.c) ---------------- */
typedef struct {
    uint32_t baud;
    bool pacing;
    bool color;
} uart_opts_t;

int uart_open(const uart_opts_t *opts, const char *link_path); /* 0 ok */
const char *uart_path(void);
void uart_close(void);
void uart_write(const void *data, size_t len);     /* queue bytes for the wire */
void uart_puts(const char *s);
void uart_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void uart_esp_log(char level, const char *tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void uart_drop_next(uint32_t n);
void uart_corrupt_next(uint32_t n);
bool uart_attached(void);                      /* a host has the pty open */
size_t uart_queued(void);                      /* bytes not yet on the wire (sent or discarded) */
void uart_set_baud(uint32_t baud);
void uart_log_lf(bool lf);                    /* ESP_LOG line ending: LF (bridge running) or CRLF (newlib stdout) */
uint32_t uart_baud(void);
/* poll integration */
int uart_fill_pollfds(struct pollfd *pfd, int max);
void uart_handle_poll(struct pollfd *pfd, int n);
int uart_wait_ms(void);                        /* wall ms until the pacer wants to run, -1 none */
void uart_pump(void);
/* received bytes are handed to this sink (set by main) */
typedef void (*uart_rx_sink_t)(const uint8_t *data, size_t len);
void uart_set_rx_sink(uart_rx_sink_t sink);
typedef struct {
    uint64_t bytes_out, bytes_dropped, bytes_corrupted, bytes_discarded, bytes_in, attaches;
} uart_stats_t;
const uart_stats_t *uart_stats(void);

/* sim_wiretrace.c: per event frame, when it was queued and when its LF reached the pty
 * (benchmarks; off unless ESPWIFI_SIM_WIRE_TRACE is set) */
void wiretrace_open(const char *pty_path);
void wiretrace_close(void);
void wiretrace_queued(const void *data, size_t len, uint64_t end);
uint64_t wiretrace_stamp(void);                /* now (ns) if a frame is being traced, else 0 */
void wiretrace_sent(uint64_t out, uint64_t written_ns); /* bytes up to `out` left the queue; 0: never written */

/* ---------------- world: APs and DHCP (sim_world.c) ---------------- */
typedef enum { REPLY_OK, REPLY_TIMEOUT, REPLY_REJECT } ap_reply_t;
/* What a wrong WPA/WPA2 password looks like to the station (ESP-IDF reports 15, 204 or 2 depending
 * on version and AP): the AP deauths with 15, stays silent (station's timer: 204), or deauths with 2. */
typedef enum { HS_AP_DEAUTH, HS_TIMEOUT, HS_AP_EXPIRE } hs_fail_t;

typedef struct {
    bool used;
    bool on;
    uint8_t ssid[32];
    uint8_t ssid_len;
    uint8_t bssid[6];
    uint8_t channel;
    int rssi;                   /* base RSSI; scans add seeded jitter of +-2 dB */
    ew_auth_t auth;
    ew_cipher_t pairwise, group;
    uint8_t password[64];
    uint8_t password_len;
    bool hidden;
    int max_stations;           /* capacity; -1 = unlimited */
    int stations;               /* other stations already associated */
    ew_phy_flags_t phy;
    ew_second_t second;
    ew_bw_t bw;
    char cc[3];
    ap_reply_t auth_reply, assoc_reply;
    hs_fail_t hs_fail;
    bool pmf_required;
    /* the SoftAP of another board of the shared radio world (sim_radio.c) */
    bool remote;
    bool lease_ready;           /* its DHCP server answered this board's station */
    struct { uint8_t ip[4], mask[4], gw[4]; } lease;
} sim_ap_t;

typedef struct {
    uint8_t ip[4], mask[4], gw[4];
    int delay_ms;               /* -1 = no DHCP server answers */
} sim_dhcp_t;

typedef struct {
    sim_ap_t aps[SIM_MAX_APS];
    sim_dhcp_t dhcp;
    char country[3];
    uint8_t mac[6];
    uint32_t lost_ip_ms;        /* lwIP's IP-lost timer */
    bool legacy_reasons;        /* ESP-IDF < 5.2: 201 instead of 210/211/212 */
} sim_world_t;

extern sim_world_t g_world;
void world_init(void);
sim_ap_t *world_ap_add(void);
/* finds APs by "ssid=" or "bssid=": fills out[], returns count */
int world_find(const uint8_t *ssid, size_t ssid_len, const uint8_t *bssid, sim_ap_t **out, int max);
int ap_rssi_sample(const sim_ap_t *ap);        /* RSSI as heard now, with jitter */
bool ap_reachable(const sim_ap_t *ap);         /* on and above the receiver floor */

/* ---------------- foreign-firmware mode: a product app instead of the bridge (sim_app.c) ---------------- */
void app_mode_set(bool on);
bool app_mode(void);
void app_boot(const ew_wifi_ops_t *wifi);     /* at boot instead of the core: connect to the first AP */
void app_on_event(const ew_event_t *ev);      /* the driver's events, as the app's event handler */

/* ---------------- simulated Wi-Fi driver (sim_wifi.c + sim_scan.c, sim_connect.c, sim_beacon.c: sim_wifi.h) ---------------- */
extern const ew_wifi_ops_t sim_wifi_ops;         /* the port's Wi-Fi ops: the simulated driver */
void wifi_reset(void);                         /* board reset: driver back to power-on state */
void wifi_on_ap_change(sim_ap_t *ap);          /* AP went off/on, RSSI or password changed */
int wifi_deauth(uint8_t reason);               /* 0 ok, -1 not connected */
int wifi_dhcp_change(void);                    /* 0 ok (GOT_IP changed=1 follows), -1 no IP */
void wifi_diag(char *out, size_t cap);         /* key=value pairs */
bool wifi_blocking(void);                      /* a blocking port call is in progress */
/* events queued by the driver for the core */
bool wifi_event_pop(ew_event_t *ev);
void wifi_post(const ew_event_t *ev);          /* queue an event (the SoftAP's too) */
bool wifi_inited(void);
bool wifi_started(void);
ew_mode_t wifi_mode(void);
const sim_ap_t *wifi_associated_ap(void);      /* the AP the station is connected to, or NULL */

/* ---------------- shared radio world between boards (sim_radio.c) ---------------- */
int radio_open(const char *dir);               /* --world DIR: 0 ok */
void radio_close(void);
bool radio_enabled(void);
int radio_fill_pollfds(struct pollfd *pfd, int max);
void radio_handle_poll(struct pollfd *pfd);
void radio_send(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void radio_hello(void);                        /* asks every running SoftAP to announce itself */
void radio_set_path_loss(int db);
int radio_path_loss(void);
void radio_mac_hex(const uint8_t m[6], char out[13]);
void radio_hex(const uint8_t *b, size_t n, char *out);
/* station hooks (sim_connect.c, sim_scan.c) */
void radio_sta_joined(sim_ap_t *ap);
void radio_sta_left(const sim_ap_t *ap, uint8_t reason, bool by_ap);
bool radio_sta_take_lease(sim_ap_t *ap);       /* a remote AP's lease into g_world.dhcp; false: not yet */
void radio_probe(uint8_t ch);                  /* an active scan's probe request on ch */

/* ---------------- simulated SoftAP (sim_ap.c) ---------------- */
/* its ops of ew_wifi_ops_t (ew_port.h documents each; the table is in sim_wifi.c) */
ew_err_t softap_set_config(void *ctx, const ew_ap_config_t *cfg);
ew_err_t softap_get_config(void *ctx, ew_ap_config_t *cfg);
ew_err_t softap_get_sta_list(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n);
ew_err_t softap_get_sta_aid(void *ctx, const uint8_t mac[6], uint16_t *aid);
ew_err_t softap_deauth_sta(void *ctx, uint16_t aid);
ew_err_t softap_set_max_tx_power(void *ctx, int8_t quarter_dbm);
ew_err_t softap_get_max_tx_power(void *ctx, int8_t *quarter_dbm);
ew_err_t softap_dhcps_get(void *ctx, ew_dhcps_config_t *cfg);
ew_err_t softap_dhcps_set(void *ctx, const ew_dhcps_config_t *cfg);
void softap_reset(void);                       /* board reset: the AP vanishes without a word */
void softap_driver_state(bool started, ew_mode_t mode); /* after start/stop/set_mode */
void softap_diag(char *out, size_t cap);
uint32_t wifi_events_lost_take(void);          /* events dropped (queue full) since the last call */

/* ---------------- boot, reset and panic output (sim_boot.c) ---------------- */
void boot_start(ew_reset_reason_t reason);    /* ROM banner, bootloader, app start, then hello */
void boot_panic(void);                         /* Guru Meditation dump, then reboot with panic */
bool boot_in_progress(void);
ew_reset_reason_t boot_reason(void);
uint64_t boot_time(void);                      /* virtual time of the last reset */

/* ---------------- the board (sim_main.c) ---------------- */
void board_core_boot(void);                    /* init the core and send the hello */
void board_run_until(bool (*done)(void));      /* nested loop for blocking port calls */
const char *board_chip(void);

/* ---------------- control channel (sim_ctl.c) ---------------- */
void ctl_line(char *line);                     /* one control line from stdin */
void ctl_reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---------------- token helpers (sim_tok.c) ---------------- */
typedef struct { const char *key; char *val; size_t val_len; } tok_t;
/* splits line in place into verb + tokens; unescapes values; returns count or -1 (bad escape) */
int tok_split(char *line, char **verb, tok_t *toks, int max);
tok_t *tok_get(tok_t *toks, int n, const char *key);
bool parse_mac(const char *s, uint8_t mac[6]);
bool parse_ip(const char *s, uint8_t ip[4]);
bool parse_int(const char *s, long lo, long hi, long *out);
int parse_enum(const char *s, const char *const *names, int count);

/* the SoftAP's side of the air: assoc, leave, silent, probe, hello from other boards (sim_ap.c) */
void softap_radio_rx(const char *verb, tok_t *t, int n);
