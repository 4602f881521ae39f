/* GENERATED from protocol/protocol.json by protocol/gen/c-messages.mjs — do not edit. */

#include <stddef.h>
#include "ew_events_gen.h"
#include "ew_replies_gen.h"

const uint32_t ew_msg_uint_max[] = { 65535u, 255u, 4294967295u };
const int32_t ew_msg_int_range[][2] = { { (-2147483647 - 1), 2147483647 }, { -128, 127 } };
const ew_msg_enum_t ew_msg_enums[] = {
    { ew_reset_reason_names, EW_RESET_REASON__COUNT, EW_RESET_REASON_UNKNOWN },
    { ew_auth_names, EW_AUTH__COUNT, EW_AUTH_UNKNOWN },
    { ew_second_names, EW_SECOND__COUNT, EW_SECOND_NONE },
    { ew_phase_names, EW_PHASE__COUNT, EW_PHASE_UNINIT },
    { ew_mode_names, EW_MODE__COUNT, EW_MODE_NULL },
    { ew_scan_state_names, EW_SCAN_STATE__COUNT, EW_SCAN_STATE_IDLE },
    { ew_scan_method_names, EW_SCAN_METHOD__COUNT, EW_SCAN_METHOD_FAST },
    { ew_sort_method_names, EW_SORT_METHOD__COUNT, EW_SORT_METHOD_SIGNAL },
    { ew_pmf_names, EW_PMF__COUNT, EW_PMF_OFF },
    { ew_cipher_names, EW_CIPHER__COUNT, EW_CIPHER_UNKNOWN },
    { ew_bw_names, EW_BW__COUNT, EW_BW_HT20 },
};
const char *const ew_msg_letters[] = { EW_PHY_LETTERS };

const ew_field_desc_t ew_msg_fields[] = {
    { 1617, EW_FK_TEXT, 0 },   /* proto */
    { 1877, EW_FK_TEXT, 0 },   /* fw */
    { 1807, EW_FK_TEXT, 0 },   /* idf */
    { 1662, EW_FK_TEXT, 0 },   /* chip */
    { 1847, EW_FK_UINT, 0 },   /* rev */
    { 1811, EW_FK_MAC, 0 },   /* mac */
    { 1623, EW_FK_ENUM, 0 },   /* reset */
    { 1795, EW_FK_TEXT, 0 },   /* def */
    { 1558, EW_FK_BYTES, 0 },   /* ssid */
    { 1557, EW_FK_MAC, 0 },   /* bssid */
    { 872, EW_FK_UINT, 1 },   /* ch */
    { 1652, EW_FK_ENUM, 1 },   /* auth */
    { 1787, EW_FK_UINT, 0 },   /* aid */
    { 721, EW_FK_UINT, 1 },   /* reason */
    { 1747, EW_FK_INT, 0 },   /* rssi */
    { 1512, EW_FK_UINT, 1 },   /* status */
    { 726, EW_FK_UINT, 0 },   /* n */
    { 1388, EW_FK_UINT, 1 },   /* scan_id */
    { 499, EW_FK_ENUM, 1 },   /* old */
    { 1823, EW_FK_ENUM, 1 },   /* new */
    { 1498, EW_FK_UINT, 1 },   /* old_ch */
    { 853, EW_FK_ENUM, 2 },   /* old_second */
    { 1491, EW_FK_UINT, 1 },   /* new_ch */
    { 842, EW_FK_ENUM, 2 },   /* new_second */
    { 1361, EW_FK_IP4, 0 },   /* ip */
    { 1712, EW_FK_IP4, 0 },   /* mask */
    { 1880, EW_FK_IP4, 0 },   /* gw */
    { 1308, EW_FK_BOOL, 0 },   /* changed */
    { 1158, EW_FK_TEXT, 0 },   /* error */
    { 1092, EW_FK_TEXT, 0 },   /* expected */
    { 1707, EW_FK_UINT, 2 },   /* line */
    { 1605, EW_FK_ENUM, 3 },   /* phase */
    { 1717, EW_FK_ENUM, 4 },   /* mode */
    { 1752, EW_FK_ENUM, 5 },   /* scan */
    { 1036, EW_FK_UINT, 0 },   /* unfetched */
    { 716, EW_FK_UINT, 1 },   /* last_reason */
    { 1855, EW_FK_UINT, 2 },   /* seq */
    { 986, EW_FK_UINT, 2 },   /* rx_frames */
    { 1284, EW_FK_UINT, 2 },   /* bad_crc */
    { 1191, EW_FK_UINT, 2 },   /* too_long */
    { 966, EW_FK_UINT, 2 },   /* malformed */
    { 1316, EW_FK_UINT, 2 },   /* cleared */
    { 875, EW_FK_UINT, 2 },   /* stack_free */
    { 1119, EW_FK_BOOL, 0 },   /* pass_set */
    { 728, EW_FK_ENUM, 6 },   /* scan_method */
    { 1767, EW_FK_ENUM, 7 },   /* sort */
    { 1839, EW_FK_ENUM, 8 },   /* pmf */
    { 1629, EW_FK_UINT, 1 },   /* retry */
    { 1484, EW_FK_UINT, 0 },   /* listen */
    { 1635, EW_FK_UINT, 0 },   /* total */
    { 976, EW_FK_BOOL, 0 },   /* reconnect */
    { 1110, EW_FK_ENUM, 9 },   /* pairwise */
    { 1581, EW_FK_ENUM, 9 },   /* group */
    { 1835, EW_FK_FLAGS, 0 },   /* phy */
    { 846, EW_FK_ENUM, 2 },   /* second */
    { 1871, EW_FK_ENUM, 10 },   /* bw */
    { 1874, EW_FK_TEXT, 0 },   /* cc */
    { 1101, EW_FK_UINT, 1 },   /* max_conn */
    { 1477, EW_FK_BOOL, 0 },   /* hidden */
    { 1449, EW_FK_UINT, 0 },   /* beacon */
    { 1611, EW_FK_BOOL, 0 },   /* probe */
    { 1380, EW_FK_BOOL, 0 },   /* running */
    { 1203, EW_FK_INT, 0 },   /* power */
    { 1020, EW_FK_IP4, 0 },   /* start */
    { 1803, EW_FK_IP4, 0 },   /* end */
    { 1593, EW_FK_UINT, 0 },   /* lease */
    { EW_NO_KEY, EW_FK_BYTES, 0 },   /* positional ssid */
    { EW_NO_KEY, EW_FK_INT, 1 },   /* positional rssi */
    { EW_NO_KEY, EW_FK_MAC, 0 },   /* positional bssid */
    { EW_NO_KEY, EW_FK_UINT, 1 },   /* positional ch */
    { EW_NO_KEY, EW_FK_ENUM, 1 },   /* positional auth */
    { EW_NO_KEY, EW_FK_ENUM, 9 },   /* positional pairwise */
    { EW_NO_KEY, EW_FK_FLAGS, 0 },   /* positional phy */
    { EW_NO_KEY, EW_FK_UINT, 0 },   /* positional aid */
};

const ew_msg_use_t ew_msg_uses[] = {
    { 0, offsetof(ew_ev_hello_t, proto) },   /* hello proto */
    { 1, offsetof(ew_ev_hello_t, fw) },   /* hello fw */
    { 2, offsetof(ew_ev_hello_t, idf) },   /* hello idf */
    { 3, offsetof(ew_ev_hello_t, chip) },   /* hello chip */
    { 4, offsetof(ew_ev_hello_t, rev) },   /* hello rev */
    { 5, offsetof(ew_ev_hello_t, mac) },   /* hello mac */
    { 6, offsetof(ew_ev_hello_t, reset) },   /* hello reset */
    { EW_MSG_OPTIONAL | 7, offsetof(ew_ev_hello_t, def) },   /* hello def */
    { 8, offsetof(ew_ev_connected_t, ssid) },   /* connected ssid */
    { 9, offsetof(ew_ev_connected_t, bssid) },   /* connected bssid */
    { 10, offsetof(ew_ev_connected_t, ch) },   /* connected ch */
    { 11, offsetof(ew_ev_connected_t, auth) },   /* connected auth */
    { 12, offsetof(ew_ev_connected_t, aid) },   /* connected aid */
    { 13, offsetof(ew_ev_disconnected_t, reason) },   /* disconnected reason */
    { 14, offsetof(ew_ev_disconnected_t, rssi) },   /* disconnected rssi */
    { 8, offsetof(ew_ev_disconnected_t, ssid) },   /* disconnected ssid */
    { 9, offsetof(ew_ev_disconnected_t, bssid) },   /* disconnected bssid */
    { 15, offsetof(ew_ev_scan_done_t, status) },   /* scan_done status */
    { 16, offsetof(ew_ev_scan_done_t, n) },   /* scan_done n */
    { 17, offsetof(ew_ev_scan_done_t, scan_id) },   /* scan_done scan_id */
    { 14, offsetof(ew_ev_rssi_low_t, rssi) },   /* rssi_low rssi */
    { 18, offsetof(ew_ev_authmode_change_t, old) },   /* authmode_change old */
    { 19, offsetof(ew_ev_authmode_change_t, new) },   /* authmode_change new */
    { 20, offsetof(ew_ev_home_channel_change_t, old_ch) },   /* home_channel_change old_ch */
    { 21, offsetof(ew_ev_home_channel_change_t, old_second) },   /* home_channel_change old_second */
    { 22, offsetof(ew_ev_home_channel_change_t, new_ch) },   /* home_channel_change new_ch */
    { 23, offsetof(ew_ev_home_channel_change_t, new_second) },   /* home_channel_change new_second */
    { 24, offsetof(ew_ev_got_ip_t, ip) },   /* got_ip ip */
    { 25, offsetof(ew_ev_got_ip_t, mask) },   /* got_ip mask */
    { 26, offsetof(ew_ev_got_ip_t, gw) },   /* got_ip gw */
    { 27, offsetof(ew_ev_got_ip_t, changed) },   /* got_ip changed */
    { 28, offsetof(ew_ev_rx_error_t, error) },   /* rx_error error */
    { EW_MSG_OPTIONAL | 29, offsetof(ew_ev_rx_error_t, expected) },   /* rx_error expected */
    { 30, offsetof(ew_ev_rx_error_t, line) },   /* rx_error line */
    { 5, offsetof(ew_ev_ap_staconnected_t, mac) },   /* ap_staconnected mac */
    { 12, offsetof(ew_ev_ap_staconnected_t, aid) },   /* ap_staconnected aid */
    { 5, offsetof(ew_ev_ap_stadisconnected_t, mac) },   /* ap_stadisconnected mac */
    { 12, offsetof(ew_ev_ap_stadisconnected_t, aid) },   /* ap_stadisconnected aid */
    { 13, offsetof(ew_ev_ap_stadisconnected_t, reason) },   /* ap_stadisconnected reason */
    { 24, offsetof(ew_ev_ap_staipassigned_t, ip) },   /* ap_staipassigned ip */
    { 5, offsetof(ew_ev_ap_staipassigned_t, mac) },   /* ap_staipassigned mac */
    { 5, offsetof(ew_ev_ap_probereqrecved_t, mac) },   /* ap_probereqrecved mac */
    { 14, offsetof(ew_ev_ap_probereqrecved_t, rssi) },   /* ap_probereqrecved rssi */
    { 0, offsetof(ew_reply_info_t, proto) },   /* EW_MSG_REPLY_INFO proto */
    { 1, offsetof(ew_reply_info_t, fw) },   /* EW_MSG_REPLY_INFO fw */
    { 2, offsetof(ew_reply_info_t, idf) },   /* EW_MSG_REPLY_INFO idf */
    { 3, offsetof(ew_reply_info_t, chip) },   /* EW_MSG_REPLY_INFO chip */
    { 4, offsetof(ew_reply_info_t, rev) },   /* EW_MSG_REPLY_INFO rev */
    { 5, offsetof(ew_reply_info_t, mac) },   /* EW_MSG_REPLY_INFO mac */
    { 6, offsetof(ew_reply_info_t, reset) },   /* EW_MSG_REPLY_INFO reset */
    { EW_MSG_OPTIONAL | 7, offsetof(ew_reply_info_t, def) },   /* EW_MSG_REPLY_INFO def */
    { 31, offsetof(ew_reply_status_t, phase) },   /* EW_MSG_REPLY_STATUS phase */
    { 32, offsetof(ew_reply_status_t, mode) },   /* EW_MSG_REPLY_STATUS mode */
    { 33, offsetof(ew_reply_status_t, scan) },   /* EW_MSG_REPLY_STATUS scan */
    { EW_MSG_OPTIONAL | 17, offsetof(ew_reply_status_t, scan_id) },   /* EW_MSG_REPLY_STATUS scan_id */
    { 34, offsetof(ew_reply_status_t, unfetched) },   /* EW_MSG_REPLY_STATUS unfetched */
    { EW_MSG_OPTIONAL | 8, offsetof(ew_reply_status_t, ssid) },   /* EW_MSG_REPLY_STATUS ssid */
    { EW_MSG_OPTIONAL | 9, offsetof(ew_reply_status_t, bssid) },   /* EW_MSG_REPLY_STATUS bssid */
    { EW_MSG_OPTIONAL | 10, offsetof(ew_reply_status_t, ch) },   /* EW_MSG_REPLY_STATUS ch */
    { EW_MSG_OPTIONAL | 14, offsetof(ew_reply_status_t, rssi) },   /* EW_MSG_REPLY_STATUS rssi */
    { EW_MSG_OPTIONAL | 24, offsetof(ew_reply_status_t, ip) },   /* EW_MSG_REPLY_STATUS ip */
    { EW_MSG_OPTIONAL | 25, offsetof(ew_reply_status_t, mask) },   /* EW_MSG_REPLY_STATUS mask */
    { EW_MSG_OPTIONAL | 26, offsetof(ew_reply_status_t, gw) },   /* EW_MSG_REPLY_STATUS gw */
    { 35, offsetof(ew_reply_status_t, last_reason) },   /* EW_MSG_REPLY_STATUS last_reason */
    { 36, offsetof(ew_reply_status_t, seq) },   /* EW_MSG_REPLY_STATUS seq */
    { 37, offsetof(ew_reply_status_t, rx_frames) },   /* EW_MSG_REPLY_STATUS rx_frames */
    { 38, offsetof(ew_reply_status_t, bad_crc) },   /* EW_MSG_REPLY_STATUS bad_crc */
    { 39, offsetof(ew_reply_status_t, too_long) },   /* EW_MSG_REPLY_STATUS too_long */
    { 40, offsetof(ew_reply_status_t, malformed) },   /* EW_MSG_REPLY_STATUS malformed */
    { 41, offsetof(ew_reply_status_t, cleared) },   /* EW_MSG_REPLY_STATUS cleared */
    { EW_MSG_OPTIONAL | 42, offsetof(ew_reply_status_t, stack_free) },   /* EW_MSG_REPLY_STATUS stack_free */
    { 8, offsetof(ew_reply_get_config_t, ssid) },   /* EW_MSG_REPLY_GET_CONFIG ssid */
    { 43, offsetof(ew_reply_get_config_t, pass_set) },   /* EW_MSG_REPLY_GET_CONFIG pass_set */
    { 9, offsetof(ew_reply_get_config_t, bssid) },   /* EW_MSG_REPLY_GET_CONFIG bssid */
    { 10, offsetof(ew_reply_get_config_t, ch) },   /* EW_MSG_REPLY_GET_CONFIG ch */
    { 44, offsetof(ew_reply_get_config_t, scan_method) },   /* EW_MSG_REPLY_GET_CONFIG scan_method */
    { 45, offsetof(ew_reply_get_config_t, sort) },   /* EW_MSG_REPLY_GET_CONFIG sort */
    { 14, offsetof(ew_reply_get_config_t, rssi) },   /* EW_MSG_REPLY_GET_CONFIG rssi */
    { 11, offsetof(ew_reply_get_config_t, auth) },   /* EW_MSG_REPLY_GET_CONFIG auth */
    { 46, offsetof(ew_reply_get_config_t, pmf) },   /* EW_MSG_REPLY_GET_CONFIG pmf */
    { 47, offsetof(ew_reply_get_config_t, retry) },   /* EW_MSG_REPLY_GET_CONFIG retry */
    { 48, offsetof(ew_reply_get_config_t, listen) },   /* EW_MSG_REPLY_GET_CONFIG listen */
    { 16, offsetof(ew_reply_scan_t, n) },   /* EW_MSG_REPLY_SCAN n */
    { 16, offsetof(ew_reply_ap_num_t, n) },   /* EW_MSG_REPLY_AP_NUM n */
    { 16, offsetof(ew_reply_ap_records_t, n) },   /* EW_MSG_REPLY_AP_RECORDS n */
    { 49, offsetof(ew_reply_ap_records_t, total) },   /* EW_MSG_REPLY_AP_RECORDS total */
    { 17, offsetof(ew_reply_ap_records_t, scan_id) },   /* EW_MSG_REPLY_AP_RECORDS scan_id */
    { 50, offsetof(ew_reply_protocol_t, reconnect) },   /* EW_MSG_REPLY_PROTOCOL reconnect */
    { 50, offsetof(ew_reply_bandwidth_t, reconnect) },   /* EW_MSG_REPLY_BANDWIDTH reconnect */
    { 5, offsetof(ew_reply_mac_t, mac) },   /* EW_MSG_REPLY_MAC mac */
    { 8, offsetof(ew_reply_ap_info_t, ssid) },   /* EW_MSG_REPLY_AP_INFO ssid */
    { 9, offsetof(ew_reply_ap_info_t, bssid) },   /* EW_MSG_REPLY_AP_INFO bssid */
    { 10, offsetof(ew_reply_ap_info_t, ch) },   /* EW_MSG_REPLY_AP_INFO ch */
    { 14, offsetof(ew_reply_ap_info_t, rssi) },   /* EW_MSG_REPLY_AP_INFO rssi */
    { 11, offsetof(ew_reply_ap_info_t, auth) },   /* EW_MSG_REPLY_AP_INFO auth */
    { 51, offsetof(ew_reply_ap_info_t, pairwise) },   /* EW_MSG_REPLY_AP_INFO pairwise */
    { 52, offsetof(ew_reply_ap_info_t, group) },   /* EW_MSG_REPLY_AP_INFO group */
    { 53, offsetof(ew_reply_ap_info_t, phy) },   /* EW_MSG_REPLY_AP_INFO phy */
    { 54, offsetof(ew_reply_ap_info_t, second) },   /* EW_MSG_REPLY_AP_INFO second */
    { 55, offsetof(ew_reply_ap_info_t, bw) },   /* EW_MSG_REPLY_AP_INFO bw */
    { 56, offsetof(ew_reply_ap_info_t, cc) },   /* EW_MSG_REPLY_AP_INFO cc */
    { 14, offsetof(ew_reply_rssi_t, rssi) },   /* EW_MSG_REPLY_RSSI rssi */
    { 24, offsetof(ew_reply_ip_info_t, ip) },   /* EW_MSG_REPLY_IP_INFO ip */
    { 25, offsetof(ew_reply_ip_info_t, mask) },   /* EW_MSG_REPLY_IP_INFO mask */
    { 26, offsetof(ew_reply_ip_info_t, gw) },   /* EW_MSG_REPLY_IP_INFO gw */
    { 8, offsetof(ew_reply_softap_get_config_t, ssid) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG ssid */
    { 43, offsetof(ew_reply_softap_get_config_t, pass_set) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG pass_set */
    { 10, offsetof(ew_reply_softap_get_config_t, ch) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG ch */
    { 11, offsetof(ew_reply_softap_get_config_t, auth) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG auth */
    { 57, offsetof(ew_reply_softap_get_config_t, max_conn) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG max_conn */
    { 58, offsetof(ew_reply_softap_get_config_t, hidden) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG hidden */
    { 59, offsetof(ew_reply_softap_get_config_t, beacon) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG beacon */
    { 46, offsetof(ew_reply_softap_get_config_t, pmf) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG pmf */
    { 60, offsetof(ew_reply_softap_get_config_t, probe) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG probe */
    { 61, offsetof(ew_reply_softap_get_config_t, running) },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG running */
    { 16, offsetof(ew_reply_softap_stations_t, n) },   /* EW_MSG_REPLY_SOFTAP_STATIONS n */
    { 62, offsetof(ew_reply_tx_power_t, power) },   /* EW_MSG_REPLY_TX_POWER power */
    { 24, offsetof(ew_reply_softap_dhcp_t, ip) },   /* EW_MSG_REPLY_SOFTAP_DHCP ip */
    { 25, offsetof(ew_reply_softap_dhcp_t, mask) },   /* EW_MSG_REPLY_SOFTAP_DHCP mask */
    { 63, offsetof(ew_reply_softap_dhcp_t, start) },   /* EW_MSG_REPLY_SOFTAP_DHCP start */
    { 64, offsetof(ew_reply_softap_dhcp_t, end) },   /* EW_MSG_REPLY_SOFTAP_DHCP end */
    { 65, offsetof(ew_reply_softap_dhcp_t, lease) },   /* EW_MSG_REPLY_SOFTAP_DHCP lease */
    { 66, offsetof(ew_partial_ap_t, ssid) },   /* ap ssid */
    { 67, offsetof(ew_partial_ap_t, rssi) },   /* ap rssi */
    { 68, offsetof(ew_partial_ap_t, bssid) },   /* ap bssid */
    { 69, offsetof(ew_partial_ap_t, ch) },   /* ap ch */
    { 70, offsetof(ew_partial_ap_t, auth) },   /* ap auth */
    { 71, offsetof(ew_partial_ap_t, pairwise) },   /* ap pairwise */
    { 71, offsetof(ew_partial_ap_t, group) },   /* ap group */
    { 72, offsetof(ew_partial_ap_t, phy) },   /* ap phy */
    { EW_MSG_OPTIONAL | 54, offsetof(ew_partial_ap_t, second) },   /* ap second */
    { EW_MSG_OPTIONAL | 55, offsetof(ew_partial_ap_t, bw) },   /* ap bw */
    { EW_MSG_OPTIONAL | 56, offsetof(ew_partial_ap_t, cc) },   /* ap cc */
    { 68, offsetof(ew_partial_sta_t, mac) },   /* sta mac */
    { 73, offsetof(ew_partial_sta_t, aid) },   /* sta aid */
    { 67, offsetof(ew_partial_sta_t, rssi) },   /* sta rssi */
};

const ew_msg_desc_t ew_msgs[EW_MSG__COUNT] = {
    { 1587, 0, 0, 8 },   /* EW_MSG_EV_HELLO */
    { 1016, 0, 8, 0 },   /* EW_MSG_EV_STA_START */
    { 1173, 0, 8, 0 },   /* EW_MSG_EV_STA_STOP */
    { 166, 0, 8, 5 },   /* EW_MSG_EV_CONNECTED */
    { 163, 0, 13, 4 },   /* EW_MSG_EV_DISCONNECTED */
    { 996, 0, 17, 3 },   /* EW_MSG_EV_SCAN_DONE */
    { 473, 0, 20, 0 },   /* EW_MSG_EV_BEACON_TIMEOUT */
    { 1146, 0, 20, 1 },   /* EW_MSG_EV_RSSI_LOW */
    { 411, 0, 21, 2 },   /* EW_MSG_EV_AUTHMODE_CHANGE */
    { 137, 0, 23, 4 },   /* EW_MSG_EV_HOME_CHANNEL_CHANGE */
    { 1470, 0, 27, 4 },   /* EW_MSG_EV_GOT_IP */
    { 1356, 0, 31, 0 },   /* EW_MSG_EV_LOST_IP */
    { 1155, 0, 31, 3 },   /* EW_MSG_EV_RX_ERROR */
    { 1074, 0, 34, 0 },   /* EW_MSG_EV_AP_START */
    { 1276, 0, 34, 0 },   /* EW_MSG_EV_AP_STOP */
    { 395, 0, 34, 2 },   /* EW_MSG_EV_AP_STACONNECTED */
    { 157, 0, 36, 3 },   /* EW_MSG_EV_AP_STADISCONNECTED */
    { 314, 0, 39, 2 },   /* EW_MSG_EV_AP_STAIPASSIGNED */
    { 176, 0, 41, 2 },   /* EW_MSG_EV_AP_PROBEREQRECVED */
    { 1883, 1, 43, 8 },   /* EW_MSG_REPLY_INFO */
    { 1883, 1, 51, 20 },   /* EW_MSG_REPLY_STATUS */
    { 1883, 1, 71, 11 },   /* EW_MSG_REPLY_GET_CONFIG */
    { 1883, 1, 82, 1 },   /* EW_MSG_REPLY_SCAN */
    { 1883, 1, 83, 1 },   /* EW_MSG_REPLY_AP_NUM */
    { 1883, 1, 84, 3 },   /* EW_MSG_REPLY_AP_RECORDS */
    { 1883, 1, 87, 1 },   /* EW_MSG_REPLY_PROTOCOL */
    { 1883, 1, 88, 1 },   /* EW_MSG_REPLY_BANDWIDTH */
    { 1883, 1, 89, 1 },   /* EW_MSG_REPLY_MAC */
    { 1883, 1, 90, 11 },   /* EW_MSG_REPLY_AP_INFO */
    { 1883, 1, 101, 1 },   /* EW_MSG_REPLY_RSSI */
    { 1883, 1, 102, 3 },   /* EW_MSG_REPLY_IP_INFO */
    { 1883, 1, 105, 10 },   /* EW_MSG_REPLY_SOFTAP_GET_CONFIG */
    { 1883, 1, 115, 1 },   /* EW_MSG_REPLY_SOFTAP_STATIONS */
    { 1883, 1, 116, 1 },   /* EW_MSG_REPLY_TX_POWER */
    { 1883, 1, 117, 5 },   /* EW_MSG_REPLY_SOFTAP_DHCP */
    { 1460, 2, 122, 11 },   /* EW_MSG_PARTIAL_AP */
    { 1541, 2, 133, 3 },   /* EW_MSG_PARTIAL_STA */
};

/* The tables hold member offsets in bytes, a bytes field's length right after its pointer, and an
 * optional field's has_<field> right after its member. */
_Static_assert(sizeof(ew_ev_hello_t) <= 255, "ew_ev_hello_t: offsets must fit a byte");
_Static_assert(offsetof(ew_ev_hello_t, has_def) == offsetof(ew_ev_hello_t, def) + EW_MSG_MEMBER_SIZE(EW_FK_TEXT), "ew_ev_hello_t.has_def");
_Static_assert(sizeof(ew_ev_connected_t) <= 255, "ew_ev_connected_t: offsets must fit a byte");
_Static_assert(offsetof(ew_ev_connected_t, ssid_len) == offsetof(ew_ev_connected_t, ssid) + sizeof(const uint8_t *), "ew_ev_connected_t.ssid_len");
_Static_assert(sizeof(ew_ev_disconnected_t) <= 255, "ew_ev_disconnected_t: offsets must fit a byte");
_Static_assert(offsetof(ew_ev_disconnected_t, ssid_len) == offsetof(ew_ev_disconnected_t, ssid) + sizeof(const uint8_t *), "ew_ev_disconnected_t.ssid_len");
_Static_assert(sizeof(ew_ev_scan_done_t) <= 255, "ew_ev_scan_done_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_rssi_low_t) <= 255, "ew_ev_rssi_low_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_authmode_change_t) <= 255, "ew_ev_authmode_change_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_home_channel_change_t) <= 255, "ew_ev_home_channel_change_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_got_ip_t) <= 255, "ew_ev_got_ip_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_rx_error_t) <= 255, "ew_ev_rx_error_t: offsets must fit a byte");
_Static_assert(offsetof(ew_ev_rx_error_t, has_expected) == offsetof(ew_ev_rx_error_t, expected) + EW_MSG_MEMBER_SIZE(EW_FK_TEXT), "ew_ev_rx_error_t.has_expected");
_Static_assert(sizeof(ew_ev_ap_staconnected_t) <= 255, "ew_ev_ap_staconnected_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_ap_stadisconnected_t) <= 255, "ew_ev_ap_stadisconnected_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_ap_staipassigned_t) <= 255, "ew_ev_ap_staipassigned_t: offsets must fit a byte");
_Static_assert(sizeof(ew_ev_ap_probereqrecved_t) <= 255, "ew_ev_ap_probereqrecved_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_info_t) <= 255, "ew_reply_info_t: offsets must fit a byte");
_Static_assert(offsetof(ew_reply_info_t, has_def) == offsetof(ew_reply_info_t, def) + EW_MSG_MEMBER_SIZE(EW_FK_TEXT), "ew_reply_info_t.has_def");
_Static_assert(sizeof(ew_reply_status_t) <= 255, "ew_reply_status_t: offsets must fit a byte");
_Static_assert(offsetof(ew_reply_status_t, has_scan_id) == offsetof(ew_reply_status_t, scan_id) + EW_MSG_MEMBER_SIZE(EW_FK_UINT), "ew_reply_status_t.has_scan_id");
_Static_assert(offsetof(ew_reply_status_t, ssid_len) == offsetof(ew_reply_status_t, ssid) + sizeof(const uint8_t *), "ew_reply_status_t.ssid_len");
_Static_assert(offsetof(ew_reply_status_t, has_ssid) == offsetof(ew_reply_status_t, ssid) + EW_MSG_MEMBER_SIZE(EW_FK_BYTES), "ew_reply_status_t.has_ssid");
_Static_assert(offsetof(ew_reply_status_t, has_bssid) == offsetof(ew_reply_status_t, bssid) + EW_MSG_MEMBER_SIZE(EW_FK_MAC), "ew_reply_status_t.has_bssid");
_Static_assert(offsetof(ew_reply_status_t, has_ch) == offsetof(ew_reply_status_t, ch) + EW_MSG_MEMBER_SIZE(EW_FK_UINT), "ew_reply_status_t.has_ch");
_Static_assert(offsetof(ew_reply_status_t, has_rssi) == offsetof(ew_reply_status_t, rssi) + EW_MSG_MEMBER_SIZE(EW_FK_INT), "ew_reply_status_t.has_rssi");
_Static_assert(offsetof(ew_reply_status_t, has_ip) == offsetof(ew_reply_status_t, ip) + EW_MSG_MEMBER_SIZE(EW_FK_IP4), "ew_reply_status_t.has_ip");
_Static_assert(offsetof(ew_reply_status_t, has_mask) == offsetof(ew_reply_status_t, mask) + EW_MSG_MEMBER_SIZE(EW_FK_IP4), "ew_reply_status_t.has_mask");
_Static_assert(offsetof(ew_reply_status_t, has_gw) == offsetof(ew_reply_status_t, gw) + EW_MSG_MEMBER_SIZE(EW_FK_IP4), "ew_reply_status_t.has_gw");
_Static_assert(offsetof(ew_reply_status_t, has_stack_free) == offsetof(ew_reply_status_t, stack_free) + EW_MSG_MEMBER_SIZE(EW_FK_UINT), "ew_reply_status_t.has_stack_free");
_Static_assert(sizeof(ew_reply_get_config_t) <= 255, "ew_reply_get_config_t: offsets must fit a byte");
_Static_assert(offsetof(ew_reply_get_config_t, ssid_len) == offsetof(ew_reply_get_config_t, ssid) + sizeof(const uint8_t *), "ew_reply_get_config_t.ssid_len");
_Static_assert(sizeof(ew_reply_scan_t) <= 255, "ew_reply_scan_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_ap_num_t) <= 255, "ew_reply_ap_num_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_ap_records_t) <= 255, "ew_reply_ap_records_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_protocol_t) <= 255, "ew_reply_protocol_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_bandwidth_t) <= 255, "ew_reply_bandwidth_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_mac_t) <= 255, "ew_reply_mac_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_ap_info_t) <= 255, "ew_reply_ap_info_t: offsets must fit a byte");
_Static_assert(offsetof(ew_reply_ap_info_t, ssid_len) == offsetof(ew_reply_ap_info_t, ssid) + sizeof(const uint8_t *), "ew_reply_ap_info_t.ssid_len");
_Static_assert(sizeof(ew_reply_rssi_t) <= 255, "ew_reply_rssi_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_ip_info_t) <= 255, "ew_reply_ip_info_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_softap_get_config_t) <= 255, "ew_reply_softap_get_config_t: offsets must fit a byte");
_Static_assert(offsetof(ew_reply_softap_get_config_t, ssid_len) == offsetof(ew_reply_softap_get_config_t, ssid) + sizeof(const uint8_t *), "ew_reply_softap_get_config_t.ssid_len");
_Static_assert(sizeof(ew_reply_softap_stations_t) <= 255, "ew_reply_softap_stations_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_tx_power_t) <= 255, "ew_reply_tx_power_t: offsets must fit a byte");
_Static_assert(sizeof(ew_reply_softap_dhcp_t) <= 255, "ew_reply_softap_dhcp_t: offsets must fit a byte");
_Static_assert(sizeof(ew_partial_ap_t) <= 255, "ew_partial_ap_t: offsets must fit a byte");
_Static_assert(offsetof(ew_partial_ap_t, ssid_len) == offsetof(ew_partial_ap_t, ssid) + sizeof(const uint8_t *), "ew_partial_ap_t.ssid_len");
_Static_assert(offsetof(ew_partial_ap_t, has_second) == offsetof(ew_partial_ap_t, second) + EW_MSG_MEMBER_SIZE(EW_FK_ENUM), "ew_partial_ap_t.has_second");
_Static_assert(offsetof(ew_partial_ap_t, has_bw) == offsetof(ew_partial_ap_t, bw) + EW_MSG_MEMBER_SIZE(EW_FK_ENUM), "ew_partial_ap_t.has_bw");
_Static_assert(offsetof(ew_partial_ap_t, has_cc) == offsetof(ew_partial_ap_t, cc) + EW_MSG_MEMBER_SIZE(EW_FK_TEXT), "ew_partial_ap_t.has_cc");
_Static_assert(sizeof(ew_partial_sta_t) <= 255, "ew_partial_sta_t: offsets must fit a byte");
