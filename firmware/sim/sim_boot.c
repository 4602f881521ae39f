/*
 * What an ESP32-C3 prints on UART0 between a reset and the app: the ROM banner, the 2nd stage
 * bootloader, the app's startup logs; and the panic handler's dump. The host must treat all of
 * it as device log, so the sim reproduces it line for line (values are plausible, not real).
 */
#include <stdio.h>
#include <string.h>
#include "sim.h"

#define IDF_VERSION "v5.5.1"

static bool g_booting;
static ew_reset_reason_t g_reason = EW_RESET_REASON_POWERON;
static uint64_t g_boot_time;

bool boot_in_progress(void) { return g_booting; }
ew_reset_reason_t boot_reason(void) { return g_reason; }
uint64_t boot_time(void) { return g_boot_time; }

static const char *rom_rst(ew_reset_reason_t r)
{
    switch (r) {
    case EW_RESET_REASON_POWERON: case EW_RESET_REASON_EXT: return "0x1 (POWERON)";
    case EW_RESET_REASON_SW: case EW_RESET_REASON_PANIC: case EW_RESET_REASON_TASK_WDT:
    case EW_RESET_REASON_INT_WDT: return "0xc (RTC_SW_CPU_RST)";
    case EW_RESET_REASON_WDT: return "0x7 (TG0WDT_SYS_RST)";
    case EW_RESET_REASON_DEEPSLEEP: return "0x5 (DSLEEP)";
    case EW_RESET_REASON_BROWNOUT: return "0xf (RTC_BROWN_OUT_RST)";
    case EW_RESET_REASON_USB: return "0x15 (USB_UART_CHIP_RESET)";
    case EW_RESET_REASON_JTAG: return "0x13 (JTAG_RST)";
    case EW_RESET_REASON_EFUSE: return "0x14 (EFUSE_RST)";
    case EW_RESET_REASON_PWR_GLITCH: return "0x17 (PWR_GLITCH_RST)";
    case EW_RESET_REASON_CPU_LOCKUP: return "0x18 (CPU_LOCKUP_RST)";
    default: return "0x9 (RTC_SW_SYS_RST)";
    }
}

static void stage_bootloader(void *arg)
{
    (void)arg;
    uart_esp_log('I', "boot", "ESP-IDF " IDF_VERSION " 2nd stage bootloader");
    uart_esp_log('I', "boot", "compile time Nov 24 2026 14:00:00");
    uart_esp_log('I', "boot", "chip revision: v0.4");
    uart_esp_log('I', "boot", "efuse block revision: v1.3");
    uart_esp_log('I', "boot.esp32c3", "SPI Speed      : 80MHz");
    uart_esp_log('I', "boot.esp32c3", "SPI Mode       : DIO");
    uart_esp_log('I', "boot.esp32c3", "SPI Flash Size : 4MB");
    uart_esp_log('I', "boot", "Enabling RNG early entropy source...");
    uart_esp_log('I', "boot", "Partition Table:");
    uart_esp_log('I', "boot", "## Label            Usage          Type ST Offset   Length");
    uart_esp_log('I', "boot", " 0 nvs              WiFi data        01 02 00009000 00006000");
    uart_esp_log('I', "boot", " 1 phy_init         RF data          01 01 0000f000 00001000");
    uart_esp_log('I', "boot", " 2 factory          factory app      00 00 00010000 00100000");
    uart_esp_log('I', "boot", "End of partition table");
    uart_esp_log('I', "esp_image", "segment 0: paddr=00010020 vaddr=3c0a0020 size=1e4a8h (124072) map");
    uart_esp_log('I', "esp_image", "segment 1: paddr=0002e4d0 vaddr=3fc91e00 size=01b48h (  6984) load");
    uart_esp_log('I', "esp_image", "segment 2: paddr=00030020 vaddr=42000020 size=9b3e0h (635872) map");
    uart_esp_log('I', "boot", "Loaded app from partition at offset 0x10000");
    uart_esp_log('I', "boot", "Disabling RNG early entropy source...");
}

static void stage_app(void *arg)
{
    (void)arg;
    uart_esp_log('I', "cpu_start", "Unicore app");
    uart_esp_log('I', "cpu_start", "Pro cpu start user code");
    uart_esp_log('I', "cpu_start", "cpu freq: 160000000 Hz");
    uart_esp_log('I', "app_init", "Application information:");
    uart_esp_log('I', "app_init", "Project name:     espwifi");
    uart_esp_log('I', "app_init", "App version:      0.1.0");
    uart_esp_log('I', "app_init", "ESP-IDF:          " IDF_VERSION);
    uart_esp_log('I', "heap_init", "Initializing. RAM available for dynamic allocation:");
    uart_esp_log('I', "heap_init", "At 3FC99B30 len 00026AE0 (154 KiB): RAM");
    uart_esp_log('I', "spi_flash", "detected chip: generic");
    uart_esp_log('I', "spi_flash", "flash io: dio");
    uart_esp_log('I', "sleep_gpio", "Configure to isolate all GPIO pins in sleep state");
    uart_esp_log('I', "main_task", "Started on CPU0");
    uart_esp_log('I', "main_task", "Calling app_main()");
}

static void stage_core(void *arg)
{
    (void)arg;
    g_booting = false;
    board_core_boot();
}

void boot_start(ew_reset_reason_t reason)
{
    timer_cancel_kind("boot.");
    g_reason = reason;
    g_booting = true;
    g_boot_time = vnow();
    uart_puts("ESP-ROM:esp32c3-api1-20210207\r\n");
    uart_puts("Build:Feb  7 2021\r\n");
    uart_printf("rst:%s,boot:0xc (SPI_FAST_FLASH_BOOT)\r\n", rom_rst(reason));
    if (reason != EW_RESET_REASON_POWERON) uart_puts("Saved PC:0x40048b82\r\n");
    uart_puts("SPIWP:0xee\r\n");
    uart_puts("mode:DIO, clock div:1\r\n");
    uart_puts("load:0x3fcd5820,len:0x1714\r\n");
    uart_puts("load:0x403cc710,len:0x968\r\n");
    uart_puts("load:0x403ce710,len:0x2f9c\r\n");
    uart_puts("entry 0x403cc710\r\n");
    timer_in(30, stage_bootloader, NULL, "boot.bl");
    timer_in(190, stage_app, NULL, "boot.app");
    timer_in(280, stage_core, NULL, "boot.core");
}

void boot_panic(void)
{
    static const char *const regs[] = { "MEPC    ", "RA      ", "SP      ", "GP      ", "TP      ", "T0      ",
                                        "T1      ", "T2      ", "S0/FP   ", "S1      ", "A0      ", "A1      ",
                                        "A2      ", "A3      ", "A4      ", "A5      ", "A6      ", "A7      " };
    uart_puts("Guru Meditation Error: Core  0 panic'ed (Load access fault). Exception was unhandled.\r\n\r\n");
    uart_puts("Core  0 register dump:\r\n");
    char line[200];
    size_t o = 0;
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++) {
        uint32_t v = (i < 3) ? 0x42000000u + (rng_next() & 0xffff) : rng_next();
        o += (size_t)snprintf(line + o, sizeof line - o, "%s: 0x%08x  ", regs[i], v);
        if (i % 4 == 3) { uart_printf("%s\r\n", line); o = 0; }
    }
    if (o) uart_printf("%s\r\n", line);
    uart_puts("MSTATUS : 0x00001881  MTVEC   : 0x40380001  MCAUSE  : 0x00000005  MTVAL   : 0x00000000  \r\n");
    uart_puts("MHARTID : 0x00000000  \r\n\r\n");
    uart_puts("Backtrace: ");
    for (int i = 0; i < 4; i++) uart_printf("0x%08x:0x%08x ", 0x42000000u + (rng_next() & 0xfffff), 0x3fc90000u + (rng_next() & 0xffff));
    uart_puts("\r\n\r\nStack memory:\r\n");
    for (int i = 0; i < 4; i++)
        uart_printf("3fc9e%03x: 0x%08x 0x%08x 0x%08x 0x%08x 0x%08x 0x%08x 0x%08x 0x%08x\r\n", 0x8f0 + i * 32, rng_next(),
                    rng_next(), rng_next(), rng_next(), rng_next(), rng_next(), rng_next(), rng_next());
    uart_puts("\r\n\r\nELF file SHA256: 2f3c0d9e41a7b5c8\r\n\r\nRebooting...\r\n");
}
