// rfc2217://host:port — a serial port served over telnet with the COM-PORT-OPTION (RFC 2217), as
// ser2net (`accepter: telnet(rfc2217),tcp,PORT`), esptool's esp_rfc2217_server and labgrid exports
// provide. No npm package implements an RFC 2217 client, so this one is hand-written and kept to
// what a serial console needs: option negotiation (BINARY, SUPPRESS-GO-AHEAD, COM-PORT-OPTION),
// IAC escaping both ways, baud rate and 8N1, DTR/RTS, purge on open, server notifications.
import type { ControlSignals } from './types.js';
import { EspWifiError, PortError } from '../errors.js';
import { TcpTransportBase, type NetTransportOptions } from './socket.js';

export const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
export const OPT_BINARY = 0, OPT_SGA = 3, OPT_COM_PORT = 44;

/** Client→server COM-PORT-OPTION commands; the server answers with the same number + 100. */
export const CPO = {
  SIGNATURE: 0, SET_BAUDRATE: 1, SET_DATASIZE: 2, SET_PARITY: 3, SET_STOPSIZE: 4, SET_CONTROL: 5,
  NOTIFY_LINESTATE: 6, NOTIFY_MODEMSTATE: 7, FLOWCONTROL_SUSPEND: 8, FLOWCONTROL_RESUME: 9,
  SET_LINESTATE_MASK: 10, SET_MODEMSTATE_MASK: 11, PURGE_DATA: 12,
} as const;
export const SERVER_OFFSET = 100;
/** SET-CONTROL values used here (RFC 2217 §3). */
export const CONTROL = { NO_FLOW_CONTROL: 1, DTR_ON: 8, DTR_OFF: 9, RTS_ON: 11, RTS_OFF: 12 } as const;
const PARITY_NONE = 1, STOPSIZE_1 = 1, PURGE_BOTH = 3;

// Options we enable on our side (WILL) and ask the server to enable (DO).
const WANT_LOCAL = new Set([OPT_BINARY, OPT_SGA, OPT_COM_PORT]);
const WANT_REMOTE = new Set([OPT_BINARY, OPT_SGA]);

export interface Rfc2217Options extends NetTransportOptions {
  /** How long to wait for the server to accept COM-PORT-OPTION, default 3000 ms. */
  negotiationTimeoutMs?: number;
  /** How long to wait for a server's reply to a COM-PORT command, default 1000 ms. */
  ackTimeoutMs?: number;
}

/** Doubles every 0xFF so data (or a subnegotiation value) cannot be read as a telnet command. */
export function iacEscape(data: Uint8Array): Buffer {
  let n = 0;
  for (const b of data) if (b === IAC) n++;
  if (n === 0) return Buffer.from(data.buffer, data.byteOffset, data.length);
  const out = Buffer.alloc(data.length + n);
  let j = 0;
  for (const b of data) {
    out[j++] = b;
    if (b === IAC) out[j++] = IAC;
  }
  return out;
}

/** IAC SB COM-PORT-OPTION <command> <escaped value> IAC SE */
export function comPortCommand(command: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([IAC, SB, OPT_COM_PORT, command]), iacEscape(value), Buffer.from([IAC, SE])]);
}

type OptState = 'requested' | boolean;
type ParseState = 'data' | 'iac' | 'opt' | 'sb' | 'sb-iac';

interface Waiter { resolve: (value: Buffer | undefined) => void; timer: NodeJS.Timeout }

export class Rfc2217Transport extends TcpTransportBase {
  private readonly negotiationTimeoutMs: number;
  private readonly ackTimeoutMs: number;
  private us = new Map<number, OptState>();
  private him = new Map<number, OptState>();
  private state: ParseState = 'data';
  private verb = 0;
  private sb: number[] = [];
  private waiters = new Map<number, Waiter[]>();
  private comPortWaiter: ((ok: boolean) => void) | undefined;
  /** Last NOTIFY-MODEMSTATE / NOTIFY-LINESTATE bytes from the server (CTS, DSR, RI, CD; errors). */
  modemState: number | undefined;
  lineState: number | undefined;

  constructor(url: string, options: Rfc2217Options = {}) {
    super(url, 'rfc2217', options);
    this.negotiationTimeoutMs = options.negotiationTimeoutMs ?? 3000;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 1000;
  }

  /** True once the server accepted COM-PORT-OPTION. */
  get comPortEnabled(): boolean {
    return this.us.get(OPT_COM_PORT) === true;
  }

  protected override async afterConnect(): Promise<void> {
    this.us = new Map();
    this.him = new Map();
    this.state = 'data';
    const hello: number[] = [];
    for (const o of WANT_LOCAL) { hello.push(IAC, WILL, o); this.us.set(o, 'requested'); }
    for (const o of WANT_REMOTE) { hello.push(IAC, DO, o); this.him.set(o, 'requested'); }
    // 'refused': the server said WONT/DONT (an echo server returns our own offers, which refuses);
    // 'silent': no answer within the bound. The error says which, never a timeout that did not happen.
    const answer = new Promise<'accepted' | 'refused' | 'silent'>((resolve) => {
      const timer = setTimeout(() => { this.comPortWaiter = undefined; resolve('silent'); }, this.negotiationTimeoutMs);
      this.comPortWaiter = (ok) => { clearTimeout(timer); this.comPortWaiter = undefined; resolve(ok ? 'accepted' : 'refused'); };
    });
    // A failed write means the server hung up; `answer` then settles and says so below.
    await this.writeRaw(Buffer.from(hello)).catch(() => undefined);
    const got = await answer;
    if (got !== 'accepted') {
      if (!this.isOpen) {
        throw new PortError('busy',
          `${this.url} closed the connection during telnet negotiation: is another client connected to that serial port?`,
          { path: this.url });
      }
      const what = got === 'refused' ? 'refused the RFC 2217 COM-PORT-OPTION'
        : `did not answer the RFC 2217 COM-PORT-OPTION within ${this.negotiationTimeoutMs} ms`;
      throw new PortError('not-found',
        `${this.url} ${what}: ` +
        `if the server exports a raw TCP port use socket://${this.host}:${this.port}, or configure ser2net with \`accepter: telnet(rfc2217),tcp,${this.port}\``,
        { path: this.url });
    }
    const be32 = Buffer.alloc(4);
    be32.writeUInt32BE(this.baudRate);
    const setup: Array<[number, Buffer]> = [
      [CPO.SET_BAUDRATE, be32], [CPO.SET_DATASIZE, Buffer.from([8])],
      [CPO.SET_PARITY, Buffer.from([PARITY_NONE])], [CPO.SET_STOPSIZE, Buffer.from([STOPSIZE_1])],
      // Drop whatever the server buffered before we came: stale output would look like a reply.
      [CPO.PURGE_DATA, Buffer.from([PURGE_BOTH])],
    ];
    const replies = await Promise.all(setup.map(([cmd, value]) => this.command(cmd, value))).catch(() => []);
    if (!this.isOpen) {
      // ser2net accepts, negotiates, then hangs up when it cannot open the device behind it.
      const said = this.onlyText();
      throw new PortError('unplugged',
        `${this.url} closed the connection while the serial port was being set up` +
        (said ? `; all it sent: "${said}"` : ': check the serial server\'s log (is the device it exports there? another client on it?)'),
        { path: this.url });
    }
    replies.forEach((r, i) => {
      if (!r) this.log?.warn({ url: this.url, command: setup[i]![0] }, 'RFC 2217 server did not confirm a port setting');
    });
  }

  /** Sends one COM-PORT command and waits for the server's reply (undefined on timeout/close). */
  private async command(cmd: number, value: Uint8Array): Promise<Buffer | undefined> {
    const reply = new Promise<Buffer | undefined>((resolve) => {
      const list = this.waiters.get(cmd) ?? [];
      const w: Waiter = {
        resolve,
        timer: setTimeout(() => {
          const l = this.waiters.get(cmd);
          if (l) l.splice(l.indexOf(w), 1);
          resolve(undefined);
        }, this.ackTimeoutMs),
      };
      list.push(w);
      this.waiters.set(cmd, list);
    });
    await this.writeRaw(comPortCommand(cmd, value));
    return reply;
  }

  protected override onDisconnected(): void {
    for (const list of this.waiters.values()) for (const w of list) { clearTimeout(w.timer); w.resolve(undefined); }
    this.waiters.clear();
    this.comPortWaiter?.(false);
  }

  protected onSocketData(chunk: Buffer): void {
    // Data bytes are collected into runs so one TCP chunk gives one 'data' event.
    const out: number[] = [];
    for (const b of chunk) {
      switch (this.state) {
        case 'data':
          if (b === IAC) this.state = 'iac';
          else out.push(b);
          break;
        case 'iac':
          if (b === IAC) { out.push(IAC); this.state = 'data'; }
          else if (b === SB) { this.sb = []; this.state = 'sb'; }
          else if (b === DO || b === DONT || b === WILL || b === WONT) { this.verb = b; this.state = 'opt'; }
          else this.state = 'data'; // NOP, GA, AYT, ...: nothing to do for a serial stream
          break;
        case 'opt':
          this.negotiate(this.verb, b);
          this.state = 'data';
          break;
        case 'sb':
          if (b === IAC) this.state = 'sb-iac';
          else this.sb.push(b);
          break;
        case 'sb-iac':
          if (b === IAC) { this.sb.push(IAC); this.state = 'sb'; }
          else if (b === SE) { this.subnegotiation(Buffer.from(this.sb)); this.state = 'data'; }
          else this.state = 'data'; // malformed: drop the subnegotiation, keep the stream
          break;
      }
    }
    if (out.length) this.emit('data', Buffer.from(out));
  }

  // Answers only when an option's state changes, so two peers can never loop (RFC 854 / 1143).
  private negotiate(verb: number, opt: number): void {
    const reply: number[] = [];
    if (verb === DO || verb === DONT) {
      const cur = this.us.get(opt);
      if (verb === DO && WANT_LOCAL.has(opt)) {
        if (cur !== 'requested' && cur !== true) reply.push(IAC, WILL, opt);
        this.us.set(opt, true);
      } else {
        if (cur === true || (verb === DO && cur !== false)) reply.push(IAC, WONT, opt);
        this.us.set(opt, false);
      }
      if (opt === OPT_COM_PORT) this.comPortWaiter?.(this.us.get(opt) === true);
    } else {
      const cur = this.him.get(opt);
      if (verb === WILL && WANT_REMOTE.has(opt)) {
        if (cur !== 'requested' && cur !== true) reply.push(IAC, DO, opt);
        this.him.set(opt, true);
      } else {
        // e.g. ser2net's WILL ECHO: a serial stream wants no echo.
        if (cur === true || (verb === WILL && cur !== false)) reply.push(IAC, DONT, opt);
        this.him.set(opt, false);
      }
    }
    if (reply.length && this.isOpen) this.writeRaw(Buffer.from(reply)).catch(() => undefined);
  }

  private subnegotiation(sb: Buffer): void {
    if (sb[0] !== OPT_COM_PORT || sb.length < 2) return;
    const cmd = sb[1]! - SERVER_OFFSET;
    const value = sb.subarray(2);
    if (cmd === CPO.NOTIFY_LINESTATE) { this.lineState = value[0]; this.emit('linestate', value[0]); return; }
    if (cmd === CPO.NOTIFY_MODEMSTATE) { this.modemState = value[0]; this.emit('modemstate', value[0]); return; }
    const w = this.waiters.get(cmd)?.shift();
    if (w) { clearTimeout(w.timer); w.resolve(value); }
  }

  async write(data: Uint8Array): Promise<void> {
    await this.writeRaw(iacEscape(data));
  }

  async setBaudRate(baudRate: number): Promise<void> {
    if (!Number.isInteger(baudRate) || baudRate <= 0 || baudRate > 0xffffffff) {
      throw new EspWifiError('BAD_ARG', `baud rate must be a positive integer (got ${baudRate})`);
    }
    this.requireSocket();
    const v = Buffer.alloc(4);
    v.writeUInt32BE(baudRate);
    const reply = await this.command(CPO.SET_BAUDRATE, v);
    this.baudRate = baudRate;
    if (!reply || reply.length < 4) this.log?.warn({ url: this.url, baudRate }, 'RFC 2217 server did not confirm the baud rate');
    else if (reply.readUInt32BE(0) !== baudRate) {
      throw new EspWifiError('BAUD_REFUSED', `${this.url}: the serial server set ${reply.readUInt32BE(0)} baud instead of ${baudRate}`);
    }
  }

  /** Resolves false when the server does not confirm (ser2net serving a pseudo-terminal sends no
   *  SET-CONTROL reply because the modem ioctl fails there). */
  async setSignals(signals: ControlSignals): Promise<boolean> {
    this.requireSocket();
    const values: number[] = [];
    if (signals.dtr !== undefined) values.push(signals.dtr ? CONTROL.DTR_ON : CONTROL.DTR_OFF);
    if (signals.rts !== undefined) values.push(signals.rts ? CONTROL.RTS_ON : CONTROL.RTS_OFF);
    // Sent back to back in order (DTR first) without waiting between them: esptool-style reset
    // sequences depend on the lines changing close together, and a round trip would stretch it.
    const replies = await Promise.all(values.map((v) => this.command(CPO.SET_CONTROL, Buffer.from([v]))));
    const ok = replies.every((r) => r !== undefined);
    if (!ok) this.log?.debug({ url: this.url }, 'RFC 2217 server did not confirm DTR/RTS (a pseudo-terminal behind ser2net has no modem lines)');
    return ok;
  }
}
