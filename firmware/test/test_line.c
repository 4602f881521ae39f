/* Line assembly and the line-level verdicts: chunking, terminators, over-long, CRC, garbage. */
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

static void feed(const char *s) { ew_core_rx(&core, (const uint8_t *)s, strlen(s)); }

static void ping_line(char *out, size_t cap, unsigned id)
{
    char body[32];
    snprintf(body, sizeof body, "q%u ping", id);
    snprintf(out, cap, "~%s *%04x", body, ew_crc16(body, strlen(body)));
}

/* A ping frame of 1024 + extra bytes (an unknown pad= argument fills it), NUL-terminated. */
static void limit_line(char *big, size_t cap, int extra)
{
    const char *head = "q9 ping pad=";
    size_t body_len = 1024 - 1 - 6 + (size_t)extra;
    memset(big, 0, cap);
    big[0] = '~';
    memcpy(big + 1, head, strlen(head));
    memset(big + 1 + strlen(head), 'a', body_len - strlen(head));
    snprintf(big + 1 + body_len, 8, " *%04x", ew_crc16(big + 1, body_len));
}

void test_line(void)
{
    char line[64], buf[64];

    fresh();
    CHECK(ew_core_init(NULL, &fk.port) == EW_ERR_INVALID_ARG, "init checks args");
    {   /* a port without its system services, their write, or a Wi-Fi table is refused */
        ew_core_t other;
        ew_sys_ops_t no_write = fk.sys;
        no_write.write = NULL;
        ew_port_t p = fk.port;
        p.sys = NULL;
        CHECK(ew_core_init(&other, &p) == EW_ERR_INVALID_ARG, "init refuses a port without sys");
        p.sys = &no_write;
        CHECK(ew_core_init(&other, &p) == EW_ERR_INVALID_ARG, "init refuses a port without write");
        p = fk.port;
        p.wifi = NULL;
        CHECK(ew_core_init(&other, &p) == EW_ERR_INVALID_ARG, "init refuses a port without wifi ops");
        CHECK(ew_core_init(&other, &fk.port) == EW_OK, "init takes a whole port");
    }
    ew_core_boot(&core);
    CHECK_PREFIX(fake_line(&fk, 0), "~e0 hello proto=1.0 fw=0.1.0\\stest idf=v5.5.5 chip=esp32c3 rev=4 mac=307bac694190 reset=poweron def=" EW_PROTO_DEF " *");

    /* each terminator style, and CRLF must not make a second (empty) line */
    const char *terms[] = { "\n", "\r", "\r\n" };
    for (int t = 0; t < 3; t++) {
        fresh();
        ping_line(line, sizeof line, 7);
        feed(line);
        CHECK(fk.nout == 0, "nothing before the terminator");
        feed(terms[t]);
        CHECK(fk.nout == 1, "one reply per line (terminator %d), got %d", t, fk.nout);
        CHECK_PREFIX(fake_line(&fk, 0), "~r7 ok *");
    }

    /* arbitrary chunking: byte by byte and random splits give the same output */
    fresh();
    char stream[512] = "";
    for (unsigned id = 1; id <= 5; id++) {
        ping_line(line, sizeof line, id);
        strcat(stream, line);
        strcat(stream, id % 2 ? "\r\n" : "\n");
    }
    size_t sl = strlen(stream);
    for (size_t i = 0; i < sl; i++) ew_core_rx(&core, (const uint8_t *)stream + i, 1);
    CHECK(fk.nout == 5, "byte-by-byte: %d replies", fk.nout);
    srand(7);
    for (int round = 0; round < 50; round++) {
        fresh();
        for (size_t i = 0; i < sl;) {
            size_t n = 1 + (size_t)rand() % 20;
            if (n > sl - i) n = sl - i;
            ew_core_rx(&core, (const uint8_t *)stream + i, n);
            i += n;
        }
        if (fk.nout != 5) CHECK(0, "random chunking round %d: %d replies", round, fk.nout);
        else CHECK_PREFIX(fake_line(&fk, 0), "~r5 ok *");
    }

    /* exactly 1024 bytes is accepted, 1025 is dropped up to the terminator, then life goes on */
    static char big[1100];
    for (int extra = 0; extra <= 1; extra++) {
        fresh();
        limit_line(big, sizeof big, extra);
        CHECK(strlen(big) == 1024u + (size_t)extra, "built a %zu-byte line", strlen(big));
        feed(big);
        feed("\n");
        if (extra) {
            CHECK_PREFIX(fake_line(&fk, 0), "~e1 rx_error error=LINE_TOO_LONG line=1 *");
            CHECK(core.counters.too_long == 1, "too_long counted");
        } else {
            CHECK_PREFIX(fake_line(&fk, 0), "~r9 err BAD_ARG arg=pad why=unknown *");
        }
        ping_line(line, sizeof line, 10);
        feed(line);
        feed("\n");
        CHECK_PREFIX(fake_line(&fk, 0), "~r10 ok *");
    }
    /* Runs of ordinary bytes are copied at once: a chunk ending just before, at or after the
     * limit gives the same verdict as one piece, and so does a line holding "IMPROV" that no
     * version byte follows (the Improv reader looks at those bytes one by one). */
    for (int extra = 0; extra <= 1; extra++)
        for (size_t cut = 1020; cut <= 1024u + (size_t)extra; cut++) {
            fresh();
            limit_line(big, sizeof big, extra);
            ew_core_rx(&core, (const uint8_t *)big, cut);
            feed(big + cut);
            feed("\n");
            CHECK_PREFIX(fake_line(&fk, 0), extra ? "~e1 rx_error error=LINE_TOO_LONG line=1 *" : "~r9 err BAD_ARG arg=pad why=unknown *");
        }
    fresh();
    fake_send(&fk, &core, "q13 ping pad=IMPRIMPROVx");
    CHECK_PREFIX(fake_line(&fk, 0), "~r13 err BAD_ARG arg=pad why=unknown *");

    /* a 1000-byte unknown key still gets a reply that fits in a line */
    fresh();
    memset(big, 0, sizeof big);
    strcpy(big, "q11 ping ");
    memset(big + 9, 'k', 1000);
    strcat(big, "=1");
    fake_send(&fk, &core, big);
    CHECK_PREFIX(fake_line(&fk, 0), "~r11 err BAD_ARG arg=kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk why=unknown *");
    /* a huge line spread over many chunks */
    fresh();
    memset(big, 'x', sizeof big - 1);
    big[0] = '~';
    big[sizeof big - 1] = 0;
    for (int k = 0; k < 5; k++) feed(big);
    CHECK(fk.nout == 0, "no verdict before the terminator");
    feed("\r\n");
    CHECK(fk.nout == 1 && core.counters.too_long == 1, "one rx_error for one over-long line");

    /* a plain line of any length is log (§4.1 rule 1), not LINE_TOO_LONG: nothing on the wire */
    fresh();
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    for (int k = 0; k < 3; k++) feed(big);
    feed("\n");
    CHECK(core.counters.too_long == 0 && core.counters.rx_lines == 1, "a long log line is a line, not an error");
    for (int i = 0; i < fk.nout; i++) CHECK(strstr(fk.out[i], "rx_error") == NULL, "no rx_error: %s", fk.out[i]);
    ping_line(line, sizeof line, 12);
    feed(line);
    feed("\n");
    CHECK_PREFIX(fake_line(&fk, 0), "~r12 ok *");

    /* bad CRC: never a reply, an rx_error with the expected CRC */
    fresh();
    feed("~q3 ping *0000\n");
    snprintf(buf, sizeof buf, "~e1 rx_error error=BAD_CRC expected=%04x line=1 *", ew_crc16("q3 ping", 7));
    CHECK_PREFIX(fake_line(&fk, 0), buf);
    feed("~q4 ping\n");
    snprintf(buf, sizeof buf, "~e2 rx_error error=BAD_CRC expected=%04x line=2 *", ew_crc16("q4 ping", 7));
    CHECK_PREFIX(fake_line(&fk, 0), buf);
    CHECK(core.counters.bad_crc == 2, "bad_crc counted");

    /* MALFORMED: reply when the id is readable, rx_error otherwise */
    fresh();
    fake_send(&fk, &core, "q5 PING");
    CHECK_PREFIX(fake_line(&fk, 0), "~r5 err MALFORMED why=");
    fake_send(&fk, &core, "x5 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 rx_error error=MALFORMED line=2 *");
    fake_send(&fk, &core, "q0 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~e2 rx_error error=MALFORMED");
    fake_send(&fk, &core, "q65536 ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~e3 rx_error error=MALFORMED");
    fake_send(&fk, &core, "r6 ok");
    CHECK_PREFIX(fake_line(&fk, 0), "~e4 rx_error error=MALFORMED line=5 *");  /* never a reply to r/p/e */
    fake_send(&fk, &core, "q8 config ssid=a\\qb");
    CHECK_PREFIX(fake_line(&fk, 0), "~r8 err MALFORMED arg=ssid why=");
    fake_send(&fk, &core, "q9  ping");
    CHECK_PREFIX(fake_line(&fk, 0), "~r9 err MALFORMED");
    CHECK(core.counters.malformed == 7, "malformed counted: %u", core.counters.malformed);

    /* people typing: ignored with a hint, never echoed */
    fresh();
    feed("config ssid=x pass=hunter22\r\n");
    CHECK(fk.nout == 0, "no frame in reply to a log line");
    CHECK(fk.nlogs == 1 && strstr(fk.last_log, "~q") && !strstr(fk.last_log, "hunter22"), "hint logged: %s", fk.last_log);
    feed("\n\n\r\r");
    CHECK(fk.nlogs == 1 && core.counters.rx_lines == 1, "empty lines ignored");
    for (int k = 0; k < 15; k++) feed("I (123) ew_line: ignored a line\n");
    CHECK(fk.nlogs == 5 && fk.nout == 0, "hint only for the 1st, 2nd, 4th, 8th, 16th line: %d", fk.nlogs);

    /* loopback: our own rx_error echoed back is counted, not answered */
    fresh();
    fake_send(&fk, &core, "e7 rx_error error=MALFORMED line=3");
    CHECK(fk.nout == 0 && core.counters.malformed == 1, "echoed rx_error not answered");
    fake_send(&fk, &core, "e8 sta_start");
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 rx_error error=MALFORMED line=2 *");

    /* event sequence wraps to 1, never 0 */
    fresh();
    core.seq = UINT32_MAX;
    ew_event_t ev = { .id = EW_EV_BEACON_TIMEOUT };
    ew_core_on_event(&core, &ev);
    CHECK_PREFIX(fake_line(&fk, 0), "~e1 beacon_timeout *");
    ew_core_on_event(&core, &ev);
    CHECK_PREFIX(fake_line(&fk, 0), "~e2 beacon_timeout *");
}
