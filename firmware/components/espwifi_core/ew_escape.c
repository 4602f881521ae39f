/* Value escaping (PROTOCOL.md §1 table): any byte string round-trips, readable SSIDs stay
 * readable, and valid UTF-8 (emoji) passes through untouched. */
#include <string.h>
#include "ew_codec.h"

/* Length (2..4) of the well-formed UTF-8 sequence at p, or 0 — per the Unicode table of
 * well-formed byte sequences, so overlongs and surrogates are escaped like any stray byte. */
static size_t utf8_seq_len(const uint8_t *p, size_t avail)
{
    uint8_t b0 = p[0];
    uint8_t lo = 0x80, hi = 0xbf;
    size_t n;
    if (b0 >= 0xc2 && b0 <= 0xdf) n = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) { n = 3; if (b0 == 0xe0) lo = 0xa0; if (b0 == 0xed) hi = 0x9f; }
    else if (b0 >= 0xf0 && b0 <= 0xf4) { n = 4; if (b0 == 0xf0) lo = 0x90; if (b0 == 0xf4) hi = 0x8f; }
    else return 0;
    if (avail < n) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    for (size_t k = 2; k < n; k++)
        if (p[k] < 0x80 || p[k] > 0xbf) return 0;
    return n;
}

static const char hexdig[] = "0123456789abcdef";

/* The two-character escapes of the §1 table: byte RAW[k] is written as '\\' then ESC[k]. */
static const char RAW[6] = { '\\', ' ', '"', '\n', '\r', '\t' };
static const char ESC[6] = { '\\', 's', '"', 'n', 'r', 't' };

int ew_escape(char *out, size_t cap, const uint8_t *in, size_t len, bool positional)
{
    size_t o = 0;
    if (len == 0) {
        if (cap < 2) return -1;
        out[0] = out[1] = '"';
        return 2;
    }
    for (size_t i = 0; i < len;) {
        uint8_t b = in[i];
        char seq[4];
        const char *src = seq;
        size_t n = 0, used = b >= 0x80 ? utf8_seq_len(in + i, len - i) : 0;
        const char *e = memchr(RAW, b, sizeof RAW);
        if (used) {
            src = (const char *)in + i;   /* well-formed UTF-8 passes through */
            n = used;
        } else if (e) {
            seq[n++] = '\\';
            seq[n++] = ESC[e - RAW];
        } else if (b < 0x20 || b >= 0x7f || (b == '=' && positional)) {
            seq[n++] = '\\';
            seq[n++] = 'x';
            seq[n++] = hexdig[b >> 4];
            seq[n++] = hexdig[b & 15];
        } else {
            seq[n++] = (char)b;
        }
        if (n > cap - o) return -1;
        memcpy(out + o, src, n);
        o += n;
        i += used ? used : 1;
    }
    return (int)o;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int ew_unescape(uint8_t *out, size_t cap, const char *in, size_t len)
{
    if (len == 2 && in[0] == '"' && in[1] == '"') return 0;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)in[i];
        if (b == '"' || b < 0x20 || b == 0x7f) return -1;  /* the encoder never writes these raw */
        if (b == '\\') {
            if (++i >= len) return -1;
            const char *e = memchr(ESC, in[i], sizeof ESC);
            if (e) b = (uint8_t)RAW[e - ESC];
            else if (in[i] == 'x') {
                int hi = i + 1 < len ? hexval(in[i + 1]) : -1;
                int lo = i + 2 < len ? hexval(in[i + 2]) : -1;
                if (hi < 0 || lo < 0) return -1;
                b = (uint8_t)(hi * 16 + lo);
                i += 2;
            } else return -1;
        }
        if (out) {
            if (o >= cap) return -1;
            out[o] = b;
        }
        o++;
    }
    return (int)o;
}
