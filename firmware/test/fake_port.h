/* A test double of ew_port_t: records every call, returns scripted errors, captures the lines
 * the core writes. It stands in for the driver, not for the protocol (that is what we test). */
#pragma once
#include "espwifi_core.h"
#include "ew_codec.h"

enum {
    FK_INIT, FK_DEINIT, FK_SET_MODE, FK_SET_CONFIG, FK_GET_CONFIG, FK_START, FK_STOP, FK_CONNECT,
    FK_DISCONNECT, FK_GET_MODE, FK_SCAN_START, FK_SCAN_STOP, FK_SCAN_GET_AP_NUM, FK_SCAN_GET_AP_RECORDS,
    FK_CLEAR_AP_LIST, FK_SET_COUNTRY_CODE, FK_SET_PROTOCOL, FK_SET_BANDWIDTH, FK_SET_PS,
    FK_SET_INACTIVE_TIME, FK_SET_RSSI_THRESHOLD, FK_SET_STORAGE, FK_GET_MAC, FK_STA_GET_AP_INFO,
    FK_STA_GET_RSSI, FK_GET_IP_INFO, FK_GET_HOSTNAME, FK_SET_HOSTNAME, FK__COUNT
};

#define FK_MAX_OUT 128
#define FK_MAX_RECS 8

typedef struct {
    ew_port_t port;                    /* points at sys and wifi below */
    ew_sys_ops_t sys;                  /* the fake's ops: a test may NULL or replace one */
    ew_wifi_ops_t wifi;
    char out[FK_MAX_OUT][EW_MAX_LINE + 8];
    size_t out_len[FK_MAX_OUT];
    int nout;
    int calls[FK__COUNT];
    ew_err_t err[FK__COUNT];          /* scripted return value per op */
    char hostname[40];
    char last_log[256];
    int nlogs, nwarn, nerr;
    int restarts;
    /* driver model: just enough for the rules */
    ew_ap_record_t recs[FK_MAX_RECS];
    uint16_t nrecs;                    /* records the "driver" holds */
    ew_sta_config_t cfg;
    ew_mode_t mode;
    ew_scan_config_t scan_cfg;
    bool scan_block;
    ew_proto_flags_t proto;
    ew_bw_t bw;
    char cc[3];
    bool ieee80211d;
    uint16_t inactive;
    int32_t rssi_thr;
    uint32_t now;                      /* port clock (ms), moved by the tests */
} fake_t;

void fake_init(fake_t *fk);
void fake_clear_out(fake_t *fk);
/* Sends one request line (CRC added) followed by '\n'. text is e.g. "q1 scan ch=6". */
void fake_send(fake_t *fk, ew_core_t *core, const char *text);
/* The i-th captured line counted from the end (0 = last), without the terminator. */
const char *fake_line(fake_t *fk, int back);
/* Value of a named field in captured line `line` as text (escaped form); NULL when absent. */
const char *fake_field(const char *line, const char *key, char *buf, size_t cap);
void fake_add_rec(fake_t *fk, const char *ssid, int8_t rssi);
