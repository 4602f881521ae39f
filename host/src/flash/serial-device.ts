// A Web-Serial-like device over node-serialport, the shape esptool-js's Transport expects.
// esptool-js only ships a browser Transport (Web Serial) and no Node adapter is published
// (esptool-js #117, PR #122 still open), so this small one is hand-written. Transport uses exactly:
//   open({baudRate}) (again after close), readable (getReader/read/releaseLock per chunk, .locked,
//   reader.cancel()), writable (getWriter/write/releaseLock), setSignals({dataTerminalReady?,
//   requestToSend?, break?}) with undefined = unchanged, getInfo() → {usbVendorId?, usbProductId?},
//   close(), and optional setBaudRate(baud) (in-place change; without it Transport closes and
//   reopens the port, which reboots boards whose auto-reset circuit sees DTR drop).
import { realpathSync } from 'node:fs';
import type { SerialPortStream } from '@serialport/stream';
import { createLocalPort } from '../transport/serial-binding.js';

export interface SignalState {
  dtr: boolean;
  rts: boolean;
}

export interface SignalRecord extends SignalState {
  /** Milliseconds since the device object was created. */
  at: number;
  /** false when the OS refused the modem ioctl (pseudo-terminals do). */
  applied: boolean;
}

export interface SerialDeviceOptions {
  usbVendorId?: number;
  usbProductId?: number;
  /**
   * Pseudo-terminals reject modem-control ioctls. When true a refused setSignals is recorded and
   * ignored instead of thrown; default: true only for /dev/pts/* and /dev/ptmx paths.
   */
  tolerateSignalErrors?: boolean;
  /** Observes every signal change (tests record reset sequences with it). */
  onSignals?: (record: SignalRecord) => void;
}

/** Port-level failure with a message that says what to do. */
export class SerialDeviceError extends Error {
  readonly code: 'PORT_MISSING' | 'PORT_BUSY' | 'PORT_DENIED' | 'PORT_ERROR' | 'PORT_UNPLUGGED' | 'SIGNALS';
  constructor(code: SerialDeviceError['code'], message: string) {
    super(message);
    this.name = 'SerialDeviceError';
    this.code = code;
  }
}

export function explainOpenError(portPath: string, err: Error): SerialDeviceError {
  const msg = err.message ?? String(err);
  // The Windows forms ("File not found", "Access denied") are what a USB port re-enumerating
  // after a reset gives; PortError.fromSystemError maps them the same way.
  if (/ENOENT|No such file|File not found/i.test(msg)) {
    return new SerialDeviceError('PORT_MISSING', `${portPath} does not exist: is the board plugged in? list candidates with: espwifi ports`);
  }
  if (/EBUSY|Resource busy|Cannot lock port|resource temporarily unavailable|Access denied/i.test(msg)) {
    return new SerialDeviceError('PORT_BUSY', `${portPath} is busy: close the other monitor (idf.py monitor, screen, minicom, another espwifi) and retry`);
  }
  if (/EACCES|Permission denied/i.test(msg)) {
    return new SerialDeviceError('PORT_DENIED', `no permission to open ${portPath}: add yourself to the dialout (or uucp) group and log in again`);
  }
  return new SerialDeviceError('PORT_ERROR', `cannot open ${portPath}: ${msg}`);
}

export class NodeSerialDevice {
  readonly path: string;
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  /** Every signal change, in order (also passed to options.onSignals). */
  readonly signalLog: SignalRecord[] = [];
  /** What the port received since it was created: the evidence behind a failed sync. */
  readonly heard = { bytes: 0, tail: '' };

  private port: SerialPortStream | null = null;
  // node-serialport's set() applies defaults (dtr:true, rts:true) to any flag left out, so the
  // current state is cached and both flags are always passed. open() releases both lines.
  private signals: SignalState = { dtr: false, rts: false };
  /** Set when the port closed under us (unplugged, USB re-enumerated): every later call says so. */
  private gone = false;
  private readonly created = Date.now();
  private readonly options: SerialDeviceOptions;

  constructor(path: string, options: SerialDeviceOptions = {}) {
    this.path = path;
    this.options = options;
  }

  getInfo(): { usbVendorId?: number; usbProductId?: number } {
    return { usbVendorId: this.options.usbVendorId, usbProductId: this.options.usbProductId };
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(opts: { baudRate: number }): Promise<void> {
    if (this.port?.isOpen) throw new SerialDeviceError('PORT_ERROR', `${this.path} is already open`);
    // hupcl:false: Windows would otherwise open with DTR on and RTS off (IO0 held low); see open() below.
    const port = createLocalPort({ path: this.path, baudRate: opts.baudRate, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(explainOpenError(this.path, err)) : resolve())));
    this.port = port;
    this.gone = false;
    // serialport passes an error to 'close' only when the device went away, not on our close().
    port.once('close', (err?: Error | null) => {
      if (err && this.port === port) this.gone = true;
    });
    // Bytes keep coming after the reader is cancelled (esptool-js gives up on a chatty port) or the
    // stream is closed: they are counted for the diagnosis but not enqueued — enqueue on a finished
    // stream throws, out of a 'data' handler, as an unhandled error.
    let finished = false;
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        port.on('data', (chunk: Buffer) => {
          this.heard.bytes += chunk.length;
          this.heard.tail = (this.heard.tail + chunk.toString('latin1')).slice(-512);
          if (!finished) controller.enqueue(new Uint8Array(chunk));
        });
        port.once('close', () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        port.on('error', (err) => {
          if (finished) return;
          finished = true;
          controller.error(err);
        });
      },
      // Transport cancels the pending read on disconnect; the port itself is closed by close().
      cancel: () => {
        finished = true;
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(chunk), (err) => {
            if (err) return reject(this.writeError(err));
            port.drain((derr) => (derr ? reject(this.writeError(derr)) : resolve()));
          });
        }),
    });
    // Release both lines at once (EN and IO0 not pulled), as esptool does before talking to the
    // chip: the remembered state then matches the wire whatever the OS raised on open.
    // Best effort: an adapter that refuses the lines can still flash with --before no_reset.
    await this.setSignals({ dataTerminalReady: false, requestToSend: false }).catch(() => undefined);
  }

  async setBaudRate(baudRate: number): Promise<void> {
    const port = this.requirePort();
    await new Promise<void>((resolve, reject) => port.update({ baudRate }, (err) => (err ? reject(err) : resolve())));
  }

  async setSignals(s: { dataTerminalReady?: boolean; requestToSend?: boolean; break?: boolean }): Promise<void> {
    const port = this.requirePort();
    const next: SignalState = {
      dtr: s.dataTerminalReady ?? this.signals.dtr,
      rts: s.requestToSend ?? this.signals.rts,
    };
    this.signals = next;
    let applied = true;
    try {
      await new Promise<void>((resolve, reject) =>
        port.set({ dtr: next.dtr, rts: next.rts, brk: s.break ?? false }, (err) => (err ? reject(err) : resolve())),
      );
    } catch (err) {
      applied = false;
      if (!this.tolerateSignalErrors()) {
        throw new SerialDeviceError(
          'SIGNALS',
          `${this.path} refused DTR/RTS (${(err as Error).message}): this adapter cannot reset the board; ` +
            'hold BOOT, tap EN/RST, release BOOT, then run espwifi flash --before no_reset',
        );
      }
    }
    this.record(next, applied);
  }

  private record(state: SignalState, applied: boolean): void {
    const record: SignalRecord = { ...state, at: Date.now() - this.created, applied };
    this.signalLog.push(record);
    this.options.onSignals?.(record);
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.readable = null;
    this.writable = null;
    if (!port || !port.isOpen) return;
    // Both lines released, as a closing esptool leaves them (Linux's HUPCL; we open with it off):
    // a close in the middle of a reset sequence (Ctrl-C while connecting) would otherwise leave
    // EN held low (the board stays in reset) or IO0 low (it boots into download mode).
    if (this.signals.dtr || this.signals.rts) {
      const released = await new Promise<boolean>((resolve) => port.set({ dtr: false, rts: false, brk: false }, (err) => resolve(!err)));
      this.signals = { dtr: false, rts: false };
      this.record(this.signals, released);
    }
    // Unsent output would make the close wait up to 30 s (tty closing_wait) when nobody reads it.
    await new Promise<void>((resolve) => port.flush(() => resolve()));
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private tolerateSignalErrors(): boolean {
    if (this.options.tolerateSignalErrors !== undefined) return this.options.tolerateSignalErrors;
    let real = this.path;
    try {
      real = realpathSync(this.path);
    } catch {
      // keep the given path
    }
    return /^\/dev\/(pts\/|ptmx)/.test(real);
  }

  private unplugged(): SerialDeviceError {
    return new SerialDeviceError('PORT_UNPLUGGED', `${this.path} went away (unplugged, or the board re-enumerated its USB): check the cable, then run espwifi flash again`);
  }

  /** A write into a hung-up tty fails with EIO before the close is seen: the same unplug. */
  private writeError(err: Error): Error {
    return this.gone || /\b(EIO|ENXIO|ENODEV)\b|input\/output error/i.test(err.message) ? this.unplugged() : err;
  }

  private requirePort(): SerialPortStream {
    if (this.gone) throw this.unplugged();
    if (!this.port || !this.port.isOpen) throw new SerialDeviceError('PORT_ERROR', `${this.path} is not open`);
    return this.port;
  }
}

/** The last whole line of printable text in what a port received (an application's log), if any. */
export function lastTextLine(received: string): string | undefined {
  const lines = received.split(/\r?\n/).slice(0, -1); // the last piece may be cut short
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.replace(/\x1b\[[0-9;]*m/g, '').trim();
    if (line.length >= 4 && /^[\x20-\x7e]+$/.test(line)) return line.length > 100 ? `${line.slice(0, 100)}…` : line;
  }
  return undefined;
}
