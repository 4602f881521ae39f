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

void ew_core_rx(ew_core_t *core, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = (char)data[i];
        if (ew_improv_rx_byte(core, data[i])) {
            core->line_len = 0;
            continue;
        }
        if (c == '\n' || c == '\r') {
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
        if (core->line_overflow) continue;
        if (core->line_len >= EW_MAX_LINE) {
            core->line_overflow = true;
            continue;
        }
        core->line[core->line_len++] = c;
    }
}
