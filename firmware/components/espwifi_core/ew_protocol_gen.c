/* GENERATED from protocol/protocol.json by protocol/gen.mjs — do not edit. */

#include "ew_protocol_gen.h"

const char *const ew_mode_names[4] = { "null", "sta", "ap", "apsta" };
const char *const ew_auth_names[18] = { "open", "wep", "wpa", "wpa2", "wpa_wpa2", "wpa2_ent", "wpa3", "wpa2_wpa3", "wapi", "owe", "wpa3_ent192", "wpa3_ext", "wpa3_ext_mixed", "dpp", "wpa3_ent", "wpa2_wpa3_ent", "unknown", "wpa_ent" };
const char *const ew_cipher_names[13] = { "none", "wep40", "wep104", "tkip", "ccmp", "tkip_ccmp", "aes_cmac128", "sms4", "gcmp", "gcmp256", "aes_gmac128", "aes_gmac256", "unknown" };
const char *const ew_second_names[3] = { "none", "above", "below" };
const char *const ew_bw_names[5] = { "ht20", "ht40", "bw80", "bw160", "bw80_80" };
const char *const ew_ps_names[3] = { "none", "min", "max" };
const char *const ew_scan_type_names[2] = { "active", "passive" };
const char *const ew_scan_method_names[2] = { "fast", "all" };
const char *const ew_sort_method_names[2] = { "signal", "security" };
const char *const ew_storage_names[2] = { "flash", "ram" };
const char *const ew_pmf_names[3] = { "off", "capable", "required" };
const char *const ew_phase_names[6] = { "uninit", "init", "started", "connecting", "connected", "got_ip" };
const char *const ew_scan_state_names[4] = { "idle", "running", "done", "fetched" };
const char *const ew_reset_reason_names[16] = { "unknown", "poweron", "ext", "sw", "panic", "int_wdt", "task_wdt", "wdt", "deepsleep", "brownout", "sdio", "usb", "jtag", "efuse", "pwr_glitch", "cpu_lockup" };
