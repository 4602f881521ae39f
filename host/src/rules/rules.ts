// The esp_wifi rules the host library enforces, in one place. Read this file to know what the
// library does on your behalf; every number is an option (`openBoard({ rules })`).
//
//  1. Exactly one get_ap_records per SCAN_DONE (seed "Scan-Done Event Handling Phase", s3.2: the
//     driver frees its records on the first call; "Do not call esp_wifi_scan_get_ap_records()
//     twice for a single scan-done event"). The result is cached by scan id, so asking again —
//     scan results, or a raw `ap_records` request — is answered from the cache and never
//     provokes the firmware's ALREADY_FETCHED.
//  2. Records are never left in the driver (same section: "If esp_wifi_scan_get_ap_records() is
//     not called when the scan-done event occurs, the AP records ... will not be freed"). A
//     SCAN_DONE nobody is waiting for (a scan whose caller timed out or aborted, a raw scan) is
//     fetched anyway and then cached or dropped, as `unrequestedScanResults` says. A blocking
//     raw scan (no SCAN_DONE at all, seed "Scan in Blocked Mode") is fetched right after its reply.
//     Board.scanStop() returns once the stopped scan's SCAN_DONE came and its records are fetched,
//     and Board.close() lets a fetch in flight finish (both bounded), so a caller that gives up on
//     a scan and closes the port leaves nothing behind.
//  3. No concurrent scans (seed "Parallel Scan": "concurrent scans should be avoided"). Callers
//     asking for the same scan while it runs share it; a scan with other options queues behind.
//  4. Scan while connecting (seed "Scan When Wi-Fi Is Connecting": esp_wifi_scan_start "fails
//     immediately if the Wi-Fi is connecting ... delay for some time and retry"). The device
//     answers WIFI_STATE; the library holds its reconnection policy for the whole scan — so the
//     running attempt ends and no new one starts — waits `scanRetryDelayMs`, retries, and
//     resumes the policy when the scan is over. (Holding it for the whole scan also keeps a
//     policy reconnect from aborting a scan that did start: the driver gives connecting
//     priority.) A scan the driver ends early (SCAN_DONE status 1 without scanStop()) is
//     fetched and then repeated. A wrong-password reconnect loop therefore cannot starve scans.
//     The other way round, a user's connect() while a scan of this library runs waits for the
//     scan (within its time budget) instead of being refused: the bridge answers a connect during
//     a scan with SCAN_IN_PROGRESS rather than let the driver abort the scan (Board.connect).
//  5. The reconnection policy itself (immediate attempts, backoff, cap, maximum, user disconnect,
//     likely wrong password, roaming, configuration-forced reconnects): reconnect-policy.ts.
//  6. Socket-level work waits for GOT_IP (seed s5.3 "DO NOT start the socket-related work before
//     the IP is received"): Board.waitForIp(). An IP change is its own event, `ipChanged`
//     (seed s7.1/s7.2: "the timing is good for closing all created sockets and recreating them").
//  7. Configuration calls that make the driver reconnect (seed "Wi-Fi Configuration Phase":
//     esp_wifi_set_protocol() and friends "will cause the Wi-Fi to reconnect") return
//     `{ reconnect: true }` and the disconnect they cause is not counted as a failure.

import type { ApRecord, ScanOptions } from '../types.js';

export interface RuleOptions {
  /** Rule 4. How long to wait before retrying a scan the driver refused because the station is
   *  connecting. A connect attempt (connect scan + auth + assoc + handshake) lasts on the order of
   *  a second; 300 ms retries a few times per attempt without flooding the link. */
  scanRetryDelayMs: number;
  /** Rule 4. Give up retrying (WIFI_STATE surfaces as a CommandError) after this long. With the
   *  policy paused, one connect attempt has to finish: its worst case is the connect scan over
   *  all channels plus the handshake timeouts, well under 15 s. */
  scanRetryTimeoutMs: number;
  /** Rule 2. What to do with the records of a SCAN_DONE nobody waits for, after fetching them. */
  unrequestedScanResults: 'cache' | 'discard';
  /** Rule 1. How many scans' records stay cached (by driver scan id, which wraps at 255). */
  scanCacheSize: number;
  /** Margin added to the computed scan duration before a scan() times out. The duration follows
   *  the seed's dwell table (120 ms active default, 360 ms passive default, plus 30 ms home-channel
   *  dwell per channel for background scans); the margin covers the serial link and a slow start. */
  scanTimeoutMarginMs: number;
}

export const DEFAULT_RULE_OPTIONS: Readonly<RuleOptions> = Object.freeze({
  scanRetryDelayMs: 300,
  scanRetryTimeoutMs: 15_000,
  unrequestedScanResults: 'cache',
  scanCacheSize: 8,
  scanTimeoutMarginMs: 5000,
});

export function resolveRuleOptions(opts: Partial<RuleOptions> = {}): RuleOptions {
  const r = { ...DEFAULT_RULE_OPTIONS, ...opts };
  for (const k of ['scanRetryDelayMs', 'scanRetryTimeoutMs', 'scanCacheSize', 'scanTimeoutMarginMs'] as const) {
    if (!Number.isFinite(r[k]) || r[k] < 0) throw new RangeError(`rules: ${k} must be a number >= 0 (got ${r[k]})`);
  }
  if (r.scanCacheSize < 1) throw new RangeError('rules: scanCacheSize must be >= 1');
  if (r.unrequestedScanResults !== 'cache' && r.unrequestedScanResults !== 'discard') {
    throw new RangeError(`rules: unrequestedScanResults must be 'cache' or 'discard' (got ${String(r.unrequestedScanResults)})`);
  }
  return r;
}

// Seed "Scan Configuration": active min=0/max=0 dwells 120 ms; min>0,max=0 also 120 ms; max>0
// dwells up to max. Passive default per the driver's default scan config (esp-wifi-api.md): 360 ms.
const ACTIVE_DEFAULT_MS = 120;
const PASSIVE_DEFAULT_MS = 360;
const HOME_DWELL_DEFAULT_MS = 30; // seed "Background": back to the home channel for 30 ms
const CHANNELS_24GHZ = 14;

/** Worst-case scan duration for these options, per the seed's dwell rules. */
export function expectedScanMs(o: ScanOptions): number {
  let channels = CHANNELS_24GHZ;
  if (o.channel) channels = 1;
  else if (o.channelBitmap) channels = popcount(o.channelBitmap & 0x7ffe) || CHANNELS_24GHZ;
  const dwell = o.type === 'passive' ? o.passiveMs || PASSIVE_DEFAULT_MS : o.activeMaxMs || ACTIVE_DEFAULT_MS;
  const home = o.homeChannelDwellMs || HOME_DWELL_DEFAULT_MS;
  return channels * (dwell + home);
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Two scan() calls share one device scan when this key is equal (timeouts/signals excluded). */
export function scanKey(o: ScanOptions): string {
  const ssid = o.ssid === undefined ? '' : hex(typeof o.ssid === 'string' ? new TextEncoder().encode(o.ssid) : o.ssid);
  return JSON.stringify([
    ssid,
    o.bssid?.toLowerCase() ?? '',
    o.channel ?? 0,
    !!o.showHidden,
    o.type ?? 'active',
    o.activeMinMs ?? 0,
    o.activeMaxMs ?? 0,
    o.passiveMs ?? 0,
    o.homeChannelDwellMs ?? 0,
    o.channelBitmap ?? 0,
    !!o.coexBackground,
  ]);
}

/** Rule 1: records by driver scan id, oldest evicted first. */
export class ScanCache {
  private readonly byId = new Map<number, readonly ApRecord[]>();
  constructor(private readonly size: number) {}
  put(scanId: number, records: readonly ApRecord[]): void {
    this.byId.delete(scanId);
    this.byId.set(scanId, records);
    while (this.byId.size > this.size) this.byId.delete(this.byId.keys().next().value as number);
  }
  get(scanId: number): readonly ApRecord[] | undefined {
    return this.byId.get(scanId);
  }
  delete(scanId: number): void {
    this.byId.delete(scanId);
  }
  has(scanId: number): boolean {
    return this.byId.has(scanId);
  }
  clear(): void {
    this.byId.clear();
  }
}
