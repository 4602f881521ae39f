// Decoded reply fields -> the public value types of types.ts, and options -> request arguments
// under their protocol.json names. Pure functions, no I/O; rules/ never sees a wire name.
import type { ApRecord, ScanOptions, StationPhase, StationStatus } from './types.js';

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

/** Scan options → the `scan` command's arguments (protocol.json names). */
export function scanArgs(o: ScanOptions): Record<string, unknown> {
  const a = wireArgs(o, {
    bssid: 'bssid', channel: 'ch', showHidden: 'hidden', type: 'type', activeMinMs: 'min', activeMaxMs: 'max',
    passiveMs: 'passive', homeChannelDwellMs: 'home', channelBitmap: 'bitmap', coexBackground: 'coex',
  });
  if (o.ssid !== undefined) a.ssid = Buffer.isBuffer(o.ssid) ? o.ssid : Buffer.from(o.ssid, 'utf8');
  return a;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** SSID for display: the UTF-8 text when valid, otherwise printable ASCII with \xHH escapes. */
export function displaySsid(b: Buffer): string {
  try {
    return utf8.decode(b);
  } catch {
    let s = '';
    for (const c of b) s += c >= 0x20 && c < 0x7f && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
    return s;
  }
}

function toBuf(v: unknown): Buffer {
  return toBytes(v instanceof Uint8Array ? v : String(v ?? ''));
}

export function toApRecord(f: Record<string, unknown>): ApRecord {
  const ssid = toBuf(f.ssid);
  const r: ApRecord = {
    ssid,
    ssidText: displaySsid(ssid),
    rssi: Number(f.rssi),
    bssid: String(f.bssid),
    channel: Number(f.ch),
    auth: String(f.auth),
    pairwise: String(f.pairwise),
    group: String(f.group),
    phy: String(f.phy ?? '-'),
  };
  if (f.second !== undefined) r.second = String(f.second);
  if (f.bw !== undefined) r.bandwidth = String(f.bw);
  if (f.cc !== undefined) r.country = toBuf(f.cc).toString('latin1');
  return Object.freeze(r);
}
