// The Board and its Client on an in-memory transport with an injected clock: no pseudo-terminal,
// no sleeping. The scripted peer (fake-device.ts) answers; the reconnect backoff runs on a
// TestClock that only moves when the test says so, so each attempt is asserted at its due time.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Board } from '../../host/src/board.js';
import { openBoard } from '../../host/src/open-board.js';
import { TestClock } from '../../host/src/clock.js';
import { FakeDevice } from './fake-device.js';
import { until } from './vb-helpers.js';

let dev: FakeDevice | null = null;
let board: Board | null = null;
afterEach(async () => {
  await board?.close().catch(() => {});
  board = null;
  await dev?.close();
  dev = null;
});

const ssid = { ssid: 'HomeNet', bssid: '307bac694190' };
const connects = (d: FakeDevice) => d.requests.filter((q) => q.verb === 'connect').length;

describe('Board on a MemoryTransport', () => {
  it('opens with the hello, answers requests and closes the transport, without any pty', async () => {
    dev = FakeDevice.inMemory();
    board = await openBoard({ transport: dev.transport!, logger: pino({ level: 'silent' }) });
    expect(board.info).toMatchObject({ chip: 'esp32c3', fw: '0.0.1-fake' });
    expect(board.phase).toBe('uninit');
    await board.ping();
    expect(dev.requests.map((q) => q.verb)).toEqual(['info', 'status', 'ping']);
    await board.close();
    expect(dev.transport!.isOpen).toBe(false);
  });

  it('the port going away fails a waiting request with PORT_UNPLUGGED', async () => {
    dev = FakeDevice.inMemory();
    dev.handlers.delete('ping'); // never answered
    board = await openBoard({ transport: dev.transport!, logger: pino({ level: 'silent' }) });
    const p = board.ping().catch((e: unknown) => e);
    await until(() => dev!.requests.some((q) => q.verb === 'ping'), 2000, 'ping sent');
    dev.transport!.device.hangUp();
    expect(await p).toMatchObject({ code: 'PORT_UNPLUGGED' });
  });

  it('reconnect backoff on the injected clock: three attempts at once, then exactly at 1 s, 2 s', async () => {
    dev = FakeDevice.inMemory();
    const clock = new TestClock();
    dev.handlers.set('connect', (q, d) => {
      d.reply(q.num, 'ok');
      d.event('disconnected', { reason: '201', rssi: '0', ...ssid }); // NO_AP_FOUND: the AP is away
    });
    board = await openBoard({ transport: dev.transport!, logger: pino({ level: 'silent' }), clock, reconnect: { jitter: 0 } });
    const delays: number[] = [];
    board.on('reconnecting', (r) => delays.push(r.delayMs));
    void board.connect({ timeoutMs: 60_000 }).catch(() => {});
    // Attempts 1–3 are immediate: each is due at once, but only when the clock is told to run.
    for (let n = 1; n <= 3; n++) {
      await until(() => delays.length === n, 2000, `disconnect ${n} handled`);
      expect(connects(dev)).toBe(n);
      clock.advance(0);
      await until(() => connects(dev!) === n + 1, 2000, `attempt ${n}`);
    }
    await until(() => delays.length === 4, 2000, 'disconnect 4 handled');
    expect(delays).toEqual([0, 0, 0, 1000]);
    clock.advance(999);
    await board.ping(); // a round trip: a connect sent at 999 ms would have arrived before this
    expect(connects(dev)).toBe(4);
    clock.advance(1);
    await until(() => connects(dev!) === 5, 2000, 'attempt 4 at 1000 ms');
    await until(() => delays.length === 5, 2000, 'disconnect 5 handled');
    expect(delays[4]).toBe(2000);
    board.disconnect().catch(() => {});
    clock.advance(2000);
    await board.ping();
    expect(connects(dev)).toBe(5); // the user's disconnect cancelled the due attempt
  });

  /** A device that joins at once: connect → CONNECTED, GOT_IP. */
  const joins = (d: FakeDevice) => d.handlers.set('connect', (q, dd) => {
    dd.reply(q.num, 'ok');
    dd.event('connected', { ...ssid, ch: '6', auth: 'wpa2', aid: '1' });
    dd.event('got_ip', { ip: '192.168.1.50', mask: '255.255.255.0', gw: '192.168.1.1', changed: '0' });
  });

  it('rule 7: a protocol change the driver never re-joins for is forgotten after the grace; a later disconnect is a failure', async () => {
    dev = FakeDevice.inMemory();
    const clock = new TestClock();
    joins(dev);
    dev.handlers.set('protocol', (q, d) => d.reply(q.num, 'ok', { reconnect: '1' })); // but the link never drops
    board = await openBoard({ transport: dev.transport!, logger: pino({ level: 'silent' }), clock });
    await board.connect();
    expect(await board.setProtocol('bgn')).toEqual({ reconnect: true });
    const reconnecting: unknown[] = [];
    board.on('reconnecting', (r) => reconnecting.push(r));
    clock.advance(board.reconnectPolicy.driverReconnectGraceMs);
    const gone = new Promise((resolve) => board!.once('disconnected', resolve));
    dev.event('disconnected', { reason: '200', rssi: '-60', ...ssid }); // BEACON_TIMEOUT, long after
    expect(await gone).toMatchObject({ reason: 200, expected: false, userInitiated: false });
    expect(reconnecting).toEqual([{ attempt: 1, delayMs: 0, reason: 200 }]);
  });

  it('a disconnect is explained with what the last scan heard: a password given for an open network', async () => {
    dev = FakeDevice.inMemory();
    dev.handlers.set('config', (q, d) => d.reply(q.num, 'ok'));
    dev.handlers.set('scan', (q, d) => {
      d.reply(q.num, 'ok', { n: '0' });
      d.event('scan_done', { status: '0', n: '1', scan_id: '1' });
    });
    dev.handlers.set('ap_records', (q, d) => {
      d.partial(q.num, ['HomeNet', '-45', '307bac694190', '6', 'open', 'none', 'none', 'bgn']);
      d.reply(q.num, 'ok', { n: '1', total: '1', scan_id: '1' });
    });
    dev.handlers.set('connect', (q, d) => {
      d.reply(q.num, 'ok');
      d.event('disconnected', { reason: '15', rssi: '-45', ...ssid }); // 4WAY_HANDSHAKE_TIMEOUT
    });
    board = await openBoard({ transport: dev.transport!, logger: pino({ level: 'silent' }), reconnect: false });
    await board.configure({ ssid: 'HomeNet', password: 'not-needed' });
    expect((await board.scan()).map((a) => [a.ssidText, a.auth])).toEqual([['HomeNet', 'open']]);
    const gone = new Promise<{ likely?: { cause: string; evidence: string } }>((resolve) => board!.once('disconnected', resolve));
    void board.connect().catch(() => {});
    const d = await gone;
    expect(d.likely?.cause).toBe('password');
    expect(d.likely?.evidence).toMatch(/a password is set but the AP is open/);
  });
});
