// Decoded reply fields -> the public value types of types.ts. Pure functions, no I/O.
import type { ApRecord, StationPhase, StationStatus } from './types.js';
import { displaySsid } from './rules/scan-coordinator.js';

export function toBytes(v: string | Buffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v);
  return Buffer.from(v, 'utf8');
}

/** Copies the options that are set into request arguments under their protocol.json names. */
export function wireArgs<T extends object>(src: T, names: { [K in keyof T]?: string }): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (const [field, wire] of Object.entries(names) as [keyof T, string][]) {
    if (src[field] !== undefined) a[wire] = src[field];
  }
  return a;
}

export function recordFields(r: ApRecord): Record<string, unknown> {
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

export function toStatus(f: Record<string, unknown>): StationStatus {
  const opt = (k: string) => (f[k] === undefined ? undefined : f[k]);
  const s: StationStatus = {
    phase: String(f.phase ?? 'uninit') as StationPhase,
    mode: String(f.mode ?? 'null'),
    scan: String(f.scan ?? 'idle'),
    scanId: Number(f.scan_id ?? 0),
    unfetched: Number(f.unfetched ?? 0),
    lastReason: Number(f.last_reason ?? 0),
    seq: Number(f.seq ?? 0),
    rxFrames: Number(f.rx_frames ?? 0),
    badCrc: Number(f.bad_crc ?? 0),
    tooLong: Number(f.too_long ?? 0),
    malformed: Number(f.malformed ?? 0),
    cleared: Number(f.cleared ?? 0),
  };
  if (opt('ssid') !== undefined) {
    s.ssid = toBytes(f.ssid as Buffer);
    s.ssidText = displaySsid(s.ssid);
  }
  if (opt('bssid') !== undefined) s.bssid = String(f.bssid);
  if (opt('ch') !== undefined) s.channel = Number(f.ch);
  if (opt('rssi') !== undefined) s.rssi = Number(f.rssi);
  if (opt('ip') !== undefined) s.ip = String(f.ip);
  if (opt('mask') !== undefined) s.mask = String(f.mask);
  if (opt('gw') !== undefined) s.gw = String(f.gw);
  if (opt('stack_free') !== undefined) s.stackFree = Number(f.stack_free);
  return s;
}

