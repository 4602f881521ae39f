/* Internal interfaces of the ESP-IDF adapter (not part of the component's public API). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"
#include "esp_wifi_types.h"
#include "esp_system.h"
#include "esp_idf_version.h"
#include "sdkconfig.h"
#include "ew_port.h"

/* Defaults for builds that do not run Kconfig (the header-only compile check): the real
 * values come from main/Kconfig.projbuild through sdkconfig.h. */
#if !defined(CONFIG_ESPWIFI_CHANNEL_UART) && !defined(CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG)
#define CONFIG_ESPWIFI_CHANNEL_UART 1
#endif
#if defined(CONFIG_ESPWIFI_CHANNEL_UART) && !defined(CONFIG_ESPWIFI_UART_NUM)
#define CONFIG_ESPWIFI_UART_NUM 0
#define CONFIG_ESPWIFI_UART_TX_PIN (-1)
#define CONFIG_ESPWIFI_UART_RX_PIN (-1)
#define CONFIG_ESPWIFI_UART_BAUD 115200
#endif
#ifndef CONFIG_ESPWIFI_RX_BUFFER
#define CONFIG_ESPWIFI_RX_BUFFER 2048
#endif
#ifndef CONFIG_ESPWIFI_TX_BUFFER
#define CONFIG_ESPWIFI_TX_BUFFER 2048
#endif
#ifndef CONFIG_ESPWIFI_TASK_STACK
#define CONFIG_ESPWIFI_TASK_STACK 6144
#endif
#ifndef CONFIG_ESPWIFI_TASK_PRIORITY
#define CONFIG_ESPWIFI_TASK_PRIORITY 5
#endif
#ifndef CONFIG_ESPWIFI_EVENT_QUEUE_LEN
#define CONFIG_ESPWIFI_EVENT_QUEUE_LEN 24
#endif

/* Feature availability by ESP-IDF version (checked against the headers of each release). */
#define EW_IDF_AT_LEAST(ma, mi, pa) (ESP_IDF_VERSION >= ESP_IDF_VERSION_VAL(ma, mi, pa))
#define EW_IDF_HAS_HOME_CHANNEL    EW_IDF_AT_LEAST(5, 2, 0)  /* home_chan_dwell_time, HOME_CHANNEL_CHANGE */
#define EW_IDF_HAS_BW_NAMES_V53    EW_IDF_AT_LEAST(5, 3, 0)  /* WIFI_BW20.. (v6 drops WIFI_BW_HT20) */
#define EW_IDF_HAS_CHANNEL_BITMAP  EW_IDF_AT_LEAST(5, 3, 0)
#define EW_IDF_HAS_5G_PHY_BITS     EW_IDF_AT_LEAST(5, 3, 0)  /* phy_11a/phy_11ac, ap bandwidth */
#define EW_IDF_HAS_11AX_PHY_BIT    EW_IDF_AT_LEAST(5, 1, 0)
#define EW_IDF_HAS_COEX_BG_SCAN    EW_IDF_AT_LEAST(5, 4, 3)
#define EW_IDF_HAS_STA_GET_RSSI    EW_IDF_AT_LEAST(5, 2, 0)  /* 5.0.9/5.1.x patch releases too */
#define EW_IDF_HAS_DISCONNECT_RSSI EW_IDF_AT_LEAST(5, 1, 0)  /* wifi_event_sta_disconnected_t.rssi */
/* auth modes 11..15 (the enum was reshuffled between releases; names, not numbers, decide) */
#define EW_IDF_HAS_WPA3_ENT_192    EW_IDF_AT_LEAST(5, 2, 0)
#define EW_IDF_HAS_WPA3_EXT_PSK    (EW_IDF_AT_LEAST(5, 2, 0) && !EW_IDF_AT_LEAST(6, 0, 0))
#define EW_IDF_HAS_AUTH_DPP        EW_IDF_AT_LEAST(5, 3, 0)
#define EW_IDF_HAS_WPA3_ENTERPRISE EW_IDF_AT_LEAST(5, 4, 0)
/* also backported into some 5.2–5.4 patch releases; only claimed where every release has it */
#define EW_IDF_HAS_WPA_ENTERPRISE  EW_IDF_AT_LEAST(5, 5, 0)
#define EW_IDF_HAS_RST_USB_JTAG    EW_IDF_AT_LEAST(5, 2, 0)
#define EW_IDF_HAS_RST_EFUSE_ETC   EW_IDF_AT_LEAST(5, 3, 0)

/* --- ew_idf_map.c: ESP-IDF <-> protocol enums, all decided at compile time --- */
ew_auth_t ew_idf_auth_from(wifi_auth_mode_t m);
bool ew_idf_auth_to(ew_auth_t a, wifi_auth_mode_t *out);
ew_cipher_t ew_idf_cipher_from(wifi_cipher_type_t c);
ew_second_t ew_idf_second_from(wifi_second_chan_t s);
bool ew_idf_bw_to(ew_bw_t bw, wifi_bandwidth_t *out);
ew_bw_t ew_idf_bw_from_second(wifi_second_chan_t s);
bool ew_idf_proto_to(ew_proto_flags_t p, uint8_t *out);
bool ew_idf_mode_to(ew_mode_t m, wifi_mode_t *out);
bool ew_idf_mode_from(wifi_mode_t m, ew_mode_t *out);
bool ew_idf_ps_to(ew_ps_t ps, wifi_ps_type_t *out);
ew_reset_reason_t ew_idf_reset_reason_from(esp_reset_reason_t r);
void ew_idf_ap_record_from(const wifi_ap_record_t *in, ew_ap_record_t *out);

/* --- ew_idf_channel.c: the serial channel shared by frames and (when it is the console) logs --- */
esp_err_t ew_idf_channel_init(void);
/* Writes one whole line with one driver call; starts a new line first if a log line is open. */
void ew_idf_channel_write_line(const char *line, size_t len);
/* Blocks up to timeout_ms for input; returns the number of bytes read (0 on timeout). */
size_t ew_idf_channel_read(uint8_t *buf, size_t cap, uint32_t timeout_ms);
/* Waits until queued output left the chip (before a restart). */
void ew_idf_channel_flush(uint32_t timeout_ms);

/* --- ew_idf_wifi.c: the port's Wi-Fi operations (the SoftAP ones from ew_idf_softap.c) --- */
extern const ew_wifi_ops_t ew_idf_wifi_ops;

/* --- ew_idf_softap.c: the SoftAP half of the port (AP netif, DHCP server, AP events) --- */
esp_err_t ew_idf_softap_init(void);    /* after esp_wifi_init: AP netif + event handlers */
void ew_idf_softap_deinit(void);
/* its ops of ew_wifi_ops_t (ew_port.h documents each) */
ew_err_t ew_idf_ap_set_config(void *ctx, const ew_ap_config_t *cfg);
ew_err_t ew_idf_ap_get_config(void *ctx, ew_ap_config_t *cfg);
ew_err_t ew_idf_ap_get_sta_list(void *ctx, ew_ap_sta_t *out, uint8_t cap, uint8_t *n);
ew_err_t ew_idf_ap_get_sta_aid(void *ctx, const uint8_t mac[6], uint16_t *aid);
ew_err_t ew_idf_ap_deauth_sta(void *ctx, uint16_t aid);
ew_err_t ew_idf_set_max_tx_power(void *ctx, int8_t quarter_dbm);
ew_err_t ew_idf_get_max_tx_power(void *ctx, int8_t *quarter_dbm);
ew_err_t ew_idf_dhcps_get(void *ctx, ew_dhcps_config_t *cfg);
ew_err_t ew_idf_dhcps_set(void *ctx, const ew_dhcps_config_t *cfg);

/* --- ew_idf_bridge.c: hands a converted driver event to the bridge task (any task) --- */
void ew_idf_bridge_post_event(const ew_event_t *ev);
