// Board logic against a scripted peer, for orderings the virtual board does not produce on
// demand (a DISCONNECTED overtaking the reply, exact reply sequences). The behaviour against the
// real firmware core is in board-*.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Board } from '../../host/src/board.js';
import { openBoard } from '../../host/src/open-board.js';
import { ConnectError } from '../../host/src/errors.js';
import { FakeDevice } from './fake-device.js';
import { TestClock, type Clock } from '../../host/src/clock.js';
import { EventLog, FAST_POLICY, FAST_RULES, until } from './vb-helpers.js';

let dev: FakeDevice;
let board: Board | null = null;
let log: EventLog;

beforeEach(async () => {
  dev = await FakeDevice.create();
});
afterEach(async () => {
  await board?.close().catch(() => {});
  board = null;
  await dev.close();
});

async function open(reconnect: object | false = {}, clock?: Clock): Promise<Board> {
  board = await openBoard({
    port: dev.port,
    logger: pino({ level: 'silent' }),
    rules: FAST_RULES,
    reconnect: reconnect === false ? false : { ...FAST_POLICY, ...reconnect },
    ...(clock ? { clock } : {}),
  });
  log = new EventLog(board, clock);
  return board;
}

const ssid = { ssid: 'HomeNet', bssid: '307bac694190' };

describe('Board (scripted peer)', () => {
  it('connect resolves on GOT_IP', async () => {
    dev.handlers.set('connect', (q) => {
      dev.reply(q.num, 'ok');
      dev.event('connected', { ...ssid, ch: '6', auth: 'wpa2', aid: '1' });
      dev.event('got_ip', { ip: '10.0.0.5', mask: '255.0.0.0', gw: '10.0.0.1', changed: '0' });
    });
    const b = await open();
    await expect(b.connect()).resolves.toEqual({ ip: '10.0.0.5', mask: '255.0.0.0', gw: '10.0.0.1', changed: false, alreadyConnected: false });
    expect(b.phase).toBe('got_ip');
    expect(log.of('connected')).toHaveLength(1);
  });

  it('repeated handshake failures at a good signal give up with the likely cause', async () => {
    dev.handlers.set('connect', (q) => {
      dev.reply(q.num, 'ok');
      dev.event('disconnected', { reason: '204', rssi: '-48', ...ssid });
    });
    const b = await open({ wrongPasswordAttempts: 4 });
    const e = await b.connect().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    expect((e as ConnectError).message).toMatch(/204/);
    expect((e as ConnectError).disconnect.likely?.evidence).toMatch(/204 HANDSHAKE_TIMEOUT 4 times .* -48 dBm/);
    expect(dev.requests.filter((q) => q.verb === 'connect')).toHaveLength(4);
  });

  it('a DISCONNECTED that overtakes the setProtocol reply is still not counted', async () => {
    dev.handlers.set('connect', (q) => {
      dev.reply(q.num, 'ok');
      dev.event('connected', { ...ssid, ch: '6', auth: 'wpa2', aid: '1' });
      dev.event('got_ip', { ip: '10.0.0.5', mask: '255.0.0.0', gw: '10.0.0.1', changed: '0' });
    });
    dev.handlers.set('protocol', (q) => {
      dev.event('disconnected', { reason: '8', rssi: '-50', ...ssid });
      dev.reply(q.num, 'ok', { reconnect: '1' });
      dev.event('connected', { ...ssid, ch: '6', auth: 'wpa2', aid: '1' });
      dev.event('got_ip', { ip: '10.0.0.5', mask: '255.0.0.0', gw: '10.0.0.1', changed: '0' });
    });
    const b = await open();
    await b.connect();
    expect(await b.setProtocol('bgn')).toEqual({ reconnect: true });
    await until(() => log.of('gotIp').length === 2, 2000, 'second gotIp');
    expect(log.args<{ expected: boolean }>('disconnected')).toMatchObject([{ expected: true }]);
    expect(log.of('reconnecting')).toHaveLength(0);
    expect(dev.requests.filter((q) => q.verb === 'connect')).toHaveLength(1);
  });

  it('a scan refused with WIFI_STATE is retried and holds back the reconnect that falls due meanwhile', async () => {
    // The Board runs on a TestClock: the reconnect attempt and the scan's retry delays fall due
    // only when the test moves time, and SCAN_DONE comes when the test sends it.
    const clock = new TestClock();
    let scans = 0;
    let okScanAt = -1;
    dev.handlers.set('connect', (q) => {
      dev.reply(q.num, 'ok');
      dev.event('disconnected', { reason: '201', rssi: '0', ...ssid });
    });
    dev.handlers.set('scan', (q) => {
      if (++scans < 3) return dev.reply(q.num, 'err', { esp: '0x3006' }, ['WIFI_STATE']);
      okScanAt = dev.requests.length;
      dev.reply(q.num, 'ok', { n: '0' }); // the count comes with scan_done
    });
    dev.handlers.set('ap_records', (q) => {
      dev.partial(q.num, ['HomeNet', '-50', '307bac694190', '6', 'wpa2', 'ccmp', 'ccmp', 'bgn']);
      dev.reply(q.num, 'ok', { n: '1', total: '1', scan_id: '7' });
    });
    dev.handlers.set('disconnect', (q) => dev.reply(q.num, 'ok'));
    const b = await open({ immediateAttempts: 1000 }, clock);
    void b.connect({ timeoutMs: 60_000 }).catch(() => {});
    await until(() => log.of('reconnecting').length === 1, 2000, 'attempt 1 armed');
    const connects = () => dev.requests.filter((q) => q.verb === 'connect').length;
    expect(connects()).toBe(1);
    const scan = b.scan();
    // Two refusals, each waiting the retry delay; attempt 1 falls due during the first and is held.
    for (const n of [1, 2]) {
      await until(() => scans === n, 2000, `scan ${n} refused`);
      // The coordinator counts the refusal as it arms the retry delay (a pending count would also
      // see the held reconnect's timer, and could move the clock before the refusal came back).
      await until(() => b.scans.stats.retries === n, 2000, 'the retry delay armed');
      clock.advance(FAST_RULES.scanRetryDelayMs);
    }
    await until(() => okScanAt >= 0, 2000, 'scan 3 accepted');
    // While the scan runs, every reconnect timer the policy could arm falls due, and a round trip
    // shows what the board sent meanwhile: no connect.
    clock.advance(FAST_POLICY.maxDelayMs);
    await b.ping();
    expect(connects()).toBe(1);
    dev.event('scan_done', { status: '0', n: '1', scan_id: '7' });
    const recs = await scan;
    expect(recs[0]).toMatchObject({ ssidText: 'HomeNet', rssi: -50, bssid: '30:7b:ac:69:41:90', channel: 6, phy: 'bgn' });
    // The held attempt goes out once the records are fetched.
    const order = dev.requests.map((q) => q.verb);
    expect(order.slice(okScanAt, order.indexOf('ap_records'))).not.toContain('connect');
    await until(() => connects() === 2, 2000, 'the held attempt sent');
    expect(order.indexOf('ap_records')).toBeLessThan(dev.requests.map((q) => q.verb).lastIndexOf('connect'));
    await b.disconnect().catch(() => {});
  });
});
