// GENERATED from protocol/protocol.json by protocol/gen/ts-events.mjs — do not edit.

import { EspWifiError } from '../errors.js';
import type { EnumValues } from './definition.js';
import type { Fields } from './types.js';

/** `ping`. */
export type PingReplyFields = Record<string, never>;
/** `info`. */
export interface InfoReplyFields {
  proto: string;
  fw: string;
  idf: string;
  chip: string;
  rev: number;
  mac: string;
  reset: EnumValues["reset_reason"];
  def?: string;
}
/** `status`. */
export interface StatusReplyFields {
  phase: EnumValues["phase"];
  mode: EnumValues["mode"];
  scan: EnumValues["scan_state"];
  scan_id?: number;
  unfetched: number;
  ssid?: Buffer;
  bssid?: string;
  ch?: number;
  rssi?: number;
  ip?: string;
  mask?: string;
  gw?: string;
  last_reason: number;
  seq: number;
  rx_frames: number;
  bad_crc: number;
  too_long: number;
  malformed: number;
  cleared: number;
  stack_free?: number;
}
/** `init`. */
export type InitReplyFields = Record<string, never>;
/** `deinit`. */
export type DeinitReplyFields = Record<string, never>;
/** `mode`. */
export type ModeReplyFields = Record<string, never>;
/** `config`. */
export type ConfigReplyFields = Record<string, never>;
/** `get_config`. */
export interface GetConfigReplyFields {
  ssid: Buffer;
  pass_set: boolean;
  bssid: string;
  ch: number;
  scan_method: EnumValues["scan_method"];
  sort: EnumValues["sort_method"];
  rssi: number;
  auth: EnumValues["auth"];
  pmf: EnumValues["pmf"];
  retry: number;
  listen: number;
}
/** `start`. */
export type StartReplyFields = Record<string, never>;
/** `stop`. */
export type StopReplyFields = Record<string, never>;
/** `connect`. */
export type ConnectReplyFields = Record<string, never>;
/** `disconnect`. */
export type DisconnectReplyFields = Record<string, never>;
/** `scan`. */
export interface ScanReplyFields {
  n: number;
}
/** `scan_stop`. */
export type ScanStopReplyFields = Record<string, never>;
/** `ap_num`. */
export interface ApNumReplyFields {
  n: number;
}
/** `ap_records`. */
export interface ApRecordsReplyFields {
  n: number;
  total: number;
  scan_id: number;
}
/** `country`. */
export type CountryReplyFields = Record<string, never>;
/** `protocol`. */
export interface ProtocolReplyFields {
  reconnect: boolean;
}
/** `bandwidth`. */
export interface BandwidthReplyFields {
  reconnect: boolean;
}
/** `ps`. */
export type PsReplyFields = Record<string, never>;
/** `inactive_time`. */
export type InactiveTimeReplyFields = Record<string, never>;
/** `rssi_threshold`. */
export type RssiThresholdReplyFields = Record<string, never>;
/** `storage`. */
export type StorageReplyFields = Record<string, never>;
/** `mac`. */
export interface MacReplyFields {
  mac: string;
}
/** `ap_info`. */
export interface ApInfoReplyFields {
  ssid: Buffer;
  bssid: string;
  ch: number;
  rssi: number;
  auth: EnumValues["auth"];
  pairwise: EnumValues["cipher"];
  group: EnumValues["cipher"];
  phy: string;
  second: EnumValues["second"];
  bw: EnumValues["bw"];
  cc: string;
}
/** `rssi`. */
export interface RssiReplyFields {
  rssi: number;
}
/** `ip_info`. */
export interface IpInfoReplyFields {
  ip: string;
  mask: string;
  gw: string;
}
/** `reset`. */
export type ResetReplyFields = Record<string, never>;
/** `softap_config`. */
export type SoftapConfigReplyFields = Record<string, never>;
/** `softap_get_config`. */
export interface SoftapGetConfigReplyFields {
  ssid: Buffer;
  pass_set: boolean;
  ch: number;
  auth: EnumValues["auth"];
  max_conn: number;
  hidden: boolean;
  beacon: number;
  pmf: EnumValues["pmf"];
  probe: boolean;
  running: boolean;
}
/** `softap_stations`. */
export interface SoftapStationsReplyFields {
  n: number;
}
/** `softap_kick`. */
export type SoftapKickReplyFields = Record<string, never>;
/** `tx_power`. */
export interface TxPowerReplyFields {
  power: number;
}
/** `softap_dhcp`. */
export interface SoftapDhcpReplyFields {
  ip: string;
  mask: string;
  start: string;
  end: string;
  lease: number;
}

/** Every reply of protocol.json by its command. */
export interface ReplyMap {
  ping: PingReplyFields;
  info: InfoReplyFields;
  status: StatusReplyFields;
  init: InitReplyFields;
  deinit: DeinitReplyFields;
  mode: ModeReplyFields;
  config: ConfigReplyFields;
  get_config: GetConfigReplyFields;
  start: StartReplyFields;
  stop: StopReplyFields;
  connect: ConnectReplyFields;
  disconnect: DisconnectReplyFields;
  scan: ScanReplyFields;
  scan_stop: ScanStopReplyFields;
  ap_num: ApNumReplyFields;
  ap_records: ApRecordsReplyFields;
  country: CountryReplyFields;
  protocol: ProtocolReplyFields;
  bandwidth: BandwidthReplyFields;
  ps: PsReplyFields;
  inactive_time: InactiveTimeReplyFields;
  rssi_threshold: RssiThresholdReplyFields;
  storage: StorageReplyFields;
  mac: MacReplyFields;
  ap_info: ApInfoReplyFields;
  rssi: RssiReplyFields;
  ip_info: IpInfoReplyFields;
  reset: ResetReplyFields;
  softap_config: SoftapConfigReplyFields;
  softap_get_config: SoftapGetConfigReplyFields;
  softap_stations: SoftapStationsReplyFields;
  softap_kick: SoftapKickReplyFields;
  tx_power: TxPowerReplyFields;
  softap_dhcp: SoftapDhcpReplyFields;
}
export type ReplyVerb = keyof ReplyMap;

function need(verb: string, f: Fields, key: keyof Fields): unknown {
  const v = f[key];
  if (v === undefined) throw new EspWifiError('MALFORMED', `reply to ${verb}: field ${key} is missing`);
  return v;
}

const DECODERS: { [V in ReplyVerb]: (f: Fields) => ReplyMap[V] } = {
  ping: () => ({}),
  info: (f) => {
    const m: InfoReplyFields = {
      proto: need("info", f, "proto") as string,
      fw: need("info", f, "fw") as string,
      idf: need("info", f, "idf") as string,
      chip: need("info", f, "chip") as string,
      rev: need("info", f, "rev") as number,
      mac: need("info", f, "mac") as string,
      reset: need("info", f, "reset") as EnumValues["reset_reason"],
    };
    if (f.def !== undefined) m.def = f.def as string;
    return m;
  },
  status: (f) => {
    const m: StatusReplyFields = {
      phase: need("status", f, "phase") as EnumValues["phase"],
      mode: need("status", f, "mode") as EnumValues["mode"],
      scan: need("status", f, "scan") as EnumValues["scan_state"],
      unfetched: need("status", f, "unfetched") as number,
      last_reason: need("status", f, "last_reason") as number,
      seq: need("status", f, "seq") as number,
      rx_frames: need("status", f, "rx_frames") as number,
      bad_crc: need("status", f, "bad_crc") as number,
      too_long: need("status", f, "too_long") as number,
      malformed: need("status", f, "malformed") as number,
      cleared: need("status", f, "cleared") as number,
    };
    if (f.scan_id !== undefined) m.scan_id = f.scan_id as number;
    if (f.ssid !== undefined) m.ssid = f.ssid as Buffer;
    if (f.bssid !== undefined) m.bssid = f.bssid as string;
    if (f.ch !== undefined) m.ch = f.ch as number;
    if (f.rssi !== undefined) m.rssi = f.rssi as number;
    if (f.ip !== undefined) m.ip = f.ip as string;
    if (f.mask !== undefined) m.mask = f.mask as string;
    if (f.gw !== undefined) m.gw = f.gw as string;
    if (f.stack_free !== undefined) m.stack_free = f.stack_free as number;
    return m;
  },
  init: () => ({}),
  deinit: () => ({}),
  mode: () => ({}),
  config: () => ({}),
  get_config: (f) => {
    const m: GetConfigReplyFields = {
      ssid: need("get_config", f, "ssid") as Buffer,
      pass_set: need("get_config", f, "pass_set") as boolean,
      bssid: need("get_config", f, "bssid") as string,
      ch: need("get_config", f, "ch") as number,
      scan_method: need("get_config", f, "scan_method") as EnumValues["scan_method"],
      sort: need("get_config", f, "sort") as EnumValues["sort_method"],
      rssi: need("get_config", f, "rssi") as number,
      auth: need("get_config", f, "auth") as EnumValues["auth"],
      pmf: need("get_config", f, "pmf") as EnumValues["pmf"],
      retry: need("get_config", f, "retry") as number,
      listen: need("get_config", f, "listen") as number,
    };
    return m;
  },
  start: () => ({}),
  stop: () => ({}),
  connect: () => ({}),
  disconnect: () => ({}),
  scan: (f) => {
    const m: ScanReplyFields = {
      n: need("scan", f, "n") as number,
    };
    return m;
  },
  scan_stop: () => ({}),
  ap_num: (f) => {
    const m: ApNumReplyFields = {
      n: need("ap_num", f, "n") as number,
    };
    return m;
  },
  ap_records: (f) => {
    const m: ApRecordsReplyFields = {
      n: need("ap_records", f, "n") as number,
      total: need("ap_records", f, "total") as number,
      scan_id: need("ap_records", f, "scan_id") as number,
    };
    return m;
  },
  country: () => ({}),
  protocol: (f) => {
    const m: ProtocolReplyFields = {
      reconnect: need("protocol", f, "reconnect") as boolean,
    };
    return m;
  },
  bandwidth: (f) => {
    const m: BandwidthReplyFields = {
      reconnect: need("bandwidth", f, "reconnect") as boolean,
    };
    return m;
  },
  ps: () => ({}),
  inactive_time: () => ({}),
  rssi_threshold: () => ({}),
  storage: () => ({}),
  mac: (f) => {
    const m: MacReplyFields = {
      mac: need("mac", f, "mac") as string,
    };
    return m;
  },
  ap_info: (f) => {
    const m: ApInfoReplyFields = {
      ssid: need("ap_info", f, "ssid") as Buffer,
      bssid: need("ap_info", f, "bssid") as string,
      ch: need("ap_info", f, "ch") as number,
      rssi: need("ap_info", f, "rssi") as number,
      auth: need("ap_info", f, "auth") as EnumValues["auth"],
      pairwise: need("ap_info", f, "pairwise") as EnumValues["cipher"],
      group: need("ap_info", f, "group") as EnumValues["cipher"],
      phy: need("ap_info", f, "phy") as string,
      second: need("ap_info", f, "second") as EnumValues["second"],
      bw: need("ap_info", f, "bw") as EnumValues["bw"],
      cc: need("ap_info", f, "cc") as string,
    };
    return m;
  },
  rssi: (f) => {
    const m: RssiReplyFields = {
      rssi: need("rssi", f, "rssi") as number,
    };
    return m;
  },
  ip_info: (f) => {
    const m: IpInfoReplyFields = {
      ip: need("ip_info", f, "ip") as string,
      mask: need("ip_info", f, "mask") as string,
      gw: need("ip_info", f, "gw") as string,
    };
    return m;
  },
  reset: () => ({}),
  softap_config: () => ({}),
  softap_get_config: (f) => {
    const m: SoftapGetConfigReplyFields = {
      ssid: need("softap_get_config", f, "ssid") as Buffer,
      pass_set: need("softap_get_config", f, "pass_set") as boolean,
      ch: need("softap_get_config", f, "ch") as number,
      auth: need("softap_get_config", f, "auth") as EnumValues["auth"],
      max_conn: need("softap_get_config", f, "max_conn") as number,
      hidden: need("softap_get_config", f, "hidden") as boolean,
      beacon: need("softap_get_config", f, "beacon") as number,
      pmf: need("softap_get_config", f, "pmf") as EnumValues["pmf"],
      probe: need("softap_get_config", f, "probe") as boolean,
      running: need("softap_get_config", f, "running") as boolean,
    };
    return m;
  },
  softap_stations: (f) => {
    const m: SoftapStationsReplyFields = {
      n: need("softap_stations", f, "n") as number,
    };
    return m;
  },
  softap_kick: () => ({}),
  tx_power: (f) => {
    const m: TxPowerReplyFields = {
      power: need("tx_power", f, "power") as number,
    };
    return m;
  },
  softap_dhcp: (f) => {
    const m: SoftapDhcpReplyFields = {
      ip: need("softap_dhcp", f, "ip") as string,
      mask: need("softap_dhcp", f, "mask") as string,
      start: need("softap_dhcp", f, "start") as string,
      end: need("softap_dhcp", f, "end") as string,
      lease: need("softap_dhcp", f, "lease") as number,
    };
    return m;
  },
};

export function isReplyVerb(verb: string): verb is ReplyVerb {
  return Object.prototype.hasOwnProperty.call(DECODERS, verb);
}

/** The fields of the ok reply to `verb`, checked against protocol.json: only its own fields, every
 *  field it always carries present (EspWifiError MALFORMED otherwise). */
export function decodeReply<V extends ReplyVerb>(verb: V, fields: Fields): ReplyMap[V] {
  return DECODERS[verb](fields);
}
