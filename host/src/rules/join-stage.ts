// Where a failed or ended connection stood when it ended, from what the device says anyway.
//
// Reason 2 (AUTH_EXPIRE) is ambiguous: the station's own authentication timer (an AP that does
// not answer, or vanished), an AP that drops a connected station, and — with some APs — a wrong
// WPA/WPA2 password, deauthenticated during the key handshake. The DISCONNECTED event does not
// say which. Two facts do: whether CONNECTED came first (then the password was accepted), and
// the Wi-Fi driver's state line just before the event, `wifi:state: <from> -> init (<code>)`
// with code = reason << 8 | frame (ESP-IDF FAQ; see shared/reference/esp-idf-logs.md). Leaving
// from `run` without a CONNECTED means association had succeeded and the handshake had not.
// The line is only a hint (formats drift, logging may be off): no line, no stage.

/** auth / assoc: the attempt ended there; handshake: associated but never CONNECTED;
 *  connected: CONNECTED had been reported. */
export type JoinStage = 'auth' | 'assoc' | 'handshake' | 'connected';

export interface DriverLeave {
  /** The driver state the station left: auth, assoc or run. */
  from: 'auth' | 'assoc' | 'run';
  reason: number;
  /** The AP's deauthentication or disassociation frame caused it (frame byte c0 / a0). */
  byAp: boolean;
}

// v4.x+ prints `state: run -> init (fc0)`, v5.x+ may add 0x; the reason is the code's high byte(s).
const LEAVE_RE = /^state:\s*(auth|assoc|run)\s*->\s*init\s*\((?:0x)?([0-9a-f]+)\)/i;

/** Parses the driver's "back to init" state line (tag `wifi`); undefined for anything else. */
export function parseDriverLeave(tag: string | undefined, text: string): DriverLeave | undefined {
  if (tag !== 'wifi') return undefined;
  const m = LEAVE_RE.exec(text);
  if (!m) return undefined;
  const code = parseInt(m[2]!, 16);
  const frame = code & 0xff;
  return { from: m[1]!.toLowerCase() as DriverLeave['from'], reason: code >> 8, byAp: frame === 0xc0 || frame === 0xa0 };
}

/** The stage a DISCONNECTED ended, from whether CONNECTED preceded it and the driver's last
 *  state line — used only when that line names the same reason (it belongs to this event). */
export function joinStage(wasConnected: boolean, reason: number, leave: DriverLeave | undefined): JoinStage | undefined {
  if (wasConnected) return 'connected';
  if (!leave || leave.reason !== reason) return undefined;
  return leave.from === 'run' ? 'handshake' : leave.from;
}

/** Whether a password-family reason counts as evidence of a wrong password at this stage. A
 *  connection that reached CONNECTED had its password accepted; 2 counts only when the AP ended
 *  the attempt after association (the handshake), never on its own. */
export function passwordStageEvidence(reason: number, stage: JoinStage | undefined): boolean {
  if (stage === 'connected') return false;
  if (reason === AUTH_EXPIRE) return stage === 'handshake';
  return true;
}

export const AUTH_EXPIRE = 2;
