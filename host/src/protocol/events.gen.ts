// GENERATED from protocol/protocol.json by protocol/gen/ts-events.mjs — do not edit.

import { EspWifiError } from '../errors.js';
import type { EnumValues } from './definition.js';
import type { Fields } from './types.js';

/** `hello`. */
export interface HelloEventFields {
  proto: string;
  fw: string;
  idf: string;
  chip: string;
  rev: number;
  mac: string;
  reset: EnumValues["reset_reason"];
  def?: string;
}
/** `sta_start` (WIFI_EVENT_STA_START). */
export type StaStartEventFields = Record<string, never>;
/** `sta_stop` (WIFI_EVENT_STA_STOP). */
export type StaStopEventFields = Record<string, never>;
/** `connected` (WIFI_EVENT_STA_CONNECTED). */
export interface ConnectedEventFields {
  ssid: Buffer;
  bssid: string;
  ch: number;
  auth: EnumValues["auth"];
  aid: number;
}
/** `disconnected` (WIFI_EVENT_STA_DISCONNECTED). */
export interface DisconnectedEventFields {
  reason: number;
  rssi: number;
  ssid: Buffer;
  bssid: string;
}
/** `scan_done` (WIFI_EVENT_SCAN_DONE). */
export interface ScanDoneEventFields {
  status: number;
  n: number;
  scan_id: number;
}
/** `beacon_timeout` (WIFI_EVENT_STA_BEACON_TIMEOUT). */
export type BeaconTimeoutEventFields = Record<string, never>;
/** `rssi_low` (WIFI_EVENT_STA_BSS_RSSI_LOW). */
export interface RssiLowEventFields {
  rssi: number;
}
/** `authmode_change` (WIFI_EVENT_STA_AUTHMODE_CHANGE). */
export interface AuthmodeChangeEventFields {
  old: EnumValues["auth"];
  new: EnumValues["auth"];
}
/** `home_channel_change` (WIFI_EVENT_HOME_CHANNEL_CHANGE (ESP-IDF v5.2+)). */
export interface HomeChannelChangeEventFields {
  old_ch: number;
  old_second: EnumValues["second"];
  new_ch: number;
  new_second: EnumValues["second"];
}
/** `got_ip` (IP_EVENT_STA_GOT_IP). */
export interface GotIpEventFields {
  ip: string;
  mask: string;
  gw: string;
  changed: boolean;
}
/** `lost_ip` (IP_EVENT_STA_LOST_IP). */
export type LostIpEventFields = Record<string, never>;
/** `rx_error`. */
export interface RxErrorEventFields {
  error: string;
  expected?: string;
  line: number;
}
/** `ap_start` (WIFI_EVENT_AP_START). */
export type ApStartEventFields = Record<string, never>;
/** `ap_stop` (WIFI_EVENT_AP_STOP). */
export type ApStopEventFields = Record<string, never>;
/** `ap_staconnected` (WIFI_EVENT_AP_STACONNECTED). */
export interface ApStaconnectedEventFields {
  mac: string;
  aid: number;
}
/** `ap_stadisconnected` (WIFI_EVENT_AP_STADISCONNECTED). */
export interface ApStadisconnectedEventFields {
  mac: string;
  aid: number;
  reason: number;
}
/** `ap_staipassigned` (IP_EVENT_AP_STAIPASSIGNED (ESP-IDF v6: IP_EVENT_ASSIGNED_IP_TO_CLIENT)). */
export interface ApStaipassignedEventFields {
  ip: string;
  mac: string;
}
/** `ap_probereqrecved` (WIFI_EVENT_AP_PROBEREQRECVED (only with softap_config probe=1)). */
export interface ApProbereqrecvedEventFields {
  mac: string;
  rssi: number;
}

/** Every event of protocol.json by its wire name. */
export interface EventMap {
  hello: HelloEventFields;
  sta_start: StaStartEventFields;
  sta_stop: StaStopEventFields;
  connected: ConnectedEventFields;
  disconnected: DisconnectedEventFields;
  scan_done: ScanDoneEventFields;
  beacon_timeout: BeaconTimeoutEventFields;
  rssi_low: RssiLowEventFields;
  authmode_change: AuthmodeChangeEventFields;
  home_channel_change: HomeChannelChangeEventFields;
  got_ip: GotIpEventFields;
  lost_ip: LostIpEventFields;
  rx_error: RxErrorEventFields;
  ap_start: ApStartEventFields;
  ap_stop: ApStopEventFields;
  ap_staconnected: ApStaconnectedEventFields;
  ap_stadisconnected: ApStadisconnectedEventFields;
  ap_staipassigned: ApStaipassignedEventFields;
  ap_probereqrecved: ApProbereqrecvedEventFields;
}
export type EventVerb = keyof EventMap;
/** An event whose fields were checked by decodeEvent: `switch (e.verb)` narrows `e.fields`. */
export type DecodedEvent = { [E in EventVerb]: { verb: E; fields: EventMap[E] } }[EventVerb];

function need(verb: string, f: Fields, key: keyof Fields): unknown {
  const v = f[key];
  if (v === undefined) throw new EspWifiError('MALFORMED', `~e ${verb}: field ${key} is missing`);
  return v;
}

const DECODERS: { [V in EventVerb]: (f: Fields) => EventMap[V] } = {
  hello: (f) => {
    const m: HelloEventFields = {
      proto: need("hello", f, "proto") as string,
      fw: need("hello", f, "fw") as string,
      idf: need("hello", f, "idf") as string,
      chip: need("hello", f, "chip") as string,
      rev: need("hello", f, "rev") as number,
      mac: need("hello", f, "mac") as string,
      reset: need("hello", f, "reset") as EnumValues["reset_reason"],
    };
    if (f.def !== undefined) m.def = f.def as string;
    return m;
  },
  sta_start: () => ({}),
  sta_stop: () => ({}),
  connected: (f) => {
    const m: ConnectedEventFields = {
      ssid: need("connected", f, "ssid") as Buffer,
      bssid: need("connected", f, "bssid") as string,
      ch: need("connected", f, "ch") as number,
      auth: need("connected", f, "auth") as EnumValues["auth"],
      aid: need("connected", f, "aid") as number,
    };
    return m;
  },
  disconnected: (f) => {
    const m: DisconnectedEventFields = {
      reason: need("disconnected", f, "reason") as number,
      rssi: need("disconnected", f, "rssi") as number,
      ssid: need("disconnected", f, "ssid") as Buffer,
      bssid: need("disconnected", f, "bssid") as string,
    };
    return m;
  },
  scan_done: (f) => {
    const m: ScanDoneEventFields = {
      status: need("scan_done", f, "status") as number,
      n: need("scan_done", f, "n") as number,
      scan_id: need("scan_done", f, "scan_id") as number,
    };
    return m;
  },
  beacon_timeout: () => ({}),
  rssi_low: (f) => {
    const m: RssiLowEventFields = {
      rssi: need("rssi_low", f, "rssi") as number,
    };
    return m;
  },
  authmode_change: (f) => {
    const m: AuthmodeChangeEventFields = {
      old: need("authmode_change", f, "old") as EnumValues["auth"],
      new: need("authmode_change", f, "new") as EnumValues["auth"],
    };
    return m;
  },
  home_channel_change: (f) => {
    const m: HomeChannelChangeEventFields = {
      old_ch: need("home_channel_change", f, "old_ch") as number,
      old_second: need("home_channel_change", f, "old_second") as EnumValues["second"],
      new_ch: need("home_channel_change", f, "new_ch") as number,
      new_second: need("home_channel_change", f, "new_second") as EnumValues["second"],
    };
    return m;
  },
  got_ip: (f) => {
    const m: GotIpEventFields = {
      ip: need("got_ip", f, "ip") as string,
      mask: need("got_ip", f, "mask") as string,
      gw: need("got_ip", f, "gw") as string,
      changed: need("got_ip", f, "changed") as boolean,
    };
    return m;
  },
  lost_ip: () => ({}),
  rx_error: (f) => {
    const m: RxErrorEventFields = {
      error: need("rx_error", f, "error") as string,
      line: need("rx_error", f, "line") as number,
    };
    if (f.expected !== undefined) m.expected = f.expected as string;
    return m;
  },
  ap_start: () => ({}),
  ap_stop: () => ({}),
  ap_staconnected: (f) => {
    const m: ApStaconnectedEventFields = {
      mac: need("ap_staconnected", f, "mac") as string,
      aid: need("ap_staconnected", f, "aid") as number,
    };
    return m;
  },
  ap_stadisconnected: (f) => {
    const m: ApStadisconnectedEventFields = {
      mac: need("ap_stadisconnected", f, "mac") as string,
      aid: need("ap_stadisconnected", f, "aid") as number,
      reason: need("ap_stadisconnected", f, "reason") as number,
    };
    return m;
  },
  ap_staipassigned: (f) => {
    const m: ApStaipassignedEventFields = {
      ip: need("ap_staipassigned", f, "ip") as string,
      mac: need("ap_staipassigned", f, "mac") as string,
    };
    return m;
  },
  ap_probereqrecved: (f) => {
    const m: ApProbereqrecvedEventFields = {
      mac: need("ap_probereqrecved", f, "mac") as string,
      rssi: need("ap_probereqrecved", f, "rssi") as number,
    };
    return m;
  },
};

export function isEventVerb(verb: string): verb is EventVerb {
  return Object.prototype.hasOwnProperty.call(DECODERS, verb);
}

/** The fields of event `verb`, checked against protocol.json: only its own fields, every
 *  field it always carries present (EspWifiError MALFORMED otherwise). */
export function decodeEvent<V extends EventVerb>(verb: V, fields: Fields): EventMap[V] {
  return DECODERS[verb](fields);
}
