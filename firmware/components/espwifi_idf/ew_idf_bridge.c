/*
 * The bridge task: the one task that owns the core (ew_port.h requires a single caller).
 * Two queues feed it, joined by a queue set so neither source can starve the other:
 *   - serial input chunks from the reader task (which blocks on the driver);
 *   - Wi-Fi/IP events converted by the default event loop's handlers.
 * The core answers through port.write, i.e. ew_idf_channel_write_line.
 */
#include <stdio.h>
#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/task.h"
#include "esp_app_desc.h"
#include "esp_chip_info.h"
#include "esp_log.h"
#include "esp_mac.h"
#include "esp_task.h"
#include "esp_timer.h"
#include "espwifi_core.h"
#include "espwifi_idf.h"
#include "ew_idf_priv.h"

static const char *TAG = "ew_bridge";

#define EW_RX_CHUNK 128
#define EW_RX_QUEUE_LEN 8
#define EW_READER_STACK 2560

/* The reader runs one above the bridge; both must stay below the default event loop task (and so
 * below the Wi-Fi task): the driver must never wait for the serial protocol. */
_Static_assert(CONFIG_ESPWIFI_TASK_PRIORITY + 1 < ESP_TASKD_EVENT_PRIO,
               "ESPWIFI_TASK_PRIORITY must leave the reader task below the event loop task");

typedef struct {
    uint16_t len;
    uint8_t data[EW_RX_CHUNK];
} rx_chunk_t;

static QueueHandle_t s_rx_q;
static QueueHandle_t s_ev_q;
static QueueSetHandle_t s_set;
static ew_core_t s_core;

/* Events the queue had no room for, handed to the bridge task at its next turn. A SCAN_DONE is
 * kept (sticky): without it the core would refuse every later scan with SCAN_IN_PROGRESS. */
static portMUX_TYPE s_lost_lock = portMUX_INITIALIZER_UNLOCKED;
static volatile uint32_t s_lost;
static bool s_lost_scan_done;
static ew_event_t s_scan_done;

void ew_idf_bridge_post_event(const ew_event_t *ev)
{
    /* Never wait here: this runs in the default event loop task, and a full loop makes the Wi-Fi
     * task wait in esp_event_post (it posts with portMAX_DELAY). No log either (the log may wait
     * for the wire); the bridge task reports the loss. */
    if (xQueueSend(s_ev_q, ev, 0) == pdTRUE) {
        return;
    }
    taskENTER_CRITICAL(&s_lost_lock);
    s_lost++;
    if (ev->id == EW_EV_SCAN_DONE) {
        s_scan_done = *ev;
        s_lost_scan_done = true;
    }
    taskEXIT_CRITICAL(&s_lost_lock);
}

/* Bridge task: lost events become a gap in the event sequence (the host re-syncs with status),
 * and a lost SCAN_DONE is delivered after all. */
static void deliver_lost(void)
{
    taskENTER_CRITICAL(&s_lost_lock);
    uint32_t lost = s_lost;
    bool scan_done = s_lost_scan_done;
    ew_event_t ev = s_scan_done;
    s_lost = 0;
    s_lost_scan_done = false;
    taskEXIT_CRITICAL(&s_lost_lock);
    if (scan_done) {
        lost--; /* delivered now, not lost */
    }
    if (lost > 0) {
        ew_core_events_lost(&s_core, lost);
    }
    if (scan_done) {
        ew_core_on_event(&s_core, &ev);
    }
}

/* --- serial and system half of the port --- */

static void port_write(void *ctx, const char *line, size_t len)
{
    ew_idf_channel_write_line(line, len);
}

static uint32_t port_now_ms(void *ctx)
{
    return (uint32_t)(esp_timer_get_time() / 1000);
}

static void port_log(void *ctx, ew_log_level_t level, const char *tag, const char *msg)
{
    switch (level) {
    case EW_LOG_ERROR: ESP_LOGE(tag, "%s", msg); break;
    case EW_LOG_WARN: ESP_LOGW(tag, "%s", msg); break;
    case EW_LOG_INFO: ESP_LOGI(tag, "%s", msg); break;
    case EW_LOG_DEBUG: ESP_LOGD(tag, "%s", msg); break;
    default: ESP_LOGV(tag, "%s", msg); break;
    }
}

static void port_get_device_info(void *ctx, ew_device_info_t *info)
{
    esp_chip_info_t chip;
    esp_chip_info(&chip);
    memset(info, 0, sizeof(*info));
    info->fw_version = esp_app_get_description()->version;
    info->idf_version = esp_get_idf_version();
    info->chip = CONFIG_IDF_TARGET; /* the target the image was built for, e.g. "esp32c3" */
    info->chip_rev = chip.revision; /* already major*100 + minor */
    if (esp_read_mac(info->mac, ESP_MAC_WIFI_STA) != ESP_OK) {
        memset(info->mac, 0, sizeof(info->mac));
    }
    info->reset_reason = ew_idf_reset_reason_from(esp_reset_reason());
}

/* Called from a request, so on the bridge task; ESP-IDF's FreeRTOS counts stack in bytes. */
static int32_t port_stack_free(void *ctx)
{
    return (int32_t)uxTaskGetStackHighWaterMark(NULL);
}

static void port_restart(void *ctx)
{
    ew_idf_channel_flush(200); /* let the reply leave the chip before the reset cuts it off */
    esp_restart();
}

static const ew_sys_ops_t s_sys_ops = {
    .write = port_write,
    .now_ms = port_now_ms,
    .log = port_log,
    .get_device_info = port_get_device_info,
    .restart = port_restart,
    .stack_free = port_stack_free,
};

/* Everything keeps its state in the adapter's statics: no context pointers. */
static const ew_port_t s_port = { .sys = &s_sys_ops, .wifi = &ew_idf_wifi_ops };

/* --- tasks --- */

static void reader_task(void *arg)
{
    rx_chunk_t chunk;
    for (;;) {
        size_t n = ew_idf_channel_read(chunk.data, sizeof(chunk.data), 1000);
        if (n > 0) {
            chunk.len = (uint16_t)n;
            /* blocking here is the backpressure: the driver's receive buffer holds the rest */
            xQueueSend(s_rx_q, &chunk, portMAX_DELAY);
        }
    }
}

static TickType_t ticks_until(uint32_t ms)
{
    if (ms == EW_CORE_WAIT_FOREVER) {
        return portMAX_DELAY;
    }
    /* rounded up: waking a tick early would only cost one more turn, but never early is simpler */
    return (TickType_t)(((uint64_t)ms + portTICK_PERIOD_MS - 1) / portTICK_PERIOD_MS);
}

static void bridge_task(void *arg)
{
    ew_core_boot(&s_core); /* hello with the reset reason, seq 0 */
    rx_chunk_t chunk;
    ew_event_t ev;
    for (;;) {
        /* Nothing here blocks but this wait: a blocking scan is a non-blocking one in the core,
         * so requests are answered (BUSY) and events pass while it runs. */
        QueueSetMemberHandle_t ready = xQueueSelectFromSet(s_set, ticks_until(ew_core_wait_ms(&s_core)));
        /* the set hands out one member per queued item, in arrival order */
        if (ready == s_ev_q && xQueueReceive(s_ev_q, &ev, 0) == pdTRUE) {
            ew_core_on_event(&s_core, &ev);
        } else if (ready == s_rx_q && xQueueReceive(s_rx_q, &chunk, 0) == pdTRUE) {
            ew_core_rx(&s_core, chunk.data, chunk.len);
        }
        if (s_lost > 0 && uxQueueMessagesWaiting(s_ev_q) == 0) {
            deliver_lost(); /* after what was queued before the loss, so the order holds */
        }
        ew_core_poll(&s_core);
    }
}

esp_err_t espwifi_idf_start(void)
{
    if (s_set != NULL) {
        return ESP_ERR_INVALID_STATE;
    }
    s_rx_q = xQueueCreate(EW_RX_QUEUE_LEN, sizeof(rx_chunk_t));
    s_ev_q = xQueueCreate(CONFIG_ESPWIFI_EVENT_QUEUE_LEN, sizeof(ew_event_t));
    s_set = xQueueCreateSet(EW_RX_QUEUE_LEN + CONFIG_ESPWIFI_EVENT_QUEUE_LEN);
    if (s_rx_q == NULL || s_ev_q == NULL || s_set == NULL ||
        xQueueAddToSet(s_rx_q, s_set) != pdPASS || xQueueAddToSet(s_ev_q, s_set) != pdPASS) {
        return ESP_ERR_NO_MEM;
    }
    esp_err_t err = ew_idf_channel_init();
    if (err != ESP_OK) {
        return err;
    }
    err = ew_core_init(&s_core, &s_port);
    if (err != EW_OK) {
        ESP_LOGE(TAG, "ew_core_init: 0x%lx", (unsigned long)err);
        return ESP_FAIL;
    }
    if (xTaskCreate(bridge_task, "ew_bridge", CONFIG_ESPWIFI_TASK_STACK, NULL,
                    CONFIG_ESPWIFI_TASK_PRIORITY, NULL) != pdPASS ||
        xTaskCreate(reader_task, "ew_reader", EW_READER_STACK, NULL,
                    CONFIG_ESPWIFI_TASK_PRIORITY + 1, NULL) != pdPASS) {
        return ESP_ERR_NO_MEM;
    }
    ESP_LOGI(TAG, "bridge up (protocol %s)", EW_PROTO_VERSION);
    return ESP_OK;
}
