/* Generic request-argument validation driven by the generated command table, so every
 * command's arguments are checked the same way and protocol.json is the only place ranges live.
 * The order of checks follows the reference validator (protocol/tools/dispatch.mjs): tokens left
 * to right (positional, unknown, repeated, bad value), then missing required arguments. */
#include <string.h>
#include "ew_internal.h"

static bool text_is(const ew_token_t *t, const char *s)
{
    size_t n = strlen(s);
    return t->val_len == n && memcmp(t->val, s, n) == 0;
}

static int hexnib(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;   /* uppercase refused on purpose: MACs are lowercase on the wire */
}

/* Returns NULL when valid, else the why= word. Values are checked on their escaped text: every
 * non-bytes type is plain ASCII, so an escape there is an encoding error anyway. */
static const char *check(const ew_arg_spec_t *s, const ew_token_t *t, ew_arg_t *a)
{
    const char *v = t->val;
    size_t n = t->val_len;
    switch (s->type) {
    case EW_ARGT_INT: {
        size_t i = 0;
        bool neg = n > 0 && v[0] == '-';
        if (neg) i++;
        if (i == n || n - i > 11) return "encoding";
        /* 32-bit on purpose (no 64-bit multiply on rv32): a magnitude past 4e8 saturates, which
         * is past every int32 bound either way */
        uint32_t x = 0;
        for (; i < n; i++) {
            if (v[i] < '0' || v[i] > '9') return "encoding";
            x = x > 400000000u ? UINT32_MAX : x * 10 + (uint32_t)(v[i] - '0');
        }
        if (x > (neg ? 0x80000000u : 0x7fffffffu)) return "range";
        int32_t val = (int32_t)(neg ? 0u - x : x);
        if (val < s->min || val > s->max) return "range";
        a->i = val;
        return NULL;
    }
    case EW_ARGT_BOOL:
        if (n != 1 || (v[0] != '0' && v[0] != '1')) return "encoding";
        a->i = v[0] - '0';
        return NULL;
    case EW_ARGT_BYTES: {
        int len = ew_unescape(NULL, 0, v, n);
        if (len < 0) return "encoding";
        if (len < s->min || len > s->max) return "length";
        return NULL;
    }
    case EW_ARGT_MAC:
        if (n != 12) return "encoding";
        for (int k = 0; k < 6; k++) {
            int hi = hexnib(v[2 * k]), lo = hexnib(v[2 * k + 1]);
            if (hi < 0 || lo < 0) return "encoding";
            a->b[k] = (uint8_t)(hi << 4 | lo);
        }
        return NULL;
    case EW_ARGT_IP4: {
        size_t i = 0;
        for (int k = 0; k < 4; k++) {
            if (k) { if (i >= n || v[i] != '.') return "encoding"; i++; }
            uint32_t x = 0;
            size_t d = 0;
            while (i < n && v[i] >= '0' && v[i] <= '9' && d < 3) { x = x * 10 + (uint32_t)(v[i] - '0'); i++; d++; }
            if (d == 0 || x > 255) return "encoding";
            a->b[k] = (uint8_t)x;
        }
        return i == n ? NULL : "encoding";
    }
    case EW_ARGT_ENUM:
        for (int k = s->min; k <= s->max; k++)
            if (text_is(t, ew_arg_names(s)[k])) { a->i = k; return NULL; }
        return "enum";
    case EW_ARGT_FLAGS: {
        const char *letters = ew_arg_flag_letters(s);
        uint32_t bits = 0;
        if (n == 0) return "enum";
        for (size_t i = 0; i < n; i++) {
            const char *p = strchr(letters, v[i]);
            if (!v[i] || !p) return "enum";
            uint32_t bit = 1u << (p - letters);
            if (bits & bit) return "enum";   /* a repeated letter is a typo, not a set */
            bits |= bit;
        }
        a->i = (int32_t)bits;
        return NULL;
    }
    default:
        return "encoding";
    }
}

ew_err_t ew_args_parse(const ew_cmd_spec_t *spec, const ew_frame_t *f, ew_arg_t *out, ew_arg_error_t *e)
{
    const ew_arg_spec_t *args = ew_cmd_arg(spec, 0);
    memset(out, 0, sizeof(ew_arg_t) * (spec->nargs ? spec->nargs : 1));
    memset(e, 0, sizeof *e);
    for (int ti = 0; ti < f->ntok; ti++) {
        const ew_token_t *t = &f->tok[ti];
        e->err = EW_ERR_BAD_ARG;
        if (!t->key) { e->why = "unknown"; return e->err; }   /* positional: never echo the value */
        e->arg = t->key;
        e->arg_len = t->key_len;
        int ai = -1;
        for (int k = 0; k < spec->nargs; k++)
            if (ew_token_is(t, ew_arg_name(&args[k]))) { ai = k; break; }
        if (ai < 0) { e->why = "unknown"; return e->err; }
        if (out[ai].present) { e->why = "repeated"; return e->err; }
        e->why = check(&args[ai], t, &out[ai]);
        if (e->why) return e->err;
        out[ai].present = true;
        out[ai].tok = t;
    }
    for (int k = 0; k < spec->nargs; k++) {
        if ((args[k].flags & EW_ARGF_REQUIRED) && !out[k].present) {
            e->err = EW_ERR_MISSING_ARG;
            e->arg = ew_arg_name(&args[k]);
            e->arg_len = (uint8_t)strlen(e->arg);
            e->why = NULL;
            return e->err;
        }
    }
    memset(e, 0, sizeof *e);
    return EW_OK;
}

int ew_arg_bytes(const ew_arg_t *a, uint8_t *out, size_t cap)
{
    if (!a->present) return 0;
    return ew_token_bytes(a->tok, out, cap);
}
