/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */

#include <string.h>
#include "ew_commands_gen.h"

const char *const *const ew_arg_enum_names[] = { ew_mode_names, ew_scan_method_names, ew_sort_method_names, ew_auth_names, ew_pmf_names, ew_scan_type_names, ew_bw_names, ew_ps_names, ew_storage_names };
const char *const ew_arg_letters[] = { EW_PROTO_LETTERS };

const ew_arg_spec_t ew_arg_specs[] = {
    { 0, 3, 1447, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 0 },   /* mode m */
    { 0, 32, 1558, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* config ssid */
    { 0, 64, 1737, EW_ARGT_BYTES, EW_ARGF_SECRET, 0 },   /* config pass */
    { 0, 0, 1557, EW_ARGT_MAC, 0, 0 },   /* config bssid */
    { 0, 14, 872, EW_ARGT_INT, 0, 0 },   /* config ch */
    { 0, 1, 1752, EW_ARGT_ENUM, 0, 1 },   /* config scan */
    { 0, 1, 1767, EW_ARGT_ENUM, 0, 2 },   /* config sort */
    { -127, 0, 1747, EW_ARGT_INT, 0, 0 },   /* config rssi */
    { 0, 17, 1652, EW_ARGT_ENUM, 0, 3 },   /* config auth */
    { 0, 2, 1839, EW_ARGT_ENUM, 0, 4 },   /* config pmf */
    { 0, 255, 1629, EW_ARGT_INT, 0, 0 },   /* config retry */
    { 0, 65535, 1484, EW_ARGT_INT, 0, 0 },   /* config listen */
    { 0, 32, 1558, EW_ARGT_BYTES, 0, 0 },   /* scan ssid */
    { 0, 0, 1557, EW_ARGT_MAC, 0, 0 },   /* scan bssid */
    { 0, 14, 872, EW_ARGT_INT, 0, 0 },   /* scan ch */
    { 0, 0, 1477, EW_ARGT_BOOL, 0, 0 },   /* scan hidden */
    { 0, 1, 1777, EW_ARGT_ENUM, 0, 5 },   /* scan type */
    { 0, 1500, 1819, EW_ARGT_INT, 0, 0 },   /* scan min */
    { 0, 1500, 1815, EW_ARGT_INT, 0, 0 },   /* scan max */
    { 0, 1500, 1364, EW_ARGT_INT, 0, 0 },   /* scan passive */
    { 0, 255, 1682, EW_ARGT_INT, 0, 0 },   /* scan home */
    { 0, 32766, 1456, EW_ARGT_INT, 0, 0 },   /* scan bitmap */
    { 0, 0, 1667, EW_ARGT_BOOL, 0, 0 },   /* scan coex */
    { 0, 0, 1551, EW_ARGT_BOOL, 0, 0 },   /* scan block */
    { 1, 64, 1815, EW_ARGT_INT, 0, 0 },   /* ap_records max */
    { 2, 2, 1874, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* country cc */
    { 0, 0, 831, EW_ARGT_BOOL, 0, 0 },   /* country ieee80211d */
    { 0, 0, 750, EW_ARGT_FLAGS, EW_ARGF_REQUIRED, 0 },   /* protocol p */
    { 0, 4, 1871, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 6 },   /* bandwidth bw */
    { 0, 2, 1717, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 7 },   /* ps mode */
    { 3, 65535, 1851, EW_ARGT_INT, EW_ARGF_REQUIRED, 0 },   /* inactive_time sec */
    { -100, 10, 1747, EW_ARGT_INT, EW_ARGF_REQUIRED, 0 },   /* rssi_threshold rssi */
    { 0, 1, 441, EW_ARGT_ENUM, EW_ARGF_REQUIRED, 8 },   /* storage s */
    { 0, 32, 1558, EW_ARGT_BYTES, EW_ARGF_REQUIRED, 0 },   /* softap_config ssid */
    { 0, 64, 1737, EW_ARGT_BYTES, EW_ARGF_SECRET, 0 },   /* softap_config pass */
    { 1, 14, 872, EW_ARGT_INT, 0, 0 },   /* softap_config ch */
    { 0, 17, 1652, EW_ARGT_ENUM, 0, 3 },   /* softap_config auth */
    { 1, 15, 1815, EW_ARGT_INT, 0, 0 },   /* softap_config max */
    { 0, 0, 1477, EW_ARGT_BOOL, 0, 0 },   /* softap_config hidden */
    { 100, 60000, 1449, EW_ARGT_INT, 0, 0 },   /* softap_config beacon */
    { 0, 2, 1839, EW_ARGT_ENUM, 0, 4 },   /* softap_config pmf */
    { 0, 0, 1611, EW_ARGT_BOOL, 0, 0 },   /* softap_config probe */
    { 0, 0, 1811, EW_ARGT_MAC, 0, 0 },   /* softap_kick mac */
    { 1, 255, 1787, EW_ARGT_INT, 0, 0 },   /* softap_kick aid */
    { 8, 84, 1203, EW_ARGT_INT, 0, 0 },   /* tx_power power */
    { 0, 0, 1361, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp ip */
    { 0, 0, 1712, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp mask */
    { 0, 0, 1020, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp start */
    { 0, 0, 1803, EW_ARGT_IP4, 0, 0 },   /* softap_dhcp end */
    { 1, 65535, 1593, EW_ARGT_INT, 0, 0 },   /* softap_dhcp lease */
};

const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT] = {
    { 1742, 0, 0 },   /* ping */
    { 1271, 0, 0 },   /* info */
    { 1512, 0, 0 },   /* status */
    { 1465, 0, 0 },   /* init */
    { 1463, 0, 0 },   /* deinit */
    { 1717, 0, 1 },   /* mode */
    { 205, 1, 11 },   /* config */
    { 201, 12, 0 },   /* get_config */
    { 1020, 12, 0 },   /* start */
    { 1011, 12, 0 },   /* stop */
    { 823, 12, 0 },   /* connect */
    { 820, 12, 0 },   /* disconnect */
    { 1752, 12, 12 },   /* scan */
    { 1006, 24, 0 },   /* scan_stop */
    { 1442, 24, 0 },   /* ap_num */
    { 787, 24, 1 },   /* ap_records */
    { 1324, 25, 2 },   /* country */
    { 1128, 27, 1 },   /* protocol */
    { 946, 28, 1 },   /* bandwidth */
    { 1886, 29, 1 },   /* ps */
    { 588, 30, 1 },   /* inactive_time */
    { 488, 31, 1 },   /* rssi_threshold */
    { 1404, 32, 1 },   /* storage */
    { 1811, 33, 0 },   /* mac */
    { 1268, 33, 0 },   /* ap_info */
    { 1747, 33, 0 },   /* rssi */
    { 1348, 33, 0 },   /* ip_info */
    { 1623, 33, 0 },   /* reset */
    { 602, 33, 9 },   /* softap_config */
    { 194, 42, 0 },   /* softap_get_config */
    { 427, 42, 0 },   /* softap_stations */
    { 752, 42, 2 },   /* softap_kick */
    { 1200, 44, 1 },   /* tx_power */
    { 740, 45, 5 },   /* softap_dhcp */
};

/* code as 16 bits (ESP_FAIL, -1, as 0xffff) and name offset */
static const struct { uint16_t code; uint16_t name; } err_names[] = {
    { (uint16_t)EW_ERR_BAD_CRC, 1244 },
    { (uint16_t)EW_ERR_LINE_TOO_LONG, 532 },
    { (uint16_t)EW_ERR_MALFORMED, 886 },
    { (uint16_t)EW_ERR_UNKNOWN_COMMAND, 347 },
    { (uint16_t)EW_ERR_BAD_ARG, 1236 },
    { (uint16_t)EW_ERR_MISSING_ARG, 668 },
    { (uint16_t)EW_ERR_ALREADY_FETCHED, 331 },
    { (uint16_t)EW_ERR_NO_SCAN, 1252 },
    { (uint16_t)EW_ERR_SCAN_IN_PROGRESS, 212 },
    { (uint16_t)EW_ERR_BUSY, 1647 },
    { (uint16_t)EW_ERR_FAIL, 468 },
    { (uint16_t)EW_ERR_NO_MEM, 1428 },
    { (uint16_t)EW_ERR_INVALID_ARG, 656 },
    { (uint16_t)EW_ERR_INVALID_STATE, 518 },
    { (uint16_t)EW_ERR_INVALID_SIZE, 630 },
    { (uint16_t)EW_ERR_NOT_FOUND, 896 },
    { (uint16_t)EW_ERR_NOT_SUPPORTED, 546 },
    { (uint16_t)EW_ERR_TIMEOUT, 648 },
    { (uint16_t)EW_ERR_WIFI_NOT_INIT, 560 },
    { (uint16_t)EW_ERR_WIFI_NOT_STARTED, 246 },
    { (uint16_t)EW_ERR_WIFI_NOT_STOPPED, 263 },
    { (uint16_t)EW_ERR_WIFI_IF, 1260 },
    { (uint16_t)EW_ERR_WIFI_MODE, 916 },
    { (uint16_t)EW_ERR_WIFI_STATE, 776 },
    { (uint16_t)EW_ERR_WIFI_CONN, 906 },
    { (uint16_t)EW_ERR_WIFI_NVS, 1065 },
    { (uint16_t)EW_ERR_WIFI_MAC, 1056 },
    { (uint16_t)EW_ERR_WIFI_SSID, 936 },
    { (uint16_t)EW_ERR_WIFI_PASSWORD, 574 },
    { (uint16_t)EW_ERR_WIFI_TIMEOUT, 643 },
    { (uint16_t)EW_ERR_WIFI_WAKE_FAIL, 458 },
    { (uint16_t)EW_ERR_WIFI_WOULD_BLOCK, 297 },
    { (uint16_t)EW_ERR_WIFI_NOT_CONNECT, 229 },
    { (uint16_t)EW_ERR_WIFI_POST, 926 },
    { (uint16_t)EW_ERR_WIFI_INIT_STATE, 363 },
    { (uint16_t)EW_ERR_WIFI_STOP_STATE, 379 },
    { (uint16_t)EW_ERR_WIFI_NOT_ASSOC, 443 },
    { (uint16_t)EW_ERR_WIFI_TX_DISALLOW, 280 },
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
        if (err_names[i].code == (uint16_t)err) return ew_pool + err_names[i].name;
    return NULL;
}

ew_err_t ew_err_from_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++) {
        const char *n = ew_pool + err_names[i].name;
        if (strlen(n) == len && memcmp(n, name, len) == 0) return err_names[i].code == 0xffff ? -1 : err_names[i].code;
    }
    return EW_OK;
}
