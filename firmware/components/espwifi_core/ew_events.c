/* Event serialization (`~e<seq> <name> <fields>`) and the station state the events move.
 * Field names and order follow protocol.json "events". */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_events";

uint32_t ew_next_seq(ew_core_t *core)
{
    /* 0 is reserved for the hello so a host can tell a reboot from a wrap. */
    core->seq = core->seq == UINT32_MAX ? 1 : core->seq + 1;
    return core->seq;
}

void ew_core_events_lost(ew_core_t *core, uint32_t n)
{
    if (n == 0) return;
    /* sequence numbers run 1..UINT32_MAX and wrap to 1 (0 is the hello) */
    uint64_t pos = (uint64_t)core->seq + n;
    core->seq = (uint32_t)((pos - 1) % UINT32_MAX + 1);
    char nb[12];
    const char *parts[] = { ew_utoa(nb, n), " driver events lost (event queue full); the event "
                            "sequence skips them so the host re-syncs", NULL };
    ew_log(core, EW_LOG_WARN, TAG, parts);
}

static void begin(ew_core_t *core, ew_fb_t *fb, char *buf, size_t cap, const char *name)
{
    ew_fb_begin(fb, buf, cap, 'e', ew_next_seq(core), name);
}

void ew_core_boot(ew_core_t *core)
{
    ew_device_info_t di;
    ew_fb_t fb;
    char buf[EW_MAX_LINE + 8];
    memset(&di, 0, sizeof di);
    if (core->port->get_device_info) core->port->get_device_info(core->port->ctx, &di);
    core->seq = 0;
    ew_fb_begin(&fb, buf, sizeof buf, 'e', 0, "hello");
    ew_fb_raw(&fb, "proto", EW_PROTO_VERSION);
    ew_fb_bytes(&fb, "fw", (const uint8_t *)(di.fw_version ? di.fw_version : ""), di.fw_version ? strlen(di.fw_version) : 0);
    ew_fb_bytes(&fb, "idf", (const uint8_t *)(di.idf_version ? di.idf_version : ""), di.idf_version ? strlen(di.idf_version) : 0);
    ew_fb_bytes(&fb, "chip", (const uint8_t *)(di.chip ? di.chip : ""), di.chip ? strlen(di.chip) : 0);
    ew_fb_uint(&fb, "rev", di.chip_rev);
    ew_fb_mac(&fb, "mac", di.mac);
    ew_fb_raw(&fb, "reset", di.reset_reason < EW_RESET_REASON__COUNT ? ew_reset_reason_names[di.reset_reason] : "unknown");
    ew_send(core, &fb);
}

void ew_emit_rx_error(ew_core_t *core, ew_err_t err, const uint16_t *expected)
{
    ew_fb_t fb;
    char buf[96];
    begin(core, &fb, buf, sizeof buf, "rx_error");
    ew_fb_raw(&fb, "error", ew_err_name(err));
    if (expected) {
        static const char hex[] = "0123456789abcdef";
        char e[5] = { hex[*expected >> 12], hex[(*expected >> 8) & 15], hex[(*expected >> 4) & 15], hex[*expected & 15], 0 };
        ew_fb_raw(&fb, "expected", e);
    }
    ew_fb_uint(&fb, "line", core->counters.rx_lines);
    ew_send(core, &fb);
}

/* An adapter bug must not put an out-of-range index on the wire: fall back to a name that
 * says "don't know" (auth) or "nothing" (secondary channel). */
static const char *name_of(const char *const *names, unsigned count, unsigned v, unsigned fallback)
{
    return v < count ? names[v] : names[fallback];
}
#define AUTH_NAME(v) name_of(ew_auth_names, EW_AUTH__COUNT, (unsigned)(v), EW_AUTH_UNKNOWN)
#define SECOND_NAME(v) name_of(ew_second_names, EW_SECOND__COUNT, (unsigned)(v), EW_SECOND_NONE)

static void forget_link(ew_core_t *core)
{
    core->have_ip = false;
    memset(&core->ip, 0, sizeof core->ip);
    core->ssid_len = 0;
    memset(core->bssid, 0, sizeof core->bssid);
    core->channel = 0;
}

void ew_core_on_event(ew_core_t *core, const ew_event_t *ev)
{
    ew_fb_t fb;
    char buf[EW_MAX_LINE + 8];
    char nb[12];

    switch (ev->id) {
    case EW_EV_STA_START:
        if (core->phase < EW_PHASE_STARTED) core->phase = EW_PHASE_STARTED;
        begin(core, &fb, buf, sizeof buf, "sta_start");
        break;
    case EW_EV_STA_STOP:
        if (core->phase > EW_PHASE_INIT) core->phase = EW_PHASE_INIT;
        forget_link(core);
        begin(core, &fb, buf, sizeof buf, "sta_stop");
        break;
    case EW_EV_CONNECTED: {
        uint8_t n = ev->u.connected.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : ev->u.connected.ssid_len;
        core->phase = EW_PHASE_CONNECTED;
        memcpy(core->ssid, ev->u.connected.ssid, n);
        core->ssid_len = n;
        memcpy(core->bssid, ev->u.connected.bssid, 6);
        core->channel = ev->u.connected.channel;
        begin(core, &fb, buf, sizeof buf, "connected");
        ew_fb_bytes(&fb, "ssid", ev->u.connected.ssid, n);
        ew_fb_mac(&fb, "bssid", ev->u.connected.bssid);
        ew_fb_uint(&fb, "ch", ev->u.connected.channel);
        ew_fb_raw(&fb, "auth", AUTH_NAME(ev->u.connected.auth));
        ew_fb_uint(&fb, "aid", ev->u.connected.aid);
        break;
    }
    case EW_EV_DISCONNECTED: {
        uint8_t n = ev->u.disconnected.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : ev->u.disconnected.ssid_len;
        /* The driver keeps the station started; only our phase view drops back. */
        if (core->phase > EW_PHASE_STARTED) core->phase = EW_PHASE_STARTED;
        core->last_reason = ev->u.disconnected.reason;
        forget_link(core);
        begin(core, &fb, buf, sizeof buf, "disconnected");
        ew_fb_uint(&fb, "reason", ev->u.disconnected.reason);
        ew_fb_int(&fb, "rssi", ev->u.disconnected.rssi);
        ew_fb_bytes(&fb, "ssid", ev->u.disconnected.ssid, n);
        ew_fb_mac(&fb, "bssid", ev->u.disconnected.bssid);
        const char *parts[] = { "disconnected, reason ", ew_utoa(nb, ev->u.disconnected.reason), NULL };
        ew_log(core, EW_LOG_INFO, TAG, parts);
        break;
    }
    case EW_EV_SCAN_DONE:
        if (ew_scan_blocking_done(core, ev)) return;
        /* Whatever the driver holds now belongs to this scan and must be fetched or cleared. */
        core->scan_state = EW_SCAN_STATE_DONE;
        core->scan_id = ev->u.scan_done.scan_id;
        begin(core, &fb, buf, sizeof buf, "scan_done");
        ew_fb_uint(&fb, "status", ev->u.scan_done.status);
        ew_fb_uint(&fb, "n", ev->u.scan_done.number);
        ew_fb_uint(&fb, "scan_id", ev->u.scan_done.scan_id);
        break;
    case EW_EV_BEACON_TIMEOUT:
        begin(core, &fb, buf, sizeof buf, "beacon_timeout");
        break;
    case EW_EV_RSSI_LOW:
        begin(core, &fb, buf, sizeof buf, "rssi_low");
        ew_fb_int(&fb, "rssi", ev->u.rssi_low.rssi);
        break;
    case EW_EV_AUTHMODE_CHANGE:
        begin(core, &fb, buf, sizeof buf, "authmode_change");
        ew_fb_raw(&fb, "old", AUTH_NAME(ev->u.authmode_change.old_mode));
        ew_fb_raw(&fb, "new", AUTH_NAME(ev->u.authmode_change.new_mode));
        break;
    case EW_EV_HOME_CHANNEL_CHANGE:
        core->channel = ev->u.home_channel_change.new_chan;
        begin(core, &fb, buf, sizeof buf, "home_channel_change");
        ew_fb_uint(&fb, "old_ch", ev->u.home_channel_change.old_chan);
        ew_fb_raw(&fb, "old_second", SECOND_NAME(ev->u.home_channel_change.old_second));
        ew_fb_uint(&fb, "new_ch", ev->u.home_channel_change.new_chan);
        ew_fb_raw(&fb, "new_second", SECOND_NAME(ev->u.home_channel_change.new_second));
        break;
    case EW_EV_GOT_IP:
        core->phase = EW_PHASE_GOT_IP;
        core->have_ip = true;
        core->ip = ev->u.got_ip.ip_info;
        begin(core, &fb, buf, sizeof buf, "got_ip");
        ew_fb_ip4(&fb, "ip", ev->u.got_ip.ip_info.ip);
        ew_fb_ip4(&fb, "mask", ev->u.got_ip.ip_info.mask);
        ew_fb_ip4(&fb, "gw", ev->u.got_ip.ip_info.gw);
        ew_fb_bool(&fb, "changed", ev->u.got_ip.ip_changed);
        break;
    case EW_EV_LOST_IP:
        if (core->phase == EW_PHASE_GOT_IP) core->phase = EW_PHASE_CONNECTED;
        core->have_ip = false;
        memset(&core->ip, 0, sizeof core->ip);
        begin(core, &fb, buf, sizeof buf, "lost_ip");
        break;
    default: {
        if (ew_softap_on_event(core, ev)) return;
        const char *parts[] = { "dropped an event with unknown id ", ew_utoa(nb, (uint32_t)ev->id), NULL };
        ew_log(core, EW_LOG_WARN, TAG, parts);
        return;
    }
    }
    ew_send(core, &fb);
    ew_improv_on_event(core, ev);
}
