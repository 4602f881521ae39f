/*
 * espwifi bridge firmware entry point: bring up NVS (esp_wifi keeps its configuration there),
 * then hand the board to the bridge, which owns the serial channel and the Wi-Fi station.
 */
#include "esp_err.h"
#include "esp_log.h"
#include "nvs_flash.h"
#include "espwifi_idf.h"

static const char *TAG = "espwifi";

static esp_err_t nvs_init(void)
{
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        /* A partition written by another firmware or an older NVS format: the stored Wi-Fi
         * configuration is not ours to keep, start clean rather than refuse to boot. */
        ESP_LOGW(TAG, "NVS partition unusable (%s), erasing it", esp_err_to_name(err));
        err = nvs_flash_erase();
        if (err == ESP_OK) {
            err = nvs_flash_init();
        }
    }
    return err;
}

void app_main(void)
{
    /* Without NVS esp_wifi_init fails and without the bridge the board is useless: both are
     * fatal at boot, and the panic reset is reported to the host as such. */
    ESP_ERROR_CHECK(nvs_init());
    ESP_ERROR_CHECK(espwifi_idf_start());
}
