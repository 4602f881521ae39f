/* The generated event, reply and partial encoders (ew_events_gen.h, ew_replies_gen.h: ew_msg_encode
 * over the tables of ew_messages_gen.c) against the shared vectors: one vector per event of
 * protocol.json, and the reply vectors with fields, re-built from typed values, must come out byte
 * for byte as vectors.tsv has it.
 * The vectors are written independently of the C code (protocol/tools/make-vectors.mjs). */
#include <stdlib.h>
#include "harness.h"
#include "ew_events_gen.h"
#include "ew_replies_gen.h"

static int hexv(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

/* The raw line of vector `name` (without its newline), or NULL. */
static const char *vector_line(const char *path, const char *name)
{
    static char row[16384], line[8192];
    FILE *fp = fopen(path, "r");
    if (!fp) return NULL;
    const char *found = NULL;
    size_t nl = strlen(name);
    while (!found && fgets(row, sizeof row, fp)) {
        if (strncmp(row, name, nl) != 0 || row[nl] != '\t') continue;
        const char *hex = row + nl + 1;
        size_t len = strcspn(hex, "\t\r\n") / 2;
        if (len >= sizeof line) break;
        for (size_t i = 0; i < len; i++) line[i] = (char)(hexv(hex[2 * i]) << 4 | hexv(hex[2 * i + 1]));
        line[len] = 0;
        found = line;
    }
    fclose(fp);
    return found;
}

static const uint8_t MAC_AP[6] = { 0x30, 0x7b, 0xac, 0x69, 0x41, 0x90 };
static const uint8_t MAC_STA[6] = { 0x58, 0xcf, 0x79, 0x00, 0x00, 0x02 };
static const uint8_t IP_23[4] = { 192, 168, 1, 23 }, MASK[4] = { 255, 255, 255, 0 }, GW[4] = { 192, 168, 1, 1 };
static const uint8_t IP_AP_STA[4] = { 192, 168, 4, 2 };

static ew_fb_t fb;
static char buf[EW_MAX_LINE + 8];

static void expect(const char *path, const char *vector)
{
    size_t n = ew_fb_end(&fb, false);
    const char *want = vector_line(path, vector);
    CHECK(want != NULL, "vector %s missing from %s", vector, path);
    if (!want) return;
    CHECK(n == strlen(want) && memcmp(buf, want, n) == 0, "encoder for %s: '%.*s', want '%s'", vector, (int)n, buf, want);
}

void test_events_gen(const char *path)
{
    const ew_ev_hello_t hello = { .proto = "1.0", .fw = "0.1.0", .idf = "v5.5.1", .chip = "esp32c3", .rev = 4, .mac = MAC_AP,
                                  .reset = EW_RESET_REASON_POWERON };
    ew_ev_hello_encode(&fb, buf, sizeof buf, 0, &hello);
    expect(path, "ev_hello");
    ew_ev_hello_t with_def = hello;
    with_def.def = EW_PROTO_DEF;   /* the generated header and the vector tools hash the same definition */
    with_def.has_def = true;
    ew_ev_hello_encode(&fb, buf, sizeof buf, 0, &with_def);
    expect(path, "ev_hello_def");
    ew_ev_sta_start_encode(&fb, buf, sizeof buf, 1);
    expect(path, "ev_sta_start");
    ew_ev_sta_stop_encode(&fb, buf, sizeof buf, 9);
    expect(path, "ev_sta_stop");
    const ew_ev_connected_t con = { .ssid = (const uint8_t *)"Home Net", .ssid_len = 8, .bssid = MAC_AP, .ch = 6,
                                    .auth = EW_AUTH_WPA2, .aid = 1 };
    ew_ev_connected_encode(&fb, buf, sizeof buf, 3, &con);
    expect(path, "ev_connected");
    const ew_ev_disconnected_t dis = { .reason = 200, .rssi = -92, .ssid = (const uint8_t *)"\xff\x00", .ssid_len = 2, .bssid = MAC_AP };
    ew_ev_disconnected_encode(&fb, buf, sizeof buf, 8, &dis);
    expect(path, "ev_disconnected_200");
    const ew_ev_scan_done_t sd = { .status = 0, .n = 5, .scan_id = 3 };
    ew_ev_scan_done_encode(&fb, buf, sizeof buf, 5, &sd);
    expect(path, "ev_scan_done");
    ew_ev_beacon_timeout_encode(&fb, buf, sizeof buf, 7);
    expect(path, "ev_beacon_timeout");
    const ew_ev_rssi_low_t low = { .rssi = -82 };
    ew_ev_rssi_low_encode(&fb, buf, sizeof buf, 10, &low);
    expect(path, "ev_rssi_low");
    const ew_ev_authmode_change_t am = { .old = EW_AUTH_WPA2, .new = EW_AUTH_WPA2_WPA3 };
    ew_ev_authmode_change_encode(&fb, buf, sizeof buf, 11, &am);
    expect(path, "ev_authmode_change");
    const ew_ev_home_channel_change_t hc = { .old_ch = 6, .old_second = EW_SECOND_NONE, .new_ch = 11, .new_second = EW_SECOND_BELOW };
    ew_ev_home_channel_change_encode(&fb, buf, sizeof buf, 12, &hc);
    expect(path, "ev_home_channel_change");
    const ew_ev_got_ip_t ip = { .ip = IP_23, .mask = MASK, .gw = GW, .changed = false };
    ew_ev_got_ip_encode(&fb, buf, sizeof buf, 4, &ip);
    expect(path, "ev_got_ip");
    ew_ev_lost_ip_encode(&fb, buf, sizeof buf, 14);
    expect(path, "ev_lost_ip");
    const ew_ev_rx_error_t crc = { .error = "BAD_CRC", .expected = "ba79", .has_expected = true, .line = 7 };
    ew_ev_rx_error_encode(&fb, buf, sizeof buf, 15, &crc);
    expect(path, "ev_rx_error_bad_crc");
    const ew_ev_rx_error_t tl = { .error = "LINE_TOO_LONG", .expected = "ba79", .has_expected = false, .line = 8 };
    ew_ev_rx_error_encode(&fb, buf, sizeof buf, 16, &tl);
    expect(path, "ev_rx_error_too_long");
    ew_ev_ap_start_encode(&fb, buf, sizeof buf, 18);
    expect(path, "ev_ap_start");
    ew_ev_ap_stop_encode(&fb, buf, sizeof buf, 24);
    expect(path, "ev_ap_stop");
    const ew_ev_ap_staconnected_t sc = { .mac = MAC_STA, .aid = 1 };
    ew_ev_ap_staconnected_encode(&fb, buf, sizeof buf, 19, &sc);
    expect(path, "ev_ap_staconnected");
    const ew_ev_ap_stadisconnected_t sdis = { .mac = MAC_STA, .aid = 1, .reason = 2 };
    ew_ev_ap_stadisconnected_encode(&fb, buf, sizeof buf, 21, &sdis);
    expect(path, "ev_ap_stadisconnected_kick");
    const ew_ev_ap_staipassigned_t sip = { .ip = IP_AP_STA, .mac = MAC_STA };
    ew_ev_ap_staipassigned_encode(&fb, buf, sizeof buf, 20, &sip);
    expect(path, "ev_ap_staipassigned");
    const ew_ev_ap_probereqrecved_t pr = { .mac = MAC_STA, .rssi = -40 };
    ew_ev_ap_probereqrecved_encode(&fb, buf, sizeof buf, 23, &pr);
    expect(path, "ev_ap_probereqrecved");

    /* Values outside the wire type never reach the wire: clamped, or the enum's fallback name. */
    const ew_ev_ap_stadisconnected_t big = { .mac = MAC_STA, .aid = 1, .reason = 300 };
    ew_ev_ap_stadisconnected_encode(&fb, buf, sizeof buf, 1, &big);
    ew_fb_end(&fb, false);
    CHECK_PREFIX(buf, "~e1 ap_stadisconnected mac=58cf79000002 aid=1 reason=255 *");
    const ew_ev_authmode_change_t bad = { .old = 99, .new = EW_AUTH__COUNT };
    ew_ev_authmode_change_encode(&fb, buf, sizeof buf, 1, &bad);
    ew_fb_end(&fb, false);
    CHECK_PREFIX(buf, "~e1 authmode_change old=unknown new=unknown *");
    const ew_ev_home_channel_change_t sec = { .old_ch = 6, .old_second = 7, .new_ch = 6, .new_second = EW_SECOND_ABOVE };
    ew_ev_home_channel_change_encode(&fb, buf, sizeof buf, 1, &sec);
    ew_fb_end(&fb, false);
    CHECK_PREFIX(buf, "~e1 home_channel_change old_ch=6 old_second=none new_ch=6 new_second=above *");
}

void test_replies_gen(const char *path)
{
    static const uint8_t ZERO_MAC[6], OFFICE5[6] = { 0xa0, 0xb1, 0xc2, 0xd3, 0xe4, 0xf6 };
    static const uint8_t DHCP_IP[4] = { 192, 168, 5, 1 }, DHCP_START[4] = { 192, 168, 5, 50 }, DHCP_END[4] = { 192, 168, 5, 60 };
    const ew_reply_info_t info = { .proto = "1.0", .fw = "0.1.0", .idf = "v5.5.1", .chip = "esp32c3", .rev = 4, .mac = MAC_AP,
                                   .reset = EW_RESET_REASON_POWERON };
    ew_reply_info_encode(&fb, buf, sizeof buf, 31, &info);
    expect(path, "ok_info");
    const ew_reply_status_t idle = { .phase = EW_PHASE_INIT, .mode = EW_MODE_STA, .scan = EW_SCAN_STATE_IDLE, .seq = 2, .rx_frames = 3 };
    ew_reply_status_encode(&fb, buf, sizeof buf, 32, &idle);
    expect(path, "ok_status_idle");
    const ew_reply_get_config_t cfg = { .ssid = (const uint8_t *)"HomeNet", .ssid_len = 7, .pass_set = true, .bssid = ZERO_MAC,
                                        .scan_method = EW_SCAN_METHOD_FAST, .sort = EW_SORT_METHOD_SIGNAL, .auth = EW_AUTH_OPEN,
                                        .pmf = EW_PMF_CAPABLE };
    ew_reply_get_config_encode(&fb, buf, sizeof buf, 39, &cfg);
    expect(path, "ok_get_config");
    const ew_partial_ap_t ap = { .ssid = (const uint8_t *)"Office-5", .ssid_len = 8, .rssi = -48, .bssid = OFFICE5, .ch = 36,
                                 .auth = EW_AUTH_WPA3, .pairwise = EW_CIPHER_GCMP256, .group = EW_CIPHER_GCMP256,
                                 .phy = EW_PHY_A | EW_PHY_C | EW_PHY_X, .second = EW_SECOND_NONE, .has_second = true,
                                 .bw = EW_BW_BW80, .has_bw = true, .cc = "DE", .has_cc = true };
    ew_partial_ap_encode(&fb, buf, sizeof buf, 50, &ap);
    expect(path, "ap_with_extras");
    const ew_reply_ap_records_t recs = { .n = 10, .total = 14, .scan_id = 4 };
    ew_reply_ap_records_encode(&fb, buf, sizeof buf, 51, &recs);
    expect(path, "ok_ap_records_truncated");
    const ew_reply_ap_info_t ai = { .ssid = (const uint8_t *)"Home Net", .ssid_len = 8, .bssid = MAC_AP, .ch = 6, .rssi = -58,
                                    .auth = EW_AUTH_WPA2, .pairwise = EW_CIPHER_CCMP, .group = EW_CIPHER_CCMP,
                                    .phy = EW_PHY_B | EW_PHY_G | EW_PHY_N, .second = EW_SECOND_NONE, .bw = EW_BW_HT20, .cc = "CN" };
    ew_reply_ap_info_encode(&fb, buf, sizeof buf, 64, &ai);
    expect(path, "ok_ap_info");
    const ew_partial_sta_t sta = { .mac = MAC_STA, .aid = 1, .rssi = -41 };
    ew_partial_sta_encode(&fb, buf, sizeof buf, 123, &sta);
    expect(path, "sta_record");
    const ew_reply_softap_dhcp_t dhcp = { .ip = DHCP_IP, .mask = MASK, .start = DHCP_START, .end = DHCP_END, .lease = 1 };
    ew_reply_softap_dhcp_encode(&fb, buf, sizeof buf, 130, &dhcp);
    expect(path, "ok_softap_dhcp");
    const ew_reply_protocol_t rc = { .reconnect = true };
    ew_reply_protocol_encode(&fb, buf, sizeof buf, 54, &rc);
    expect(path, "ok_protocol_reconnect");
}
