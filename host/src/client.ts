// Request/reply over a byte transport: ids, partial replies, per-command timeouts, AbortSignal,
// bounded in-flight requests, event sequence tracking, hello (= device reset) handling.
// Knows frames and verbs, not Wi-Fi: the station logic is in board.ts and rules/.

import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Transport } from './transport/types.js';
import type { Frame } from './codec/frame.js';
import { encodeFrame } from './codec/frame.js';
import { FrameStream } from './codec/stream.js';
import { ImprovSplitter, type Packet as ImprovPacket } from './improv/packet.js';
import { buildRequest, definition, displayValue, fields as decodeFields, PROTOCOL_DEF, PROTOCOL_VERSION } from './protocol/index.js';
import { decodeEvent, isEventVerb } from './protocol/events.gen.js';
import { decodeReply, isReplyVerb } from './protocol/replies.gen.js';
import { ARG_TIMEOUT_MS, COMMAND_TIMEOUT_MS } from './protocol/host-tables.gen.js';
import { abortedError, CommandError, DeviceResetError, EspWifiError, PortError, ProtocolVersionError, TimeoutError } from './errors.js';
import { logDeviceLine } from './log.js';
import { toDeviceInfo } from './convert/replies.js';
import type { DeviceInfo, DeviceLogLine } from './types.js';

export interface Reply {
  id: number;
  /** Named fields of the final `ok` reply, decoded to numbers, booleans, enum names, Buffers, MACs. */
  fields: Record<string, unknown>;
  /** Decoded fields of each partial (`p`) frame, in arrival order (e.g. one per AP record). */
  partials: Record<string, unknown>[];
}

export interface RequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Field values as a person reads them in a log line: bytes (SSIDs) as text, not byte arrays. */
function loggable(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Uint8Array ? displayValue(v) : v]));
}

export interface ClientOptions {
  logger: Logger;
  /** Default timeout for commands that answer at once. */
  timeoutMs?: number;
  /** Requests on the wire at once; more wait in a queue. */
  maxInFlight?: number;
  /** Log device log lines on the logger (default true); false when the caller shows them itself. */
  deviceLog?: boolean;
}

/** The firmware reads one line at a time into a 1024-byte buffer; 8 short requests in flight
 *  keep the link busy without piling up more than the UART's receive FIFO can hold. */
const DEFAULT_MAX_IN_FLIGHT = 8;
const DEFAULT_TIMEOUT_MS = 3000;
/** Ids of timed-out requests stay unused for a while so a late reply cannot be mistaken for the
 *  answer to a new request that reused the id. */
const QUARANTINE = 256;
const SEQ_MAX = 4294967295;

interface Pending {
  id: number;
  verb: string;
  partials: Record<string, unknown>[];
  resolve(r: Reply): void;
  reject(e: unknown): void;
  timer?: NodeJS.Timeout;
}

interface Queued {
  verb: string;
  args: Record<string, unknown>;
  opts: RequestOptions;
  resolve(r: Reply): void;
  reject(e: unknown): void;
  onAbort?: () => void;
}

export interface HelloEvent {
  info: DeviceInfo;
  unexpected: boolean;
}

/**
 * Events: 'event' (verb, fields, seq) for every device event, 'hello' (HelloEvent), 'resync'
 * ({expected, got}) on a sequence gap, 'log' (DeviceLogLine), 'rxError' (fields), 'close' (err?),
 * 'fatal' (err) when the device turned out unusable (protocol major mismatch after a reboot),
 * 'improv' (packet) for an Improv packet on the line (protocol/IMPROV.md; never a log line).
 */
export class Client extends EventEmitter {
  readonly stream = new FrameStream();
  readonly counters = { rxErrors: 0, dropped: 0, gaps: 0, unknownReplies: 0, resets: 0 };
  /** What arrived while no hello came: tells silence, other firmware and a wrong baud rate apart. */
  private readonly heard = { bytes: 0, nonText: 0, logLines: 0, espIdfLines: 0, sample: '', echoes: 0 };
  /** Set once a handshake succeeded: what arrives afterwards can never word a NO_HELLO. */
  private heardJudged = false;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Queued[] = [];
  private readonly quarantine: number[] = [];
  /** The last foreign definition hash warned about (the hello's def). */
  private warnedDef: string | undefined;
  private nextId = 1;
  private lastSeq: number | null = null;
  private expectHello = 0;
  private closed: Error | null = null;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly maxInFlight: number;
  private readonly deviceLog: boolean;
  /** Device log lines are split off always, but parsed and handled only while somebody uses
   *  them: a 'log' listener, a logger that shows them, or the handshake judging what arrived
   *  (pino's "no work nobody asked for"). */
  private parsingLines = false;
  private handshaking = false;
  private readonly onLine = (l: DeviceLogLine) => this.onLog(l);
  private readonly onLevelChange = () => this.updateLineParsing();

  constructor(
    readonly transport: Transport,
    opts: ClientOptions,
  ) {
    super();
    this.log = opts.logger;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    this.deviceLog = opts.deviceLog !== false;
    // Improv packets share the line (PROTOCOL.md §1): taken out before line splitting, so a board
    // an Improv client has talked to never puts binary bytes into the device log.
    const improv = new ImprovSplitter({
      packet: (p: ImprovPacket) => this.emit('improv', p),
      bad: (detail) => this.log.debug(`dropped an Improv packet: ${detail}`),
      bytes: (b) => this.stream.push(b),
      packetStart: () => this.stream.reset(),
    });
    transport.on('data', (chunk: Buffer) => {
      this.noteBytes(chunk);
      improv.push(chunk);
    });
    transport.on('close', (err?: Error) => this.onClose(err));
    transport.on('error', (err: Error) => this.log.warn({ err }, 'transport error'));
    this.stream.on('frame', (f: Frame) => this.onFrame(f));
    this.on('newListener', (event: string | symbol) => {
      if (event === 'log') this.parseLines(true);
    });
    this.on('removeListener', (event: string | symbol) => {
      if (event === 'log') this.updateLineParsing();
    });
    if (this.deviceLog) watchLevel(this.log, this.onLevelChange);
    this.updateLineParsing();
    this.stream.on('dropped', (d: { error: string; detail: string }) => {
      this.counters.dropped++;
      this.log.warn({ error: d.error, detail: d.detail }, 'dropped a line from the device');
    });
  }

  private updateLineParsing(): void {
    this.parseLines(this.handshaking || this.listenerCount('log') > 0 || (this.deviceLog && this.log.isLevelEnabled('error')));
  }

  private parseLines(on: boolean): void {
    if (on === this.parsingLines) return;
    this.parsingLines = on;
    if (on) this.stream.on('log', this.onLine);
    else this.stream.off('log', this.onLine);
  }

  get isClosed(): boolean {
    return this.closed !== null;
  }

  /** Next hello is the one we asked for (reset command), not a surprise reset. */
  expectReset(): void {
    this.expectHello++;
  }

  request(verb: string, args: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<Reply> {
    if (this.closed) return Promise.reject(this.closed);
    if (opts.signal?.aborted) return Promise.reject(abortedError(opts.signal.reason, verb));
    // Validate now so a bad argument fails at the call site, not after queueing.
    try {
      buildRequest(1, verb, args);
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise<Reply>((resolve, reject) => {
      const q: Queued = { verb, args, opts, resolve, reject };
      if (opts.signal) {
        q.onAbort = () => {
          const i = this.queue.indexOf(q);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(abortedError(opts.signal!.reason, verb));
          }
        };
        opts.signal.addEventListener('abort', q.onAbort, { once: true });
      }
      this.queue.push(q);
      this.pump();
    });
  }

  private pump(): void {
    while (!this.closed && this.pending.size < this.maxInFlight && this.queue.length) {
      const q = this.queue.shift()!;
      if (q.onAbort) q.opts.signal!.removeEventListener('abort', q.onAbort);
      // Aborted while an abort listener was running (ours removed mid-dispatch): never send it.
      if (q.opts.signal?.aborted) {
        q.reject(abortedError(q.opts.signal.reason, q.verb));
        continue;
      }
      this.dispatch(q);
    }
  }

  private allocId(): number {
    for (let n = 0; n < 65535; n++) {
      const id = this.nextId;
      this.nextId = (this.nextId % 65535) + 1;
      if (!this.pending.has(id) && !this.quarantine.includes(id)) return id;
    }
    throw new EspWifiError('BUSY', 'no free request id');
  }

  private dispatch(q: Queued): void {
    const id = this.allocId();
    const p: Pending = { id, verb: q.verb, partials: [], resolve: q.resolve, reject: q.reject };
    const timeoutMs = q.opts.timeoutMs ?? this.defaultTimeout(q.verb, q.args);
    const signal = q.opts.signal;
    const finish = () => {
      clearTimeout(p.timer);
      signal?.removeEventListener('abort', onAbort);
      this.pending.delete(id);
    };
    const giveUp = (err: unknown) => {
      if (this.pending.get(id) !== p) return;
      finish();
      this.quarantine.push(id);
      if (this.quarantine.length > QUARANTINE) this.quarantine.shift();
      q.reject(err);
      this.pump();
    };
    const onAbort = () => giveUp(abortedError(signal!.reason, q.verb));
    p.resolve = (r) => {
      finish();
      q.resolve(r);
      this.pump();
    };
    p.reject = (e) => {
      finish();
      q.reject(e);
      this.pump();
    };
    p.timer = setTimeout(() => giveUp(new TimeoutError(`no reply to ${q.verb} within ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.pending.set(id, p);
    let frame: Frame;
    try {
      frame = buildRequest(id, q.verb, q.args);
    } catch (e) {
      p.reject(e);
      return;
    }
    const bytes = encodeFrame(frame);
    if (this.log.isLevelEnabled('debug')) this.logRequest(id, q.verb, q.args, bytes);
    this.transport.write(bytes).catch((e: unknown) => p.reject(this.portError(e)));
  }

  /** --log-level debug: each request with its arguments; trace: the frame itself. A secret
   *  argument (the Wi-Fi password) shows as ******** in both, and the traced frame is then
   *  rebuilt with that mask (said so), never the bytes that went out. */
  private logRequest(id: number, verb: string, args: Record<string, unknown>, bytes: Buffer): void {
    const secrets = new Set((definition.commands as unknown as Record<string, { args?: readonly { name: string; secret?: boolean }[] }>)[verb]?.args?.filter((a) => a.secret).map((a) => a.name) ?? []);
    const masked = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, secrets.has(k) && v !== undefined ? '********' : v]));
    this.log.debug({ id, verb, args: loggable(masked) }, `request ${verb}`);
    if (!this.log.isLevelEnabled('trace')) return;
    const hidden = Object.keys(args).some((k) => secrets.has(k));
    const shown = hidden ? encodeFrame(buildRequest(id, verb, { ...args, ...Object.fromEntries([...secrets].filter((k) => k in args).map((k) => [k, Buffer.from('********')])) })) : bytes;
    this.log.trace({ tx: shown.toString('latin1').trimEnd(), ...(hidden ? { masked: [...secrets] } : {}) }, 'frame out');
  }

  /** Commands that answer after the work is done wait longer (protocol.json "timeout_ms" of the
   *  command, or of an argument that is set, as scan's block). */
  private defaultTimeout(verb: string, args: Record<string, unknown>): number {
    for (const [arg, ms] of Object.entries(ARG_TIMEOUT_MS[verb] ?? {})) if (args[arg] === true || args[arg] === 1) return ms;
    return Math.max(COMMAND_TIMEOUT_MS[verb] ?? 0, this.timeoutMs);
  }

  private onFrame(f: Frame): void {
    if (this.log.isLevelEnabled('trace')) this.log.trace({ rx: encodeFrame(f).toString('latin1').trimEnd() }, 'frame in');
    if (f.kind === 'e') return this.onEvent(f);
    if (f.kind === 'q') { // our own echo on a loopback; never addressed to us
      if (!this.heardJudged) this.heard.echoes++;
      return;
    }
    const p = this.pending.get(f.num);
    if (!p) {
      this.counters.unknownReplies++;
      this.log.debug({ id: f.num, verb: f.verb }, 'reply to a request no longer waiting (timed out or aborted)');
      return;
    }
    let fl: Record<string, unknown>;
    try {
      fl = decodeFields(f) as Record<string, unknown>;
      // An ok reply must carry what protocol.json says the command answers: never a defaulted value.
      if (f.kind === 'r' && f.verb === 'ok' && isReplyVerb(p.verb)) fl = decodeReply(p.verb, fl) as Record<string, unknown>;
    } catch (e) {
      return p.reject(e);
    }
    if (f.kind === 'p') {
      p.partials.push(fl);
      return;
    }
    if (p.verb === 'status' && typeof fl.seq === 'number') {
      // Sync synchronously, before any event that follows this reply in the byte stream.
      this.lastSeq = fl.seq;
    }
    if (this.log.isLevelEnabled('debug')) this.log.debug({ id: f.num, verb: p.verb, reply: f.verb, fields: loggable(fl), ...(p.partials.length ? { partials: p.partials.length } : {}) }, `reply ${p.verb} ${f.verb}`);
    if (f.verb === 'ok') p.resolve({ id: f.num, fields: fl, partials: p.partials });
    else p.reject(commandError(p.verb, f, fl));
  }

  private onEvent(f: Frame): void {
    let fl: Record<string, unknown> | null;
    try {
      fl = decodeFields(f) as Record<string, unknown>;
      // A hello is read leniently: one from another protocol major must still be reported as such.
      if (f.verb !== 'hello' && isEventVerb(f.verb)) fl = decodeEvent(f.verb, fl) as Record<string, unknown>;
    } catch (e) {
      this.log.warn({ err: e, verb: f.verb }, 'undecodable event');
      fl = null;
    }
    if (f.num === 0 || f.verb === 'hello') {
      this.lastSeq = 0;
      return this.onHello(fl ?? {});
    }
    let gap: { expected: number; got: number } | null = null;
    if (this.lastSeq !== null) {
      const expected = this.lastSeq >= SEQ_MAX ? 1 : this.lastSeq + 1;
      if (f.num !== expected) {
        this.counters.gaps++;
        this.log.warn({ expected, got: f.num }, 'event sequence gap: missed events, re-reading status');
        gap = { expected, got: f.num };
      }
    }
    this.lastSeq = f.num;
    // Its sequence number counted; its content is not passed on: nobody acts on fields the frame did not carry.
    if (!fl) {
      if (gap) this.emit('resync', gap);
      return;
    }
    if (this.log.isLevelEnabled('debug')) this.log.debug({ seq: f.num, event: f.verb, fields: loggable(fl) }, `event ${f.verb}`);
    if (f.verb === 'rx_error') {
      this.counters.rxErrors++;
      this.log.warn({ error: fl.error, line: fl.line }, 'the device dropped a line it could not trust');
      this.emit('rxError', fl);
    }
    this.emit('event', f.verb, fl, f.num);
    // After the event itself, so the re-read status is never older than what listeners saw.
    if (gap) this.emit('resync', gap);
  }

  private onHello(fl: Record<string, unknown>): void {
    const info = toDeviceInfo(fl);
    const unexpected = this.expectHello === 0;
    if (!unexpected) this.expectHello--;
    // Whether asked for or not, a rebooted device will never answer what was in flight.
    if (unexpected) this.counters.resets++;
    if (unexpected || this.pending.size) this.log.warn({ reset: info.reset, pending: this.pending.size, unexpected }, 'the device reset');
    const err = new DeviceResetError(info.reset);
    for (const p of [...this.pending.values()]) p.reject(err);
    const versionErr = checkVersion(info);
    if (versionErr) {
      // Not 'error': an EventEmitter throws on an unheard 'error', and this runs in a data callback.
      this.fail(versionErr);
      this.emit('fatal', versionErr);
      return;
    }
    this.noteDefinition(info);
    this.emit('hello', { info, unexpected } satisfies HelloEvent);
  }

  /** Same major version, but built from another protocol.json (the hello's def, MAVLink's
   *  CRC_EXTRA idea): fields may be read differently, so say so once per definition seen. */
  private noteDefinition(info: DeviceInfo): void {
    if (info.def === undefined || info.def === PROTOCOL_DEF || this.warnedDef === info.def) return;
    this.warnedDef = info.def;
    this.log.warn({ boardDef: info.def, hostDef: PROTOCOL_DEF, proto: info.proto },
      'the board firmware and this host were built from different protocol definitions (protocol.json): flash firmware built from the same espwifi version');
  }

  private noteBytes(chunk: Buffer): void {
    if (this.heardJudged || this.heard.bytes > 65536) return; // enough to judge; no cost on a long-running link
    this.heard.bytes += chunk.length;
    const text = chunk.toString('utf8');
    // Replacement characters (invalid UTF-8) and control bytes other than tab, CR, LF and ESC.
    // eslint-disable-next-line no-control-regex
    this.heard.nonText += (text.match(/[\uFFFD\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g) ?? []).length;
  }

  private onLog(l: DeviceLogLine): void {
    if (!this.heardJudged) this.noteLogLine(l);
    if (this.deviceLog) logDeviceLine(this.log, l);
    this.emit('log', l);
  }

  /** Before a hello: counts log lines, and ESP-IDF ones (another firmware?), for NO_HELLO. */
  private noteLogLine(l: DeviceLogLine): void {
    this.heard.logLines++;
    if (l.level && l.tag !== undefined) {
      this.heard.espIdfLines++;
      if (!this.heard.sample) this.heard.sample = `${l.level} (${l.time ?? '?'}) ${l.tag}: ${l.text}`.slice(0, 80);
    }
  }

  private onClose(err?: Error): void {
    if (this.closed) return;
    const e = err instanceof PortError
      ? err
      : err
      ? new PortError('unplugged', `${this.transport.url}: the port went away (${err.message}); check the cable and the port name, then open the board again`)
      : new PortError('closed', `${this.transport.url}: the port was closed`);
    this.fail(e);
    this.emit('close', err);
  }

  private fail(err: Error): void {
    this.closed ??= err;
    unwatchLevel(this.log, this.onLevelChange);
    for (const p of [...this.pending.values()]) p.reject(err);
    for (const q of this.queue.splice(0)) {
      if (q.onAbort) q.opts.signal!.removeEventListener('abort', q.onAbort);
      q.reject(err);
    }
  }

  private portError(e: unknown): Error {
    if (e instanceof EspWifiError) return e;
    return new PortError('unplugged', `${this.transport.url}: write failed (${(e as Error)?.message ?? e})`);
  }

  /** Reads `info`, retrying while the board may still print boot noise. */
  async handshake(attempts = 4, perTryMs = 1000): Promise<DeviceInfo> {
    let hello: DeviceInfo | null = null;
    const onHello = (h: HelloEvent) => (hello = h.info);
    this.on('hello', onHello);
    // What arrived instead of a hello (ESP-IDF lines of other firmware?) words NO_HELLO.
    this.handshaking = true;
    this.updateLineParsing();
    try {
      for (let i = 0; i < attempts; i++) {
        try {
          const r = await this.request('info', {}, { timeoutMs: perTryMs });
          const info = toDeviceInfo(r.fields);
          const v = checkVersion(info);
          if (v) throw v;
          this.noteDefinition(info);
          this.heardJudged = true;
          return info;
        } catch (e) {
          if (this.closed) throw this.closed; // version mismatch seen in a hello, or the port went away
          if (hello) {
            this.heardJudged = true;
            return hello;
          }
          if (!(e instanceof TimeoutError) && !(e instanceof DeviceResetError)) throw e;
        }
      }
    } finally {
      this.off('hello', onHello);
      this.handshaking = false;
      this.updateLineParsing();
    }
    throw new EspWifiError('NO_HELLO', noHelloMessage(this.transport.url, this.heard));
  }

  async close(): Promise<void> {
    this.fail(new PortError('closed', `${this.transport.url}: the board was closed`));
    if (this.transport.isOpen) await this.transport.close();
  }
}

/** "No hello" in the words that fit what did arrive: nothing, only our own requests echoed back,
 *  ESP-IDF log lines of other firmware, other text, or bytes that are not text at all (a wrong baud rate). */
export function noHelloMessage(url: string, h: { bytes: number; nonText: number; logLines: number; espIdfLines: number; sample: string; echoes?: number }): string {
  const head = `no hello from the board on ${url}`;
  if (h.bytes === 0) {
    return `${head}, and nothing else either (silence): is the board powered and is this its port? A board running other firmware that prints nothing looks the same; flash the bridge with \`espwifi flash\``;
  }
  if (h.echoes && h.logLines === 0) {
    return `${head}: all that came back were our own requests (${h.echoes} echoed): the line sends back what it is sent (an echo server, or TX wired to RX), and no board answers on it`;
  }
  if (h.nonText > Math.max(4, h.bytes * 0.05)) {
    return `${head}: ${h.bytes} bytes arrived that are not text (${h.nonText} unreadable): likely a wrong baud rate (the bridge talks at 115200; try --baud) or another protocol on this port`;
  }
  if (h.espIdfLines > 0) {
    return `${head}: it prints ESP-IDF log lines (e.g. "${h.sample}") but no espwifi hello, so it runs other firmware: flash the bridge with \`espwifi flash\`, or watch that firmware's Wi-Fi with \`espwifi watch --port ${url}\``;
  }
  return `${head}: it prints text (${h.logLines} line${h.logLines === 1 ? '' : 's'}) but no espwifi hello, so it runs other firmware: flash the bridge with \`espwifi flash\`, or see what it prints with \`espwifi watch --port ${url}\``;
}

function checkVersion(info: DeviceInfo): ProtocolVersionError | null {
  const major = Number(info.proto.split('.')[0]);
  if (major === PROTOCOL_VERSION.major) return null;
  return new ProtocolVersionError(info.proto, `${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`);
}

function commandError(verb: string, f: Frame, fl: Record<string, unknown>): Error {
  return new CommandError(verb, String(fl.name ?? f.tokens[0]?.value.toString('latin1') ?? 'UNKNOWN'), fl);
}

/** One 'level-change' listener per logger, however many clients share it (a watch of 256 boards
 *  shares one): a level raised later still shows the device's lines. */
const levelWatchers = new WeakMap<Logger, Set<() => void>>();
function watchLevel(logger: Logger, fn: () => void): void {
  let set = levelWatchers.get(logger);
  if (!set) {
    const fns = new Set<() => void>();
    set = fns;
    levelWatchers.set(logger, fns);
    (logger as Partial<Pick<Logger, 'on'>>).on?.('level-change', () => {
      for (const f of fns) f();
    });
  }
  set.add(fn);
}
function unwatchLevel(logger: Logger, fn: () => void): void {
  levelWatchers.get(logger)?.delete(fn);
}
