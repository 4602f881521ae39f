// Where a failed or ended connection stood when it ended, from what the device says anyway.
//
// Reason 2 (AUTH_EXPIRE) is ambiguous: the station's own authentication timer (an AP that does
// not answer, or vanished), an AP that drops a connected station, and — with some APs — a wrong
// WPA/WPA2 password, deauthenticated during the key handshake. The DISCONNECTED event does not
// say which. Two facts do: whether CONNECTED came first (then the password was accepted), and
// the Wi-Fi driver's state line just before the event, `wifi:state: <from> -> init (<code>)`
// with code = reason << 8 | frame (ESP-IDF FAQ; see shared/reference/esp-idf-logs.md). Leaving
// from `run` without a CONNECTED means association had succeeded and the handshake had not.
// The line is only a hint (formats drift, logging may be off): no line, no stage. The line is
// read by the diagnostics' ESP-IDF driver decoder (`driverLeave` in diagnostics/decoders/idf-driver.ts).

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
