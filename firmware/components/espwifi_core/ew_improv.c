/* Improv Wi-Fi serial, packet version 1 (https://www.improv-wifi.com/serial/; what we answer is
 * in protocol/IMPROV.md): the bridge is provisionable by ESP Web Tools, Home Assistant and the
 * official SDK on the same UART as our frames.
 *
 * Provisioning maps onto the station phases our own commands drive (init, mode, config, start,
 * connect), so every step still produces our `~e` events: when Improv can only say "unable to
 * connect", the `disconnected reason=N` frame beside it says why. */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_improv";
static const char HEADER[6] = { 'I', 'M', 'P', 'R', 'O', 'V' };

enum { IM_VERSION = 1 };
enum { IM_CURRENT_STATE = 0x01, IM_ERROR_STATE = 0x02, IM_RPC = 0x03, IM_RPC_RESULT = 0x04 };
enum { IM_READY = 0x02, IM_PROVISIONING = 0x03, IM_PROVISIONED = 0x04 };
enum {
    IM_NO_ERROR = 0x00, IM_INVALID_RPC = 0x01, IM_UNKNOWN_RPC = 0x02, IM_UNABLE_TO_CONNECT = 0x03,
    IM_BAD_HOSTNAME = 0x05, IM_UNKNOWN_ERROR = 0xff,
};
enum {
    IM_CMD_WIFI_SETTINGS = 0x01, IM_CMD_CURRENT_STATE = 0x02, IM_CMD_DEVICE_INFO = 0x03,
    IM_CMD_SCAN = 0x04, IM_CMD_HOSTNAME = 0x05, IM_CMD_DEVICE_NAME = 0x06,
};

/* ---- sending ---- */

static void send_packet(ew_core_t *core, uint8_t type, const uint8_t *data, uint8_t len)
{
    uint8_t out[EW_IMPROV_MAX_PACKET + 1];
    size_t n = 0;
    memcpy(out, HEADER, sizeof HEADER);
    n = sizeof HEADER;
    out[n++] = IM_VERSION;
    out[n++] = type;
    out[n++] = len;
    memcpy(out + n, data, len);
    n += len;
    uint8_t sum = 0;
    for (size_t i = 0; i < n; i++) sum = (uint8_t)(sum + out[i]);
    out[n++] = sum;
    /* Not part of the packet: the LF keeps a line-oriented reader (ours, a serial monitor) in
     * step, and is what the official SDK's own packets end with. */
    out[n++] = '\n';
    core->port->sys->write(core->port->sys_ctx, (const char *)out, n);
}

static void send_byte(ew_core_t *core, uint8_t type, uint8_t value)
{
    send_packet(core, type, &value, 1);
}

static void send_error(ew_core_t *core, uint8_t error)
{
    send_byte(core, IM_ERROR_STATE, error);
}

/* An RPC result under construction: [command, length of the strings, (len, bytes)...]. */
typedef struct {
    uint8_t d[255];
    uint8_t n;
    bool overflow;
} result_t;

static void result_begin(result_t *r, uint8_t command)
{
    r->d[0] = command;
    r->d[1] = 0;
    r->n = 2;
    r->overflow = false;
}

static void result_add(result_t *r, const void *s, size_t len)
{
    if (r->overflow || len > 255 || r->n + 1 + len > sizeof r->d) { r->overflow = true; return; }
    r->d[r->n++] = (uint8_t)len;
    memcpy(r->d + r->n, s, len);
    r->n = (uint8_t)(r->n + len);
}

static void result_add_text(result_t *r, const char *s)
{
    result_add(r, s ? s : "", s ? strlen(s) : 0);
}

static void result_send(ew_core_t *core, result_t *r)
{
    if (r->overflow) {
        static const char *const parts[] = { "RPC result over 255 bytes was not sent", NULL };
        ew_log(core, EW_LOG_ERROR, TAG, parts);
        send_error(core, IM_UNKNOWN_ERROR);
        return;
    }
    /* The official SDK's reader restarts at every LF byte until it has seen a packet's 9-byte
     * header, so a packet whose length byte is 10 would be lost on it. One more empty string
     * (results are "at least N strings"; readers take the ones they know) avoids that length. */
    if (r->n == '\n') result_add(r, "", 0);
    r->d[1] = (uint8_t)(r->n - 2);
    send_packet(core, IM_RPC_RESULT, r->d, r->n);
}

/* A result of one string, or of none (text NULL). */
static void result_send_text(ew_core_t *core, uint8_t command, const char *text)
{
    result_t r;
    result_begin(&r, command);
    if (text) result_add_text(&r, text);
    result_send(core, &r);
}

/* ---- time ---- */

static uint32_t now_ms(const ew_core_t *core)
{
    return core->port->sys->now_ms ? core->port->sys->now_ms(core->port->sys_ctx) : 0;
}

static uint32_t ms_left(uint32_t deadline, uint32_t now)
{
    int32_t left = (int32_t)(deadline - now);
    return left > 0 ? (uint32_t)left : 0;
}

/* ---- state ---- */

static uint8_t current_state(const ew_core_t *core)
{
    if (core->improv.provisioning) return IM_PROVISIONING;
    return core->phase == EW_PHASE_GOT_IP ? IM_PROVISIONED : IM_READY;
}

static void send_state(ew_core_t *core)
{
    core->improv.sent_state = current_state(core);
    send_byte(core, IM_CURRENT_STATE, core->improv.sent_state);
}

/* Spec: state changes are sent to listening clients. Only once a client has spoken Improv, so a
 * board driven through our frames alone never gets binary packets on its line. */
static void send_state_if_changed(ew_core_t *core)
{
    if (core->improv.active && core->improv.sent_state != current_state(core)) send_state(core);
}

/* step: the ESP-IDF call without its "esp_" ("wifi_start"). */
static void log_step_failed(ew_core_t *core, const char *step, ew_err_t err)
{
    const char *name = ew_err_name(err);
    const char *parts[] = { "improv: esp_", step, " failed: ", name ? name : "UNKNOWN", NULL };
    ew_log(core, EW_LOG_WARN, TAG, parts);
}

/* The phases before a scan or a connect, as a host would drive them: init, mode sta, start. */
static ew_err_t bring_up(ew_core_t *core)
{
    ew_err_t err;
    if (core->phase == EW_PHASE_UNINIT && (err = ew_wifi_init(core)) != EW_OK) { log_step_failed(core, "wifi_init", err); return err; }
    if (core->mode != EW_MODE_STA && core->mode != EW_MODE_APSTA) {
        ew_mode_t m = core->mode == EW_MODE_AP ? EW_MODE_APSTA : EW_MODE_STA;
        if ((err = EW_PORT_CALL(core, set_mode, m)) != EW_OK) { log_step_failed(core, "wifi_set_mode", err); return err; }
        core->mode = m;
    }
    if (core->phase < EW_PHASE_STARTED) {
        if ((err = EW_PORT_CALL(core, start)) != EW_OK) { log_step_failed(core, "wifi_start", err); return err; }
        core->phase = EW_PHASE_STARTED;
    }
    return EW_OK;
}

/* ---- RPC commands ---- */

static void rpc_wifi_settings(ew_core_t *core, const uint8_t *d, uint8_t len)
{
    ew_improv_t *im = &core->improv;
    ew_sta_config_t cfg;
    /* data: ssid length, ssid, password length, password — and nothing else */
    if (len < 2 || d[0] < 1 || d[0] > EW_SSID_MAX || 1 + d[0] + 1 > len ||
        d[1 + d[0]] > EW_PASSWORD_MAX || 1 + d[0] + 1 + d[1 + d[0]] != len) {
        im->bad++;
        send_error(core, IM_INVALID_RPC);
        return;
    }
    if (core->scan_state == EW_SCAN_STATE_RUNNING) {
        static const char *const parts[] = { "improv: a scan is running; send the Wi-Fi settings after it", NULL };
        ew_log(core, EW_LOG_WARN, TAG, parts);
        send_error(core, IM_UNKNOWN_ERROR);
        return;
    }
    ew_err_t err = bring_up(core);
    if (err == EW_OK && core->phase >= EW_PHASE_CONNECTING) {
        /* A new network replaces the current link; the ASSOC_LEAVE that reports our own
         * disconnect is not this attempt failing. */
        if ((err = EW_PORT_CALL(core, disconnect)) != EW_OK) log_step_failed(core, "wifi_disconnect", err);
        else {
            im->skip_leave = true;
            core->phase = EW_PHASE_STARTED;
        }
    }
    if (err == EW_OK) {
        ew_sta_config_defaults(&cfg);
        cfg.ssid_len = d[0];
        memcpy(cfg.ssid, d + 1, d[0]);
        cfg.password_len = d[1 + d[0]];
        memcpy(cfg.password, d + 2 + d[0], cfg.password_len);
        err = EW_PORT_CALL(core, set_config, &cfg);
        memset(cfg.password, 0, sizeof cfg.password);   /* no copy left on the stack */
        if (err != EW_OK) log_step_failed(core, "wifi_set_config", err);
    }
    if (err == EW_OK) {
        if ((err = EW_PORT_CALL(core, connect)) != EW_OK) log_step_failed(core, "wifi_connect", err);
        else core->phase = EW_PHASE_CONNECTING;
    }
    if (err != EW_OK) {
        /* The attempt never started: no event will say why, the log line above does. */
        send_error(core, IM_UNKNOWN_ERROR);
        return;
    }
    im->provisioning = true;
    im->connect_deadline_ms = now_ms(core) + EW_IMPROV_CONNECT_TIMEOUT_MS;
    send_state(core);
}

static void rpc_current_state(ew_core_t *core)
{
    send_state(core);
    if (current_state(core) == IM_PROVISIONED) {
        /* Spec: a provisioned device answers as a successful provisioning would. No URL: the
         * bridge serves nothing on the network. */
        result_send_text(core, IM_CMD_CURRENT_STATE, NULL);
    }
}

/* "espwifi-" and the last three bytes of the MAC in hex; di is read from the port when NULL. */
static void device_name(ew_core_t *core, const ew_device_info_t *di, char out[16])
{
    static const char hex[] = "0123456789abcdef";
    ew_device_info_t own;
    if (!di) {
        ew_get_device_info(core, &own);
        di = &own;
    }
    memcpy(out, "espwifi-", 8);
    for (int i = 0; i < 3; i++) {
        out[8 + 2 * i] = hex[di->mac[3 + i] >> 4];
        out[9 + 2 * i] = hex[di->mac[3 + i] & 15];
    }
    out[14] = 0;
}

static void rpc_device_info(ew_core_t *core)
{
    ew_device_info_t di;
    char name[16];
    result_t r;
    ew_get_device_info(core, &di);
    device_name(core, &di, name);
    result_begin(&r, IM_CMD_DEVICE_INFO);
    result_add_text(&r, "espwifi");
    result_add_text(&r, di.fw_version);
    result_add_text(&r, di.chip);
    result_add_text(&r, name);
    result_add_text(&r, "ESP-IDF");
    result_add_text(&r, di.idf_version);
    result_send(core, &r);
}

static void rpc_scan(ew_core_t *core)
{
    ew_scan_config_t cfg;
    /* Same refusals as our scan command (one scan at a time, none while connecting): Improv
     * has no name for them, so the log line says which. */
    const char *why = NULL;
    if (core->scan_state == EW_SCAN_STATE_RUNNING) why = "improv: a scan is already running";
    else if (core->phase == EW_PHASE_CONNECTING || core->improv.provisioning) why = "improv: no scan while connecting";
    if (why) {
        const char *parts[] = { why, NULL };
        ew_log(core, EW_LOG_WARN, TAG, parts);
        send_error(core, IM_UNKNOWN_ERROR);
        return;
    }
    ew_err_t err = bring_up(core);
    if (err == EW_OK && !core->port->wifi->scan_start) err = EW_ERR_NOT_SUPPORTED;
    if (err == EW_OK) {
        memset(&cfg, 0, sizeof cfg);
        cfg.scan_type = EW_SCAN_TYPE_ACTIVE;
        if ((err = ew_scan_start(core, &cfg)) != EW_OK) log_step_failed(core, "wifi_scan_start", err);
    }
    if (err != EW_OK) { send_error(core, IM_UNKNOWN_ERROR); return; }
    core->improv.scanning = true;
}

/* One RPC result per AP record, as the driver hands them over (strongest first). */
static void scan_sink(void *ctx, const ew_ap_record_t *rec)
{
    ew_core_t *core = ctx;
    char nb[12];
    result_t r;
    uint8_t n = rec->ssid_len > EW_SSID_MAX ? EW_SSID_MAX : rec->ssid_len;
    if (n == 0) return;   /* a hidden network has no name to offer */
    /* decimal dBm; ew_utoa leaves room in front of its digits for the sign */
    char *rssi = (char *)ew_utoa(nb, (uint32_t)(rec->rssi < 0 ? -rec->rssi : rec->rssi));
    if (rec->rssi < 0) *--rssi = '-';
    result_begin(&r, IM_CMD_SCAN);
    result_add(&r, rec->ssid, n);
    result_add_text(&r, rssi);
    result_add_text(&r, rec->auth == EW_AUTH_OPEN || rec->auth == EW_AUTH_OWE ? "NO" : "YES");
    result_send(core, &r);
}

static void scan_done(ew_core_t *core)
{
    core->improv.scanning = false;
    if (core->port->wifi->scan_get_ap_records) {
        uint16_t n = 64;
        ew_err_t err = core->port->wifi->scan_get_ap_records(core->port->wifi_ctx, &n, scan_sink, core);
        if (err != EW_OK) { log_step_failed(core, "wifi_scan_get_ap_records", err); send_error(core, IM_UNKNOWN_ERROR); return; }
        core->scan_state = EW_SCAN_STATE_FETCHED;
    }
    result_send_text(core, IM_CMD_SCAN, NULL);   /* no strings: the end of the list */
}

static void rpc_device_name(ew_core_t *core, uint8_t len)
{
    if (len != 0) {
        /* Nowhere to keep a name across a reset: refused rather than accepted and lost. */
        send_error(core, IM_UNKNOWN_RPC);
        return;
    }
    char name[16];
    device_name(core, NULL, name);
    result_send_text(core, IM_CMD_DEVICE_NAME, name);
}

/* Improv's rule for a hostname (RFC 1123: letters, digits, hyphens) and ESP-IDF's limit: a
 * netif hostname is at most 32 bytes. No leading or trailing hyphen. */
static bool hostname_ok(const uint8_t *h, uint8_t len)
{
    if (len < 1 || len > 32 || h[0] == '-' || h[len - 1] == '-') return false;
    for (uint8_t i = 0; i < len; i++) {
        uint8_t c = h[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

static void rpc_hostname(ew_core_t *core, const uint8_t *d, uint8_t len)
{
    char name[33];
    if (!core->port->wifi->get_hostname || (len && !core->port->wifi->set_hostname)) { send_error(core, IM_UNKNOWN_RPC); return; }
    if (len && !hostname_ok(d, len)) { send_error(core, IM_BAD_HOSTNAME); return; }
    /* The STA netif exists from esp_wifi_init on; nothing else is needed. */
    ew_err_t err = core->phase == EW_PHASE_UNINIT ? ew_wifi_init(core) : EW_OK;
    if (err != EW_OK) log_step_failed(core, "wifi_init", err);
    if (err == EW_OK && len) {
        memcpy(name, d, len);
        name[len] = 0;
        if ((err = core->port->wifi->set_hostname(core->port->wifi_ctx, name)) != EW_OK) log_step_failed(core, "netif_set_hostname", err);
    }
    if (err == EW_OK && (err = core->port->wifi->get_hostname(core->port->wifi_ctx, name, sizeof name)) != EW_OK) log_step_failed(core, "netif_get_hostname", err);
    if (err != EW_OK) { send_error(core, IM_UNKNOWN_ERROR); return; }
    name[sizeof name - 1] = 0;
    result_send_text(core, IM_CMD_HOSTNAME, name);
}

static void handle_packet(ew_core_t *core, const uint8_t *p, uint16_t n)
{
    ew_improv_t *im = &core->improv;
    uint8_t sum = 0;
    for (uint16_t i = 0; i + 1 < n; i++) sum = (uint8_t)(sum + p[i]);
    uint8_t type = p[7], len = p[8];
    const uint8_t *data = p + EW_IMPROV_HEADER_LEN;
    if (sum != p[n - 1]) {
        im->bad++;
        static const char *const parts[] = { "improv: dropped a packet with a bad checksum", NULL };
        ew_log(core, EW_LOG_WARN, TAG, parts);
        send_error(core, IM_INVALID_RPC);
        return;
    }
    /* State, error and result packets are ours coming back over a loopback: never answered. */
    if (type != IM_RPC) return;
    if (len < 2 || data[1] != len - 2) {
        im->bad++;
        send_error(core, IM_INVALID_RPC);
        return;
    }
    im->packets++;
    im->active = true;
    /* Spec: every RPC command first clears the error state. */
    send_error(core, IM_NO_ERROR);
    uint8_t cmd = data[0], dlen = data[1];
    const uint8_t *args = data + 2;
    switch (cmd) {
    case IM_CMD_WIFI_SETTINGS: rpc_wifi_settings(core, args, dlen); break;
    case IM_CMD_CURRENT_STATE: rpc_current_state(core); break;
    case IM_CMD_DEVICE_INFO: rpc_device_info(core); break;
    case IM_CMD_SCAN: rpc_scan(core); break;
    case IM_CMD_HOSTNAME: rpc_hostname(core, args, dlen); break;
    case IM_CMD_DEVICE_NAME: rpc_device_name(core, dlen); break;
    default: send_error(core, IM_UNKNOWN_RPC); break;
    }
}

/* ---- hooks ---- */

/* A packet cut short: dropped and reported, so the bytes after it are read as what they are. */
static void drop_stalled(ew_core_t *core)
{
    ew_improv_t *im = &core->improv;
    char hb[12], nb[12];
    const char *parts[] = { "improv: dropped a packet cut short (", ew_utoa(hb, im->have), " of ",
                            im->need ? ew_utoa(nb, im->need) : "?", " bytes, then nothing)", NULL };
    memset(im->pkt, 0, im->have);
    im->have = 0;
    im->need = 0;
    im->bad++;
    ew_log(core, EW_LOG_WARN, TAG, parts);
    send_error(core, IM_INVALID_RPC);
}

size_t ew_improv_skippable(const ew_core_t *core, const uint8_t *p, size_t n)
{
    const ew_improv_t *im = &core->improv;
    if (im->have || im->match) return 0;
    /* Outside a packet and a header, a byte other than the header's first leaves the state as
     * it is (ew_improv_rx_byte below). */
    const uint8_t *start = memchr(p, HEADER[0], n);
    return start ? (size_t)(start - p) : n;
}

bool ew_improv_rx_byte(ew_core_t *core, uint8_t b)
{
    ew_improv_t *im = &core->improv;
    if (im->have && core->port->sys->now_ms && ms_left(im->last_rx_ms + EW_IMPROV_STALL_MS, now_ms(core)) == 0) drop_stalled(core);
    if (im->have) {
        im->last_rx_ms = now_ms(core);
        im->pkt[im->have++] = b;
        if (im->have == EW_IMPROV_HEADER_LEN) im->need = (uint16_t)(EW_IMPROV_HEADER_LEN + b + 1);
        if (im->need && im->have == im->need) {
            handle_packet(core, im->pkt, im->have);
            /* A Send Wi-Fi settings packet holds the password. */
            memset(im->pkt, 0, im->have);
            im->have = 0;
            im->need = 0;
        }
        return true;
    }
    if (im->match == sizeof HEADER) {
        im->match = 0;
        if (b == IM_VERSION) {
            memcpy(im->pkt, HEADER, sizeof HEADER);
            im->pkt[6] = b;
            im->have = 7;
            im->last_rx_ms = now_ms(core);
            return true;
        }
    }
    /* "IMPROV" has no repeated prefix, so a mismatch can only restart at this byte. */
    if (b == (uint8_t)HEADER[im->match]) im->match++;
    else im->match = b == (uint8_t)HEADER[0];
    return false;
}

void ew_improv_on_event(ew_core_t *core, const ew_event_t *ev)
{
    ew_improv_t *im = &core->improv;
    switch (ev->id) {
    case EW_EV_SCAN_DONE:
        if (im->scanning) scan_done(core);
        break;
    case EW_EV_CONNECTED:
        im->skip_leave = false;   /* from here on a leave is a real one */
        break;
    case EW_EV_GOT_IP:
        if (im->provisioning) {
            im->provisioning = false;
            send_state_if_changed(core);
            result_send_text(core, IM_CMD_WIFI_SETTINGS, NULL);   /* no URL to redirect to */
            return;
        }
        break;
    case EW_EV_DISCONNECTED:
        if (im->skip_leave && ev->u.disconnected.reason == EW_REASON_ASSOC_LEAVE) {
            im->skip_leave = false;
            return;
        }
        /* the attempt is over */
        /* fall through */
    case EW_EV_STA_STOP:
        if (im->provisioning) {
            im->provisioning = false;
            im->skip_leave = false;
            /* Improv can only say this much; the `disconnected reason=` frame just sent says why. */
            send_error(core, IM_UNABLE_TO_CONNECT);
        }
        break;
    default:
        break;
    }
    send_state_if_changed(core);
}

uint32_t ew_improv_wait_ms(const ew_core_t *core)
{
    const ew_improv_t *im = &core->improv;
    uint32_t wait = EW_CORE_WAIT_FOREVER;
    if (!core->port->sys->now_ms) return wait;
    uint32_t t = now_ms(core);
    if (im->have) wait = ms_left(im->last_rx_ms + EW_IMPROV_STALL_MS, t);
    if (im->provisioning) {
        uint32_t c = ms_left(im->connect_deadline_ms, t);
        if (c < wait) wait = c;
    }
    return wait;
}

void ew_improv_poll(ew_core_t *core)
{
    ew_improv_t *im = &core->improv;
    if (!core->port->sys->now_ms) return;
    uint32_t t = now_ms(core);
    if (im->have && ms_left(im->last_rx_ms + EW_IMPROV_STALL_MS, t) == 0) drop_stalled(core);
    if (im->provisioning && ms_left(im->connect_deadline_ms, t) == 0) {
        /* Associated without an address (no DHCP answer), or an attempt the driver never ended:
         * the `connected` frame (or its absence) already told the host which. */
        char sb[12];
        const char *parts[] = { "improv: no IP address ", ew_utoa(sb, EW_IMPROV_CONNECT_TIMEOUT_MS / 1000),
                                " s after connecting: reporting unable to connect", NULL };
        im->provisioning = false;
        im->skip_leave = false;
        ew_log(core, EW_LOG_WARN, TAG, parts);
        send_error(core, IM_UNABLE_TO_CONNECT);
        send_state_if_changed(core);
    }
}
