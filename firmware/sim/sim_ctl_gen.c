/* GENERATED from firmware/sim/control.json by protocol/gen/sim-control.mjs — do not edit. */

#include <string.h>
#include "sim_ctl_gen.h"

static const sim_ctl_arg_t args_ap_add[21] = {
    { "ssid", false, false, 0, 0 },
    { "ssid_hex", false, false, 0, 0 },
    { "bssid", false, true, 0, 0 },
    { "ch", true, false, 1, 14 },
    { "rssi", true, false, -127, 0 },
    { "auth", false, false, 0, 0 },
    { "pairwise", false, false, 0, 0 },
    { "group", false, false, 0, 0 },
    { "pass", false, false, 0, 0 },
    { "hidden", true, false, 0, 1 },
    { "max_stations", true, false, -1, 255 },
    { "stations", true, false, 0, 255 },
    { "phy", false, false, 0, 0 },
    { "second", false, false, 0, 0 },
    { "bw", false, false, 0, 0 },
    { "cc", false, false, 0, 0 },
    { "pmf", false, false, 0, 0 },
    { "auth_reply", false, false, 0, 0 },
    { "assoc_reply", false, false, 0, 0 },
    { "handshake", false, false, 0, 0 },
    { "on", true, false, 0, 1 },
};
static const sim_ctl_arg_t args_ap_off[3] = {
    { "ssid", false, false, 0, 0 },
    { "ssid_hex", false, false, 0, 0 },
    { "bssid", false, false, 0, 0 },
};
static const sim_ctl_arg_t args_ap_on[3] = {
    { "ssid", false, false, 0, 0 },
    { "ssid_hex", false, false, 0, 0 },
    { "bssid", false, false, 0, 0 },
};
static const sim_ctl_arg_t args_rssi[4] = {
    { "ssid", false, false, 0, 0 },
    { "ssid_hex", false, false, 0, 0 },
    { "bssid", false, false, 0, 0 },
    { "rssi", true, true, -127, 0 },
};
static const sim_ctl_arg_t args_password[4] = {
    { "ssid", false, false, 0, 0 },
    { "ssid_hex", false, false, 0, 0 },
    { "bssid", false, false, 0, 0 },
    { "pass", false, true, 0, 0 },
};
static const sim_ctl_arg_t args_deauth[1] = {
    { "reason", true, false, 1, 255 },
};
static const sim_ctl_arg_t args_dhcp[4] = {
    { "ip", false, false, 0, 0 },
    { "mask", false, false, 0, 0 },
    { "gw", false, false, 0, 0 },
    { "delay_ms", true, false, -1, 600000 },
};
static const sim_ctl_arg_t args_dhcp_change[4] = {
    { "ip", false, true, 0, 0 },
    { "mask", false, false, 0, 0 },
    { "gw", false, false, 0, 0 },
    { "delay_ms", true, false, -1, 600000 },
};
static const sim_ctl_arg_t args_reset[1] = {
    { "reason", false, false, 0, 0 },
};
static const sim_ctl_arg_t args_noise[1] = {
    { "bytes", true, false, 1, 65536 },
};
static const sim_ctl_arg_t args_drop[1] = {
    { "bytes", true, true, 1, 1048576 },
};
static const sim_ctl_arg_t args_corrupt[1] = {
    { "bytes", true, true, 1, 1048576 },
};
static const sim_ctl_arg_t args_speed[1] = {
    { "x", false, true, 0, 10000 },
};
static const sim_ctl_arg_t args_time[1] = {
    { "advance", true, false, 0, 86400000 },
};
static const sim_ctl_arg_t args_baud[1] = {
    { "rate", true, true, 300, 5000000 },
};
static const sim_ctl_arg_t args_country[1] = {
    { "cc", false, true, 0, 0 },
};
static const sim_ctl_arg_t args_mac[1] = {
    { "mac", false, true, 0, 0 },
};
static const sim_ctl_arg_t args_reasons[1] = {
    { "mode", false, true, 0, 0 },
};
static const sim_ctl_arg_t args_lost_ip_timer[1] = {
    { "ms", true, true, 0, 86400000 },
};
static const sim_ctl_arg_t args_path_loss[1] = {
    { "db", true, true, 0, 130 },
};

const sim_ctl_spec_t sim_ctl_specs[SIM_CTL__COUNT] = {
    { "ping", NULL, 0 },
    { "power_on", NULL, 0 },
    { "ap_add", args_ap_add, 21 },
    { "ap_off", args_ap_off, 3 },
    { "ap_on", args_ap_on, 3 },
    { "rssi", args_rssi, 4 },
    { "password", args_password, 4 },
    { "deauth", args_deauth, 1 },
    { "dhcp", args_dhcp, 4 },
    { "dhcp_change", args_dhcp_change, 4 },
    { "reset", args_reset, 1 },
    { "panic", NULL, 0 },
    { "noise", args_noise, 1 },
    { "drop", args_drop, 1 },
    { "corrupt", args_corrupt, 1 },
    { "diag", NULL, 0 },
    { "speed", args_speed, 1 },
    { "time", args_time, 1 },
    { "baud", args_baud, 1 },
    { "country", args_country, 1 },
    { "mac", args_mac, 1 },
    { "reasons", args_reasons, 1 },
    { "lost_ip_timer", args_lost_ip_timer, 1 },
    { "path_loss", args_path_loss, 1 },
    { "quit", NULL, 0 },
};

int sim_ctl_find(const char *verb)
{
    for (int i = 0; i < SIM_CTL__COUNT; i++)
        if (strcmp(sim_ctl_specs[i].name, verb) == 0) return i;
    return -1;
}

const sim_ctl_arg_t *sim_ctl_arg(int a, const char *key)
{
    if (a < 0 || a >= SIM_CTL__COUNT || !key) return NULL;
    for (int i = 0; i < sim_ctl_specs[a].nargs; i++)
        if (strcmp(sim_ctl_specs[a].args[i].name, key) == 0) return &sim_ctl_specs[a].args[i];
    return NULL;
}
