/*
 * ew_improv.h — Improv Wi-Fi serial (https://www.improv-wifi.com/serial/, packet version 1) beside
 * the espwifi frames on the same serial channel. protocol/IMPROV.md describes what the bridge
 * answers and how the two protocols share the line.
 *
 * An Improv packet is binary and not a line: its length, checksum and data bytes may be CR or LF.
 * The line reader therefore hands every byte to the Improv reader first (a run that cannot start
 * a header is vouched for at once); once "IMPROV" followed by version 0x01 has been seen the
 * packet is read by its length field, whatever its bytes are.
 * "IMPROV\x01" can never occur in one of our frames (control bytes are always escaped there) nor
 * in a log line, so none of the three can be mistaken for another.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "IMPROV" + version + type + length + up to 255 data bytes + checksum */
#define EW_IMPROV_HEADER_LEN 9
#define EW_IMPROV_MAX_PACKET (EW_IMPROV_HEADER_LEN + 255 + 1)
/* A packet whose bytes stop for this long was cut short (a client writes it in one go): it is
 * dropped, so a lost byte cannot make the reader swallow the frames that follow. */
#define EW_IMPROV_STALL_MS 1000
/* Send Wi-Fi settings: no IP address this long after esp_wifi_connect is "unable to connect"
 * (every other failure ends earlier, with the driver's DISCONNECTED). */
#define EW_IMPROV_CONNECT_TIMEOUT_MS 20000

typedef struct {
    uint8_t match;        /* bytes of "IMPROV" matched so far (0..6) */
    uint16_t have;        /* bytes of the packet being read (0 = not inside a packet) */
    uint16_t need;        /* its total size, known once the length byte is in */
    uint8_t pkt[EW_IMPROV_MAX_PACKET];
    bool active;          /* a client has spoken Improv since boot: state changes are sent */
    bool provisioning;    /* a Send Wi-Fi settings attempt is running */
    bool skip_leave;      /* our own disconnect before provisioning: its ASSOC_LEAVE is no failure */
    bool scanning;        /* an Improv scan waits for SCAN_DONE */
    uint8_t sent_state;   /* last Current State sent (0 = none yet) */
    uint32_t last_rx_ms;  /* port clock at the last byte of the packet being read */
    uint32_t connect_deadline_ms; /* a provisioning attempt without an IP by then has failed */
    uint32_t packets;     /* valid RPC packets received */
    uint32_t bad;         /* packets dropped: bad checksum or malformed RPC */
} ew_improv_t;

#ifdef __cplusplus
}
#endif
