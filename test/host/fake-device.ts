// A scripted peer on the device end of a pty pair (test/support/pty-pair) or of an in-memory
// transport (FakeDevice.inMemory: no pty at all), for the client's mechanics (ids,
// partials, timeouts, in-flight bound, sequence gaps, hellos) where exact timing and ordering
// must be forced. Behaviour of the real firmware is tested against the virtual board instead.
import { decodeLine, encodeFrame, type Frame } from '../../host/src/codec/frame.js';
import { MemoryTransport } from '../../host/src/transport/memory.js';
import { ptyPair, type PtyPair } from './pty-pair.js';

export type Handler = (req: Frame, dev: FakeDevice) => void;

const tok = (k: string | undefined, v: string | Buffer) => {
  const value = Buffer.isBuffer(v) ? v : Buffer.from(v);
  return k === undefined ? { value } : { key: k, value };
};

export class FakeDevice {
  seq = 0;
  readonly requests: Frame[] = [];
  handlers = new Map<string, Handler>();
  private pending = '';
  private timer: NodeJS.Timeout;

  private constructor(readonly pair: PtyPair) {
    this.timer = setInterval(() => this.poll(), 5);
    this.handlers.set('info', (q) => this.reply(q.num, 'ok', FakeDevice.helloFields()));
    this.handlers.set('status', (q) => this.reply(q.num, 'ok', { phase: 'uninit', mode: 'null', scan: 'idle', scan_id: '0', unfetched: '0', last_reason: '0', seq: String(this.seq), rx_frames: '0', bad_crc: '0', too_long: '0', malformed: '0', cleared: '0' }));
    this.handlers.set('ping', (q) => this.reply(q.num, 'ok'));
  }

  /** Set for a device made by inMemory(): open the board with `openBoard({ transport })`. */
  transport?: MemoryTransport;

  static async create(): Promise<FakeDevice> {
    return new FakeDevice(await ptyPair());
  }

  /** The same scripted peer on a MemoryTransport: the host end is `dev.transport`. */
  static inMemory(): FakeDevice {
    const transport = new MemoryTransport();
    let unread = '';
    transport.device.onData((chunk) => (unread += chunk.toString('latin1')));
    const link: PtyPair = {
      host: transport.url,
      device: 'memory',
      write: (line) => transport.device.write(line),
      read: () => {
        const s = unread;
        unread = '';
        return s;
      },
      close: async () => {},
    };
    const dev = new FakeDevice(link);
    dev.transport = transport;
    return dev;
  }

  static helloFields(proto = '1.0', reset = 'poweron'): Record<string, string> {
    return { proto, fw: '0.0.1-fake', idf: 'v5.5', chip: 'esp32c3', rev: '3', mac: '307bac694190', reset };
  }

  get port(): string {
    return this.pair.host;
  }

  private poll(): void {
    this.pending += this.pair.read();
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      const r = decodeLine(Buffer.from(line, 'latin1'));
      if (r.type !== 'frame' || r.frame.kind !== 'q') continue;
      this.requests.push(r.frame);
      this.handlers.get(r.frame.verb)?.(r.frame, this);
    }
  }

  private closed = false;

  send(f: Frame): void {
    if (this.closed) return; // a scripted timer firing after the test ended
    this.pair.write(encodeFrame(f));
  }

  reply(id: number, verb: 'ok' | 'err', fields: Record<string, string> = {}, positional: string[] = []): void {
    this.send({ kind: 'r', num: id, verb, tokens: [...positional.map((p) => tok(undefined, p)), ...Object.entries(fields).map(([k, v]) => tok(k, v))] });
  }

  partial(id: number, positional: (string | Buffer)[]): void {
    this.send({ kind: 'p', num: id, verb: 'ap', tokens: positional.map((p) => tok(undefined, p)) });
  }

  event(verb: string, fields: Record<string, string> = {}, seq?: number): void {
    this.seq = seq ?? this.seq + 1;
    this.send({ kind: 'e', num: this.seq, verb, tokens: Object.entries(fields).map(([k, v]) => tok(k, v)) });
  }

  hello(reset = 'poweron', proto = '1.0'): void {
    this.seq = 0;
    this.send({ kind: 'e', num: 0, verb: 'hello', tokens: Object.entries(FakeDevice.helloFields(proto, reset)).map(([k, v]) => tok(k, v)) });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.pair.close();
  }
}
