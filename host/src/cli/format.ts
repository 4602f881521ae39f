// How station data reads on a terminal: AP tables, disconnect reasons, events, status.
import { printable, quoted, table, type Style } from './output.js';
import { decodeReason } from '../reasons.js';
import type { ApRecord, DeviceInfo, DisconnectInfo, IpInfo, StationStatus } from '../types.js';

export function rssiBar(rssi: number): string {
  // 4 bars at ≥ -55, 3 ≥ -67, 2 ≥ -75, 1 ≥ -85 dBm: the usual "excellent/good/fair/weak" steps.
  const bars = rssi >= -55 ? 4 : rssi >= -67 ? 3 : rssi >= -75 ? 2 : rssi >= -85 ? 1 : 0;
  return '▂▄▆█'.slice(0, bars).padEnd(4, '·');
}

export function ssidLabel(text: string | undefined, raw?: Buffer): string {
  if (raw && raw.length === 0) return '(hidden)';
  if (text === undefined || text === '') return '(hidden)';
  return printable(text);
}

export function apTable(aps: readonly ApRecord[], style: Style, indent = ''): string {
  const sorted = [...aps].sort((a, b) => b.rssi - a.rssi);
  return table(
    sorted,
    [
      { header: 'SSID', value: (a) => ssidLabel(a.ssidText, a.ssid) },
      { header: 'BSSID', value: (a) => a.bssid },
      { header: 'CH', value: (a) => String(a.channel), align: 'right' },
      { header: 'RSSI', value: (a) => `${a.rssi} ${rssiBar(a.rssi)}`, align: 'right' },
      { header: 'AUTH', value: (a) => a.auth },
      { header: 'CIPHER', value: (a) => (a.pairwise === a.group ? a.pairwise : `${a.pairwise}/${a.group}`) },
      { header: 'PHY', value: (a) => a.phy },
    ],
    style,
    indent,
  );
}

/** "WRONG_PASSWORD… " style one-liner for a disconnect: name (code), meaning, and the likely cause. */
export function disconnectLine(d: DisconnectInfo): string {
  const where = d.ssidText ? ` from ${quoted(d.ssidText)}` : '';
  const rssi = d.rssi && d.rssi < 0 ? `, RSSI ${d.rssi} dBm` : '';
  return `disconnected${where}: ${d.name} (${d.reason}) — ${d.meaning}${rssi}`;
}

export function infoLines(info: DeviceInfo): [string, string][] {
  return [
    ['firmware', info.fw],
    ['protocol', info.proto],
    ['ESP-IDF', info.idf],
    ['chip', `${info.chip} (revision ${info.rev})`],
    ['MAC', info.mac],
    ['reset reason', info.reset],
  ];
}

export function keyValues(rows: [string, string | number | undefined][], style: Style, indent = ''): string {
  const shown = rows.filter(([, v]) => v !== undefined && v !== '');
  const w = Math.max(...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${indent}${style.dim(k.padEnd(w))}  ${String(v)}`).join('\n');
}

export function statusRows(s: StationStatus): [string, string | number | undefined][] {
  const connected = s.phase === 'connected' || s.phase === 'got_ip';
  return [
    ['phase', s.phase],
    ['mode', s.mode],
    ['ssid', connected ? ssidLabel(s.ssidText, s.ssid) : undefined],
    ['bssid', connected ? s.bssid : undefined],
    ['channel', connected ? s.channel : undefined],
    ['rssi', connected && s.rssi !== undefined ? `${s.rssi} dBm ${rssiBar(s.rssi)}` : undefined],
    ['ip', s.ip && s.ip !== '0.0.0.0' ? `${s.ip} / ${s.mask ?? '?'} via ${s.gw ?? '?'}` : undefined],
    ['scan', `${s.scan}${s.unfetched ? ` (${s.unfetched} records not fetched)` : ''}`],
    ['last reason', s.lastReason ? `${s.lastReason} ${reasonName(s.lastReason)}` : undefined],
    ['link', `${s.rxFrames} frames received, ${s.badCrc} bad CRC, ${s.tooLong} too long, ${s.malformed} malformed`],
  ];
}

/** ASSOC_LEAVE for 8; UNKNOWN_999 for a code the protocol does not list. */
export function reasonName(code: number): string {
  return decodeReason(code).name;
}

export function ipLine(ip: IpInfo): string {
  return `${ip.ip} / ${ip.mask} via ${ip.gw}`;
}

/** Compact rendering of a raw device event's fields for monitor: `key=value …`, SSIDs readable. */
export function fieldsText(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([k]) => k !== 'seq')
    .map(([k, v]) => {
      if (Buffer.isBuffer(v)) return `${k}=${quoted(v.toString('utf8'))}`;
      if (v && typeof v === 'object') return `${k}=${JSON.stringify(v)}`;
      return `${k}=${String(v)}`;
    })
    .join(' ');
}

/** "wrong password" for the cause key "password": the words the seed uses for its reason families. */
export function likelyText(cause: string): string {
  return ({ password: 'wrong password', signal: 'weak signal', 'ap-gone': 'AP gone', 'security-mismatch': 'security mismatch' } as Record<string, string>)[cause] ?? cause;
}
