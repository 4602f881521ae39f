/*
 * espwifi_idf — the ESP-IDF adapter of the espwifi bridge: implements the core's port
 * (ew_port.h) with esp_wifi/esp_netif/esp_event and a serial channel (UART or USB-Serial-JTAG).
 */
#pragma once
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bring up the serial channel chosen in menuconfig, start the bridge task and send the hello
 * frame. NVS must be initialised first (esp_wifi stores its configuration there). Call once. */
esp_err_t espwifi_idf_start(void);

#ifdef __cplusplus
}
#endif
