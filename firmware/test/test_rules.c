/* Every firmware-side rule (DESIGN.md "Rules — who enforces what"), each command's mapping to the
 * port, and event serialization, against the fake port. */
#define _GNU_SOURCE   /* memmem */
#include <stdlib.h>
#include "harness.h"
#include "fake_port.h"
#include "ew_commands_gen.h"

static fake_t fk;
static ew_core_t core;

static void fresh(void)
{
    fake_init(&fk);
    ew_core_init(&core, &fk.port);
}

static const char *req(const char *text)
{
    fake_clear_out(&fk);
    fake_send(&fk, &core, text);
    return fake_line(&fk, 0);
}

static int32_t stack_free_1500(void *ctx) { (void)ctx; return 1500; }

static void ev(ew_event_t e) { fake_clear_out(&fk); ew_core_on_event(&core, &e); }

static void to_started(void)
{
    fresh();
    CHECK_PREFIX(req("q1 init"), "~r1 ok *");
    CHECK_PREFIX(req("q2 mode m=sta"), "~r2 ok *");
    CHECK_PREFIX(req("q3 start"), "~r3 ok *");
}

/* Keys of a line in order, e.g. "phase mode scan". */
static void keys_of(const char *line, char *out, size_t cap)
{
    ew_frame_t f;
    size_t n = 0;
    out[0] = 0;
    if (ew_frame_decode(line, strlen(line), &f, NULL) != EW_OK) { snprintf(out, cap, "(undecodable)"); return; }
    for (int i = 0; i < f.ntok; i++)
        if (f.tok[i].key) n += (size_t)snprintf(out + n, cap - n, "%s%.*s", n ? " " : "", f.tok[i].key_len, f.tok[i].key);
}

static void test_phase_guards(void)
{
    char line[128], want[64];
    fresh();
    /* every Wi-Fi command before init: WIFI_NOT_INIT, and the driver is not called */
    for (int c = 0; c < EW_CMD__COUNT; c++) {
        if (c == EW_CMD_PING || c == EW_CMD_INFO || c == EW_CMD_STATUS || c == EW_CMD_INIT || c == EW_CMD_RESET) continue;
        const ew_cmd_spec_t *s = &ew_cmd_specs[c];
        snprintf(line, sizeof line, "q4 %s", ew_cmd_verb(s));
        for (int a = 0; a < s->nargs; a++) {
            const ew_arg_spec_t *as = ew_cmd_arg(s, a);
            if (!(as->flags & EW_ARGF_REQUIRED)) continue;
            const char *v = as->type == EW_ARGT_ENUM ? ew_arg_names(as)[0] : as->type == EW_ARGT_FLAGS ? "b" :
                            as->type == EW_ARGT_BYTES ? (as->min == 2 ? "DE" : "x") : as->type == EW_ARGT_INT ? "3" : "0";
            snprintf(line + strlen(line), sizeof line - strlen(line), " %s=%s", ew_arg_name(as), v);
        }
        CHECK_PREFIX(req(line), "~r4 err WIFI_NOT_INIT esp=0x3001 *");
    }
    int total = 0;
    for (int k = 0; k < FK__COUNT; k++) total += fk.calls[k];
    CHECK(total == 0, "driver called %d times before init", total);

    CHECK_PREFIX(req("q5 init"), "~r5 ok *");
    CHECK(core.phase == EW_PHASE_INIT, "phase init");
    CHECK_PREFIX(req("q6 init"), "~r6 err INVALID_STATE esp=0x103 *");
    CHECK(fk.calls[FK_INIT] == 1, "second init not passed to the driver");

    const char *need_start[] = { "connect", "disconnect", "scan", "scan_stop" };
    for (int i = 0; i < 4; i++) {
        snprintf(line, sizeof line, "q7 %s", need_start[i]);
        CHECK_PREFIX(req(line), "~r7 err WIFI_NOT_STARTED esp=0x3002 *");
    }
    CHECK(fk.calls[FK_CONNECT] + fk.calls[FK_DISCONNECT] + fk.calls[FK_SCAN_START] + fk.calls[FK_SCAN_STOP] == 0, "not called");

    CHECK_PREFIX(req("q8 start"), "~r8 ok *");
    CHECK(core.phase == EW_PHASE_STARTED, "phase started");
    CHECK_PREFIX(req("q9 deinit"), "~r9 err WIFI_NOT_STOPPED esp=0x3003 *");
    CHECK(fk.calls[FK_DEINIT] == 0, "deinit not called while started");
    CHECK_PREFIX(req("q10 stop"), "~r10 ok *");
    CHECK(core.phase == EW_PHASE_INIT, "phase init after stop");
    CHECK_PREFIX(req("q11 deinit"), "~r11 ok *");
    CHECK(core.phase == EW_PHASE_UNINIT && fk.calls[FK_DEINIT] == 1, "deinit");

    /* port errors pass through by name with the number; unknown numbers as FAIL */
    to_started();
    fk.err[FK_CONNECT] = EW_ERR_WIFI_CONN;
    CHECK_PREFIX(req("q12 connect"), "~r12 err WIFI_CONN esp=0x3007 *");
    CHECK(core.phase == EW_PHASE_STARTED, "failed connect keeps phase");
    fk.err[FK_CONNECT] = 0x3017;
    CHECK_PREFIX(req("q13 connect"), "~r13 err UNKNOWN esp=0x3017 *");
    fk.err[FK_CONNECT] = EW_ERR_FAIL;
    CHECK_PREFIX(req("q14 connect"), "~r14 err FAIL esp=-0x1 *");
    fk.err[FK_CONNECT] = EW_OK;
    CHECK_PREFIX(req("q15 connect"), "~r15 ok *");
    CHECK(core.phase == EW_PHASE_CONNECTING, "connecting");
    CHECK_PREFIX(req("q16 disconnect"), "~r16 ok *");
    CHECK(core.phase == EW_PHASE_STARTED, "disconnect while connecting drops back to started");

    /* a NULL op is NOT_SUPPORTED */
    fk.wifi.set_ps = NULL;
    snprintf(want, sizeof want, "~r17 err NOT_SUPPORTED esp=0x106 *");
    CHECK_PREFIX(req("q17 ps mode=max"), want);
}

static void test_scan_rules(void)
{
    /* scan while connecting: WIFI_STATE, driver untouched */
    to_started();
    req("q1 connect");
    CHECK_PREFIX(req("q2 scan"), "~r2 err WIFI_STATE esp=0x3006 *");
    CHECK(fk.calls[FK_SCAN_START] == 0, "scan_start not called while connecting");
    CHECK_PREFIX(req("q2 scan_stop"), "~r2 err WIFI_STATE esp=0x3006 *");
    CHECK_PREFIX(req("q2 config ssid=x"), "~r2 err WIFI_STATE esp=0x3006 *");
    CHECK_PREFIX(req("q2 connect"), "~r2 err WIFI_CONN esp=0x3007 *");
    CHECK(fk.calls[FK_SCAN_STOP] + fk.calls[FK_SET_CONFIG] == 0 && fk.calls[FK_CONNECT] == 1, "guards before the driver");

    /* ap_num/ap_records/inactive_time need a started driver */
    fresh();
    req("q1 init");
    CHECK_PREFIX(req("q3 ap_records"), "~r3 err WIFI_NOT_STARTED esp=0x3002 *");
    CHECK_PREFIX(req("q3 ap_num"), "~r3 err WIFI_NOT_STARTED esp=0x3002 *");
    CHECK_PREFIX(req("q3 inactive_time sec=6"), "~r3 err WIFI_NOT_STARTED esp=0x3002 *");

    to_started();
    CHECK_PREFIX(req("q4 ap_records"), "~r4 err NO_SCAN *");
    CHECK_PREFIX(req("q5 ap_num"), "~r5 err NO_SCAN *");
    CHECK_PREFIX(req("q6 scan ch=6 type=passive passive=200 ssid=my\\snet hidden=1 home=50 min=10 max=20 coex=1"), "~r6 ok n=0 *");
    CHECK(fk.scan_cfg.channel == 6 && fk.scan_cfg.scan_type == EW_SCAN_TYPE_PASSIVE && fk.scan_cfg.passive_ms == 200 &&
          fk.scan_cfg.ssid_len == 6 && memcmp(fk.scan_cfg.ssid, "my net", 6) == 0 && fk.scan_cfg.show_hidden &&
          fk.scan_cfg.home_chan_dwell_ms == 50 && fk.scan_cfg.active_min_ms == 10 && fk.scan_cfg.active_max_ms == 20 &&
          fk.scan_cfg.coex_background && !fk.scan_block, "scan config mapped");
    CHECK_PREFIX(req("q7 scan"), "~r7 err SCAN_IN_PROGRESS *");
    CHECK(fk.calls[FK_SCAN_START] == 1, "second scan refused before the driver");
    CHECK_PREFIX(req("q8 ap_records"), "~r8 err SCAN_IN_PROGRESS *");
    CHECK_PREFIX(req("q8 ap_num"), "~r8 err SCAN_IN_PROGRESS *");
    CHECK_PREFIX(req("q8 connect"), "~r8 err SCAN_IN_PROGRESS *");
    CHECK(fk.calls[FK_CONNECT] == 0, "connect during a user scan refused before the driver");
    CHECK_PREFIX(req("q9 status"), "~r9 ok phase=started mode=sta scan=running ");

    fake_add_rec(&fk, "my net=1", -62);
    fake_add_rec(&fk, "", -80);
    fk.recs[1].phy = 0;
    fk.recs[1].second = EW_SECOND_ABOVE;
    fk.recs[1].bw = EW_BW_HT40;
    memcpy(fk.recs[1].cc, "US", 3);
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 0, .number = 2, .scan_id = 5 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 scan_done status=0 n=2 scan_id=5 *");
    CHECK_PREFIX(req("q10 status"), "~r10 ok phase=started mode=sta scan=done scan_id=5 unfetched=2 ");
    CHECK_PREFIX(req("q11 ap_num"), "~r11 ok n=2 *");

    fake_clear_out(&fk);
    fake_send(&fk, &core, "q12 ap_records");
    CHECK(fk.nout == 3, "2 partials + reply, got %d", fk.nout);
    CHECK_PREFIX(fake_line(&fk, 2), "~p12 ap my\\snet\\x3d1 -62 307bac694191 1 wpa2 ccmp ccmp bgn *");
    CHECK_PREFIX(fake_line(&fk, 1), "~p12 ap \"\" -80 307bac694192 1 wpa2 ccmp ccmp - second=above bw=ht40 cc=US *");
    CHECK_PREFIX(fake_line(&fk, 0), "~r12 ok n=2 total=2 scan_id=5 *");
    /* compactness promise (DESIGN principle 7): 7-byte SSID, 2-digit id -> 60 bytes with '\n' */
    fake_add_rec(&fk, "UROVOAP", -62);
    core.scan_state = EW_SCAN_STATE_DONE;
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q13 ap_records");
    CHECK(fk.out_len[0] == 60, "ap partial is %zu bytes, promised 60", fk.out_len[0]);
    CHECK_PREFIX(req("q14 ap_records"), "~r14 err ALREADY_FETCHED *");
    CHECK(fk.calls[FK_SCAN_GET_AP_RECORDS] == 2, "second fetch not passed to the driver");
    CHECK_PREFIX(req("q15 status"), "~r15 ok phase=started mode=sta scan=fetched scan_id=5 unfetched=0 ");

    /* unfetched records are cleared (and counted, and warned about) before the next scan */
    CHECK_PREFIX(req("q16 scan"), "~r16 ok n=0 *");
    CHECK(fk.calls[FK_CLEAR_AP_LIST] == 0, "nothing to clear after a fetch");
    fake_add_rec(&fk, "a", -50);
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 0, .number = 1, .scan_id = 6 } });
    int warn = fk.nwarn;
    CHECK_PREFIX(req("q17 scan"), "~r17 ok n=0 *");
    CHECK(fk.calls[FK_CLEAR_AP_LIST] == 1 && fk.nwarn == warn + 1, "cleared once with a warning");
    CHECK(strstr(fk.last_log, "never fetched") != NULL, "warning says why: %s", fk.last_log);
    CHECK_PREFIX(req("q18 status"), "~r18 ok");
    CHECK(strstr(fake_line(&fk, 0), " cleared=1 ") != NULL, "status counts cleared: %s", fake_line(&fk, 0));
    CHECK(strstr(fake_line(&fk, 0), "stack_free") == NULL, "no stack_free from a port that cannot tell");
    fk.sys.stack_free = stack_free_1500;
    CHECK_PREFIX(req("q18 status"), "~r18 ok");
    CHECK(strstr(fake_line(&fk, 0), " cleared=1 stack_free=1500 *") != NULL, "status reports the port's stack margin: %s", fake_line(&fk, 0));
    fk.sys.stack_free = NULL;

    /* a failing scan_start leaves no scan running */
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 1, .number = 0, .scan_id = 7 } });
    req("q19 ap_records");
    fk.err[FK_SCAN_START] = EW_ERR_WIFI_TIMEOUT;
    CHECK_PREFIX(req("q20 scan"), "~r20 err WIFI_TIMEOUT esp=0x300c *");
    CHECK(core.scan_state != EW_SCAN_STATE_RUNNING, "not running after a failed start");
    fk.err[FK_SCAN_START] = EW_OK;

    /* scan_stop passes through; the SCAN_DONE that follows ends the scan */
    CHECK_PREFIX(req("q24 scan"), "~r24 ok n=0 *");
    fk.err[FK_SCAN_STOP] = EW_ERR_WIFI_STATE;
    CHECK_PREFIX(req("q25 scan_stop"), "~r25 err WIFI_STATE esp=0x3006 *");
    fk.err[FK_SCAN_STOP] = EW_OK;
    CHECK_PREFIX(req("q26 scan_stop"), "~r26 ok *");
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 1, .number = 0, .scan_id = 9 } });
    CHECK(core.scan_state == EW_SCAN_STATE_DONE && core.scan_id == 9, "scan_done after stop");

    /* stop aborts a running scan; deinit forgets records */
    CHECK_PREFIX(req("q27 ap_records"), "~r27 ok n=0 total=0 scan_id=9 *");
    CHECK_PREFIX(req("q28 scan"), "~r28 ok n=0 *");
    CHECK_PREFIX(req("q29 stop"), "~r29 ok *");
    CHECK(core.scan_state == EW_SCAN_STATE_IDLE, "stop ends the scan");
    fk.err[FK_SCAN_GET_AP_RECORDS] = EW_ERR_WIFI_NOT_STARTED;
    core.scan_state = EW_SCAN_STATE_DONE;
    CHECK_PREFIX(req("q30 ap_records"), "~r30 err WIFI_NOT_STARTED esp=0x3002 *");
    CHECK(core.scan_state == EW_SCAN_STATE_DONE, "failed fetch keeps the records fetchable");
}

/* A blocking scan (§9.5): the driver would hold the bridge for the whole scan, so the core runs it
 * as a non-blocking one and keeps answering — BUSY for requests, events as they come — until the
 * scan's SCAN_DONE, which becomes the reply instead of an event. */
static void test_blocking_scan(void)
{
    to_started();
    fake_add_rec(&fk, "b1", -40);
    fake_add_rec(&fk, "b2", -41);
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q3 scan block=1");
    CHECK(fk.calls[FK_SCAN_START] == 1 && !fk.scan_block, "the driver is asked for a non-blocking scan");
    CHECK(fk.nout == 0, "no reply before the scan ends, got '%s'", fake_line(&fk, 0));
    CHECK_PREFIX(req("q90 status"), "~r90 err BUSY why=blocking\\sscan\\srunning *");
    CHECK_PREFIX(req("q91 connect"), "~r91 err BUSY ");
    CHECK_PREFIX(req("q92 reset"), "~r92 err BUSY ");
    CHECK(fk.calls[FK_CONNECT] == 0 && fk.restarts == 0, "nothing executed behind the scan's back");
    /* events keep flowing while the scan runs */
    ev((ew_event_t){ .id = EW_EV_RSSI_LOW, .u.rssi_low = { .rssi = -80 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 rssi_low rssi=-80 *");
    /* its SCAN_DONE is the reply, not an event */
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 0, .number = 2, .scan_id = 7 } });
    CHECK(fk.nout == 1, "one line for the scan's end, got %d", fk.nout);
    CHECK_PREFIX(fake_line(&fk, 0), "~r3 ok n=2 *");
    CHECK(core.scan_state == EW_SCAN_STATE_DONE && core.scan_id == 7, "scan done with the driver's id");
    CHECK_PREFIX(req("q4 ping"), "~r4 ok *");
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q5 ap_records max=1");
    CHECK_PREFIX(fake_line(&fk, 0), "~r5 ok n=1 total=2 scan_id=7 *");
    CHECK_PREFIX(req("q6 ap_records"), "~r6 err ALREADY_FETCHED *");
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e2 beacon_timeout *");

    /* a blocking scan the driver ends with status 1 (failed) is not an ok */
    CHECK(req("q10 scan block=1")[0] == 0, "no reply yet");
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 1, .number = 0, .scan_id = 8 } });
    CHECK(fk.nout == 1, "one line, got %d", fk.nout);
    CHECK_PREFIX(fake_line(&fk, 0), "~r10 err FAIL esp=-0x1 *");
    CHECK_PREFIX(req("q11 ping"), "~r11 ok *");

    /* a scan that cannot start is answered at once and leaves nothing blocked */
    fk.err[FK_SCAN_START] = EW_ERR_WIFI_STATE;
    CHECK_PREFIX(req("q7 scan block=1"), "~r7 err WIFI_STATE esp=0x3006 *");
    fk.err[FK_SCAN_START] = EW_OK;
    CHECK_PREFIX(req("q8 ping"), "~r8 ok *");
    CHECK(ew_core_wait_ms(&core) == EW_CORE_WAIT_FOREVER, "no deadline without a blocking scan");

    /* a scan whose SCAN_DONE never comes times out: stopped, WIFI_TIMEOUT, the core answers again;
     * the SCAN_DONE the stop brings is an ordinary event then */
    to_started();
    fk.now = 1000;
    CHECK(req("q3 scan block=1 ch=6")[0] == 0, "no reply yet");
    uint32_t wait = ew_core_wait_ms(&core);
    CHECK(wait >= 120 && wait < 10000, "deadline after one channel's dwell: %u ms", (unsigned)wait);
    fk.now += wait - 1;
    fake_clear_out(&fk);
    ew_core_poll(&core);
    CHECK(fk.nout == 0 && fk.calls[FK_SCAN_STOP] == 0, "nothing before the deadline");
    fk.now += 1;
    ew_core_poll(&core);
    CHECK(fk.calls[FK_SCAN_STOP] == 1, "the scan is stopped");
    CHECK_PREFIX(fake_line(&fk, 0), "~r3 err WIFI_TIMEOUT esp=0x300c *");
    CHECK_PREFIX(req("q4 ping"), "~r4 ok *");
    CHECK_PREFIX(req("q5 scan"), "~r5 err SCAN_IN_PROGRESS *");
    ev((ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .status = 1, .number = 0, .scan_id = 8 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 scan_done status=1 n=0 scan_id=8 *");
    /* a longer scan gets a longer deadline: 14 channels x 1500 ms passive */
    CHECK(req("q6 scan block=1 type=passive passive=1500")[0] == 0, "no reply yet");
    CHECK(ew_core_wait_ms(&core) >= 14 * 1500, "deadline covers the whole scan: %u ms", (unsigned)ew_core_wait_ms(&core));
    /* the longest legal scan, connected (home-channel visits): still under the host's 30 s */
    to_started();
    ev((ew_event_t){ .id = EW_EV_CONNECTED });
    CHECK(req("q3 scan block=1 type=passive passive=1500 home=255")[0] == 0, "no reply yet");
    CHECK(ew_core_wait_ms(&core) >= 14 * (1500 + 255) && ew_core_wait_ms(&core) < 30000, "deadline %u ms", (unsigned)ew_core_wait_ms(&core));
}

/* After a reset the driver restores mode and STA config from flash: init reads the mode back
 * instead of claiming null (issue: status said mode=null after reset + init). */
static void test_init_reads_mode(void)
{
    fresh();
    fk.mode = EW_MODE_STA;   /* what the flash held when the board reset */
    CHECK_PREFIX(req("q1 status"), "~r1 ok phase=uninit mode=null ");
    CHECK_PREFIX(req("q2 init"), "~r2 ok *");
    CHECK(fk.calls[FK_GET_MODE] == 1, "mode read after init");
    CHECK_PREFIX(req("q3 status"), "~r3 ok phase=init mode=sta ");
    /* a driver that cannot tell leaves the mode unknown (null) rather than guessing */
    fresh();
    fk.mode = EW_MODE_STA;
    fk.err[FK_GET_MODE] = EW_ERR_NOT_SUPPORTED;
    req("q1 init");
    CHECK_PREFIX(req("q2 status"), "~r2 ok phase=init mode=null ");
}

/* Events a port could not queue are a gap in the sequence, so the host re-syncs (§1). */
static void test_events_lost(void)
{
    fresh();
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 beacon_timeout *");
    int warn = fk.nwarn;
    ew_core_events_lost(&core, 2);
    CHECK(fk.nwarn == warn + 1 && strstr(fk.last_log, "2 driver events lost") != NULL, "loss logged: %s", fk.last_log);
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e4 beacon_timeout *");
    ew_core_events_lost(&core, 0);
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e5 beacon_timeout *");
    /* the wrap skips 0, which belongs to the hello */
    core.seq = UINT32_MAX - 1;
    ew_core_events_lost(&core, 2);
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e2 beacon_timeout *");
    core.seq = UINT32_MAX - 1;
    ew_core_events_lost(&core, 1);
    CHECK(core.seq == UINT32_MAX, "no wrap below UINT32_MAX: %u", (unsigned)core.seq);
    ew_core_events_lost(&core, UINT32_MAX);
    CHECK(core.seq == UINT32_MAX, "a whole cycle of 1..UINT32_MAX comes back: %u", (unsigned)core.seq);
    core.seq = 0;
    ew_core_events_lost(&core, UINT32_MAX);
    CHECK(core.seq == UINT32_MAX, "from the hello: %u", (unsigned)core.seq);
}

static void test_commands(void)
{
    char keys[512];
    to_started();
    CHECK_PREFIX(req("q1 config ssid=Home\\sNet\\xff pass=hunter2hunter2 bssid=307bac694190 ch=6 scan=all sort=security rssi=-70 auth=wpa2 pmf=required retry=3 listen=10"), "~r1 ok *");
    CHECK(fk.cfg.ssid_len == 9 && memcmp(fk.cfg.ssid, "Home Net\xff", 9) == 0, "ssid bytes");
    CHECK(fk.cfg.password_len == 14 && memcmp(fk.cfg.password, "hunter2hunter2", 14) == 0, "password bytes");
    CHECK(fk.cfg.bssid_set && fk.cfg.bssid[0] == 0x30 && fk.cfg.bssid[5] == 0x90 && fk.cfg.channel == 6, "bssid/ch");
    CHECK(fk.cfg.scan_method == EW_SCAN_METHOD_ALL && fk.cfg.sort_method == EW_SORT_METHOD_SECURITY &&
          fk.cfg.rssi_threshold == -70 && fk.cfg.auth_threshold == EW_AUTH_WPA2 && fk.cfg.pmf == EW_PMF_REQUIRED &&
          fk.cfg.failure_retry_cnt == 3 && fk.cfg.listen_interval == 10, "config fields mapped");
    CHECK(!strstr(fk.last_log, "hunter2"), "password not logged");
    CHECK(!memmem(core.line, sizeof core.line, "hunter2", 7), "password not left in the line buffer");
    const char *gc = req("q2 get_config");
    CHECK_PREFIX(gc, "~r2 ok ssid=Home\\sNet\\xff pass_set=1 bssid=307bac694190 ch=6 scan_method=all sort=security rssi=-70 auth=wpa2 pmf=required retry=3 listen=10 *");
    CHECK(!strstr(gc, "hunter2"), "password never returned");
    CHECK_PREFIX(req("q3 config ssid=\"\""), "~r3 ok *");
    CHECK(fk.cfg.ssid_len == 0 && fk.cfg.password_len == 0 && !fk.cfg.bssid_set && fk.cfg.pmf == EW_PMF_CAPABLE &&
          fk.cfg.scan_method == EW_SCAN_METHOD_FAST, "absent arguments take defaults");
    CHECK_PREFIX(req("q4 get_config"), "~r4 ok ssid=\"\" pass_set=0 bssid=000000000000 ");
    fk.err[FK_SET_CONFIG] = EW_ERR_WIFI_STATE;
    CHECK_PREFIX(req("q5 config ssid=x"), "~r5 err WIFI_STATE esp=0x3006 *");
    fk.err[FK_SET_CONFIG] = EW_OK;

    CHECK_PREFIX(req("q6 country cc=DE"), "~r6 ok *");
    CHECK(memcmp(fk.cc, "DE", 3) == 0 && fk.ieee80211d, "country default 802.11d on");
    CHECK_PREFIX(req("q7 country cc=01 ieee80211d=0"), "~r7 ok *");
    CHECK(!fk.ieee80211d, "802.11d off");
    CHECK_PREFIX(req("q8 protocol p=bgn"), "~r8 ok reconnect=0 *");
    CHECK(fk.proto == (EW_PROTO_B | EW_PROTO_G | EW_PROTO_N), "protocol bits");
    CHECK_PREFIX(req("q9 bandwidth bw=ht40"), "~r9 ok reconnect=0 *");
    CHECK(fk.bw == EW_BW_HT40, "bandwidth");
    CHECK_PREFIX(req("q10 ps mode=none"), "~r10 ok *");
    CHECK_PREFIX(req("q11 inactive_time sec=10"), "~r11 ok *");
    CHECK(fk.inactive == 10, "inactive");
    CHECK_PREFIX(req("q12 rssi_threshold rssi=-75"), "~r12 ok *");
    CHECK(fk.rssi_thr == -75, "rssi threshold");
    CHECK_PREFIX(req("q13 storage s=ram"), "~r13 ok *");
    CHECK_PREFIX(req("q14 mac"), "~r14 ok mac=abababababab *");
    CHECK_PREFIX(req("q15 rssi"), "~r15 ok rssi=-61 *");
    CHECK_PREFIX(req("q16 ip_info"), "~r16 ok ip=192.168.1.50 mask=255.255.255.0 gw=192.168.1.1 *");
    CHECK_PREFIX(req("q17 ap_info"), "~r17 ok ssid=Home\\sNet bssid=000000000000 ch=6 rssi=-55 auth=wpa2 pairwise=ccmp group=ccmp phy=bgn second=none bw=ht20 cc=DE *");
    fk.err[FK_STA_GET_AP_INFO] = EW_ERR_WIFI_NOT_CONNECT;
    CHECK_PREFIX(req("q18 ap_info"), "~r18 err WIFI_NOT_CONNECT esp=0x300f *");
    CHECK_PREFIX(req("q19 ping"), "~r19 ok *");
    const char *info = req("q20 info");
    CHECK_PREFIX(info, "~r20 ok proto=1.0 fw=0.1.0\\stest idf=v5.5.5 chip=esp32c3 rev=4 mac=307bac694190 reset=poweron def=" EW_PROTO_DEF " *");

    keys_of(req("q21 status"), keys, sizeof keys);
    CHECK_STR(keys, "phase mode scan unfetched last_reason seq rx_frames bad_crc too_long malformed cleared");

    /* connected: reconnect flagged, status reflects the link */
    ew_event_t e = { .id = EW_EV_CONNECTED };
    memcpy(e.u.connected.ssid, "Home Net", 8);
    e.u.connected.ssid_len = 8;
    e.u.connected.bssid[5] = 1;
    e.u.connected.channel = 6;
    e.u.connected.auth = EW_AUTH_WPA2;
    e.u.connected.aid = 3;
    ev(e);
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 connected ssid=Home\\sNet bssid=000000000001 ch=6 auth=wpa2 aid=3 *");
    CHECK(core.phase == EW_PHASE_CONNECTED, "connected phase");
    CHECK_PREFIX(req("q22 protocol p=bgnl"), "~r22 ok reconnect=1 *");
    CHECK_PREFIX(req("q23 bandwidth bw=ht20"), "~r23 ok reconnect=1 *");
    ev((ew_event_t){ .id = EW_EV_GOT_IP, .u.got_ip = { .ip_info = { { 192, 168, 1, 50 }, { 255, 255, 255, 0 }, { 192, 168, 1, 1 } }, .ip_changed = false } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e2 got_ip ip=192.168.1.50 mask=255.255.255.0 gw=192.168.1.1 changed=0 *");
    CHECK(core.phase == EW_PHASE_GOT_IP, "got_ip phase");
    CHECK_PREFIX(req("q24 bandwidth bw=ht20"), "~r24 ok reconnect=1 *");
    /* every status field present when everything applies, in protocol.json order */
    core.scan_state = EW_SCAN_STATE_FETCHED;
    keys_of(req("q24 status"), keys, sizeof keys);
    CHECK_STR(keys, "phase mode scan scan_id unfetched ssid bssid ch rssi ip mask gw last_reason seq rx_frames bad_crc too_long malformed cleared");
    core.scan_state = EW_SCAN_STATE_IDLE;
    CHECK_PREFIX(req("q25 status"), "~r25 ok phase=got_ip mode=sta scan=idle unfetched=0 ssid=Home\\sNet bssid=000000000001 ch=6 rssi=-61 ip=192.168.1.50 mask=255.255.255.0 gw=192.168.1.1 last_reason=0 seq=2 ");
    ev((ew_event_t){ .id = EW_EV_GOT_IP, .u.got_ip = { .ip_info = { { 192, 168, 1, 77 }, { 255, 255, 255, 0 }, { 192, 168, 1, 1 } }, .ip_changed = true } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e3 got_ip ip=192.168.1.77 mask=255.255.255.0 gw=192.168.1.1 changed=1 *");
    ev((ew_event_t){ .id = EW_EV_LOST_IP });
    CHECK_PREFIX(fake_line(&fk, 0), "~e4 lost_ip *");
    CHECK(core.phase == EW_PHASE_CONNECTED, "lost_ip drops to connected");
    ev((ew_event_t){ .id = EW_EV_RSSI_LOW, .u.rssi_low = { -81 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e5 rssi_low rssi=-81 *");
    ev((ew_event_t){ .id = EW_EV_AUTHMODE_CHANGE, .u.authmode_change = { EW_AUTH_WPA2, EW_AUTH_WPA3 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e6 authmode_change old=wpa2 new=wpa3 *");
    ev((ew_event_t){ .id = EW_EV_HOME_CHANNEL_CHANGE, .u.home_channel_change = { 6, EW_SECOND_NONE, 11, EW_SECOND_BELOW } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e7 home_channel_change old_ch=6 old_second=none new_ch=11 new_second=below *");
    CHECK(core.channel == 11, "channel follows");
    ev((ew_event_t){ .id = EW_EV_BEACON_TIMEOUT });
    CHECK_PREFIX(fake_line(&fk, 0), "~e8 beacon_timeout *");
    /* out-of-range enums from an adapter bug never reach the wire as garbage */
    ev((ew_event_t){ .id = EW_EV_HOME_CHANNEL_CHANGE, .u.home_channel_change = { 11, (ew_second_t)9, 11, EW_SECOND_NONE } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e9 home_channel_change old_ch=11 old_second=none new_ch=11 new_second=none *");
    ev((ew_event_t){ .id = EW_EV_AUTHMODE_CHANGE, .u.authmode_change = { (ew_auth_t)77, EW_AUTH_WPA3 } });
    CHECK_PREFIX(fake_line(&fk, 0), "~e10 authmode_change old=unknown new=wpa3 *");
    core.seq = 8;   /* keep the numbering of the checks below */
    e = (ew_event_t){ .id = EW_EV_DISCONNECTED };
    memcpy(e.u.disconnected.ssid, "Home Net", 8);
    e.u.disconnected.ssid_len = 8;
    e.u.disconnected.reason = EW_REASON_BEACON_TIMEOUT;
    e.u.disconnected.rssi = -90;
    ev(e);
    CHECK_PREFIX(fake_line(&fk, 0), "~e9 disconnected reason=200 rssi=-90 ssid=Home\\sNet bssid=000000000000 *");
    CHECK(core.phase == EW_PHASE_STARTED && core.last_reason == 200 && !core.have_ip, "disconnected state");
    CHECK_PREFIX(req("q26 protocol p=b"), "~r26 ok reconnect=0 *");
    CHECK_PREFIX(req("q27 status"), "~r27 ok phase=started mode=sta scan=idle unfetched=0 last_reason=200 seq=9 ");
    ev((ew_event_t){ .id = EW_EV_STA_STOP });
    CHECK_PREFIX(fake_line(&fk, 0), "~e10 sta_stop *");
    CHECK(core.phase == EW_PHASE_INIT, "sta_stop -> init");
    ev((ew_event_t){ .id = EW_EV_STA_START });
    CHECK_PREFIX(fake_line(&fk, 0), "~e11 sta_start *");
    CHECK(core.phase == EW_PHASE_STARTED, "sta_start -> started");
    ev((ew_event_t){ .id = (ew_event_id_t)99 });
    CHECK(fk.nout == 0 && core.seq == 11, "unknown event dropped without using a seq");

    /* reset: the ok reply goes out before the restart */
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q28 reset");
    CHECK(fk.nout == 1 && fk.restarts == 1, "one reply then restart");
    CHECK_PREFIX(fake_line(&fk, 0), "~r28 ok *");
    fk.sys.restart = NULL;
    CHECK_PREFIX(req("q29 reset"), "~r29 err NOT_SUPPORTED");

    /* rx counters in status */
    fresh();
    ew_core_rx(&core, (const uint8_t *)"~q1 ping *0000\n", 15);
    req("q2 ping");
    const char *st = req("q3 status");
    CHECK(strstr(st, " rx_frames=2 bad_crc=1 too_long=0 malformed=0 cleared=0 ") != NULL, "counters: %s", st);
}

void test_rules(void)
{
    test_phase_guards();
    test_scan_rules();
    test_blocking_scan();
    test_events_lost();
    test_init_reads_mode();
    test_commands();
}
