/* CRC, escaping and the frame codec on their own, without a core. */
#include <stdlib.h>
#include "harness.h"
#include "ew_codec.h"
#include "ew_commands_gen.h"

static void roundtrip(const uint8_t *v, size_t n, bool positional)
{
    char esc[4 * 256 + 8];
    uint8_t back[256];
    int e = ew_escape(esc, sizeof esc, v, n, positional);
    CHECK(e > 0, "escape failed for %zu bytes", n);
    if (e <= 0) return;
    /* escaped text never contains a separator, a terminator or a raw '=' when positional */
    bool clean = true;
    for (int i = 0; i < e; i++)
        if (esc[i] == ' ' || esc[i] == '\n' || esc[i] == '\r' || (positional && esc[i] == '=')) clean = false;
    CHECK(clean, "escaped text contains a separator");
    int u = ew_unescape(back, sizeof back, esc, (size_t)e);
    CHECK(u == (int)n && memcmp(back, v, n) == 0, "round trip of %zu bytes gave %d", n, u);
}

void test_codec(void)
{
    CHECK(ew_crc16("123456789", 9) == 0x29b1, "crc check value %04x", ew_crc16("123456789", 9));
    CHECK(ew_crc16("", 0) == 0xffff, "crc of nothing");
    CHECK(ew_crc16_update(ew_crc16("1234", 4), "56789", 5) == 0x29b1, "incremental crc");

    /* generated error table: both directions, and unknown codes/names */
    CHECK_STR(ew_err_name(EW_ERR_WIFI_STATE), "WIFI_STATE");
    CHECK_STR(ew_err_name(EW_ERR_ALREADY_FETCHED), "ALREADY_FETCHED");
    CHECK_STR(ew_err_name(EW_ERR_FAIL), "FAIL");
    CHECK(ew_err_name(0x3017) == NULL && ew_err_name(EW_OK) == NULL, "unknown codes have no name");
    CHECK(ew_err_from_name("WIFI_NOT_INIT", 13) == EW_ERR_WIFI_NOT_INIT, "name -> code");
    CHECK(ew_err_from_name("BUSY", 4) == EW_ERR_BUSY && ew_err_from_name("BUS", 3) == EW_OK, "exact names only");

    /* every single byte value, named and positional */
    for (int b = 0; b < 256; b++) {
        uint8_t v = (uint8_t)b;
        roundtrip(&v, 1, false);
        roundtrip(&v, 1, true);
    }
    /* random byte strings up to 64 bytes (passwords), fixed seed for reproducibility */
    srand(12345);
    for (int k = 0; k < 2000; k++) {
        uint8_t v[64];
        size_t n = (size_t)(rand() % 65);
        for (size_t i = 0; i < n; i++) v[i] = (uint8_t)rand();
        roundtrip(v, n, k & 1);
    }

    char esc[64];
    int e = ew_escape(esc, sizeof esc, (const uint8_t *)"", 0, false);
    CHECK(e == 2 && memcmp(esc, "\"\"", 2) == 0, "empty string is \"\"");
    e = ew_escape(esc, sizeof esc, (const uint8_t *)"a b\\\"=", 6, true);
    esc[e < 0 ? 0 : e] = 0;
    CHECK_STR(esc, "a\\sb\\\\\\\"\\x3d");
    e = ew_escape(esc, sizeof esc, (const uint8_t *)"a=b", 3, false);
    esc[e < 0 ? 0 : e] = 0;
    CHECK_STR(esc, "a=b");
    const uint8_t emoji[] = { 0xf0, 0x9f, 0x93, 0xb6, 0xff, 0xc3 };
    e = ew_escape(esc, sizeof esc, emoji, sizeof emoji, false);
    esc[e < 0 ? 0 : e] = 0;
    CHECK_STR(esc, "\xf0\x9f\x93\xb6\\xff\\xc3");
    CHECK(ew_escape(esc, 3, (const uint8_t *)"abcd", 4, false) == -1, "escape reports overflow");
    CHECK(ew_unescape(NULL, 0, "\\q", 2) == -1, "unknown escape refused");
    CHECK(ew_unescape(NULL, 0, "a\"b", 3) == -1, "raw quote refused");
    CHECK(ew_unescape(NULL, 0, "\\x4", 3) == -1, "short \\x refused");
    CHECK(ew_unescape(NULL, 0, "ab\\", 3) == -1, "lone backslash refused");
    CHECK(ew_unescape(NULL, 0, "\\x4A", 4) == 1, "uppercase \\xHH accepted");
    uint8_t small[2];
    CHECK(ew_unescape(small, sizeof small, "abc", 3) == -1, "unescape reports overflow");

    /* decode */
    ew_frame_t f;
    ew_decode_info_t info;
    const char *l1 = "~e5 scan_done status=0 n=3 scan_id=7 *";
    char line[128];
    snprintf(line, sizeof line, "%s%04x", l1, ew_crc16(l1 + 1, strlen(l1) - 3));
    CHECK(ew_frame_decode(line, strlen(line), &f, &info) == EW_OK, "decode %s: %s", line, info.why);
    CHECK(f.kind == 'e' && f.num == 5 && f.ntok == 3 && f.verb_len == 9, "decoded fields");
    CHECK(ew_frame_find(&f, "scan_id") != NULL && ew_frame_find(&f, "nope") == NULL, "find");
    char enc[128];
    size_t n = ew_frame_encode(&f, enc, sizeof enc);
    CHECK(n == strlen(line) && memcmp(enc, line, n) == 0, "re-encode is byte-exact");
    line[strlen(line) - 1] ^= 1;
    CHECK(ew_frame_decode(line, strlen(line), &f, &info) == EW_ERR_BAD_CRC, "bad crc");
    CHECK(ew_frame_decode("~q1 ping", 8, &f, &info) == EW_ERR_BAD_CRC && info.expected_crc == ew_crc16("q1 ping", 7),
          "missing crc gives the expected one");
    CHECK(ew_frame_decode("hello", 5, &f, &info) == EW_ERR_MALFORMED, "non-frame");

    /* builder */
    ew_fb_t fb;
    char out[256];
    const uint8_t mac[6] = { 0x30, 0x7b, 0xac, 0x69, 0x41, 0x90 }, ip[4] = { 10, 0, 0, 255 };
    ew_fb_begin(&fb, out, sizeof out, 'r', 65535, "ok");
    ew_fb_int(&fb, "a", -2147483647 - 1);
    ew_fb_uint(&fb, "b", 4294967295u);
    ew_fb_hex(&fb, "esp", 0x3006);
    ew_fb_hex(&fb, "z", 0);
    ew_fb_mac(&fb, "mac", mac);
    ew_fb_ip4(&fb, "ip", ip);
    ew_fb_flags(&fb, "phy", 0, "bgn");
    ew_fb_flags(&fb, NULL, 5, "bgn");
    n = ew_fb_end(&fb, true);
    out[n] = 0;
    CHECK_PREFIX(out, "~r65535 ok a=-2147483648 b=4294967295 esp=0x3006 z=0x0 mac=307bac694190 ip=10.0.0.255 phy=- bn *");
    CHECK(n > 0 && out[n - 1] == '\n', "newline");
    CHECK(ew_frame_decode(out, n - 1, &f, &info) == EW_OK, "builder output decodes");
    ew_fb_begin(&fb, out, 10, 'r', 1, "ok");
    ew_fb_raw(&fb, "long", "xxxxxxxxxxxxxxxx");
    CHECK(ew_fb_end(&fb, true) == 0, "builder overflow is reported");
}
