// SerialTransport against real pseudo-terminal pairs (test/support/pty-pair).
import { afterEach, describe, expect, it } from 'vitest';
import { PortError } from '../../host/src/errors.js';
import { SerialTransport } from '../../host/src/transport/serial.js';
import { ptyPair } from '../support/pty-pair.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function openPair() {
  const pair = await ptyPair();
  cleanups.push(() => pair.close());
  const a = new SerialTransport(pair.a, { baudRate: 115200 });
  const b = new SerialTransport(pair.b);
  cleanups.push(() => a.close(), () => b.close());
  await a.open();
  await b.open();
  return { pair, a, b };
}

function nextData(t: SerialTransport, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const got: Buffer[] = [];
    const on = (c: Buffer) => {
      got.push(c);
      const all = Buffer.concat(got);
      if (all.length >= bytes) { t.off('data', on); resolve(all); }
    };
    t.on('data', on);
  });
}

describe('SerialTransport on a pty pair', () => {
  it('opens, writes and reads both ways, binary-safe', async () => {
    const { a, b } = await openPair();
    expect(a.isOpen).toBe(true);
    const payload = Buffer.from([0x7e, 0x00, 0xff, 0x0a, 0x0d, 0x41]);
    const atB = nextData(b, payload.length);
    await a.write(payload);
    expect(await atB).toEqual(payload);
    const atA = nextData(a, 3);
    await b.write(Buffer.from('ok\n'));
    expect((await atA).toString()).toBe('ok\n');
  });

  it('changes the baud rate in place and reports missing modem lines on a pty as false', async () => {
    const { a, b } = await openPair();
    await a.setBaudRate(460800);
    expect(await a.setSignals({ dtr: false })).toBe(false);
    expect(await a.setSignals({ rts: true, dtr: true })).toBe(false);
    const atB = nextData(b, 2);
    await a.write(Buffer.from('hi'));
    expect((await atB).toString()).toBe('hi');
  });

  it('emits close with an unplugged PortError when the peer goes away', async () => {
    const { pair, a } = await openPair();
    const closed = new Promise<Error | undefined>((resolve) => a.once('close', resolve));
    await pair.close();
    const err = await closed;
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).kind).toBe('unplugged');
    expect(err!.message).toContain(pair.a);
    expect(a.isOpen).toBe(false);
    await expect(a.write(Buffer.from('x'))).rejects.toMatchObject({ kind: 'closed' });
  });

  it('emits close without an error on close(), and close() twice is fine', async () => {
    const { a } = await openPair();
    const closed = new Promise<unknown>((resolve) => a.once('close', resolve));
    await a.close();
    expect(await closed).toBeUndefined();
    await a.close();
    expect(a.isOpen).toBe(false);
  });

  it('refuses a port another process holds as busy, saying what to do', async () => {
    const { pair } = await openPair();
    const second = new SerialTransport(pair.a);
    const err = await second.open().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).kind).toBe('busy');
    expect((err as Error).message).toBe(`port busy: close the other serial monitor (or \`espwifi\` process) using ${pair.a}`);
  });
});

describe('SerialTransport errors', () => {
  it('maps a missing port to PortError not-found', async () => {
    const t = new SerialTransport('/dev/ttyESPWIFI-does-not-exist');
    const err = await t.open().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err).toMatchObject({ kind: 'not-found', code: 'PORT_NOT_FOUND', path: '/dev/ttyESPWIFI-does-not-exist' });
    expect((err as Error).message).toMatch(/does not exist/);
  });
  it('refuses writes and signals before open', async () => {
    const t = new SerialTransport('/dev/null');
    await expect(t.write(Buffer.from('x'))).rejects.toMatchObject({ kind: 'closed' });
    await expect(t.setSignals({ dtr: true })).rejects.toMatchObject({ kind: 'closed' });
  });
  it('maps OS errors by code and message', () => {
    const m = (e: unknown) => PortError.fromSystemError(e, '/dev/ttyUSB0')?.kind;
    expect(m(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('not-found');
    expect(m(new Error('Error: No such file or directory, cannot open /dev/ttyUSB0'))).toBe('not-found');
    expect(m(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'))).toBe('permission');
    expect(m(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission');
    expect(m(new Error('Error Resource temporarily unavailable Cannot lock port'))).toBe('busy');
    expect(m(Object.assign(new Error('x'), { code: 'EBUSY' }))).toBe('busy');
    expect(m(Object.assign(new Error('x'), { code: 'ENXIO' }))).toBe('unplugged');
    expect(m(new Error('something else'))).toBeUndefined();
    expect(PortError.fromSystemError(new Error('Permission denied'), '/dev/ttyUSB0')!.message).toMatch(/dialout/);
  });
});

describe('SerialTransport signal handling (a stand-in port records what reaches serialport)', () => {
  function fakePort(setError?: Error) {
    const calls: { dtr?: boolean; rts?: boolean; flushed?: true }[] = [];
    const port = {
      isOpen: false,
      open(cb: (e: Error | null) => void) { this.isOpen = true; cb(null); },
      close(cb?: (e: Error | null) => void) { this.isOpen = false; cb?.(null); },
      flush(cb?: (e: Error | null) => void) { calls.push({ flushed: true }); cb?.(null); },
      write(_d: Buffer, cb: (e?: Error | null) => void) { cb(null); return true; },
      update(_o: object, cb: (e: Error | null) => void) { cb(null); },
      set(o: { dtr?: boolean; rts?: boolean }, cb: (e: Error | null) => void) { calls.push({ ...o }); cb(setError ?? null); },
      on() { return this; },
    };
    return { port, calls };
  }
  it('opens with hupcl off and both lines released (Windows would hold IO0 low), then keeps the one not given', async () => {
    const { port, calls } = fakePort();
    const opened: { hupcl?: boolean }[] = [];
    const t = new SerialTransport('/dev/ttyFAKE', {}, { createPort: (o) => (opened.push(o), port as never) });
    await t.open();
    expect(opened).toMatchObject([{ hupcl: false }]);
    expect(calls).toEqual([{ dtr: false, rts: false }]);
    expect(await t.setSignals({ rts: true })).toBe(true);
    expect(await t.setSignals({ dtr: true })).toBe(true);
    expect(await t.setSignals({ rts: false })).toBe(true);
    expect(calls.slice(1)).toEqual([{ dtr: false, rts: true }, { dtr: true, rts: true }, { dtr: true, rts: false }]);
  });
  it('discards unsent output before closing (a close waits up to 30 s for output nobody reads)', async () => {
    const { port, calls } = fakePort();
    const t = new SerialTransport('/dev/ttyFAKE', {}, { createPort: () => port as never });
    await t.open();
    await t.close();
    expect(calls.at(-1)).toEqual({ flushed: true });
    expect(port.isOpen).toBe(false);
  });
  it('resolves false when the device has no modem lines, and rejects other failures', async () => {
    const noIoctl = fakePort(new Error('Inappropriate ioctl for device, cannot set'));
    const t = new SerialTransport('/dev/ttyFAKE', {}, { createPort: () => noIoctl.port as never });
    await t.open();
    expect(await t.setSignals({ dtr: true })).toBe(false);
    const gone = fakePort(Object.assign(new Error('No such device'), { code: 'ENXIO' }));
    const u = new SerialTransport('/dev/ttyFAKE', {}, { createPort: () => gone.port as never });
    await u.open();
    await expect(u.setSignals({ dtr: true })).rejects.toMatchObject({ kind: 'unplugged' });
  });
});
