/* libFuzzer harness for the core's line/frame parser and dispatcher.
 *
 * Input layout: byte 0 picks a chunk size (so line assembly sees every kind of split), byte 1
 * seeds scripted driver errors and events; the rest is what arrives on the serial port. Two
 * properties are checked besides "no crash, no sanitizer report":
 *   - every line the core writes is itself a valid frame (decodes with a matching CRC) or a valid
 *     Improv packet (header, length, checksum), and
 *     the core never had to drop a reply (an error log);
 *   - decode -> canonical encode -> decode is stable for any line that decodes.
 * Between chunks the fake clock advances and ew_core_poll runs (a blocking scan's deadline). */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "espwifi_core.h"
#include "ew_codec.h"
#include "../test/fake_port.h"

/* check_decode.c: ew_frame_decode compiled without coverage hooks, for the core's output */
ew_err_t chk_frame_decode(const char *line, size_t len, ew_frame_t *f, ew_decode_info_t *info);

/* Bounds on one execution's work (see the chunk loop). */
#define MAX_SPLITS 48
#define MAX_EVENTS 16

static fake_t fk;
static ew_core_t core;
/* Where every execution starts (see LLVMFuzzerInitialize): a booted core and a fresh fake. */
static ew_core_t booted;
static fake_t fresh;

/* An Improv packet the core sent (protocol/IMPROV.md): "IMPROV", version 1, a device-to-client
 * type, the length its data has, the checksum of everything before it, then LF. */
static bool valid_improv(const uint8_t *p, size_t n)
{
    if (n < 11 || memcmp(p, "IMPROV\x01", 7) != 0) return false;
    if (p[7] != 0x01 && p[7] != 0x02 && p[7] != 0x04) return false;
    if (n != (size_t)11 + p[8] || p[n - 1] != '\n') return false;
    uint8_t sum = 0;
    for (size_t i = 0; i < n - 2; i++) sum = (uint8_t)(sum + p[i]);
    return sum == p[n - 2];
}

/* The port's write op: every line is checked as the core writes it (buffering them in the fake
 * cost a 128-line shift per line once a chunk produced more than 128 replies). */
static void check_line(void *ctx, const char *line, size_t n)
{
    ew_frame_t f;
    (void)ctx;
    if (n >= 7 && memcmp(line, "IMPROV\x01", 7) == 0) {
        if (!valid_improv((const uint8_t *)line, n)) abort();
        return;
    }
    if (n == 0 || line[n - 1] != '\n') abort();
    if (chk_frame_decode(line, n - 1, &f, NULL) != EW_OK) abort();
}

/* The port's log op: the harness needs the error count (check_outputs), not the fake's snprintf
 * of every message. Both strings are read to their end (ASan sees an unterminated one); a
 * message never exceeds ew_log's 160-byte buffer and always has a tag. */
static void count_log(void *ctx, ew_log_level_t level, const char *tag, const char *msg)
{
    (void)ctx;
    if (strlen(tag) == 0 || strlen(msg) >= 160) abort();
    if (level == EW_LOG_ERROR) fk.nerr++;
}

static void check_outputs(void)
{
    if (fk.nerr) abort();   /* e.g. a reply too long to send: the host would wait forever */
}

static void check_roundtrip(const uint8_t *data, size_t size)
{
    static char enc[EW_MAX_LINE + 16];
    ew_frame_t a, b;
    if (size > EW_MAX_LINE) return;
    if (ew_frame_decode((const char *)data, size, &a, NULL) != EW_OK) return;
    size_t n = ew_frame_encode(&a, enc, sizeof enc);
    if (n == 0) return;   /* canonical form may be longer than the input (e.g. \x41 -> A is shorter, but raw -> escaped) */
    if (ew_frame_decode(enc, n, &b, NULL) != EW_OK) abort();
    if (a.kind != b.kind || a.num != b.num || a.ntok != b.ntok || a.verb_len != b.verb_len) abort();
    for (int i = 0; i < a.ntok; i++) {
        static uint8_t va[EW_MAX_LINE], vb[EW_MAX_LINE];
        int la = ew_token_bytes(&a.tok[i], va, sizeof va), lb = ew_token_bytes(&b.tok[i], vb, sizeof vb);
        if (la != lb || memcmp(va, vb, (size_t)la) != 0) abort();
        if ((a.tok[i].key == NULL) != (b.tok[i].key == NULL)) abort();
    }
}

/* fk's bytes outside the captured-lines array (out[], out_len[]: 132 KB that only the fake's
 * own write op touches, and check_line replaced it), so a reset need not clear them. */
static void copy_fake(fake_t *to, const fake_t *from)
{
    memcpy(to, from, offsetof(fake_t, out));
    memcpy((char *)to + offsetof(fake_t, nout), (const char *)from + offsetof(fake_t, nout),
           sizeof *to - offsetof(fake_t, nout));
}

/* Built once: the fake with the harness's write and log ops, and the core after ew_core_init and
 * ew_core_boot. The hello does not depend on anything an input chooses (device facts are the
 * fake's constants, and boot reads no station state), so it is sent and checked here once
 * instead of once per execution. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fake_init(&fk);
    fk.sys.write = check_line;
    fk.sys.log = count_log;
    copy_fake(&fresh, &fk);
    if (ew_core_init(&core, &fk.port) != EW_OK) abort();
    ew_core_boot(&core);
    check_outputs();
    booted = core;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_roundtrip(data, size);
    if (size < 2) return 0;
    size_t chunk = 1 + data[0] % 64;
    uint8_t script = data[1];
    data += 2;
    size -= 2;

    copy_fake(&fk, &fresh);
    core = booted;
    /* Start from a random phase so the guards and scan rules are reached, not only parsing. */
    core.phase = (ew_phase_t)(script % EW_PHASE__COUNT);
    core.scan_state = (ew_scan_state_t)((script >> 3) % EW_SCAN_STATE__COUNT);
    if (script & 0x80) fk.err[FK_SCAN_START] = EW_ERR_WIFI_STATE;
    if (script & 0x40) { fake_add_rec(&fk, "fuzz net", -50); fake_add_rec(&fk, "", -90); }

    int splits = 0, events = 0;
    for (size_t i = 0; i < size; i += chunk) {
        /* After MAX_SPLITS chunks the rest arrives at once: an input of a thousand 1-byte chunks
         * reaches nothing a few dozen do not, and libFuzzer's hit-count features would otherwise
         * breed such inputs until an execution costs milliseconds. */
        if (++splits > MAX_SPLITS) chunk = size - i;
        size_t n = size - i < chunk ? size - i : chunk;
        ew_core_rx(&core, data + i, n);
        check_outputs();
        /* An event between chunks, driven by the data, exercises event/request interleaving. */
        if (data[i] < 12 && events++ < MAX_EVENTS) {
            ew_event_t ev;
            memset(&ev, 0, sizeof ev);
            ev.id = (ew_event_id_t)data[i];
            ev.u.scan_done.scan_id = (uint8_t)i;
            ev.u.connected.ssid_len = (uint8_t)(n * 7);   /* may exceed 32: the core must clamp */
            ew_core_on_event(&core, &ev);
            check_outputs();
        } else if (data[i] == 12) {
            ew_core_events_lost(&core, (uint32_t)n * 0x01010101u); /* any count: the sequence wraps */
        }
        /* Time passes: a blocking scan's deadline may expire between any two chunks. */
        fk.now += (uint32_t)data[i] * 131u;
        ew_core_poll(&core);
        check_outputs();
    }
    return 0;
}
