// The watchdogs a USB-Serial-JTAG chip must have disabled before a long write, sent through
// esptool-js's real loader to a ROM stand-in that keeps the register writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disableUsbSerialJtagWatchdogs, USB_SERIAL_JTAG_WATCHDOGS } from '../../host/src/flash/watchdogs.js';
import { flashBoard, FlashError } from '../../host/src/flash/flasher.js';
import { FakeRom } from './fake-rom.js';
import { ptyPair, type PtyPair } from '../support/pty-pair.js';
import { loaderOnFakeRom, type LoaderOnFakeRom } from './loader-on-fake-rom.js';

let pair: PtyPair;
let setup: LoaderOnFakeRom;
const USJ = { vid: 0x303a, pid: 0x1001 };
const regs = USB_SERIAL_JTAG_WATCHDOGS['ESP32-C3'];
const C3_MAGIC = 0x1b31506f; // what an ESP32-C3 ROM answers at the chip-detect register

beforeEach(async () => {
  pair = await ptyPair();
  // The SWD config register holds other bits that must survive the auto-feed change.
  setup = await loaderOnFakeRom(pair, new Map([[regs.swdConf, 0x0000_1234], [regs.wdtConfig0, 0x8000_0105]]));
});
afterEach(async () => {
  await setup?.close();
  await pair.close();
});

const writes = () =>
  setup.rom.commands.filter((c) => c.op === 0x09).map((c) => [c.data.readUInt32LE(0), c.data.readUInt32LE(4)]);

describe('USB-Serial-JTAG watchdogs', () => {
  it('ESP32-C3 on 303a:1001: RWDT unlocked, disabled, locked; SWD unlocked, auto-feed set, locked', async () => {
    expect(await disableUsbSerialJtagWatchdogs(setup.loader, 'ESP32-C3', USJ)).toBe(true);
    expect(writes()).toEqual([
      [0x600080a8, 0x50d83aa1],
      [0x60008090, 0],
      [0x600080a8, 0],
      [0x600080b0, 0x8f1d312a],
      [0x600080ac, 0x8000_1234],
      [0x600080b0, 0],
    ]);
    expect(setup.rom.commands.map((c) => c.op)).toEqual([0x09, 0x09, 0x09, 0x09, 0x0a, 0x09, 0x09]);
  });

  it('leaves a chip on a USB-UART bridge alone (its watchdogs were reset with the chip)', async () => {
    expect(await disableUsbSerialJtagWatchdogs(setup.loader, 'ESP32-C3', { vid: 0x10c4, pid: 0xea60 })).toBe(false);
    expect(await disableUsbSerialJtagWatchdogs(setup.loader, 'ESP32-C3', {})).toBe(false);
    expect(setup.rom.commands).toEqual([]);
  });

  it('covers the USB-Serial-JTAG chips esptool covers, except the P4 that esptool-js handles itself', () => {
    expect(Object.keys(USB_SERIAL_JTAG_WATCHDOGS).sort()).toEqual(['ESP32-C3', 'ESP32-C5', 'ESP32-C6', 'ESP32-C61', 'ESP32-H2', 'ESP32-S3']);
    expect(USB_SERIAL_JTAG_WATCHDOGS['ESP32-S3']).toMatchObject({ wdtProtect: 0x600080b0, swdConf: 0x600080b4, swdAutoFeed: 0x8000_0000 });
    expect(USB_SERIAL_JTAG_WATCHDOGS['ESP32-H2']).toMatchObject({ wdtProtect: 0x600b1c1c, swdProtect: 0x600b1c24, swdAutoFeed: 1 << 18 });
  });
});

describe('flashBoard on a USB-Serial-JTAG ESP32-C3', () => {
  const plan = { buildDir: '/x', before: 'default_reset' as const, after: 'hard_reset' as const, stub: true, flashMode: 'dio', flashFreq: '80m', flashSize: '4MB', files: [] };

  it('disables the watchdogs in the ROM, before the stub upload, as esptool does', async () => {
    await setup.close();
    const rom = new FakeRom(pair.b, new Map([[0x40001000, C3_MAGIC]]));
    await rom.open();
    const statuses: string[] = [];
    // The stand-in has no stub loader: flashing stops at the stub upload (MEM_BEGIN), after the writes.
    const err = await flashBoard({ port: pair.a, plan, baudRate: 115200, usbVendorId: 0x303a, usbProductId: 0x1001, onStatus: (l) => statuses.push(l) }).catch((e: unknown) => e);
    await rom.close();
    expect(err).toBeInstanceOf(FlashError);
    const ops = rom.commands.map((c) => c.op);
    const firstWrite = ops.indexOf(0x09);
    expect(firstWrite).toBeGreaterThan(-1);
    expect(ops.indexOf(0x05)).toBeGreaterThan(ops.lastIndexOf(0x09));
    expect(rom.commands.filter((c) => c.op === 0x09).map((c) => c.data.readUInt32LE(0))).toEqual([
      regs.wdtProtect, regs.wdtConfig0, regs.wdtProtect, regs.swdProtect, regs.swdConf, regs.swdProtect,
    ]);
    expect(statuses.join('\n')).toMatch(/RTC watchdog disabled/);
  });

  it('leaves them alone behind a USB-UART bridge', async () => {
    await setup.close();
    const rom = new FakeRom(pair.b, new Map([[0x40001000, C3_MAGIC]]));
    await rom.open();
    await flashBoard({ port: pair.a, plan, baudRate: 115200, usbVendorId: 0x10c4, usbProductId: 0xea60 }).catch(() => undefined);
    await rom.close();
    expect(rom.commands.some((c) => c.op === 0x09)).toBe(false);
    expect(rom.commands.some((c) => c.op === 0x05)).toBe(true); // it did get as far as the stub upload
  });
});
