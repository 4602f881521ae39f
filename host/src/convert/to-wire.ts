// Public options -> request arguments under their protocol.json names (the reverse of
// replies.ts), and cached scan records back in the shape of an `ap_records` reply for the raw
// request path. Pure functions, no I/O.
import type { DhcpServerSettings, SoftApConfig } from '../ap.js';
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

/** A SoftAP configuration → the `softap_config` command's arguments (a string SSID or password
 *  as UTF-8 bytes; an empty password is no password: an open AP). */
export function softApConfigArgs(cfg: SoftApConfig): Record<string, unknown> {
  const a = wireArgs(cfg, {
    channel: 'ch', auth: 'auth', maxConnections: 'max', hidden: 'hidden', beaconInterval: 'beacon', pmf: 'pmf', probeEvents: 'probe',
  });
  a.ssid = toBytes(cfg.ssid);
  if (cfg.password !== undefined && cfg.password.length) a.pass = toBytes(cfg.password);
  return a;
}

/** DHCP server settings to change → the `softap_dhcp` command's arguments (same names). */
export function dhcpArgs(s: Partial<DhcpServerSettings>): Record<string, unknown> {
  return wireArgs(s, { ip: 'ip', mask: 'mask', start: 'start', end: 'end', lease: 'lease' });
}

/** Where each field of a scan record goes in an `ap` partial (ssidText is derived, not sent). */
const AP_PARTIAL_NAMES: { [K in keyof ApRecord]?: string } = {
  ssid: 'ssid', rssi: 'rssi', bssid: 'bssid', channel: 'ch', auth: 'auth', pairwise: 'pairwise', group: 'group',
  phy: 'phy', second: 'second', bandwidth: 'bw', country: 'cc',
};

/** Records already fetched, answered as the device would answer `ap_records max=<max>`. */
export function apRecordsReply(records: readonly ApRecord[], scanId: number, max: number): { fields: Record<string, unknown>; partials: Record<string, unknown>[] } {
  const partials = records.slice(0, max).map((r) => wireArgs(r, AP_PARTIAL_NAMES));
  return { fields: { n: partials.length, total: records.length, scan_id: scanId }, partials };
}
