// A DISCONNECTED explained for the user: the reason's name, meaning, cause and action (reasons.ts)
// read with what is known about the attempt — where it ended, how many failed before, the RSSI,
// whether a password is set, the security the board last heard the network with — and whether
// it was the user's own or one the library expected (roaming, a configuration change) as the
// reconnection policy decided. Pure.
import type { DisconnectFacts } from './convert/events.js';
import { decodeReason, type ReasonContext } from './reasons.js';
import type { Decision } from './rules/reconnect-policy.js';
import type { DisconnectInfo } from './types.js';

/** `f` is the event, or the reason alone when a re-read status revealed a lost disconnect. */
export function describeDisconnect(f: Pick<DisconnectFacts, 'reason' | 'rssi'> & Partial<DisconnectFacts>, decision: Decision, ctx: Omit<ReasonContext, 'rssi'>): DisconnectInfo {
  const { reason, rssi } = f;
  const d = decodeReason(reason, { rssi, ...ctx });
  const info: DisconnectInfo = {
    reason,
    name: d.name,
    meaning: d.meaning,
    cause: d.cause,
    action: d.action,
    rssi,
    ssid: f.ssid ?? Buffer.alloc(0),
    ssidText: f.ssidText ?? '',
    bssid: f.bssid ?? '',
    userInitiated: decision.action === 'ignore' && decision.why === 'user',
    expected: decision.action === 'ignore' && decision.why !== 'user',
  };
  if (d.likely) info.likely = d.likely;
  return info;
}
