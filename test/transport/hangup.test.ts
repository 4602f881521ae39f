// An unplugged USB adapter, simulated by the kernel's own hang-up of a pty (TIOCVHANGUP — the path
// a USB serial driver takes on disconnect): reads then return end-of-file. bindings-cpp 13 retried
// those reads forever, so neither the protocol transport nor the flasher's device ever closed.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../host/src/transport/serial.js';
import { createLocalPort, readUntilHangup } from '../../host/src/transport/serial-binding.js';
import { NodeSerialDevice } from '../../host/src/flash/serial-device.js';
import { canHangUp, hangupPty, type HangupPty } from '../support/hangup-pty.js';

let pty: HangupPty | undefined;
afterEach(async () => {
  await pty?.close();
  pty = undefined;
});

describe('the read used by the serial binding', () => {
  it('throws "nothing yet" (EAGAIN) without a stack, and a real read error with one', async () => {
    pty = await hangupPty();
    const fd = openSync(pty.path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
    try {
      const nothingYet = await readUntilHangup(fd, Buffer.alloc(16), 0, 16, null).catch((e: Error) => e);
      expect(nothingYet).toMatchObject({ code: 'EAGAIN' });
      expect((nothingYet as Error).stack).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(fd);
    }
    const badFd = await readUntilHangup(fd, Buffer.alloc(16), 0, 16, null).catch((e: Error) => e); // closed: EBADF
    expect(badFd).toMatchObject({ code: 'EBADF' });
    expect((badFd as Error).stack).toMatch(/\n\s+at /);
  });
});

describe.skipIf(!(await canHangUp()))('a hung-up tty (unplugged adapter)', () => {
  it('reads end-of-file on the real descriptor, and the detector turns that into a disconnect', async () => {
    pty = await hangupPty();
    // O_NOCTTY: never make the pty this worker's controlling terminal (its hang-up would reach us).
    const fd = openSync(pty.path, constants.O_RDWR | constants.O_NOCTTY);
    try {
      await pty.hangUp();
      expect(readSync(fd, Buffer.alloc(16))).toBe(0); // what bindings-cpp retried forever
      await expect(readUntilHangup(fd, Buffer.alloc(16), 0, 16, null)).rejects.toMatchObject({ disconnect: true });
    } finally {
      closeSync(fd);
    }
  });

  // The case bindings-cpp 13 spun on: a read that starts after the hang-up gets 0 bytes. (A read
  // parked on the poller when the hang-up comes gets POLLERR instead, which the binding handles.)
  it('closes a port whose read meets the hang-up, with a disconnect error, instead of retrying forever', async () => {
    pty = await hangupPty();
    const port = createLocalPort({ path: pty.path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    await pty.hangUp();
    const closed = new Promise<(Error & { disconnected?: boolean }) | null>((resolve) => port.once('close', resolve));
    port.on('data', () => undefined); // starts reading
    expect(await closed).toMatchObject({ disconnected: true });
    expect(port.isOpen).toBe(false);
  });

  it('closes the protocol transport with an unplugged error', async () => {
    pty = await hangupPty();
    const t = new SerialTransport(pty.path);
    await t.open();
    const closed = new Promise<Error | undefined>((resolve) => t.once('close', resolve));
    await pty.hangUp();
    const err = await closed;
    expect(err).toMatchObject({ code: 'PORT_UNPLUGGED' });
    expect(t.isOpen).toBe(false);
  });

  it("ends the flasher device's readable stream", async () => {
    pty = await hangupPty();
    const device = new NodeSerialDevice(pty.path);
    await device.open({ baudRate: 115200 });
    const reader = device.readable!.getReader();
    const pending = reader.read();
    await pty.hangUp();
    expect(await pending).toMatchObject({ done: true });
    expect(device.isOpen).toBe(false);
    await device.close();
  });
});
