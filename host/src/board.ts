// The station API: the seed's phases as methods, and a state machine mirrored from device
// events (phase, address, device info). What stands behind the methods lives beside it, one
// concern per module: configure() keeping the board truthful (config-change.ts), reconnection
// (reconnector.ts over rules/), the evidence for a failed connect's verdict (connect-evidence.ts),
// a DISCONNECTED explained (disconnect-info.ts), the wait for an address (ip-gate.ts), scans
// (rules/scan-coordinator.ts, device-scans.ts) and the conversion of device fields (convert/).
// The events it emits: board-events.ts. Opening a board: open-board.ts.

import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { Client, type HelloEvent, type Reply, type RequestOptions } from './client.js';
import { abortedError, ConnectError, DeviceResetError, EspWifiError, PortError, TimeoutError } from './errors.js';
import { describeDisconnect } from './disconnect-info.js';
import { commandErrorName } from './reason-facts.js';
import type { ReconnectPolicy } from './rules/reconnect-policy.js';
import { realClock, type Clock } from './clock.js';
import { driverLeave } from './diagnostics/decoders/idf-driver.js';
import { joinStage, type DriverLeave } from './rules/join-stage.js';
import { resolveRuleOptions, type RuleOptions } from './rules/rules.js';
import { ScanCoordinator } from './rules/scan-coordinator.js';
import { apRecordsReply, scanArgs } from './convert/to-wire.js';
import { toApInfo, toIpInfo, toMac, toReconnect, toRssi, toStatus, toStoredConfig } from './convert/replies.js';
import { stationEvent, type DisconnectFacts } from './convert/events.js';
import { ConfigChange, type ConfigureResult } from './config-change.js';
import { ConnectEvidence, type ConnectDiagnosis } from './connect-evidence.js';
import { Reconnector } from './reconnector.js';
import { IpGate } from './ip-gate.js';
import { deviceScanIo } from './device-scans.js';
import type { BoardEvents, ConnectResult } from './board-events.js';
import type {
  ApInfo,
  ApRecord,
  DeviceInfo,
  DeviceLogLine,
  DisconnectInfo,
  IpInfo,
  ScanOptions,
  StationConfig,
  StationPhase,
  StationStatus,
  StoredConfig,
  WifiMode,
} from './types.js';

export type { ConfigureResult, ConnectDiagnosis };
export type { BoardEvents, ConnectResult, RawEvent } from './board-events.js';

/** Default wait for connect()/waitForIp(). One connect attempt plus DHCP is seconds; 60 s allows
 *  the policy's immediate attempts and several backoff steps before the call reports a timeout. */
const DEFAULT_CONNECT_TIMEOUT_MS = 60_000;
/** How long scanStop() and close() wait for a stopped scan's SCAN_DONE and records: the driver
 *  ends a scan within a channel's dwell (at most 1.5 s) of the stop. */
const SCAN_STOP_GRACE_MS = 2_000;

export class Board extends EventEmitter<BoardEvents> {
  private _info: DeviceInfo;
  private _phase: StationPhase = 'uninit';
  private _ip: IpInfo | null = null;
  private readonly log: Logger;
  private readonly clock: Clock;
  readonly scans: ScanCoordinator;
  private readonly reconnect: Reconnector;
  private readonly config: ConfigChange;
  private readonly evidence: ConnectEvidence;
  private readonly ipGate: IpGate;
  private lastDisconnect: DisconnectInfo | null = null;
  /** The Wi-Fi driver's last "state: X -> init" log line, for the next DISCONNECTED's stage. */
  private lastLeave: DriverLeave | undefined;
  /** DISCONNECTED events handled (whether one arrived while waiting for something else). */
  private disconnects = 0;
  /** Bumped by connect() and the user's disconnect: a give-up verdict from before is stale. */
  private connectGen = 0;

  constructor(
    readonly client: Client,
    info: DeviceInfo,
    opts: { logger: Logger; reconnect?: Partial<ReconnectPolicy> | false; rules?: Partial<RuleOptions>; clock?: Clock },
  ) {
    super();
    this._info = info;
    const log = (this.log = opts.logger);
    const clock = (this.clock = opts.clock ?? realClock);
    this.ipGate = new IpGate(clock);
    this.reconnect = new Reconnector({
      clock,
      log,
      waitingForConnection: () => this._phase === 'started',
      closed: () => client.isClosed,
      connect: () => this.sendConnect(),
      reconnecting: (r) => this.emit('reconnecting', r),
    }, opts.reconnect);
    this.config = new ConfigChange({
      clock,
      refresh: () => this.refresh(),
      getConfig: () => this.getConfig(),
      request: (verb, args) => client.request(verb, args),
      userStopped: () => this.userStopped(),
      disconnects: () => this.disconnects,
      closed: () => client.isClosed,
      onNextDisconnect: (fn) => {
        this.once('disconnected', fn);
        this.once('close', fn);
        return () => {
          this.off('disconnected', fn);
          this.off('close', fn);
        };
      },
      left: () => {
        this._phase = 'started';
        this._ip = null;
      },
    });
    this.evidence = new ConnectEvidence({
      clock,
      log,
      getConfig: () => this.getConfig(),
      scan: () => this.scan(),
      attempts: () => this.reconnect.attempts,
      goodRssi: () => this.reconnect.policy.goodRssi,
    });
    this.scans = new ScanCoordinator(deviceScanIo(client, log, () => this.pauseReconnect()), resolveRuleOptions(opts.rules), clock);
    client.on('event', (verb: string, fields: Record<string, unknown>, seq: number) => this.onEvent(verb, fields, seq));
    client.on('hello', (h: HelloEvent) => this.onHello(h));
    client.on('resync', (g: { expected: number; got: number }) => this.onResync(g));
    client.on('log', (l: DeviceLogLine) => {
      this.lastLeave = driverLeave(l.tag, l.text) ?? this.lastLeave;
      this.emit('log', l);
    });
    client.on('close', (err?: Error) => this.onClose(err));
    client.on('fatal', (err: Error) => {
      this.ipGate.fail(err);
      if (this.listenerCount('error') > 0) this.emit('error', err);
      else log.error({ err }, 'board error');
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
    return this.reconnect.policy;
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
    const r = await this.config.configure(cfg);
    if (!r.unchanged) this.evidence.wroteConfig(cfg);
    return r;
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
      this.reconnect.userConnect(); // already there; re-arm the policy in case it had given up
      return { ...this._ip, alreadyConnected: true };
    }
    if (this._phase === 'connecting') await this.config.leave();
    this.reconnect.userConnect();
    this.connectGen++;
    this.evidence.newSeries();
    this.reconnect.cancel();
    const ip = this.waitForIp(opts.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, opts.signal);
    ip.catch(() => {});
    try {
      // The board refuses a connect while a scan runs (ESP-IDF would abort the scan for it): a
      // scan this Board runs finishes first, within this call's time budget.
      if (this.scans.busy) await Promise.race([this.scans.idle(), ip]);
      await this.sendConnect(opts.signal);
    } catch (e) {
      // WIFI_CONN: the driver is already connecting (e.g. on its own after a config change).
      if (commandErrorName(e) !== 'WIFI_CONN') {
        this.ipGate.fail(e);
        throw e;
      }
    }
    return { ...(await ip.catch((e: unknown) => this.ipAfterTimeout(e))), alreadyConnected: false };
  }

  /** A GOT_IP lost on the line (noise, a dropped byte) shows only at the next event, which may
   *  never come: before a connect times out, the board is asked whether it has an address. */
  private async ipAfterTimeout(e: unknown): Promise<IpInfo> {
    if (!(e instanceof TimeoutError) || this.client.isClosed) throw e;
    const had = this._phase === 'got_ip';
    const s = await this.refresh().catch(() => null);
    if (s?.phase !== 'got_ip' || !this._ip) throw e;
    if (!had) {
      this.log.warn({ ip: this._ip.ip }, 'the GOT_IP event was lost on the line; the status shows the address');
      this.reconnect.succeeded();
      this.lastDisconnect = null;
      this.emit('gotIp', this._ip);
    }
    return this._ip;
  }

  /**
   * Why the last connect failed, from what the board last heard: a scan of all SSIDs younger
   * than 10 s, else a fresh one (the station must not be connecting: call disconnect() first).
   * `likely` is set only when the evidence supports a cause.
   */
  diagnoseConnect(): Promise<ConnectDiagnosis> {
    return this.evidence.diagnose();
  }

  /** Sends `connect`; the station is connecting unless a disconnect overtook the reply. */
  private async sendConnect(signal?: AbortSignal): Promise<void> {
    const before = this.disconnects;
    await this.client.request('connect', {}, { signal });
    if (this._phase === 'started' && this.disconnects === before) this._phase = 'connecting';
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
    return this.ipGate.wait(timeoutMs, signal, () => this.lastDisconnect);
  }

  // ---- scans (rules 1–4) -------------------------------------------------------------------

  /** Scans and returns the records, fetched exactly once and cached (see rules/rules.ts). */
  async scan(opts: ScanOptions = {}): Promise<readonly ApRecord[]> {
    const records = await (opts.block ? this.blockingScan(opts) : this.scans.scan(opts)).catch((e: unknown) => {
      throw opts.signal?.aborted && e === opts.signal.reason ? abortedError(e, 'scan') : e;
    });
    this.evidence.scanned(opts, records);
    return records;
  }
  /** Seed "Scan in Blocked Mode": no SCAN_DONE follows the reply, so the records are fetched
   *  (and cached, rule 1) right after it. */
  private async blockingScan(opts: ScanOptions): Promise<readonly ApRecord[]> {
    const { block: _block, timeoutMs, signal, ...rest } = opts;
    await this.client.request('scan', { ...scanArgs(rest), block: true }, { ...(timeoutMs ? { timeoutMs } : {}), ...(signal ? { signal } : {}) });
    return this.scans.afterBlockingScan();
  }
  /** Stops the running scan; resolves once its SCAN_DONE has come and its records are fetched
   *  (bounded), so a caller that closes the port next leaves nothing in the driver. */
  async scanStop(): Promise<void> {
    this.scans.noteStop();
    await this.client.request('scan_stop');
    await this.scans.afterStop(SCAN_STOP_GRACE_MS);
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

  private reconnectingConfig(verb: 'protocol' | 'bandwidth', args: Record<string, unknown>): Promise<{ reconnect: boolean }> {
    // The driver's DISCONNECTED may overtake our reply, so predict it from the phase first.
    const connected = this._phase === 'connected' || this._phase === 'got_ip';
    const send = async () => toReconnect((await this.client.request(verb, args)).fields);
    return this.reconnect.configChange(connected, send).then((reconnect) => ({ reconnect }));
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
    if (!this.client.isClosed) await this.scans.settled(SCAN_STOP_GRACE_MS);
    this.reconnect.dispose();
    const err = new PortError('closed', 'the board was closed');
    this.ipGate.fail(err);
    this.scans.reset(err);
    await this.client.close();
  }

  /** Re-reads `status` and mirrors the phase (after open, a reset or a sequence gap). */
  async refresh(): Promise<StationStatus> {
    const s = await this.status();
    this._phase = s.phase;
    if (s.phase === 'got_ip' && s.ip) this._ip = { ip: s.ip, mask: s.mask ?? '', gw: s.gw ?? '', changed: false };
    else this._ip = null;
    if (this._ip) this.ipGate.open(this._ip);
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
        this.reconnect.cancel();
        this.emit('staStop');
        break;
      case 'connected':
        this._phase = 'connected';
        this.reconnect.rejoined();
        this.emit('connected', e.data);
        break;
      case 'disconnected':
        this.onDisconnected(e.data);
        break;
      case 'gotIp': {
        const ip = e.data;
        this._phase = 'got_ip';
        this._ip = ip;
        this.reconnect.succeeded();
        this.lastDisconnect = null;
        this.ipGate.open(ip);
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
    const decision = this.reconnect.decide(reason, rssi, stage);
    const info = describeDisconnect(f, decision, {
      stage,
      attempts: this.reconnect.attempts,
      goodRssi: this.reconnect.policy.goodRssi,
      ...this.evidence.reasonContext(f.ssid ?? Buffer.alloc(0)),
    });
    this.lastDisconnect = info;
    this.evidence.disconnected(info);
    if (hadIp) this.emit('lostIp');
    this.emit('disconnected', info);
    this.reconnect.carryOut(decision, reason);
    if (decision.action === 'giveUp') {
      this.evidence.policyGaveUp(decision.likely);
      void this.giveUp(info, decision.attempts);
    }
  }

  /** The policy stopped: explain the failure (connect-evidence.ts) so the gaveUp event, the
   *  ConnectError and its `likely` all carry the same verdict, then tell the waiters. */
  private async giveUp(last: DisconnectInfo, attempts: number): Promise<void> {
    const gen = this.connectGen;
    const gave = await this.evidence.gaveUp(last, attempts);
    if (gen !== this.connectGen) return; // a new connect() or disconnect() overtook the verdict
    this.log.warn({ reason: last.reason, name: last.name, attempts, likely: gave.likely?.evidence }, 'stopped reconnecting');
    this.emit('gaveUp', gave);
    this.ipGate.fail(new ConnectError(gave.disconnect, attempts));
  }

  /** Arms the reconnection policy for a connection this process did not start. */
  adoptConnection(): void {
    this.reconnect.userConnect();
  }

  /** Rule 4: while paused, due reconnects wait; the last release starts the one that is due. */
  pauseReconnect(): () => void {
    return this.reconnect.pause();
  }

  private userStopped(): void {
    this.connectGen++;
    this.reconnect.userStopped();
    // Nobody will connect any more, so nobody will get an IP: tell the waiters now. (The error,
    // with its stack, only when someone waits: every stop() and disconnect() passes here.)
    if (this.ipGate.waiting) this.ipGate.fail(new EspWifiError('CANCELLED', 'disconnect()/stop() was called while waiting for an IP'));
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
      if (wasUp && s.phase === 'started' && !this.reconnect.stoppedByUser && !this.reconnect.active) {
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
    this.config.forget();
    this.evidence.forget();
    this._phase = 'uninit';
    this._ip = null;
    this.reconnect.userStopped();
    const err = new DeviceResetError(h.info.reset);
    this.scans.reset(err);
    this.ipGate.fail(err);
    this.emit('reset', { reason: h.info.reset, info: h.info, unexpected: h.unexpected });
    if (h.unexpected) this.refresh().catch((e) => (this.client.isClosed ? this.log.debug({ err: e }, 'no status after a reset: the board was closed') : this.log.warn({ err: e }, 'could not re-read status after a reset')));
  }

  private onClose(err?: Error): void {
    this.reconnect.cancel();
    // The client's error already names the port and what went wrong: said once, not wrapped.
    const e = err instanceof PortError ? err : err ? new PortError('unplugged', `the port went away: ${err.message}`) : new PortError('closed', 'the port was closed');
    this.ipGate.fail(e);
    this.scans.reset(e);
    this.emit('close', err);
  }
}
