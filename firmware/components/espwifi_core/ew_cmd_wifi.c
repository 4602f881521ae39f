/* The seed's station phases: init, mode, config, start, connect, disconnect, stop, deinit.
 * Guards refuse with the driver's own error names before calling it, because some of these
 * misuses crash or leak in ESP-IDF instead of returning an error (e.g. a second default STA
 * netif) and a person typing into a terminal must not be able to break the board. */
#include <string.h>
#include "ew_internal.h"

static const char *TAG = "ew_cmd_wifi";

void ew_cmd_init(ew_req_t *r)
{
    ew_core_t *c = r->core;
    /* esp_netif_create_default_wifi_sta() aborts when called twice: refuse a second init. */
    if (c->phase != EW_PHASE_UNINIT) { ew_reply_err(r, EW_ERR_INVALID_STATE); return; }
    ew_reply_result(r, ew_wifi_init(c));
}

ew_err_t ew_wifi_init(ew_core_t *c)
{
    ew_err_t err = EW_PORT_CALL(c, init);
    if (err == EW_OK) {
        c->phase = EW_PHASE_INIT;
        c->scan_state = EW_SCAN_STATE_IDLE;
        /* esp_wifi_init restores mode and STA config from flash (storage=flash, the default):
         * after a reset the driver is not in the state a fresh core assumes. */
        ew_mode_t m;
        if (EW_PORT_CALL(c, get_mode, &m) == EW_OK && m < EW_MODE__COUNT) c->mode = m;
    }
    return err;
}

void ew_cmd_deinit(ew_req_t *r)
{
    ew_core_t *c = r->core;
    if (!ew_need_init(r)) return;
    if (c->phase >= EW_PHASE_STARTED) { ew_reply_err(r, EW_ERR_WIFI_NOT_STOPPED); return; }
    ew_err_t err = EW_PORT_CALL(c, deinit);
    if (err == EW_OK) {
        c->phase = EW_PHASE_UNINIT;
        c->scan_state = EW_SCAN_STATE_IDLE;   /* the driver's records went with it */
        c->mode = EW_MODE_NULL;
    }
    ew_reply_result(r, err);
}

void ew_cmd_mode(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    ew_mode_t m = (ew_mode_t)r->args[EW_ARG_MODE_M].i;
    ew_err_t err = EW_PORT_CALL(r->core, set_mode, m);
    if (err == EW_OK) r->core->mode = m;
    ew_reply_result(r, err);
}

void ew_sta_config_defaults(ew_sta_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->scan_method = EW_SCAN_METHOD_FAST;
    cfg->sort_method = EW_SORT_METHOD_SIGNAL;
    cfg->auth_threshold = EW_AUTH_OPEN;
    cfg->pmf = EW_PMF_CAPABLE;
}

void ew_cmd_config(ew_req_t *r)
{
    const ew_arg_t *a = r->args;
    ew_sta_config_t cfg;
    if (!ew_need_init(r)) return;
    if (r->core->phase == EW_PHASE_CONNECTING) { ew_reply_err(r, EW_ERR_WIFI_STATE); return; }
    /* esp_wifi_set_config replaces the whole config: absent arguments take the driver's
     * defaults rather than keeping stale values from an earlier call. */
    ew_sta_config_defaults(&cfg);
    cfg.ssid_len = (uint8_t)ew_arg_bytes(&a[EW_ARG_CONFIG_SSID], cfg.ssid, sizeof cfg.ssid);
    cfg.password_len = (uint8_t)ew_arg_bytes(&a[EW_ARG_CONFIG_PASS], cfg.password, sizeof cfg.password);
    if (a[EW_ARG_CONFIG_BSSID].present) {
        cfg.bssid_set = true;
        memcpy(cfg.bssid, a[EW_ARG_CONFIG_BSSID].b, 6);
    }
    if (a[EW_ARG_CONFIG_CH].present) cfg.channel = (uint8_t)a[EW_ARG_CONFIG_CH].i;
    if (a[EW_ARG_CONFIG_SCAN].present) cfg.scan_method = (ew_scan_method_t)a[EW_ARG_CONFIG_SCAN].i;
    if (a[EW_ARG_CONFIG_SORT].present) cfg.sort_method = (ew_sort_method_t)a[EW_ARG_CONFIG_SORT].i;
    if (a[EW_ARG_CONFIG_RSSI].present) cfg.rssi_threshold = (int8_t)a[EW_ARG_CONFIG_RSSI].i;
    if (a[EW_ARG_CONFIG_AUTH].present) cfg.auth_threshold = (ew_auth_t)a[EW_ARG_CONFIG_AUTH].i;
    if (a[EW_ARG_CONFIG_PMF].present) cfg.pmf = (ew_pmf_t)a[EW_ARG_CONFIG_PMF].i;
    if (a[EW_ARG_CONFIG_RETRY].present) cfg.failure_retry_cnt = (uint8_t)a[EW_ARG_CONFIG_RETRY].i;
    if (a[EW_ARG_CONFIG_LISTEN].present) cfg.listen_interval = (uint16_t)a[EW_ARG_CONFIG_LISTEN].i;
    ew_err_t err = EW_PORT_CALL(r->core, set_config, &cfg);
    /* Do not leave the password on the stack for the next function to find. */
    memset(cfg.password, 0, sizeof cfg.password);
    ew_reply_result(r, err);
}

void ew_cmd_get_config(ew_req_t *r)
{
    ew_sta_config_t cfg;
    static const uint8_t zero_mac[6];
    if (!ew_need_init(r)) return;
    memset(&cfg, 0, sizeof cfg);
    ew_err_t err = EW_PORT_CALL(r->core, get_config, &cfg);
    bool pass_set = cfg.password_len > 0;
    memset(cfg.password, 0, sizeof cfg.password);   /* never returned, never kept */
    if (err != EW_OK) { ew_reply_err(r, err); return; }
    const ew_reply_get_config_t v = {
        .ssid = cfg.ssid, .ssid_len = cfg.ssid_len > EW_SSID_MAX ? EW_SSID_MAX : cfg.ssid_len, .pass_set = pass_set,
        .bssid = cfg.bssid_set ? cfg.bssid : zero_mac, .ch = cfg.channel, .scan_method = cfg.scan_method,
        .sort = cfg.sort_method, .rssi = cfg.rssi_threshold, .auth = cfg.auth_threshold, .pmf = cfg.pmf,
        .retry = cfg.failure_retry_cnt, .listen = cfg.listen_interval };
    EW_REPLY(r, get_config, &v);
}

void ew_cmd_start(ew_req_t *r)
{
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, start);
    /* STA_START confirms it; moving now lets an immediate connect pass the guard. */
    if (err == EW_OK && r->core->phase < EW_PHASE_STARTED) r->core->phase = EW_PHASE_STARTED;
    ew_reply_result(r, err);
}

void ew_cmd_stop(ew_req_t *r)
{
    ew_core_t *c = r->core;
    if (!ew_need_init(r)) return;
    ew_err_t err = EW_PORT_CALL(c, stop);
    if (err == EW_OK) {
        c->phase = EW_PHASE_INIT;
        /* A stopped driver posts no SCAN_DONE for a scan it aborted. */
        if (c->scan_state == EW_SCAN_STATE_RUNNING) c->scan_state = EW_SCAN_STATE_IDLE;
        c->have_ip = false;
    }
    ew_reply_result(r, err);
}

void ew_cmd_connect(ew_req_t *r)
{
    if (!ew_need_started(r)) return;
    /* Espressif's own tests assert WIFI_CONN for a connect during an attempt. */
    if (r->core->phase == EW_PHASE_CONNECTING) { ew_reply_err(r, EW_ERR_WIFI_CONN); return; }
    /* The driver would abort a user scan for the connect; our rule keeps the scan the host asked
     * for and refuses the connect with our own error (not the driver's WIFI_CONN, which a host
     * reads as "already connecting"). */
    if (r->core->scan_state == EW_SCAN_STATE_RUNNING) { ew_reply_err(r, EW_ERR_SCAN_IN_PROGRESS); return; }
    ew_err_t err = EW_PORT_CALL(r->core, connect);
    if (err == EW_OK && r->core->phase == EW_PHASE_STARTED) r->core->phase = EW_PHASE_CONNECTING;
    ew_reply_result(r, err);
}

void ew_cmd_disconnect(ew_req_t *r)
{
    if (!ew_need_started(r)) return;
    ew_err_t err = EW_PORT_CALL(r->core, disconnect);
    if (err == EW_OK && r->core->phase == EW_PHASE_CONNECTING) {
        /* No DISCONNECTED follows an attempt that never associated. */
        r->core->phase = EW_PHASE_STARTED;
        static const char *const parts[] = { "disconnect while connecting: attempt abandoned", NULL };
        ew_log(r->core, EW_LOG_INFO, TAG, parts);
    }
    ew_reply_result(r, err);
}
