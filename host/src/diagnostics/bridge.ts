// Our bridge firmware's event frames as observations: exact where log lines are hints. They feed
// the same episode builder as any console line (DESIGN: diagnostics stack).
import type { Observation } from './types.js';

const text = (v: unknown): string | undefined => (Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One device event (verb and decoded fields) → observations; verbs without meaning here → []. */
export function bridgeObservations(verb: string, f: Record<string, unknown>): Observation[] {
  switch (verb) {
    case 'connected':
      return [{ kind: 'connected', ...opt('ssid', text(f.ssid)), ...opt('bssid', text(f.bssid)?.toLowerCase()), ...opt('channel', num(f.ch)), ...opt('aid', num(f.aid)) }];
    case 'disconnected':
      return [{ kind: 'disconnect', source: 'bridge', ...opt('reason', num(f.reason)), ...opt('rssi', rssi(num(f.rssi))), ...opt('ssid', text(f.ssid)), ...opt('bssid', text(f.bssid)?.toLowerCase()) }];
    case 'got_ip':
      return [{ kind: 'got-ip', ...opt('ip', text(f.ip)), ...opt('mask', text(f.mask)), ...opt('gw', text(f.gw)) }];
    case 'lost_ip':
      return [{ kind: 'lost-ip' }];
    case 'beacon_timeout':
      return [{ kind: 'beacon-timeout' }];
    case 'rssi_low': {
      const r = rssi(num(f.rssi));
      return r === undefined ? [] : [{ kind: 'rssi', rssi: r }];
    }
    case 'home_channel_change': {
      const ch = num(f.new_ch);
      return ch === undefined ? [] : [{ kind: 'channel', primary: ch, secondary: 0 }];
    }
    default:
      return [];
  }
}

/** A hello the host did not ask for: the board restarted, the reason in the bridge's words. */
export function helloObservation(reset: string): Observation {
  return { kind: 'boot', marker: 'hello', resetName: reset.toUpperCase() };
}

// 0 and -127 mean "not heard" on the wire.
const rssi = (v: number | undefined): number | undefined => (v !== undefined && v < 0 && v > -127 ? v : undefined);

function opt<K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, V>);
}
