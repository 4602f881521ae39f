// GENERATED from protocol/protocol.json by protocol/gen.mjs (protocol/gen/ts-definition.mjs) — do not edit.

export const definition = {
  "$comment": "espwifi protocol v1 — the single machine-readable definition. protocol/PROTOCOL.md is the prose; the C tables (firmware) and TypeScript tables (host) are generated from this file by `npm run gen` and a test fails when they are stale.",
  "version": {
    "major": 1,
    "minor": 0
  },
  "framing": {
    "marker": "~",
    "kinds": {
      "q": "request, host to device; number = request id 1..65535",
      "r": "final reply, device to host; number = the request id it answers",
      "p": "partial reply (one record of a streamed answer); number = the request id",
      "e": "event, device to host; number = event sequence 0..4294967295 (0 only on hello)"
    },
    "max_line": 1024,
    "crc": {
      "name": "CRC-16/CCITT-FALSE",
      "poly": 4129,
      "init": 65535,
      "xorout": 0,
      "reflect": false,
      "covers": "every byte after the marker up to, not including, the space before '*'",
      "format": "4 lowercase hex digits after '*'"
    },
    "id_max": 65535,
    "seq_max": 4294967295
  },
  "types": {
    "u8": {
      "kind": "int",
      "min": 0,
      "max": 255
    },
    "u16": {
      "kind": "int",
      "min": 0,
      "max": 65535
    },
    "u32": {
      "kind": "int",
      "min": 0,
      "max": 4294967295
    },
    "i8": {
      "kind": "int",
      "min": -128,
      "max": 127
    },
    "i32": {
      "kind": "int",
      "min": -2147483648,
      "max": 2147483647
    },
    "bool": {
      "kind": "bool",
      "doc": "0 or 1"
    },
    "bytes": {
      "kind": "bytes",
      "doc": "escaped byte string; \"\" is the empty string"
    },
    "text": {
      "kind": "bytes",
      "doc": "escaped byte string meant to be printable (versions, chip names)"
    },
    "mac": {
      "kind": "mac",
      "doc": "12 lowercase hex digits, no separators"
    },
    "ip4": {
      "kind": "ip4",
      "doc": "dotted quad a.b.c.d"
    },
    "hex16": {
      "kind": "hex",
      "doc": "0x followed by 1..4 lowercase hex digits, or -0x1 for ESP_FAIL (esp_err_t values)"
    }
  },
  "enums": {
    "mode": [
      "null",
      "sta",
      "ap",
      "apsta"
    ],
    "auth": [
      "open",
      "wep",
      "wpa",
      "wpa2",
      "wpa_wpa2",
      "wpa2_ent",
      "wpa3",
      "wpa2_wpa3",
      "wapi",
      "owe",
      "wpa3_ent192",
      "wpa3_ext",
      "wpa3_ext_mixed",
      "dpp",
      "wpa3_ent",
      "wpa2_wpa3_ent",
      "unknown",
      "wpa_ent"
    ],
    "cipher": [
      "none",
      "wep40",
      "wep104",
      "tkip",
      "ccmp",
      "tkip_ccmp",
      "aes_cmac128",
      "sms4",
      "gcmp",
      "gcmp256",
      "aes_gmac128",
      "aes_gmac256",
      "unknown"
    ],
    "second": [
      "none",
      "above",
      "below"
    ],
    "bw": [
      "ht20",
      "ht40",
      "bw80",
      "bw160",
      "bw80_80"
    ],
    "ps": [
      "none",
      "min",
      "max"
    ],
    "scan_type": [
      "active",
      "passive"
    ],
    "scan_method": [
      "fast",
      "all"
    ],
    "sort_method": [
      "signal",
      "security"
    ],
    "storage": [
      "flash",
      "ram"
    ],
    "pmf": [
      "off",
      "capable",
      "required"
    ],
    "phase": [
      "uninit",
      "init",
      "started",
      "connecting",
      "connected",
      "got_ip"
    ],
    "scan_state": [
      "idle",
      "running",
      "done",
      "fetched"
    ],
    "reset_reason": [
      "unknown",
      "poweron",
      "ext",
      "sw",
      "panic",
      "int_wdt",
      "task_wdt",
      "wdt",
      "deepsleep",
      "brownout",
      "sdio",
      "usb",
      "jtag",
      "efuse",
      "pwr_glitch",
      "cpu_lockup"
    ]
  },
  "flags": {
    "phy": {
      "doc": "set of letters; '-' when empty",
      "letters": {
        "b": "11b",
        "g": "11g",
        "n": "11n",
        "l": "long range (LR)",
        "a": "11a",
        "c": "11ac",
        "x": "11ax",
        "w": "WPS",
        "f": "FTM responder"
      }
    },
    "proto": {
      "doc": "set of letters for set_protocol",
      "letters": {
        "b": "11b",
        "g": "11g",
        "n": "11n",
        "l": "long range (LR)",
        "a": "11a",
        "c": "11ac",
        "x": "11ax"
      }
    }
  },
  "commands": {
    "ping": {
      "doc": "No-op; replies ok. Used for liveness and round-trip benchmarks.",
      "args": [],
      "reply": []
    },
    "info": {
      "doc": "The hello fields again, for a host that attached after boot.",
      "args": [],
      "reply": [
        "proto",
        "fw",
        "idf",
        "chip",
        "rev",
        "mac",
        "reset",
        "def"
      ],
      "optional": [
        "def"
      ]
    },
    "status": {
      "doc": "The whole station state in one reply.",
      "args": [],
      "reply": [
        "phase",
        "mode",
        "scan",
        "scan_id",
        "unfetched",
        "ssid",
        "bssid",
        "ch",
        "rssi",
        "ip",
        "mask",
        "gw",
        "last_reason",
        "seq",
        "rx_frames",
        "bad_crc",
        "too_long",
        "malformed",
        "cleared",
        "stack_free"
      ],
      "optional": [
        "scan_id",
        "ssid",
        "bssid",
        "ch",
        "rssi",
        "ip",
        "mask",
        "gw",
        "stack_free"
      ]
    },
    "init": {
      "timeout_ms": 10000,
      "doc": "esp_netif_init, default event loop, default STA netif, esp_wifi_init(WIFI_INIT_CONFIG_DEFAULT).",
      "args": [],
      "reply": [],
      "phase": "uninit"
    },
    "deinit": {
      "timeout_ms": 10000,
      "doc": "esp_wifi_deinit (after stop).",
      "args": [],
      "reply": []
    },
    "mode": {
      "doc": "esp_wifi_set_mode.",
      "args": [
        {
          "name": "m",
          "type": "enum:mode",
          "required": true
        }
      ],
      "reply": []
    },
    "config": {
      "doc": "esp_wifi_set_config(WIFI_IF_STA). The password is never echoed, logged or returned.",
      "args": [
        {
          "name": "ssid",
          "type": "bytes",
          "max_len": 32,
          "required": true
        },
        {
          "name": "pass",
          "type": "bytes",
          "max_len": 64,
          "secret": true,
          "doc": "empty or 8..63 printable or 64 hex digits (WPA rules checked by the driver)"
        },
        {
          "name": "bssid",
          "type": "mac",
          "doc": "sets bssid_set"
        },
        {
          "name": "ch",
          "type": "u8",
          "min": 0,
          "max": 14,
          "doc": "channel hint, 0 = unknown"
        },
        {
          "name": "scan",
          "type": "enum:scan_method",
          "doc": "default fast"
        },
        {
          "name": "sort",
          "type": "enum:sort_method",
          "doc": "default signal"
        },
        {
          "name": "rssi",
          "type": "i8",
          "min": -127,
          "max": 0,
          "doc": "threshold.rssi, 0 = none"
        },
        {
          "name": "auth",
          "type": "enum:auth",
          "choices": [
            "open",
            "wep",
            "wpa",
            "wpa2",
            "wpa_wpa2",
            "wpa2_ent",
            "wpa3",
            "wpa2_wpa3",
            "wapi",
            "owe",
            "wpa3_ent192",
            "wpa3_ext",
            "wpa3_ext_mixed"
          ],
          "doc": "threshold.authmode, default open; open with a password of 8+ characters acts as wpa2 (the driver refuses WEP and WPA APs)"
        },
        {
          "name": "pmf",
          "type": "enum:pmf",
          "doc": "pmf_cfg; default capable; off acts as capable from ESP-IDF v5.0 (the station is always PMF-capable)"
        },
        {
          "name": "retry",
          "type": "u8",
          "min": 0,
          "max": 255,
          "doc": "failure_retry_cnt; needs scan=all"
        },
        {
          "name": "listen",
          "type": "u16",
          "min": 0,
          "max": 65535,
          "doc": "listen_interval in beacon intervals, 0 = default 3"
        }
      ],
      "reply": []
    },
    "get_config": {
      "doc": "esp_wifi_get_config; pass_set tells whether a password is stored, never the password.",
      "args": [],
      "reply": [
        "ssid",
        "pass_set",
        "bssid",
        "ch",
        "scan_method",
        "sort",
        "rssi",
        "auth",
        "pmf",
        "retry",
        "listen"
      ]
    },
    "start": {
      "timeout_ms": 10000,
      "doc": "esp_wifi_start; STA_START follows.",
      "args": [],
      "reply": []
    },
    "stop": {
      "timeout_ms": 10000,
      "doc": "esp_wifi_stop; STA_STOP follows.",
      "args": [],
      "reply": []
    },
    "connect": {
      "timeout_ms": 10000,
      "doc": "esp_wifi_connect: one attempt; CONNECTED or DISCONNECTED follows.",
      "args": [],
      "reply": []
    },
    "disconnect": {
      "doc": "esp_wifi_disconnect; DISCONNECTED with reason 8 follows when connected.",
      "args": [],
      "reply": []
    },
    "scan": {
      "doc": "esp_wifi_scan_start. Non-blocking: ok at once, SCAN_DONE (with the driver's scan id) follows. block=1: ok after the scan with n = records found, and no SCAN_DONE.",
      "args": [
        {
          "name": "ssid",
          "type": "bytes",
          "max_len": 32
        },
        {
          "name": "bssid",
          "type": "mac"
        },
        {
          "name": "ch",
          "type": "u8",
          "min": 0,
          "max": 14,
          "doc": "0 = all channels"
        },
        {
          "name": "hidden",
          "type": "bool",
          "doc": "show_hidden"
        },
        {
          "name": "type",
          "type": "enum:scan_type"
        },
        {
          "name": "min",
          "type": "u16",
          "min": 0,
          "max": 1500,
          "doc": "scan_time.active.min ms"
        },
        {
          "name": "max",
          "type": "u16",
          "min": 0,
          "max": 1500,
          "doc": "scan_time.active.max ms"
        },
        {
          "name": "passive",
          "type": "u16",
          "min": 0,
          "max": 1500,
          "doc": "scan_time.passive ms"
        },
        {
          "name": "home",
          "type": "u8",
          "min": 0,
          "max": 255,
          "doc": "home_chan_dwell_time ms (0 = default 30)"
        },
        {
          "name": "bitmap",
          "type": "u16",
          "min": 0,
          "max": 32766,
          "doc": "channel_bitmap.ghz_2_channels, bit N = channel N (1..14; bit 0 refused); needs ch=0"
        },
        {
          "name": "coex",
          "type": "bool",
          "doc": "coex_background_scan (v5.4.3+)"
        },
        {
          "name": "block",
          "type": "bool",
          "timeout_ms": 30000,
          "doc": "all 14 channels at the longest passive dwell (1500 ms) take 21 s"
        }
      ],
      "reply": [
        "n"
      ]
    },
    "scan_stop": {
      "doc": "esp_wifi_scan_stop; SCAN_DONE follows for a running scan.",
      "args": [],
      "reply": []
    },
    "ap_num": {
      "doc": "esp_wifi_scan_get_ap_num.",
      "args": [],
      "reply": [
        "n"
      ]
    },
    "ap_records": {
      "timeout_ms": 10000,
      "doc": "esp_wifi_scan_get_ap_records: streams one `ap` partial per record, then ok. Frees the driver's list; a second call for the same scan is refused with ALREADY_FETCHED.",
      "args": [
        {
          "name": "max",
          "type": "u16",
          "min": 1,
          "max": 64,
          "doc": "default 64; records past max are dropped by the driver"
        }
      ],
      "reply": [
        "n",
        "total",
        "scan_id"
      ],
      "partial": "ap"
    },
    "country": {
      "doc": "esp_wifi_set_country_code.",
      "args": [
        {
          "name": "cc",
          "type": "text",
          "min_len": 2,
          "max_len": 2,
          "required": true
        },
        {
          "name": "ieee80211d",
          "type": "bool"
        }
      ],
      "reply": []
    },
    "protocol": {
      "doc": "esp_wifi_set_protocol(WIFI_IF_STA). reconnect=1 when the station was connected (the driver reconnects).",
      "args": [
        {
          "name": "p",
          "type": "flags:proto",
          "required": true
        }
      ],
      "reply": [
        "reconnect"
      ]
    },
    "bandwidth": {
      "doc": "esp_wifi_set_bandwidth(WIFI_IF_STA). reconnect=1 when connected.",
      "args": [
        {
          "name": "bw",
          "type": "enum:bw",
          "required": true
        }
      ],
      "reply": [
        "reconnect"
      ]
    },
    "ps": {
      "doc": "esp_wifi_set_ps.",
      "args": [
        {
          "name": "mode",
          "type": "enum:ps",
          "required": true
        }
      ],
      "reply": []
    },
    "inactive_time": {
      "doc": "esp_wifi_set_inactive_time(WIFI_IF_STA): beacon-loss time before the 5 probes.",
      "args": [
        {
          "name": "sec",
          "type": "u16",
          "min": 3,
          "max": 65535,
          "required": true
        }
      ],
      "reply": []
    },
    "rssi_threshold": {
      "doc": "esp_wifi_set_rssi_threshold: STA_BSS_RSSI_LOW fires once below it; call again to re-arm.",
      "args": [
        {
          "name": "rssi",
          "type": "i32",
          "min": -100,
          "max": 10,
          "required": true
        }
      ],
      "reply": []
    },
    "storage": {
      "doc": "esp_wifi_set_storage.",
      "args": [
        {
          "name": "s",
          "type": "enum:storage",
          "required": true
        }
      ],
      "reply": []
    },
    "mac": {
      "doc": "esp_wifi_get_mac(WIFI_IF_STA).",
      "args": [],
      "reply": [
        "mac"
      ]
    },
    "ap_info": {
      "doc": "esp_wifi_sta_get_ap_info: the AP the station is associated with.",
      "args": [],
      "reply": [
        "ssid",
        "bssid",
        "ch",
        "rssi",
        "auth",
        "pairwise",
        "group",
        "phy",
        "second",
        "bw",
        "cc"
      ]
    },
    "rssi": {
      "doc": "esp_wifi_sta_get_rssi.",
      "args": [],
      "reply": [
        "rssi"
      ]
    },
    "ip_info": {
      "doc": "esp_netif_get_ip_info of the default STA netif.",
      "args": [],
      "reply": [
        "ip",
        "mask",
        "gw"
      ]
    },
    "reset": {
      "timeout_ms": 10000,
      "doc": "esp_restart after the reply is sent; a hello with reset=sw follows.",
      "args": [],
      "reply": []
    },
    "softap_config": {
      "doc": "esp_wifi_set_config(WIFI_IF_AP): the SoftAP's settings (mode ap or apsta first: the driver answers WIFI_MODE otherwise). While the AP runs the driver restarts it: every station is deauthenticated. The password is never echoed, logged or returned.",
      "args": [
        {
          "name": "ssid",
          "type": "bytes",
          "max_len": 32,
          "required": true,
          "doc": "any bytes; sent with ssid_len"
        },
        {
          "name": "pass",
          "type": "bytes",
          "max_len": 64,
          "secret": true,
          "doc": "empty (open) or 8..63 printable or 64 hex digits"
        },
        {
          "name": "ch",
          "type": "u8",
          "min": 1,
          "max": 14,
          "doc": "channel, default 1"
        },
        {
          "name": "auth",
          "type": "enum:auth",
          "choices": [
            "open",
            "wpa",
            "wpa2",
            "wpa_wpa2",
            "wpa3",
            "wpa2_wpa3"
          ],
          "doc": "authmode; default open without a password, wpa2 with one. The SoftAP cannot do wep, wapi or owe (the driver refuses them)"
        },
        {
          "name": "max",
          "type": "u8",
          "min": 1,
          "max": 15,
          "doc": "max_connection, default 4 (ESP32-C2: at most 4; ESP_WIFI_MAX_CONN_NUM otherwise 15)"
        },
        {
          "name": "hidden",
          "type": "bool",
          "doc": "ssid_hidden: no SSID in beacons"
        },
        {
          "name": "beacon",
          "type": "u16",
          "min": 100,
          "max": 60000,
          "doc": "beacon_interval in TU (1024 us), default 100"
        },
        {
          "name": "pmf",
          "type": "enum:pmf",
          "doc": "pmf_cfg.required for required; off and capable both leave PMF optional (pmf_cfg.capable is deprecated)"
        },
        {
          "name": "probe",
          "type": "bool",
          "doc": "esp_wifi_set_event_mask: deliver ap_probereqrecved (masked by default)"
        }
      ],
      "reply": []
    },
    "softap_get_config": {
      "doc": "esp_wifi_get_config(WIFI_IF_AP). pass_set tells whether a password is stored, never the password; running is the core's view (AP_START seen, no AP_STOP since).",
      "args": [],
      "reply": [
        "ssid",
        "pass_set",
        "ch",
        "auth",
        "max_conn",
        "hidden",
        "beacon",
        "pmf",
        "probe",
        "running"
      ]
    },
    "softap_stations": {
      "doc": "esp_wifi_ap_get_sta_list, with esp_wifi_ap_get_sta_aid per station: streams one `sta` partial per associated station, then ok with n.",
      "args": [],
      "reply": [
        "n"
      ],
      "partial": "sta"
    },
    "softap_kick": {
      "doc": "esp_wifi_deauth_sta: de-authenticates the station with that mac or aid, or every station when neither is given. The reason is NOT selectable on silicon: ESP-IDF's SoftAP reports reason 2 (AUTH_EXPIRE) in ap_stadisconnected.",
      "args": [
        {
          "name": "mac",
          "type": "mac",
          "doc": "resolved to the aid with esp_wifi_ap_get_sta_aid"
        },
        {
          "name": "aid",
          "type": "u16",
          "min": 1,
          "max": 255
        }
      ],
      "reply": []
    },
    "tx_power": {
      "doc": "esp_wifi_set_max_tx_power then esp_wifi_get_max_tx_power (Wi-Fi started). Unit 0.25 dBm: 8 = 2 dBm .. 84 = 21 dBm; the driver rounds down to its steps (8, 20, 28, 34, 44, 52, 56, 60, 66, 72, 80), so the reply shows what it really uses. Without power= only reads.",
      "args": [
        {
          "name": "power",
          "type": "i8",
          "min": 8,
          "max": 84
        }
      ],
      "reply": [
        "power"
      ]
    },
    "softap_dhcp": {
      "doc": "The SoftAP's DHCP server (esp_netif_dhcps_stop, esp_netif_set_ip_info, esp_netif_dhcps_option REQUESTED_IP_ADDRESS and IP_ADDRESS_LEASE_TIME, esp_netif_dhcps_start). Absent arguments keep the current value. Stations keep their lease until they renew or reconnect: kick them to stage an IP change.",
      "args": [
        {
          "name": "ip",
          "type": "ip4",
          "doc": "the AP's own address (gateway of the stations), default 192.168.4.1"
        },
        {
          "name": "mask",
          "type": "ip4"
        },
        {
          "name": "start",
          "type": "ip4",
          "doc": "first address of the pool (same subnet)"
        },
        {
          "name": "end",
          "type": "ip4",
          "doc": "last address of the pool; at most 100 addresses"
        },
        {
          "name": "lease",
          "type": "u16",
          "min": 1,
          "max": 65535,
          "doc": "lease time in CONFIG_LWIP_DHCPS_LEASE_UNIT (60 s by default), default 120"
        }
      ],
      "reply": [
        "ip",
        "mask",
        "start",
        "end",
        "lease"
      ]
    }
  },
  "fields": {
    "proto": {
      "type": "text",
      "doc": "protocol version major.minor"
    },
    "fw": {
      "type": "text"
    },
    "idf": {
      "type": "text"
    },
    "chip": {
      "type": "text"
    },
    "rev": {
      "type": "u16",
      "doc": "chip revision, major*100+minor"
    },
    "mac": {
      "type": "mac"
    },
    "reset": {
      "type": "enum:reset_reason"
    },
    "def": {
      "type": "text",
      "doc": "8 hex digits: hash of the wire part of the protocol.json the firmware was built from (protocol/tools/def-hash.mjs); a host built from another definition warns. Absent from firmware older than this field"
    },
    "phase": {
      "type": "enum:phase"
    },
    "mode": {
      "type": "enum:mode"
    },
    "scan": {
      "type": "enum:scan_state"
    },
    "scan_id": {
      "type": "u8"
    },
    "unfetched": {
      "type": "u16",
      "doc": "records the driver holds that were never fetched"
    },
    "ssid": {
      "type": "bytes"
    },
    "bssid": {
      "type": "mac"
    },
    "ch": {
      "type": "u8"
    },
    "rssi": {
      "type": "i32"
    },
    "ip": {
      "type": "ip4"
    },
    "mask": {
      "type": "ip4"
    },
    "gw": {
      "type": "ip4"
    },
    "last_reason": {
      "type": "u8",
      "doc": "reason of the last STA_DISCONNECTED, 0 = none"
    },
    "seq": {
      "type": "u32",
      "doc": "sequence number of the last event sent"
    },
    "rx_frames": {
      "type": "u32"
    },
    "bad_crc": {
      "type": "u32"
    },
    "too_long": {
      "type": "u32"
    },
    "malformed": {
      "type": "u32"
    },
    "cleared": {
      "type": "u32",
      "doc": "scans whose unfetched records the firmware cleared before a new scan"
    },
    "stack_free": {
      "type": "u32",
      "doc": "bytes of the bridge task's stack never used since boot (FreeRTOS high-water mark); absent when the port cannot tell"
    },
    "pass_set": {
      "type": "bool"
    },
    "scan_method": {
      "type": "enum:scan_method"
    },
    "sort": {
      "type": "enum:sort_method"
    },
    "auth": {
      "type": "enum:auth"
    },
    "pmf": {
      "type": "enum:pmf"
    },
    "retry": {
      "type": "u8"
    },
    "listen": {
      "type": "u16"
    },
    "n": {
      "type": "u16"
    },
    "total": {
      "type": "u16"
    },
    "reconnect": {
      "type": "bool"
    },
    "pairwise": {
      "type": "enum:cipher"
    },
    "group": {
      "type": "enum:cipher"
    },
    "phy": {
      "type": "flags:phy"
    },
    "second": {
      "type": "enum:second"
    },
    "bw": {
      "type": "enum:bw"
    },
    "cc": {
      "type": "text"
    },
    "status": {
      "type": "u8",
      "doc": "0 success, 1 failure"
    },
    "reason": {
      "type": "u8"
    },
    "aid": {
      "type": "u16"
    },
    "old": {
      "type": "enum:auth"
    },
    "new": {
      "type": "enum:auth"
    },
    "old_ch": {
      "type": "u8"
    },
    "old_second": {
      "type": "enum:second"
    },
    "new_ch": {
      "type": "u8"
    },
    "new_second": {
      "type": "enum:second"
    },
    "changed": {
      "type": "bool"
    },
    "error": {
      "type": "text"
    },
    "expected": {
      "type": "text",
      "doc": "the CRC the device computed, for people typing frames"
    },
    "esp": {
      "type": "hex16"
    },
    "arg": {
      "type": "text"
    },
    "why": {
      "type": "text"
    },
    "line": {
      "type": "u32"
    },
    "max_conn": {
      "type": "u8"
    },
    "hidden": {
      "type": "bool"
    },
    "beacon": {
      "type": "u16"
    },
    "probe": {
      "type": "bool"
    },
    "running": {
      "type": "bool"
    },
    "power": {
      "type": "i32",
      "doc": "max TX power in 0.25 dBm"
    },
    "start": {
      "type": "ip4"
    },
    "end": {
      "type": "ip4"
    },
    "lease": {
      "type": "u16"
    }
  },
  "partials": {
    "ap": {
      "doc": "One scan record. Positional fields (compact: ESP-AT's +CWLAP costs 62 B for a 7-byte SSID, this costs 60 B with a 2-digit id), then optional key=value extras.",
      "positional": [
        {
          "name": "ssid",
          "type": "bytes"
        },
        {
          "name": "rssi",
          "type": "i8"
        },
        {
          "name": "bssid",
          "type": "mac"
        },
        {
          "name": "ch",
          "type": "u8"
        },
        {
          "name": "auth",
          "type": "enum:auth"
        },
        {
          "name": "pairwise",
          "type": "enum:cipher"
        },
        {
          "name": "group",
          "type": "enum:cipher"
        },
        {
          "name": "phy",
          "type": "flags:phy"
        }
      ],
      "extras": [
        "second",
        "bw",
        "cc"
      ]
    },
    "sta": {
      "doc": "One station associated with the SoftAP (wifi_sta_info_t plus its AID).",
      "positional": [
        {
          "name": "mac",
          "type": "mac"
        },
        {
          "name": "aid",
          "type": "u16"
        },
        {
          "name": "rssi",
          "type": "i8"
        }
      ],
      "extras": []
    }
  },
  "events": {
    "hello": {
      "doc": "Sent on every boot with seq 0. An unexpected hello means the device reset.",
      "fields": [
        "proto",
        "fw",
        "idf",
        "chip",
        "rev",
        "mac",
        "reset",
        "def"
      ],
      "optional": [
        "def"
      ]
    },
    "sta_start": {
      "idf": "WIFI_EVENT_STA_START",
      "fields": []
    },
    "sta_stop": {
      "idf": "WIFI_EVENT_STA_STOP",
      "fields": []
    },
    "connected": {
      "idf": "WIFI_EVENT_STA_CONNECTED",
      "fields": [
        "ssid",
        "bssid",
        "ch",
        "auth",
        "aid"
      ]
    },
    "disconnected": {
      "idf": "WIFI_EVENT_STA_DISCONNECTED",
      "fields": [
        "reason",
        "rssi",
        "ssid",
        "bssid"
      ]
    },
    "scan_done": {
      "idf": "WIFI_EVENT_SCAN_DONE",
      "fields": [
        "status",
        "n",
        "scan_id"
      ]
    },
    "beacon_timeout": {
      "idf": "WIFI_EVENT_STA_BEACON_TIMEOUT",
      "fields": []
    },
    "rssi_low": {
      "idf": "WIFI_EVENT_STA_BSS_RSSI_LOW",
      "fields": [
        "rssi"
      ]
    },
    "authmode_change": {
      "idf": "WIFI_EVENT_STA_AUTHMODE_CHANGE",
      "fields": [
        "old",
        "new"
      ]
    },
    "home_channel_change": {
      "idf": "WIFI_EVENT_HOME_CHANNEL_CHANGE (ESP-IDF v5.2+)",
      "fields": [
        "old_ch",
        "old_second",
        "new_ch",
        "new_second"
      ]
    },
    "got_ip": {
      "idf": "IP_EVENT_STA_GOT_IP",
      "fields": [
        "ip",
        "mask",
        "gw",
        "changed"
      ]
    },
    "lost_ip": {
      "idf": "IP_EVENT_STA_LOST_IP",
      "fields": []
    },
    "rx_error": {
      "doc": "The device dropped a line it could not trust (no reply can be addressed). line = the device's count of received lines.",
      "fields": [
        "error",
        "expected",
        "line"
      ],
      "optional": [
        "expected"
      ]
    },
    "ap_start": {
      "idf": "WIFI_EVENT_AP_START",
      "fields": []
    },
    "ap_stop": {
      "idf": "WIFI_EVENT_AP_STOP",
      "fields": []
    },
    "ap_staconnected": {
      "idf": "WIFI_EVENT_AP_STACONNECTED",
      "fields": [
        "mac",
        "aid"
      ]
    },
    "ap_stadisconnected": {
      "idf": "WIFI_EVENT_AP_STADISCONNECTED",
      "fields": [
        "mac",
        "aid",
        "reason"
      ]
    },
    "ap_staipassigned": {
      "idf": "IP_EVENT_AP_STAIPASSIGNED (ESP-IDF v6: IP_EVENT_ASSIGNED_IP_TO_CLIENT)",
      "fields": [
        "ip",
        "mac"
      ]
    },
    "ap_probereqrecved": {
      "idf": "WIFI_EVENT_AP_PROBEREQRECVED (only with softap_config probe=1)",
      "fields": [
        "mac",
        "rssi"
      ]
    }
  },
  "errors": {
    "protocol": {
      "BAD_CRC": "the frame's checksum did not match; the frame was dropped (sent as rx_error, never as a reply)",
      "LINE_TOO_LONG": "a line exceeded max_line bytes; it was dropped (rx_error)",
      "MALFORMED": "the line starts with the marker but is not a frame (rx_error, or a reply when the id was readable and the CRC matched)",
      "UNKNOWN_COMMAND": "no such command",
      "BAD_ARG": "an argument is unknown, repeated, out of range or badly encoded; arg= names it, why= says what is wrong",
      "MISSING_ARG": "a required argument is absent; arg= names it",
      "ALREADY_FETCHED": "ap_records was already called for this scan; the driver freed the records (the host answers from its cache)",
      "NO_SCAN": "ap_records or ap_num before any scan completed",
      "SCAN_IN_PROGRESS": "a scan is running; the firmware refuses a second one and refuses ap_records until SCAN_DONE",
      "BUSY": "a blocking operation is running"
    },
    "esp": {
      "FAIL": -1,
      "NO_MEM": 257,
      "INVALID_ARG": 258,
      "INVALID_STATE": 259,
      "INVALID_SIZE": 260,
      "NOT_FOUND": 261,
      "NOT_SUPPORTED": 262,
      "TIMEOUT": 263,
      "WIFI_NOT_INIT": 12289,
      "WIFI_NOT_STARTED": 12290,
      "WIFI_NOT_STOPPED": 12291,
      "WIFI_IF": 12292,
      "WIFI_MODE": 12293,
      "WIFI_STATE": 12294,
      "WIFI_CONN": 12295,
      "WIFI_NVS": 12296,
      "WIFI_MAC": 12297,
      "WIFI_SSID": 12298,
      "WIFI_PASSWORD": 12299,
      "WIFI_TIMEOUT": 12300,
      "WIFI_WAKE_FAIL": 12301,
      "WIFI_WOULD_BLOCK": 12302,
      "WIFI_NOT_CONNECT": 12303,
      "WIFI_POST": 12306,
      "WIFI_INIT_STATE": 12307,
      "WIFI_STOP_STATE": 12308,
      "WIFI_NOT_ASSOC": 12309,
      "WIFI_TX_DISALLOW": 12310,
      "ESP_NETIF_INVALID_PARAMS": 20481,
      "ESP_NETIF_IF_NOT_READY": 20482,
      "ESP_NETIF_DHCP_ALREADY_STARTED": 20484,
      "ESP_NETIF_DHCP_ALREADY_STOPPED": 20485,
      "ESP_NETIF_DHCP_NOT_STOPPED": 20487
    }
  },
  "causes": {
    "password": {
      "text": "credentials are likely wrong (or missing, or set for an open network)",
      "action": "check the password, and that a password is set exactly when the AP is secured"
    },
    "signal": {
      "text": "the radio link is too weak or too noisy",
      "action": "move the board closer to the AP or improve its antenna; compare RSSI with `espwifi scan`"
    },
    "ap-gone": {
      "text": "the AP stopped answering, rebooted, or is out of range",
      "action": "check that the AP is powered and in range; reconnecting succeeds once it is back"
    },
    "security-mismatch": {
      "text": "the AP's security settings and the station's do not fit together",
      "action": "match the station's security settings (auth threshold, PMF) to the AP's (see its auth mode in `espwifi scan`)"
    },
    "ap-policy": {
      "text": "the AP refused or removed the station by its own policy",
      "action": "check the AP's settings (station limit, MAC filter, QoS) or use another AP"
    },
    "local": {
      "text": "the station itself ended the connection (user disconnect, stop, config change)",
      "action": "nothing to do: the station ended the connection itself (disconnect, stop or a configuration change)"
    },
    "roaming": {
      "text": "the station or AP is moving the connection to another AP; not a failure",
      "action": "nothing to do: the station moves to another AP by itself"
    },
    "protocol": {
      "text": "an 802.11 state or feature mismatch between station and AP",
      "action": "usually transient (often after an AP reboot): reconnecting fixes it; if it repeats, update the AP's firmware"
    },
    "unspecified": {
      "text": "no specific cause is given",
      "action": "retry; if it repeats, capture the device log (`espwifi monitor`) and check the AP's log"
    }
  },
  "families": {
    "password": {
      "codes": [
        2,
        15,
        201,
        202,
        204,
        205,
        210
      ],
      "doc": "seed: 'reason codes related to wrong password' (15, 201, 204); field reports add 202 and 205 depending on chip and ESP-IDF version, and 2 (AUTH_EXPIRE) from APs that deauthenticate a station whose handshake failed; from ESP-IDF v5.2 a password set for an open AP (or missing for a secured one) is reported as 210 instead of 201. 2 is also an auth timeout or an AP dropping a connected station: it counts only when the AP ended the attempt after association (driver state line run -> init) and never after CONNECTED"
    },
    "low_rssi": {
      "codes": [
        204,
        212
      ],
      "doc": "seed: 'reason codes related to low RSSI'"
    }
  },
  "reasons_doc": "causes: per class, text = what the class means, action = what a user can do (shown by the host; a reason's own action overrides it). Reasons: aliases: other spellings a user may type for the code (deprecated names still in esp_wifi_types.h, short forms, corrected spellings of the header's typos ALTERATIVE and PERCLUDES); action: what to do, when the reason needs more than its cause class's action",
  "unknown_reason_action": "look the code up in esp_wifi_types.h of the firmware's ESP-IDF version (newer versions add codes)",
  "reasons": [
    {
      "code": 1,
      "name": "UNSPECIFIED",
      "cause": "unspecified",
      "meaning": "internal failure (memory, TX) or an unspecified reason from the AP"
    },
    {
      "code": 2,
      "name": "AUTH_EXPIRE",
      "cause": "signal",
      "meaning": "authentication timed out, or the AP says the previous authentication is no longer valid"
    },
    {
      "code": 3,
      "name": "AUTH_LEAVE",
      "cause": "ap-gone",
      "meaning": "the AP deauthenticated the station because it is leaving"
    },
    {
      "code": 4,
      "name": "DISASSOC_DUE_TO_INACTIVITY",
      "cause": "signal",
      "meaning": "association timed out, or the AP disassociated an inactive station",
      "aliases": [
        "ASSOC_EXPIRE"
      ]
    },
    {
      "code": 5,
      "name": "ASSOC_TOOMANY",
      "cause": "ap-policy",
      "meaning": "the AP has as many stations as it can handle",
      "action": "the AP is full: disconnect another client or raise the AP's station limit"
    },
    {
      "code": 6,
      "name": "CLASS2_FRAME_FROM_NONAUTH_STA",
      "cause": "protocol",
      "meaning": "the AP got a class-2 frame from a station it considers unauthenticated (often after an AP reboot)",
      "aliases": [
        "NOT_AUTHED"
      ]
    },
    {
      "code": 7,
      "name": "CLASS3_FRAME_FROM_NONASSOC_STA",
      "cause": "protocol",
      "meaning": "the AP got a class-3 frame from a station it considers unassociated (often after an AP reboot)",
      "aliases": [
        "NOT_ASSOCED"
      ]
    },
    {
      "code": 8,
      "name": "ASSOC_LEAVE",
      "cause": "local",
      "meaning": "disassociated because a side is leaving; esp_wifi_disconnect() reports this",
      "action": "nothing to do if you called disconnect(); otherwise check what stopped the station"
    },
    {
      "code": 9,
      "name": "ASSOC_NOT_AUTHED",
      "cause": "protocol",
      "meaning": "the AP says the station asked to associate without being authenticated"
    },
    {
      "code": 10,
      "name": "DISASSOC_PWRCAP_BAD",
      "cause": "ap-policy",
      "meaning": "the AP rejected the station's power capability"
    },
    {
      "code": 11,
      "name": "DISASSOC_SUPCHAN_BAD",
      "cause": "ap-policy",
      "meaning": "the AP rejected the station's supported channels"
    },
    {
      "code": 12,
      "name": "BSS_TRANSITION_DISASSOC",
      "cause": "roaming",
      "meaning": "the AP asked the station to move to another AP (BSS transition management)"
    },
    {
      "code": 13,
      "name": "IE_INVALID",
      "cause": "security-mismatch",
      "meaning": "an information element was invalid (often a bad WPA/RSN element)"
    },
    {
      "code": 14,
      "name": "MIC_FAILURE",
      "cause": "security-mismatch",
      "meaning": "message integrity code failure"
    },
    {
      "code": 15,
      "name": "4WAY_HANDSHAKE_TIMEOUT",
      "cause": "password",
      "meaning": "the 4-way handshake timed out; usually a wrong password"
    },
    {
      "code": 16,
      "name": "GROUP_KEY_UPDATE_TIMEOUT",
      "cause": "signal",
      "meaning": "the group-key handshake timed out"
    },
    {
      "code": 17,
      "name": "IE_IN_4WAY_DIFFERS",
      "cause": "security-mismatch",
      "meaning": "the handshake's element differs from the beacon/probe/association one"
    },
    {
      "code": 18,
      "name": "GROUP_CIPHER_INVALID",
      "cause": "security-mismatch",
      "meaning": "invalid group cipher"
    },
    {
      "code": 19,
      "name": "PAIRWISE_CIPHER_INVALID",
      "cause": "security-mismatch",
      "meaning": "invalid pairwise cipher"
    },
    {
      "code": 20,
      "name": "AKMP_INVALID",
      "cause": "security-mismatch",
      "meaning": "invalid key management (AKM) suite"
    },
    {
      "code": 21,
      "name": "UNSUPP_RSN_IE_VERSION",
      "cause": "security-mismatch",
      "meaning": "unsupported RSN element version"
    },
    {
      "code": 22,
      "name": "INVALID_RSN_IE_CAP",
      "cause": "security-mismatch",
      "meaning": "invalid RSN capabilities"
    },
    {
      "code": 23,
      "name": "802_1X_AUTH_FAILED",
      "cause": "password",
      "meaning": "802.1X (enterprise) authentication failed",
      "action": "check the enterprise credentials (identity, password, certificates)"
    },
    {
      "code": 24,
      "name": "CIPHER_SUITE_REJECTED",
      "cause": "security-mismatch",
      "meaning": "cipher suite rejected by security policy"
    },
    {
      "code": 25,
      "name": "TDLS_PEER_UNREACHABLE",
      "cause": "protocol",
      "meaning": "TDLS direct link torn down: peer unreachable"
    },
    {
      "code": 26,
      "name": "TDLS_UNSPECIFIED",
      "cause": "protocol",
      "meaning": "TDLS direct link torn down, no reason given"
    },
    {
      "code": 27,
      "name": "SSP_REQUESTED_DISASSOC",
      "cause": "ap-policy",
      "meaning": "session terminated by an SSP request"
    },
    {
      "code": 28,
      "name": "NO_SSP_ROAMING_AGREEMENT",
      "cause": "ap-policy",
      "meaning": "no SSP roaming agreement"
    },
    {
      "code": 29,
      "name": "BAD_CIPHER_OR_AKM",
      "cause": "security-mismatch",
      "meaning": "service rejected: SSP cipher suite or AKM requirement"
    },
    {
      "code": 30,
      "name": "NOT_AUTHORIZED_THIS_LOCATION",
      "cause": "ap-policy",
      "meaning": "service not authorized in this location"
    },
    {
      "code": 31,
      "name": "SERVICE_CHANGE_PERCLUDES_TS",
      "cause": "ap-policy",
      "meaning": "QoS traffic stream removed after a BSS service change (header spelling kept)",
      "aliases": [
        "SERVICE_CHANGE_PRECLUDES_TS"
      ]
    },
    {
      "code": 32,
      "name": "UNSPECIFIED_QOS",
      "cause": "ap-policy",
      "meaning": "disassociated for an unspecified QoS reason"
    },
    {
      "code": 33,
      "name": "NOT_ENOUGH_BANDWIDTH",
      "cause": "ap-policy",
      "meaning": "the QoS AP lacks bandwidth for this station"
    },
    {
      "code": 34,
      "name": "MISSING_ACKS",
      "cause": "signal",
      "meaning": "too many frames went unacknowledged (poor channel)"
    },
    {
      "code": 35,
      "name": "EXCEEDED_TXOP",
      "cause": "protocol",
      "meaning": "the station transmitted outside its TXOP limits"
    },
    {
      "code": 36,
      "name": "STA_LEAVING",
      "cause": "ap-gone",
      "meaning": "the peer is leaving the BSS or resetting"
    },
    {
      "code": 37,
      "name": "END_BA",
      "cause": "protocol",
      "meaning": "block-ack session no longer used"
    },
    {
      "code": 38,
      "name": "UNKNOWN_BA",
      "cause": "protocol",
      "meaning": "frames for a block-ack session that was never set up"
    },
    {
      "code": 39,
      "name": "TIMEOUT",
      "cause": "signal",
      "meaning": "the peer timed out"
    },
    {
      "code": 46,
      "name": "PEER_INITIATED",
      "cause": "ap-policy",
      "meaning": "disassociated: authorized access limit reached"
    },
    {
      "code": 47,
      "name": "AP_INITIATED",
      "cause": "ap-policy",
      "meaning": "disassociated for external service requirements"
    },
    {
      "code": 48,
      "name": "INVALID_FT_ACTION_FRAME_COUNT",
      "cause": "roaming",
      "meaning": "invalid fast-transition action frame count"
    },
    {
      "code": 49,
      "name": "INVALID_PMKID",
      "cause": "security-mismatch",
      "meaning": "invalid PMKID (stale cached key)",
      "action": "reconnect: the cached key (PMKID) is stale"
    },
    {
      "code": 50,
      "name": "INVALID_MDE",
      "cause": "roaming",
      "meaning": "invalid mobility domain element"
    },
    {
      "code": 51,
      "name": "INVALID_FTE",
      "cause": "roaming",
      "meaning": "invalid fast-transition element"
    },
    {
      "code": 67,
      "name": "TRANSMISSION_LINK_ESTABLISH_FAILED",
      "cause": "protocol",
      "meaning": "link establishment on the alternative channel failed",
      "aliases": [
        "TX_LINK_EST_FAILED",
        "TRANSMISSION_LINK_ESTABLISHMENT_FAILED"
      ]
    },
    {
      "code": 68,
      "name": "ALTERATIVE_CHANNEL_OCCUPIED",
      "cause": "protocol",
      "meaning": "the alternative channel is occupied (header spelling kept)",
      "aliases": [
        "ALTERNATIVE_CHANNEL_OCCUPIED"
      ]
    },
    {
      "code": 200,
      "name": "BEACON_TIMEOUT",
      "cause": "ap-gone",
      "meaning": "beacons lost for the inactive time and 5 probes unanswered",
      "action": "check that the AP is on and in range; if the AP sleeps, raise the inactive time (inactive_time)"
    },
    {
      "code": 201,
      "name": "NO_AP_FOUND",
      "cause": "ap-gone",
      "meaning": "the connect scan found no matching AP (also: a password set for an open AP, or none for a secured one)",
      "action": "check the SSID (exact bytes and case), that the AP is on and in range, and that a password is set exactly when the AP is secured"
    },
    {
      "code": 202,
      "name": "AUTH_FAIL",
      "cause": "password",
      "meaning": "authentication failed, not by timeout (often a wrong password, e.g. SAE)"
    },
    {
      "code": 203,
      "name": "ASSOC_FAIL",
      "cause": "ap-policy",
      "meaning": "association failed for another reason than inactivity or too many stations"
    },
    {
      "code": 204,
      "name": "HANDSHAKE_TIMEOUT",
      "cause": "password",
      "meaning": "the 4-way handshake failed; usually a wrong password, sometimes a weak signal"
    },
    {
      "code": 205,
      "name": "CONNECTION_FAIL",
      "cause": "unspecified",
      "meaning": "the connection to the AP failed"
    },
    {
      "code": 206,
      "name": "AP_TSF_RESET",
      "cause": "ap-gone",
      "meaning": "the AP's timer reset (the AP rebooted)"
    },
    {
      "code": 207,
      "name": "ROAMING",
      "cause": "roaming",
      "meaning": "the station is roaming to another AP; informational"
    },
    {
      "code": 208,
      "name": "ASSOC_COMEBACK_TIME_TOO_LONG",
      "cause": "ap-policy",
      "meaning": "the AP's association comeback time is too long"
    },
    {
      "code": 209,
      "name": "SA_QUERY_TIMEOUT",
      "cause": "signal",
      "meaning": "the AP did not answer the station's SA query"
    },
    {
      "code": 210,
      "name": "NO_AP_FOUND_W_COMPATIBLE_SECURITY",
      "cause": "security-mismatch",
      "meaning": "an AP with the SSID was found but its security does not fit the station's configuration",
      "aliases": [
        "NO_AP_FOUND_SECURITY"
      ],
      "action": "the AP's security does not fit the configuration: lower the auth threshold or match PMF to the AP"
    },
    {
      "code": 211,
      "name": "NO_AP_FOUND_IN_AUTHMODE_THRESHOLD",
      "cause": "security-mismatch",
      "meaning": "an AP with the SSID was found but below the configured auth-mode threshold",
      "aliases": [
        "NO_AP_FOUND_AUTHMODE"
      ],
      "action": "lower the configured auth-mode threshold, or raise the AP's security"
    },
    {
      "code": 212,
      "name": "NO_AP_FOUND_IN_RSSI_THRESHOLD",
      "cause": "signal",
      "meaning": "an AP with the SSID was found but below the configured RSSI threshold",
      "aliases": [
        "NO_AP_FOUND_RSSI"
      ],
      "action": "lower the configured RSSI threshold, or move the board closer to the AP"
    }
  ]
} as const;

export type ProtocolDefinition = typeof definition;

export const PROTOCOL_VERSION = { major: 1, minor: 0 } as const;

/** Hash of the wire part of protocol.json (protocol/tools/def-hash.mjs); a board built from the same definition sends it as the hello's `def`. */
export const PROTOCOL_DEF = "d1f63ac5";

export type CommandName = "ping" | "info" | "status" | "init" | "deinit" | "mode" | "config" | "get_config" | "start" | "stop" | "connect" | "disconnect" | "scan" | "scan_stop" | "ap_num" | "ap_records" | "country" | "protocol" | "bandwidth" | "ps" | "inactive_time" | "rssi_threshold" | "storage" | "mac" | "ap_info" | "rssi" | "ip_info" | "reset" | "softap_config" | "softap_get_config" | "softap_stations" | "softap_kick" | "tx_power" | "softap_dhcp";
export type EventName = "hello" | "sta_start" | "sta_stop" | "connected" | "disconnected" | "scan_done" | "beacon_timeout" | "rssi_low" | "authmode_change" | "home_channel_change" | "got_ip" | "lost_ip" | "rx_error" | "ap_start" | "ap_stop" | "ap_staconnected" | "ap_stadisconnected" | "ap_staipassigned" | "ap_probereqrecved";
export type PartialName = "ap" | "sta";
export type FieldName = "proto" | "fw" | "idf" | "chip" | "rev" | "mac" | "reset" | "def" | "phase" | "mode" | "scan" | "scan_id" | "unfetched" | "ssid" | "bssid" | "ch" | "rssi" | "ip" | "mask" | "gw" | "last_reason" | "seq" | "rx_frames" | "bad_crc" | "too_long" | "malformed" | "cleared" | "stack_free" | "pass_set" | "scan_method" | "sort" | "auth" | "pmf" | "retry" | "listen" | "n" | "total" | "reconnect" | "pairwise" | "group" | "phy" | "second" | "bw" | "cc" | "status" | "reason" | "aid" | "old" | "new" | "old_ch" | "old_second" | "new_ch" | "new_second" | "changed" | "error" | "expected" | "esp" | "arg" | "why" | "line" | "max_conn" | "hidden" | "beacon" | "probe" | "running" | "power" | "start" | "end" | "lease";
export type TypeName = "u8" | "u16" | "u32" | "i8" | "i32" | "bool" | "bytes" | "text" | "mac" | "ip4" | "hex16";
export type EnumName = "mode" | "auth" | "cipher" | "second" | "bw" | "ps" | "scan_type" | "scan_method" | "sort_method" | "storage" | "pmf" | "phase" | "scan_state" | "reset_reason";
export type FlagsName = "phy" | "proto";
export type ProtocolErrorName = "BAD_CRC" | "LINE_TOO_LONG" | "MALFORMED" | "UNKNOWN_COMMAND" | "BAD_ARG" | "MISSING_ARG" | "ALREADY_FETCHED" | "NO_SCAN" | "SCAN_IN_PROGRESS" | "BUSY";
export type EspErrorName = "FAIL" | "NO_MEM" | "INVALID_ARG" | "INVALID_STATE" | "INVALID_SIZE" | "NOT_FOUND" | "NOT_SUPPORTED" | "TIMEOUT" | "WIFI_NOT_INIT" | "WIFI_NOT_STARTED" | "WIFI_NOT_STOPPED" | "WIFI_IF" | "WIFI_MODE" | "WIFI_STATE" | "WIFI_CONN" | "WIFI_NVS" | "WIFI_MAC" | "WIFI_SSID" | "WIFI_PASSWORD" | "WIFI_TIMEOUT" | "WIFI_WAKE_FAIL" | "WIFI_WOULD_BLOCK" | "WIFI_NOT_CONNECT" | "WIFI_POST" | "WIFI_INIT_STATE" | "WIFI_STOP_STATE" | "WIFI_NOT_ASSOC" | "WIFI_TX_DISALLOW" | "ESP_NETIF_INVALID_PARAMS" | "ESP_NETIF_IF_NOT_READY" | "ESP_NETIF_DHCP_ALREADY_STARTED" | "ESP_NETIF_DHCP_ALREADY_STOPPED" | "ESP_NETIF_DHCP_NOT_STOPPED";
export type CauseName = "password" | "signal" | "ap-gone" | "security-mismatch" | "ap-policy" | "local" | "roaming" | "protocol" | "unspecified";
export type FamilyName = "password" | "low_rssi";
export type ReasonCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 46 | 47 | 48 | 49 | 50 | 51 | 67 | 68 | 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 209 | 210 | 211 | 212;
export type ReasonName = "UNSPECIFIED" | "AUTH_EXPIRE" | "AUTH_LEAVE" | "DISASSOC_DUE_TO_INACTIVITY" | "ASSOC_TOOMANY" | "CLASS2_FRAME_FROM_NONAUTH_STA" | "CLASS3_FRAME_FROM_NONASSOC_STA" | "ASSOC_LEAVE" | "ASSOC_NOT_AUTHED" | "DISASSOC_PWRCAP_BAD" | "DISASSOC_SUPCHAN_BAD" | "BSS_TRANSITION_DISASSOC" | "IE_INVALID" | "MIC_FAILURE" | "4WAY_HANDSHAKE_TIMEOUT" | "GROUP_KEY_UPDATE_TIMEOUT" | "IE_IN_4WAY_DIFFERS" | "GROUP_CIPHER_INVALID" | "PAIRWISE_CIPHER_INVALID" | "AKMP_INVALID" | "UNSUPP_RSN_IE_VERSION" | "INVALID_RSN_IE_CAP" | "802_1X_AUTH_FAILED" | "CIPHER_SUITE_REJECTED" | "TDLS_PEER_UNREACHABLE" | "TDLS_UNSPECIFIED" | "SSP_REQUESTED_DISASSOC" | "NO_SSP_ROAMING_AGREEMENT" | "BAD_CIPHER_OR_AKM" | "NOT_AUTHORIZED_THIS_LOCATION" | "SERVICE_CHANGE_PERCLUDES_TS" | "UNSPECIFIED_QOS" | "NOT_ENOUGH_BANDWIDTH" | "MISSING_ACKS" | "EXCEEDED_TXOP" | "STA_LEAVING" | "END_BA" | "UNKNOWN_BA" | "TIMEOUT" | "PEER_INITIATED" | "AP_INITIATED" | "INVALID_FT_ACTION_FRAME_COUNT" | "INVALID_PMKID" | "INVALID_MDE" | "INVALID_FTE" | "TRANSMISSION_LINK_ESTABLISH_FAILED" | "ALTERATIVE_CHANNEL_OCCUPIED" | "BEACON_TIMEOUT" | "NO_AP_FOUND" | "AUTH_FAIL" | "ASSOC_FAIL" | "HANDSHAKE_TIMEOUT" | "CONNECTION_FAIL" | "AP_TSF_RESET" | "ROAMING" | "ASSOC_COMEBACK_TIME_TOO_LONG" | "SA_QUERY_TIMEOUT" | "NO_AP_FOUND_W_COMPATIBLE_SECURITY" | "NO_AP_FOUND_IN_AUTHMODE_THRESHOLD" | "NO_AP_FOUND_IN_RSSI_THRESHOLD";

/** Value unions of every enum, by enum name. */
export interface EnumValues {
  mode: "null" | "sta" | "ap" | "apsta";
  auth: "open" | "wep" | "wpa" | "wpa2" | "wpa_wpa2" | "wpa2_ent" | "wpa3" | "wpa2_wpa3" | "wapi" | "owe" | "wpa3_ent192" | "wpa3_ext" | "wpa3_ext_mixed" | "dpp" | "wpa3_ent" | "wpa2_wpa3_ent" | "unknown" | "wpa_ent";
  cipher: "none" | "wep40" | "wep104" | "tkip" | "ccmp" | "tkip_ccmp" | "aes_cmac128" | "sms4" | "gcmp" | "gcmp256" | "aes_gmac128" | "aes_gmac256" | "unknown";
  second: "none" | "above" | "below";
  bw: "ht20" | "ht40" | "bw80" | "bw160" | "bw80_80";
  ps: "none" | "min" | "max";
  scan_type: "active" | "passive";
  scan_method: "fast" | "all";
  sort_method: "signal" | "security";
  storage: "flash" | "ram";
  pmf: "off" | "capable" | "required";
  phase: "uninit" | "init" | "started" | "connecting" | "connected" | "got_ip";
  scan_state: "idle" | "running" | "done" | "fetched";
  reset_reason: "unknown" | "poweron" | "ext" | "sw" | "panic" | "int_wdt" | "task_wdt" | "wdt" | "deepsleep" | "brownout" | "sdio" | "usb" | "jtag" | "efuse" | "pwr_glitch" | "cpu_lockup";
}

export type ModeName = EnumValues["mode"];
export type AuthName = EnumValues["auth"];
export type CipherName = EnumValues["cipher"];
export type SecondName = EnumValues["second"];
export type BwName = EnumValues["bw"];
export type PsName = EnumValues["ps"];
export type ScanTypeName = EnumValues["scan_type"];
export type ScanMethodName = EnumValues["scan_method"];
export type SortMethodName = EnumValues["sort_method"];
export type StorageName = EnumValues["storage"];
export type PmfName = EnumValues["pmf"];
export type PhaseName = EnumValues["phase"];
export type ScanStateName = EnumValues["scan_state"];
export type ResetReasonName = EnumValues["reset_reason"];

/** Reason codes by name, e.g. `Reason.HANDSHAKE_TIMEOUT === 204`. */
export const Reason = {
  UNSPECIFIED: 1,
  AUTH_EXPIRE: 2,
  AUTH_LEAVE: 3,
  DISASSOC_DUE_TO_INACTIVITY: 4,
  ASSOC_TOOMANY: 5,
  CLASS2_FRAME_FROM_NONAUTH_STA: 6,
  CLASS3_FRAME_FROM_NONASSOC_STA: 7,
  ASSOC_LEAVE: 8,
  ASSOC_NOT_AUTHED: 9,
  DISASSOC_PWRCAP_BAD: 10,
  DISASSOC_SUPCHAN_BAD: 11,
  BSS_TRANSITION_DISASSOC: 12,
  IE_INVALID: 13,
  MIC_FAILURE: 14,
  "4WAY_HANDSHAKE_TIMEOUT": 15,
  GROUP_KEY_UPDATE_TIMEOUT: 16,
  IE_IN_4WAY_DIFFERS: 17,
  GROUP_CIPHER_INVALID: 18,
  PAIRWISE_CIPHER_INVALID: 19,
  AKMP_INVALID: 20,
  UNSUPP_RSN_IE_VERSION: 21,
  INVALID_RSN_IE_CAP: 22,
  "802_1X_AUTH_FAILED": 23,
  CIPHER_SUITE_REJECTED: 24,
  TDLS_PEER_UNREACHABLE: 25,
  TDLS_UNSPECIFIED: 26,
  SSP_REQUESTED_DISASSOC: 27,
  NO_SSP_ROAMING_AGREEMENT: 28,
  BAD_CIPHER_OR_AKM: 29,
  NOT_AUTHORIZED_THIS_LOCATION: 30,
  SERVICE_CHANGE_PERCLUDES_TS: 31,
  UNSPECIFIED_QOS: 32,
  NOT_ENOUGH_BANDWIDTH: 33,
  MISSING_ACKS: 34,
  EXCEEDED_TXOP: 35,
  STA_LEAVING: 36,
  END_BA: 37,
  UNKNOWN_BA: 38,
  TIMEOUT: 39,
  PEER_INITIATED: 46,
  AP_INITIATED: 47,
  INVALID_FT_ACTION_FRAME_COUNT: 48,
  INVALID_PMKID: 49,
  INVALID_MDE: 50,
  INVALID_FTE: 51,
  TRANSMISSION_LINK_ESTABLISH_FAILED: 67,
  ALTERATIVE_CHANNEL_OCCUPIED: 68,
  BEACON_TIMEOUT: 200,
  NO_AP_FOUND: 201,
  AUTH_FAIL: 202,
  ASSOC_FAIL: 203,
  HANDSHAKE_TIMEOUT: 204,
  CONNECTION_FAIL: 205,
  AP_TSF_RESET: 206,
  ROAMING: 207,
  ASSOC_COMEBACK_TIME_TOO_LONG: 208,
  SA_QUERY_TIMEOUT: 209,
  NO_AP_FOUND_W_COMPATIBLE_SECURITY: 210,
  NO_AP_FOUND_IN_AUTHMODE_THRESHOLD: 211,
  NO_AP_FOUND_IN_RSSI_THRESHOLD: 212,
} as const;
