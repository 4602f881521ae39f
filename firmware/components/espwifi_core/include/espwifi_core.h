/*
 * espwifi_core.h — the portable bridge core: serial line protocol v1 <-> esp_wifi station API.
 *
 * Feed it bytes from the serial port and events from the Wi-Fi driver; it answers through the
 * port's write(). It owns the firmware-side rules of the seed (protocol/PROTOCOL.md, "Rules"):
 *   - exactly one ap_records per SCAN_DONE: a second is refused with ALREADY_FETCHED;
 *   - records never fetched are cleared (clear_ap_list) before the next scan, and counted;
 *   - a scan while one runs is refused with SCAN_IN_PROGRESS;
 *   - commands invalid in the current phase are refused with the driver's error name.
 *
 * No dynamic allocation, no OS calls; all state lives in ew_core_t (static RAM is the budget).
 * Not thread-safe by design: the port guarantees one caller (see ew_port.h).
 */
#pragma once
#include "ew_port.h"
#include "ew_improv.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint32_t rx_frames;    /* valid request frames received */
    uint32_t rx_lines;     /* every line received (frames, log echo, garbage) */
    uint32_t bad_crc;
    uint32_t too_long;
    uint32_t malformed;
    uint32_t cleared;      /* scans whose unfetched records were cleared before a new scan */
} ew_core_counters_t;

typedef struct ew_core {
    const ew_port_t *port;
    /* line assembly (bounded: an over-long line is dropped up to its terminator) */
    char line[EW_MAX_LINE + 1];
    size_t line_len;
    bool line_overflow;
    /* station state mirrored from driver events and our own calls */
    ew_phase_t phase;
    ew_mode_t mode;
    ew_scan_state_t scan_state;
    uint8_t scan_id;            /* id of the last scan started by a scan command */
    /* a `scan block=1` in progress: run as a non-blocking scan, answered at its SCAN_DONE */
    bool scan_blocking;
    uint32_t block_req_id;
    uint32_t block_deadline_ms; /* port clock; the scan is stopped and answered WIFI_TIMEOUT then */
    uint8_t last_reason;
    bool have_ip;
    ew_ip_info_t ip;
    uint8_t ssid[EW_SSID_MAX];
    uint8_t ssid_len;
    uint8_t bssid[6];
    uint8_t channel;
    /* event sequence number: 0 is the hello, then 1, 2, ... wrapping to 1 */
    uint32_t seq;
    ew_core_counters_t counters;
    bool ap_running;            /* SoftAP: AP_START seen, no AP_STOP since */
    ew_improv_t improv;         /* Improv serial beside our frames (ew_improv.c) */
} ew_core_t;

/* Prepare the core; sends nothing. EW_OK; EW_ERR_INVALID_ARG when core or port is NULL, or the
 * port lacks sys, sys->write or wifi (ew_port.h). The port must outlive the core: the core keeps
 * the pointer. */
ew_err_t ew_core_init(ew_core_t *core, const ew_port_t *port);
/* Send the hello frame (seq 0). Call once per boot, after the serial channel is up. */
void ew_core_boot(ew_core_t *core);
/* Bytes received from the serial channel (any chunking; CR, LF or CRLF end a line). */
void ew_core_rx(ew_core_t *core, const uint8_t *data, size_t len);
/* An event from the Wi-Fi driver / IP stack, already mapped to protocol enums. */
void ew_core_on_event(ew_core_t *core, const ew_event_t *ev);

/* The port lost n driver events (its queue was full): the event sequence skips n numbers, so the
 * host sees the gap and re-syncs with status (§1 "Ids and sequence numbers"). */
void ew_core_events_lost(ew_core_t *core, uint32_t n);

/* Time-driven work (a blocking scan's deadline). The caller's loop calls ew_core_poll at least
 * once ew_core_wait_ms() ms after the last call into the core; EW_CORE_WAIT_FOREVER = nothing due. */
#define EW_CORE_WAIT_FOREVER UINT32_MAX
uint32_t ew_core_wait_ms(const ew_core_t *core);
void ew_core_poll(ew_core_t *core);

#ifdef __cplusplus
}
#endif
