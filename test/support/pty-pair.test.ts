// The project's own pty pair (firmware/sim/tools/ptypair.c), which the serial tests stand on:
// what a test peer relies on beyond plain bytes, checked directly on the two ends.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PTYPAIR_BIN, ptyPair, type PtyPair } from './pty-pair.js';

const O_RDWR_NONBLOCK_NOCTTY = 2 | 2048 | 256;
let pair: PtyPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

function readAll(fd: number, want: number, ms = 2000): Buffer {
  const got: Buffer[] = [];
  const end = Date.now() + ms;
  const buf = Buffer.alloc(4096);
  while (Buffer.concat(got).length < want && Date.now() < end) {
    try {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n > 0) got.push(Buffer.from(buf.subarray(0, n)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  return Buffer.concat(got);
}

describe('espwifi-ptypair', () => {
  it('carries every byte value unchanged in both directions (raw, no echo)', async () => {
    pair = await ptyPair();
    const a = openSync(pair.a, O_RDWR_NONBLOCK_NOCTTY);
    const b = openSync(pair.b, O_RDWR_NONBLOCK_NOCTTY);
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    writeSync(a, all);
    expect(readAll(b, 256)).toEqual(all);
    writeSync(b, Buffer.from('\r\n\x03\x1a'));
    expect(readAll(a, 4)).toEqual(Buffer.from('\r\n\x03\x1a'));
    // Nothing echoed back: a marker sent now reaches b first (the relay keeps the order).
    writeSync(a, Buffer.from('M'));
    expect(readAll(b, 1).toString()).toBe('M');
    closeSync(a);
    closeSync(b);
  });

  it('keeps bytes sent while one end is closed for its next opener, as a UART would', async () => {
    pair = await ptyPair();
    const b = openSync(pair.b, O_RDWR_NONBLOCK_NOCTTY);
    let a = openSync(pair.a, O_RDWR_NONBLOCK_NOCTTY);
    closeSync(a);
    writeSync(b, Buffer.from('while closed\n'));
    await new Promise((r) => setTimeout(r, 50));
    a = openSync(pair.a, O_RDWR_NONBLOCK_NOCTTY);
    expect(readAll(a, 13).toString()).toBe('while closed\n');
    writeSync(a, Buffer.from('back'));
    expect(readAll(b, 4).toString()).toBe('back');
    closeSync(a);
    closeSync(b);
  });

  it('exits when its parent goes away (stdin closed), hanging up both ends', async () => {
    const proc = spawn(PTYPAIR_BIN, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(d.toString())));
    const [a] = line.trim().split(' ');
    const fd = openSync(a, O_RDWR_NONBLOCK_NOCTTY);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.stdin!.end();
    expect(await exited).toBe(0);
    // A hung-up tty: end of file (0 bytes) or EIO, depending on the kernel; never EAGAIN ("no data yet").
    let outcome: string;
    try {
      outcome = `read ${readSync(fd, Buffer.alloc(16), 0, 16, null)}`;
    } catch (e) {
      outcome = (e as NodeJS.ErrnoException).code ?? 'error';
    }
    expect(['read 0', 'EIO']).toContain(outcome);
    closeSync(fd);
  });
});
