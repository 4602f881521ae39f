// Reply fields -> the public value types of types.ts. The client checked every ok reply against
// protocol.json with the generated decoders (protocol/replies.gen.ts), so the fields are complete
// and are read here through the generated types; this is the one place that knows their wire
// names. Pure functions: they take a Reply's `fields` (or `partials`) as the client gave them.
import type { ReplyMap, ReplyVerb } from '../protocol/replies.gen.js';
import type { ApPartial } from '../protocol/types.js';
import type { DhcpServerSettings, SoftApState, SoftApStation, TxPower } from '../ap.js';
import type { ApInfo, ApRecord, DeviceInfo, IpInfo, StationStatus, StoredConfig } from '../types.js';
import { displaySsid } from './bytes.js';

type Fields = Record<string, unknown>;

/** An ok reply's fields through its generated type (decodeReply checked them in the client). */
function checked<C extends ReplyVerb>(_verb: C, fields: Fields): ReplyMap[C] {
  return fields as unknown as ReplyMap[C];
}

export function toStatus(fields: Fields): StationStatus {
  const f = checked('status', fields);
  const s: StationStatus = {
    phase: f.phase,
    mode: f.mode,
    scan: f.scan,
    scanId: f.scan_id ?? 0,
    unfetched: f.unfetched,
    lastReason: f.last_reason,
    seq: f.seq,
    rxFrames: f.rx_frames,
    badCrc: f.bad_crc,
    tooLong: f.too_long,
    malformed: f.malformed,
    cleared: f.cleared,
  };
  if (f.ssid !== undefined) {
    s.ssid = f.ssid;
    s.ssidText = displaySsid(f.ssid);
  }
  if (f.bssid !== undefined) s.bssid = f.bssid;
  if (f.ch !== undefined) s.channel = f.ch;
  if (f.rssi !== undefined) s.rssi = f.rssi;
  if (f.ip !== undefined) s.ip = f.ip;
  if (f.mask !== undefined) s.mask = f.mask;
  if (f.gw !== undefined) s.gw = f.gw;
  if (f.stack_free !== undefined) s.stackFree = f.stack_free;
  return s;
}

/** One `ap` partial (a scan record); frozen, since records are shared through the scan cache. */
export function toApRecord(p: ApPartial): ApRecord {
  const r: ApRecord = {
    ssid: p.ssid,
    ssidText: displaySsid(p.ssid),
    rssi: p.rssi,
    bssid: p.bssid,
    channel: p.ch,
    auth: p.auth,
    pairwise: p.pairwise,
    group: p.group,
    phy: p.phy,
  };
  if (p.second !== undefined) r.second = p.second;
  if (p.bw !== undefined) r.bandwidth = p.bw;
  if (p.cc !== undefined) r.country = p.cc;
  return Object.freeze(r);
}

/** An `ap_records` reply: its records, and the driver's scan id they belong to. */
export function toApRecords(fields: Fields, partials: readonly Fields[]): { records: ApRecord[]; scanId: number } {
  // The client decoded each partial by protocol.json's positional `ap` fields (all present).
  return { records: partials.map((p) => toApRecord(p as unknown as ApPartial)), scanId: checked('ap_records', fields).scan_id };
}

export function toApInfo(fields: Fields): ApInfo {
  const f = checked('ap_info', fields);
  return {
    ssid: f.ssid,
    ssidText: displaySsid(f.ssid),
    bssid: f.bssid,
    channel: f.ch,
    rssi: f.rssi,
    auth: f.auth,
    pairwise: f.pairwise,
    group: f.group,
    phy: f.phy,
    second: f.second,
    bandwidth: f.bw,
    country: f.cc,
  };
}

export function toStoredConfig(fields: Fields): StoredConfig {
  const f = checked('get_config', fields);
  return {
    ssid: f.ssid,
    ssidText: displaySsid(f.ssid),
    passwordSet: f.pass_set,
    bssid: f.bssid,
    channel: f.ch,
    scanMethod: f.scan_method,
    sortMethod: f.sort,
    rssiThreshold: f.rssi,
    authThreshold: f.auth,
    pmf: f.pmf,
    failureRetryCount: f.retry,
    listenInterval: f.listen,
  };
}

/** A hello's (or `info` reply's) fields. Read leniently, unlike every other frame: a hello from
 *  firmware of another protocol major must still yield the version it names, so that the client
 *  can say which side to update instead of failing on a missing field. */
export function toDeviceInfo(f: Record<string, unknown>): DeviceInfo {
  const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v ?? ''));
  return {
    proto: text(f.proto),
    fw: text(f.fw),
    idf: text(f.idf),
    chip: text(f.chip),
    rev: Number(f.rev ?? 0),
    mac: String(f.mac ?? ''),
    reset: String(f.reset ?? 'unknown'),
    ...(f.def !== undefined ? { def: text(f.def) } : {}),
  };
}

export function toMac(fields: Fields): string {
  return checked('mac', fields).mac;
}

export function toRssi(fields: Fields): number {
  return checked('rssi', fields).rssi;
}

export function toIpInfo(fields: Fields): Omit<IpInfo, 'changed'> {
  const { ip, mask, gw } = checked('ip_info', fields);
  return { ip, mask, gw };
}

/** A `protocol` or `bandwidth` reply: whether the driver re-joins to apply the change. */
export function toReconnect(fields: Fields): boolean {
  return checked('protocol', fields).reconnect;
}

export function toSoftApState(fields: Fields): SoftApState {
  const f = checked('softap_get_config', fields);
  return {
    ssid: f.ssid,
    ssidText: displaySsid(f.ssid),
    passwordSet: f.pass_set,
    channel: f.ch,
    auth: f.auth,
    maxConnections: f.max_conn,
    hidden: f.hidden,
    beaconInterval: f.beacon,
    pmf: f.pmf,
    probeEvents: f.probe,
    running: f.running,
  };
}

/** A `softap_stations` reply's `sta` partials. */
export function toSoftApStations(partials: readonly Fields[]): SoftApStation[] {
  return partials.map((p) => ({ mac: p.mac as string, aid: p.aid as number, rssi: p.rssi as number }));
}

export function toTxPower(fields: Fields): TxPower {
  const q = checked('tx_power', fields).power;
  return { quarterDbm: q, dbm: q / 4 };
}

export function toDhcpSettings(fields: Fields): DhcpServerSettings {
  const { ip, mask, start, end, lease } = checked('softap_dhcp', fields);
  return { ip, mask, start, end, lease };
}
