// The diagnostics stack's data: what a decoder may state about one console line (observations),
// the connection episodes the builder folds them into, and the verdicts drawn from those.

/** Where a line sits in the stream: its number, the device's clock and the host's. */
export interface LineRef {
  /** 1-based line number in the source. */
  line: number;
  /** Milliseconds since boot as the line printed it (ESP-IDF `(T)`, Arduino `[ T]`). */
  t?: number;
  /** Wall-clock time of day the device printed (`HH:MM:SS.mmm`), as ms since midnight. */
  clock?: number;
  /** Host time (ms since epoch) when the line arrived (live ports only). */
  host?: number;
  /** Boot number (0 before the first banner seen). */
  boot: number;
  /** A monotonic ms timeline over the whole log, when the log's clocks allow one. */
  at?: number;
}

/** Console dialect a line was decoded as. */
export type Dialect = 'esp-idf' | 'arduino' | 'esphome' | 'esp-at' | 'espeasy' | 'app' | 'rom' | 'bridge';

/** Who sent the frame that moved the driver to init (low byte of the state line's code). */
export type FrameCause = 'deauth' | 'disassoc' | 'local';

export type WifiState = 'init' | 'auth' | 'assoc' | 'run';

/** What one line states — nothing more. */
export type Observation =
  | { kind: 'state'; from: WifiState | string; to: WifiState | string; code: number; codeText: string;
      /** Reason encoded in a backward step (reason << 8 | frame type), when the encoding is unambiguous. */
      reasonHint?: number; frame?: FrameCause }
  | { kind: 'connect-start'; ssid?: string }
  | { kind: 'scan-start' }
  | { kind: 'auth-step'; what: 'auth-timer' | 'auth-recv' | 'assoc-recv' | 'handshake-timer'; status?: number }
  | { kind: 'connected'; ssid?: string; bssid?: string; channel?: number; aid?: number; bandwidth?: string }
  | { kind: 'security'; auth: string; phy?: string; rssi?: number }
  | { kind: 'rssi'; rssi: number }
  | { kind: 'channel'; primary: number; secondary: number }
  | { kind: 'beacon-timeout' }
  | { kind: 'probe-over' }
  | { kind: 'handshake-timeout'; n?: number }
  | { kind: 'disconnect'; reason?: number; reasonText?: string;
      /** The driver's DISCONNECTED event (or an app printing that event's reason): the truth. */
      source: 'driver-event' | 'arduino' | 'esphome' | 'esp-at' | 'espeasy' | 'app' | 'bridge';
      ssid?: string; bssid?: string; rssi?: number; connectedMs?: number; note?: string }
  | { kind: 'reconnect'; attempt?: number; of?: number }
  | { kind: 'got-ip'; ip?: string; mask?: string; gw?: string }
  | { kind: 'lost-ip' }
  | { kind: 'power-save'; on: boolean }
  | { kind: 'boot'; marker: 'rom' | 'reset-reason' | 'bootloader' | 'app-start' | 'hello'; resetCode?: number; resetName?: string; chip?: string }
  | { kind: 'crash'; what: CrashKind; detail: string };

export type CrashKind = 'panic' | 'brownout' | 'watchdog' | 'abort' | 'stack-overflow';

/** A line after decoding: its envelope, and zero or more observations. */
export interface DecodedLine {
  ref: LineRef;
  dialect?: Dialect;
  level?: string;
  tag?: string;
  /** The line's text without colour codes and line ending (masked when a secret was given). */
  text: string;
  observations: Observation[];
}

export type EndedBy = 'ap' | 'local-timeout' | 'app' | 'reboot' | 'crash' | 'log-end' | 'unknown';

export interface EpisodeEnd {
  kind: 'disconnect' | 'reboot' | 'crash' | 'log-end' | 'superseded';
  at: LineRef;
  reason?: number;
  reasonName?: string;
  /** Which line the reason came from: the driver's event beats the state-line hint. */
  reasonSource?: 'event' | 'state-line' | 'esphome-text' | 'app' | 'bridge';
  endedBy: EndedBy;
  /** The reason as text when the line printed one (ESPHome, Arduino, ESPEasy). */
  reasonText?: string;
  /** What the decoder could not map (an ESPHome text without a code). */
  note?: string;
  /** The state line and the event disagreed about the reason: both are kept. */
  disagreement?: { stateLineReason: number; eventReason: number; note: string };
  crash?: CrashKind;
  resetName?: string;
}

export type StepName = 'attempt' | 'scan' | 'auth' | 'assoc' | 'handshake' | 'run' | 'gotIp';

export interface Episode {
  id: number;
  boot: number;
  start: LineRef;
  steps: Partial<Record<StepName, LineRef>>;
  ssid?: string;
  bssid?: string;
  channel?: number;
  rssi?: number;
  auth?: string;
  ip?: string;
  /** IP changes inside the episode (DHCP handing out another address). */
  ipChanges: Array<{ from: string; to: string; at: LineRef }>;
  roams: Array<{ from?: string; to: string; at: LineRef }>;
  /** ms from the attempt to got-IP, when both carry device time in the same boot. */
  timeToIpMs?: number;
  /** ms from connected (run) to the end, when both carry device time. */
  connectedMs?: number;
  end?: EpisodeEnd;
  /** Failure of this episode in a row of failures since the last success (1-based), else 0. */
  failureRun: number;
  verdict?: EpisodeVerdict;
}

export interface EpisodeVerdict {
  failure: boolean;
  summary: string;
  evidence: string;
  action: string;
}

export type Severity = 'problem' | 'warning' | 'info' | 'ok';

export interface Verdict {
  id: string;
  severity: Severity;
  title: string;
  evidence: string;
  action: string;
  /** Episode ids the verdict rests on (first 50). */
  episodes: number[];
}
