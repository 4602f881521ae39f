// A pseudo-terminal pair (test/support/pty-pair) for the few tests that need a board the virtual board cannot be
// (one speaking another protocol version, one that never answers). Both ends are real ptys: the
// library opens `host`, the test plays the board on `device` through a raw non-blocking fd.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { ptyPair as socatPair } from '../support/pty-pair.js';

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
  const pair = await socatPair();
  // O_RDWR | O_NONBLOCK | O_NOCTTY
  const fd = openSync(pair.b, 2048 | 2 | 256);
  return {
    host: pair.a,
    device: pair.b,
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
      await pair.close();
    },
  };
}
