/*
 * Control-channel tokens: `verb key=value ...` with the protocol's value escaping
 * (protocol/PROTOCOL.md §1), so SSIDs and passwords with any bytes pass through stdin.
 * Escaping and unescaping are the core's (ew_codec.h), the same code the board runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"
#include "ew_codec.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Values use the protocol's escaping: the core's codec does the work (ew_unescape never writes
 * ahead of what it has read, so it can run in place). NUL-terminated for the callers' strcmp. */
static long unescape(char *s)
{
    size_t len = strlen(s);
    int n = ew_unescape((uint8_t *)s, len, s, len);
    if (n < 0) return -1;
    s[n] = 0;
    return n;
}

int tok_split(char *line, char **verb, tok_t *toks, int max)
{
    int n = 0;
    char *save = NULL;
    *verb = strtok_r(line, " \t", &save);
    if (!*verb) return -1;
    for (char *t; (t = strtok_r(NULL, " \t", &save));) {
        if (n == max) return -1;
        char *eq = strchr(t, '=');
        bool named = eq && eq > t;
        for (char *k = t; named && k < eq; k++)
            if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_')) named = false;
        if (named) {
            *eq = 0;
            toks[n].key = t;
            toks[n].val = eq + 1;
        } else {
            toks[n].key = NULL;
            toks[n].val = t;
        }
        long len = unescape(toks[n].val);
        if (len < 0) return -1;
        toks[n].val_len = (size_t)len;
        n++;
    }
    return n;
}

tok_t *tok_get(tok_t *toks, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (toks[i].key && strcmp(toks[i].key, key) == 0) return &toks[i];
    return NULL;
}

bool parse_mac(const char *s, uint8_t mac[6])
{
    int k = 0;
    for (const char *p = s; *p;) {
        if (*p == ':' || *p == '-') { p++; continue; }
        int h = hexval(p[0]), l = p[1] ? hexval(p[1]) : -1;
        if (h < 0 || l < 0 || k == 6) return false;
        mac[k++] = (uint8_t)(h * 16 + l);
        p += 2;
    }
    return k == 6;
}

bool parse_ip(const char *s, uint8_t ip[4])
{
    unsigned a, b, c, d;
    char tail;
    if (sscanf(s, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) != 4) return false;
    if (a > 255 || b > 255 || c > 255 || d > 255) return false;
    ip[0] = (uint8_t)a; ip[1] = (uint8_t)b; ip[2] = (uint8_t)c; ip[3] = (uint8_t)d;
    return true;
}

bool parse_int(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    char *end;
    long v = strtol(s, &end, 0);
    if (*end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

int parse_enum(const char *s, const char *const *names, int count)
{
    for (int i = 0; i < count; i++)
        if (strcmp(s, names[i]) == 0) return i;
    return -1;
}
