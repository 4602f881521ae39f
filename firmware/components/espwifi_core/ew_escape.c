/* Value escaping (PROTOCOL.md §1 table): any byte string round-trips, readable SSIDs stay
 * readable, and valid UTF-8 (emoji) passes through untouched. */
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

int ew_escape(char *out, size_t cap, const uint8_t *in, size_t len, bool positional)
{
    size_t o = 0;
#define PUT(c) do { if (o >= cap) return -1; out[o++] = (char)(c); } while (0)
    if (len == 0) { PUT('"'); PUT('"'); return (int)o; }
    for (size_t i = 0; i < len;) {
        uint8_t b = in[i];
        if (b >= 0x80) {
            size_t n = utf8_seq_len(in + i, len - i);
            if (n) { while (n--) PUT(in[i++]); continue; }
        }
        char e = 0;
        switch (b) {
        case '\\': e = '\\'; break;
        case ' ': e = 's'; break;
        case '"': e = '"'; break;
        case '\n': e = 'n'; break;
        case '\r': e = 'r'; break;
        case '\t': e = 't'; break;
        default: break;
        }
        if (e) { PUT('\\'); PUT(e); }
        else if (b < 0x20 || b >= 0x7f || (b == '=' && positional)) {
            PUT('\\'); PUT('x'); PUT(hexdig[b >> 4]); PUT(hexdig[b & 15]);
        } else PUT(b);
        i++;
    }
#undef PUT
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
            switch (in[i]) {
            case '\\': b = '\\'; break;
            case 's': b = ' '; break;
            case '"': b = '"'; break;
            case 'n': b = '\n'; break;
            case 'r': b = '\r'; break;
            case 't': b = '\t'; break;
            case 'x': {
                int hi = i + 1 < len ? hexval(in[i + 1]) : -1;
                int lo = i + 2 < len ? hexval(in[i + 2]) : -1;
                if (hi < 0 || lo < 0) return -1;
                b = (uint8_t)(hi * 16 + lo);
                i += 2;
                break;
            }
            default: return -1;
            }
        }
        if (out) {
            if (o >= cap) return -1;
            out[o] = b;
        }
        o++;
    }
    return (int)o;
}
