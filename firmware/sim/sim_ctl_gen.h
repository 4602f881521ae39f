/* GENERATED from firmware/sim/control.json by protocol/gen/sim-control.mjs — do not edit. */

#pragma once
#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const char *name;
    bool is_int;      /* an integer in min..max (a number: in (min, max]) */
    bool required;
    long min, max;
} sim_ctl_arg_t;

typedef struct {
    const char *name;
    const sim_ctl_arg_t *args;
    uint8_t nargs;
} sim_ctl_spec_t;

typedef enum {
    SIM_CTL_PING = 0,
    SIM_CTL_POWER_ON = 1,
    SIM_CTL_AP_ADD = 2,
    SIM_CTL_AP_OFF = 3,
    SIM_CTL_AP_ON = 4,
    SIM_CTL_RSSI = 5,
    SIM_CTL_PASSWORD = 6,
    SIM_CTL_DEAUTH = 7,
    SIM_CTL_DHCP = 8,
    SIM_CTL_DHCP_CHANGE = 9,
    SIM_CTL_RESET = 10,
    SIM_CTL_PANIC = 11,
    SIM_CTL_NOISE = 12,
    SIM_CTL_DROP = 13,
    SIM_CTL_CORRUPT = 14,
    SIM_CTL_DIAG = 15,
    SIM_CTL_SPEED = 16,
    SIM_CTL_TIME = 17,
    SIM_CTL_BAUD = 18,
    SIM_CTL_COUNTRY = 19,
    SIM_CTL_MAC = 20,
    SIM_CTL_REASONS = 21,
    SIM_CTL_LOST_IP_TIMER = 22,
    SIM_CTL_PATH_LOSS = 23,
    SIM_CTL_QUIT = 24,
    SIM_CTL__COUNT = 25
} sim_ctl_action_t;

extern const sim_ctl_spec_t sim_ctl_specs[SIM_CTL__COUNT];
/* The action named verb, or -1. */
int sim_ctl_find(const char *verb);
/* The argument key of action a, or NULL when the action has none by that name. */
const sim_ctl_arg_t *sim_ctl_arg(int a, const char *key);
