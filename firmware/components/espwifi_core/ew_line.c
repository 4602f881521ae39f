/* Line assembly: bytes in any chunking -> bounded lines -> frames. CR, LF and CRLF all end a
 * line (a terminal may send any of them); empty lines are ignored, which also absorbs the LF of
 * a CRLF. An over-long line is dropped up to its terminator and reported once. */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_line";

static void handle_line(ew_core_t *core, const char *line, size_t len)
{
    ew_frame_t f;
    ew_decode_info_t info;

    core->counters.rx_lines++;
    if (!ew_line_is_frame(line, len)) {
        /* A person typing, or our own log echoed back by a loopback. Never echo the line: it
         * may hold a password typed without the frame marker. The hint goes out for the 1st,
         * 2nd, 4th, 8th... such line: helpful to a person, and a loopback echoing the hint
         * back cannot turn it into an endless stream. */
        const ew_core_counters_t *k = &core->counters;
        uint32_t ignored = k->rx_lines - k->rx_frames - k->bad_crc - k->too_long - k->malformed;
        if ((ignored & (ignored - 1)) == 0) {
            static const char *const parts[] = {
                "ignored a line that is not a frame: frames start with \"~q\" and end with "
                "\" *<crc16>\" (see protocol/PROTOCOL.md)", NULL };
            ew_log(core, EW_LOG_INFO, TAG, parts);
        }
        return;
    }
    ew_err_t err = ew_frame_decode(line, len, &f, &info);
    switch (err) {
    case EW_OK:
        ew_core_dispatch(core, &f);
        break;
    case EW_ERR_BAD_CRC:
        /* Never answer: the id itself may be the corrupted part. */
        core->counters.bad_crc++;
        ew_emit_rx_error(core, err, &info.expected_crc);
        break;
    case EW_ERR_LINE_TOO_LONG:
        core->counters.too_long++;
        ew_emit_rx_error(core, err, NULL);
        break;
    default:
        core->counters.malformed++;
        if (info.id_readable) ew_core_reply_malformed(core, &f, &info);
        else ew_emit_rx_error(core, EW_ERR_MALFORMED, NULL);
        break;
    }
}

/* Adds bytes to the line being assembled; past EW_MAX_LINE the line is marked over-long and the
 * rest up to its terminator is dropped. */
static void append(ew_core_t *core, const uint8_t *p, size_t n)
{
    if (core->line_overflow) return;
    size_t room = EW_MAX_LINE - core->line_len;
    if (n > room) {
        n = room;
        core->line_overflow = true;
    }
    memcpy(core->line + core->line_len, p, n);
    core->line_len += n;
}

/* Length of the run of ordinary line bytes at p: no terminator, and nothing the Improv reader
 * needs to see. Such a run is copied at once instead of byte by byte. */
static size_t plain_run(const ew_core_t *core, const uint8_t *p, size_t n)
{
    const uint8_t *end;
    n = ew_improv_skippable(core, p, n);
    if (n && (end = memchr(p, '\n', n)) != NULL) n = (size_t)(end - p);
    if (n && (end = memchr(p, '\r', n)) != NULL) n = (size_t)(end - p);
    return n;
}

void ew_core_rx(ew_core_t *core, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t run = plain_run(core, data + i, len - i);
        if (run) {
            append(core, data + i, run);
            i += run;
            continue;
        }
        const uint8_t *b = &data[i++];
        if (ew_improv_rx_byte(core, *b)) {
            core->line_len = 0;
            continue;
        }
        if (*b == '\n' || *b == '\r') {
            size_t n = core->line_len;
            bool overflow = core->line_overflow;
            core->line_len = 0;
            core->line_overflow = false;
            if (overflow && ew_line_is_frame(core->line, n)) {
                core->counters.rx_lines++;
                core->counters.too_long++;
                ew_emit_rx_error(core, EW_ERR_LINE_TOO_LONG, NULL);
            } else if (n) {
                /* A line without the frame marker is log at any length (§4.1 rule 1): its
                 * first EW_MAX_LINE bytes are enough to tell. */
                handle_line(core, core->line, n);
            }
            /* A config line holds the Wi-Fi password: do not leave it in RAM for a core dump. */
            memset(core->line, 0, n);
            continue;
        }
        append(core, b, 1);
    }
}
