/* The SoftAP handlers against the fake port: argument mapping and defaults, the password never
 * returned, kick by MAC resolving the AID (and never widening to "everyone"), TX power read back,
 * DHCP settings kept when absent, AP event serialization. */
#define _GNU_SOURCE   /* memmem */
#include <stdlib.h>
#include "harness.h"
#include "fake_port.h"

static fake_t fk;
static ew_core_t core;
static ew_ap_config_t ap_cfg;
static ew_dhcps_config_t dhcps;
static int dhcps_sets, deauths, tx_sets;
static uint16_t deauth_aid, aid_for_mac = 3;
static ew_err_t aid_err;
static int8_t tx_q = 80;

static ew_err_t ap_set(void *c, const ew_ap_config_t *cfg) { (void)c; ap_cfg = *cfg; return EW_OK; }
static ew_err_t ap_get(void *c, ew_ap_config_t *cfg) { (void)c; *cfg = ap_cfg; return EW_OK; }
static ew_err_t sta_aid(void *c, const uint8_t mac[6], uint16_t *aid) { (void)c; (void)mac; *aid = aid_for_mac; return aid_err; }
static ew_err_t deauth(void *c, uint16_t aid) { (void)c; deauths++; deauth_aid = aid; return EW_OK; }
static ew_err_t tx_set(void *c, int8_t q) { (void)c; tx_sets++; tx_q = q >= 44 && q < 52 ? 44 : q; return EW_OK; }
static ew_err_t tx_get(void *c, int8_t *q) { (void)c; *q = tx_q; return EW_OK; }
static ew_err_t d_get(void *c, ew_dhcps_config_t *d) { (void)c; *d = dhcps; return EW_OK; }
static ew_err_t d_set(void *c, const ew_dhcps_config_t *d) { (void)c; dhcps_sets++; dhcps = *d; return EW_OK; }
static ew_err_t sta_list(void *c, ew_ap_sta_t *out, uint8_t cap, uint8_t *n)
{
    (void)c;
    static const ew_ap_sta_t one = { { 0x58, 0xcf, 0x79, 0, 2, 0 }, 1, -41 };
    *n = cap ? 1 : 0;
    if (*n) out[0] = one;
    return EW_OK;
}

static const char *req(const char *text)
{
    fake_clear_out(&fk);
    fake_send(&fk, &core, text);
    return fake_line(&fk, 0);
}

static void setup(void)
{
    fake_init(&fk);
    fk.wifi.ap_set_config = ap_set;
    fk.wifi.ap_get_config = ap_get;
    fk.wifi.ap_get_sta_list = sta_list;
    fk.wifi.ap_get_sta_aid = sta_aid;
    fk.wifi.ap_deauth_sta = deauth;
    fk.wifi.set_max_tx_power = tx_set;
    fk.wifi.get_max_tx_power = tx_get;
    fk.wifi.dhcps_get = d_get;
    fk.wifi.dhcps_set = d_set;
    static const ew_dhcps_config_t d0 = { { 192, 168, 4, 1 }, { 255, 255, 255, 0 }, { 192, 168, 4, 2 }, { 192, 168, 4, 101 }, 120 };
    dhcps = d0;
    ew_core_init(&core, &fk.port);
}

void test_softap(void)
{
    setup();
    CHECK_PREFIX(req("q1 softap_config ssid=x"), "~r1 err WIFI_NOT_INIT ");
    CHECK_PREFIX(req("q2 init"), "~r2 ok *");
    CHECK_PREFIX(req("q3 softap_config ssid=Rig\\sAP pass=rig-secret-1"), "~r3 ok *");
    CHECK(ap_cfg.ssid_len == 6 && !memcmp(ap_cfg.ssid, "Rig AP", 6) && ap_cfg.password_len == 12, "ssid and password bytes");
    CHECK(ap_cfg.auth == EW_AUTH_WPA2 && ap_cfg.channel == 1 && ap_cfg.max_connection == 4 && ap_cfg.beacon_interval == 100 &&
          !ap_cfg.hidden && ap_cfg.pmf == EW_PMF_CAPABLE && !ap_cfg.probe_events, "defaults: wpa2 with a password, ch 1, 4 stations");
    CHECK(!memmem(core.line, sizeof core.line, "rig-secret", 10), "password not left in the line buffer");
    const char *gc = req("q4 softap_get_config");
    CHECK_PREFIX(gc, "~r4 ok ssid=Rig\\sAP pass_set=1 ch=1 auth=wpa2 max_conn=4 hidden=0 beacon=100 pmf=capable probe=0 running=0 *");
    CHECK(!strstr(gc, "rig-secret"), "password never returned");
    CHECK_PREFIX(req("q5 softap_config ssid=o ch=11 max=2 hidden=1 beacon=200 pmf=required probe=1"), "~r5 ok *");
    CHECK(ap_cfg.auth == EW_AUTH_OPEN && ap_cfg.channel == 11 && ap_cfg.max_connection == 2 && ap_cfg.hidden &&
          ap_cfg.beacon_interval == 200 && ap_cfg.pmf == EW_PMF_REQUIRED && ap_cfg.probe_events, "open without a password; every field mapped");

    CHECK_PREFIX(req("q6 softap_stations"), "~r6 ok n=1 *");
    CHECK_PREFIX(fake_line(&fk, 1), "~p6 sta 58cf79000200 1 -41 *");

    CHECK_PREFIX(req("q7 softap_kick mac=58cf79000200"), "~r7 ok *");
    CHECK(deauths == 1 && deauth_aid == 3, "kick by MAC deauths the AID the driver names");
    aid_for_mac = 0;
    CHECK_PREFIX(req("q8 softap_kick mac=58cf79000200"), "~r8 err NOT_FOUND ");
    CHECK(deauths == 1, "an AID of 0 for a MAC never becomes deauth-everyone");
    aid_err = EW_ERR_NOT_FOUND;
    CHECK_PREFIX(req("q9 softap_kick mac=58cf79000200"), "~r9 err NOT_FOUND esp=0x105 *");
    CHECK_PREFIX(req("q10 softap_kick"), "~r10 ok *");
    CHECK(deauths == 2 && deauth_aid == 0, "no argument: every station");
    CHECK_PREFIX(req("q11 softap_kick mac=58cf79000200 aid=1"), "~r11 err BAD_ARG arg=aid ");

    CHECK_PREFIX(req("q12 tx_power power=50"), "~r12 err WIFI_NOT_STARTED ");
    CHECK_PREFIX(req("q13 mode m=ap"), "~r13 ok *");
    CHECK_PREFIX(req("q14 start"), "~r14 ok *");
    CHECK_PREFIX(req("q15 tx_power power=50"), "~r15 ok power=44 *");
    CHECK_PREFIX(req("q16 tx_power"), "~r16 ok power=44 *");
    CHECK(tx_sets == 1, "no power= only reads");

    CHECK_PREFIX(req("q17 softap_dhcp"), "~r17 ok ip=192.168.4.1 mask=255.255.255.0 start=192.168.4.2 end=192.168.4.101 lease=120 *");
    CHECK(dhcps_sets == 0, "reading does not restart the DHCP server");
    CHECK_PREFIX(req("q18 softap_dhcp start=192.168.4.50 end=192.168.4.60"), "~r18 ok ip=192.168.4.1 mask=255.255.255.0 start=192.168.4.50 end=192.168.4.60 lease=120 *");
    CHECK(dhcps_sets == 1, "absent settings kept, one set");

    ew_event_t e = { .id = EW_EV_AP_START };
    fake_clear_out(&fk);
    ew_core_on_event(&core, &e);
    CHECK(core.ap_running && strstr(fake_line(&fk, 0), " ap_start *"), "ap_start");
    e = (ew_event_t){ .id = EW_EV_AP_STADISCONNECTED, .u.ap_sta = { { 0x58, 0xcf, 0x79, 0, 2, 0 }, 1, 2 } };
    fake_clear_out(&fk);
    ew_core_on_event(&core, &e);
    CHECK(strstr(fake_line(&fk, 0), " ap_stadisconnected mac=58cf79000200 aid=1 reason=2 *") != NULL, "ap_stadisconnected");
    e = (ew_event_t){ .id = EW_EV_AP_STAIPASSIGNED, .u.ap_sta_ip = { { 0x58, 0xcf, 0x79, 0, 2, 0 }, { 192, 168, 4, 2 } } };
    fake_clear_out(&fk);
    ew_core_on_event(&core, &e);
    CHECK(strstr(fake_line(&fk, 0), " ap_staipassigned ip=192.168.4.2 mac=58cf79000200 *") != NULL, "ap_staipassigned");
    e = (ew_event_t){ .id = EW_EV_AP_STOP };
    fake_clear_out(&fk);
    ew_core_on_event(&core, &e);
    CHECK(!core.ap_running, "ap_stop");
}
