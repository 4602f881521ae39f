// GENERATED from firmware/sim/control.json by protocol/gen/sim-control.mjs — do not edit.

/** One argument of a control action (firmware/sim/control.json). */
export interface ControlArgSpec {
  name: string;
  type: string;
  required?: boolean;
  min?: number;
  max?: number;
  values?: readonly string[];
}

/** Every control action with its arguments and reply fields. */
export const CONTROL_ACTIONS = {
  "ping": {
    "args": [],
    "reply": []
  },
  "power_on": {
    "args": [],
    "reply": [
      "booted",
      "reset",
      "already"
    ]
  },
  "ap_add": {
    "args": [
      {
        "name": "ssid",
        "type": "bytes"
      },
      {
        "name": "ssid_hex",
        "type": "hex"
      },
      {
        "name": "bssid",
        "type": "mac",
        "required": true
      },
      {
        "name": "ch",
        "type": "int",
        "min": 1,
        "max": 14
      },
      {
        "name": "rssi",
        "type": "int",
        "min": -127,
        "max": 0
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
        "name": "pass",
        "type": "bytes"
      },
      {
        "name": "hidden",
        "type": "int",
        "min": 0,
        "max": 1
      },
      {
        "name": "max_stations",
        "type": "int",
        "min": -1,
        "max": 255
      },
      {
        "name": "stations",
        "type": "int",
        "min": 0,
        "max": 255
      },
      {
        "name": "phy",
        "type": "flags:phy"
      },
      {
        "name": "second",
        "type": "enum:second"
      },
      {
        "name": "bw",
        "type": "enum:bw"
      },
      {
        "name": "cc",
        "type": "text"
      },
      {
        "name": "pmf",
        "type": "enum:pmf"
      },
      {
        "name": "auth_reply",
        "type": "names",
        "values": [
          "ok",
          "timeout",
          "reject"
        ]
      },
      {
        "name": "assoc_reply",
        "type": "names",
        "values": [
          "ok",
          "timeout",
          "reject"
        ]
      },
      {
        "name": "handshake",
        "type": "names",
        "values": [
          "ap_deauth",
          "timeout",
          "ap_expire"
        ]
      },
      {
        "name": "on",
        "type": "int",
        "min": 0,
        "max": 1
      }
    ],
    "reply": [
      "aps"
    ]
  },
  "ap_off": {
    "args": [
      {
        "name": "ssid",
        "type": "bytes"
      },
      {
        "name": "ssid_hex",
        "type": "hex"
      },
      {
        "name": "bssid",
        "type": "mac"
      }
    ],
    "reply": [
      "n"
    ]
  },
  "ap_on": {
    "args": [
      {
        "name": "ssid",
        "type": "bytes"
      },
      {
        "name": "ssid_hex",
        "type": "hex"
      },
      {
        "name": "bssid",
        "type": "mac"
      }
    ],
    "reply": [
      "n"
    ]
  },
  "rssi": {
    "args": [
      {
        "name": "ssid",
        "type": "bytes"
      },
      {
        "name": "ssid_hex",
        "type": "hex"
      },
      {
        "name": "bssid",
        "type": "mac"
      },
      {
        "name": "rssi",
        "type": "int",
        "required": true,
        "min": -127,
        "max": 0
      }
    ],
    "reply": [
      "n"
    ]
  },
  "password": {
    "args": [
      {
        "name": "ssid",
        "type": "bytes"
      },
      {
        "name": "ssid_hex",
        "type": "hex"
      },
      {
        "name": "bssid",
        "type": "mac"
      },
      {
        "name": "pass",
        "type": "bytes",
        "required": true
      }
    ],
    "reply": [
      "n"
    ]
  },
  "deauth": {
    "args": [
      {
        "name": "reason",
        "type": "int",
        "min": 1,
        "max": 255
      }
    ],
    "reply": [
      "reason"
    ]
  },
  "dhcp": {
    "args": [
      {
        "name": "ip",
        "type": "ip4"
      },
      {
        "name": "mask",
        "type": "ip4"
      },
      {
        "name": "gw",
        "type": "ip4"
      },
      {
        "name": "delay_ms",
        "type": "int",
        "min": -1,
        "max": 600000
      }
    ],
    "reply": []
  },
  "dhcp_change": {
    "args": [
      {
        "name": "ip",
        "type": "ip4",
        "required": true
      },
      {
        "name": "mask",
        "type": "ip4"
      },
      {
        "name": "gw",
        "type": "ip4"
      },
      {
        "name": "delay_ms",
        "type": "int",
        "min": -1,
        "max": 600000
      }
    ],
    "reply": [
      "applied"
    ]
  },
  "reset": {
    "args": [
      {
        "name": "reason",
        "type": "enum:reset_reason"
      }
    ],
    "reply": [
      "booted",
      "reset"
    ]
  },
  "panic": {
    "args": [],
    "reply": [
      "booted",
      "reset"
    ]
  },
  "noise": {
    "args": [
      {
        "name": "bytes",
        "type": "int",
        "min": 1,
        "max": 65536
      }
    ],
    "reply": [
      "bytes"
    ]
  },
  "drop": {
    "args": [
      {
        "name": "bytes",
        "type": "int",
        "required": true,
        "min": 1,
        "max": 1048576
      }
    ],
    "reply": [
      "bytes"
    ]
  },
  "corrupt": {
    "args": [
      {
        "name": "bytes",
        "type": "int",
        "required": true,
        "min": 1,
        "max": 1048576
      }
    ],
    "reply": [
      "bytes"
    ]
  },
  "diag": {
    "args": [],
    "reply": []
  },
  "speed": {
    "args": [
      {
        "name": "x",
        "type": "number",
        "required": true,
        "min": 0,
        "max": 10000
      }
    ],
    "reply": [
      "speed"
    ]
  },
  "time": {
    "args": [
      {
        "name": "advance",
        "type": "int",
        "min": 0,
        "max": 86400000
      }
    ],
    "reply": [
      "vnow_ms",
      "uptime_ms"
    ]
  },
  "baud": {
    "args": [
      {
        "name": "rate",
        "type": "int",
        "required": true,
        "min": 300,
        "max": 5000000
      }
    ],
    "reply": [
      "baud"
    ]
  },
  "country": {
    "args": [
      {
        "name": "cc",
        "type": "text",
        "required": true
      }
    ],
    "reply": []
  },
  "mac": {
    "args": [
      {
        "name": "mac",
        "type": "mac",
        "required": true
      }
    ],
    "reply": []
  },
  "reasons": {
    "args": [
      {
        "name": "mode",
        "type": "names",
        "required": true,
        "values": [
          "legacy",
          "current"
        ]
      }
    ],
    "reply": []
  },
  "lost_ip_timer": {
    "args": [
      {
        "name": "ms",
        "type": "int",
        "required": true,
        "min": 0,
        "max": 86400000
      }
    ],
    "reply": []
  },
  "path_loss": {
    "args": [
      {
        "name": "db",
        "type": "int",
        "required": true,
        "min": 0,
        "max": 130
      }
    ],
    "reply": []
  },
  "quit": {
    "args": [],
    "reply": []
  }
} as const;

export type ControlAction = keyof typeof CONTROL_ACTIONS;
/** The argument names of action A. */
export type ControlArgName<A extends ControlAction> = (typeof CONTROL_ACTIONS)[A]['args'][number]['name'];

export function isControlAction(action: string): action is ControlAction {
  return Object.prototype.hasOwnProperty.call(CONTROL_ACTIONS, action);
}
