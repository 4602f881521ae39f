// A local serial device or pseudo-terminal through serialport 13. Translates the OS's errors
// into PortError kinds whose messages say what to do, reports an unplugged device as 'close'
// with an error, and tolerates pseudo-terminals that reject modem-control ioctls.
import { EventEmitter } from 'node:events';
import type { SerialPortStream } from '@serialport/stream';
import { closeSync, constants, openSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import { EspWifiError, PortError } from '../errors.js';
import { createLocalPort } from './serial-binding.js';
import type { ControlSignals, Transport, TransportOptions } from './types.js';

// ptys (and some USB adapters) refuse TIOCMSET; the bindings also issue a break ioctl first
// (flashing-and-serial.md), so any of these means "no modem lines here", not a broken port.
const NO_MODEM_LINES_RE = /inappropriate ioctl|ENOTTY|EINVAL|not supported|operation not permitted/i;

/** What the transport needs of a serialport 13 port (lets tests stand in for hardware). */
export type SerialPortLike = Pick<SerialPortStream, 'open' | 'close' | 'write' | 'update' | 'set' | 'on' | 'isOpen' | 'flush'>;

export interface SerialTransportDeps {
  createPort?: (options: { path: string; baudRate: number; autoOpen: false; lock: boolean; hupcl: false }) => SerialPortLike;
}

/** Both lines released: on the auto-reset circuit neither EN nor IO0 is pulled. */
export const RELEASED: Readonly<Required<ControlSignals>> = { dtr: false, rts: false };

/**
 * What the path is when it is surely no serial port (a file, a directory, a FIFO, a device that is
 * not a terminal such as /dev/null); undefined when it is a terminal or cannot be told (missing,
 * no permission: the open reports those in its own words).
 */
export function notATerminal(path: string): string | undefined {
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  if (st.isDirectory()) return 'a directory';
  if (st.isFile()) return 'a regular file';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a Unix socket (for a socket server use socket://host:port)';
  if (!st.isCharacterDevice()) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
    return isatty(fd) ? undefined : 'a character device that is not a terminal';
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class SerialTransport extends EventEmitter implements Transport {
  readonly url: string;
  private port: SerialPortLike | undefined;
  private readonly createPort: NonNullable<SerialTransportDeps['createPort']>;
  private baudRate: number;
  // serialport's set() resets every flag it is not given to its default, so the last requested
  // state of both lines is kept and always passed together. It starts released, as open() leaves it.
  private signals: Required<ControlSignals> = { ...RELEASED };
  private closing = false;

  constructor(path: string, options: TransportOptions = {}, deps: SerialTransportDeps = {}) {
    super();
    this.url = path;
    this.baudRate = options.baudRate ?? 115200;
    this.createPort = deps.createPort ?? ((o) => createLocalPort(o));
  }

  get isOpen(): boolean {
    return !!this.port?.isOpen;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const what = notATerminal(this.url);
    if (what) throw PortError.forPath('not-serial', this.url, undefined, what);
    // hupcl:false keeps Windows from opening with DTR on and RTS off — IO0 held low, so an EN press,
    // brownout or watchdog reset while the port is open would boot into download mode (no-op on
    // Unix, which raises both lines). Then both lines are released, as esptool and esp-idf-monitor do.
    const port = this.createPort({ path: this.url, baudRate: this.baudRate, autoOpen: false, lock: true, hupcl: false });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(this.mapOpenError(err)) : resolve()));
    });
    this.port = port;
    this.closing = false;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (err: Error) => {
      if (this.listenerCount('error') > 0) this.emit('error', err);
    });
    // A stream that ends without a disconnect error (a binding returning a 0-byte read instead of
    // failing it, see serial-binding.ts): the peer is gone too.
    port.on('end', () => this.vanished(new Error('end of stream')));
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      if (this.port !== port) return;
      this.port = undefined;
      if (err && !this.closing) this.emit('close', PortError.forPath('unplugged', this.url, err));
      else this.emit('close');
    });
    this.signals = { ...RELEASED };
    // Best effort: a pty has no modem lines, and a port whose lines cannot be set still carries data.
    await this.setSignals(RELEASED).catch(() => false);
  }

  private vanished(cause: Error): void {
    const port = this.port;
    if (!port || this.closing) return;
    this.port = undefined;
    this.emit('close', PortError.forPath('unplugged', this.url, cause));
    if (port.isOpen) port.close(() => undefined);
  }

  private mapOpenError(err: Error): Error {
    return PortError.fromSystemError(err, this.url)
      ?? new EspWifiError('PORT_OPEN_FAILED', `cannot open ${this.url}: ${err.message}`, { cause: err });
  }

  private requirePort(): SerialPortLike {
    if (!this.port?.isOpen) throw PortError.forPath('closed', this.url);
    return this.port;
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.requirePort();
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data.buffer, data.byteOffset, data.length), (err) => {
        if (err) reject(PortError.fromSystemError(err, this.url) ?? PortError.forPath('unplugged', this.url, err));
        else resolve();
      });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.closing = true;
    if (!port.isOpen) {
      this.port = undefined;
      return;
    }
    // Discard unsent output first: closing a tty waits up to 30 s for it to drain, and nobody
    // drains a USB-Serial-JTAG port whose firmware is not reading it.
    await new Promise<void>((resolve) => port.flush(() => resolve()));
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async setBaudRate(baudRate: number): Promise<void> {
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw new EspWifiError('BAD_ARG', `baud rate must be a positive integer (got ${baudRate})`);
    const port = this.requirePort();
    await new Promise<void>((resolve, reject) => port.update({ baudRate }, (err) => (err ? reject(err) : resolve())));
    this.baudRate = baudRate;
  }

  async setSignals(signals: ControlSignals): Promise<boolean> {
    const port = this.requirePort();
    const next = {
      dtr: signals.dtr ?? this.signals.dtr,
      rts: signals.rts ?? this.signals.rts,
    };
    this.signals = next;
    return new Promise<boolean>((resolve, reject) => {
      port.set(next, (err) => {
        if (!err) resolve(true);
        else if (NO_MODEM_LINES_RE.test(err.message)) resolve(false);
        else reject(PortError.fromSystemError(err, this.url) ?? err);
      });
    });
  }
}
