// A Node client for Improv Wi-Fi serial (protocol/IMPROV.md): provisions ESPHome, WLED or any
// Improv device — and our own bridge firmware, whose espwifi frames on the same line say *why*
// a provisioning failed where Improv can only say "unable to connect".
//
// One RPC at a time (Improv devices handle one command at a time; the official SDK serializes
// the same way). Every RPC has a timeout; an Error State above 0 fails the RPC in flight.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { FrameStream, type DeviceLogLine } from '../codec/stream.js';
import type { Frame } from '../codec/frame.js';
import { DeviceResetError, EspWifiError, TimeoutError } from '../errors.js';
import { logDeviceLine } from '../log.js';
import { fields } from '../protocol/fields.js';
import { decodeReason, type LikelyCause } from '../reasons.js';
import { displaySsid } from '../convert/bytes.js';
import { createTransport, type Transport } from '../transport/index.js';
import type { IpInfo } from '../types.js';
import {
  decodeRpcResult, encodeRpc, encodeStrings, errorName, ImprovSplitter, PacketType, RpcCommand, STATE_NAMES, type Packet,
} from './packet.js';

export type ImprovStateName = 'stopped' | 'ready' | 'provisioning' | 'provisioned' | `unknown_0x${string}`;

export interface ImprovState {
  state: ImprovStateName;
  /** The Current State byte. */
  code: number;
  /** For a provisioned device: the URLs it returned (often none). */
  urls: string[];
}

export interface ImprovDeviceInfo {
  firmware: string;
  version: string;
  /** Hardware chip/variant. */
  chip: string;
  deviceName: string;
  osName?: string;
  osVersion?: string;
}

export interface ImprovNetwork {
  ssid: Buffer;
  /** The SSID for display (escaped where it is not printable UTF-8). */
  ssidText: string;
  rssi: number;
  authRequired: boolean;
}

/** What our own firmware's frames said during a provisioning attempt. */
export interface EspWifiDisconnect {
  reason: number;
  name: string;
  meaning: string;
  action: string;
  rssi: number;
  likely?: LikelyCause;
}

export interface ProvisionResult {
  urls: string[];
  /** The address from our firmware's got_ip event (only on espwifi firmware). */
  ip?: IpInfo;
}

/** The device answered an Error State, or an answer did not make sense. `code` is IMPROV_<name>. */
export class ImprovError extends EspWifiError {
  override name = 'ImprovError';
  /** The Error State byte (undefined for a client-side problem). */
  readonly improvError?: number;
  /** The RPC that failed. */
  readonly command: string;
  /** On espwifi firmware: the disconnect behind UNABLE_TO_CONNECT, from its own event. */
  readonly disconnect?: EspWifiDisconnect;
  readonly likely?: LikelyCause;
  /** The device's own log line about the failure (espwifi firmware logs each refusal). */
  readonly deviceLog?: string;
  constructor(code: string, message: string, extra: { improvError?: number; command: string; disconnect?: EspWifiDisconnect; deviceLog?: string }) {
    super(code, message);
    this.command = extra.command;
    if (extra.improvError !== undefined) this.improvError = extra.improvError;
    if (extra.disconnect) {
      this.disconnect = extra.disconnect;
      if (extra.disconnect.likely) this.likely = extra.disconnect.likely;
    }
    if (extra.deviceLog !== undefined) this.deviceLog = extra.deviceLog;
  }
}

const quotedSsid = (text: string) => `"${text}"`;

const COMMAND_NAMES: Record<number, string> = {
  [RpcCommand.WIFI_SETTINGS]: 'send Wi-Fi settings',
  [RpcCommand.CURRENT_STATE]: 'request current state',
  [RpcCommand.DEVICE_INFO]: 'request device information',
  [RpcCommand.SCAN]: 'request scanned Wi-Fi networks',
  [RpcCommand.HOSTNAME]: 'get/set hostname',
  [RpcCommand.DEVICE_NAME]: 'get/set device name',
};

const ERROR_TEXT: Record<string, string> = {
  INVALID_RPC_PACKET: 'the device found the RPC packet malformed',
  UNKNOWN_RPC_COMMAND: 'the device does not implement this command',
  UNABLE_TO_CONNECT: 'the device could not connect to the network',
  NOT_AUTHORIZED: 'the device wants authorization first',
  BAD_HOSTNAME: 'the device refused the hostname (RFC 1123: letters, digits and hyphens)',
  UNKNOWN_ERROR: 'the device reported an unknown error',
};

export interface ImprovClientOptions {
  /** Device path, rfc2217://host:port or socket://host:port. */
  port: string;
  baudRate?: number;
  logger?: Logger;
  /** How long open() waits for the first Current State (re-asking every second). Default 3000 ms. */
  detectTimeoutMs?: number;
}

export interface ImprovClientEvents {
  state: [ImprovState];
  /** An Error State the device sent (also 0, "no error"). */
  errorState: [{ code: number; name: string }];
  /** A packet dropped for a bad checksum. */
  badPacket: [string];
  /** A device log line (our firmware's ESP_LOG output, or anything else that is not a packet). */
  log: [DeviceLogLine];
  /** An espwifi frame (only on our firmware). */
  frame: [Frame];
}

interface Pending {
  command: number;
  multi: boolean;
  /** Request current state: the state packet is the answer unless the device is provisioned. */
  stateAnswers: boolean;
  collected: Buffer[][];
  resolve(results: Buffer[][]): void;
  reject(err: Error): void;
}

export interface RpcOptions {
  timeoutMs?: number;
}

export class ImprovClient extends EventEmitter<ImprovClientEvents> {
  /** Counters since open: packets accepted, packets with a bad checksum, log lines, espwifi frames. */
  readonly counters = { packets: 0, badChecksum: 0, logLines: 0, frames: 0 };
  /** True once an espwifi frame was seen: the device runs our bridge firmware. */
  espwifi = false;
  state?: ImprovState;

  private readonly splitter: ImprovSplitter;
  private readonly lines = new FrameStream();
  private pending?: Pending;
  private queue: Promise<unknown> = Promise.resolve();
  private lastDisconnect?: EspWifiDisconnect;
  /** How a password verdict reads when it is not "a wrong password" (withSecurityEvidence). */
  private passwordVerdict?: string;
  private lastIp?: IpInfo;
  private joined = false;
  private lastImprovLog?: string;
  private closed = false;
  /** Set once the device answered at open: a hello before that is its boot (a port opening can
   *  reset a board), one after it a reboot that lost the RPC in flight. */
  private detected = false;

  private constructor(private readonly transport: Transport, private readonly logger?: Logger) {
    super();
    this.splitter = new ImprovSplitter({
      packet: (p) => this.onPacket(p),
      bad: (detail) => {
        this.counters.badChecksum++;
        this.logger?.warn(`improv: dropped a packet with a bad checksum (${detail})`);
        this.emit('badPacket', detail);
      },
      bytes: (b) => this.lines.push(b),
      packetStart: () => this.lines.reset(),
    });
    this.lines.on('log', (line) => this.onLog(line));
    this.lines.on('frame', (f) => this.onFrame(f));
    transport.on('data', (chunk: Buffer) => this.splitter.push(chunk));
    transport.on('close', (err?: Error) => {
      if (err) this.failPending(err);
    });
  }

  /** Opens the port and waits until the device answers a current-state request. */
  static async open(options: ImprovClientOptions): Promise<ImprovClient> {
    const transport = await createTransport(options.port, { baudRate: options.baudRate ?? 115200, ...(options.logger ? { logger: options.logger } : {}) });
    await transport.open();
    const client = new ImprovClient(transport, options.logger);
    try {
      await client.detect(options.detectTimeoutMs ?? 3000);
      client.detected = true;
    } catch (err) {
      await client.close();
      throw err;
    }
    return client;
  }

  /** Asks for the current state every second until one arrives (a booting device may miss one). */
  private async detect(timeoutMs: number): Promise<void> {
    const retry = setInterval(() => void this.send(RpcCommand.CURRENT_STATE).catch(() => undefined), 1000);
    try {
      await this.requestState({ timeoutMs });
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      const why = this.espwifi
        ? 'the board runs espwifi bridge firmware without Improv: flash a current build (espwifi flash)'
        : this.counters.badChecksum > 0
          ? `${this.counters.badChecksum} Improv packet(s) arrived with a bad checksum: check the baud rate (--baud)`
          : 'is Improv serial enabled in its firmware (ESPHome: improv_serial:), the baud rate right, the board booted?';
      throw new EspWifiError('IMPROV_NOT_DETECTED', `no Improv answer on ${this.transport.url} within ${timeoutMs / 1000} s: ${why}`);
    } finally {
      clearInterval(retry);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failPending(new EspWifiError('PORT_CLOSED', 'the Improv client was closed'));
    await this.transport.close();
  }

  // ---- the RPCs -----------------------------------------------------------------------------

  /** Current state; a provisioned device also returns its URLs. */
  async requestState(opts: RpcOptions = {}): Promise<ImprovState> {
    const before = this.state;
    const results = await this.rpc(RpcCommand.CURRENT_STATE, Buffer.alloc(0), { ...opts, stateAnswers: true });
    const st = this.state ?? before!;
    return { ...st, urls: (results[0] ?? []).map((s) => s.toString('utf8')) };
  }

  async deviceInfo(opts: RpcOptions = {}): Promise<ImprovDeviceInfo> {
    const [s = []] = await this.rpc(RpcCommand.DEVICE_INFO, Buffer.alloc(0), opts);
    const t = s.map((b) => b.toString('utf8'));
    if (t.length < 4) throw this.nonsense(RpcCommand.DEVICE_INFO, `${t.length} strings, the spec says at least 4`);
    const info: ImprovDeviceInfo = { firmware: t[0]!, version: t[1]!, chip: t[2]!, deviceName: t[3]! };
    if (t.length > 4 && t[4] !== '') info.osName = t[4]!;
    if (t.length > 5 && t[5] !== '') info.osVersion = t[5]!;
    return info;
  }

  /** The networks the device sees, strongest first, one entry per SSID. */
  async scan(opts: RpcOptions = {}): Promise<ImprovNetwork[]> {
    const results = await this.rpc(RpcCommand.SCAN, Buffer.alloc(0), { timeoutMs: 30_000, ...opts, multi: true });
    const bySsid = new Map<string, ImprovNetwork>();
    for (const s of results) {
      if (s.length < 3) throw this.nonsense(RpcCommand.SCAN, `a network with ${s.length} strings, the spec says at least 3`);
      const rssi = Number.parseInt(s[1]!.toString('latin1'), 10);
      if (!Number.isFinite(rssi)) throw this.nonsense(RpcCommand.SCAN, `RSSI "${s[1]!.toString('latin1')}" is not a number`);
      const net: ImprovNetwork = { ssid: Buffer.from(s[0]!), ssidText: displaySsid(s[0]!), rssi, authRequired: s[2]!.toString('latin1') !== 'NO' };
      const key = net.ssid.toString('hex');
      const seen = bySsid.get(key);
      if (!seen || seen.rssi < rssi) bySsid.set(key, net);
    }
    return [...bySsid.values()].sort((a, b) => b.rssi - a.rssi);
  }

  /**
   * Sends Wi-Fi credentials and waits until the device is provisioned (default 60 s). On our
   * firmware an UNABLE_TO_CONNECT carries the disconnect reason from its own event.
   */
  async provision(ssid: string | Uint8Array, password: string | Uint8Array, opts: RpcOptions = {}): Promise<ProvisionResult> {
    const s = typeof ssid === 'string' ? Buffer.from(ssid, 'utf8') : Buffer.from(ssid);
    const p = typeof password === 'string' ? Buffer.from(password, 'utf8') : Buffer.from(password);
    if (s.length < 1 || s.length > 32) throw new EspWifiError('BAD_ARG', `an SSID is 1 to 32 bytes (got ${s.length})`);
    if (p.length > 64) throw new EspWifiError('BAD_ARG', `a Wi-Fi password is at most 64 bytes (got ${p.length})`);
    this.lastDisconnect = undefined;
    this.passwordVerdict = undefined;
    this.lastIp = undefined;
    this.joined = false;
    const data = encodeStrings([s, p]);
    try {
      const [urls = []] = await this.rpc(RpcCommand.WIFI_SETTINGS, data, { timeoutMs: 60_000, ...opts });
      const out: ProvisionResult = { urls: urls.map((u) => u.toString('utf8')) };
      if (this.lastIp) out.ip = this.lastIp;
      return out;
    } catch (err) {
      throw await this.withSecurityEvidence(err, s, p.length > 0);
    } finally {
      data.fill(0);
    }
  }

  /**
   * 210 (and 201) on our firmware: a password given for an open AP, or none for a secured one,
   * looks the same as an AP whose security does not fit. The device's own scan says whether the
   * AP asks for a password; only when that contradicts what was sent is the password the likely cause.
   */
  private async withSecurityEvidence(err: unknown, ssid: Buffer, passwordSet: boolean): Promise<unknown> {
    const d = this.lastDisconnect;
    if (!(err instanceof ImprovError) || err.code !== 'IMPROV_UNABLE_TO_CONNECT' || !d || d.likely || (d.reason !== 210 && d.reason !== 201)) return err;
    const net = (await this.scan({ timeoutMs: 15_000 }).catch(() => undefined))?.find((n) => n.ssid.equals(ssid));
    if (!net || net.authRequired === passwordSet) return err;
    const name = quotedSsid(net.ssidText);
    d.likely = passwordSet
      ? { cause: 'password', evidence: `${d.reason}, a password was given but ${name} is open (the device's scan): likely the password must be empty` }
      : { cause: 'password', evidence: `${d.reason}, no password was given but ${name} asks for one (the device's scan): likely a missing password` };
    this.passwordVerdict = passwordSet ? 'a password the open network does not take' : 'a missing password';
    d.action = passwordSet ? 'provision again without a password' : "provision again with the network's password";
    return this.errorFor(RpcCommand.WIFI_SETTINGS, err.improvError ?? 3, 'UNABLE_TO_CONNECT');
  }

  /** Gets the hostname, or sets it and returns what the device took (0x05, Improv 2.3+ devices). */
  async hostname(set?: string, opts: RpcOptions = {}): Promise<string> {
    return this.nameRpc(RpcCommand.HOSTNAME, set, opts);
  }

  /** Gets the device name, or sets it and returns what the device took (0x06, Improv 2.4+ devices). */
  async deviceName(set?: string, opts: RpcOptions = {}): Promise<string> {
    return this.nameRpc(RpcCommand.DEVICE_NAME, set, opts);
  }

  private async nameRpc(command: number, set: string | undefined, opts: RpcOptions): Promise<string> {
    const data = set === undefined ? Buffer.alloc(0) : Buffer.from(set, 'utf8');
    if (data.length > 253) throw new EspWifiError('BAD_ARG', `a name is at most 253 bytes here (got ${data.length})`);
    const [s = []] = await this.rpc(command, data, opts);
    if (s.length < 1) throw this.nonsense(command, 'no string in the result');
    return s[0]!.toString('utf8');
  }

  // ---- RPC machinery --------------------------------------------------------------------------

  private send(command: number, data: Buffer = Buffer.alloc(0)): Promise<void> {
    // A leading LF ends whatever partial line the device holds (line noise), so the header is
    // seen at once; Improv parsers skip it as a byte that does not start a header.
    return this.transport.write(Buffer.concat([Buffer.from([0x0a]), encodeRpc(command, data)]));
  }

  private rpc(command: number, data: Buffer, opts: RpcOptions & { multi?: boolean; stateAnswers?: boolean }): Promise<Buffer[][]> {
    const run = () => this.runRpc(command, data, opts);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private runRpc(command: number, data: Buffer, opts: RpcOptions & { multi?: boolean; stateAnswers?: boolean }): Promise<Buffer[][]> {
    if (this.closed) return Promise.reject(new EspWifiError('PORT_CLOSED', 'the Improv client was closed'));
    const timeoutMs = opts.timeoutMs ?? 5000;
    this.lastImprovLog = undefined;
    return new Promise<Buffer[][]>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending !== p) return;
        this.pending = undefined;
        reject(new TimeoutError(`Improv ${COMMAND_NAMES[command]}: no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        if (this.pending === p) this.pending = undefined;
      };
      const p: Pending = {
        command,
        multi: opts.multi === true,
        stateAnswers: opts.stateAnswers === true,
        collected: [],
        resolve: (r) => { done(); resolve(r); },
        reject: (e) => { done(); reject(e); },
      };
      this.pending = p;
      this.send(command, data).catch((e: unknown) => p.reject(e as Error));
    });
  }

  private failPending(err: Error): void {
    this.pending?.reject(err);
  }

  private nonsense(command: number, detail: string): ImprovError {
    return new ImprovError('IMPROV_BAD_RESULT', `Improv ${COMMAND_NAMES[command]}: the device's result makes no sense: ${detail}`, { command: COMMAND_NAMES[command]! });
  }

  private onPacket(pk: Packet): void {
    this.counters.packets++;
    const p = this.pending;
    switch (pk.type) {
      case PacketType.CURRENT_STATE: {
        const code = pk.data[0] ?? -1;
        const state: ImprovState = { state: (STATE_NAMES[code] ?? `unknown_0x${code.toString(16)}`) as ImprovStateName, code, urls: [] };
        this.state = state;
        this.emit('state', state);
        // Only a provisioned device follows its state with a result (the spec's "same response
        // as a successful provisioning"); for any other state the state is the whole answer.
        if (p?.stateAnswers && state.state !== 'provisioned') p.resolve([]);
        break;
      }
      case PacketType.ERROR_STATE: {
        const code = pk.data[0] ?? 0xff;
        const name = errorName(code);
        this.emit('errorState', { code, name });
        if (code !== 0 && p) p.reject(this.errorFor(p.command, code, name));
        break;
      }
      case PacketType.RPC_RESULT: {
        const r = decodeRpcResult(pk.data);
        if (typeof r === 'string') {
          this.logger?.warn(`improv: dropped an RPC result: ${r}`);
          break;
        }
        if (!p || r.command !== p.command) {
          this.logger?.debug(`improv: result for command ${r.command} nobody waits for`);
          break;
        }
        if (!p.multi) p.resolve([r.strings]);
        else if (r.strings.length > 0) p.collected.push(r.strings);
        else p.resolve(p.collected);
        break;
      }
      default:
        // RPC commands (0x03) are ours echoed by a loopback; anything else is a newer spec.
        this.logger?.debug(`improv: ignored a packet of type ${pk.type}`);
    }
  }

  private errorFor(command: number, code: number, name: string): ImprovError {
    const what = COMMAND_NAMES[command] ?? `command 0x${command.toString(16)}`;
    let message = `Improv ${what}: ${name} — ${ERROR_TEXT[name] ?? 'an error code the spec does not list'}`;
    const extra: ConstructorParameters<typeof ImprovError>[2] = { improvError: code, command: what };
    if (name === 'UNABLE_TO_CONNECT' && this.lastDisconnect) {
      const d = this.lastDisconnect;
      extra.disconnect = d;
      message += `: reason ${d.reason} ${d.name} (${d.meaning})`;
      if (d.likely) message += `; likely ${d.likely.cause === 'password' ? (this.passwordVerdict ?? 'a wrong password') : d.likely.cause} — ${d.likely.evidence}`;
      message += '. ' + d.action;
    } else {
      // Our firmware's `connected` without `got_ip`: it joined the AP and got no address.
      if (name === 'UNABLE_TO_CONNECT' && this.joined && !this.lastIp) message += ': it joined the network but got no IP address (no DHCP answer?)';
      if (this.lastImprovLog) {
        extra.deviceLog = this.lastImprovLog;
        message += ` (device log: ${this.lastImprovLog})`;
      }
    }
    return new ImprovError(`IMPROV_${name}`, message, extra);
  }

  private onLog(line: DeviceLogLine): void {
    this.counters.logLines++;
    if (line.tag === 'ew_improv') this.lastImprovLog = line.text;
    this.onRomBanner(line.text);
    if (this.logger) logDeviceLine(this.logger, line, 'debug');
    this.emit('log', line);
  }

  /**
   * The ESP32 ROM's reset line (`rst:0xc (SW_CPU_RESET),boot:0x13 ...`) on any Improv device: it
   * rebooted, and the answer to what was asked will never come. Our bridge says hello after it,
   * with the firmware's own reason (panic, brownout), so on espwifi firmware the hello decides.
   */
  private onRomBanner(text: string): void {
    if (!this.detected || this.espwifi) return;
    const m = /^rst:0x([0-9a-f]+) \(([A-Z0-9_]+)\)/i.exec(text.trim());
    if (!m) return;
    const rom = m[2]!.toUpperCase();
    const reason = /BROWN/.test(rom) ? 'brownout' : /WDT/.test(rom) ? 'wdt' : /POWERON/.test(rom) ? 'poweron' : /SW/.test(rom) ? 'sw' : /DEEPSLEEP/.test(rom) ? 'deepsleep' : 'unknown';
    this.failPending(new DeviceResetError(reason, `the device rebooted (its ROM printed rst:0x${m[1]} ${rom}); the request was lost: look at its log for a crash before the reboot, then retry`));
  }

  /** Our bridge's hello: the board rebooted, and the answer to what was asked will never come. */
  private onHello(f: Frame): void {
    if (!this.detected) return;
    let reason = 'unknown';
    try {
      reason = String((fields(f) as Record<string, unknown>).reset ?? reason);
    } catch {
      // a malformed hello still tells of a reboot; only its reason is unknown
    }
    this.failPending(new DeviceResetError(reason));
  }

  private onFrame(f: Frame): void {
    this.counters.frames++;
    this.espwifi = true;
    this.emit('frame', f);
    if (f.kind === 'e' && (f.verb === 'hello' || f.num === 0)) return this.onHello(f);
    if (f.kind !== 'e' || !this.pending || this.pending.command !== RpcCommand.WIFI_SETTINGS) return;
    let v: Record<string, unknown>;
    try {
      v = fields(f) as Record<string, unknown>;
    } catch {
      return; // a malformed event says nothing we could trust
    }
    if (f.verb === 'disconnected') {
      const reason = Number(v.reason ?? 0);
      const rssi = Number(v.rssi ?? 0);
      // One Improv attempt is one driver attempt: the evidence is this disconnect alone.
      const d = decodeReason(reason, { attempts: 1, rssi });
      const info: EspWifiDisconnect = { reason, name: d.name, meaning: d.meaning, action: d.action, rssi };
      if (d.likely) info.likely = d.likely;
      // Our own leave before a new network (reason 8) is not what ends the attempt.
      if (reason !== 8 || !this.lastDisconnect) this.lastDisconnect = info;
    } else if (f.verb === 'connected') {
      this.joined = true;
    } else if (f.verb === 'got_ip') {
      this.lastIp = { ip: String(v.ip), mask: String(v.mask), gw: String(v.gw), changed: v.changed === true || v.changed === 1 };
    }
  }
}
