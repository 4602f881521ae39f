/* The radio environment around the board: APs and the DHCP server. Survives board resets. */
#include <string.h>
#include "sim.h"

sim_world_t g_world;

/* Below this an AP's beacons are not decoded any more (ESP32 sensitivity is about -97 dBm). */
#define RX_FLOOR_DBM (-96)

void world_init(void)
{
    memset(&g_world, 0, sizeof g_world);
    memcpy(g_world.country, "01", 3);
    static const uint8_t ip[4] = { 192, 168, 1, 100 }, mask[4] = { 255, 255, 255, 0 }, gw[4] = { 192, 168, 1, 1 };
    memcpy(g_world.dhcp.ip, ip, 4);
    memcpy(g_world.dhcp.mask, mask, 4);
    memcpy(g_world.dhcp.gw, gw, 4);
    g_world.dhcp.delay_ms = 300;
    /* esp_netif's default CONFIG_ESP_NETIF_IP_LOST_TIMER_INTERVAL is 120 s */
    g_world.lost_ip_ms = 120000;
    static const uint8_t mac[6] = { 0x58, 0xcf, 0x79, 0x00, 0x00, 0x01 };
    memcpy(g_world.mac, mac, 6);
}

sim_ap_t *world_ap_add(void)
{
    for (int i = 0; i < SIM_MAX_APS; i++) {
        sim_ap_t *ap = &g_world.aps[i];
        if (ap->used) continue;
        memset(ap, 0, sizeof *ap);
        ap->used = true;
        ap->on = true;
        ap->channel = 1;
        ap->rssi = -50;
        ap->auth = EW_AUTH_WPA2;
        ap->pairwise = EW_CIPHER_CCMP;
        ap->group = EW_CIPHER_CCMP;
        ap->max_stations = -1;
        ap->phy = EW_PHY_B | EW_PHY_G | EW_PHY_N;
        ap->second = EW_SECOND_NONE;
        ap->bw = EW_BW_HT20;
        return ap;
    }
    return NULL;
}

int world_find(const uint8_t *ssid, size_t ssid_len, const uint8_t *bssid, sim_ap_t **out, int max)
{
    int n = 0;
    for (int i = 0; i < SIM_MAX_APS && n < max; i++) {
        sim_ap_t *ap = &g_world.aps[i];
        if (!ap->used) continue;
        if (bssid && memcmp(ap->bssid, bssid, 6) != 0) continue;
        if (ssid && (ap->ssid_len != ssid_len || memcmp(ap->ssid, ssid, ssid_len) != 0)) continue;
        out[n++] = ap;
    }
    return n;
}

int ap_rssi_sample(const sim_ap_t *ap)
{
    int r = ap->rssi + rng_range(-2, 2);
    if (r > -10) r = -10;
    if (r < -127) r = -127;
    return r;
}

bool ap_reachable(const sim_ap_t *ap) { return ap->used && ap->on && ap->rssi > RX_FLOOR_DBM; }
