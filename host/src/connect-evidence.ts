// What a verdict on a failed connect rests on, gathered while the station works: the facts of the
// configuration this process wrote (never the password), what the board last heard (the last
// scan of all SSIDs), the last disconnect that was not the user's, and the reconnection policy's
// own conclusion. diagnose() turns them into a verdict (connect-failure.ts explains), scanning
// first when what the board last heard is too old to speak for the present.
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import { toBytes } from './convert/bytes.js';
import { explainConnectFailure, NOT_FOUND_REASONS, type ConfigFacts } from './connect-failure.js';
import type { ApRecord, DisconnectInfo, GaveUpInfo, LikelyCause, ScanOptions, StationConfig, StoredConfig } from './types.js';

/** A failed connect explained (see connect-failure.ts): what the board last heard and what it means. */
export interface ConnectDiagnosis {
  likely?: LikelyCause;
  disconnect?: DisconnectInfo;
  /** The scan the verdict is based on (all SSIDs), when one could be made. */
  heard?: readonly ApRecord[];
}

export interface EvidenceHost {
  clock: Clock;
  log: Logger;
  /** The board's stored configuration (when this process did not write it). */
  getConfig(): Promise<StoredConfig>;
  /** A scan of all SSIDs (it comes back through scanned()). */
  scan(): Promise<readonly ApRecord[]>;
  /** Failed attempts in the series, and the RSSI the policy counts as heard well. */
  attempts(): number;
  goodRssi(): number;
}

/** A scan younger than this still describes what the board hears. */
const RECENT_SCAN_MS = 10_000;

export class ConnectEvidence {
  /** Non-secret facts of the configuration this process wrote; null when it is not known here
   *  (opened on a running board, or the board rebooted). */
  private config: ConfigFacts | null = null;
  /** The last scan of all SSIDs and when it finished. */
  private heard: { at: number; records: readonly ApRecord[] } | null = null;
  /** The last disconnect of this connect series that was not the user's own. */
  private lastFailure: DisconnectInfo | null = null;
  /** The policy's conclusion when it gave up on a streak of password-family reasons. */
  private policyLikely: LikelyCause | undefined;

  constructor(private readonly host: EvidenceHost) {}

  /** configure() wrote `cfg` to the board. */
  wroteConfig(cfg: StationConfig): void {
    const pass = cfg.password === undefined ? undefined : toBytes(cfg.password);
    this.config = {
      ssid: toBytes(cfg.ssid),
      passwordSet: pass !== undefined && pass.length > 0,
      passwordLength: pass?.length,
      bssid: cfg.bssid,
      rssiThreshold: cfg.rssiThreshold,
      authThreshold: cfg.authThreshold,
      pmf: cfg.pmf,
    };
  }

  /** The board rebooted: its configuration (storage-dependent) and what it heard are unknown. */
  forget(): void {
    this.config = null;
    this.heard = null;
  }

  /** connect(): a new series, the conclusions about the last one no longer apply. */
  newSeries(): void {
    this.policyLikely = undefined;
    this.lastFailure = null;
  }

  /** A scan finished; one of all SSIDs on all channels is what the board hears now. */
  scanned(opts: ScanOptions, records: readonly ApRecord[]): void {
    if (!opts.ssid && !opts.bssid && !opts.channel && !opts.channelBitmap) this.heard = { at: this.host.clock.now(), records };
  }

  /** What decodeReason may use about a disconnect from `ssid`: whether a password is set, and
   *  the security the board last heard the network with (a password problem from a security one). */
  reasonContext(ssid: Buffer): { passwordSet?: boolean; apAuth?: string } {
    const ap = this.heard?.records.find((a) => a.ssid.equals(this.config?.ssid ?? ssid));
    return { ...(this.config ? { passwordSet: this.config.passwordSet } : {}), ...(ap ? { apAuth: ap.auth } : {}) };
  }

  disconnected(info: DisconnectInfo): void {
    if (!info.userInitiated) this.lastFailure = info;
  }

  policyGaveUp(likely: LikelyCause | undefined): void {
    this.policyLikely = likely;
  }

  /** The policy gave up after `last` and `attempts` attempts: the gaveUp event with one verdict
   *  for the event, its disconnect and the ConnectError — diagnose(), or what the reasons said
   *  when nothing could be read or scanned. */
  async gaveUp(last: DisconnectInfo, attempts: number): Promise<GaveUpInfo> {
    const verdict = await this.diagnose().catch((err: unknown): ConnectDiagnosis => {
      this.host.log.debug({ err }, 'no scan-based verdict for the failed connect');
      const likely = this.policyLikely ?? last.likely;
      return likely ? { likely } : {};
    });
    const disconnect: DisconnectInfo = { ...last };
    if (verdict.likely) disconnect.likely = verdict.likely;
    else delete disconnect.likely;
    return { reason: last.reason, attempts, disconnect, ...(verdict.likely ? { likely: verdict.likely } : {}) };
  }

  /** Why the last connect failed, from a scan younger than 10 s, else a fresh one when the
   *  reason is one a scan can explain. `likely` only when the evidence supports a cause. */
  async diagnose(): Promise<ConnectDiagnosis> {
    const last = this.lastFailure ?? undefined;
    const config = this.config ?? (await this.host.getConfig().then(
      (c): ConfigFacts => ({ ssid: c.ssid, passwordSet: c.passwordSet, bssid: c.bssid, rssiThreshold: c.rssiThreshold, authThreshold: c.authThreshold, pmf: c.pmf }),
      () => null,
    ));
    if (!config) {
      // No configuration to compare with: only what the reasons themselves said.
      const likely = this.policyLikely ?? last?.likely;
      return { ...(likely ? { likely } : {}), ...(last ? { disconnect: last } : {}) };
    }
    let heard: readonly ApRecord[] | undefined;
    if (this.heard && this.host.clock.now() - this.heard.at < RECENT_SCAN_MS) heard = this.heard.records;
    else if (!last || NOT_FOUND_REASONS.has(last.reason)) heard = await this.host.scan().catch((err: unknown) => {
      this.host.log.debug({ err }, 'no scan for the connect verdict');
      return undefined;
    });
    const likely = explainConnectFailure({
      reason: last?.reason,
      rssi: last?.rssi,
      attempts: this.host.attempts() || undefined,
      policyLikely: this.policyLikely,
      config,
      heard,
      goodRssi: this.host.goodRssi(),
    });
    const out: ConnectDiagnosis = {};
    if (likely) out.likely = likely;
    if (last) out.disconnect = last;
    if (heard) out.heard = heard;
    return out;
  }
}
