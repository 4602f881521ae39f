/* The shared vectors (protocol/vectors/vectors.tsv): decode -> canonical
 * form, canonical re-encode where encode=1, and the firmware's reply where dispatch is given. */
#include <stdlib.h>
#include "harness.h"
#include "fake_port.h"
#include "ew_commands_gen.h"

static int hexv(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

static void canonical(const char *line, size_t len, char *out, size_t cap)
{
    ew_frame_t f;
    if (!ew_line_is_frame(line, len)) { snprintf(out, cap, "log"); return; }
    ew_err_t err = ew_frame_decode(line, len, &f, NULL);
    if (err != EW_OK) { snprintf(out, cap, "error %s", ew_err_name(err)); return; }
    size_t n = (size_t)snprintf(out, cap, "%c %u %.*s", f.kind, (unsigned)f.num, f.verb_len, f.verb);
    for (int i = 0; i < f.ntok && n < cap; i++) {
        uint8_t v[EW_MAX_LINE];
        int vl = ew_token_bytes(&f.tok[i], v, sizeof v);
        n += (size_t)snprintf(out + n, cap - n, " %.*s=", f.tok[i].key ? f.tok[i].key_len : 0, f.tok[i].key ? f.tok[i].key : "");
        for (int k = 0; k < vl && n + 3 < cap; k++) n += (size_t)snprintf(out + n, cap - n, "%02x", v[k]);
    }
}

void test_vectors(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) { printf("note: %s not found, shared vectors skipped\n", path); return; }
    static char row[16384], line[8192], got[8192];
    static fake_t fk;
    static ew_core_t core;
    int count = 0;
    while (fgets(row, sizeof row, fp)) {
        char *cols[5] = { 0 };
        char *p = row;
        row[strcspn(row, "\r\n")] = 0;
        for (int c = 0; c < 5; c++) {
            cols[c] = p;
            char *tab = strchr(p, '\t');
            if (!tab) { p += strlen(p); continue; }
            *tab = 0;
            p = tab + 1;
        }
        if (!cols[1] || !cols[2]) continue;
        size_t hl = strlen(cols[1]), len = hl / 2;
        if (len >= sizeof line) { CHECK(0, "vector %s too long for the test", cols[0]); continue; }
        for (size_t i = 0; i < len; i++) line[i] = (char)(hexv(cols[1][2 * i]) << 4 | hexv(cols[1][2 * i + 1]));
        line[len] = 0;
        count++;

        canonical(line, len, got, sizeof got);
        CHECK(strcmp(got, cols[2]) == 0, "vector %s: decoded '%.200s', want '%.200s'", cols[0], got, cols[2]);

        if (cols[3] && strcmp(cols[3], "1") == 0) {
            ew_frame_t f;
            if (ew_frame_decode(line, len, &f, NULL) == EW_OK) {
                size_t n = ew_frame_encode(&f, got, sizeof got);
                CHECK(n == len && memcmp(got, line, len) == 0, "vector %s: re-encode differs", cols[0]);
            } else CHECK(0, "vector %s: encode=1 but does not decode", cols[0]);
        }

        if (cols[4] && cols[4][0] && !memchr(line, '\n', len) && !memchr(line, '\r', len)) {
            fake_init(&fk);
            ew_core_init(&core, &fk.port);
            ew_core_rx(&core, (const uint8_t *)line, len);
            ew_core_rx(&core, (const uint8_t *)"\n", 1);
            const char *out = fake_line(&fk, 0);
            char want_err[64], want_rx[64];
            snprintf(want_err, sizeof want_err, " err %s", cols[4]);
            snprintf(want_rx, sizeof want_rx, " rx_error error=%s ", cols[4]);
            bool ok = (strncmp(out, "~r", 2) == 0 && strstr(out, want_err) == strchr(out, ' ')) ||
                      (strncmp(out, "~e", 2) == 0 && strstr(out, want_rx));
            CHECK(ok, "vector %s: firmware answered '%.200s', want %s", cols[0], out, cols[4]);
        }
    }
    fclose(fp);
    CHECK(count >= 60, "only %d vectors in %s", count, path);
    printf("vectors: %d checked from %s\n", count, path);
}
