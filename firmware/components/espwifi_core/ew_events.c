/* The station state the events move, and which event goes on the wire for each driver event.
 * The frames themselves are written by the generated encoders (ew_events_gen.h, over the tables
 * of ew_messages_gen.c), so field names, order and types come from protocol.json "events" only. */
#include <string.h>
#include "ew_internal.h"
#include "ew_events_gen.h"

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
    /* sequence numbers run 1..UINT32_MAX and wrap to 1 (0 is the hello): a sum past UINT32_MAX
     * lands one further than its 32-bit wrap (32-bit on purpose: a 64-bit modulo would link
     * libgcc's __umoddi3) */
    uint32_t s = core->seq + n;
    core->seq = s < n ? s + 1 : s;
    char nb[12];
    const char *parts[] = { ew_utoa(nb, n), " driver events lost (event queue full); the event "
                            "sequence skips them so the host re-syncs", NULL };
    ew_log(core, EW_LOG_WARN, TAG, parts);
}

void ew_core_boot(ew_core_t *core)
{
    ew_device_info_t di;
    ew_fb_t fb;
    char buf[EW_MAX_LINE + 8];
    ew_get_device_info(core, &di);
    core->seq = 0;
    const ew_ev_hello_t hello = { .proto = EW_PROTO_VERSION, .fw = di.fw_version, .idf = di.idf_version,
                                  .chip = di.chip, .rev = di.chip_rev, .mac = di.mac, .reset = di.reset_reason,
                                  .def = EW_PROTO_DEF, .has_def = true };
    ew_ev_hello_encode(&fb, buf, sizeof buf, 0, &hello);
    ew_send(core, &fb);
}

void ew_emit_rx_error(ew_core_t *core, ew_err_t err, const uint16_t *expected)
{
    ew_fb_t fb;
    char buf[96];
    static const char hex[] = "0123456789abcdef";
    char e[5] = { 0 };
    if (expected) {
        e[0] = hex[*expected >> 12]; e[1] = hex[(*expected >> 8) & 15];
        e[2] = hex[(*expected >> 4) & 15]; e[3] = hex[*expected & 15];
    }
    const ew_ev_rx_error_t v = { .error = ew_err_name(err), .expected = e, .has_expected = expected != NULL,
                                 .line = core->counters.rx_lines };
    ew_ev_rx_error_encode(&fb, buf, sizeof buf, ew_next_seq(core), &v);
    ew_send(core, &fb);
}

static void forget_link(ew_core_t *core)
{
    core->have_ip = false;
    memset(&core->ip, 0, sizeof core->ip);
    core->ssid_len = 0;
    memset(core->bssid, 0, sizeof core->bssid);
    core->channel = 0;
}

void ew_send_event(ew_core_t *core, ew_msg_id_t msg, const void *v)
{
    ew_fb_t fb;
    char buf[EW_MAX_LINE + 8];
    ew_msg_encode(&fb, buf, sizeof buf, ew_next_seq(core), msg, v);
    ew_send(core, &fb);
}

void ew_core_on_event(ew_core_t *core, const ew_event_t *ev)
{
    char nb[12];
    /* Each case fills the struct of its event and names the message; one encode and send below. */
    union {
        ew_ev_connected_t connected;
        ew_ev_disconnected_t disconnected;
        ew_ev_scan_done_t scan_done;
        ew_ev_rssi_low_t rssi_low;
        ew_ev_authmode_change_t authmode_change;
        ew_ev_home_channel_change_t home_channel_change;
        ew_ev_got_ip_t got_ip;
    } v;
    ew_msg_id_t msg;

    switch (ev->id) {
    case EW_EV_STA_START:
        if (core->phase < EW_PHASE_STARTED) core->phase = EW_PHASE_STARTED;
        msg = EW_MSG_EV_STA_START;
        break;
    case EW_EV_STA_STOP:
        if (core->phase > EW_PHASE_INIT) core->phase = EW_PHASE_INIT;
        forget_link(core);
        msg = EW_MSG_EV_STA_STOP;
        break;
    case EW_EV_CONNECTED: {
        uint8_t n = ev->u.connected.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : ev->u.connected.ssid_len;
        core->phase = EW_PHASE_CONNECTED;
        memcpy(core->ssid, ev->u.connected.ssid, n);
        core->ssid_len = n;
        memcpy(core->bssid, ev->u.connected.bssid, 6);
        core->channel = ev->u.connected.channel;
        v.connected = (ew_ev_connected_t){ .ssid = ev->u.connected.ssid, .ssid_len = n, .bssid = ev->u.connected.bssid,
                                           .ch = ev->u.connected.channel, .auth = ev->u.connected.auth, .aid = ev->u.connected.aid };
        msg = EW_MSG_EV_CONNECTED;
        break;
    }
    case EW_EV_DISCONNECTED: {
        uint8_t n = ev->u.disconnected.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : ev->u.disconnected.ssid_len;
        /* The driver keeps the station started; only our phase view drops back. */
        if (core->phase > EW_PHASE_STARTED) core->phase = EW_PHASE_STARTED;
        core->last_reason = ev->u.disconnected.reason;
        forget_link(core);
        v.disconnected = (ew_ev_disconnected_t){ .reason = ev->u.disconnected.reason, .rssi = ev->u.disconnected.rssi,
                                                 .ssid = ev->u.disconnected.ssid, .ssid_len = n, .bssid = ev->u.disconnected.bssid };
        msg = EW_MSG_EV_DISCONNECTED;
        const char *parts[] = { "disconnected, reason ", ew_utoa(nb, ev->u.disconnected.reason), NULL };
        ew_log(core, EW_LOG_INFO, TAG, parts);
        break;
    }
    case EW_EV_SCAN_DONE: {
        if (ew_scan_blocking_done(core, ev)) return;
        /* Whatever the driver holds now belongs to this scan and must be fetched or cleared. */
        core->scan_state = EW_SCAN_STATE_DONE;
        core->scan_id = ev->u.scan_done.scan_id;
        v.scan_done = (ew_ev_scan_done_t){ .status = ev->u.scan_done.status, .n = ev->u.scan_done.number,
                                           .scan_id = ev->u.scan_done.scan_id };
        msg = EW_MSG_EV_SCAN_DONE;
        break;
    }
    case EW_EV_BEACON_TIMEOUT:
        msg = EW_MSG_EV_BEACON_TIMEOUT;
        break;
    case EW_EV_RSSI_LOW:
        v.rssi_low = (ew_ev_rssi_low_t){ .rssi = ev->u.rssi_low.rssi };
        msg = EW_MSG_EV_RSSI_LOW;
        break;
    case EW_EV_AUTHMODE_CHANGE:
        /* An adapter bug's out-of-range index goes out as "unknown" (the encoder's fallback). */
        v.authmode_change = (ew_ev_authmode_change_t){ .old = ev->u.authmode_change.old_mode, .new = ev->u.authmode_change.new_mode };
        msg = EW_MSG_EV_AUTHMODE_CHANGE;
        break;
    case EW_EV_HOME_CHANNEL_CHANGE:
        core->channel = ev->u.home_channel_change.new_chan;
        v.home_channel_change = (ew_ev_home_channel_change_t){
            .old_ch = ev->u.home_channel_change.old_chan, .old_second = ev->u.home_channel_change.old_second,
            .new_ch = ev->u.home_channel_change.new_chan, .new_second = ev->u.home_channel_change.new_second };
        msg = EW_MSG_EV_HOME_CHANNEL_CHANGE;
        break;
    case EW_EV_GOT_IP:
        core->phase = EW_PHASE_GOT_IP;
        core->have_ip = true;
        core->ip = ev->u.got_ip.ip_info;
        v.got_ip = (ew_ev_got_ip_t){ .ip = ev->u.got_ip.ip_info.ip, .mask = ev->u.got_ip.ip_info.mask,
                                     .gw = ev->u.got_ip.ip_info.gw, .changed = ev->u.got_ip.ip_changed };
        msg = EW_MSG_EV_GOT_IP;
        break;
    case EW_EV_LOST_IP:
        if (core->phase == EW_PHASE_GOT_IP) core->phase = EW_PHASE_CONNECTED;
        core->have_ip = false;
        memset(&core->ip, 0, sizeof core->ip);
        msg = EW_MSG_EV_LOST_IP;
        break;
    default: {
        if (ew_softap_on_event(core, ev)) return;
        const char *parts[] = { "dropped an event with unknown id ", ew_utoa(nb, (uint32_t)ev->id), NULL };
        ew_log(core, EW_LOG_WARN, TAG, parts);
        return;
    }
    }
    ew_send_event(core, msg, &v);
    ew_improv_on_event(core, ev);
}
