// Public options -> request arguments under their protocol.json names (the reverse of
// replies.ts), and cached scan records back in the shape of an `ap_records` reply for the raw
// request path. Pure functions, no I/O.
import type { ApRecord, ScanOptions, StationConfig } from '../types.js';
import { toBytes } from './bytes.js';

/** Copies the options that are set into request arguments under their protocol.json names. */
export function wireArgs<T extends object>(src: T, names: { [K in keyof T]?: string }): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (const [field, wire] of Object.entries(names) as [keyof T, string][]) {
    if (src[field] !== undefined) a[wire] = src[field];
  }
  return a;
}

/** Scan options → the `scan` command's arguments. */
export function scanArgs(o: ScanOptions): Record<string, unknown> {
  const a = wireArgs(o, {
    bssid: 'bssid', channel: 'ch', showHidden: 'hidden', type: 'type', activeMinMs: 'min', activeMaxMs: 'max',
    passiveMs: 'passive', homeChannelDwellMs: 'home', channelBitmap: 'bitmap', coexBackground: 'coex',
  });
  if (o.ssid !== undefined) a.ssid = toBytes(o.ssid);
  return a;
}

/** A station configuration → the `config` command's arguments (the password as bytes, the
 *  BSSID in lower case so that equal configurations give equal arguments). */
export function configArgs(cfg: StationConfig): Record<string, unknown> {
  const a = wireArgs(cfg, {
    channel: 'ch', scanMethod: 'scan', sortMethod: 'sort', rssiThreshold: 'rssi', authThreshold: 'auth',
    pmf: 'pmf', failureRetryCount: 'retry', listenInterval: 'listen',
  });
  a.ssid = toBytes(cfg.ssid);
  if (cfg.password !== undefined) a.pass = toBytes(cfg.password);
  if (cfg.bssid !== undefined) a.bssid = cfg.bssid.toLowerCase();
  return a;
}

/** One record as an `ap` partial's fields. */
function recordFields(r: ApRecord): Record<string, unknown> {
  const f: Record<string, unknown> = {
    ssid: r.ssid,
    rssi: r.rssi,
    bssid: r.bssid,
    ch: r.channel,
    auth: r.auth,
    pairwise: r.pairwise,
    group: r.group,
    phy: r.phy,
  };
  if (r.second !== undefined) f.second = r.second;
  if (r.bandwidth !== undefined) f.bw = r.bandwidth;
  if (r.country !== undefined) f.cc = r.country;
  return f;
}

/** Records already fetched, answered as the device would answer `ap_records max=<max>`. */
export function apRecordsReply(records: readonly ApRecord[], scanId: number, max: number): { fields: Record<string, unknown>; partials: Record<string, unknown>[] } {
  const partials = records.slice(0, max).map(recordFields);
  return { fields: { n: partials.length, total: records.length, scan_id: scanId }, partials };
}
