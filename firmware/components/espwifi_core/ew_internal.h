/* Private to the core: shared between ew_core.c, ew_args.c and the ew_cmd_*.c handlers. */
#pragma once
#include "espwifi_core.h"
#include "ew_replies_gen.h"
#include "ew_codec.h"
#include "ew_commands_gen.h"

/* ---- arguments (ew_args.c) ---- */
typedef struct {
    bool present;
    int32_t i;                 /* int, bool, enum index, flag bits */
    uint8_t b[6];              /* mac, ip4 */
    const ew_token_t *tok;     /* bytes: unescape on demand with ew_arg_bytes */
} ew_arg_t;

typedef struct {
    ew_err_t err;              /* EW_ERR_BAD_ARG or EW_ERR_MISSING_ARG */
    const char *arg;           /* offending key (never a value); NULL for a positional token */
    uint16_t arg_len;
    const char *why;           /* range|unknown|repeated|encoding|enum|length */
} ew_arg_error_t;

ew_err_t ew_args_parse(const ew_cmd_spec_t *spec, const ew_frame_t *f, ew_arg_t *out, ew_arg_error_t *e);
int ew_arg_bytes(const ew_arg_t *a, uint8_t *out, size_t cap);

/* ---- request context and replies (ew_core.c) ---- */
typedef struct {
    ew_core_t *core;
    uint32_t id;
    const ew_arg_t *args;
    char tx[EW_MAX_LINE + 8];  /* one outgoing line; on the caller's stack, not in ew_core_t */
} ew_req_t;

/* Sends message msg (ew_messages_gen.h) with v, its struct, in reply to r: encoded into r's line
 * buffer with r's id. Through EW_REPLY / EW_PARTIAL, which check v's type against the message. */
void ew_reply_msg(ew_req_t *r, ew_msg_id_t msg, const void *v);
/* The ok reply of command `cmd` (v: const ew_reply_<cmd>_t *, ew_replies_gen.h). */
#define EW_REPLY(r, cmd, v) ew_reply_msg((r), ew_reply_##cmd##_msg(v), (v))
/* One `~p<id> <name>` partial of r's reply (v: const ew_partial_<name>_t *). */
#define EW_PARTIAL(r, name, v) ew_reply_msg((r), ew_partial_##name##_msg(v), (v))

/* `err <NAME> [esp=0x..]` for any code (protocol or driver). */
void ew_reply_err(ew_req_t *r, ew_err_t err);
/* Sends one complete line through the port. */
void ew_send(ew_core_t *core, ew_fb_t *fb);

/* Logging in ESP_LOGx style through the port; parts are concatenated (no printf on purpose:
 * it would dominate the core's flash footprint). A NULL part ends the list. */
void ew_log(ew_core_t *core, ew_log_level_t level, const char *tag, const char *const *parts);
/* Decimal digits of v at the end of buf (buf[11] = NUL); returns the first digit, which is never
 * buf itself (room for a sign in front). */
const char *ew_utoa(char buf[12], uint32_t v);
/* The port's device facts (zeroed when the port has no get_device_info op) (ew_core.c). */
void ew_get_device_info(ew_core_t *core, ew_device_info_t *di);

/* Dispatch of a CRC-checked frame, and the MALFORMED reply (ew_core.c). */
void ew_core_dispatch(ew_core_t *core, const ew_frame_t *f);
void ew_core_reply_malformed(ew_core_t *core, const ew_frame_t *f, const ew_decode_info_t *info);
/* Next event sequence number: 1.. wrapping to 1 (0 belongs to the hello). */
uint32_t ew_next_seq(ew_core_t *core);
/* Sends event msg of ew_messages_gen.h with the next sequence number; v is its ew_ev_<event>_t
 * (NULL for an event without fields). The line buffer lives only for this call (ew_events.c). */
void ew_send_event(ew_core_t *core, ew_msg_id_t msg, const void *v);
/* Event `name` with its struct v (const ew_ev_<name>_t *, type-checked). */
#define EW_EVENT(core, name, v) ew_send_event((core), ew_ev_##name##_msg(v), (v))
/* The SCAN_DONE of a `scan block=1` becomes its reply; false when none waits (ew_cmd_scan.c). */
bool ew_scan_blocking_done(ew_core_t *core, const ew_event_t *ev);
/* rx_error event for a line that could not be trusted (ew_events.c). */
void ew_emit_rx_error(ew_core_t *core, ew_err_t err, const uint16_t *expected);

/* ---- handlers (ew_cmd_*.c) ---- */
typedef void (*ew_handler_t)(ew_req_t *r);
void ew_cmd_ping(ew_req_t *r);
void ew_cmd_info(ew_req_t *r);
void ew_cmd_status(ew_req_t *r);
void ew_cmd_init(ew_req_t *r);
void ew_cmd_deinit(ew_req_t *r);
void ew_cmd_mode(ew_req_t *r);
void ew_cmd_config(ew_req_t *r);
void ew_cmd_get_config(ew_req_t *r);
void ew_cmd_start(ew_req_t *r);
void ew_cmd_stop(ew_req_t *r);
void ew_cmd_connect(ew_req_t *r);
void ew_cmd_disconnect(ew_req_t *r);
void ew_cmd_scan(ew_req_t *r);
void ew_cmd_scan_stop(ew_req_t *r);
void ew_cmd_ap_num(ew_req_t *r);
void ew_cmd_ap_records(ew_req_t *r);
void ew_cmd_country(ew_req_t *r);
void ew_cmd_protocol(ew_req_t *r);
void ew_cmd_bandwidth(ew_req_t *r);
void ew_cmd_ps(ew_req_t *r);
void ew_cmd_inactive_time(ew_req_t *r);
void ew_cmd_rssi_threshold(ew_req_t *r);
void ew_cmd_storage(ew_req_t *r);
void ew_cmd_mac(ew_req_t *r);
void ew_cmd_ap_info(ew_req_t *r);
void ew_cmd_rssi(ew_req_t *r);
void ew_cmd_ip_info(ew_req_t *r);
void ew_cmd_reset(ew_req_t *r);
void ew_cmd_softap_config(ew_req_t *r);
void ew_cmd_softap_get_config(ew_req_t *r);
void ew_cmd_softap_stations(ew_req_t *r);
void ew_cmd_softap_kick(ew_req_t *r);
void ew_cmd_tx_power(ew_req_t *r);
void ew_cmd_softap_dhcp(ew_req_t *r);
/* SoftAP events (ew_cmd_softap.c): serialises ev and returns true when it is one of them. */
bool ew_softap_on_event(ew_core_t *core, const ew_event_t *ev);

/* Phase guard shared by the Wi-Fi handlers: replies with the driver's error name and returns
 * false when the driver would refuse (or, worse, misbehave) in the current phase. */
bool ew_need_init(ew_req_t *r);
bool ew_need_started(ew_req_t *r);
/* Calls a Wi-Fi op of the port, or yields NOT_SUPPORTED when the port leaves it NULL (ew_port.h contract). */
#define EW_PORT_CALL(core, op, ...) \
    ((core)->port->wifi->op ? (core)->port->wifi->op((core)->port->wifi_ctx, ##__VA_ARGS__) : EW_ERR_NOT_SUPPORTED)
/* Replies ok or the port's error. */
void ew_reply_result(ew_req_t *r, ew_err_t err);

/* ---- Improv serial (ew_improv.c) ---- */
/* Every received byte, before line assembly (except those ew_improv_skippable vouches for): true
 * when it belongs to an Improv packet (the line reader then drops the line it was assembling,
 * which held the "IMPROV" header). */
bool ew_improv_rx_byte(ew_core_t *core, uint8_t byte);
/* How many of the n bytes at p ew_improv_rx_byte would return false for without a state change
 * (0 while a header or packet is being read): the line reader may skip the call for them. */
size_t ew_improv_skippable(const ew_core_t *core, const uint8_t *p, size_t n);
/* Every driver event, after the core has handled and reported it. */
void ew_improv_on_event(ew_core_t *core, const ew_event_t *ev);
/* Improv's share of ew_core_wait_ms / ew_core_poll: a stalled packet, a provisioning deadline. */
uint32_t ew_improv_wait_ms(const ew_core_t *core);
void ew_improv_poll(ew_core_t *core);
/* Starts a non-blocking scan (the caller checked that the port has scan_start): the records of a
 * finished scan nobody fetched are cleared first; RUNNING when the driver took it (ew_cmd_scan.c). */
ew_err_t ew_scan_start(ew_core_t *c, const ew_scan_config_t *cfg);
/* esp_wifi_init from UNINIT (caller checks) and the core's view of what it restored (ew_cmd_wifi.c). */
ew_err_t ew_wifi_init(ew_core_t *c);
/* esp_wifi_set_config's defaults for the fields a request leaves out (ew_cmd_wifi.c). */
void ew_sta_config_defaults(ew_sta_config_t *cfg);
