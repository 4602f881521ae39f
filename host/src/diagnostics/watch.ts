// A live port through the diagnostics stack. Passive by default: the port opens with DTR/RTS
// released (the transport never pulses them), the client only reads — log lines and, on our
// bridge firmware, event frames — and nothing is written. With `bridge`, the board is opened as a
// Board (handshake, status) so the library's reconnection policy keeps it connected.
import type { Logger } from 'pino';
import { pino } from 'pino';
import { sleep } from '../async.js';
import type { Board } from '../board.js';
import { openBoard } from '../open-board.js';
import { Client, type HelloEvent } from '../client.js';
import type { DeviceLogLine } from '../codec/stream.js';
import { hardResetSequence } from '../flash/reset.js';
import { createTransport, type Transport } from '../transport/index.js';
import { bridgeObservations, helloObservation } from './bridge.js';
import { CUT_TAIL } from './lines.js';
import { PortRelay } from './share.js';
import { Diagnoser, type DiagnoseOptions, type Report } from './diagnose.js';
import type { Observation } from './types.js';

export interface WatchOptions extends DiagnoseOptions {
  port: string;
  baudRate?: number;
  logger?: Logger;
  /** Talk to our bridge firmware (handshake, reconnection policy). Writes to the port. */
  bridge?: boolean;
  /** With `bridge`: keep the board connected (default true). */
  reconnect?: boolean;
  /** DTR/RTS hard reset before watching (off by default: watching never resets). */
  reset?: boolean;
  /** Relay the port to other espwifi commands (passive watching only; default true). */
  share?: boolean;
  /** Something worth saying that is not a line (bridge firmware seen, reconnecting...). */
  onNote?(text: string): void;
}

export class Watcher {
  readonly diagnoser: Diagnoser;
  /** Resolves with the port's error when it goes away (unplugged), undefined when closed by us. */
  readonly closed: Promise<Error | undefined>;
  private resolveClosed!: (e: Error | undefined) => void;
  private client: Client | undefined;
  private board: Board | undefined;
  private transport: Transport | undefined;
  private bridgeSeen = false;
  private report: Report | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private relay: PortRelay | undefined;

  private constructor(private readonly opts: WatchOptions) {
    this.diagnoser = new Diagnoser(opts);
    this.closed = new Promise((r) => (this.resolveClosed = r));
  }

  static async open(opts: WatchOptions): Promise<Watcher> {
    const w = new Watcher(opts);
    await w.start();
    return w;
  }

  private async start(): Promise<void> {
    const o = this.opts;
    const logger = o.logger ?? pino({ level: 'silent' });
    if (o.reset || !o.bridge) {
      this.transport = await createTransport(o.port, { baudRate: o.baudRate, logger });
      await this.transport.open();
      if (o.reset) await this.hardReset(this.transport);
    }
    if (o.bridge) {
      // openBoard opens the port itself (again released lines); the reset's transport is done.
      if (this.transport) await this.transport.close();
      this.transport = undefined;
      this.board = await openBoard({ port: o.port, baudRate: o.baudRate, logger, reconnect: o.reconnect === false ? false : {}, helloAttempts: o.reset ? 8 : 4 });
      this.client = this.board.client;
      this.board.on('reconnecting', (r) => o.onNote?.(`reconnecting (attempt ${r.attempt}${r.delayMs ? `, in ${r.delayMs} ms` : ''})`));
      this.board.on('gaveUp', (g) => o.onNote?.(`the reconnection policy gave up after ${g.attempts} attempts (last reason ${g.reason})`));
      this.board.on('error', (e) => o.onNote?.(`board error: ${e.message}`));
      this.bridgeSeen = true;
    } else {
      this.client = new Client(this.transport!, { logger });
      // Other espwifi commands for this port go through us instead of failing with "port busy".
      if (o.share !== false) this.relay = await PortRelay.serve(this.transport!, o.port, o.onNote).catch(() => undefined);
    }
    const c = this.client;
    c.on('log', (l: DeviceLogLine) => this.diagnoser.line(l.raw, Date.now(), l.truncated ? CUT_TAIL : 0));
    c.on('event', (verb: string, fields: Record<string, unknown>) => {
      // A frame with a good CRC is our bridge firmware as surely as a hello is.
      this.noteBridgeSeen();
      const obs = bridgeObservations(verb, fields);
      if (obs.length) this.diagnoser.observe(`[event] ${verb}`, obs, Date.now());
    });
    c.on('hello', (h: HelloEvent) => {
      this.noteBridgeSeen();
      if (h.unexpected) this.diagnoser.observe(`[hello] reset=${h.info.reset}`, [helloObservation(h.info.reset)], Date.now());
    });
    c.on('close', (err?: Error) => this.resolveClosed(err));
    if (this.board) await this.startFromStatus(this.board);
    this.ticker = setInterval(() => this.diagnoser.tick(), 1000);
    this.ticker.unref();
  }

  /** Passive watching of our bridge firmware: say once how to use it (writing needs --bridge). */
  private noteBridgeSeen(): void {
    if (this.bridgeSeen) return;
    this.bridgeSeen = true;
    this.opts.onNote?.('espwifi bridge firmware seen: add --bridge to use it (exact events, kept connected)');
  }

  /** The bridge says where the station is now: a connection under way when watching starts is
   *  the first episode (so a later IP change or disconnect belongs to it). */
  private async startFromStatus(board: Board): Promise<void> {
    const st = await board.status().catch(() => undefined);
    if (!st || (st.phase !== 'connected' && st.phase !== 'got_ip')) return;
    const obs: Observation[] = [{ kind: 'connected', ...(st.ssidText !== undefined ? { ssid: st.ssidText } : {}), ...(st.bssid ? { bssid: st.bssid.toLowerCase() } : {}), ...(st.channel ? { channel: st.channel } : {}) }];
    if (st.rssi !== undefined && st.rssi < 0 && st.rssi > -127) obs.push({ kind: 'rssi', rssi: st.rssi });
    if (st.phase === 'got_ip' && st.ip) obs.push({ kind: 'got-ip', ip: st.ip, ...(st.mask ? { mask: st.mask } : {}), ...(st.gw ? { gw: st.gw } : {}) });
    this.diagnoser.observe(`[status] ${st.phase}${st.ip ? ` ip=${st.ip}` : ''}`, obs, Date.now());
  }

  private async hardReset(t: Transport): Promise<void> {
    for (const step of hardResetSequence()) {
      if ('wait' in step) await sleep(step.wait);
      else if (!(await t.setSignals({ dtr: step.dtr, rts: step.rts }))) {
        this.opts.onNote?.('this port has no DTR/RTS lines (a pseudo-terminal?): --reset did nothing');
        return;
      }
    }
  }

  /** Stops watching and returns the report (the open episode ends with the log). */
  async close(): Promise<Report> {
    if (this.report) return this.report;
    clearInterval(this.ticker);
    await this.relay?.close();
    this.report = this.diagnoser.end();
    const done = this.board ? this.board.close() : this.transport?.close();
    await done?.catch(() => undefined);
    this.resolveClosed(undefined);
    return this.report;
  }
}
