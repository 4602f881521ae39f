/*
 * Foreign-firmware mode (`--firmware app`): the virtual board runs a product app instead of our
 * bridge, as the boards a field engineer meets do. No frames: only ESP-IDF log lines — the
 * driver's own (sim_connect.c, sim_beacon.c) and the app's, which follow the ESP-IDF station example: it prints
 * the SSID and password it connects with, logs each event with its reason, and retries after a
 * disconnect. It joins the scenario's first AP with that AP's password (a `password` fault on the
 * AP then looks like a wrong password to the app). Used by `espwifi watch` tests.
 */
#include <stdio.h>
#include <string.h>
#include "sim.h"

#define TAG "wifi station"
#define RETRY_MS 1000

static bool g_app;
static const ew_wifi_ops_t *g_wifi;
static ew_sta_config_t g_cfg;

void app_mode_set(bool on) { g_app = on; }
bool app_mode(void) { return g_app; }

static void retry(void *arg)
{
    (void)arg;
    uart_esp_log('I', TAG, "retry to connect to the AP");
    g_wifi->connect(NULL);
}

void app_boot(const ew_wifi_ops_t *wifi)
{
    g_wifi = wifi;
    timer_cancel_kind("app.");
    memset(&g_cfg, 0, sizeof g_cfg);
    for (int i = 0; i < SIM_MAX_APS; i++) {
        const sim_ap_t *ap = &g_world.aps[i];
        if (!ap->used || ap->remote) continue;
        memcpy(g_cfg.ssid, ap->ssid, ap->ssid_len);
        g_cfg.ssid_len = ap->ssid_len;
        memcpy(g_cfg.password, ap->password, ap->password_len);
        g_cfg.password_len = ap->password_len;
        break;
    }
    uart_esp_log('I', TAG, "ESP_WIFI_MODE_STA");
    wifi->init(NULL);
    wifi->set_mode(NULL, EW_MODE_STA);
    wifi->set_config(NULL, &g_cfg);
    wifi->start(NULL);
    uart_esp_log('I', TAG, "wifi_init_sta finished.");
    uart_esp_log('I', TAG, "connect to ap SSID:%.*s password:%.*s", g_cfg.ssid_len, (const char *)g_cfg.ssid,
                 g_cfg.password_len, (const char *)g_cfg.password);
}

void app_on_event(const ew_event_t *ev)
{
    switch (ev->id) {
    case EW_EV_STA_START:
        g_wifi->connect(NULL);
        break;
    case EW_EV_CONNECTED:
        uart_esp_log('I', TAG, "WIFI_EVENT_STA_CONNECTED, channel %u", ev->u.connected.channel);
        break;
    case EW_EV_DISCONNECTED:
        uart_esp_log('W', TAG, "WIFI_EVENT_STA_DISCONNECTED, reason: %u", ev->u.disconnected.reason);
        timer_cancel_kind("app.");
        timer_in(RETRY_MS, retry, NULL, "app.retry");
        break;
    case EW_EV_GOT_IP: {
        const uint8_t *a = ev->u.got_ip.ip_info.ip;
        uart_esp_log('I', TAG, "got ip:%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        break;
    }
    case EW_EV_LOST_IP:
        uart_esp_log('W', TAG, "IP_EVENT_STA_LOST_IP");
        break;
    default:
        break;
    }
}
