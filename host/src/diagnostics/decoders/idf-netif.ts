// IP lines: `esp_netif_handlers: sta ip: A, mask: M, gw: G` (v4.1+), `event: sta ip: ...` (v4.0,
// v3.x), `tcpip_adapter`, Arduino-ESP32's `STA IP: ...`, and the lost-IP lines whose wording varies.
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

const IPV4 = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
const STA_IP = new RegExp(`\\bsta ip:\\s*${IPV4},\\s*mask:\\s*${IPV4},\\s*gw:\\s*${IPV4}`, 'i');
const NETIF_TAGS = /^(esp_netif_handlers|esp_netif_lwip|event|tcpip_adapter|WiFiGeneric\.cpp)$/;

export function decodeIdfNetif(env: Envelope): Observation[] | undefined {
  if (!/ip\b/i.test(env.msg)) return undefined;
  const m = STA_IP.exec(env.msg);
  if (m) return [{ kind: 'got-ip', ip: m[1], mask: m[2], gw: m[3] }];
  if (env.tag && NETIF_TAGS.test(env.tag) && /\blost ip\b|STA_LOST_IP/i.test(env.msg)) return [{ kind: 'lost-ip' }];
  return undefined;
}
