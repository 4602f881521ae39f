// The ESP-IDF Wi-Fi driver's own lines (tag `wifi`, v3.x with a space after the colon, v4.x+
// without): state changes, connected/security/channel lines, the beacon-timeout probe path, the
// disconnect event and the debug-level auth/assoc/handshake steps.
import type { DriverLeave } from '../../rules/join-stage.js';
import type { Envelope } from '../envelope.js';
import type { FrameCause, Observation, WifiState } from '../types.js';

const STATE_NAMES: Record<string, WifiState> = { init: 'init', auth: 'auth', assoc: 'assoc', run: 'run', '0': 'init', '2': 'auth', '3': 'assoc', '5': 'run' };
const FRAMES: Record<number, FrameCause> = { 0x00: 'local', 0xa0: 'disassoc', 0xc0: 'deauth' };

// wifi_auth_mode_t values that every ESP-IDF version numbers the same; later ones moved between
// versions, so those stay numbers.
const OLD_AUTH_MODES = ['OPEN', 'WEP', 'WPA-PSK', 'WPA2-PSK', 'WPA/WPA2-PSK'];

function stateObservation(from: string, to: string, codeText: string): Observation {
  const code = parseInt(codeText.replace(/^0x/i, ''), 16);
  const obs: Observation = { kind: 'state', from: STATE_NAMES[from] ?? from, to: STATE_NAMES[to] ?? to, code, codeText };
  if ((STATE_NAMES[to] ?? to) !== 'init' || !Number.isFinite(code)) return obs;
  // Backward step: reason << 8 | frame type. `(0)` is the app's own disconnect; a value whose low
  // byte is a known frame type is unambiguous. Old firmware printed the reason alone: a small
  // value reads the same in hex and decimal only below 10; anything else is left undecoded.
  const frame = FRAMES[code & 0xff];
  if (code === 0) return { ...obs, reasonHint: 0, frame: 'local' };
  if (code >= 0x100 && frame) return { ...obs, reasonHint: code >> 8, frame };
  if (code < 10) return { ...obs, reasonHint: code };
  return obs;
}

const STATE_RE = /^state:\s*(\w+) -> (\w+) \((?:0x)?([0-9a-f]+)\)/i;

/** The driver's step back to init, as the live board reads it from a device log line (tag
 *  `wifi`): where the station was and the reason the code names; undefined for anything else. */
export function driverLeave(tag: string | undefined, text: string): DriverLeave | undefined {
  if (tag !== 'wifi') return undefined;
  const m = STATE_RE.exec(text);
  if (!m) return undefined;
  const o = stateObservation(m[1]!, m[2]!, m[3]!);
  if (o.kind !== 'state' || o.reasonHint === undefined || (o.from !== 'auth' && o.from !== 'assoc' && o.from !== 'run')) return undefined;
  return { from: o.from, reason: o.reasonHint, byAp: o.frame === 'deauth' || o.frame === 'disassoc' };
}

const RULES: Array<[RegExp, (m: RegExpExecArray) => Observation | undefined]> = [
  [STATE_RE, (m) => stateObservation(m[1]!, m[2]!, m[3]!)],
  [/^connected with (.*), aid = (\d+), channel (\d+), (?:(BW)?(20|40U|40D|40|80|160)\s*,\s*)?bssid = ([0-9a-f]{2}(?::[0-9a-f]{2}){5})/i,
    (m) => ({ kind: 'connected', ssid: m[1], aid: Number(m[2]), channel: Number(m[3]), ...(m[5] ? { bandwidth: m[5] } : {}), bssid: m[6]!.toLowerCase() })],
  [/^security:\s*([^,]+), phy:\s*([^,]+), rssi:\s*(-?\d+)/i, (m) => ({ kind: 'security', auth: m[1]!.trim(), phy: m[2]!.trim(), rssi: Number(m[3]) })],
  [/^security type:\s*(\d+), phy:\s*([^,]+), rssi:\s*(-?\d+)/i,
    (m) => ({ kind: 'security', auth: OLD_AUTH_MODES[Number(m[1])] ?? `auth mode ${m[1]}`, phy: m[2]!.trim(), rssi: Number(m[3]) })],
  [/^new:<(\d+),(\d+)>, old:<\d+,\d+>, ap:<\d+,\d+>, sta:<(\d+),(\d+)>/, (m) => ({ kind: 'channel', primary: Number(m[3]), secondary: Number(m[4]) })],
  [/^bcn_tim(?:e)?out,\s*ap_probe_send_start/, () => ({ kind: 'beacon-timeout' })],
  [/^ap_probe_send over/, () => ({ kind: 'probe-over' })],
  [/^Send disconnect event, reason\s*=\s*(\d+)/i, (m) => ({ kind: 'disconnect', reason: Number(m[1]), source: 'driver-event' })],
  [/send dia?s+oc for 4 way handshake timeout\s*\(?(\d+)?/i, (m) => ({ kind: 'handshake-timeout', ...(m[1] ? { n: Number(m[1]) } : {}) })],
  [/^start \d+s AUTH timer/i, () => ({ kind: 'auth-step', what: 'auth-timer' })],
  [/^recv auth: seq=\d+, status=(\d+)/i, (m) => ({ kind: 'auth-step', what: 'auth-recv', status: Number(m[1]) })],
  [/^recv assoc: type=/i, () => ({ kind: 'auth-step', what: 'assoc-recv' })],
  [/^start \d+s connect timer for 4 way handshake/i, () => ({ kind: 'auth-step', what: 'handshake-timer' })],
  [/^pm start\b/, () => ({ kind: 'power-save', on: true })],
  [/^pm stop\b/, () => ({ kind: 'power-save', on: false })],
];

export function decodeIdfDriver(env: Envelope): Observation[] | undefined {
  if (env.tag !== 'wifi') return undefined;
  for (const [re, make] of RULES) {
    const m = re.exec(env.msg);
    if (m) {
      const o = make(m);
      return o ? [o] : [];
    }
  }
  return undefined;
}
