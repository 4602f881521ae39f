// Which device a --port names, and what the port table says about it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCandidate, guessFromUsbId, identifyPort, portKey, scanDevTree } from '../../host/src/cli/ports.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A /dev and /sys tree with one USB-Serial-JTAG board on ttyACM0 (serial number in sysfs). */
function tree() {
  const root = mkdtempSync(path.join(tmpdir(), 'espwifi-ports-'));
  dirs.push(root);
  const dev = path.join(root, 'dev');
  const sys = path.join(root, 'sys');
  mkdirSync(path.join(dev, 'serial/by-id'), { recursive: true });
  writeFileSync(path.join(dev, 'ttyACM0'), '');
  const byId = path.join(dev, 'serial/by-id/usb-Espressif_USB_JTAG_serial_debug_unit_F4:12:FA:00:11:22-if00');
  symlinkSync('../../ttyACM0', byId);
  const alias = path.join(dev, 'esp-c3'); // a udev rule's SYMLINK+="esp-c3"
  symlinkSync('ttyACM0', alias);
  const usb = path.join(sys, 'devices/usb1/1-2');
  mkdirSync(path.join(usb, '1-2:1.0'), { recursive: true });
  writeFileSync(path.join(usb, 'idVendor'), '303a\n');
  writeFileSync(path.join(usb, 'idProduct'), '1001\n');
  writeFileSync(path.join(usb, 'serial'), 'F4:12:FA:00:11:22\n');
  mkdirSync(path.join(sys, 'class/tty/ttyACM0'), { recursive: true });
  symlinkSync(path.join(usb, '1-2:1.0'), path.join(sys, 'class/tty/ttyACM0/device'));
  return { dev, sys, node: path.join(dev, 'ttyACM0'), byId, alias };
}

describe('the port table', () => {
  it('knows the common USB-UART bridges', () => {
    expect(guessFromUsbId('10c4', 'ea70')).toMatchObject({ adapter: expect.stringMatching(/CP2105/), reset: 'classic' });
    expect(guessFromUsbId('1a86', '5523')).toMatchObject({ adapter: expect.stringMatching(/CH341/), reset: 'classic' });
    expect(guessFromUsbId('1a86', '55d2')).toMatchObject({ adapter: expect.stringMatching(/CH342/), reset: 'classic' });
    expect(guessFromUsbId('0403', '6011')).toMatchObject({ adapter: expect.stringMatching(/FT4232H/), reset: 'classic' });
    expect(guessFromUsbId('067b', '2303')).toMatchObject({ adapter: expect.stringMatching(/PL2303/), reset: 'classic' });
  });

  it("303a:1002 is the ESP USB Bridge (classic DTR/RTS), not the chip's USB-OTG", () => {
    expect(guessFromUsbId('303a', '1002')).toMatchObject({ adapter: 'Espressif USB Bridge', reset: 'classic' });
    expect(guessFromUsbId('303a', '1001')).toMatchObject({ reset: 'usb-jtag' });
    expect(guessFromUsbId('303a', '4001')).toMatchObject({ reset: 'usb-otg' }); // other native-USB PIDs
  });

  it('lists the stable by-id name and the serial number, so identical boards can be told apart', async () => {
    const t = tree();
    const [port] = await scanDevTree(t.dev, t.sys);
    expect(port).toMatchObject({ path: t.node, byId: t.byId, serialNumber: 'F4:12:FA:00:11:22', reset: 'usb-jtag' });
  });
});

describe('which listed port --port names', () => {
  it('matches a by-id link, a udev alias and the node itself to the same candidate', () => {
    const t = tree();
    const candidates = [{ path: t.node, byId: t.byId, vendorId: '303a', productId: '1001', reset: 'usb-jtag' as const }];
    for (const given of [t.node, t.byId, t.alias]) expect(findCandidate(given, candidates)).toBe(candidates[0]);
    expect(findCandidate(path.join(t.dev, 'ttyUSB9'), candidates)).toBeUndefined();
  });

  it("treats macOS's /dev/cu.X and /dev/tty.X as one port", () => {
    expect(portKey('/dev/cu.usbmodem1101')).toBe(portKey('/dev/tty.usbmodem1101'));
    expect(findCandidate('/dev/cu.usbmodem1101', [{ path: '/dev/tty.usbmodem1101', reset: 'usb-jtag' }])).toMatchObject({ reset: 'usb-jtag' });
  });

  it('identifies a port through a symlink from sysfs when no list has it (no udev)', async () => {
    const t = tree();
    expect(await identifyPort(t.alias, t.sys)).toMatchObject({ vendorId: '303a', productId: '1001', reset: 'usb-jtag' });
  });
});
