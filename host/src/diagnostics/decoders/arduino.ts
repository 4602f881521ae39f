// Arduino-ESP32 2.x/3.x: `[ T][W][WiFiGeneric.cpp:N] _eventCallback(): Reason: 201 - NO_AP_FOUND`
// (3.x prints the same from STA.cpp) and its `Arduino Event: N - NAME` lines, whose numbers
// changed between versions — so only the names are read.
import type { Envelope } from '../envelope.js';
import type { Observation } from '../types.js';

const EVENTS: Record<string, Observation> = {
  STA_CONNECTED: { kind: 'connected' },
  STA_GOT_IP: { kind: 'got-ip' },
  STA_LOST_IP: { kind: 'lost-ip' },
  STA_DISCONNECTED: { kind: 'disconnect', source: 'arduino' },
};

export function decodeArduino(env: Envelope): Observation[] | undefined {
  if (env.dialect !== 'arduino') return undefined;
  let m = /\bReason:\s*(\d+)\s*-\s*([A-Z0-9_]+)/.exec(env.msg);
  if (m) return [{ kind: 'disconnect', reason: Number(m[1]), reasonText: m[2], source: 'arduino' }];
  m = /Arduino Event:\s*\d+\s*-\s*([A-Z0-9_]+)/.exec(env.msg);
  if (m) {
    const o = EVENTS[m[1]!];
    return o ? [o] : [];
  }
  return undefined;
}
