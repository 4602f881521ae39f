/* Frame decode/encode (PROTOCOL.md §1). The decoder checks in the same order as the reference
 * decoder (protocol/tools/frame.mjs) so a line with several faults gets the same verdict on
 * both sides: marker, length, CRC trailer, CRC, then grammar. */
#include <string.h>
#include "ew_codec.h"

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_lower_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static ew_err_t malformed(ew_decode_info_t *info, const char *why)
{
    if (info) info->why = why;
    return EW_ERR_MALFORMED;
}

ew_err_t ew_frame_decode(const char *line, size_t len, ew_frame_t *f, ew_decode_info_t *info)
{
    ew_decode_info_t dummy;
    if (!info) info = &dummy;
    memset(info, 0, sizeof *info);
    info->bad_token = -1;
    memset(f, 0, sizeof *f);

    if (!ew_line_is_frame(line, len)) return malformed(info, "no frame marker");
    if (len > EW_MAX_LINE) { info->why = "line too long"; return EW_ERR_LINE_TOO_LONG; }

    bool trailer = len >= 7 && line[len - 6] == ' ' && line[len - 5] == '*';
    size_t body_len = (trailer ? len - 6 : len) - 1;
    const char *body = line + 1;
    uint16_t crc = ew_crc16(body, body_len);
    info->expected_crc = crc;
    if (!trailer) { info->why = "missing checksum"; return EW_ERR_BAD_CRC; }
    uint16_t given = 0;
    for (size_t k = len - 4; k < len; k++) {
        if (!is_lower_hex(line[k])) { info->why = "checksum is not 4 lowercase hex digits"; return EW_ERR_BAD_CRC; }
        given = (uint16_t)(given << 4 | (uint16_t)(line[k] <= '9' ? line[k] - '0' : line[k] - 'a' + 10));
    }
    if (given != crc) { info->why = "checksum mismatch"; return EW_ERR_BAD_CRC; }

    /* The CRC matched, so the bytes are what the sender meant: grammar errors from here on are
     * the sender's mistake and, for a readable request id, deserve a reply. */
    size_t i = 0;
    char kind = body_len ? body[0] : 0;
    if (kind != 'q' && kind != 'r' && kind != 'p' && kind != 'e') return malformed(info, "unknown kind");
    i = 1;
    uint64_t num = 0;
    size_t nd = 0;
    while (i < body_len && body[i] >= '0' && body[i] <= '9') {
        num = num * 10 + (uint64_t)(body[i] - '0');
        i++;
        if (++nd > 10) return malformed(info, "number must be 1..10 decimal digits");
    }
    if (nd == 0 || (i < body_len && body[i] != ' ')) return malformed(info, "number must be 1..10 decimal digits");
    if (kind == 'e' ? num > 0xffffffffu : (num < 1 || num > 65535u))
        return malformed(info, "number out of range for its kind");
    if (kind == 'q') { info->id_readable = true; info->id = (uint32_t)num; }
    f->kind = kind;
    f->num = (uint32_t)num;

    if (i >= body_len) return malformed(info, "no verb");
    i++; /* the space */
    size_t vs = i;
    while (i < body_len && body[i] != ' ') i++;
    if (i == vs) return malformed(info, "empty token (double, leading or trailing space)");
    for (size_t k = vs; k < i; k++)
        if (!is_key_char(body[k])) return malformed(info, "verb must be [a-z0-9_]+");
    f->verb = body + vs;
    f->verb_len = (uint16_t)(i - vs);

    while (i < body_len) {
        i++; /* the space */
        size_t ts = i;
        while (i < body_len && body[i] != ' ') i++;
        if (i == ts) return malformed(info, "empty token (double, leading or trailing space)");
        if (f->ntok >= EW_MAX_TOKENS) return malformed(info, "too many tokens");
        ew_token_t *t = &f->tok[f->ntok];
        size_t eq = ts;
        while (eq < i && is_key_char(body[eq])) eq++;
        if (eq > ts && eq < i && body[eq] == '=') {
            t->key = body + ts;
            t->key_len = (uint16_t)(eq - ts);
            t->val = body + eq + 1;
            t->val_len = (uint16_t)(i - eq - 1);
        } else {
            t->val = body + ts;
            t->val_len = (uint16_t)(i - ts);
        }
        if (ew_unescape(NULL, 0, t->val, t->val_len) < 0) {
            info->bad_token = f->ntok;
            return malformed(info, "bad escape, raw quote or raw control byte in a value");
        }
        f->ntok++;
    }
    return EW_OK;
}

int ew_token_bytes(const ew_token_t *t, uint8_t *out, size_t cap)
{
    return ew_unescape(out, cap, t->val, t->val_len);
}

bool ew_token_is(const ew_token_t *t, const char *key)
{
    size_t n = strlen(key);
    return t->key && t->key_len == n && memcmp(t->key, key, n) == 0;
}

const ew_token_t *ew_frame_find(const ew_frame_t *f, const char *key)
{
    for (int i = 0; i < f->ntok; i++)
        if (ew_token_is(&f->tok[i], key)) return &f->tok[i];
    return NULL;
}

/* ---- builder ---- */

static void put(ew_fb_t *fb, const char *s, size_t n)
{
    if (fb->overflow || fb->len + n > fb->cap) { fb->overflow = true; return; }
    memcpy(fb->buf + fb->len, s, n);
    fb->len += n;
}

static void put_key(ew_fb_t *fb, const char *key)
{
    put(fb, " ", 1);
    if (key) { put(fb, key, strlen(key)); put(fb, "=", 1); }
}

static const char hexdig[] = "0123456789abcdef";

static void put_uint(ew_fb_t *fb, uint32_t v)
{
    char tmp[10];
    size_t k = sizeof tmp;
    do { tmp[--k] = (char)('0' + v % 10); v /= 10; } while (v);
    put(fb, tmp + k, sizeof tmp - k);
}

/* v as exactly `digits` lowercase hex digits */
static void put_hex_digits(ew_fb_t *fb, uint32_t v, size_t digits)
{
    char tmp[8];
    for (size_t k = digits; k-- > 0; v >>= 4) tmp[k] = hexdig[v & 15];
    put(fb, tmp, digits);
}

void ew_fb_begin(ew_fb_t *fb, char *buf, size_t cap, char kind, uint32_t num, const char *verb)
{
    const char head[2] = { EW_MARKER, kind };
    fb->buf = buf;
    fb->cap = cap;
    fb->len = 0;
    fb->overflow = false;
    put(fb, head, 2);
    put_uint(fb, num);
    put(fb, " ", 1);
    put(fb, verb, strlen(verb));
}

void ew_fb_raw(ew_fb_t *fb, const char *key, const char *text)
{
    put_key(fb, key);
    put(fb, text, strlen(text));
}

void ew_fb_bytes(ew_fb_t *fb, const char *key, const uint8_t *v, size_t len)
{
    put_key(fb, key);
    if (fb->overflow) return;
    int n = ew_escape(fb->buf + fb->len, fb->cap - fb->len, v, len, key == NULL);
    if (n < 0) fb->overflow = true;
    else fb->len += (size_t)n;
}

void ew_fb_uint(ew_fb_t *fb, const char *key, uint32_t v)
{
    put_key(fb, key);
    put_uint(fb, v);
}

void ew_fb_int(ew_fb_t *fb, const char *key, int32_t v)
{
    put_key(fb, key);
    if (v < 0) put(fb, "-", 1);
    put_uint(fb, v < 0 ? 0u - (uint32_t)v : (uint32_t)v);
}

static void put_hex(ew_fb_t *fb, const char *key, bool neg, uint32_t v)
{
    size_t digits = 1;
    while (digits < 8 && v >> (4 * digits)) digits++;
    put_key(fb, key);
    if (neg) put(fb, "-", 1);
    put(fb, "0x", 2);
    put_hex_digits(fb, v, digits);
}

void ew_fb_hex(ew_fb_t *fb, const char *key, uint32_t v)
{
    put_hex(fb, key, false, v);
}

void ew_fb_shex(ew_fb_t *fb, const char *key, int32_t v)
{
    put_hex(fb, key, v < 0, v < 0 ? 0u - (uint32_t)v : (uint32_t)v);
}

void ew_fb_mac(ew_fb_t *fb, const char *key, const uint8_t mac[6])
{
    put_key(fb, key);
    for (int k = 0; k < 6; k++) put_hex_digits(fb, mac[k], 2);
}

void ew_fb_ip4(ew_fb_t *fb, const char *key, const uint8_t ip[4])
{
    put_key(fb, key);
    for (int k = 0; k < 4; k++) {
        if (k) put(fb, ".", 1);
        put_uint(fb, ip[k]);
    }
}

void ew_fb_bool(ew_fb_t *fb, const char *key, bool v)
{
    ew_fb_uint(fb, key, v);   /* 1 or 0 */
}

void ew_fb_flags(ew_fb_t *fb, const char *key, uint32_t bits, const char *letters)
{
    put_key(fb, key);
    bool any = false;
    for (size_t k = 0; letters[k]; k++)
        if (bits & (1u << k)) { put(fb, &letters[k], 1); any = true; }
    if (!any) put(fb, "-", 1);
}

size_t ew_fb_end(ew_fb_t *fb, bool newline)
{
    uint16_t crc = fb->overflow || fb->len < 1 ? 0 : ew_crc16(fb->buf + 1, fb->len - 1);
    put(fb, " *", 2);
    put_hex_digits(fb, crc, 4);
    if (newline) put(fb, "\n", 1);
    return fb->overflow ? 0 : fb->len;
}

size_t ew_frame_encode(const ew_frame_t *f, char *out, size_t cap)
{
    ew_fb_t fb;
    char verb[EW_MAX_LINE + 1];
    uint8_t val[EW_MAX_LINE];
    char key[EW_MAX_LINE + 1];
    if (f->verb_len > EW_MAX_LINE) return 0;
    memcpy(verb, f->verb, f->verb_len);
    verb[f->verb_len] = 0;
    ew_fb_begin(&fb, out, cap, f->kind, f->num, verb);
    for (int i = 0; i < f->ntok; i++) {
        const ew_token_t *t = &f->tok[i];
        int n = ew_token_bytes(t, val, sizeof val);
        if (n < 0) return 0;
        if (t->key) {
            if (t->key_len > EW_MAX_LINE) return 0;
            memcpy(key, t->key, t->key_len);
            key[t->key_len] = 0;
        }
        ew_fb_bytes(&fb, t->key ? key : NULL, val, (size_t)n);
    }
    return ew_fb_end(&fb, false);
}
