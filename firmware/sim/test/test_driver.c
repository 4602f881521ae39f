/*
 * Driver-level checks that the protocol cannot reach because the core guards them (it clears
 * unfetched records before a new scan and refuses a second ap_records): the simulated driver
 * itself must leak an unfetched list, and a second get_ap_records must get 0 records.
 * Built and run by `make -C firmware/sim check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

/* the few board services the driver uses, without a pty or a core (the RNG is sim_rng.c) */
void uart_esp_log(char level, const char *tag, const char *fmt, ...) { (void)level; (void)tag; (void)fmt; }
uint64_t boot_time(void) { return 0; }
void board_run_until(bool (*done)(void))
{
    while (!done()) { clock_advance(1); timers_run_due(); }
}

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static void run_ms(uint64_t ms) { for (uint64_t i = 0; i < ms; i++) { clock_advance(1); timers_run_due(); } }

static int count_events(ew_event_id_t id)
{
    int n = 0;
    ew_event_t ev;
    while (wifi_event_pop(&ev)) n += ev.id == id;
    return n;
}

static bool diag_has(const char *kv)
{
    char d[1200];
    wifi_diag(d, sizeof d);
    char pat[80];
    snprintf(pat, sizeof pat, " %s ", kv);
    char padded[1300];
    snprintf(padded, sizeof padded, " %s ", d);
    return strstr(padded, pat) != NULL;
}

static void sink(void *ctx, const ew_ap_record_t *r) { (void)r; (*(int *)ctx)++; }

int main(void)
{
    clock_init(1);
    world_init();
    for (int i = 0; i < 3; i++) {
        sim_ap_t *ap = world_ap_add();
        ap->ssid_len = 4;
        memcpy(ap->ssid, "Net0", 4);
        ap->ssid[3] = (uint8_t)('0' + i);
        ap->bssid[5] = (uint8_t)(i + 1);
        ap->channel = (uint8_t)(1 + 5 * i);
    }
    ew_wifi_ops_t p = sim_wifi_ops;
    wifi_reset();
    CHECK(p.scan_start(NULL, &(ew_scan_config_t){ 0 }, false) == EW_ERR_WIFI_NOT_INIT);
    CHECK(p.init(NULL) == EW_OK);
    CHECK(p.scan_start(NULL, &(ew_scan_config_t){ 0 }, false) == EW_ERR_WIFI_NOT_STARTED);
    CHECK(p.start(NULL) == EW_OK);
    CHECK(count_events(EW_EV_STA_START) == 1);

    ew_scan_config_t c = { 0 };
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(13 * 120);
    CHECK(count_events(EW_EV_SCAN_DONE) == 1);
    CHECK(diag_has("held_records=3"));
    /* a new scan finishing while the list is held: the driver loses it */
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(13 * 120);
    CHECK(count_events(EW_EV_SCAN_DONE) == 1);
    CHECK(diag_has("leaked_scans=1"));
    CHECK(diag_has("leaked_records=3"));

    uint16_t n = 10;
    int got = 0;
    CHECK(p.scan_get_ap_records(NULL, &n, sink, &got) == EW_OK);
    CHECK(n == 3 && got == 3);
    n = 10;
    got = 0;
    CHECK(p.scan_get_ap_records(NULL, &n, sink, &got) == EW_OK);
    CHECK(n == 0 && got == 0); /* freed by the first call */
    uint16_t num = 99;
    CHECK(p.scan_get_ap_num(NULL, &num) == EW_OK && num == 0);

    /* max smaller than the list: the rest is freed too */
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(13 * 120);
    n = 1;
    got = 0;
    CHECK(p.scan_get_ap_records(NULL, &n, sink, &got) == EW_OK && n == 1);
    CHECK(p.scan_get_ap_num(NULL, &num) == EW_OK && num == 0);

    /* clear_ap_list prevents the leak */
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(13 * 120);
    CHECK(p.clear_ap_list(NULL) == EW_OK);
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(13 * 120);
    CHECK(diag_has("leaked_scans=1"));
    CHECK(diag_has("cleared_lists=1"));

    /* blocking: returns with the records, no SCAN_DONE */
    count_events(EW_EV_SCAN_DONE);
    CHECK(p.clear_ap_list(NULL) == EW_OK);
    uint64_t t0 = vnow();
    CHECK(p.scan_start(NULL, &(ew_scan_config_t){ .channel = 6 }, true) == EW_OK);
    CHECK(vnow() - t0 >= 120);
    CHECK(p.scan_get_ap_num(NULL, &num) == EW_OK && num == 1);
    CHECK(count_events(EW_EV_SCAN_DONE) == 0);

    /* scan_stop posts SCAN_DONE with status 1 */
    CHECK(p.scan_start(NULL, &c, false) == EW_OK);
    run_ms(200);
    CHECK(p.scan_stop(NULL) == EW_OK);
    ew_event_t ev;
    bool stopped = false;
    while (wifi_event_pop(&ev)) stopped |= ev.id == EW_EV_SCAN_DONE && ev.u.scan_done.status == 1;
    CHECK(stopped);

    CHECK(p.deinit(NULL) == EW_ERR_WIFI_NOT_STOPPED);
    wifi_reset(); /* frees the list: no leak reported by ASan */
    if (failures) { fprintf(stderr, "%d driver check(s) failed\n", failures); return 1; }
    puts("sim driver checks passed");
    return 0;
}
