// ESPEasy: `Disconnected! Reason: '(N) text' Connected for T ms`, `Connected! AP: ssid (bssid)
// Ch: N`, `DHCP IP: A`.
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

export function decodeEspEasy(env: Envelope): Observation[] | undefined {
  if (!env.msg.includes('WIFI : ') && !env.msg.includes('Disconnected!')) return undefined;
  let c = /\bWIFI : Connected! AP: (.*) \(([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})\) Ch: (\d+)/.exec(env.msg);
  if (c) return [{ kind: 'connected', ssid: c[1], bssid: c[2]!.toLowerCase(), channel: Number(c[3]) }];
  c = /\bWIFI : DHCP IP: (\d{1,3}(?:\.\d{1,3}){3})/.exec(env.msg);
  if (c) return [{ kind: 'got-ip', ip: c[1] }];
  const m = /Disconnected! Reason: '\((\d+)\)\s*([^']*)'(?:\s*Connected for (\d+) ?ms)?/.exec(env.msg);
  if (!m) return undefined;
  return [{ kind: 'disconnect', reason: Number(m[1]), reasonText: m[2]!.trim() || undefined, source: 'espeasy', ...(m[3] ? { connectedMs: Number(m[3]) } : {}) }];
}
