// GENERATED from protocol/protocol.json by protocol/gen/ts-host-tables.mjs — do not edit.

/** Per command, per enum argument: the names a user picks from. */
export const ARG_CHOICES = {
  mode: {
    m: ["null", "sta", "ap", "apsta"],
  },
  config: {
    scan: ["fast", "all"],
    sort: ["signal", "security"],
    auth: ["open", "wep", "wpa", "wpa2", "wpa_wpa2", "wpa2_ent", "wpa3", "wpa2_wpa3", "wapi", "owe", "wpa3_ent192", "wpa3_ext", "wpa3_ext_mixed"],
    pmf: ["off", "capable", "required"],
  },
  scan: {
    type: ["active", "passive"],
  },
  bandwidth: {
    bw: ["ht20", "ht40", "bw80", "bw160", "bw80_80"],
  },
  ps: {
    mode: ["none", "min", "max"],
  },
  storage: {
    s: ["flash", "ram"],
  },
  softap_config: {
    auth: ["open", "wpa", "wpa2", "wpa_wpa2", "wpa3", "wpa2_wpa3"],
    pmf: ["off", "capable", "required"],
  },
} as const;

/** Commands that answer only after the work is done, with the time the host waits for them (ms). */
export const COMMAND_TIMEOUT_MS: Readonly<Record<string, number>> = {
  init: 10000,
  deinit: 10000,
  start: 10000,
  stop: 10000,
  connect: 10000,
  ap_records: 10000,
  reset: 10000,
};

/** Arguments that, when set (true or 1), make the command wait this long (ms). */
export const ARG_TIMEOUT_MS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  scan: { block: 30000 },
};

/** Other spellings of reason names, to the code they mean. */
export const REASON_ALIASES: Readonly<Record<string, number>> = {
  ASSOC_EXPIRE: 4,
  NOT_AUTHED: 6,
  NOT_ASSOCED: 7,
  SERVICE_CHANGE_PRECLUDES_TS: 31,
  TX_LINK_EST_FAILED: 67,
  TRANSMISSION_LINK_ESTABLISHMENT_FAILED: 67,
  ALTERNATIVE_CHANNEL_OCCUPIED: 68,
  NO_AP_FOUND_SECURITY: 210,
  NO_AP_FOUND_AUTHMODE: 211,
  NO_AP_FOUND_RSSI: 212,
};
