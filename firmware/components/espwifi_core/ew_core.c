/* Core lifecycle, request dispatch and the reply/log helpers every handler uses. */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_core";

/* Indexed by the generated command ids: renaming a command in protocol.json without renaming
 * its handler fails the build instead of drifting. */
static const ew_handler_t s_handlers[EW_CMD__COUNT] = {
    [EW_CMD_PING] = ew_cmd_ping,
    [EW_CMD_INFO] = ew_cmd_info,
    [EW_CMD_STATUS] = ew_cmd_status,
    [EW_CMD_INIT] = ew_cmd_init,
    [EW_CMD_DEINIT] = ew_cmd_deinit,
    [EW_CMD_MODE] = ew_cmd_mode,
    [EW_CMD_CONFIG] = ew_cmd_config,
    [EW_CMD_GET_CONFIG] = ew_cmd_get_config,
    [EW_CMD_START] = ew_cmd_start,
    [EW_CMD_STOP] = ew_cmd_stop,
    [EW_CMD_CONNECT] = ew_cmd_connect,
    [EW_CMD_DISCONNECT] = ew_cmd_disconnect,
    [EW_CMD_SCAN] = ew_cmd_scan,
    [EW_CMD_SCAN_STOP] = ew_cmd_scan_stop,
    [EW_CMD_AP_NUM] = ew_cmd_ap_num,
    [EW_CMD_AP_RECORDS] = ew_cmd_ap_records,
    [EW_CMD_COUNTRY] = ew_cmd_country,
    [EW_CMD_PROTOCOL] = ew_cmd_protocol,
    [EW_CMD_BANDWIDTH] = ew_cmd_bandwidth,
    [EW_CMD_PS] = ew_cmd_ps,
    [EW_CMD_INACTIVE_TIME] = ew_cmd_inactive_time,
    [EW_CMD_RSSI_THRESHOLD] = ew_cmd_rssi_threshold,
    [EW_CMD_STORAGE] = ew_cmd_storage,
    [EW_CMD_MAC] = ew_cmd_mac,
    [EW_CMD_AP_INFO] = ew_cmd_ap_info,
    [EW_CMD_RSSI] = ew_cmd_rssi,
    [EW_CMD_IP_INFO] = ew_cmd_ip_info,
    [EW_CMD_RESET] = ew_cmd_reset,
    [EW_CMD_SOFTAP_CONFIG] = ew_cmd_softap_config,
    [EW_CMD_SOFTAP_GET_CONFIG] = ew_cmd_softap_get_config,
    [EW_CMD_SOFTAP_STATIONS] = ew_cmd_softap_stations,
    [EW_CMD_SOFTAP_KICK] = ew_cmd_softap_kick,
    [EW_CMD_TX_POWER] = ew_cmd_tx_power,
    [EW_CMD_SOFTAP_DHCP] = ew_cmd_softap_dhcp,
};

ew_err_t ew_core_init(ew_core_t *core, const ew_port_t *port)
{
    if (!core || !port || !port->sys || !port->sys->write || !port->wifi) return EW_ERR_INVALID_ARG;
    memset(core, 0, sizeof *core);
    core->port = port;
    core->phase = EW_PHASE_UNINIT;
    core->mode = EW_MODE_NULL;
    core->scan_state = EW_SCAN_STATE_IDLE;
    return EW_OK;
}

const char *ew_utoa(char buf[12], uint32_t v)
{
    char *p = buf + 11;
    *p = 0;
    do { *--p = (char)('0' + v % 10); v /= 10; } while (v);
    return p;
}

void ew_get_device_info(ew_core_t *core, ew_device_info_t *di)
{
    memset(di, 0, sizeof *di);
    if (core->port->sys->get_device_info) core->port->sys->get_device_info(core->port->sys_ctx, di);
}

void ew_log(ew_core_t *core, ew_log_level_t level, const char *tag, const char *const *parts)
{
    char msg[160];
    size_t n = 0;
    if (!core->port->sys->log) return;
    for (; *parts; parts++) {
        size_t l = strlen(*parts);
        if (l > sizeof msg - 1 - n) l = sizeof msg - 1 - n;
        memcpy(msg + n, *parts, l);
        n += l;
    }
    msg[n] = 0;
    core->port->sys->log(core->port->sys_ctx, level, tag, msg);
}

void ew_send(ew_core_t *core, ew_fb_t *fb)
{
    size_t n = ew_fb_end(fb, true);
    if (n) { core->port->sys->write(core->port->sys_ctx, fb->buf, n); return; }
    /* Cannot happen with the fields we send (all bounded well under EW_MAX_LINE); if it ever
     * does, say so rather than sending half a frame. */
    static const char *const parts[] = { "frame over the line limit was not sent", NULL };
    ew_log(core, EW_LOG_ERROR, TAG, parts);
}

void ew_reply_msg(ew_req_t *r, ew_msg_id_t msg, const void *v)
{
    ew_fb_t fb;
    ew_msg_encode(&fb, r->tx, sizeof r->tx, r->id, msg, v);
    ew_send(r->core, &fb);
}

static void reply_err_detail(ew_req_t *r, ew_err_t err, const char *arg, size_t arg_len, const char *why)
{
    ew_fb_t fb;
    const char *name = ew_err_name(err);
    ew_fb_begin(&fb, r->tx, sizeof r->tx, 'r', r->id, "err");
    /* An esp_err_t v1 has no name for (0x3017+ move between ESP-IDF versions) still travels
     * by number; hosts accept unknown upper-case names and explain them from esp= (§8). */
    ew_fb_raw(&fb, NULL, name ? name : "UNKNOWN");
    if (err < EW_ERR_BAD_CRC || err > EW_ERR_BUSY) ew_fb_shex(&fb, "esp", err);
    /* An unknown key can be ~1000 bytes: echo a prefix, so the reply always fits in a line
     * (no real key is longer than this). */
    if (arg) ew_fb_bytes(&fb, "arg", (const uint8_t *)arg, arg_len > 32 ? 32 : arg_len);
    if (why) ew_fb_bytes(&fb, "why", (const uint8_t *)why, strlen(why));
    ew_send(r->core, &fb);
}

void ew_reply_err(ew_req_t *r, ew_err_t err)
{
    reply_err_detail(r, err, NULL, 0, NULL);
}

void ew_reply_result(ew_req_t *r, ew_err_t err)
{
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    ew_fb_t fb;
    ew_fb_begin(&fb, r->tx, sizeof r->tx, 'r', r->id, "ok");
    ew_send(r->core, &fb);
}

bool ew_need_init(ew_req_t *r)
{
    if (r->core->phase != EW_PHASE_UNINIT) return true;
    ew_reply_err(r, EW_ERR_WIFI_NOT_INIT);
    return false;
}

bool ew_need_started(ew_req_t *r)
{
    if (!ew_need_init(r)) return false;
    if (r->core->phase >= EW_PHASE_STARTED) return true;
    ew_reply_err(r, EW_ERR_WIFI_NOT_STARTED);
    return false;
}

/* Called by the line layer for a frame whose CRC matched. */
void ew_core_dispatch(ew_core_t *core, const ew_frame_t *f)
{
    ew_req_t req = { .core = core, .id = f->num };
    ew_arg_t args[EW_CMD_MAX_ARGS];
    ew_arg_error_t ae;

    if (f->kind != 'q') {
        /* Only the host sends requests. An r/p/e line (a loopback cable, a person pasting
         * device output) gets no reply: its number is not a request id of ours (§4.2). */
        core->counters.malformed++;
        /* Except for our own rx_error coming back over a loopback: answering it would feed
         * the loop forever. It is still counted. */
        if (!(f->kind == 'e' && f->verb_len == 8 && memcmp(f->verb, "rx_error", 8) == 0))
            ew_emit_rx_error(core, EW_ERR_MALFORMED, NULL);
        return;
    }
    core->counters.rx_frames++;
    if (core->scan_blocking) {
        /* One request at a time (§9.5): answer at once so the host learns why nothing happens,
         * instead of running the request after the scan, when its host has given up on it. */
        reply_err_detail(&req, EW_ERR_BUSY, NULL, 0, "blocking scan running");
        return;
    }

    int cmd = -1;
    for (int i = 0; i < EW_CMD__COUNT; i++) {
        const char *v = ew_cmd_verb(&ew_cmd_specs[i]);
        if (strlen(v) == f->verb_len && memcmp(v, f->verb, f->verb_len) == 0) { cmd = i; break; }
    }
    if (cmd < 0) { ew_reply_err(&req, EW_ERR_UNKNOWN_COMMAND); return; }

    const ew_cmd_spec_t *spec = &ew_cmd_specs[cmd];
    if (ew_args_parse(spec, f, args, &ae) != EW_OK) {
        reply_err_detail(&req, ae.err, ae.arg, ae.arg_len, ae.why);
        return;
    }
    /* The driver ignores channel_bitmap unless channel is 0, and from v5.4 reads its bit 0 as
     * "skip every 2.4 GHz channel" (bit 15 is reserved, out of range already): refusing says so
     * instead of scanning something else than asked. */
    if (cmd == EW_CMD_SCAN && args[EW_ARG_SCAN_BITMAP].present &&
        ((args[EW_ARG_SCAN_CH].present && args[EW_ARG_SCAN_CH].i != 0) || (args[EW_ARG_SCAN_BITMAP].i & 1))) {
        reply_err_detail(&req, EW_ERR_BAD_ARG, "bitmap", 6, "range");
        return;
    }
    /* esp_wifi_deauth_sta takes one aid: a mac and an aid together could name two stations */
    if (cmd == EW_CMD_SOFTAP_KICK && args[EW_ARG_SOFTAP_KICK_MAC].present && args[EW_ARG_SOFTAP_KICK_AID].present) {
        reply_err_detail(&req, EW_ERR_BAD_ARG, "aid", 3, "repeated");
        return;
    }
    req.args = args;
    {
        /* Debug trace of the verb only: arguments may hold the Wi-Fi password. */
        char ib[12];
        const char *parts[] = { "q", ew_utoa(ib, f->num), " ", ew_cmd_verb(spec), NULL };
        ew_log(core, EW_LOG_DEBUG, TAG, parts);
    }
    if (!s_handlers[cmd]) { ew_reply_err(&req, EW_ERR_NOT_SUPPORTED); return; }
    s_handlers[cmd](&req);
}

/* A request whose CRC matched but whose grammar did not: answer when the id is readable. */
void ew_core_reply_malformed(ew_core_t *core, const ew_frame_t *f, const ew_decode_info_t *info)
{
    ew_req_t req = { .core = core, .id = info->id };
    const char *arg = NULL;
    size_t arg_len = 0;
    if (info->bad_token >= 0 && f->tok[info->bad_token].key) {
        arg = f->tok[info->bad_token].key;
        arg_len = f->tok[info->bad_token].key_len;
    }
    reply_err_detail(&req, EW_ERR_MALFORMED, arg, arg_len, info->why);
}
