// A socat pseudo-terminal pair for the few tests that need a board the virtual board cannot be
// (one speaking another protocol version, one that never answers). Both ends are real ptys.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, writeSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the library opens. */
  host: string;
  /** The end the test plays the board on. */
  device: string;
  write(line: string | Buffer): void;
  /** Reads what the host wrote so far (non-blocking). */
  read(): string;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'espwifi-pty-'));
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  const proc: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(existsSync(host) && existsSync(device)); i++) await new Promise((r) => setTimeout(r, 20));
  if (!existsSync(host) || !existsSync(device)) throw new Error('socat did not create the pty pair');
  // O_RDWR | O_NONBLOCK | O_NOCTTY
  const fd = openSync(device, 2048 | 2 | 256);
  return {
    host,
    device,
    write(line) {
      writeSync(fd, typeof line === 'string' ? Buffer.from(line) : line);
    },
    read() {
      const buf = Buffer.alloc(4096);
      let out = '';
      for (;;) {
        let n = 0;
        try {
          n = readSync(fd, buf, 0, buf.length, null);
        } catch {
          break;
        }
        if (n <= 0) break;
        out += buf.subarray(0, n).toString('latin1');
      }
      return out;
    },
    async close() {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
