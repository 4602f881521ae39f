/* Argument validation for every command and every argument, generated from the same table the
 * core uses (ew_cmd_specs, itself generated from protocol.json): a new argument gets these
 * checks without a new test. */
#include <stdlib.h>
#include "harness.h"
#include "fake_port.h"
#include "ew_commands_gen.h"

static fake_t fk;
static ew_core_t core;

/* A valid value for an argument, as wire text. */
static void valid_value(const ew_arg_spec_t *a, char *out, size_t cap)
{
    switch (a->type) {
    case EW_ARGT_INT: snprintf(out, cap, "%ld", (long)a->min); break;
    case EW_ARGT_BOOL: snprintf(out, cap, "1"); break;
    case EW_ARGT_BYTES: {
        size_t n = a->min ? (size_t)a->min : 1;
        memset(out, 'A', n);
        out[n] = 0;
        break;
    }
    case EW_ARGT_MAC: snprintf(out, cap, "307bac694190"); break;
    case EW_ARGT_IP4: snprintf(out, cap, "10.0.0.1"); break;
    case EW_ARGT_ENUM: snprintf(out, cap, "%s", ew_arg_names(a)[a->max]); break;
    case EW_ARGT_FLAGS: snprintf(out, cap, "%c", ew_arg_flag_letters(a)[0]); break;
    default: out[0] = 0;
    }
}

/* "q1 <verb> <required args except skip> <extra>" */
static void build(char *line, size_t cap, const ew_cmd_spec_t *c, int skip, const char *extra)
{
    char v[128];
    int n = snprintf(line, cap, "q1 %s", ew_cmd_verb(c));
    for (int i = 0; i < c->nargs; i++) {
        if (i == skip || !(ew_cmd_arg(c, i)->flags & EW_ARGF_REQUIRED)) continue;
        valid_value(ew_cmd_arg(c, i), v, sizeof v);
        n += snprintf(line + n, cap - (size_t)n, " %s=%s", ew_arg_name(ew_cmd_arg(c, i)), v);
    }
    if (extra) snprintf(line + n, cap - (size_t)n, " %s", extra);
}

static void expect_reply(const char *req, const char *want_prefix)
{
    fake_clear_out(&fk);
    fake_send(&fk, &core, req);
    const char *got = fake_line(&fk, 0);
    CHECK(strncmp(got, want_prefix, strlen(want_prefix)) == 0, "%s -> '%s', want '%s'", req, got, want_prefix);
}

static void expect_not_arg_error(const char *req)
{
    fake_clear_out(&fk);
    fake_send(&fk, &core, req);
    const char *got = fake_line(&fk, 0);
    CHECK(!strstr(got, "BAD_ARG") && !strstr(got, "MISSING_ARG") && !strstr(got, "MALFORMED"), "%s -> '%s'", req, got);
}

void test_args(void)
{
    char line[1024], extra[512], v[128], want[128];
    fake_init(&fk);
    ew_core_init(&core, &fk.port);

    expect_reply("q1 frobnicate", "~r1 err UNKNOWN_COMMAND *");
    expect_reply("q1 ping 6", "~r1 err BAD_ARG why=unknown *");

    for (int ci = 0; ci < EW_CMD__COUNT; ci++) {
        const ew_cmd_spec_t *c = &ew_cmd_specs[ci];
        if (ci == EW_CMD_RESET) continue;   /* restarts; covered in the rules */
        /* all required present, valid: no argument error */
        build(line, sizeof line, c, -1, NULL);
        expect_not_arg_error(line);
        /* unknown key */
        build(line, sizeof line, c, -1, "zz_nope=1");
        expect_reply(line, "~r1 err BAD_ARG arg=zz_nope why=unknown *");

        for (int ai = 0; ai < c->nargs; ai++) {
            const ew_arg_spec_t *a = ew_cmd_arg(c, ai);
            const char *name = ew_arg_name(a);
            bool req = a->flags & EW_ARGF_REQUIRED;
            valid_value(a, v, sizeof v);
            /* valid alone, then repeated */
            snprintf(extra, sizeof extra, "%s=%s", name, v);
            build(line, sizeof line, c, ai, extra);
            expect_not_arg_error(line);
            snprintf(extra, sizeof extra, "%s=%s %s=%s", name, v, name, v);
            build(line, sizeof line, c, ai, extra);
            snprintf(want, sizeof want, "~r1 err BAD_ARG arg=%s why=repeated *", name);
            expect_reply(line, want);
            /* missing when required */
            if (req) {
                build(line, sizeof line, c, ai, NULL);
                snprintf(want, sizeof want, "~r1 err MISSING_ARG arg=%s *", name);
                expect_reply(line, want);
            }
            /* bad values per type */
            const char *bad[4] = { 0 };
            const char *why[4] = { 0 };
            char b0[128], b1[128];
            int nb = 0;
            switch (a->type) {
            case EW_ARGT_INT:
                snprintf(b0, sizeof b0, "%lld", (long long)a->max + 1);
                snprintf(b1, sizeof b1, "%lld", (long long)a->min - 1);
                bad[nb] = b0; why[nb++] = "range";
                bad[nb] = b1; why[nb++] = "range";
                bad[nb] = "x1"; why[nb++] = "encoding";
                bad[nb] = "+1"; why[nb++] = "encoding";
                break;
            case EW_ARGT_BOOL: bad[nb] = "2"; why[nb++] = "encoding"; bad[nb] = "true"; why[nb++] = "encoding"; break;
            case EW_ARGT_BYTES:
                memset(b0, 'B', (size_t)a->max + 1u);
                b0[a->max + 1] = 0;
                bad[nb] = b0; why[nb++] = "length";
                if (a->min > 0) {
                    memset(b1, 'B', (size_t)a->min - 1u);
                    b1[a->min - 1] = 0;
                    bad[nb] = a->min == 1 ? "\"\"" : b1; why[nb++] = "length";
                }
                break;
            case EW_ARGT_MAC: bad[nb] = "307BAC694190"; why[nb++] = "encoding"; bad[nb] = "307bac69419"; why[nb++] = "encoding"; break;
            case EW_ARGT_IP4: bad[nb] = "10.0.0.256"; why[nb++] = "encoding"; break;
            case EW_ARGT_ENUM: bad[nb] = "NOPE"; why[nb++] = "enum"; bad[nb] = "\"\""; why[nb++] = "enum"; break;
            case EW_ARGT_FLAGS: bad[nb] = "Z"; why[nb++] = "enum"; bad[nb] = "\"\""; why[nb++] = "enum";
                snprintf(b0, sizeof b0, "%c%c", ew_arg_flag_letters(a)[0], ew_arg_flag_letters(a)[0]); bad[nb] = b0; why[nb++] = "enum"; break;
            default: break;
            }
            CHECK(nb > 0, "%s.%s has bad-value cases", ew_cmd_verb(c), name);
            for (int k = 0; k < nb; k++) {
                snprintf(extra, sizeof extra, "%s=%s", name, bad[k]);
                build(line, sizeof line, c, ai, extra);
                snprintf(want, sizeof want, "~r1 err BAD_ARG arg=%s why=%s *", name, why[k]);
                expect_reply(line, want);
            }
        }
    }
    /* the secret is never echoed, even when refused */
    fake_clear_out(&fk);
    fake_send(&fk, &core, "q2 config ssid=x pass=" "0123456789012345678901234567890123456789012345678901234567890123456789");
    CHECK(!strstr(fake_line(&fk, 0), "0123456789"), "password not echoed: %s", fake_line(&fk, 0));
    /* cross-argument rule */
    expect_reply("q1 scan ch=6 bitmap=64", "~r1 err BAD_ARG arg=bitmap why=range *");
    expect_reply("q1 scan ch=0 bitmap=64", "~r1 err WIFI_NOT_INIT");
    /* from ESP-IDF v5.4 bit 0 means "skip every 2.4 GHz channel", bit 15 is reserved */
    expect_reply("q1 scan bitmap=1", "~r1 err BAD_ARG arg=bitmap why=range *");
    expect_reply("q1 scan bitmap=67", "~r1 err BAD_ARG arg=bitmap why=range *");
    expect_reply("q1 scan bitmap=32768", "~r1 err BAD_ARG arg=bitmap why=range *");
    expect_reply("q1 scan bitmap=32767", "~r1 err BAD_ARG arg=bitmap why=range *");
    expect_reply("q1 scan bitmap=32766", "~r1 err WIFI_NOT_INIT");
    /* integers up to 11 digits: leading zeros are fine, any magnitude past int32 is out of range */
    expect_reply("q1 rssi_threshold rssi=-0000000050", "~r1 err WIFI_NOT_INIT");
    expect_reply("q1 rssi_threshold rssi=00000000010", "~r1 err WIFI_NOT_INIT");
    expect_reply("q1 rssi_threshold rssi=99999999999", "~r1 err BAD_ARG arg=rssi why=range *");
    expect_reply("q1 rssi_threshold rssi=-99999999999", "~r1 err BAD_ARG arg=rssi why=range *");
    expect_reply("q1 rssi_threshold rssi=-2147483648", "~r1 err BAD_ARG arg=rssi why=range *");
    expect_reply("q1 rssi_threshold rssi=4294967306", "~r1 err BAD_ARG arg=rssi why=range *");
    expect_reply("q1 rssi_threshold rssi=000000000001", "~r1 err BAD_ARG arg=rssi why=encoding *");
}
