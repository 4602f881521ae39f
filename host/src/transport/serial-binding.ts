// serialport 13 with two defects of @serialport/bindings-cpp 13.0.x fixed for real USB adapters,
// and its reads and writes kept off the thread pool.
// Every local port espwifi opens (the protocol transport and the flasher) goes through here.
//
// 1. An unplugged adapter is never noticed on Linux/macOS: a hung-up tty's read() returns 0 and
//    the binding's read loop retries at once, forever (bindings-cpp #162; PR #164 unmerged) — no
//    'close', a spinning CPU and growing memory. Pseudo-terminals answer EIO instead, which is why
//    pty tests never saw it. Here a 0-byte read is the end of the device: the read fails with a
//    disconnect error, so the stream closes with `err.disconnected` like any other unplug.
// 2. DTR/RTS cannot be set on USB adapters without break support (CH343/CH347 under cdc_acm;
//    node-serialport #2777, bindings-cpp PR #229 unmerged): set() sends a clear-break ioctl first
//    and gives up when the driver refuses it. When set() fails, the lines are set again by
//    native/build/modem-lines, a tiny helper that does TIOCMGET/TIOCMSET on our open descriptor
//    and sends no break (what esptool does); once a port needed it, it is used directly.
// 3. Reads and writes go through libuv's thread pool (fs.read/fs.write), although the binding
//    opens the port O_NONBLOCK and waits for readiness with its own poller: every chunk costs two
//    thread hand-offs (a read that finds nothing, then the one after the poller fires), every
//    write one, and all ports of a process share the pool's 4 threads. On a loaded machine each
//    hand-off waits for a CPU: it set the floor of a round trip and limited many boards served
//    from one process (bench/RESULTS.md, roundtrip and scale). A non-blocking read()/write() on
//    the event loop's own thread returns at once — with data, with what fit, or with EAGAIN, on
//    which the binding's unixRead/unixWrite wait for the poller as before.
//
// Why not patch the binding (patch-package)? Fix 1 is in the binding's JavaScript, but a patch of
// node_modules only applies to this checkout, not to projects that install espwifi. Fix 2 is in
// its C++, shipped as prebuilt binaries: a patch would need a compiler and node-gyp on every
// user's machine and would rewrite another package's files (shared by other dependents, read-only
// in pnpm's store). Wrapping the binding espwifi hands to serialport reaches every user; the helper
// is espwifi's own, built by its postinstall (native/build.mjs).
import { spawn } from 'node:child_process';
import { existsSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoDetect, type AutoDetectTypes, type BindingPortInterface, type SetOptions } from '@serialport/bindings-cpp';
import { unixRead } from '@serialport/bindings-cpp/dist/unix-read.js';
import { unixWrite } from '@serialport/bindings-cpp/dist/unix-write.js';
import { SerialPortStream, type OpenOptions } from '@serialport/stream';

type UnixPort = Parameters<typeof unixRead>[0]['binding'];

type ReadFn = NonNullable<Parameters<typeof unixRead>[0]['fsReadAsync']>;
type WriteFn = NonNullable<Parameters<typeof unixWrite>[0]['fsWriteAsync']>;

/** Error of a read that hit the end of a tty: the device hung up (USB unplug, adapter reset). */
export function hangupError(): Error & { disconnect: true; code: string } {
  return Object.assign(new Error('the device hung up (read returned end of file): unplugged or reset'), { disconnect: true as const, code: 'EHANGUP' });
}

/** fs.read for the binding's read loop, done at once on this thread (the descriptor is
 *  non-blocking), that turns end-of-file into a disconnect instead of a retry. */
export const readUntilHangup = (async (fd: number, buffer: Buffer, offset: number, length: number, position: number | null) => {
  // readSync reports EAGAIN (the normal "nothing yet" of a non-blocking read) by throwing; the
  // stack trace is half of that cost and nobody reads it (the binding waits and retries). A real
  // read error (EIO on an unplug, say) gets its stack back for whoever debugs it.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let bytesRead: number;
  try {
    bytesRead = readSync(fd, buffer, offset, length, position);
  } catch (e) {
    Error.stackTraceLimit = stackTraceLimit;
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') Error.captureStackTrace(e as Error, readUntilHangup);
    throw e;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (bytesRead === 0) throw hangupError();
  return { bytesRead, buffer };
}) as ReadFn;

/** fs.write done at once on this thread (non-blocking descriptor: writes what fits, or EAGAIN). */
const writeNow = (async (fd: number, buffer: Buffer, offset?: number, length?: number) =>
  ({ bytesWritten: writeSync(fd, buffer, offset, length), buffer })) as WriteFn;

/** Where the no-break modem-line helper is built (package root/native/build), from src or dist. */
export function modemHelperPath(): string {
  const env = process.env.ESPWIFI_MODEM_HELPER;
  if (env) return env;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'native', 'modem-lines.c'))) return path.join(dir, 'native', 'build', 'modem-lines');
    dir = path.dirname(dir);
  }
  return path.join(dir, 'native', 'build', 'modem-lines');
}

/** Sets DTR and RTS on an open descriptor without a break ioctl (see native/modem-lines.c). */
export function setModemLinesWithoutBreak(fd: number, lines: { dtr: boolean; rts: boolean }, helper = modemHelperPath()): Promise<void> {
  if (!existsSync(helper)) {
    return Promise.reject(
      new Error(
        `the binding's break ioctl was refused and the no-break helper ${helper} is not built: ` +
          'install a C compiler and run npm rebuild espwifi (or, in a checkout, node native/build.mjs)',
      ),
    );
  }
  return new Promise<void>((resolve, reject) => {
    const child = spawn(helper, [lines.dtr ? '1' : '0', lines.rts ? '1' : '0'], { stdio: ['ignore', 'ignore', 'pipe', fd] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${stderr.trim() || `modem-lines exit ${code}`}, cannot set`))));
  });
}

export interface HardeningOptions {
  /** Path of the modem-line helper (tests point it elsewhere). */
  modemHelper?: string;
}

/** Replaces read() and set() of an open bindings-cpp Unix port in place (see the header). */
function harden(port: BindingPortInterface, o: HardeningOptions): BindingPortInterface {
  const unix = port as unknown as UnixPort;
  // The binding's (private) record of the write in progress, which its drain() and close() await.
  const writing = port as unknown as { writeOperation: Promise<void> | null };
  const stockSet = port.set.bind(port);
  let breakRefused = false;
  port.read = async (buffer: Buffer, offset: number, length: number) => {
    if (!port.isOpen) throw Object.assign(new Error('Port is not open'), { canceled: true });
    return unixRead({ binding: unix, buffer, offset, length, fsReadAsync: readUntilHangup });
  };
  // As the binding's own write(), with the thread-pool-free write; `writeOperation` is what its
  // drain() and close() wait for.
  port.write = (buffer: Buffer) => {
    if (!port.isOpen) return Promise.reject(new Error('Port is not open'));
    const op = (async () => {
      if (buffer.length === 0) return;
      await unixWrite({ binding: unix, buffer, fsWriteAsync: writeNow });
      writing.writeOperation = null;
    })();
    writing.writeOperation = op;
    return op;
  };
  port.set = async (options: SetOptions) => {
    const lines = { dtr: options.dtr ?? true, rts: options.rts ?? true };
    if (breakRefused && !options.brk) return setModemLinesWithoutBreak(unix.fd!, lines, o.modemHelper);
    try {
      await stockSet(options);
    } catch (err) {
      // ENOTTY ("Inappropriate ioctl") is TIOCMSET itself: no modem lines here (a pty); the
      // helper would be refused the same way. Anything else may be the break ioctl.
      if (options.brk || unix.fd == null || /inappropriate ioctl/i.test((err as Error).message)) throw err;
      await setModemLinesWithoutBreak(unix.fd, lines, o.modemHelper).catch((helperErr: Error) => {
        throw new Error(`${helperErr.message} (the binding said: ${(err as Error).message})`, { cause: err });
      });
      breakRefused = true;
    }
  };
  return port;
}

/** bindings-cpp for this OS, hardened on Linux/macOS; Windows's binding has neither defect. */
export function hardenedBinding(o: HardeningOptions = {}, base: AutoDetectTypes = autoDetect()): AutoDetectTypes {
  if (process.platform === 'win32') return base;
  return {
    list: () => base.list(),
    open: async (options: Parameters<AutoDetectTypes['open']>[0]) => harden(await base.open(options as never), o),
  } as AutoDetectTypes;
}

let shared: AutoDetectTypes | undefined;

export type LocalPortOptions = Omit<OpenOptions<AutoDetectTypes>, 'binding'>;

/** A serialport stream on the hardened binding (same API as `new SerialPort(...)`). */
export function createLocalPort(options: LocalPortOptions): SerialPortStream<AutoDetectTypes> {
  shared ??= hardenedBinding();
  return new SerialPortStream({ ...options, binding: shared } as OpenOptions<AutoDetectTypes>);
}
