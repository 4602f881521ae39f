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
});
