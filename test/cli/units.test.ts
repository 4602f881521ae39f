// Pure pieces of the CLI: port discovery fallback, option translation, output helpers.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guessFromUsbId, scanDevTree } from '../../host/src/cli/ports.js';
import { parseChannelList, toScanOptions } from '../../host/src/cli/commands/scan.js';
import { nextAddress } from '../../host/src/cli/commands/demo.js';
import { displayWidth, makeStyle, table } from '../../host/src/cli/output.js';
import { classify } from '../../host/src/cli/failure.js';
import { EXIT } from '../../host/src/cli/exit-codes.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('port discovery without udev', () => {
  it('guesses the adapter from VID:PID', () => {
    expect(guessFromUsbId('10c4', 'ea60')?.adapter).toMatch(/CP210x/);
    expect(guessFromUsbId('1a86', '55d4')?.adapter).toMatch(/CH9102/);
    expect(guessFromUsbId('303A', '1001')).toMatchObject({ reset: 'usb-jtag' });
    expect(guessFromUsbId('303a', '0002')).toMatchObject({ reset: 'usb-otg' });
    expect(guessFromUsbId('0403', '6010')?.guess).toMatch(/ESP-Prog|WROVER/);
    expect(guessFromUsbId('dead', 'beef')).toBeUndefined();
  });

  it('scans a /dev and /sys tree: by-id links, ttyUSB/ttyACM, VID:PID from sysfs', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'espwifi-devtree-'));
    dirs.push(root);
    const dev = path.join(root, 'dev');
    const sys = path.join(root, 'sys');
    mkdirSync(path.join(dev, 'serial/by-id'), { recursive: true });
    for (const n of ['ttyUSB0', 'ttyACM0', 'ttyS0']) writeFileSync(path.join(dev, n), '');
    symlinkSync('../../ttyUSB0', path.join(dev, 'serial/by-id/usb-Silicon_Labs_CP2102-if00-port0'));
    // sysfs: class/tty/<dev>/device → …/usb1/1-1/1-1:1.0/ttyUSB0; idVendor lives two levels up.
    const usbDev = path.join(sys, 'devices/usb1/1-1');
    mkdirSync(path.join(usbDev, '1-1:1.0/ttyUSB0'), { recursive: true });
    writeFileSync(path.join(usbDev, 'idVendor'), '10c4\n');
    writeFileSync(path.join(usbDev, 'idProduct'), 'ea60\n');
    mkdirSync(path.join(sys, 'class/tty/ttyUSB0'), { recursive: true });
    symlinkSync(path.join(usbDev, '1-1:1.0/ttyUSB0'), path.join(sys, 'class/tty/ttyUSB0/device'));
    const acm = path.join(sys, 'devices/usb1/1-2');
    mkdirSync(path.join(acm, '1-2:1.0'), { recursive: true });
    writeFileSync(path.join(acm, 'idVendor'), '303a\n');
    writeFileSync(path.join(acm, 'idProduct'), '1001\n');
    mkdirSync(path.join(sys, 'class/tty/ttyACM0'), { recursive: true });
    symlinkSync(path.join(acm, '1-2:1.0'), path.join(sys, 'class/tty/ttyACM0/device'));

    return scanDevTree(dev, sys).then((ports) => {
      expect(ports.map((p) => path.basename(p.path)).sort()).toEqual(['ttyACM0', 'ttyUSB0']);
      const usb = ports.find((p) => p.path.endsWith('ttyUSB0'))!;
      expect(usb).toMatchObject({ vendorId: '10c4', productId: 'ea60', reset: 'classic' });
      expect(usb.byId).toMatch(/usb-Silicon_Labs_CP2102/);
      expect(ports.find((p) => p.path.endsWith('ttyACM0'))).toMatchObject({ reset: 'usb-jtag' });
    });
  });

  it('an empty or missing tree is an empty list, not a crash', async () => {
    expect(await scanDevTree('/nonexistent-dev', '/nonexistent-sys')).toEqual([]);
  });
});

describe('scan option translation', () => {
  it('maps CLI options to the library ScanOptions', () => {
    expect(toScanOptions({ channels: parseChannelList('11,1,6,6'), passive: true, passiveTime: 200, showHidden: true })).toEqual({
      channelBitmap: (1 << 1) | (1 << 6) | (1 << 11),
      type: 'passive',
      passiveMs: 200,
      showHidden: true,
    });
    expect(toScanOptions({ ssid: 'HomeNet', activeMin: 50, activeMax: 100, homeDwell: 40, timeout: 5 })).toEqual({
      ssid: 'HomeNet', activeMinMs: 50, activeMaxMs: 100, homeChannelDwellMs: 40, timeoutMs: 5000,
    });
  });

  it('rejects contradictions with a usage error', () => {
    expect(() => toScanOptions({ channel: 6, channels: [1] })).toThrow(/exclude each other/);
    expect(() => toScanOptions({ passive: true, activeMax: 100 })).toThrow(/apply to active scans/);
    expect(() => toScanOptions({ activeMin: 200, activeMax: 100 })).toThrow(/must not exceed/);
    expect(() => parseChannelList('0')).toThrow(/between 1 and 13/);
    expect(() => parseChannelList('6,14')).toThrow(/14 is allowed only in Japan/);
  });
});

describe('output helpers', () => {
  it('aligns tables by display width (wide characters count double)', () => {
    expect(displayWidth('咖啡')).toBe(4);
    expect(displayWidth('\x1b[1mab\x1b[22m')).toBe(2);
    const t = table([{ a: '咖啡', b: 'x' }, { a: 'abcd', b: 'y' }], [{ header: 'A', value: (r) => r.a }, { header: 'B', value: (r) => r.b }], makeStyle(false));
    const cols = t.split('\n').map((l) => displayWidth(l.slice(0, l.lastIndexOf(' ') + 1)));
    expect(new Set(cols).size).toBe(1);
  });

  it('the demo picks a renewal address in the same /24', () => {
    expect(nextAddress('192.168.1.23')).toBe('192.168.1.77');
    expect(nextAddress('10.0.0.250')).toMatch(/^10\.0\.0\.(\d+)$/);
    expect(Number(nextAddress('10.0.0.250').split('.')[3])).toBeLessThanOrEqual(254);
  });
});

describe('exit code mapping', () => {
  it('maps library errors by name', () => {
    const named = (name: string, extra: object = {}) => Object.assign(new Error('m'), { name, ...extra });
    expect(classify(named('PortError', { code: 'PORT_BUSY' })).exitCode).toBe(EXIT.NO_BOARD);
    expect(classify(named('TimeoutError'), { duringOpen: true })).toMatchObject({ exitCode: EXIT.NO_BOARD, message: expect.stringMatching(/stopped answering while it was being opened/) });
    expect(classify(named('TimeoutError')).exitCode).toBe(EXIT.TIMEOUT);
    expect(classify(named('DeviceResetError')).exitCode).toBe(EXIT.DEVICE_RESET);
    expect(classify(named('ConnectError', { disconnect: { likely: { cause: 'wrong password', evidence: 'e' } } })).exitCode).toBe(EXIT.CONNECT_PASSWORD);
    expect(classify(named('ConnectError', { disconnect: { cause: 'ap-gone' } })).exitCode).toBe(EXIT.CONNECT_FAILED);
    expect(classify(named('CommandError')).exitCode).toBe(EXIT.COMMAND_FAILED);
    expect(classify(new Error('boom')).exitCode).toBe(EXIT.INTERNAL);
  });
});
