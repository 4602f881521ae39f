// An in-memory byte pipe (node-serialport's binding-mock idea): the host end is a Transport the
// library opens like any port; the device end is plain methods a test (or a simulator running in
// the same process) uses to read what the host wrote and to send bytes back. No pseudo-terminal,
// no external tool, no timing of its own: bytes arrive on the next microtask.
import { EventEmitter } from 'node:events';
import { PortError } from '../errors.js';
import type { ControlSignals, Transport } from './types.js';

/** The device end of a MemoryTransport. */
export interface MemoryDevice {
  /** Sends bytes to the host (they arrive as the transport's 'data'). */
  write(data: string | Uint8Array): void;
  /** Called with every chunk the host writes. */
  onData(fn: (chunk: Buffer) => void): void;
  /** Every byte the host wrote so far. */
  readonly written: Buffer;
  /** The last DTR/RTS the host set. */
  readonly signals: Readonly<ControlSignals>;
  /** The line goes away (an unplugged cable): the host sees 'close' with a PortError. */
  hangUp(): void;
}

export class MemoryTransport extends EventEmitter implements Transport {
  readonly url: string;
  readonly device: MemoryDevice;
  baudRate = 115200;
  private open_ = false;
  private gone = false;
  private chunks: Buffer[] = [];
  private listeners_: ((chunk: Buffer) => void)[] = [];
  private signals: ControlSignals = {};

  constructor(url = 'memory://board') {
    super();
    this.url = url;
    const self = this;
    this.device = {
      write: (data) => {
        const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
        queueMicrotask(() => {
          if (self.open_) self.emit('data', chunk);
        });
      },
      onData: (fn) => {
        self.listeners_.push(fn);
      },
      get written() {
        return Buffer.concat(self.chunks);
      },
      get signals() {
        return { ...self.signals };
      },
      hangUp: () => {
        if (!self.open_) return;
        self.open_ = false;
        self.gone = true;
        queueMicrotask(() => self.emit('close', PortError.forPath('unplugged', self.url)));
      },
    };
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.gone) throw PortError.forPath('unplugged', this.url);
    this.open_ = true;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new PortError('closed', `${this.url}: the port is closed`, { path: this.url });
    const chunk = Buffer.from(data);
    this.chunks.push(chunk);
    for (const fn of this.listeners_) fn(chunk);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close');
  }

  async setBaudRate(baudRate: number): Promise<void> {
    this.baudRate = baudRate;
  }

  async setSignals(signals: ControlSignals): Promise<boolean> {
    this.signals = { ...this.signals, ...signals };
    return true;
  }
}
