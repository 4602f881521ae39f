#include <stdio.h>
#include <string.h>
#include "fake_port.h"

#define FK(c) ((fake_t *)(c))

static void f_write(void *c, const char *line, size_t len)
{
    fake_t *fk = FK(c);
    if (fk->nout >= FK_MAX_OUT) { memmove(fk->out, fk->out[1], sizeof fk->out[0] * (FK_MAX_OUT - 1));
                                  memmove(fk->out_len, fk->out_len + 1, sizeof fk->out_len[0] * (FK_MAX_OUT - 1));
                                  fk->nout--; }
    if (len > EW_MAX_LINE + 7) len = EW_MAX_LINE + 7;
    memcpy(fk->out[fk->nout], line, len);
    fk->out[fk->nout][len] = 0;
    fk->out_len[fk->nout] = len;
    fk->nout++;
}
static uint32_t f_now(void *c) { return FK(c)->now; }
static void f_log(void *c, ew_log_level_t lvl, const char *tag, const char *msg)
{
    fake_t *fk = FK(c);
    snprintf(fk->last_log, sizeof fk->last_log, "%s: %s", tag, msg);
    fk->nlogs++;
    if (lvl == EW_LOG_WARN) fk->nwarn++;
    if (lvl == EW_LOG_ERROR) fk->nerr++;
}
static void f_info(void *c, ew_device_info_t *di)
{
    (void)c;
    static const uint8_t mac[6] = { 0x30, 0x7b, 0xac, 0x69, 0x41, 0x90 };
    di->fw_version = "0.1.0 test";
    di->idf_version = "v5.5.5";
    di->chip = "esp32c3";
    di->chip_rev = 4;
    memcpy(di->mac, mac, 6);
    di->reset_reason = EW_RESET_REASON_POWERON;
}
static void f_restart(void *c) { FK(c)->restarts++; }

#define OP0(fn, id) static ew_err_t fn(void *c) { FK(c)->calls[id]++; return FK(c)->err[id]; }
OP0(f_init, FK_INIT)
OP0(f_deinit, FK_DEINIT)
OP0(f_start, FK_START)
OP0(f_stop, FK_STOP)
OP0(f_connect, FK_CONNECT)
OP0(f_disconnect, FK_DISCONNECT)
OP0(f_scan_stop, FK_SCAN_STOP)

static ew_err_t f_set_mode(void *c, ew_mode_t m)
{
    FK(c)->calls[FK_SET_MODE]++;
    if (FK(c)->err[FK_SET_MODE]) return FK(c)->err[FK_SET_MODE];
    FK(c)->mode = m;
    return EW_OK;
}
static ew_err_t f_get_mode(void *c, ew_mode_t *m) { FK(c)->calls[FK_GET_MODE]++; *m = FK(c)->mode; return FK(c)->err[FK_GET_MODE]; }
static ew_err_t f_set_config(void *c, const ew_sta_config_t *cfg)
{
    FK(c)->calls[FK_SET_CONFIG]++;
    if (FK(c)->err[FK_SET_CONFIG]) return FK(c)->err[FK_SET_CONFIG];
    FK(c)->cfg = *cfg;
    return EW_OK;
}
static ew_err_t f_get_config(void *c, ew_sta_config_t *cfg)
{
    FK(c)->calls[FK_GET_CONFIG]++;
    *cfg = FK(c)->cfg;
    return FK(c)->err[FK_GET_CONFIG];
}
static ew_err_t f_scan_start(void *c, const ew_scan_config_t *cfg, bool block)
{
    fake_t *fk = FK(c);
    fk->calls[FK_SCAN_START]++;
    if (fk->err[FK_SCAN_START]) return fk->err[FK_SCAN_START];
    fk->scan_cfg = *cfg;
    /* Like esp_wifi_scan_start(block=true) on silicon: the caller gets control back only when
     * the scan is over, and nothing it should have read meanwhile is read. */
    fk->scan_block = block;
    return EW_OK;
}
static ew_err_t f_ap_num(void *c, uint16_t *n)
{
    FK(c)->calls[FK_SCAN_GET_AP_NUM]++;
    *n = FK(c)->nrecs;
    return FK(c)->err[FK_SCAN_GET_AP_NUM];
}
static ew_err_t f_ap_records(void *c, uint16_t *n, ew_ap_sink_t sink, void *sctx)
{
    fake_t *fk = FK(c);
    fk->calls[FK_SCAN_GET_AP_RECORDS]++;
    if (fk->err[FK_SCAN_GET_AP_RECORDS]) return fk->err[FK_SCAN_GET_AP_RECORDS];
    uint16_t k = 0;
    for (; k < fk->nrecs && k < *n; k++) sink(sctx, &fk->recs[k]);
    *n = k;
    fk->nrecs = 0;   /* like the driver: the whole list is freed */
    return EW_OK;
}
static ew_err_t f_clear(void *c) { FK(c)->calls[FK_CLEAR_AP_LIST]++; FK(c)->nrecs = 0; return FK(c)->err[FK_CLEAR_AP_LIST]; }
static ew_err_t f_cc(void *c, const char cc[3], bool d)
{
    FK(c)->calls[FK_SET_COUNTRY_CODE]++;
    memcpy(FK(c)->cc, cc, 3);
    FK(c)->ieee80211d = d;
    return FK(c)->err[FK_SET_COUNTRY_CODE];
}
static ew_err_t f_proto(void *c, ew_proto_flags_t p) { FK(c)->calls[FK_SET_PROTOCOL]++; FK(c)->proto = p; return FK(c)->err[FK_SET_PROTOCOL]; }
static ew_err_t f_bw(void *c, ew_bw_t b) { FK(c)->calls[FK_SET_BANDWIDTH]++; FK(c)->bw = b; return FK(c)->err[FK_SET_BANDWIDTH]; }
static ew_err_t f_ps(void *c, ew_ps_t p) { (void)p; FK(c)->calls[FK_SET_PS]++; return FK(c)->err[FK_SET_PS]; }
static ew_err_t f_inact(void *c, uint16_t s) { FK(c)->calls[FK_SET_INACTIVE_TIME]++; FK(c)->inactive = s; return FK(c)->err[FK_SET_INACTIVE_TIME]; }
static ew_err_t f_rthr(void *c, int32_t r) { FK(c)->calls[FK_SET_RSSI_THRESHOLD]++; FK(c)->rssi_thr = r; return FK(c)->err[FK_SET_RSSI_THRESHOLD]; }
static ew_err_t f_storage(void *c, ew_storage_t s) { (void)s; FK(c)->calls[FK_SET_STORAGE]++; return FK(c)->err[FK_SET_STORAGE]; }
static ew_err_t f_mac(void *c, uint8_t mac[6]) { FK(c)->calls[FK_GET_MAC]++; memset(mac, 0xab, 6); return FK(c)->err[FK_GET_MAC]; }
static ew_err_t f_apinfo(void *c, ew_ap_record_t *rec)
{
    FK(c)->calls[FK_STA_GET_AP_INFO]++;
    memcpy(rec->ssid, "Home Net", 8);
    rec->ssid_len = 8;
    rec->primary = 6;
    rec->rssi = -55;
    rec->auth = EW_AUTH_WPA2;
    rec->pairwise = EW_CIPHER_CCMP;
    rec->group = EW_CIPHER_CCMP;
    rec->phy = EW_PHY_B | EW_PHY_G | EW_PHY_N;
    memcpy(rec->cc, "DE", 3);
    return FK(c)->err[FK_STA_GET_AP_INFO];
}
static ew_err_t f_rssi(void *c, int32_t *r) { FK(c)->calls[FK_STA_GET_RSSI]++; *r = -61; return FK(c)->err[FK_STA_GET_RSSI]; }
static ew_err_t f_ip(void *c, ew_ip_info_t *ip)
{
    FK(c)->calls[FK_GET_IP_INFO]++;
    const uint8_t a[4] = { 192, 168, 1, 50 }, m[4] = { 255, 255, 255, 0 }, g[4] = { 192, 168, 1, 1 };
    memcpy(ip->ip, a, 4); memcpy(ip->mask, m, 4); memcpy(ip->gw, g, 4);
    return FK(c)->err[FK_GET_IP_INFO];
}

static ew_err_t f_get_host(void *c, char *out, size_t cap)
{
    FK(c)->calls[FK_GET_HOSTNAME]++;
    snprintf(out, cap, "%s", FK(c)->hostname);
    return FK(c)->err[FK_GET_HOSTNAME];
}
static ew_err_t f_set_host(void *c, const char *name)
{
    FK(c)->calls[FK_SET_HOSTNAME]++;
    if (FK(c)->err[FK_SET_HOSTNAME] == EW_OK) snprintf(FK(c)->hostname, sizeof FK(c)->hostname, "%s", name);
    return FK(c)->err[FK_SET_HOSTNAME];
}

static const ew_sys_ops_t fake_sys = {
    .write = f_write, .now_ms = f_now, .log = f_log, .get_device_info = f_info, .restart = f_restart,
};

static const ew_wifi_ops_t fake_wifi = {
    .init = f_init, .deinit = f_deinit, .set_mode = f_set_mode, .get_mode = f_get_mode,
    .set_config = f_set_config, .get_config = f_get_config, .start = f_start, .stop = f_stop,
    .connect = f_connect, .disconnect = f_disconnect,
    .scan_start = f_scan_start, .scan_stop = f_scan_stop, .scan_get_ap_num = f_ap_num,
    .scan_get_ap_records = f_ap_records, .clear_ap_list = f_clear,
    .set_country_code = f_cc, .set_protocol = f_proto, .set_bandwidth = f_bw, .set_ps = f_ps,
    .set_inactive_time = f_inact, .set_rssi_threshold = f_rthr, .set_storage = f_storage,
    .get_mac = f_mac, .sta_get_ap_info = f_apinfo, .sta_get_rssi = f_rssi, .get_ip_info = f_ip,
    .get_hostname = f_get_host, .set_hostname = f_set_host,
};

void fake_init(fake_t *fk)
{
    memset(fk, 0, sizeof *fk);
    fk->sys = fake_sys;     /* copies, so a test can remove or replace an op */
    fk->wifi = fake_wifi;
    fk->port = (ew_port_t){ .sys = &fk->sys, .sys_ctx = fk, .wifi = &fk->wifi, .wifi_ctx = fk };
    snprintf(fk->hostname, sizeof fk->hostname, "espressif");
}

void fake_clear_out(fake_t *fk) { fk->nout = 0; }

void fake_send(fake_t *fk, ew_core_t *core, const char *text)
{
    (void)fk;
    char line[EW_MAX_LINE + 16];
    size_t n = strlen(text);
    line[0] = '~';
    memcpy(line + 1, text, n);
    snprintf(line + 1 + n, sizeof line - 1 - n, " *%04x\n", ew_crc16(text, n));
    ew_core_rx(core, (const uint8_t *)line, strlen(line));
}

const char *fake_line(fake_t *fk, int back)
{
    static char buf[EW_MAX_LINE + 8];
    if (back >= fk->nout) return "";
    snprintf(buf, sizeof buf, "%s", fk->out[fk->nout - 1 - back]);
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '\n') buf[n - 1] = 0;
    return buf;
}

const char *fake_field(const char *line, const char *key, char *buf, size_t cap)
{
    size_t kl = strlen(key);
    for (const char *p = line; (p = strchr(p, ' ')) != NULL;) {
        p++;
        if (strncmp(p, key, kl) == 0 && p[kl] == '=') {
            const char *v = p + kl + 1;
            size_t n = strcspn(v, " ");
            if (n >= cap) n = cap - 1;
            memcpy(buf, v, n);
            buf[n] = 0;
            return buf;
        }
    }
    return NULL;
}

void fake_add_rec(fake_t *fk, const char *ssid, int8_t rssi)
{
    ew_ap_record_t *r = &fk->recs[fk->nrecs++];
    memset(r, 0, sizeof *r);
    r->ssid_len = (uint8_t)strlen(ssid);
    memcpy(r->ssid, ssid, r->ssid_len);
    r->rssi = rssi;
    const uint8_t b[6] = { 0x30, 0x7b, 0xac, 0x69, 0x41, (uint8_t)(0x90 + fk->nrecs) };
    memcpy(r->bssid, b, 6);
    r->primary = 1;
    r->auth = EW_AUTH_WPA2;
    r->pairwise = EW_CIPHER_CCMP;
    r->group = EW_CIPHER_CCMP;
    r->phy = EW_PHY_B | EW_PHY_G | EW_PHY_N;
}
