/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */

#include <string.h>
#include "ew_commands_gen.h"

static const ew_arg_spec_t args_mode[1] = {
    { "m", EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0, 0, 0, 3, ew_mode_names, NULL },
};
static const ew_arg_spec_t args_config[11] = {
    { "ssid", EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0, 32, 0, 0, NULL, NULL },
    { "pass", EW_ARGT_BYTES, EW_ARGF_SECRET, 0, 64, 0, 0, NULL, NULL },
    { "bssid", EW_ARGT_MAC, 0, 0, 0, 0, 0, NULL, NULL },
    { "ch", EW_ARGT_INT, 0, 0, 0, 0, 14, NULL, NULL },
    { "scan", EW_ARGT_ENUM, 0, 0, 0, 0, 1, ew_scan_method_names, NULL },
    { "sort", EW_ARGT_ENUM, 0, 0, 0, 0, 1, ew_sort_method_names, NULL },
    { "rssi", EW_ARGT_INT, 0, 0, 0, -127, 0, NULL, NULL },
    { "auth", EW_ARGT_ENUM, 0, 0, 0, 0, 17, ew_auth_names, NULL },
    { "pmf", EW_ARGT_ENUM, 0, 0, 0, 0, 2, ew_pmf_names, NULL },
    { "retry", EW_ARGT_INT, 0, 0, 0, 0, 255, NULL, NULL },
    { "listen", EW_ARGT_INT, 0, 0, 0, 0, 65535, NULL, NULL },
};
static const ew_arg_spec_t args_scan[12] = {
    { "ssid", EW_ARGT_BYTES, 0, 0, 32, 0, 0, NULL, NULL },
    { "bssid", EW_ARGT_MAC, 0, 0, 0, 0, 0, NULL, NULL },
    { "ch", EW_ARGT_INT, 0, 0, 0, 0, 14, NULL, NULL },
    { "hidden", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
    { "type", EW_ARGT_ENUM, 0, 0, 0, 0, 1, ew_scan_type_names, NULL },
    { "min", EW_ARGT_INT, 0, 0, 0, 0, 1500, NULL, NULL },
    { "max", EW_ARGT_INT, 0, 0, 0, 0, 1500, NULL, NULL },
    { "passive", EW_ARGT_INT, 0, 0, 0, 0, 1500, NULL, NULL },
    { "home", EW_ARGT_INT, 0, 0, 0, 0, 255, NULL, NULL },
    { "bitmap", EW_ARGT_INT, 0, 0, 0, 0, 32766, NULL, NULL },
    { "coex", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
    { "block", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
};
static const ew_arg_spec_t args_ap_records[1] = {
    { "max", EW_ARGT_INT, 0, 0, 0, 1, 64, NULL, NULL },
};
static const ew_arg_spec_t args_country[2] = {
    { "cc", EW_ARGT_BYTES, EW_ARGF_REQUIRED, 2, 2, 0, 0, NULL, NULL },
    { "ieee80211d", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
};
static const ew_arg_spec_t args_protocol[1] = {
    { "p", EW_ARGT_FLAGS, EW_ARGF_REQUIRED, 0, 0, 0, 0, NULL, EW_PROTO_LETTERS },
};
static const ew_arg_spec_t args_bandwidth[1] = {
    { "bw", EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0, 0, 0, 4, ew_bw_names, NULL },
};
static const ew_arg_spec_t args_ps[1] = {
    { "mode", EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0, 0, 0, 2, ew_ps_names, NULL },
};
static const ew_arg_spec_t args_inactive_time[1] = {
    { "sec", EW_ARGT_INT, EW_ARGF_REQUIRED, 0, 0, 3, 65535, NULL, NULL },
};
static const ew_arg_spec_t args_rssi_threshold[1] = {
    { "rssi", EW_ARGT_INT, EW_ARGF_REQUIRED, 0, 0, -100, 10, NULL, NULL },
};
static const ew_arg_spec_t args_storage[1] = {
    { "s", EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0, 0, 0, 1, ew_storage_names, NULL },
};
static const ew_arg_spec_t args_softap_config[9] = {
    { "ssid", EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0, 32, 0, 0, NULL, NULL },
    { "pass", EW_ARGT_BYTES, EW_ARGF_SECRET, 0, 64, 0, 0, NULL, NULL },
    { "ch", EW_ARGT_INT, 0, 0, 0, 1, 14, NULL, NULL },
    { "auth", EW_ARGT_ENUM, 0, 0, 0, 0, 17, ew_auth_names, NULL },
    { "max", EW_ARGT_INT, 0, 0, 0, 1, 15, NULL, NULL },
    { "hidden", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
    { "beacon", EW_ARGT_INT, 0, 0, 0, 100, 60000, NULL, NULL },
    { "pmf", EW_ARGT_ENUM, 0, 0, 0, 0, 2, ew_pmf_names, NULL },
    { "probe", EW_ARGT_BOOL, 0, 0, 0, 0, 0, NULL, NULL },
};
static const ew_arg_spec_t args_softap_kick[2] = {
    { "mac", EW_ARGT_MAC, 0, 0, 0, 0, 0, NULL, NULL },
    { "aid", EW_ARGT_INT, 0, 0, 0, 1, 255, NULL, NULL },
};
static const ew_arg_spec_t args_tx_power[1] = {
    { "power", EW_ARGT_INT, 0, 0, 0, 8, 84, NULL, NULL },
};
static const ew_arg_spec_t args_softap_dhcp[5] = {
    { "ip", EW_ARGT_IP4, 0, 0, 0, 0, 0, NULL, NULL },
    { "mask", EW_ARGT_IP4, 0, 0, 0, 0, 0, NULL, NULL },
    { "start", EW_ARGT_IP4, 0, 0, 0, 0, 0, NULL, NULL },
    { "end", EW_ARGT_IP4, 0, 0, 0, 0, 0, NULL, NULL },
    { "lease", EW_ARGT_INT, 0, 0, 0, 1, 65535, NULL, NULL },
};

const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT] = {
    { "ping", NULL, 0 },
    { "info", NULL, 0 },
    { "status", NULL, 0 },
    { "init", NULL, 0 },
    { "deinit", NULL, 0 },
    { "mode", args_mode, 1 },
    { "config", args_config, 11 },
    { "get_config", NULL, 0 },
    { "start", NULL, 0 },
    { "stop", NULL, 0 },
    { "connect", NULL, 0 },
    { "disconnect", NULL, 0 },
    { "scan", args_scan, 12 },
    { "scan_stop", NULL, 0 },
    { "ap_num", NULL, 0 },
    { "ap_records", args_ap_records, 1 },
    { "country", args_country, 2 },
    { "protocol", args_protocol, 1 },
    { "bandwidth", args_bandwidth, 1 },
    { "ps", args_ps, 1 },
    { "inactive_time", args_inactive_time, 1 },
    { "rssi_threshold", args_rssi_threshold, 1 },
    { "storage", args_storage, 1 },
    { "mac", NULL, 0 },
    { "ap_info", NULL, 0 },
    { "rssi", NULL, 0 },
    { "ip_info", NULL, 0 },
    { "reset", NULL, 0 },
    { "softap_config", args_softap_config, 9 },
    { "softap_get_config", NULL, 0 },
    { "softap_stations", NULL, 0 },
    { "softap_kick", args_softap_kick, 2 },
    { "tx_power", args_tx_power, 1 },
    { "softap_dhcp", args_softap_dhcp, 5 },
};

static const struct { ew_err_t code; const char *name; } err_names[] = {
    { EW_ERR_BAD_CRC, "BAD_CRC" },
    { EW_ERR_LINE_TOO_LONG, "LINE_TOO_LONG" },
    { EW_ERR_MALFORMED, "MALFORMED" },
    { EW_ERR_UNKNOWN_COMMAND, "UNKNOWN_COMMAND" },
    { EW_ERR_BAD_ARG, "BAD_ARG" },
    { EW_ERR_MISSING_ARG, "MISSING_ARG" },
    { EW_ERR_ALREADY_FETCHED, "ALREADY_FETCHED" },
    { EW_ERR_NO_SCAN, "NO_SCAN" },
    { EW_ERR_SCAN_IN_PROGRESS, "SCAN_IN_PROGRESS" },
    { EW_ERR_BUSY, "BUSY" },
    { EW_ERR_FAIL, "FAIL" },
    { EW_ERR_NO_MEM, "NO_MEM" },
    { EW_ERR_INVALID_ARG, "INVALID_ARG" },
    { EW_ERR_INVALID_STATE, "INVALID_STATE" },
    { EW_ERR_INVALID_SIZE, "INVALID_SIZE" },
    { EW_ERR_NOT_FOUND, "NOT_FOUND" },
    { EW_ERR_NOT_SUPPORTED, "NOT_SUPPORTED" },
    { EW_ERR_TIMEOUT, "TIMEOUT" },
    { EW_ERR_WIFI_NOT_INIT, "WIFI_NOT_INIT" },
    { EW_ERR_WIFI_NOT_STARTED, "WIFI_NOT_STARTED" },
    { EW_ERR_WIFI_NOT_STOPPED, "WIFI_NOT_STOPPED" },
    { EW_ERR_WIFI_IF, "WIFI_IF" },
    { EW_ERR_WIFI_MODE, "WIFI_MODE" },
    { EW_ERR_WIFI_STATE, "WIFI_STATE" },
    { EW_ERR_WIFI_CONN, "WIFI_CONN" },
    { EW_ERR_WIFI_NVS, "WIFI_NVS" },
    { EW_ERR_WIFI_MAC, "WIFI_MAC" },
    { EW_ERR_WIFI_SSID, "WIFI_SSID" },
    { EW_ERR_WIFI_PASSWORD, "WIFI_PASSWORD" },
    { EW_ERR_WIFI_TIMEOUT, "WIFI_TIMEOUT" },
    { EW_ERR_WIFI_WAKE_FAIL, "WIFI_WAKE_FAIL" },
    { EW_ERR_WIFI_WOULD_BLOCK, "WIFI_WOULD_BLOCK" },
    { EW_ERR_WIFI_NOT_CONNECT, "WIFI_NOT_CONNECT" },
    { EW_ERR_WIFI_POST, "WIFI_POST" },
    { EW_ERR_WIFI_INIT_STATE, "WIFI_INIT_STATE" },
    { EW_ERR_WIFI_STOP_STATE, "WIFI_STOP_STATE" },
    { EW_ERR_WIFI_NOT_ASSOC, "WIFI_NOT_ASSOC" },
    { EW_ERR_WIFI_TX_DISALLOW, "WIFI_TX_DISALLOW" },
    { EW_ERR_ESP_NETIF_INVALID_PARAMS, "ESP_NETIF_INVALID_PARAMS" },
    { EW_ERR_ESP_NETIF_IF_NOT_READY, "ESP_NETIF_IF_NOT_READY" },
    { EW_ERR_ESP_NETIF_DHCP_ALREADY_STARTED, "ESP_NETIF_DHCP_ALREADY_STARTED" },
    { EW_ERR_ESP_NETIF_DHCP_ALREADY_STOPPED, "ESP_NETIF_DHCP_ALREADY_STOPPED" },
    { EW_ERR_ESP_NETIF_DHCP_NOT_STOPPED, "ESP_NETIF_DHCP_NOT_STOPPED" },
};

const char *ew_err_name(ew_err_t err)
{
    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)
        if (err_names[i].code == err) return err_names[i].name;
    return NULL;
}

ew_err_t ew_err_from_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)
        if (strlen(err_names[i].name) == len && memcmp(err_names[i].name, name, len) == 0) return err_names[i].code;
    return EW_OK;
}
