// ESPHome: `[W][wifi_esp32:N]: Event: Disconnected ssid='Net' bssid=AA:.. reason='Beacon Timeout'`.
// ESPHome prints the reason as its own text; the table maps that text back to the code.
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

/** ESPHome's names for wifi_err_reason_t (wifi_component_esp_idf.cpp), lower-cased. */
const ESPHOME_REASONS: Record<string, number> = {
  'auth expired': 2, 'auth leave': 3, 'association expired': 4, 'too many associations': 5,
  'not authenticated': 6, 'not associated': 7, 'association leave': 8, 'association not authenticated': 9,
  'disassociate power cap bad': 10, 'disassociate supported channel bad': 11, 'ie invalid': 13,
  'mic failure': 14, '4-way handshake timeout': 15, 'group key update timeout': 16,
  'ie in 4-way handshake differs': 17, 'group cipher invalid': 18, 'pairwise cipher invalid': 19,
  'akmp invalid': 20, 'unsupported rsn ie version': 21, 'invalid rsn ie cap': 22,
  '802.1x authentication failed': 23, 'cipher suite rejected': 24, 'beacon timeout': 200,
  'ap not found': 201, 'authentication failed': 202, 'association failed': 203, 'handshake failed': 204,
  'connection failed': 205, 'ap tsf reset': 206, 'station roaming': 207,
  'association comeback time too long': 208, 'sa query timeout': 209,
  'no ap found with compatible security': 210, 'no ap found in auth mode threshold': 211,
  'no ap found in rssi threshold': 212,
};

const quoted = (msg: string, key: string): string | undefined => new RegExp(`\\b${key}='((?:[^']|'(?! \\w+=))*)'`).exec(msg)?.[1];

export function decodeEsphome(env: Envelope): Observation[] | undefined {
  if (env.dialect !== 'esphome' || !env.tag?.startsWith('wifi')) return undefined;
  const msg = env.msg;
  if (/^Event: Disconnected\b/.test(msg)) {
    const text = quoted(msg, 'reason');
    const bssid = /\bbssid=([0-9A-Fa-f:]{17})/.exec(msg)?.[1]?.toLowerCase();
    const ssid = quoted(msg, 'ssid');
    const code = text !== undefined ? ESPHOME_REASONS[text.toLowerCase()] : undefined;
    // ESPHome prints 'Unspecified' both for code 1 and for codes it has no name for: not a code.
    const note = text === undefined ? undefined : code === undefined ? `ESPHome reason text '${text}' has no code mapping` : undefined;
    return [{ kind: 'disconnect', source: 'esphome', reasonText: text, ...(code !== undefined ? { reason: code } : {}), ...(ssid !== undefined ? { ssid } : {}), ...(bssid ? { bssid } : {}), ...(note ? { note } : {}) }];
  }
  if (/^Event: Connected\b/.test(msg)) {
    const ssid = quoted(msg, 'ssid');
    const bssid = /\bbssid=([0-9A-Fa-f:]{17})/.exec(msg)?.[1]?.toLowerCase();
    const channel = /\bchannel=(\d+)/.exec(msg)?.[1];
    return [{ kind: 'connected', ...(ssid !== undefined ? { ssid } : {}), ...(bssid ? { bssid } : {}), ...(channel ? { channel: Number(channel) } : {}) }];
  }
  let m = /^Event: Got IP static_ip=(\d{1,3}(?:\.\d{1,3}){3})(?: gateway=(\d{1,3}(?:\.\d{1,3}){3}))?/.exec(msg);
  if (m) return [{ kind: 'got-ip', ip: m[1], ...(m[2] ? { gw: m[2] } : {}) }];
  if (/^Event: Lost IP/.test(msg)) return [{ kind: 'lost-ip' }];
  m = /^WiFi Connecting to '(.*)'\.\.\./.exec(msg);
  if (m) return [{ kind: 'connect-start', ssid: m[1] }];
  if (/^Starting scan/.test(msg)) return [{ kind: 'scan-start' }];
  m = /^\s*Signal strength: (-?\d+) dB/.exec(msg);
  if (m) return [{ kind: 'rssi', rssi: Number(m[1]) }];
  return undefined;
}
