// ESP-AT: its command port says only `WIFI DISCONNECT` / `WIFI CONNECTED` / `WIFI GOT IP`; the
// reason is on the log UART as `at-wifi: wifi disconnected, rc:<code>`.
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

const AT_PORT: Record<string, Observation | undefined> = {
  'WIFI DISCONNECT': { kind: 'disconnect', source: 'esp-at' },
  'WIFI CONNECTED': { kind: 'connected' },
  'WIFI GOT IP': { kind: 'got-ip' },
};

export function decodeEspAt(env: Envelope): Observation[] | undefined {
  if (!env.dialect && env.msg.length <= 20) {
    const at = AT_PORT[env.msg.trim()];
    if (at) return [at];
  }
  const msg = env.tag === 'at-wifi' ? env.msg : /^at-wifi:\s*(.*)$/.exec(env.msg)?.[1];
  if (msg === undefined) return undefined;
  let m = /wifi disconnected, rc:\s*(\d+)/i.exec(msg);
  if (m) return [{ kind: 'disconnect', reason: Number(m[1]), source: 'esp-at' }];
  m = /wifi reconnect\.*\s*\((\d+)\/(\d+)\)/i.exec(msg);
  if (m) return [{ kind: 'reconnect', attempt: Number(m[1]), of: Number(m[2]) }];
  return undefined;
}
