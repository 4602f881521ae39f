/*
 * The serial channel: UART (default) or USB-Serial-JTAG, chosen in menuconfig.
 *
 * Frames and device log share the wire when the channel is also the ESP-IDF console, and the host
 * can only tell them apart line by line. So every write here is one driver call under one mutex:
 *   - a frame line is written whole, and if a log line is still open (a log call that did not end
 *     with '\n') a '\n' goes first, so the frame always starts a line;
 *   - ESP_LOG output is routed through esp_log_set_vprintf() into the same writer, so a log line
 *     is never split by a frame either.
 * Plain printf() from other code goes through the console VFS switched to the driver (so it does
 * not fight the driver for the FIFO), but byte by byte: such output can still precede a frame on
 * the same line; the host then counts that frame as log. The same holds for a log line written
 * in several calls (the Wi-Fi blob does that, and Log V2 too): a frame may come between its
 * parts, on a line of its own, and the rest of the log line follows on the next. Output of the
 * ROM path (esp_rom_printf, ESP_EARLY_LOG, panic handler) bypasses the lock altogether.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "ew_idf_priv.h"

#if CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG
#include "soc/soc_caps.h"
#if !SOC_USB_SERIAL_JTAG_SUPPORTED
#error "ESPWIFI_CHANNEL_USB_SERIAL_JTAG needs a chip with USB-Serial-JTAG (ESP32-C3/C6/S3/H2...)"
#endif
#include "driver/usb_serial_jtag.h"
#if CONFIG_ESP_CONSOLE_USB_SERIAL_JTAG_ENABLED
#include "driver/usb_serial_jtag_vfs.h"
#endif
/* ESP_LOG already goes to USB-Serial-JTAG (as primary or secondary console): share it safely. */
#define EW_CHANNEL_IS_CONSOLE (CONFIG_ESP_CONSOLE_USB_SERIAL_JTAG_ENABLED + 0)
#else
#include "driver/uart.h"
#if EW_IDF_AT_LEAST(5, 3, 0)
#include "driver/uart_vfs.h"
#define ew_uart_vfs_use_driver(n) uart_vfs_dev_use_driver(n)
#else
#include "esp_vfs_dev.h"
#define ew_uart_vfs_use_driver(n) esp_vfs_dev_uart_use_driver(n)
#endif
#if defined(CONFIG_ESP_CONSOLE_UART) && defined(CONFIG_ESP_CONSOLE_UART_NUM)
#define EW_CHANNEL_IS_CONSOLE (CONFIG_ESP_CONSOLE_UART_NUM == CONFIG_ESPWIFI_UART_NUM)
#else
#define EW_CHANNEL_IS_CONSOLE 0
#endif
#define EW_UART ((uart_port_t)CONFIG_ESPWIFI_UART_NUM)
#endif

static const char *TAG = "ew_channel";

static SemaphoreHandle_t s_tx_lock;
/* Last byte written was not '\n'. It starts true: the boot log may have left a line open (or
 * cut), and the hello must start a line of its own. */
static bool s_line_open = true;

#if CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG
/* ESP-IDF's own USB-Serial-JTAG console policy: with no USB host reading, wait once (up to 50 ms)
 * for room, then drop output without waiting until a write gets through again. Waiting 500 ms
 * per line under the lock stalled every logging task, the Wi-Fi task included (longer than the
 * driver's own auth/assoc timers). */
#define EW_USJ_WAIT_MS 50
static bool s_usj_stalled;

static size_t wire_write(const char *data, size_t len)
{
    int n = usb_serial_jtag_write_bytes(data, len, 0);
    size_t done = n > 0 ? (size_t)n : 0;
    if (done < len && !s_usj_stalled) {
        n = usb_serial_jtag_write_bytes(data + done, len - done, pdMS_TO_TICKS(EW_USJ_WAIT_MS));
        done += n > 0 ? (size_t)n : 0;
    }
    s_usj_stalled = done < len;
    return done;
}
#else
/* A UART always drains (no flow control): wait for room, however slow the baud rate (9600 is
 * allowed: a 1 KB line takes ~1 s); a frame is never dropped. */
static size_t wire_write(const char *data, size_t len)
{
    int n = uart_write_bytes(EW_UART, data, len);
    return n > 0 ? (size_t)n : 0;
}
#endif

static void raw_write(const char *data, size_t len)
{
    size_t done = len > 0 ? wire_write(data, len) : 0;
    if (done > 0) {
        s_line_open = data[done - 1] != '\n';
    }
}

void ew_idf_channel_write_line(const char *line, size_t len)
{
    /* Every holder of the lock finishes within a bounded time (see wire_write), so waiting for
     * it cannot hang; giving up instead would drop a frame. */
    xSemaphoreTake(s_tx_lock, portMAX_DELAY);
    if (s_line_open) {
        raw_write("\n", 1);
    }
    raw_write(line, len);
    xSemaphoreGive(s_tx_lock);
}

#if EW_CHANNEL_IS_CONSOLE
/* Log lines are formatted into a static buffer under the lock: ESP_LOG runs on every task,
 * some with small stacks, so the hook must not add a line buffer to the caller's stack. */
#define EW_LOG_LINE_MAX 256
static char s_log_line[EW_LOG_LINE_MAX];

/* esp_log_set_vprintf() hook: one log call -> one driver write, never interleaved with a frame. */
static int log_vprintf(const char *fmt, va_list ap)
{
    if (xSemaphoreGetMutexHolder(s_tx_lock) == xTaskGetCurrentTaskHandle()) {
        return 0; /* a driver logging from inside our own write: it would deadlock, drop it */
    }
    xSemaphoreTake(s_tx_lock, portMAX_DELAY); /* bounded: see ew_idf_channel_write_line */
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(s_log_line, sizeof(s_log_line), fmt, ap);
    const char *text = s_log_line;
    char *big = NULL;
    if (n >= (int)sizeof(s_log_line)) {
        big = malloc((size_t)n + 1);
        if (big != NULL) {
            vsnprintf(big, (size_t)n + 1, fmt, again);
            text = big;
        } else {
            n = sizeof(s_log_line) - 1; /* out of memory: keep the truncated line */
        }
    }
    va_end(again);
    if (n > 0) {
        raw_write(text, (size_t)n);
    }
    xSemaphoreGive(s_tx_lock);
    free(big);
    return n;
}
#endif

esp_err_t ew_idf_channel_init(void)
{
    s_tx_lock = xSemaphoreCreateMutex();
    if (s_tx_lock == NULL) {
        return ESP_ERR_NO_MEM;
    }
    esp_err_t err;
#if CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG
    usb_serial_jtag_driver_config_t cfg = {
        .tx_buffer_size = CONFIG_ESPWIFI_TX_BUFFER,
        .rx_buffer_size = CONFIG_ESPWIFI_RX_BUFFER,
    };
    err = usb_serial_jtag_driver_install(&cfg);
    if (err != ESP_OK) {
        ESP_LOGE(TAG, "usb_serial_jtag_driver_install: %s", esp_err_to_name(err));
        return err;
    }
#if CONFIG_ESP_CONSOLE_USB_SERIAL_JTAG_ENABLED
    usb_serial_jtag_vfs_use_driver(); /* console writes now queue behind ours instead of racing */
#endif
#else
    /* uart_param_config resets the FIFOs: boot and app log still in stdout's buffer or in the TX
     * FIFO would be cut off mid-line and glued to the hello. Let it leave the chip first. */
    fflush(stdout);
    uart_wait_tx_idle_polling(EW_UART);
    const uart_config_t cfg = {
        .baud_rate = CONFIG_ESPWIFI_UART_BAUD,
        .data_bits = UART_DATA_8_BITS,
        .parity = UART_PARITY_DISABLE,
        .stop_bits = UART_STOP_BITS_1,
        .flow_ctrl = UART_HW_FLOWCTRL_DISABLE,
        .source_clk = UART_SCLK_DEFAULT,
    };
    err = uart_driver_install(EW_UART, CONFIG_ESPWIFI_RX_BUFFER, CONFIG_ESPWIFI_TX_BUFFER, 0, NULL, 0);
    if (err == ESP_OK) {
        err = uart_param_config(EW_UART, &cfg);
    }
    if (err == ESP_OK && (CONFIG_ESPWIFI_UART_TX_PIN >= 0 || CONFIG_ESPWIFI_UART_RX_PIN >= 0)) {
        err = uart_set_pin(EW_UART, CONFIG_ESPWIFI_UART_TX_PIN, CONFIG_ESPWIFI_UART_RX_PIN,
                           UART_PIN_NO_CHANGE, UART_PIN_NO_CHANGE);
    }
    if (err != ESP_OK) {
        ESP_LOGE(TAG, "UART%d setup: %s", CONFIG_ESPWIFI_UART_NUM, esp_err_to_name(err));
        return err;
    }
#if EW_CHANNEL_IS_CONSOLE
    ew_uart_vfs_use_driver(CONFIG_ESPWIFI_UART_NUM);
#endif
#endif
#if EW_CHANNEL_IS_CONSOLE
    esp_log_set_vprintf(log_vprintf);
#endif
    return ESP_OK;
}

size_t ew_idf_channel_read(uint8_t *buf, size_t cap, uint32_t timeout_ms)
{
#if CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG
    int n = usb_serial_jtag_read_bytes(buf, (uint32_t)cap, pdMS_TO_TICKS(timeout_ms));
    return n > 0 ? (size_t)n : 0; /* returns what is there as soon as anything arrived */
#else
    /* uart_read_bytes waits for all `cap` bytes; wait for the first one only, then take whatever
     * else is already buffered, so a request is dispatched as soon as it arrived. */
    if (cap == 0 || uart_read_bytes(EW_UART, buf, 1, pdMS_TO_TICKS(timeout_ms)) != 1) {
        return 0;
    }
    size_t more = 0;
    if (uart_get_buffered_data_len(EW_UART, &more) != ESP_OK) {
        more = 0;
    }
    if (more > cap - 1) {
        more = cap - 1;
    }
    int n = more > 0 ? uart_read_bytes(EW_UART, buf + 1, (uint32_t)more, 0) : 0;
    return 1 + (n > 0 ? (size_t)n : 0);
#endif
}

void ew_idf_channel_flush(uint32_t timeout_ms)
{
#if CONFIG_ESPWIFI_CHANNEL_USB_SERIAL_JTAG
    usb_serial_jtag_wait_tx_done(pdMS_TO_TICKS(timeout_ms));
#else
    uart_wait_tx_done(EW_UART, pdMS_TO_TICKS(timeout_ms));
#endif
}
