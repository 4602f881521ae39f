/*
 * The port's SoftAP operations: esp_wifi's AP interface, the default AP netif and its DHCP
 * server, and the AP events. Same rule as ew_idf_wifi.c: direct calls, the driver's esp_err_t
 * back unchanged, enums mapped by name at compile time.
 */
#include <string.h>
#include "esp_event.h"
#include "esp_log.h"
#include "esp_netif.h"
#include "esp_wifi.h"
/* The pool travels as lwIP's dhcps_lease_t (esp_netif_dhcps_option, REQUESTED_IP_ADDRESS). A real
 * ESP-IDF build always has lwIP's headers; the header-only compile check has no lwIP submodule,
 * so there (and only there) a struct of the same layout stands in: {bool, ip4 addr, ip4 addr}. */
#if __has_include("lwip/ip_addr.h")
#include "dhcpserver/dhcpserver.h"
typedef dhcps_lease_t ew_dhcps_pool_t;
#else
typedef struct {
    bool enable;
    esp_ip4_addr_t start_ip;
    esp_ip4_addr_t end_ip;
} ew_dhcps_pool_t;
#endif
#include "ew_idf_priv.h"

static const char *TAG = "ew_softap";

static esp_netif_t *s_ap_netif;
static bool s_probe_events;   /* WIFI_EVENT_AP_PROBEREQRECVED unmasked by us */

/* ESP-IDF v6 renamed the event (the old name is a deprecated alias). */
#if EW_IDF_AT_LEAST(6, 0, 0)
#define EW_IP_EVENT_AP_STAIPASSIGNED IP_EVENT_ASSIGNED_IP_TO_CLIENT
typedef ip_event_assigned_ip_to_client_t ew_ip_event_staipassigned_t;
#else
#define EW_IP_EVENT_AP_STAIPASSIGNED IP_EVENT_AP_STAIPASSIGNED
typedef ip_event_ap_staipassigned_t ew_ip_event_staipassigned_t;
#endif

/* --- events: default event loop task -> bridge task --- */

static void on_ap_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    ew_event_t ev;
    memset(&ev, 0, sizeof(ev));
    switch (id) {
    case WIFI_EVENT_AP_START: ev.id = EW_EV_AP_START; break;
    case WIFI_EVENT_AP_STOP: ev.id = EW_EV_AP_STOP; break;
    case WIFI_EVENT_AP_STACONNECTED: {
        const wifi_event_ap_staconnected_t *e = data;
        ev.id = EW_EV_AP_STACONNECTED;
        memcpy(ev.u.ap_sta.mac, e->mac, 6);
        ev.u.ap_sta.aid = e->aid;
        break;
    }
    case WIFI_EVENT_AP_STADISCONNECTED: {
        const wifi_event_ap_stadisconnected_t *e = data;
        ev.id = EW_EV_AP_STADISCONNECTED;
        memcpy(ev.u.ap_sta.mac, e->mac, 6);
        ev.u.ap_sta.aid = e->aid;
        ev.u.ap_sta.reason = e->reason;
        break;
    }
    case WIFI_EVENT_AP_PROBEREQRECVED: {
        const wifi_event_ap_probe_req_rx_t *e = data;
        ev.id = EW_EV_AP_PROBEREQRECVED;
        memcpy(ev.u.ap_probe.mac, e->mac, 6);
        ev.u.ap_probe.rssi = e->rssi;
        break;
    }
    default: return;
    }
    ew_idf_bridge_post_event(&ev);
}

static void on_ap_ip_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    const ew_ip_event_staipassigned_t *e = data;
    ew_event_t ev;
    memset(&ev, 0, sizeof(ev));
    ev.id = EW_EV_AP_STAIPASSIGNED;
    memcpy(ev.u.ap_sta_ip.ip, &e->ip.addr, 4);   /* network order: a.b.c.d in memory */
    memcpy(ev.u.ap_sta_ip.mac, e->mac, 6);
    ew_idf_bridge_post_event(&ev);
}

static const int32_t AP_EVENTS[] = { WIFI_EVENT_AP_START, WIFI_EVENT_AP_STOP, WIFI_EVENT_AP_STACONNECTED,
                                     WIFI_EVENT_AP_STADISCONNECTED, WIFI_EVENT_AP_PROBEREQRECVED };

esp_err_t ew_idf_softap_init(void)
{
    if (s_ap_netif == NULL) {
        s_ap_netif = esp_netif_create_default_wifi_ap();
        if (s_ap_netif == NULL) {
            return ESP_ERR_NO_MEM;
        }
    }
    esp_err_t err = ESP_OK;
    for (size_t i = 0; i < sizeof(AP_EVENTS) / sizeof(AP_EVENTS[0]) && err == ESP_OK; i++) {
        err = esp_event_handler_register(WIFI_EVENT, AP_EVENTS[i], on_ap_event, NULL);
    }
    if (err == ESP_OK) {
        err = esp_event_handler_register(IP_EVENT, EW_IP_EVENT_AP_STAIPASSIGNED, on_ap_ip_event, NULL);
    }
    if (err != ESP_OK) {
        ESP_LOGW(TAG, "AP event handlers: %s", esp_err_to_name(err));
    }
    return err;
}

void ew_idf_softap_deinit(void)
{
    for (size_t i = 0; i < sizeof(AP_EVENTS) / sizeof(AP_EVENTS[0]); i++) {
        esp_event_handler_unregister(WIFI_EVENT, AP_EVENTS[i], on_ap_event);
    }
    esp_event_handler_unregister(IP_EVENT, EW_IP_EVENT_AP_STAIPASSIGNED, on_ap_ip_event);
    if (s_ap_netif != NULL) {
        esp_netif_destroy_default_wifi(s_ap_netif);
        s_ap_netif = NULL;
    }
}

/* --- AP interface --- */

ew_err_t ew_idf_ap_set_config(void *ctx, const ew_ap_config_t *c)
{
    wifi_config_t wc;
    wifi_auth_mode_t auth;
    memset(&wc, 0, sizeof(wc));
    wifi_ap_config_t *a = &wc.ap;
    if (c->ssid_len > sizeof(a->ssid) || c->password_len > sizeof(a->password) || !ew_idf_auth_to(c->auth, &auth)) {
        return ESP_ERR_INVALID_ARG;
    }
    memcpy(a->ssid, c->ssid, c->ssid_len);
    a->ssid_len = c->ssid_len;   /* SSIDs are bytes: never read as a C string */
    memcpy(a->password, c->password, c->password_len);
    a->channel = c->channel;
    a->authmode = auth;
    a->ssid_hidden = c->hidden ? 1 : 0;
    a->max_connection = c->max_connection;
    a->beacon_interval = c->beacon_interval;
    a->pmf_cfg.required = c->pmf == EW_PMF_REQUIRED;
    esp_err_t err = esp_wifi_set_config(WIFI_IF_AP, &wc);
    memset(a->password, 0, sizeof(a->password));
    if (err != ESP_OK) {
        return err;
    }
    uint32_t mask = 0;
    err = esp_wifi_get_event_mask(&mask);
    if (err != ESP_OK) {
        return err;
    }
    mask = c->probe_events ? (mask & ~(uint32_t)WIFI_EVENT_MASK_AP_PROBEREQRECVED) : (mask | WIFI_EVENT_MASK_AP_PROBEREQRECVED);
    err = esp_wifi_set_event_mask(mask);
    if (err == ESP_OK) {
        s_probe_events = c->probe_events;
    }
    return err;
}

ew_err_t ew_idf_ap_get_config(void *ctx, ew_ap_config_t *c)
{
    wifi_config_t wc;
    memset(&wc, 0, sizeof(wc));
    esp_err_t err = esp_wifi_get_config(WIFI_IF_AP, &wc);
    if (err != ESP_OK) {
        return err;
    }
    const wifi_ap_config_t *a = &wc.ap;
    size_t n = a->ssid_len ? a->ssid_len : strnlen((const char *)a->ssid, sizeof(a->ssid));
    c->ssid_len = (uint8_t)(n > EW_SSID_MAX ? EW_SSID_MAX : n);
    memcpy(c->ssid, a->ssid, c->ssid_len);
    c->password_len = (uint8_t)strnlen((const char *)a->password, sizeof(a->password)); /* length only */
    c->channel = a->channel;
    c->auth = ew_idf_auth_from(a->authmode);
    c->max_connection = a->max_connection;
    c->hidden = a->ssid_hidden != 0;
    c->beacon_interval = a->beacon_interval;
    c->pmf = a->pmf_cfg.required ? EW_PMF_REQUIRED : EW_PMF_CAPABLE;
    c->probe_events = s_probe_events;
    memset(&wc, 0, sizeof(wc));   /* the password copy */
    return ESP_OK;
}

ew_err_t ew_idf_ap_get_sta_list(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n)
{
    wifi_sta_list_t list;
    memset(&list, 0, sizeof(list));
    *n = 0;
    esp_err_t err = esp_wifi_ap_get_sta_list(&list);
    if (err != ESP_OK) {
        return err;
    }
    for (int i = 0; i < list.num && *n < cap; i++) {
        uint16_t aid = 0;
        /* wifi_sta_info_t has no AID; a station that left in between is simply skipped */
        if (esp_wifi_ap_get_sta_aid(list.sta[i].mac, &aid) != ESP_OK) {
            continue;
        }
        memcpy(out[*n].mac, list.sta[i].mac, 6);
        out[*n].aid = aid;
        out[*n].rssi = list.sta[i].rssi;
        (*n)++;
    }
    return ESP_OK;
}

ew_err_t ew_idf_ap_get_sta_aid(void *ctx, const uint8_t mac[6], uint16_t *aid)
{
    return esp_wifi_ap_get_sta_aid(mac, aid);
}

ew_err_t ew_idf_ap_deauth_sta(void *ctx, uint16_t aid) { return esp_wifi_deauth_sta(aid); }
ew_err_t ew_idf_set_max_tx_power(void *ctx, int8_t q) { return esp_wifi_set_max_tx_power(q); }
ew_err_t ew_idf_get_max_tx_power(void *ctx, int8_t *q) { return esp_wifi_get_max_tx_power(q); }

/* --- the AP netif's DHCP server --- */

ew_err_t ew_idf_dhcps_get(void *ctx, ew_dhcps_config_t *c)
{
    esp_netif_ip_info_t ip;
    ew_dhcps_pool_t pool;
    uint32_t lease = 0;
    if (s_ap_netif == NULL) {
        return ESP_ERR_WIFI_NOT_INIT;
    }
    esp_err_t err = esp_netif_get_ip_info(s_ap_netif, &ip);
    if (err == ESP_OK) {
        memset(&pool, 0, sizeof(pool));
        err = esp_netif_dhcps_option(s_ap_netif, ESP_NETIF_OP_GET, ESP_NETIF_REQUESTED_IP_ADDRESS, &pool, sizeof(pool));
    }
    if (err == ESP_OK) {
        err = esp_netif_dhcps_option(s_ap_netif, ESP_NETIF_OP_GET, ESP_NETIF_IP_ADDRESS_LEASE_TIME, &lease, sizeof(lease));
    }
    if (err != ESP_OK) {
        return err;
    }
    memcpy(c->ip, &ip.ip.addr, 4);
    memcpy(c->mask, &ip.netmask.addr, 4);
    memcpy(c->start, &pool.start_ip.addr, 4);
    memcpy(c->end, &pool.end_ip.addr, 4);
    c->lease = (uint16_t)(lease > 65535 ? 65535 : lease);
    return ESP_OK;
}

ew_err_t ew_idf_dhcps_set(void *ctx, const ew_dhcps_config_t *c)
{
    esp_netif_ip_info_t ip;
    ew_dhcps_pool_t pool;
    uint32_t lease = c->lease;
    if (s_ap_netif == NULL) {
        return ESP_ERR_WIFI_NOT_INIT;
    }
    memset(&ip, 0, sizeof(ip));
    memcpy(&ip.ip.addr, c->ip, 4);
    memcpy(&ip.gw.addr, c->ip, 4);   /* the AP is the stations' gateway */
    memcpy(&ip.netmask.addr, c->mask, 4);
    memset(&pool, 0, sizeof(pool));
    pool.enable = true;
    memcpy(&pool.start_ip.addr, c->start, 4);
    memcpy(&pool.end_ip.addr, c->end, 4);
    /* options can only be set while the server is stopped (esp_netif_dhcps_option) */
    esp_err_t err = esp_netif_dhcps_stop(s_ap_netif);
    if (err != ESP_OK && err != ESP_ERR_ESP_NETIF_DHCP_ALREADY_STOPPED) {
        return err;
    }
    err = esp_netif_set_ip_info(s_ap_netif, &ip);
    if (err == ESP_OK) {
        err = esp_netif_dhcps_option(s_ap_netif, ESP_NETIF_OP_SET, ESP_NETIF_REQUESTED_IP_ADDRESS, &pool, sizeof(pool));
    }
    if (err == ESP_OK) {
        err = esp_netif_dhcps_option(s_ap_netif, ESP_NETIF_OP_SET, ESP_NETIF_IP_ADDRESS_LEASE_TIME, &lease, sizeof(lease));
    }
    /* the server runs again whatever happened: a refused pool must not leave stations without DHCP */
    esp_err_t start = esp_netif_dhcps_start(s_ap_netif);
    return err != ESP_OK ? err : start;
}
