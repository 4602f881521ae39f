// Test-side serial harness for the virtual board: opens the pty with `serialport`, splits lines,
// sends requests and waits for replies/events. Test utility only (see frames.ts).
import { SerialPort } from 'serialport';
import { VirtualBoard, type VirtualBoardOptions } from '../../host/src/sim/virtual-board.js';
import { decodeLine, encodeRequest, type Frame } from './frames.js';

export interface Line { at: number; text: string; frame: Frame | null; bad?: string }

export class Wire {
  readonly lines: Line[] = [];
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private nextId = 1;

  private constructor(readonly sp: SerialPort) {
    sp.on('data', (d: Buffer) => this.push(d));
  }

  static async open(path: string): Promise<Wire> {
    const sp = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((res, rej) => sp.open((e) => (e ? rej(e) : res())));
    return new Wire(sp);
  }

  private push(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const i = this.buf.findIndex((b) => b === 0x0a || b === 0x0d);
      if (i < 0) break;
      const text = this.buf.subarray(0, i).toString('utf8');
      this.buf = this.buf.subarray(i + 1);
      if (!text.length) continue;
      let frame: Frame | null = null;
      let bad: string | undefined;
      try {
        frame = decodeLine(text);
      } catch (e) {
        bad = (e as Error).message;
      }
      this.lines.push({ at: Date.now(), text, frame, bad });
    }
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first line (from index `from`) that matches, or rejects after timeoutMs. */
  async waitLine(pred: (l: Line) => boolean, timeoutMs = 10_000, from = 0): Promise<Line> {
    const deadline = Date.now() + timeoutMs;
    let i = from;
    for (;;) {
      for (; i < this.lines.length; i++) if (pred(this.lines[i])) return this.lines[i];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timeout waiting for line; last lines:\n${this.lines.slice(-8).map((l) => l.text).join('\n')}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => { clearTimeout(t); res(); });
      });
    }
  }

  mark(): number { return this.lines.length; }

  async event(verb: string, from = 0, timeoutMs = 10_000, pred: (f: Frame) => boolean = () => true): Promise<Frame> {
    const l = await this.waitLine((x) => x.frame?.kind === 'e' && x.frame.verb === verb && pred(x.frame), timeoutMs, from);
    return l.frame!;
  }

  events(verb: string, from = 0): Frame[] {
    return this.lines.slice(from).filter((l) => l.frame?.kind === 'e' && l.frame.verb === verb).map((l) => l.frame!);
  }

  async request(verb: string, args: Record<string, string | number | Buffer | undefined> = {}, timeoutMs = 10_000): Promise<{ r: Frame; partials: Frame[] }> {
    const id = this.nextId++;
    const from = this.mark();
    this.sp.write(encodeRequest(id, verb, args));
    const reply = await this.waitLine((l) => l.frame?.kind === 'r' && l.frame.num === id, timeoutMs, from);
    const partials = this.lines.slice(from).filter((l) => l.frame?.kind === 'p' && l.frame.num === id).map((l) => l.frame!);
    return { r: reply.frame!, partials };
  }

  /** Sends a request without waiting for its reply; returns its id. */
  send(verb: string, args: Record<string, string | number | Buffer | undefined> = {}): number {
    const id = this.nextId++;
    this.sp.write(encodeRequest(id, verb, args));
    return id;
  }

  /** request that must succeed */
  async ok(verb: string, args: Record<string, string | number | Buffer | undefined> = {}, timeoutMs?: number): Promise<Frame> {
    const { r } = await this.request(verb, args, timeoutMs);
    if (r.verb !== 'ok') throw new Error(`${verb} failed: ${r.raw}`);
    return r;
  }

  /** request that must fail; returns the error name */
  async err(verb: string, args: Record<string, string | number | Buffer | undefined> = {}): Promise<string> {
    const { r } = await this.request(verb, args);
    if (r.verb !== 'err') throw new Error(`${verb} unexpectedly succeeded: ${r.raw}`);
    return r.pos[0];
  }

  async close(): Promise<void> {
    if (!this.sp.isOpen) return;
    await new Promise<void>((res) => this.sp.close(() => res()));
  }
}

export interface Rig { vb: VirtualBoard; w: Wire }

/** A virtual board (fast clock, no pacing unless asked) with the port open and the boot done. */
export async function rig(opts: VirtualBoardOptions = {}): Promise<Rig> {
  const vb = await VirtualBoard.start({ speed: 20, pacing: false, seed: 1, stderr: 'inherit', ...opts });
  const w = await Wire.open(vb.port);
  await w.ok('ping');
  return { vb, w };
}

export async function teardown(r?: Rig): Promise<void> {
  if (!r) return;
  await r.w.close();
  await r.vb.stop();
}

/**
 * Shows that nothing more is coming without waiting on the wall clock: jumps the board's virtual
 * clock by advanceMs (timers due meanwhile fire in order), then makes a round trip on the serial
 * line, so every line the board wrote before its reply has been read when this resolves.
 */
export async function settle(r: Rig, advanceMs: number): Promise<void> {
  await r.vb.time(advanceMs);
  await r.w.ok('ping');
}

/** init + mode + config + start, waiting for STA_START. */
export async function station(w: Wire, cfg: Record<string, string | number | undefined>): Promise<void> {
  const from = w.mark();
  await w.ok('init');
  await w.ok('mode', { m: 'sta' });
  await w.ok('config', cfg);
  await w.ok('start');
  await w.event('sta_start', from);
}

/** Sends connect and resolves with the first connected/disconnected event after it. */
export async function connectOutcome(w: Wire, timeoutMs = 15_000): Promise<{ ev: Frame; from: number }> {
  const from = w.mark();
  await w.ok('connect');
  const l = await w.waitLine((x) => x.frame?.kind === 'e' && (x.frame.verb === 'connected' || x.frame.verb === 'disconnected'), timeoutMs, from);
  return { ev: l.frame!, from };
}

/** Virtual ms since boot printed in an ESP_LOG line ("I (1234) tag: ..."), colour codes allowed. */
export function logTime(text: string): number {
  const m = /[EWIDV] \((\d+)\)/.exec(text);
  if (!m) throw new Error(`not an ESP_LOG line: ${text}`);
  return Number(m[1]);
}

/** Polls cond (sync or async) until it holds, or throws after timeoutMs. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((res) => setTimeout(res, 20));
  }
}
