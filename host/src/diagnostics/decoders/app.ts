// Application lines: apps very often log the DISCONNECTED event themselves (`WIFI_EVENT_STA_
// DISCONNECTED ... reason: 201`, `disconnected, reason 15`) — a number next to the word "reason"
// in a line that also says disconnect is that event's reason. Also the ESP-IDF station example's
// `got ip:A` and `retry to connect to the AP`.
import { decodeReason } from '../../reasons.js';
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

// Bluetooth LE also as a part of a tag (BLE_PROV, NimBLE), and NimBLE's own `disconnect; reason=N`
// (printed under any tag by its examples); time and name services; a client of the app's own
// server named by its address.
const OTHER_PROTOCOL = /mqtt|http|tcp|udp|socket|websocket|(?:^|[^a-z])ble(?:[^a-z]|$)|nimble|gatt|bluetooth|\btls\b|modbus|\bs?ntp\b|\bmdns\b|\bclient \d{1,3}(?:\.\d{1,3}){3}\b|^disconnect; reason=/i;
// A line that names Wi-Fi may carry a reason code this build does not know (a newer ESP-IDF's);
// one that does not is taken for Wi-Fi's only with a code ESP-IDF defines (an errno such as
// 104 ECONNRESET next to "disconnected" is some socket's).
const NAMES_WIFI = /wi-?fi|\bsta(?:tion)?\b|STA_DISCONNECTED|\bssid\b|\bAP\b|\bbssid\b/i;
// The board's own SoftAP losing a client (APSTA mode: provisioning, captive portals) is not the
// station's disconnect, whatever reason it prints.
const SOFTAP_SIDE = /AP_STA_?DISCONNECTED|\bsoft-?AP\b/i;
const REASON = /\breason(?:[ _]code)?\s*[:=]?\s*\(?(\d{1,3})\b/i;

export function decodeApp(env: Envelope): Observation[] | undefined {
  const msg = env.msg;
  // Another protocol's disconnect (MQTT, HTTP, a socket, BLE) is not Wi-Fi's.
  if (/disconnect/i.test(msg) && !OTHER_PROTOCOL.test(msg) && !SOFTAP_SIDE.test(msg) && !(env.tag && OTHER_PROTOCOL.test(env.tag))) {
    const m = REASON.exec(msg);
    if (!m) return undefined;
    const reason = Number(m[1]);
    if (!NAMES_WIFI.test(msg) && !decodeReason(reason).known) return undefined;
    return [{ kind: 'disconnect', reason, source: 'app' }];
  }
  if (!/ip:|connect/i.test(msg)) return undefined;
  let m = /\bgot ip:\s*(\d{1,3}(?:\.\d{1,3}){3})/i.exec(msg);
  if (m) return [{ kind: 'got-ip', ip: m[1] }];
  if (/\bretry to connect to the AP\b/i.test(msg)) return [{ kind: 'reconnect' }];
  m = /\bconnect to ap SSID:(.*?)(?: password:|$)/.exec(msg);
  if (m) return [{ kind: 'connect-start', ssid: m[1] }];
  return undefined;
}
