// The station API: the seed's phases as methods and a state machine mirrored from device
// events; scans and reconnects are run by the rules in rules/ (opening a board: open-board.ts).

import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { Client, type HelloEvent, type Reply, type RequestOptions } from './client.js';
import { abortedError, ConnectError, DeviceResetError, EspWifiError, PortError, TimeoutError } from './errors.js';
import { decodeReason } from './reasons.js';
import { commandErrorName, reasonFacts } from './reason-facts.js';
import { ReconnectState, type Decision, type ReconnectPolicy } from './rules/reconnect-policy.js';
import { ReconnectRunner } from './rules/reconnect-runner.js';
import { realClock, type Clock } from './clock.js';
import { driverLeave } from './diagnostics/decoders/idf-driver.js';
import { joinStage, type DriverLeave } from './rules/join-stage.js';
import { resolveRuleOptions, type RuleOptions } from './rules/rules.js';
import { ScanCoordinator } from './rules/scan-coordinator.js';
import { toBytes } from './convert/bytes.js';
import { apRecordsReply, configArgs, scanArgs } from './convert/to-wire.js';
import { toApInfo, toApRecords, toIpInfo, toMac, toReconnect, toRssi, toStatus, toStoredConfig } from './convert/replies.js';
import { stationEvent, type DisconnectFacts } from './convert/events.js';
import { configDigest, storedConfigMatches } from './config-match.js';
import { explainConnectFailure, type ConfigFacts } from './connect-failure.js';
import type {
  ApInfo,
  ApRecord,
  ConnectedInfo,
  DeviceInfo,
  DeviceLogLine,
  DisconnectInfo,
  GaveUpInfo,
  IpInfo,
  LikelyCause,
  ReconnectingInfo,
  ResetInfo,
  ScanOptions,
  StationConfig,
  StationPhase,
  StationStatus,
  StoredConfig,
  WifiMode,
} from './types.js';

export interface RawEvent {
  verb: string;
  fields: Record<string, unknown>;
  seq: number;
}

export interface BoardEvents {
  event: [RawEvent];
  log: [DeviceLogLine];
  staStart: [];
  staStop: [];
  connected: [ConnectedInfo];
  disconnected: [DisconnectInfo];
  gotIp: [IpInfo];
  ipChanged: [IpInfo];
  lostIp: [];
  beaconTimeout: [];
  rssiLow: [{ rssi: number }];
  authmodeChange: [{ old: string; new: string }];
  homeChannelChange: [{ oldChannel: number; oldSecond: string; newChannel: number; newSecond: string }];
  scanDone: [{ status: number; n: number; scanId: number }];
  reset: [ResetInfo];
  reconnecting: [ReconnectingInfo];
  gaveUp: [GaveUpInfo];
  resync: [{ expected: number; got: number }];
  close: [Error | undefined];
  error: [Error];
}

/** What configure() did besides storing the configuration. */
export interface ConfigureResult {
  /** The board was connected or connecting with another configuration (or one whose password
   *  cannot be compared) and left first: reason 8, nothing reconnects to the old network. */
  left?: { phase: StationPhase; ssidText: string; why: 'attempt' | 'different' | 'password-unknown' };
  /** The board is connected with exactly this configuration: nothing was sent to it, and the
   *  next connect() resolves at once with `alreadyConnected: true`. */
  unchanged: boolean;
}

/** connect()'s result: the address, and whether the station already had it (nothing was done). */
export interface ConnectResult extends IpInfo {
  alreadyConnected: boolean;
}

/** A failed connect explained (see connect-failure.ts): what the board last heard and what it means. */
export interface ConnectDiagnosis {
  likely?: LikelyCause;
  disconnect?: DisconnectInfo;
  /** The scan the verdict is based on (all SSIDs), when one could be made. */
  heard?: readonly ApRecord[];
}

interface IpWaiter {
  resolve(ip: IpInfo): void;
  reject(e: unknown): void;
}

/** Default wait for connect()/waitForIp(). One connect attempt plus DHCP is seconds; 60 s allows
 *  the policy's immediate attempts and several backoff steps before the call reports a timeout. */
const DEFAULT_CONNECT_TIMEOUT_MS = 60_000;
const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
/** A scan younger than this still describes what the board hears (for a failure verdict). */
const RECENT_SCAN_MS = 10_000;
/** How long leaving an AP may take before status is asked instead of waiting for the event. */
const LEAVE_EVENT_MS = 2000;

/** Reasons whose verdict depends on what the board hears (absent AP, security, thresholds). */
const NOT_FOUND_REASONS = new Set([200, 201, 210, 211, 212]);

export class Board extends EventEmitter<BoardEvents> {
  private _info: DeviceInfo;
  private _phase: StationPhase = 'uninit';
  private _ip: IpInfo | null = null;
  private readonly log: Logger;
  private readonly policy: ReconnectState;
  private readonly autoReconnect: boolean;
  readonly scans: ScanCoordinator;
  private ipWaiters = new Set<IpWaiter>();
  private readonly clock: Clock;
  /** Carries out the policy's decisions: backoff timers, the driver's grace, pauses for scans. */
  private readonly reconnects: ReconnectRunner;
  private lastDisconnect: DisconnectInfo | null = null;
  /** The Wi-Fi driver's last "state: X -> init" log line, for the next DISCONNECTED's stage. */
  private lastLeave: DriverLeave | undefined;
  /** The last disconnect of this connect series that was not the user's own (for verdicts). */
  private lastFailure: DisconnectInfo | null = null;
  /** Digest of the configuration this process wrote (never the password itself), or null when
   *  the board's configuration is not known to this process (opened on a running board, reset). */
  private configDigest: string | null = null;
  /** Non-secret facts of that configuration, for failure verdicts. */
  private configFacts: ConfigFacts | null = null;
  /** The last scan of all SSIDs and when it finished (what the board last heard). */
  private lastHeard: { at: number; records: readonly ApRecord[] } | null = null;
  private disconnects = 0;
  /** The policy's own conclusion when it gave up on a streak of password-family reasons. */
  private gaveUpLikely: LikelyCause | undefined;
  /** Bumped by connect() and the user's disconnect: a give-up verdict from before is stale. */
  private connectGen = 0;

  constructor(
    readonly client: Client,
    info: DeviceInfo,
    opts: { logger: Logger; reconnect?: Partial<ReconnectPolicy> | false; rules?: Partial<RuleOptions>; clock?: Clock },
  ) {
    super();
    this._info = info;
    this.log = opts.logger;
    this.clock = opts.clock ?? realClock;
    this.autoReconnect = opts.reconnect !== false;
    this.policy = new ReconnectState(opts.reconnect === false ? {} : (opts.reconnect ?? {}), { classify: reasonFacts });
    this.reconnects = new ReconnectRunner({
      clock: this.clock,
      policy: this.policy,
      waitingForConnection: () => this._phase === 'started',
      closed: () => this.client.isClosed,
      attempt: (attempt) => this.reconnectAttempt(attempt),
      graceExpired: (reason) => {
        this.log.info({ reason }, 'the driver did not re-join by itself; reconnecting');
        this.emit('reconnecting', { attempt: 1, delayMs: 0, reason });
      },
    });
    const rules = resolveRuleOptions(opts.rules);
    this.scans = new ScanCoordinator(
      {
        startScan: async (o) => {
          await this.client.request('scan', scanArgs(o));
        },
        fetchRecords: async () => {
          const reply = await this.client.request('ap_records', {});
          return toApRecords(reply.fields, reply.partials);
        },
        pauseReconnect: () => this.pauseReconnect(),
        deviceError: commandErrorName,
        timeoutError: (what, ms) => new TimeoutError(`${what}: nothing within ${ms} ms`),
        log: this.log,
      },
      rules,
      this.clock,
    );
    client.on('event', (verb: string, fields: Record<string, unknown>, seq: number) => this.onEvent(verb, fields, seq));
    client.on('hello', (h: HelloEvent) => this.onHello(h));
    client.on('resync', (g: { expected: number; got: number }) => this.onResync(g));
    client.on('log', (l: DeviceLogLine) => {
      this.lastLeave = driverLeave(l.tag, l.text) ?? this.lastLeave;
      this.emit('log', l);
    });
    client.on('close', (err?: Error) => this.onClose(err));
    client.on('fatal', (err: Error) => {
      this.failWaiters(err);
      if (this.listenerCount('error') > 0) this.emit('error', err);
      else this.log.error({ err }, 'board error');
    });
  }

  get info(): DeviceInfo {
    return this._info;
  }
  get phase(): StationPhase {
    return this._phase;
  }
  /** The current IP when the phase is got_ip. */
  get ip(): IpInfo | null {
    return this._ip;
  }
  /** The reconnection policy in force (defaults merged with your overrides). */
  get reconnectPolicy(): Readonly<ReconnectPolicy> {
    return this.policy.policy;
  }

  // ---- phases (seed "Wi-Fi Station General Scenario") -------------------------------------

  /** Seed phase 1: netif, event loop, default STA netif, esp_wifi_init. */
  async init(): Promise<void> {
    await this.client.request('init');
    if (this._phase === 'uninit') this._phase = 'init';
  }
  /** Seed phase 8.3. */
  async deinit(): Promise<void> {
    await this.client.request('deinit');
    this._phase = 'uninit';
  }
  async setMode(mode: WifiMode): Promise<void> {
    await this.client.request('mode', { m: mode });
  }
  /**
   * Seed phase 2. The password goes to the device and nowhere else (not logs, not errors).
   * The board's stored configuration always describes the connection it has: an attempt in
   * progress is stopped first, and a connection made with another configuration (or with a
   * password this process cannot compare) is left first (reason 8; nothing reconnects to it).
   * The same configuration on a connected station changes nothing (`unchanged: true`).
   */
  async configure(cfg: StationConfig): Promise<ConfigureResult> {
    if (!cfg || (typeof cfg.ssid !== 'string' && !Buffer.isBuffer(cfg.ssid))) {
      throw new EspWifiError('BAD_ARG', 'configure: `ssid` is required (string or Buffer)');
    }
    if (cfg.bssid !== undefined && !MAC_RE.test(cfg.bssid)) {
      throw new EspWifiError('BAD_ARG', `configure: bssid must look like aa:bb:cc:dd:ee:ff (got ${JSON.stringify(cfg.bssid)})`);
    }
    const pass = cfg.password === undefined ? undefined : toBytes(cfg.password);
    if (pass && pass.length > 64) throw new EspWifiError('BAD_ARG', `configure: the password is ${pass.length} bytes; at most 64 are allowed`);
    const a = configArgs(cfg);
    const digest = configDigest(a);
    const result: ConfigureResult = { unchanged: false };

    const s = await this.refresh();
    const ssidText = s.ssidText ?? '';
    if (s.phase === 'connecting') {
      await this.leave();
      result.left = { phase: s.phase, ssidText, why: 'attempt' };
    } else if (s.phase === 'connected' || s.phase === 'got_ip') {
      const same = await this.sameConfig(cfg, digest);
      if (same === true) {
        result.unchanged = true;
        return result;
      }
      await this.leave();
      result.left = { phase: s.phase, ssidText, why: same === 'password-unknown' ? 'password-unknown' : 'different' };
    }
    await this.client.request('config', a);
    this.configDigest = digest;
    this.configFacts = {
      ssid: a.ssid as Buffer,
      passwordSet: pass !== undefined && pass.length > 0,
      passwordLength: pass?.length,
      bssid: cfg.bssid,
      rssiThreshold: cfg.rssiThreshold,
      authThreshold: cfg.authThreshold,
      pmf: cfg.pmf,
    };
    return result;
  }

  /** Whether the board's configuration equals `a`: from this process' own record, else from
   *  get_config (which never returns the password, so a password cannot be compared). */
  private async sameConfig(cfg: StationConfig, digest: string): Promise<boolean | 'password-unknown'> {
    if (this.configDigest !== null) return this.configDigest === digest;
    const same = storedConfigMatches(cfg, await this.getConfig());
    if (same === true) this.configDigest = digest;
    return same;
  }

  /** Leaves the AP or stops the attempt in progress (the user's own disconnect: reason 8, no
   *  reconnect) and resolves once the station is idle. */
  private async leave(): Promise<void> {
    const before = this.disconnects;
    this.userStopped();
    await this.client.request('disconnect');
    if (this.disconnects === before && !this.client.isClosed) await this.nextDisconnect(LEAVE_EVENT_MS);
    if (this.disconnects === before) {
      const s = await this.refresh();
      if (s.phase === 'connecting' || s.phase === 'connected' || s.phase === 'got_ip') {
        throw new EspWifiError('BUSY', `the station is still ${s.phase} after disconnect; try again`);
      }
    }
    this._phase = 'started';
    this._ip = null;
  }

  /** Resolves at the next DISCONNECTED, when the port closes, or after `ms`, whichever is first. */
  private nextDisconnect(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.clock.clearTimeout(t);
        this.off('disconnected', done);
        this.off('close', done);
        resolve();
      };
      const t = this.clock.setTimeout(done, ms);
      this.once('disconnected', done);
      this.once('close', done);
    });
  }

  /** Seed phase 3; STA_START follows. */
  async start(): Promise<void> {
    await this.client.request('start');
  }
  /** Seed phase 8.2. Counts as the user's own disconnect: nothing reconnects afterwards. */
  async stop(): Promise<void> {
    this.userStopped();
    await this.client.request('stop');
  }

  /**
   * Seed phase 4+5: connects and resolves on GOT_IP (the point from which sockets may be used).
   * Already connected with the configuration in force: resolves at once with
   * `alreadyConnected: true`. An attempt already in progress (another process', or one that
   * timed out) is stopped first, so the result is this call's own. Disconnects on the way are
   * handled by the reconnection policy; when it gives up the promise rejects with a
   * ConnectError whose DisconnectInfo carries the verdict (`likely`), explained from a scan.
   */
  async connect(opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<ConnectResult> {
    if (this._phase === 'got_ip' && this._ip) {
      this.policy.userConnect(); // already there; re-arm the policy in case it had given up
      return { ...this._ip, alreadyConnected: true };
    }
    if (this._phase === 'connecting') await this.leave();
    this.policy.userConnect();
    this.connectGen++;
    this.gaveUpLikely = undefined;
    this.lastFailure = null;
    this.reconnects.cancel();
    const ip = this.waitForIp(opts.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, opts.signal);
    ip.catch(() => {});
    const before = this.disconnects;
    try {
      await this.client.request('connect', {}, { signal: opts.signal });
      if (this._phase === 'started' && this.disconnects === before) this._phase = 'connecting';
    } catch (e) {
      // WIFI_CONN: the driver is already connecting (e.g. on its own after a config change).
      if (commandErrorName(e) !== 'WIFI_CONN') {
        this.failWaiters(e);
        throw e;
      }
    }
    return { ...(await ip), alreadyConnected: false };
  }

  /**
   * Why the last connect failed, from what the board last heard: a scan of all SSIDs younger
   * than 10 s, else a fresh one (the station must not be connecting: call disconnect() first).
   * `likely` is set only when the evidence supports a cause.
   */
  async diagnoseConnect(): Promise<ConnectDiagnosis> {
    const last = this.lastFailure ?? undefined;
    const config = this.configFacts ?? (await this.getConfig().then(
      (c): ConfigFacts => ({ ssid: c.ssid, passwordSet: c.passwordSet, bssid: c.bssid, rssiThreshold: c.rssiThreshold, authThreshold: c.authThreshold, pmf: c.pmf }),
      () => null,
    ));
    if (!config) {
      // No configuration to compare with: only what the reasons themselves said.
      const likely = this.gaveUpLikely ?? last?.likely;
      return { ...(likely ? { likely } : {}), ...(last ? { disconnect: last } : {}) };
    }
    let heard: readonly ApRecord[] | undefined;
    if (this.lastHeard && this.clock.now() - this.lastHeard.at < RECENT_SCAN_MS) heard = this.lastHeard.records;
    else if (!last || NOT_FOUND_REASONS.has(last.reason)) heard = await this.scan().catch((err: unknown) => {
      this.log.debug({ err }, 'no scan for the connect verdict');
      return undefined;
    });
    const likely = explainConnectFailure({
      reason: last?.reason,
      rssi: last?.rssi,
      attempts: this.policy.attempts || undefined,
      policyLikely: this.gaveUpLikely,
      config,
      heard,
      goodRssi: this.policy.policy.goodRssi,
    });
    const out: ConnectDiagnosis = {};
    if (likely) out.likely = likely;
    if (last) out.disconnect = last;
    if (heard) out.heard = heard;
    return out;
  }

  /** Seed phase 8.1. The reason-8 DISCONNECTED that follows is the user's: no reconnect. */
  async disconnect(): Promise<void> {
    this.userStopped();
    await this.client.request('disconnect');
  }

  /** Resolves with the IP once GOT_IP has arrived (at once when it already has): the gate
   *  before any socket work (seed s5.3). Rejects on timeout, reset, give-up or port loss. */
  waitForIp(timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS, signal?: AbortSignal): Promise<IpInfo> {
    if (this._phase === 'got_ip' && this._ip) return Promise.resolve(this._ip);
    if (this.client.isClosed) return Promise.reject(new PortError('closed', 'the board is closed'));
    return new Promise<IpInfo>((resolve, reject) => {
      const done = () => {
        this.clock.clearTimeout(t);
        signal?.removeEventListener('abort', onAbort);
        this.ipWaiters.delete(w);
      };
      const w: IpWaiter = {
        resolve: (ip) => {
          done();
          resolve(ip);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      const t = this.clock.setTimeout(() => {
        const last = this.lastDisconnect ? ` (last disconnect: ${this.lastDisconnect.reason} ${this.lastDisconnect.name})` : '';
        w.reject(new TimeoutError(`no IP within ${timeoutMs} ms${last}`));
      }, timeoutMs);
      const onAbort = () => w.reject(abortedError(signal!.reason, 'waiting for an IP'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.ipWaiters.add(w);
    });
  }

  // ---- scans (rules 1–4) -------------------------------------------------------------------

  /** Scans and returns the records, fetched exactly once and cached (see rules/rules.ts). */
  async scan(opts: ScanOptions = {}): Promise<readonly ApRecord[]> {
    const records = await (opts.block ? this.blockingScan(opts) : this.scans.scan(opts)).catch((e: unknown) => {
      throw opts.signal?.aborted && e === opts.signal.reason ? abortedError(e, 'scan') : e;
    });
    const everything = !opts.ssid && !opts.bssid && !opts.channel && !opts.channelBitmap;
    if (everything) this.lastHeard = { at: this.clock.now(), records };
    return records;
  }
  /** Seed "Scan in Blocked Mode": no SCAN_DONE follows the reply, so the records are fetched
   *  (and cached, rule 1) right after it. */
  private async blockingScan(opts: ScanOptions): Promise<readonly ApRecord[]> {
    const { block: _block, timeoutMs, signal, ...rest } = opts;
    await this.client.request('scan', { ...scanArgs(rest), block: true }, { ...(timeoutMs ? { timeoutMs } : {}), ...(signal ? { signal } : {}) });
    return this.scans.afterBlockingScan();
  }
  async scanStop(): Promise<void> {
    this.scans.noteStop();
    await this.client.request('scan_stop');
  }

  // ---- configuration ---------------------------------------------------------------------

  async setCountry(cc: string, ieee80211d?: boolean): Promise<void> {
    if (typeof cc !== 'string' || !/^[\x21-\x7e]{2}$/.test(cc)) {
      throw new EspWifiError('BAD_ARG', `setCountry: cc must be two printable characters such as "DE" or "01" (got ${JSON.stringify(cc)})`);
    }
    const a: Record<string, unknown> = { cc: Buffer.from(cc, 'latin1') };
    if (ieee80211d !== undefined) a.ieee80211d = ieee80211d;
    await this.client.request('country', a);
  }
  /** Rule 7: `{ reconnect: true }` when the change makes the driver re-join (seed phase 2). */
  setProtocol(flags: string): Promise<{ reconnect: boolean }> {
    return this.reconnectingConfig('protocol', { p: flags });
  }
  setBandwidth(bw: 'ht20' | 'ht40' | 'bw80' | 'bw160' | 'bw80_80'): Promise<{ reconnect: boolean }> {
    return this.reconnectingConfig('bandwidth', { bw });
  }
  async setPowerSave(mode: 'none' | 'min' | 'max'): Promise<void> {
    await this.client.request('ps', { mode });
  }
  /** Beacon-loss time before the 5 probes (seed "Wi-Fi Beacon Timeout"). */
  async setInactiveTime(sec: number): Promise<void> {
    await this.client.request('inactive_time', { sec });
  }
  /** STA_BSS_RSSI_LOW fires once below it; call again to re-arm. */
  async setRssiThreshold(rssi: number): Promise<void> {
    await this.client.request('rssi_threshold', { rssi });
  }
  async setStorage(s: 'flash' | 'ram'): Promise<void> {
    await this.client.request('storage', { s });
  }

  private async reconnectingConfig(verb: 'protocol' | 'bandwidth', args: Record<string, unknown>): Promise<{ reconnect: boolean }> {
    // The driver's DISCONNECTED may overtake our reply, so predict it from the phase first.
    const connected = this._phase === 'connected' || this._phase === 'got_ip';
    if (connected) this.policy.expectConfigReconnect();
    let reconnect: boolean;
    try {
      reconnect = toReconnect((await this.client.request(verb, args)).fields);
    } catch (e) {
      if (connected) this.policy.cancelConfigReconnect();
      throw e;
    }
    if (reconnect && !connected) this.policy.expectConfigReconnect();
    if (!reconnect && connected) this.policy.cancelConfigReconnect();
    // A driver that had nothing to renegotiate (same value) never drops the link: the expectation
    // must not swallow a real disconnect much later.
    if (reconnect) this.reconnects.expectConfigReconnect();
    return { reconnect };
  }

  // ---- queries ---------------------------------------------------------------------------

  async getMac(): Promise<string> {
    return toMac(await this.fields('mac'));
  }
  async getApInfo(): Promise<ApInfo> {
    return toApInfo(await this.fields('ap_info'));
  }
  async getRssi(): Promise<number> {
    return toRssi(await this.fields('rssi'));
  }
  async getIpInfo(): Promise<Omit<IpInfo, 'changed'>> {
    return toIpInfo(await this.fields('ip_info'));
  }
  async getConfig(): Promise<StoredConfig> {
    return toStoredConfig(await this.fields('get_config'));
  }
  async status(): Promise<StationStatus> {
    return toStatus(await this.fields('status'));
  }
  /** The ok reply's fields (convert/replies.ts reads them). */
  private async fields(verb: string): Promise<Record<string, unknown>> {
    return (await this.client.request(verb)).fields;
  }
  async ping(): Promise<void> {
    await this.client.request('ping');
  }

  /** Reboots the device (esp_restart) and resolves with the new hello. */
  async reset(): Promise<DeviceInfo> {
    this.client.expectReset();
    const hello = new Promise<DeviceInfo>((resolve, reject) => {
      const t = this.clock.setTimeout(() => {
        this.client.off('hello', on);
        reject(new TimeoutError('no hello within 10000 ms after reset'));
      }, 10_000);
      const on = (h: HelloEvent) => {
        this.clock.clearTimeout(t);
        resolve(h.info);
      };
      this.client.once('hello', on);
    });
    hello.catch(() => {});
    await this.client.request('reset');
    const info = await hello;
    await this.refresh();
    return info;
  }

  /**
   * Any command by its protocol name. The rules still apply: `ap_records` for a scan whose
   * records were already fetched is answered from the cache; a blocking `scan` is followed by the
   * fetch that frees its records; `disconnect`/`stop` count as the user's own.
   */
  async request(verb: string, args: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<Reply> {
    if (verb === 'ap_records') {
      const cached = await this.scans.rawApRecords();
      if (cached) {
        return { id: 0, ...apRecordsReply(cached.records, cached.scanId, typeof args.max === 'number' ? args.max : 64) };
      }
    }
    if (verb === 'disconnect' || verb === 'stop') this.userStopped();
    const r = await this.client.request(verb, args, opts);
    if (verb === 'scan' && (args.block === true || args.block === 1)) await this.scans.afterBlockingScan();
    return r;
  }

  async close(): Promise<void> {
    this.reconnects.dispose();
    const err = new PortError('closed', 'the board was closed');
    this.failWaiters(err);
    this.scans.reset(err);
    await this.client.close();
  }

  /** Re-reads `status` and mirrors the phase (after open, a reset or a sequence gap). */
  async refresh(): Promise<StationStatus> {
    const s = await this.status();
    this._phase = s.phase;
    if (s.phase === 'got_ip' && s.ip) this._ip = { ip: s.ip, mask: s.mask ?? '', gw: s.gw ?? '', changed: false };
    else this._ip = null;
    if (this._ip) for (const w of [...this.ipWaiters]) w.resolve(this._ip);
    return s;
  }

  // ---- event mirror ----------------------------------------------------------------------

  private onEvent(verb: string, fields: Record<string, unknown>, seq: number): void {
    const e = stationEvent(verb, fields);
    switch (e?.name) {
      case 'staStart':
        this._phase = 'started';
        this.emit('staStart');
        break;
      case 'staStop':
        this._phase = 'init';
        this._ip = null;
        this.reconnects.cancel();
        this.emit('staStop');
        break;
      case 'connected':
        this._phase = 'connected';
        this.reconnects.clearGrace();
        this.emit('connected', e.data);
        break;
      case 'disconnected':
        this.onDisconnected(e.data);
        break;
      case 'gotIp': {
        const ip = e.data;
        this._phase = 'got_ip';
        this._ip = ip;
        this.policy.succeeded();
        this.lastDisconnect = null;
        for (const w of [...this.ipWaiters]) w.resolve(ip);
        this.emit('gotIp', ip);
        // Seed s7: an IP change is the moment to close and recreate every socket.
        if (ip.changed) this.emit('ipChanged', ip);
        break;
      }
      case 'lostIp': {
        // ESP-IDF's lost-IP timer also fires after attempts that never had an address and long
        // after a disconnect that already ended the address here: only a held address is lost.
        const had = this._ip !== null;
        if (this._phase === 'got_ip') this._phase = 'connected';
        this._ip = null;
        if (had) this.emit('lostIp');
        break;
      }
      case 'scanDone':
        this.scans.onScanDone(e.data);
        this.emit('scanDone', e.data);
        break;
      case 'beaconTimeout':
        this.emit('beaconTimeout');
        break;
      case 'rssiLow':
        this.emit('rssiLow', e.data);
        break;
      case 'authmodeChange':
        this.emit('authmodeChange', e.data);
        break;
      case 'homeChannelChange':
        this.emit('homeChannelChange', e.data);
        break;
    }
    this.emit('event', { verb, fields, seq });
  }

  /** `f` is the event, or the reason alone when a re-read status revealed a lost disconnect. */
  private onDisconnected(f: Pick<DisconnectFacts, 'reason' | 'rssi'> & Partial<DisconnectFacts>): void {
    const { reason, rssi } = f;
    const stage = joinStage(this._phase === 'connected' || this._phase === 'got_ip', reason, this.lastLeave);
    this.lastLeave = undefined;
    this.disconnects++;
    if (this._phase !== 'uninit' && this._phase !== 'init') this._phase = 'started';
    const hadIp = this._ip !== null;
    this._ip = null;
    const decision: Decision = this.autoReconnect
      ? this.policy.onDisconnect(reason, rssi, stage)
      : this.policy.stoppedByUser
        ? { action: 'ignore', why: 'user' }
        : { action: 'giveUp', attempts: 1, why: 'maxAttempts' };
    const ssid = f.ssid ?? Buffer.alloc(0);
    // What the board last heard of this network tells a password problem from a security one.
    const heardAp = this.lastHeard?.records.find((a) => a.ssid.equals(this.configFacts?.ssid ?? ssid));
    const d = decodeReason(reason, {
      attempts: this.policy.attempts,
      rssi,
      goodRssi: this.policy.policy.goodRssi,
      stage,
      ...(this.configFacts ? { passwordSet: this.configFacts.passwordSet } : {}),
      ...(heardAp ? { apAuth: heardAp.auth } : {}),
    });
    const info: DisconnectInfo = {
      reason,
      name: d.name,
      meaning: d.meaning,
      cause: d.cause,
      action: d.action,
      rssi,
      ssid,
      ssidText: f.ssidText ?? '',
      bssid: f.bssid ?? '',
      userInitiated: decision.action === 'ignore' && decision.why === 'user',
      expected: decision.action === 'ignore' && decision.why !== 'user',
    };
    if (d.likely) info.likely = d.likely;
    this.lastDisconnect = info;
    if (!info.userInitiated) this.lastFailure = info;
    if (hadIp) this.emit('lostIp');
    this.emit('disconnected', info);

    switch (decision.action) {
      case 'ignore':
        // Roaming / config change: the driver re-joins by itself; step in only if it does not.
        if (decision.why !== 'user') this.reconnects.startGrace(reason);
        return;
      case 'retry':
        this.emit('reconnecting', { attempt: decision.attempt, delayMs: decision.delayMs, reason });
        this.reconnects.schedule(decision.attempt, decision.delayMs);
        return;
      case 'giveUp':
        this.reconnects.cancel();
        this.gaveUpLikely = decision.likely;
        void this.giveUp(info, decision.attempts);
        return;
    }
  }

  /** The policy stopped: explain the failure (diagnoseConnect) so the gaveUp event, the
   *  ConnectError and its `likely` all carry the same verdict, then tell the waiters. */
  private async giveUp(last: DisconnectInfo, attempts: number): Promise<void> {
    const gen = this.connectGen;
    const verdict = await this.diagnoseConnect().catch((err: unknown): ConnectDiagnosis => {
      this.log.debug({ err }, 'no scan-based verdict for the failed connect');
      const likely = this.gaveUpLikely ?? last.likely;
      return likely ? { likely } : {};
    });
    if (gen !== this.connectGen) return; // a new connect() or disconnect() overtook the verdict
    const info: DisconnectInfo = { ...last };
    if (verdict.likely) info.likely = verdict.likely;
    else delete info.likely;
    const gave: GaveUpInfo = { reason: last.reason, attempts, disconnect: info };
    if (verdict.likely) gave.likely = verdict.likely;
    this.log.warn({ reason: last.reason, name: last.name, attempts, likely: verdict.likely?.evidence }, 'stopped reconnecting');
    this.emit('gaveUp', gave);
    this.failWaiters(new ConnectError(info, attempts));
  }

  /** The runner says attempt `attempt` is due (not paused, not stopped, not closed). */
  private reconnectAttempt(attempt: number): void {
    const before = this.disconnects;
    this.client.request('connect').then(() => {
      if (this._phase === 'started' && this.disconnects === before) this._phase = 'connecting';
    }, (err) => {
      const name = commandErrorName(err);
      if (name === 'WIFI_CONN') return; // already connecting
      this.log.warn({ err, attempt }, 'reconnect attempt could not be started');
    });
  }

  /** Arms the reconnection policy for a connection this process did not start. */
  adoptConnection(): void {
    this.policy.userConnect();
  }

  /** Rule 4: while paused, due reconnects wait; the last release starts the one that is due. */
  pauseReconnect(): () => void {
    return this.reconnects.pause();
  }

  private userStopped(): void {
    this.connectGen++;
    this.policy.userDisconnect();
    this.reconnects.cancel();
    // Nobody will connect any more, so nobody will get an IP: tell the waiters now. (The error,
    // with its stack, only when someone waits: every stop() and disconnect() passes here.)
    if (this.ipWaiters.size) this.failWaiters(new EspWifiError('CANCELLED', 'disconnect()/stop() was called while waiting for an IP'));
  }

  /** Events were lost: re-read the state. A DISCONNECTED among the lost events would leave the
   *  station idle with nobody reconnecting, so a drop from connected to started found this way is
   *  handled like the event itself (with the status' last_reason). */
  private async onResync(g: { expected: number; got: number }): Promise<void> {
    const before = this._phase;
    this.emit('resync', g);
    try {
      const s = await this.refresh();
      const wasUp = before === 'connected' || before === 'got_ip';
      if (wasUp && s.phase === 'started' && !this.policy.stoppedByUser && !this.reconnects.active) {
        this.log.warn({ lastReason: s.lastReason }, 'a lost event hid a disconnect; handling it now');
        this._phase = before; // so the handler sees the connection it is ending
        this.onDisconnected({ reason: s.lastReason, rssi: 0 });
      }
    } catch (err) {
      this.log.warn({ err }, 're-sync after a sequence gap failed');
    }
  }

  private onHello(h: HelloEvent): void {
    this._info = h.info;
    // The stored configuration after a reboot depends on the firmware's storage: unknown here.
    this.configDigest = null;
    this.configFacts = null;
    this.lastHeard = null;
    this._phase = 'uninit';
    this._ip = null;
    this.reconnects.cancel();
    this.policy.userDisconnect();
    const err = new DeviceResetError(h.info.reset);
    this.scans.reset(err);
    this.failWaiters(err);
    this.emit('reset', { reason: h.info.reset, info: h.info, unexpected: h.unexpected });
    if (h.unexpected) this.refresh().catch((e) => (this.client.isClosed ? this.log.debug({ err: e }, 'no status after a reset: the board was closed') : this.log.warn({ err: e }, 'could not re-read status after a reset')));
  }

  private onClose(err?: Error): void {
    this.reconnects.cancel();
    const e = err ? new PortError('unplugged', `the port went away: ${err.message}`) : new PortError('closed', 'the port was closed');
    this.failWaiters(e);
    this.scans.reset(e);
    this.emit('close', err);
  }

  private failWaiters(err: unknown): void {
    for (const w of [...this.ipWaiters]) w.reject(err);
  }
}
