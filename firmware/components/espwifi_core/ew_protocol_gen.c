/* GENERATED from protocol/protocol.json by protocol/gen.mjs — do not edit. */

#include "ew_protocol_gen.h"

const char ew_pool[] =
    "ESP_NETIF_DHCP_ALREADY_STARTED\0" "ESP_NETIF_DHCP_ALREADY_STOPPED\0"
    "ESP_NETIF_DHCP_NOT_STOPPED\0" "ESP_NETIF_INVALID_PARAMS\0" "ESP_NETIF_IF_NOT_READY\0"
    "home_channel_change\0" "ap_stadisconnected\0" "ap_probereqrecved\0" "softap_get_config\0"
    "SCAN_IN_PROGRESS\0" "WIFI_NOT_CONNECT\0" "WIFI_NOT_STARTED\0" "WIFI_NOT_STOPPED\0"
    "WIFI_TX_DISALLOW\0" "WIFI_WOULD_BLOCK\0" "ap_staipassigned\0" "ALREADY_FETCHED\0"
    "UNKNOWN_COMMAND\0" "WIFI_INIT_STATE\0" "WIFI_STOP_STATE\0" "ap_staconnected\0" "authmode_change\0"
    "softap_stations\0" "WIFI_NOT_ASSOC\0" "WIFI_WAKE_FAIL\0" "beacon_timeout\0" "rssi_threshold\0"
    "wpa3_ext_mixed\0" "INVALID_STATE\0" "LINE_TOO_LONG\0" "NOT_SUPPORTED\0" "WIFI_NOT_INIT\0"
    "WIFI_PASSWORD\0" "inactive_time\0" "softap_config\0" "wpa2_wpa3_ent\0" "INVALID_SIZE\0"
    "WIFI_TIMEOUT\0" "INVALID_ARG\0" "MISSING_ARG\0" "aes_cmac128\0" "aes_gmac128\0" "aes_gmac256\0"
    "last_reason\0" "scan_method\0" "softap_dhcp\0" "softap_kick\0" "wpa3_ent192\0" "WIFI_STATE\0"
    "ap_records\0" "connecting\0" "cpu_lockup\0" "disconnect\0" "ieee80211d\0" "new_second\0"
    "old_second\0" "pwr_glitch\0" "stack_free\0" "MALFORMED\0" "NOT_FOUND\0" "WIFI_CONN\0"
    "WIFI_MODE\0" "WIFI_POST\0" "WIFI_SSID\0" "bandwidth\0" "deepsleep\0" "malformed\0" "reconnect\0"
    "rx_frames\0" "scan_done\0" "scan_stop\0" "sta_start\0" "tkip_ccmp\0" "unfetched\0" "wpa2_wpa3\0"
    "WIFI_MAC\0" "WIFI_NVS\0" "ap_start\0" "brownout\0" "expected\0" "max_conn\0" "pairwise\0"
    "pass_set\0" "protocol\0" "required\0" "rssi_low\0" "rx_error\0" "security\0" "sta_stop\0"
    "task_wdt\0" "too_long\0" "tx_power\0" "wpa2_ent\0" "wpa3_ext\0" "wpa_wpa2\0" "BAD_ARG\0"
    "BAD_CRC\0" "NO_SCAN\0" "WIFI_IF\0" "ap_info\0" "ap_stop\0" "bad_crc\0" "bw80_80\0" "capable\0"
    "changed\0" "cleared\0" "country\0" "gcmp256\0" "int_wdt\0" "ip_info\0" "lost_ip\0" "passive\0"
    "poweron\0" "running\0" "scan_id\0" "started\0" "storage\0" "unknown\0" "wpa_ent\0" "NO_MEM\0"
    "active\0" "ap_num\0" "beacon\0" "bitmap\0" "deinit\0" "got_ip\0" "hidden\0" "listen\0" "new_ch\0"
    "old_ch\0" "signal\0" "status\0" "uninit\0" "wep104\0" "above\0" "apsta\0" "below\0" "block\0"
    "bssid\0" "bw160\0" "efuse\0" "flash\0" "group\0" "hello\0" "lease\0" "panic\0" "phase\0" "probe\0"
    "proto\0" "reset\0" "retry\0" "total\0" "wep40\0" "BUSY\0" "auth\0" "bw80\0" "chip\0" "coex\0"
    "fast\0" "gcmp\0" "home\0" "ht20\0" "ht40\0" "idle\0" "jtag\0" "line\0" "mask\0" "mode\0" "none\0"
    "null\0" "open\0" "pass\0" "ping\0" "rssi\0" "scan\0" "sdio\0" "sms4\0" "sort\0" "tkip\0" "type\0"
    "wapi\0" "aid\0" "all\0" "def\0" "dpp\0" "end\0" "idf\0" "mac\0" "max\0" "min\0" "new\0" "off\0"
    "owe\0" "phy\0" "pmf\0" "ram\0" "rev\0" "sec\0" "seq\0" "usb\0" "wep\0" "wpa\0" "bw\0" "cc\0"
    "fw\0" "gw\0" "ok\0" "ps\0" "sw\0"
;

#define W(offset) (ew_pool + (offset))
const char *const ew_mode_names[4] = { W(1727), W(1541), W(1460), W(1539) };   /* null sta ap apsta */
const char *const ew_auth_names[18] = { W(1732), W(1863), W(1867), W(1231), W(1227), W(1209), W(1051), W(1046), W(1782), W(1831), W(764), W(1218), W(503), W(1799), W(621), W(616), W(1412), W(1420) };   /* open wep wpa wpa2 wpa_wpa2 wpa2_ent wpa3 wpa2_wpa3 wapi owe wpa3_ent192 wpa3_ext wpa3_ext_mixed dpp wpa3_ent wpa2_wpa3_ent unknown wpa_ent */
const char *const ew_cipher_names[13] = { W(1722), W(1641), W(1526), W(1772), W(1031), W(1026), W(680), W(1762), W(1677), W(1332), W(692), W(704), W(1412) };   /* none wep40 wep104 tkip ccmp tkip_ccmp aes_cmac128 sms4 gcmp gcmp256 aes_gmac128 aes_gmac256 unknown */
const char *const ew_second_names[3] = { W(1722), W(1533), W(1545) };   /* none above below */
const char *const ew_bw_names[5] = { W(1687), W(1692), W(1657), W(1563), W(1292) };   /* ht20 ht40 bw80 bw160 bw80_80 */
const char *const ew_ps_names[3] = { W(1722), W(1819), W(1815) };   /* none min max */
const char *const ew_scan_type_names[2] = { W(1435), W(1364) };   /* active passive */
const char *const ew_scan_method_names[2] = { W(1672), W(1791) };   /* fast all */
const char *const ew_sort_method_names[2] = { W(1505), W(1164) };   /* signal security */
const char *const ew_storage_names[2] = { W(1575), W(1843) };   /* flash ram */
const char *const ew_pmf_names[3] = { W(1827), W(1300), W(1137) };   /* off capable required */
const char *const ew_phase_names[6] = { W(1519), W(1465), W(1396), W(798), W(166), W(1470) };   /* uninit init started connecting connected got_ip */
const char *const ew_scan_state_names[4] = { W(1697), W(1380), W(1001), W(1038) };   /* idle running done fetched */
const char *const ew_reset_reason_names[16] = { W(1412), W(1372), W(1223), W(1889), W(1599), W(1340), W(1182), W(1187), W(956), W(1083), W(1757), W(1859), W(1702), W(1569), W(864), W(809) };   /* unknown poweron ext sw panic int_wdt task_wdt wdt deepsleep brownout sdio usb jtag efuse pwr_glitch cpu_lockup */
