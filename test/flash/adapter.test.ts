// The Node adapter under esptool-js's real Transport and ESPLoader, against a pty peer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ESPLoader } from 'esptool-js';
import { NodeSerialDevice, SerialDeviceError } from '../../host/src/flash/serial-device.js';
import { NodeTransport } from '../../host/src/flash/transport.js';
import { resetConstructors } from '../../host/src/flash/reset.js';
import { flashBoard, FlashError } from '../../host/src/flash/flasher.js';
import { FakeRom, slipEncode } from './fake-rom.js';
import { ptyPair, type PtyPair } from '../support/pty-pair.js';

let pair: PtyPair;
let rom: FakeRom | undefined;
let transport: NodeTransport | undefined;

beforeEach(async () => {
  pair = await ptyPair();
});
afterEach(async () => {
  await transport?.disconnect().catch(() => undefined);
  await rom?.close();
  await pair.close();
  transport = undefined;
  rom = undefined;
});

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('NodeSerialDevice + esptool-js Transport over a pty', () => {
  it('SLIP-escapes END/ESC on the way out and unescapes a reply on the way in', async () => {
    rom = new FakeRom(pair.b);
    await rom.open();
    const traces: string[] = [];
    transport = new NodeTransport(new NodeSerialDevice(pair.a), (l) => traces.push(l));
    await transport.connect(115200);
    void transport.readLoop();

    await transport.write(new Uint8Array([0x01, 0xc0, 0x02, 0xdb, 0x03]));
    await waitFor(() => Buffer.concat(rom!.raw).length >= 9);
    expect([...Buffer.concat(rom.raw)]).toEqual([0xc0, 0x01, 0xdb, 0xdc, 0x02, 0xdb, 0xdd, 0x03, 0xc0]);

    rom.send(slipEncode(new Uint8Array([0xaa, 0xc0, 0xdb, 0xbb])));
    const packet = await transport.read(2000);
    expect([...packet]).toEqual([0xaa, 0xc0, 0xdb, 0xbb]);
  });

  it('syncs with a ROM and reads a register whose bytes need escaping', async () => {
    rom = new FakeRom(pair.b, new Map([[0x60008000, 0xdbc0c0db]]));
    await rom.open();
    const device = new NodeSerialDevice(pair.a);
    transport = new NodeTransport(device);
    const out: string[] = [];
    const loader = new ESPLoader({
      transport,
      baudrate: 115200,
      terminal: { clean: () => undefined, writeLine: (l) => out.push(l), write: (l) => out.push(l) },
      resetConstructors: resetConstructors(),
    });
    await loader.connect('default_reset', 1, false);
    expect(rom.commands[0].op).toBe(0x08);
    expect(rom.commands[0].data.subarray(0, 4)).toEqual(Buffer.from([0x07, 0x07, 0x12, 0x20]));
    // esptool-js returns the register as a signed 32-bit number.
    expect((await loader.readReg(0x60008000)) >>> 0).toBe(0xdbc0c0db);
    // open() released both lines first (Windows would otherwise hold IO0 low while the port is
    // open), then the classic reset ran through the adapter: signals are recorded even though a
    // pty refuses them.
    expect(device.signalLog.map(({ dtr, rts }) => [dtr, rts])).toEqual([
      [false, false],
      [false, true],
      [true, false],
      [false, false],
    ]);
    expect(device.signalLog.every((s) => s.applied === false)).toBe(true);
  });

  it('changes baud in place instead of closing the port', async () => {
    const device = new NodeSerialDevice(pair.a);
    transport = new NodeTransport(device);
    await transport.connect(115200);
    const reopened = await transport.changeBaudrate(460800);
    expect(reopened).toBe(false);
    expect(device.isOpen).toBe(true);
  });

  it('can be opened again after close (Transport reconnects that way)', async () => {
    const device = new NodeSerialDevice(pair.a);
    await device.open({ baudRate: 115200 });
    await device.close();
    expect(device.readable).toBeNull();
    await device.open({ baudRate: 115200 });
    expect(device.isOpen).toBe(true);
    await device.close();
  });

  it('throws a named signal error on a non-pty path when told signals must work', async () => {
    const device = new NodeSerialDevice(pair.a, { tolerateSignalErrors: false });
    await device.open({ baudRate: 115200 });
    await expect(device.setSignals({ requestToSend: true })).rejects.toMatchObject({ code: 'SIGNALS' });
    await device.close();
  });

  it('names a missing port and says what to do', async () => {
    const device = new NodeSerialDevice('/dev/ttyUSB-espwifi-missing');
    const err = await device.open({ baudRate: 115200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SerialDeviceError);
    expect((err as SerialDeviceError).code).toBe('PORT_MISSING');
    expect((err as Error).message).toMatch(/espwifi ports/);
  });
});

describe('flashBoard error paths without silicon', () => {
  it('reports NO_SYNC with what to do when nothing answers', async () => {
    const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: true, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };
    const err = await flashBoard({ port: pair.a, plan, baudRate: 115200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlashError);
    expect((err as FlashError).code).toBe('NO_SYNC');
    expect((err as Error).message).toMatch(/hold BOOT/);
  }, 25_000);

  it('NO_SYNC on a port where an application talks says so and quotes its last line', async () => {
    const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: true, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };
    const { SerialPort } = await import('serialport');
    const app = new SerialPort({ path: pair.b, baudRate: 115200 });
    let n = 0;
    let text = (i: number) => `I (${i}) app_main: temperature 21.5 C\r\n`;
    const timer = setInterval(() => app.write(text(++n)), 100);
    try {
      const err = await flashBoard({ port: pair.a, plan, baudRate: 115200 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'NO_SYNC' });
      expect((err as Error).message).toMatch(/text instead of the ROM bootloader's answer \(last line: "I \(\d+\) app_main: temperature 21\.5 C"\)/);
      expect((err as Error).message).toMatch(/hold BOOT/);
      // the ROM's own download-mode banner is no application: the plain message, no claim
      text = () => 'rst:0x1 (POWERON),boot:0x5 (DOWNLOAD(USB/UART0))\r\nwaiting for download\r\n';
      const rom = await flashBoard({ port: pair.a, plan, baudRate: 115200 }).catch((e: unknown) => e);
      expect((rom as Error).message).toMatch(/^the ROM bootloader on \S+ did not answer/);
    } finally {
      clearInterval(timer);
      await new Promise((r) => app.close(r));
    }
  }, 25_000);

  it('a build with stub: false in flasher_args.json is written through the ROM: no stub upload; --erase-all, which needs the stub, is refused first', async () => {
    const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: false, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };
    const erase = await flashBoard({ port: pair.a, plan, baudRate: 115200, eraseAll: true }).catch((e: unknown) => e);
    expect(erase).toMatchObject({ code: 'ERASE_NEEDS_STUB' });
    rom = new FakeRom(pair.b, new Map([[0x40001000, 0x1b31506f]])); // an ESP32-C3
    await rom.open();
    const statuses: string[] = [];
    // The stand-in answers no SPI commands: the flash stops after the point where the stub would go.
    await flashBoard({ port: pair.a, plan, baudRate: 115200, onStatus: (l) => statuses.push(l) }).catch(() => undefined);
    expect(rom.commands.some((c) => c.op === 0x0a)).toBe(true); // it did talk to the ROM
    expect(rom.commands.some((c) => c.op === 0x05)).toBe(false); // MEM_BEGIN: no stub upload
    expect(statuses.join('\n')).toMatch(/stub: false.*ROM/);
  }, 25_000);

  it('an abort while connecting stops at once with its reason and closes the port with DTR/RTS released', async () => {
    const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: true, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };
    const ac = new AbortController();
    const lines: { dtr: boolean; rts: boolean }[] = [];
    const flashing = flashBoard({ port: pair.a, plan, baudRate: 115200, signal: ac.signal, onSignals: (r) => lines.push({ dtr: r.dtr, rts: r.rts }) }).catch((e: unknown) => e);
    // in the middle of the classic reset: EN held low (RTS) or IO0 held low (DTR)
    await waitFor(() => lines.some((l) => l.dtr || l.rts));
    const reason = new Error('stop');
    ac.abort(reason);
    expect(await flashing).toBe(reason);
    expect(lines.at(-1)).toEqual({ dtr: false, rts: false });
    // the port is free again: another open succeeds (serialport locks a port it holds)
    const again = new NodeSerialDevice(pair.a);
    await again.open({ baudRate: 115200 });
    await again.close();
  }, 25_000);

  it('a port that goes away mid-flash is named as gone (PORT_UNPLUGGED), not "is not open"', async () => {
    const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: true, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };
    const statuses: string[] = [];
    const flashing = flashBoard({ port: pair.a, plan, baudRate: 115200, onStatus: (l) => statuses.push(l) }).catch((e: unknown) => e);
    await waitFor(() => statuses.some((l) => l.startsWith('Connecting')));
    await pair.close(); // the helper hangs up both ends, as an unplugged USB adapter does
    const err = await flashing;
    expect(err).toMatchObject({ code: 'PORT_UNPLUGGED' });
    expect((err as Error).message).toMatch(/went away/);
    expect((err as Error).message).not.toMatch(/is not open/);
  }, 25_000);
});
