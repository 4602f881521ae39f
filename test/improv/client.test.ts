// The Node Improv client: every RPC against the virtual board (real core, real pty, real serial
// transport), a wrong password, an AP that is not there, garbage on the line both ways; and
// against a foreign Improv device (written here from the spec, served over socket://) for what
// our firmware never does: bad checksums, a hostname it supports, no reason behind a failure.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ImprovClient, ImprovError } from '../../host/src/improv/client.js';
import { encodePacket, encodeStrings } from '../../host/src/improv/packet.js';
import { openBoard } from '../../host/src/open-board.js';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { SerialTransport } from '../../host/src/transport/serial.js';
import { until } from '../host/vb-helpers.js';

const silent = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function board(scenario = 'home'): Promise<VirtualBoard> {
  const vb = await VirtualBoard.start({ scenario, speed: 20, seed: 1, color: false, stderr: 'ignore' });
  cleanups.push(() => vb.stop());
  return vb;
}

async function client(port: string, detectTimeoutMs = 5000): Promise<ImprovClient> {
  const c = await ImprovClient.open({ port, logger: silent, detectTimeoutMs });
  cleanups.push(() => c.close());
  return c;
}

async function rejection(p: Promise<unknown>): Promise<ImprovError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImprovError);
  return e as ImprovError;
}

describe('ImprovClient against the virtual board', () => {
  it('answers every RPC: state, device info, hostname (get, set, bad), device name, scan; setting the name is refused by name', async () => {
    const vb = await board();
    const c = await client(vb.port);
    expect(c.state).toEqual({ state: 'ready', code: 2, urls: [] });
    expect(await c.requestState()).toEqual({ state: 'ready', code: 2, urls: [] });
    expect(await c.deviceInfo()).toEqual({ firmware: 'espwifi', version: '0.1.0-sim', chip: 'esp32c3', deviceName: 'espwifi-a00001', osName: 'ESP-IDF', osVersion: 'v5.5.1' });
    expect(await c.deviceName()).toBe('espwifi-a00001');
    const nets = await c.scan();
    expect(nets.map((n) => [n.ssidText, n.authRequired])).toEqual([['HomeNet', true], ['Neighbor', true], ['CafeGuest', false]]);
    expect(nets[0]!.rssi).toBeLessThan(0);
    expect(await c.hostname()).toBe('espressif'); // ESP-IDF's CONFIG_LWIP_LOCAL_HOSTNAME
    expect(await c.hostname('kitchen-light')).toBe('kitchen-light');
    expect(await c.hostname()).toBe('kitchen-light');
    expect((await rejection(c.hostname('kitchen light'))).code).toBe('IMPROV_BAD_HOSTNAME');
    expect((await rejection(c.hostname('x'.repeat(33)))).code).toBe('IMPROV_BAD_HOSTNAME');
    expect((await rejection(c.deviceName('Kitchen'))).code).toBe('IMPROV_UNKNOWN_RPC_COMMAND');
    expect(c.counters.badChecksum).toBe(0);
  });

  it('a wrong password fails with UNABLE_TO_CONNECT and the reason from our own event (15, likely password)', async () => {
    const vb = await board();
    const c = await client(vb.port);
    const states: string[] = [];
    c.on('state', (s) => states.push(s.state));
    const e = await rejection(c.provision('HomeNet', 'not-the-password'));
    expect(e.code).toBe('IMPROV_UNABLE_TO_CONNECT');
    expect(e.improvError).toBe(3);
    expect(e.disconnect).toMatchObject({ reason: 15, name: '4WAY_HANDSHAKE_TIMEOUT' });
    expect(e.likely?.cause).toBe('password');
    expect(e.message).toMatch(/reason 15 4WAY_HANDSHAKE_TIMEOUT/);
    expect(e.message).not.toContain('not-the-password');
    expect(states).toEqual(['provisioning', 'ready']);
  });

  it("no password for a secured AP, or one for an open AP (210): the device's scan says which, likely the password", async () => {
    const vb = await board();
    const c = await client(vb.port);
    const missing = await rejection(c.provision('HomeNet', ''));
    expect(missing.disconnect?.reason).toBe(210);
    expect(missing.likely?.cause).toBe('password');
    expect(missing.message).toMatch(/likely a missing password — /);
    expect(missing.message).toMatch(/no password was given but "HomeNet" asks for one \(the device's scan\): likely a missing password/);
    const extra = await rejection(c.provision('CafeGuest', 'abcdefghij'));
    expect(extra.disconnect?.reason).toBe(210);
    expect(extra.likely?.cause).toBe('password');
    expect(extra.message).toMatch(/likely a password the open network does not take — /);
    expect(extra.message).toMatch(/a password was given but "CafeGuest" is open \(the device's scan\): likely the password must be empty/);
    expect(extra.message).not.toContain('abcdefghij');
  });

  it('an AP that is not there: UNABLE_TO_CONNECT with NO_AP_FOUND, not blamed on the password', async () => {
    const vb = await board();
    const c = await client(vb.port);
    const e = await rejection(c.provision('NoSuchNet', 'whatever-pass'));
    expect(e.disconnect).toMatchObject({ reason: 201, name: 'NO_AP_FOUND' });
    expect(e.likely?.cause).not.toBe('password');
  });

  it('an AP that lets the board join but never answers DHCP: unable to connect after the bridge\'s timeout, saying it joined', async () => {
    const home = JSON.parse(readFileSync(new URL('../../firmware/sim/scenarios/home.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const scenario = { ...home, name: 'no-dhcp', dhcp: { ...(home.dhcp as object), delay_ms: -1 } };
    const vb = await VirtualBoard.start({ scenario, speed: 20, seed: 1, color: false, stderr: 'ignore' });
    cleanups.push(() => vb.stop());
    const c = await client(vb.port);
    const e = await rejection(c.provision('HomeNet', 'correct-horse'));
    expect(e.code).toBe('IMPROV_UNABLE_TO_CONNECT');
    expect(e.disconnect).toBeUndefined();
    expect(e.message).toMatch(/joined the network but got no IP address/);
    expect(e.deviceLog).toMatch(/no IP address 20 s after connecting/);
    expect((await c.requestState()).state).toBe('ready');
  });

  it('provisions, reports provisioned with the IP from our got_ip, switches networks, and our frames still drive the board', async () => {
    const vb = await board();
    const c = await client(vb.port);
    const r = await c.provision('HomeNet', 'correct-horse');
    expect(r).toEqual({ urls: [], ip: { ip: '192.168.1.100', mask: '255.255.255.0', gw: '192.168.1.1', changed: false } });
    expect(await c.requestState()).toEqual({ state: 'provisioned', code: 4, urls: [] });
    // A second network while connected: our own leave (reason 8) is not taken for a failure.
    const e = await rejection(c.provision('Neighbor', 'not-its-password'));
    expect(e.disconnect?.reason).not.toBe(8);
    expect(c.espwifi).toBe(true);
    await c.close();
    // The same line, now through our protocol: provisioning went through the core's phases.
    const b = await openBoard({ port: vb.port, logger: silent, reconnect: false });
    cleanups.push(() => b.close());
    const logs: string[] = [];
    const improvPackets: number[] = [];
    b.on('log', (l) => logs.push(l.raw));
    b.client.on('improv', (p: { type: number; data: Buffer }) => improvPackets.push(p.data[0]!));
    expect((await b.status()).phase).toBe('started');
    await b.configure({ ssid: 'HomeNet', password: 'correct-horse' });
    await b.connect({ timeoutMs: 10_000 });
    expect(b.phase).toBe('got_ip');
    // The board still sends Improv state changes (a client spoke Improv since boot): the host
    // takes them off the line, they never reach the device log.
    expect(improvPackets).toEqual([4]);
    expect(logs.filter((l) => l.includes('IMPROV'))).toEqual([]);
  });

  it('garbage on the line both ways: noise from the board, junk bytes (with a partial header and frame) to it', async () => {
    const vb = await board();
    // junk to the board with no line end, as a flaky cable or a person would leave it
    const raw = new SerialTransport(vb.port);
    await raw.open();
    await raw.write(Buffer.from('\x00\xff\x13IMPRO~q1 sta\x01\x02IMPROV', 'latin1'));
    await raw.close();
    await vb.noise(300);
    const c = await client(vb.port);
    await vb.noise(100);
    expect((await c.deviceInfo()).firmware).toBe('espwifi');
    expect((await c.provision('HomeNet', 'correct-horse')).ip?.ip).toBe('192.168.1.100');
  });
});

/** The device's end of the newest foreign connection (for raw, non-packet output such as a ROM banner). */
let lastSocket: net.Socket | undefined;

/** An Improv device written from the spec alone, on a TCP socket (socket:// transport). */
function foreignDevice(answer: (cmd: number, data: Buffer, send: (type: number, data: number[], corrupt?: boolean) => void) => void): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = net.createServer((sock) => {
      lastSocket = sock;
      let buf = Buffer.alloc(0);
      const send = (type: number, data: number[], corrupt = false) => {
        const p = encodePacket(type, Buffer.from(data), true);
        if (corrupt) p[p.length - 2] ^= 0x5a;
        sock.write(p);
      };
      sock.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        for (;;) {
          const at = buf.indexOf('IMPROV');
          if (at < 0 || buf.length < at + 9 || buf.length < at + 10 + buf[at + 8]!) return;
          const len = buf[at + 8]!;
          const body = buf.subarray(at + 9, at + 9 + len);
          buf = buf.subarray(at + 10 + len);
          answer(body[0]!, body.subarray(2, 2 + body[1]!), send);
        }
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ url: `socket://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

const result = (cmd: number, strings: string[]) => {
  const s = encodeStrings(strings.map((x) => Buffer.from(x)));
  return [cmd, s.length, ...s];
};

describe('ImprovClient against a foreign Improv device', () => {
  it('drops answers with a bad checksum, counts them, and times out with a named error', async () => {
    const dev = await foreignDevice((cmd, _d, send) => {
      if (cmd === 2) send(1, [2]);
      if (cmd === 3) send(4, result(3, ['ESPHome', '2026.1.0', 'esp32', 'Bad cable']), true);
    });
    cleanups.push(() => dev.close());
    const c = await client(dev.url);
    const e = await c.deviceInfo({ timeoutMs: 500 }).then(() => undefined, (err: unknown) => err);
    expect(e).toMatchObject({ name: 'TimeoutError', code: 'TIMEOUT' });
    // Counted when it arrives, before or (on a loaded machine) after the timeout.
    await until(() => c.counters.badChecksum === 1, 10_000, 'the bad answer counted');
    expect(c.espwifi).toBe(false);
  });

  it('supports hostname get/set where the device does, and a result whose length byte is LF', async () => {
    let hostname = 'esphome-web';
    const dev = await foreignDevice((cmd, d, send) => {
      send(2, [0]);
      if (cmd === 2) send(1, [2]);
      if (cmd === 5) {
        if (d.length) {
          if (!/^[a-z0-9-]+$/i.test(d.toString())) return send(2, [5]);
          hostname = d.toString();
        }
        send(4, result(5, [hostname]));
      }
      if (cmd === 6) send(4, result(6, ['abcdef']));
      if (cmd === 4) {
        send(4, result(4, ['ab', '-5', 'NO'])); // 2 + 3 + 3 + 3 = 11
        send(4, result(4, ['a', '5', 'YES'])); // 2 + 2 + 2 + 4 = 10: the length byte is LF
        send(4, result(4, []));
      }
    });
    cleanups.push(() => dev.close());
    const c = await client(dev.url);
    expect(await c.hostname()).toBe('esphome-web');
    expect(await c.hostname('kitchen-light')).toBe('kitchen-light');
    expect((await rejection(c.hostname('no spaces!'))).code).toBe('IMPROV_BAD_HOSTNAME');
    expect(await c.deviceName()).toBe('abcdef');
    expect((await c.scan()).map((n) => [n.ssidText, n.rssi, n.authRequired])).toEqual([['a', 5, true], ['ab', -5, false]]);
  });

  it('a failure without our frames has no reason: Improv does not say one', async () => {
    const dev = await foreignDevice((cmd, _d, send) => {
      send(2, [0]);
      if (cmd === 2) send(1, [2]);
      if (cmd === 1) {
        send(1, [3]);
        send(2, [3]);
        send(1, [2]);
      }
    });
    cleanups.push(() => dev.close());
    const c = await client(dev.url);
    const e = await rejection(c.provision('HomeNet', 'pw-12345678'));
    expect(e.code).toBe('IMPROV_UNABLE_TO_CONNECT');
    expect(e.disconnect).toBeUndefined();
    expect(e.likely).toBeUndefined();
  });

  it('a device that reboots mid-provision (the ROM banner on the line) is DEVICE_RESET with the ROM reason, not a timeout', async () => {
    const dev = await foreignDevice((cmd, _d, send) => {
      if (cmd === 2) send(1, [2]);
      if (cmd === 1) {
        send(1, [3]); // provisioning, then a panic and the ROM's reboot; no answer will come
        lastSocket?.write('Guru Meditation Error: Core  0 panic\'ed (LoadProhibited). Exception was unhandled.\r\nRebooting...\r\n');
        lastSocket?.write('ets Jul 29 2019 12:21:46\r\n\r\nrst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nconfigsip: 0, SPIWP:0xee\r\n');
      }
    });
    cleanups.push(() => dev.close());
    const c = await client(dev.url);
    const e = await c.provision('HomeNet', 'pw-12345678', { timeoutMs: 10_000 }).then(() => undefined, (err: unknown) => err);
    expect(e).toMatchObject({ code: 'DEVICE_RESET', resetReason: 'sw' });
    expect((e as Error).message).toMatch(/SW_CPU_RESET/);
  });

  it('a ROM banner before the client detected the device (a reset by opening the port) fails nothing', async () => {
    let booted = false;
    const dev = await foreignDevice((cmd, _d, send) => {
      if (cmd === 2) {
        if (!booted) lastSocket?.write('ESP-ROM:esp32c3-api1-20210207\r\nrst:0x15 (USB_UART_CHIP_RESET),boot:0x8 (SPI_FAST_FLASH_BOOT)\r\n');
        booted = true;
        send(1, [2]);
      }
    });
    cleanups.push(() => dev.close());
    const c = await client(dev.url);
    expect(await c.requestState()).toEqual({ state: 'ready', code: 2, urls: [] });
  });

  it('a silent device is IMPROV_NOT_DETECTED after re-asking', async () => {
    let asked = 0;
    const dev = await foreignDevice(() => void asked++);
    cleanups.push(() => dev.close());
    const e = await ImprovClient.open({ port: dev.url, logger: silent, detectTimeoutMs: 2500 }).then(() => undefined, (err: unknown) => err);
    expect(e).toMatchObject({ code: 'IMPROV_NOT_DETECTED' });
    expect(asked).toBeGreaterThanOrEqual(2);
  });
});
