/*
 * ew_codec.h — protocol v1 framing primitives (protocol/PROTOCOL.md §1), usable without a core.
 *
 * The core uses these for the serial protocol; the virtual board reuses them for its control
 * channel. Everything here is pure: no port, no allocation, no global state.
 *
 *   line   = "~" kind number SP verb *(SP token) SP "*" crc4
 *   token  = key "=" value | value            (values are escaped byte strings)
 *
 * Hand-written: no maintained C library implements this framing.
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ew_protocol_gen.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A decoded line never has more tokens than this (the biggest reply, status, has 19 fields).
 * A line with more is MALFORMED rather than silently truncated. */
#define EW_MAX_TOKENS 32

/* ---- CRC-16/CCITT-FALSE (poly 0x1021, init 0xffff, no reflection, no final XOR) ---- */
uint16_t ew_crc16(const void *data, size_t len);
/* Incremental form: start with crc = 0xffff. */
uint16_t ew_crc16_update(uint16_t crc, const void *data, size_t len);

/* ---- value escaping ---- */
/* Escapes len bytes into out (canonical form of the §1 table; the empty string becomes `""`).
 * positional: also escape '=' so the value cannot be read as `key=`.
 * Returns the number of chars written (no NUL), or -1 when out is too small. */
int ew_escape(char *out, size_t cap, const uint8_t *in, size_t len, bool positional);
/* Reverses ew_escape (accepts \xHH for any byte). out may be NULL to only validate and count.
 * Returns the byte count, or -1 when the text is not a valid escaped value (unknown escape,
 * raw '"' or control byte) or more than cap bytes (when out != NULL). */
int ew_unescape(uint8_t *out, size_t cap, const char *in, size_t len);

/* ---- decoding a line ---- */
typedef struct {
    const char *key;      /* NULL for a positional token */
    uint16_t key_len;
    const char *val;      /* escaped text, inside the decoded line; already validated */
    uint16_t val_len;
} ew_token_t;

typedef struct {
    char kind;            /* 'q' 'r' 'p' 'e' */
    uint32_t num;         /* request id or event sequence */
    const char *verb;
    uint16_t verb_len;
    uint8_t ntok;
    ew_token_t tok[EW_MAX_TOKENS];
} ew_frame_t;

/* Why a line was refused; filled by ew_frame_decode when it returns an error. */
typedef struct {
    uint16_t expected_crc;   /* BAD_CRC: the CRC of the line's content, for people typing */
    bool id_readable;        /* MALFORMED with a matching CRC and a q kind with a valid id */
    uint32_t id;             /* the readable id */
    int bad_token;           /* index of the token with a bad value, -1 when not a token */
    const char *why;         /* short static English reason */
} ew_decode_info_t;

/* True when the line starts with the frame marker; every other line is device log. */
static inline bool ew_line_is_frame(const char *line, size_t len)
{
    return len > 0 && line[0] == EW_MARKER;
}

/* Decodes one line (without terminator). f's pointers point into line, which must outlive f.
 * Checks in the order of the reference decoder: marker, length, CRC trailer, CRC, grammar.
 * Returns EW_OK, EW_ERR_LINE_TOO_LONG, EW_ERR_BAD_CRC or EW_ERR_MALFORMED (also for a line
 * without the marker). info may be NULL. */
ew_err_t ew_frame_decode(const char *line, size_t len, ew_frame_t *f, ew_decode_info_t *info);

/* Unescapes token value into out; returns the byte count or -1 (too long for cap). */
int ew_token_bytes(const ew_token_t *t, uint8_t *out, size_t cap);
/* True when token t is named key (NUL-terminated). */
bool ew_token_is(const ew_token_t *t, const char *key);
/* First token named key, or NULL. */
const ew_token_t *ew_frame_find(const ew_frame_t *f, const char *key);

/* ---- building a line ---- */
/* Writes into a caller buffer; any overflow is sticky and makes ew_fb_end fail, so a frame is
 * either complete and correct or not sent at all. */
typedef struct {
    char *buf;
    size_t cap;
    size_t len;
    bool overflow;
} ew_fb_t;

void ew_fb_begin(ew_fb_t *fb, char *buf, size_t cap, char kind, uint32_t num, const char *verb);
/* key == NULL writes a positional token. */
void ew_fb_raw(ew_fb_t *fb, const char *key, const char *text);          /* text written as is */
void ew_fb_bytes(ew_fb_t *fb, const char *key, const uint8_t *v, size_t len); /* escaped */
void ew_fb_int(ew_fb_t *fb, const char *key, int32_t v);
void ew_fb_uint(ew_fb_t *fb, const char *key, uint32_t v);
void ew_fb_hex(ew_fb_t *fb, const char *key, uint32_t v);                 /* 0x + lowercase hex */
void ew_fb_shex(ew_fb_t *fb, const char *key, int32_t v);                 /* esp_err_t: -0x1, 0x3006 */
void ew_fb_mac(ew_fb_t *fb, const char *key, const uint8_t mac[6]);       /* 12 lowercase hex */
void ew_fb_ip4(ew_fb_t *fb, const char *key, const uint8_t ip[4]);
void ew_fb_bool(ew_fb_t *fb, const char *key, bool v);
/* Flag set as letters (bit i = letters[i]); "-" when empty. */
void ew_fb_flags(ew_fb_t *fb, const char *key, uint32_t bits, const char *letters);
/* Appends " *crc" and, when newline, '\n'. Returns the line length, or 0 on overflow. */
size_t ew_fb_end(ew_fb_t *fb, bool newline);

/* Re-encodes a decoded frame canonically into out (no terminator); returns length or 0. */
size_t ew_frame_encode(const ew_frame_t *f, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
