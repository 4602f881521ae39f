/* Improv serial beside our frames: packets with CR/LF bytes inside, any chunking, garbage before
 * them, bad checksums, loopback echoes; provisioning mapped onto init/mode/config/start/connect
 * and its outcome reported per the Improv serial spec while our own events carry the reason. */
#include <stdlib.h>
#include "harness.h"
#include "fake_port.h"

static fake_t fk;
static ew_core_t core;

static void fresh(void)
{
    fake_init(&fk);
    ew_core_init(&core, &fk.port);
}

/* Builds "IMPROV" 1 type len data checksum (no terminator) — the test's own encoder. */
static size_t packet(uint8_t *out, uint8_t type, const uint8_t *data, uint8_t len)
{
    size_t n = 0;
    memcpy(out, "IMPROV", 6);
    n = 6;
    out[n++] = 1;
    out[n++] = type;
    out[n++] = len;
    memcpy(out + n, data, len);
    n += len;
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) sum += out[i];
    out[n++] = (uint8_t)sum;
    return n;
}

static size_t rpc(uint8_t *out, uint8_t cmd, const uint8_t *args, uint8_t alen)
{
    uint8_t d[260];
    d[0] = cmd;
    d[1] = alen;
    if (alen) memcpy(d + 2, args, alen);
    return packet(out, 3, d, (uint8_t)(alen + 2));
}

static void feed(const uint8_t *p, size_t n) { ew_core_rx(&core, p, n); }
static void feed_s(const char *s) { feed((const uint8_t *)s, strlen(s)); }

static size_t wifi_rpc(uint8_t *out, const char *ssid, const char *pass)
{
    uint8_t a[100];
    size_t sl = strlen(ssid), pl = strlen(pass);
    a[0] = (uint8_t)sl;
    memcpy(a + 1, ssid, sl);
    a[1 + sl] = (uint8_t)pl;
    memcpy(a + 2 + sl, pass, pl);
    return rpc(out, 1, a, (uint8_t)(2 + sl + pl));
}

/* Captured Improv packets of one type; returns how many, the last one's data in *data. */
static int packets_of(uint8_t type, const uint8_t **data, uint8_t *len)
{
    int count = 0;
    for (int i = 0; i < fk.nout; i++) {
        const uint8_t *o = (const uint8_t *)fk.out[i];
        if (fk.out_len[i] < 11 || memcmp(o, "IMPROV\x01", 7) != 0 || o[7] != type) continue;
        CHECK(fk.out_len[i] == (size_t)10 + o[8] + 1 && o[fk.out_len[i] - 1] == '\n',
              "packet length %zu for data length %u, ends with LF", fk.out_len[i], o[8]);
        unsigned sum = 0;
        for (size_t k = 0; k < (size_t)9 + o[8]; k++) sum += o[k];
        CHECK((uint8_t)sum == o[9 + o[8]], "packet checksum");
        count++;
        if (data) *data = o + 9;
        if (len) *len = o[8];
    }
    return count;
}

static int last_byte_of(uint8_t type)
{
    const uint8_t *d = NULL;
    uint8_t l = 0;
    return packets_of(type, &d, &l) && l == 1 ? d[0] : -1;
}

/* The i-th string of an RPC result's data ([cmd, total, (len, bytes)...]) into buf. */
static const char *result_str(const uint8_t *d, int i, char *buf)
{
    size_t at = 2;
    for (int k = 0; at < (size_t)2 + d[1]; k++) {
        if (k == i) { memcpy(buf, d + at + 1, d[at]); buf[d[at]] = 0; return buf; }
        at += 1u + d[at];
    }
    return NULL;
}

static int count_frames(const char *prefix)
{
    int n = 0;
    for (int i = 0; i < fk.nout; i++) if (strncmp(fk.out[i], prefix, strlen(prefix)) == 0) n++;
    return n;
}

void test_improv(void)
{
    uint8_t p[300];
    size_t n;
    const uint8_t *d;
    uint8_t dl;
    char s[64];

    /* device info, fed byte by byte, answered after the error-state clear the spec asks for */
    fresh();
    n = rpc(p, 3, NULL, 0);
    for (size_t i = 0; i < n; i++) feed(p + i, 1);
    CHECK(last_byte_of(2) == 0, "error state cleared on an RPC");
    CHECK(packets_of(4, &d, &dl) == 1 && d[0] == 3, "one device info result");
    CHECK_STR(result_str(d, 0, s), "espwifi");
    CHECK_STR(result_str(d, 1, s), "0.1.0 test");
    CHECK_STR(result_str(d, 2, s), "esp32c3");
    CHECK_STR(result_str(d, 3, s), "espwifi-694190");
    CHECK_STR(result_str(d, 4, s), "ESP-IDF");
    CHECK_STR(result_str(d, 5, s), "v5.5.5");
    feed_s("\n");
    CHECK(fk.nlogs == 0, "the SDK's LF after a packet is an empty line, no hint logged");

    /* a frame still works right after a packet, and a log line starting like the header is log */
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q9 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~r9 ok *");
    fake_clear_out(&fk);
    feed_s("IMPROVEMENT of the log\n");
    CHECK(fk.nout == 0 && packets_of(2, NULL, NULL) == 0, "IMPROV without version 1 is a log line");

    /* CR and LF inside a packet: SSID length 13 ('\r'), password length 10 ('\n'), packet
     * length byte 27, chunked at random */
    for (int round = 0; round < 20; round++) {
        fresh();
        n = wifi_rpc(p, "CR-in-length!", "LF-length!");
        srand((unsigned)round);
        for (size_t i = 0; i < n;) {
            size_t k = 1 + (size_t)rand() % 7;
            if (k > n - i) k = n - i;
            feed(p + i, k);
            i += k;
        }
        CHECK(fk.calls[FK_INIT] == 1 && fk.calls[FK_SET_MODE] == 1 && fk.calls[FK_START] == 1 &&
              fk.calls[FK_CONNECT] == 1, "provision brings the station up and connects (round %d)", round);
        CHECK(fk.cfg.ssid_len == 13 && memcmp(fk.cfg.ssid, "CR-in-length!", 13) == 0, "ssid bytes");
        CHECK(fk.cfg.password_len == 10 && memcmp(fk.cfg.password, "LF-length!", 10) == 0, "password bytes");
    }
    CHECK(last_byte_of(1) == 3, "state provisioning");
    CHECK(core.phase == EW_PHASE_CONNECTING, "phase connecting");
    for (int i = 0; i < fk.nout; i++) CHECK(strstr(fk.out[i], "LF-length!") == NULL, "password never echoed");

    /* success: GOT_IP -> provisioned + the Send Wi-Fi settings result */
    fake_clear_out(&fk);
    ew_event_t e = { .id = EW_EV_CONNECTED };
    ew_core_on_event(&core, &e);
    e = (ew_event_t){ .id = EW_EV_GOT_IP, .u.got_ip.ip_info = { { 192, 168, 1, 5 }, { 255, 255, 255, 0 }, { 192, 168, 1, 1 } } };
    ew_core_on_event(&core, &e);
    CHECK(count_frames("~e") == 2, "our connected and got_ip events still go out");
    CHECK(last_byte_of(1) == 4, "state provisioned");
    CHECK(packets_of(4, &d, &dl) == 1 && d[0] == 1 && d[1] == 0, "an empty Send Wi-Fi settings result (no URL)");
    fake_clear_out(&fk);
    n = rpc(p, 2, NULL, 0);
    feed(p, n);
    CHECK(last_byte_of(1) == 4 && packets_of(4, &d, &dl) == 1 && d[0] == 2, "current state of a provisioned board + its result");

    /* a new network while connected: our own ASSOC_LEAVE is not the attempt failing */
    fake_clear_out(&fk);
    n = wifi_rpc(p, "Other", "wrong-pass");
    feed(p, n);
    CHECK(fk.calls[FK_DISCONNECT] == 1, "disconnects the current link first");
    e = (ew_event_t){ .id = EW_EV_DISCONNECTED, .u.disconnected = { .reason = 8 } };
    ew_core_on_event(&core, &e);
    CHECK(packets_of(2, &d, &dl) == 1, "no unable-to-connect for our own leave");
    CHECK(last_byte_of(1) == 3, "still provisioning");
    /* wrong password: the reason goes out in our frame, Improv gets unable to connect */
    fake_clear_out(&fk);
    e = (ew_event_t){ .id = EW_EV_DISCONNECTED, .u.disconnected = { .reason = 15, .rssi = -50 } };
    ew_core_on_event(&core, &e);
    CHECK_PREFIX(fk.out[0], "~e");
    CHECK(strstr(fk.out[0], " disconnected reason=15 ") != NULL, "our frame carries reason 15: %s", fk.out[0]);
    CHECK(last_byte_of(2) == 3, "error unable to connect");
    CHECK(last_byte_of(1) == 2, "back to ready");

    /* bad checksum, malformed settings, unknown command, loopback of our own packets */
    fresh();
    n = rpc(p, 3, NULL, 0);
    p[n - 1] ^= 0x55;
    feed(p, n);
    CHECK(last_byte_of(2) == 1 && packets_of(4, NULL, NULL) == 0, "bad checksum: invalid RPC packet");
    fake_clear_out(&fk);
    uint8_t bad_args[] = { 40, 'x' };
    n = rpc(p, 1, bad_args, sizeof bad_args);
    feed(p, n);
    CHECK(last_byte_of(2) == 1 && fk.calls[FK_SET_CONFIG] == 0, "ssid length past the data: invalid RPC packet");
    /* hostname: get, set (RFC 1123, at most 32 bytes for esp_netif), refusals, a port without it */
    fake_clear_out(&fk);
    n = rpc(p, 5, NULL, 0);
    feed(p, n);
    CHECK(packets_of(4, &d, &dl) == 1 && d[0] == 5, "hostname result");
    CHECK_STR(result_str(d, 0, s), "espressif");
    CHECK(core.phase == EW_PHASE_INIT && fk.calls[FK_START] == 0, "the hostname needs the netif (init) only");
    fake_clear_out(&fk);
    n = rpc(p, 5, (const uint8_t *)"kitchen-light", 13);
    feed(p, n);
    CHECK(packets_of(4, &d, &dl) == 1 && strcmp(fk.hostname, "kitchen-light") == 0, "hostname set");
    CHECK_STR(result_str(d, 0, s), "kitchen-light");
    const char *bad_names[] = { "no spaces", "-lead", "trail-", "dot.ted", "abcdefghijabcdefghijabcdefghijabc" };
    for (int i = 0; i < 5; i++) {
        fake_clear_out(&fk);
        n = rpc(p, 5, (const uint8_t *)bad_names[i], (uint8_t)strlen(bad_names[i]));
        feed(p, n);
        CHECK(last_byte_of(2) == 5 && strcmp(fk.hostname, "kitchen-light") == 0, "bad hostname '%s' refused", bad_names[i]);
    }
    fake_clear_out(&fk);
    fk.err[FK_SET_HOSTNAME] = EW_ERR_INVALID_ARG;
    n = rpc(p, 5, (const uint8_t *)"other", 5);
    feed(p, n);
    CHECK(last_byte_of(2) == 0xff && packets_of(4, NULL, NULL) == 0, "a port refusal is unknown error");
    fk.err[FK_SET_HOSTNAME] = EW_OK;
    fk.wifi.set_hostname = NULL;
    fake_clear_out(&fk);
    n = rpc(p, 5, (const uint8_t *)"other", 5);
    feed(p, n);
    CHECK(last_byte_of(2) == 2, "a port without set_hostname: unknown RPC command");
    fake_clear_out(&fk);
    n = rpc(p, 6, (const uint8_t *)"x", 1);
    feed(p, n);
    CHECK(last_byte_of(2) == 2, "setting the device name is refused");
    fake_clear_out(&fk);
    n = rpc(p, 6, NULL, 0);
    feed(p, n);
    CHECK(packets_of(4, &d, &dl) == 1 && d[0] == 6, "device name result");
    CHECK_STR(result_str(d, 0, s), "espwifi-694190");
    fake_clear_out(&fk);
    uint8_t one = 2;
    n = packet(p, 1, &one, 1);
    feed(p, n);
    CHECK(fk.nout == 0, "a state packet coming back over a loopback is not answered");

    /* a packet cut short: dropped after the stall time (by the poll, or by the next byte), so the
     * frame after it is read as a frame; the wait tells the port when to poll */
    fresh();
    n = rpc(p, 3, NULL, 0);
    feed(p, 9);
    CHECK(ew_core_wait_ms(&core) == EW_IMPROV_STALL_MS, "poll due after the stall time (%u)", ew_core_wait_ms(&core));
    fk.now += EW_IMPROV_STALL_MS;
    ew_core_poll(&core);
    CHECK(last_byte_of(2) == 1 && core.improv.have == 0, "stalled packet dropped: invalid RPC packet");
    CHECK(ew_core_wait_ms(&core) == EW_CORE_WAIT_FOREVER, "nothing due after");
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q4 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~r4 ok *");
    fresh();
    feed(p, 9);
    fk.now += EW_IMPROV_STALL_MS + 5;
    fake_send(&fk, &core, "q5 ping");   /* no poll in between: the next byte notices */
    CHECK(last_byte_of(2) == 1, "stall noticed by the next byte");
    CHECK_PREFIX(fake_line(&fk, 0), "~r5 ok *");

    /* provisioning that associates but never gets an address ends after the connect timeout */
    fresh();
    n = wifi_rpc(p, "HomeNet", "correct-horse");
    feed(p, n);
    CHECK(ew_core_wait_ms(&core) == EW_IMPROV_CONNECT_TIMEOUT_MS, "provisioning deadline armed");
    e = (ew_event_t){ .id = EW_EV_CONNECTED };
    ew_core_on_event(&core, &e);
    fk.now += EW_IMPROV_CONNECT_TIMEOUT_MS - 1;
    ew_core_poll(&core);
    CHECK(last_byte_of(2) == 0, "not yet");
    fake_clear_out(&fk);
    fk.now += 1;
    ew_core_poll(&core);
    CHECK(last_byte_of(2) == 3 && last_byte_of(1) == 2, "no IP in time: unable to connect, ready");
    CHECK(strstr(fk.last_log, "no IP address 20 s") != NULL, "says why in the log: %s", fk.last_log);
    fake_clear_out(&fk);
    e = (ew_event_t){ .id = EW_EV_GOT_IP };
    ew_core_on_event(&core, &e);
    CHECK(last_byte_of(1) == 4 && packets_of(4, NULL, NULL) == 0, "a late address still shows as provisioned, without a result");

    /* garbage without a terminator before a packet, then the packet and our frames */
    fresh();
    feed_s("\x01\xff junk ~q1 sta");
    n = rpc(p, 2, NULL, 0);
    feed(p, n);
    CHECK(last_byte_of(1) == 2, "packet after garbage on the same line is answered: ready");
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q2 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~r2 ok *");

    /* scan: one result per named AP, then the empty end; records fetched exactly once */
    fresh();
    fake_add_rec(&fk, "HomeNet", -52);
    fake_add_rec(&fk, "", -60);
    fake_add_rec(&fk, "Cafe", -101);
    fk.recs[2].auth = EW_AUTH_OPEN;
    n = rpc(p, 4, NULL, 0);
    feed(p, n);
    CHECK(fk.calls[FK_SCAN_START] == 1 && !fk.scan_block, "improv scan starts a non-blocking scan");
    CHECK(packets_of(4, NULL, NULL) == 0, "no result before scan_done");
    n = rpc(p, 4, NULL, 0);
    feed(p, n);
    CHECK(last_byte_of(2) == 0xff && fk.calls[FK_SCAN_START] == 1, "a second scan while one runs is refused");
    fake_clear_out(&fk);
    e = (ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .number = 3, .scan_id = 1 } };
    ew_core_on_event(&core, &e);
    CHECK(fk.calls[FK_SCAN_GET_AP_RECORDS] == 1, "records fetched once");
    CHECK(packets_of(4, NULL, NULL) == 3, "two named APs + the end");
    int k = 0;
    for (int i = 0; i < fk.nout; i++) {
        const uint8_t *o = (const uint8_t *)fk.out[i];
        if (fk.out_len[i] < 11 || memcmp(o, "IMPROV\x01\x04", 8) != 0) continue;
        const uint8_t *rd = o + 9;
        if (k == 0) {
            CHECK_STR(result_str(rd, 0, s), "HomeNet");
            CHECK_STR(result_str(rd, 1, s), "-52");
            CHECK_STR(result_str(rd, 2, s), "YES");
        } else if (k == 1) {
            CHECK_STR(result_str(rd, 0, s), "Cafe");
            CHECK_STR(result_str(rd, 1, s), "-101");
            CHECK_STR(result_str(rd, 2, s), "NO");
        } else CHECK(rd[1] == 0, "the last result has no strings");
        k++;
    }
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q3 ap_records");
    CHECK(strstr(fake_line(&fk, 0), "ALREADY_FETCHED") != NULL, "our host cannot fetch them a second time");

    /* a client that never spoke Improv gets no binary packets from state changes */
    fresh();
    e = (ew_event_t){ .id = EW_EV_GOT_IP };
    ew_core_on_event(&core, &e);
    CHECK(packets_of(1, NULL, NULL) == 0, "no Improv state without an Improv client");

    /* a result whose length byte would be LF gets one more empty string (the SDK's reader) */
    fresh();
    fake_add_rec(&fk, "ab", -5);   /* 2 + (1+2) + (1+2) + (1+3) = 12; "a" -> 11 ... */
    fk.recs[0].ssid_len = 1;       /* 2 + 2 + 3 + 4 = 11 */
    fk.recs[0].rssi = 5;           /* "5": 2 + 2 + 2 + 4 = 10 -> padded to 11 */
    n = rpc(p, 4, NULL, 0);
    feed(p, n);
    fake_clear_out(&fk);
    e = (ew_event_t){ .id = EW_EV_SCAN_DONE, .u.scan_done = { .number = 1, .scan_id = 1 } };
    ew_core_on_event(&core, &e);
    CHECK(packets_of(4, &d, &dl) == 2, "one AP + end");
    const uint8_t *o = (const uint8_t *)fk.out[1];   /* after our scan_done frame */
    CHECK(o[8] == 11 && o[9 + 1] == 9, "length 10 padded to 11 with an empty 4th string (len %u)", o[8]);
}
