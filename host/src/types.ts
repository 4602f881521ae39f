// Public value types of the station API. Plain data only: no behaviour lives here,
// so the CLI, the HIL suite and the benchmarks can import them without pulling in a transport.
import type { LikelyCause } from './reasons.js';

/** The hello fields (also returned by `info`). */
export interface DeviceInfo {
  proto: string;
  fw: string;
  idf: string;
  chip: string;
  rev: number;
  mac: string; // aa:bb:cc:dd:ee:ff
  reset: string; // protocol reset_reason name: poweron, panic, brownout, sw, task_wdt, ...
  /** Hash of the protocol.json the firmware was built from (absent from older firmware). */
  def?: string;
}

/** The seed's station phases as the firmware reports them (enum `phase` in protocol.json). */
export type StationPhase = 'uninit' | 'init' | 'started' | 'connecting' | 'connected' | 'got_ip';

export type WifiMode = 'null' | 'sta' | 'ap' | 'apsta';

export interface StationConfig {
  ssid: string | Buffer;
  /** Never logged, never echoed back by the firmware, never put into an error. */
  password?: string | Buffer;
  bssid?: string;
  channel?: number;
  scanMethod?: 'fast' | 'all';
  sortMethod?: 'signal' | 'security';
  rssiThreshold?: number;
  authThreshold?: string;
  pmf?: 'off' | 'capable' | 'required';
  failureRetryCount?: number;
  listenInterval?: number;
}

/** What `getConfig()` returns: the stored configuration without the password. */
export interface StoredConfig {
  ssid: Buffer;
  ssidText: string;
  passwordSet: boolean;
  bssid?: string;
  channel?: number;
  scanMethod?: string;
  sortMethod?: string;
  rssiThreshold?: number;
  authThreshold?: string;
  pmf?: string;
  failureRetryCount?: number;
  listenInterval?: number;
}

export interface ScanOptions {
  ssid?: string | Buffer;
  bssid?: string;
  /** 0 or absent = all channels. */
  channel?: number;
  showHidden?: boolean;
  type?: 'active' | 'passive';
  activeMinMs?: number;
  activeMaxMs?: number;
  passiveMs?: number;
  homeChannelDwellMs?: number;
  /** 2.4 GHz channel bitmap, bit N = channel N (needs channel 0). */
  channelBitmap?: number;
  coexBackground?: boolean;
  /** Seed "Scan in Blocked Mode": the board answers when the scan is over and sends no
   *  SCAN_DONE; the records are fetched (once, rule 1) right after its reply. */
  block?: boolean;
  /** Per-call timeout; the default is derived from the dwell times (see rules.ts). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ApRecord {
  ssid: Buffer;
  /** The SSID for display: UTF-8 when it is valid UTF-8, otherwise with \xHH escapes. */
  ssidText: string;
  rssi: number;
  bssid: string;
  channel: number;
  auth: string;
  pairwise: string;
  group: string;
  /** PHY letters as on the wire (b g n l a c x w f), '-' when empty. */
  phy: string;
  second?: string;
  bandwidth?: string;
  country?: string;
}

/** WIFI_EVENT_STA_CONNECTED: the AP the station joined. */
export interface ConnectedInfo {
  ssid: Buffer;
  ssidText: string;
  bssid: string;
  channel: number;
  auth: string;
  aid: number;
}

export interface IpInfo {
  ip: string;
  mask: string;
  gw: string;
  /** IP_EVENT_STA_GOT_IP's ip_change flag (seed s7.1). */
  changed: boolean;
}

/** Likely cause with the evidence that led to it — never a certainty (defined with the decoder). */
export type { LikelyCause };

export interface DisconnectInfo {
  reason: number;
  name: string;
  meaning: string;
  cause: string;
  action: string;
  likely?: LikelyCause;
  rssi: number;
  ssid: Buffer;
  ssidText: string;
  bssid: string;
  /** The user asked for it (disconnect()/stop()), so nobody will reconnect. */
  userInitiated: boolean;
  /** Expected by the library (roaming, a protocol/bandwidth change): not counted as a failure. */
  expected: boolean;
}

export interface ResetInfo {
  reason: string;
  info: DeviceInfo;
  /** False for the hello the library asked for (reset()). */
  unexpected: boolean;
}

export interface StationStatus {
  phase: StationPhase;
  mode: string;
  scan: string;
  scanId: number;
  unfetched: number;
  ssid?: Buffer;
  ssidText?: string;
  bssid?: string;
  channel?: number;
  rssi?: number;
  ip?: string;
  mask?: string;
  gw?: string;
  lastReason: number;
  seq: number;
  rxFrames: number;
  badCrc: number;
  tooLong: number;
  malformed: number;
  cleared: number;
  /** Bytes of the bridge task's stack never used since boot; only from firmware that can tell. */
  stackFree?: number;
}

export interface ApInfo {
  ssid: Buffer;
  ssidText: string;
  bssid: string;
  channel: number;
  rssi: number;
  auth: string;
  pairwise: string;
  group: string;
  phy: string;
  second: string;
  bandwidth: string;
  country: string;
}

export interface ReconnectingInfo {
  attempt: number;
  delayMs: number;
  reason: number;
}

export interface GaveUpInfo {
  reason: number;
  attempts: number;
  likely?: LikelyCause;
  disconnect: DisconnectInfo;
}

/** A device log line (ESP_LOG shape parsed when present), as the codec produces it. */
export type { DeviceLogLine } from './codec/stream.js';
