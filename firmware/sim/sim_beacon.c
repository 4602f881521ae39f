/*
 * Beacon loss (Station Scenarios, "Wi-Fi Beacon Timeout"): when the associated AP goes quiet the
 * station waits the inactive time, posts BEACON_TIMEOUT, sends 5 probes 200 ms apart and then
 * leaves with reason 200. A beacon or probe response in between keeps the link; a scan restarts
 * the inactive-time timer.
 */
#include "sim_wifi.h"

#define PROBES 5
#define PROBE_INTERVAL_MS 200

static struct {
    sim_timer_t timer;
    bool lost, event_sent;
    int probes;
} B;

static struct { uint32_t beacon_timeouts, probes_sent; } B_stats; /* the whole run */

static void probe_step(void *arg);

static void bcn_timeout(void *arg)
{
    (void)arg;
    B.timer = 0;
    B.event_sent = true;
    B_stats.beacon_timeouts++;
    uart_esp_log('I', "wifi", "bcn_timeout,ap_probe_send_start");
    drv_post_id(EW_EV_BEACON_TIMEOUT);
    B.probes = 0;
    B.timer = timer_in(PROBE_INTERVAL_MS, probe_step, NULL, "wifi.bcn");
}

static void probe_step(void *arg)
{
    (void)arg;
    B.timer = 0;
    B.probes++;
    B_stats.probes_sent++;
    if (B.probes < PROBES) {
        B.timer = timer_in(PROBE_INTERVAL_MS, probe_step, NULL, "wifi.bcn");
        return;
    }
    conn_drop(EW_REASON_BEACON_TIMEOUT);
}

static void rearm(void)
{
    timer_cancel(&B.timer);
    B.timer = timer_in((uint64_t)drv_inactive_s() * 1000u, bcn_timeout, NULL, "wifi.bcn");
}

void wifi_on_ap_change(sim_ap_t *ap)
{
    if (conn_connected_ap() != ap) return;
    if (!ap_reachable(ap)) {
        if (!B.lost) {
            B.lost = true;
            B.event_sent = false;
            rearm();
        }
    } else if (B.lost) {
        /* a beacon or probe response arrived: the link survives */
        B.lost = false;
        timer_cancel(&B.timer);
    }
    conn_rssi_recheck();
}

void bcn_link_up(void) { B.lost = false; }

void bcn_stop(void)
{
    timer_cancel(&B.timer);
    B.lost = false;
}

void bcn_scan_done(void)
{
    if (B.lost && !B.event_sent) rearm();
}

void bcn_reset(void) { B = (typeof(B)){ 0 }; }

void bcn_diag(uint32_t *beacon_timeouts, uint32_t *probes_sent)
{
    *beacon_timeouts = B_stats.beacon_timeouts;
    *probes_sent = B_stats.probes_sent;
}
