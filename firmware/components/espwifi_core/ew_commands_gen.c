/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */

#include <string.h>
#include "ew_commands_gen.h"

const char ew_cmd_pool[] =
    "ESP_NETIF_DHCP_ALREADY_STARTED\0" "ESP_NETIF_DHCP_ALREADY_STOPPED\0"
    "ESP_NETIF_DHCP_NOT_STOPPED\0" "ESP_NETIF_INVALID_PARAMS\0" "ESP_NETIF_IF_NOT_READY\0"
    "softap_get_config\0" "SCAN_IN_PROGRESS\0" "WIFI_NOT_CONNECT\0" "WIFI_NOT_STARTED\0"
    "WIFI_NOT_STOPPED\0" "WIFI_TX_DISALLOW\0" "WIFI_WOULD_BLOCK\0" "ALREADY_FETCHED\0"
    "UNKNOWN_COMMAND\0" "WIFI_INIT_STATE\0" "WIFI_STOP_STATE\0" "softap_stations\0" "WIFI_NOT_ASSOC\0"
    "WIFI_WAKE_FAIL\0" "rssi_threshold\0" "INVALID_STATE\0" "LINE_TOO_LONG\0" "NOT_SUPPORTED\0"
    "WIFI_NOT_INIT\0" "WIFI_PASSWORD\0" "inactive_time\0" "softap_config\0" "INVALID_SIZE\0"
    "WIFI_TIMEOUT\0" "INVALID_ARG\0" "MISSING_ARG\0" "softap_dhcp\0" "softap_kick\0" "WIFI_STATE\0"
    "ap_records\0" "disconnect\0" "ieee80211d\0" "MALFORMED\0" "NOT_FOUND\0" "WIFI_CONN\0"
    "WIFI_MODE\0" "WIFI_POST\0" "WIFI_SSID\0" "bandwidth\0" "scan_stop\0" "WIFI_MAC\0" "WIFI_NVS\0"
    "protocol\0" "tx_power\0" "BAD_ARG\0" "BAD_CRC\0" "NO_SCAN\0" "WIFI_IF\0" "ap_info\0" "country\0"
    "ip_info\0" "passive\0" "storage\0" "NO_MEM\0" "ap_num\0" "beacon\0" "bitmap\0" "deinit\0"
    "hidden\0" "listen\0" "status\0" "block\0" "bssid\0" "lease\0" "probe\0" "reset\0" "retry\0"
    "start\0" "BUSY\0" "auth\0" "coex\0" "home\0" "mask\0" "mode\0" "pass\0" "ping\0" "rssi\0" "scan\0"
    "sort\0" "type\0" "aid\0" "end\0" "mac\0" "max\0" "min\0" "pmf\0" "sec\0" "bw\0" "cc\0" "ch\0"
    "ip\0" "ps\0"
;

const char *const *const ew_arg_enum_names[] = { ew_mode_names, ew_scan_method_names, ew_sort_method_names, ew_auth_names, ew_pmf_names, ew_scan_type_names, ew_bw_names, ew_ps_names, ew_storage_names };
const char *const ew_arg_letters[] = { EW_PROTO_LETTERS };

const ew_arg_spec_t ew_arg_specs[] = {
    { 0, 3, 798, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0 },   /* mode m */
    { 0, 32, 849, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* config ssid */
    { 0, 64, 914, EW_ARGT_BYTES, EW_ARGF_SECRET, 0 },   /* config pass */
    { 0, 0, 848, EW_ARGT_MAC, 0, 0 },   /* config bssid */
    { 0, 14, 978, EW_ARGT_INT, 0, 0 },   /* config ch */
    { 0, 1, 929, EW_ARGT_ENUM, 0, 1 },   /* config scan */
    { 0, 1, 934, EW_ARGT_ENUM, 0, 2 },   /* config sort */
    { -127, 0, 924, EW_ARGT_INT, 0, 0 },   /* config rssi */
    { 0, 17, 889, EW_ARGT_ENUM, 0, 3 },   /* config auth */
    { 0, 2, 964, EW_ARGT_ENUM, 0, 4 },   /* config pmf */
    { 0, 255, 872, EW_ARGT_INT, 0, 0 },   /* config retry */
    { 0, 65535, 828, EW_ARGT_INT, 0, 0 },   /* config listen */
    { 0, 32, 849, EW_ARGT_BYTES, 0, 0 },   /* scan ssid */
    { 0, 0, 848, EW_ARGT_MAC, 0, 0 },   /* scan bssid */
    { 0, 14, 978, EW_ARGT_INT, 0, 0 },   /* scan ch */
    { 0, 0, 821, EW_ARGT_BOOL, 0, 0 },   /* scan hidden */
    { 0, 1, 939, EW_ARGT_ENUM, 0, 5 },   /* scan type */
    { 0, 1500, 960, EW_ARGT_INT, 0, 0 },   /* scan min */
    { 0, 1500, 956, EW_ARGT_INT, 0, 0 },   /* scan max */
    { 0, 1500, 770, EW_ARGT_INT, 0, 0 },   /* scan passive */
    { 0, 255, 899, EW_ARGT_INT, 0, 0 },   /* scan home */
    { 0, 32766, 807, EW_ARGT_INT, 0, 0 },   /* scan bitmap */
    { 0, 0, 894, EW_ARGT_BOOL, 0, 0 },   /* scan coex */
    { 0, 0, 842, EW_ARGT_BOOL, 0, 0 },   /* scan block */
    { 1, 64, 956, EW_ARGT_INT, 0, 0 },   /* ap_records max */
    { 2, 2, 975, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* country cc */
    { 0, 0, 587, EW_ARGT_BOOL, 0, 0 },   /* country ieee80211d */
    { 0, 0, 540, EW_ARGT_FLAGS, EW_ARGF_REQUIRED, 0 },   /* protocol p */
    { 0, 4, 972, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 6 },   /* bandwidth bw */
    { 0, 2, 909, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 7 },   /* ps mode */
    { 3, 65535, 968, EW_ARGT_INT, EW_ARGF_REQUIRED, 0 },   /* inactive_time sec */
    { -100, 10, 924, EW_ARGT_INT, EW_ARGF_REQUIRED, 0 },   /* rssi_threshold rssi */
    { 0, 1, 335, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 8 },   /* storage s */
    { 0, 32, 849, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* softap_config ssid */
    { 0, 64, 914, EW_ARGT_BYTES, EW_ARGF_SECRET, 0 },   /* softap_config pass */
    { 1, 14, 978, EW_ARGT_INT, 0, 0 },   /* softap_config ch */
    { 0, 17, 889, EW_ARGT_ENUM, 0, 3 },   /* softap_config auth */
    { 1, 15, 956, EW_ARGT_INT, 0, 0 },   /* softap_config max */
    { 0, 0, 821, EW_ARGT_BOOL, 0, 0 },   /* softap_config hidden */
    { 100, 60000, 800, EW_ARGT_INT, 0, 0 },   /* softap_config beacon */
    { 0, 2, 964, EW_ARGT_ENUM, 0, 4 },   /* softap_config pmf */
    { 0, 0, 860, EW_ARGT_BOOL, 0, 0 },   /* softap_config probe */
    { 0, 0, 952, EW_ARGT_MAC, 0, 0 },   /* softap_kick mac */
    { 1, 255, 944, EW_ARGT_INT, 0, 0 },   /* softap_kick aid */
    { 8, 84, 708, EW_ARGT_INT, 0, 0 },   /* tx_power power */
    { 0, 0, 981, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp ip */
    { 0, 0, 904, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp mask */
    { 0, 0, 878, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp start */
    { 0, 0, 948, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp end */
    { 1, 65535, 854, EW_ARGT_INT, 0, 0 },   /* softap_dhcp lease */
};

const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT] = {
    { 919, 0, 0 },   /* ping */
    { 749, 0, 0 },   /* info */
    { 835, 0, 0 },   /* status */
    { 816, 0, 0 },   /* init */
    { 814, 0, 0 },   /* deinit */
    { 909, 0, 1 },   /* mode */
    { 148, 1, 11 },   /* config */
    { 144, 12, 0 },   /* get_config */
    { 878, 12, 0 },   /* start */
    { 673, 12, 0 },   /* stop */
    { 579, 12, 0 },   /* connect */
    { 576, 12, 0 },   /* disconnect */
    { 929, 12, 12 },   /* scan */
    { 668, 24, 0 },   /* scan_stop */
    { 793, 24, 0 },   /* ap_num */
    { 565, 24, 1 },   /* ap_records */
    { 754, 25, 2 },   /* country */
    { 696, 27, 1 },   /* protocol */
    { 658, 28, 1 },   /* bandwidth */
    { 984, 29, 1 },   /* ps */
    { 452, 30, 1 },   /* inactive_time */
    { 367, 31, 1 },   /* rssi_threshold */
    { 778, 32, 1 },   /* storage */
    { 952, 33, 0 },   /* mac */
    { 746, 33, 0 },   /* ap_info */
    { 924, 33, 0 },   /* rssi */
    { 762, 33, 0 },   /* ip_info */
    { 866, 33, 0 },   /* reset */
    { 466, 33, 9 },   /* softap_config */
    { 137, 42, 0 },   /* softap_get_config */
    { 321, 42, 0 },   /* softap_stations */
    { 542, 42, 2 },   /* softap_kick */
    { 705, 44, 1 },   /* tx_power */
    { 530, 45, 5 },   /* softap_dhcp */
};

/* code as 16 bits (ESP_FAIL, -1, as 0xffff) and name offset */
static const struct { uint16_t code; uint16_t name; } err_names[] = {
    { (uint16_t)EW_ERR_BAD_CRC, 722 },
    { (uint16_t)EW_ERR_LINE_TOO_LONG, 396 },
    { (uint16_t)EW_ERR_MALFORMED, 598 },
    { (uint16_t)EW_ERR_UNKNOWN_COMMAND, 273 },
    { (uint16_t)EW_ERR_BAD_ARG, 714 },
    { (uint16_t)EW_ERR_MISSING_ARG, 518 },
    { (uint16_t)EW_ERR_ALREADY_FETCHED, 257 },
    { (uint16_t)EW_ERR_NO_SCAN, 730 },
    { (uint16_t)EW_ERR_SCAN_IN_PROGRESS, 155 },
    { (uint16_t)EW_ERR_BUSY, 884 },
    { (uint16_t)EW_ERR_FAIL, 362 },
    { (uint16_t)EW_ERR_NO_MEM, 786 },
    { (uint16_t)EW_ERR_INVALID_ARG, 506 },
    { (uint16_t)EW_ERR_INVALID_STATE, 382 },
    { (uint16_t)EW_ERR_INVALID_SIZE, 480 },
    { (uint16_t)EW_ERR_NOT_FOUND, 608 },
    { (uint16_t)EW_ERR_NOT_SUPPORTED, 410 },
    { (uint16_t)EW_ERR_TIMEOUT, 498 },
    { (uint16_t)EW_ERR_WIFI_NOT_INIT, 424 },
    { (uint16_t)EW_ERR_WIFI_NOT_STARTED, 189 },
    { (uint16_t)EW_ERR_WIFI_NOT_STOPPED, 206 },
    { (uint16_t)EW_ERR_WIFI_IF, 738 },
    { (uint16_t)EW_ERR_WIFI_MODE, 628 },
    { (uint16_t)EW_ERR_WIFI_STATE, 554 },
    { (uint16_t)EW_ERR_WIFI_CONN, 618 },
    { (uint16_t)EW_ERR_WIFI_NVS, 687 },
    { (uint16_t)EW_ERR_WIFI_MAC, 678 },
    { (uint16_t)EW_ERR_WIFI_SSID, 648 },
    { (uint16_t)EW_ERR_WIFI_PASSWORD, 438 },
    { (uint16_t)EW_ERR_WIFI_TIMEOUT, 493 },
    { (uint16_t)EW_ERR_WIFI_WAKE_FAIL, 352 },
    { (uint16_t)EW_ERR_WIFI_WOULD_BLOCK, 240 },
    { (uint16_t)EW_ERR_WIFI_NOT_CONNECT, 172 },
    { (uint16_t)EW_ERR_WIFI_POST, 638 },
    { (uint16_t)EW_ERR_WIFI_INIT_STATE, 289 },
    { (uint16_t)EW_ERR_WIFI_STOP_STATE, 305 },
    { (uint16_t)EW_ERR_WIFI_NOT_ASSOC, 337 },
    { (uint16_t)EW_ERR_WIFI_TX_DISALLOW, 223 },
    { (uint16_t)EW_ERR_ESP_NETIF_INVALID_PARAMS, 89 },
    { (uint16_t)EW_ERR_ESP_NETIF_IF_NOT_READY, 114 },
    { (uint16_t)EW_ERR_ESP_NETIF_DHCP_ALREADY_STARTED, 0 },
    { (uint16_t)EW_ERR_ESP_NETIF_DHCP_ALREADY_STOPPED, 31 },
    { (uint16_t)EW_ERR_ESP_NETIF_DHCP_NOT_STOPPED, 62 },
};

const char *ew_err_name(ew_err_t err)
{
    if (err < -1 || err > 0xfffe) return NULL;
    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)
        if (err_names[i].code == (uint16_t)err) return ew_cmd_pool + err_names[i].name;
    return NULL;
}

ew_err_t ew_err_from_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++) {
        const char *n = ew_cmd_pool + err_names[i].name;
        if (strlen(n) == len && memcmp(n, name, len) == 0) return err_names[i].code == 0xffff ? -1 : err_names[i].code;
    }
    return EW_OK;
}
