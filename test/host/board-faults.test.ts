// Faults against the virtual board: resets (brownout, panic, our own), the port vanishing, lost
// and corrupted bytes (sequence gaps -> resync).
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceResetError, PortError } from '../../host/src/errors.js';
import { bringUp, once, rig, sleep, until, type Rig } from './vb-helpers.js';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('faults', () => {
  it('a brownout during a scan rejects it with DeviceResetError(brownout); the board rebuilds its view', async () => {
    r = await rig('home');
    await bringUp(r.board);
    // passive 1500 ms x 14 channels: a long scan (still > 1 s of real time at speed 20)
    const scan = r.board.scan({ type: 'passive', passiveMs: 1500 });
    const reset = once(r.board, 'reset');
    await sleep(150);
    await r.vb.reset('brownout');
    const e = await scan.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeviceResetError);
    expect((e as DeviceResetError).resetReason).toBe('brownout');
    expect((e as Error).message).toMatch(/brownout/);
    const [info] = await reset;
    expect(info).toMatchObject({ reason: 'brownout', unexpected: true });
    expect(r.board.info.reset).toBe('brownout');
    expect(r.board.phase).toBe('uninit');
    // the library works on after the reset
    await bringUp(r.board);
    expect((await r.board.scan()).length).toBeGreaterThan(0);
  });

  it('a blocking raw scan pending during a panic rejects with DeviceResetError(panic)', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const p = r.board.request('scan', { block: true, type: 'passive', passive: 1500 });
    await sleep(150);
    await r.vb.panic();
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeviceResetError);
    expect((e as DeviceResetError).resetReason).toBe('panic');
  });

  it('a reset while connect() waits rejects connect with the reset reason', async () => {
    r = await rig('wrong-password');
    await bringUp(r.board, 'SlowNet', 'not-the-password'); // handshake timeouts: stays connecting
    const c = r.board.connect({ timeoutMs: 10_000 });
    await sleep(100);
    await r.vb.reset('task_wdt');
    const e = await c.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeviceResetError);
    expect((e as DeviceResetError).resetReason).toBe('task_wdt');
    await sleep(300);
    expect(r.log.of('reconnecting').filter((x) => x.t > Date.now() - 250)).toHaveLength(0);
  });

  it('board.reset() reboots and resolves with the new hello (reset=sw)', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const info = await r.board.reset();
    expect(info.reset).toBe('sw');
    expect(r.board.info.reset).toBe('sw');
    expect(r.board.phase).toBe('uninit');
    expect(r.log.args<{ unexpected: boolean }>('reset')).toMatchObject([{ unexpected: false }]);
    await r.board.ping();
  });

  it('the port going away mid-command rejects with PortError and emits close', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const scan = r.board.scan({ type: 'passive', passiveMs: 1500 });
    const ipWait = r.board.waitForIp(10_000);
    await sleep(100);
    await r.vb.stop();
    const e = await scan.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PortError);
    await expect(ipWait).rejects.toBeInstanceOf(PortError);
    await until(() => r!.log.of('close').length === 1, 2000, 'close event');
    await expect(r.board.ping()).rejects.toBeInstanceOf(PortError);
  });

  it('lost bytes hide events: the gap triggers a resync, and a hidden disconnect is still handled', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    // Swallow the disconnect's log lines and its event, then make the device emit more events.
    await r.vb.dropBytes(2000);
    await r.vb.deauth(3);
    await sleep(200);
    const resync = once(r.board, 'resync', 5000);
    await r.board.scan().catch(() => undefined); // its scan_done reveals the gap
    await resync;
    await r.board.waitForIp(5000);
    expect(r.board.phase).toBe('got_ip');
    expect(r.board.client.counters.gaps).toBeGreaterThanOrEqual(1);
  });

  it('corrupted bytes: the bad line is dropped and counted, later frames decode normally', async () => {
    r = await rig('home');
    await bringUp(r.board);
    const before = r.board.client.stream.counters.badCrc + r.board.client.stream.counters.malformed;
    await r.vb.corruptBytes(40);
    const done = once(r.board, 'resync', 5000).catch(() => null);
    await r.board.request('scan', { ch: 6 }).catch(() => undefined);
    await sleep(300);
    for (let i = 0; i < 5; i++) await r.board.ping();
    const c = r.board.client.stream.counters;
    expect(c.badCrc + c.malformed + r.board.client.counters.unknownReplies + c.logs).toBeGreaterThan(before);
    await done;
    expect((await r.board.scan()).length).toBeGreaterThan(0);
  });
});
