// Faults against the virtual board: resets (brownout, panic, our own), the port vanishing, lost
// and corrupted bytes (sequence gaps -> resync).
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceResetError, PortError } from '../../host/src/errors.js';
import { bringUp, driverState, once, quiet, scanRunning, rig, until, type Rig } from './vb-helpers.js';

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
    const scan = r.board.scan({ type: 'passive', passiveMs: 1500 }).catch((x: unknown) => x);
    const reset = once(r.board, 'reset');
    await scanRunning(r);
    await r.vb.reset('brownout');
    const e = await scan;
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
    const p = r.board.request('scan', { block: true, type: 'passive', passive: 1500 }).catch((x: unknown) => x);
    await scanRunning(r);
    await r.vb.panic();
    const e = await p;
    expect(e).toBeInstanceOf(DeviceResetError);
    expect((e as DeviceResetError).resetReason).toBe('panic');
  });

  it('a reset while connect() waits rejects connect with the reset reason', async () => {
    r = await rig('wrong-password');
    await bringUp(r.board, 'SlowNet', 'not-the-password'); // handshake timeouts: stays connecting
    const c = r.board.connect({ timeoutMs: 10_000 }).catch((x: unknown) => x);
    await driverState(r, 'auth', 'assoc', 'handshake');
    await r.vb.reset('task_wdt');
    const e = await c;
    expect(e).toBeInstanceOf(DeviceResetError);
    expect((e as DeviceResetError).resetReason).toBe('task_wdt');
    const reconnects = r.log.of('reconnecting').length;
    await quiet(r);
    expect(r.log.of('reconnecting')).toHaveLength(reconnects);
  });

  it('a reset while a retry waits its backoff: the retry never reaches the rebooted driver', async () => {
    // The retry waits 20 s on the Board's clock: quiet() jumps past it instead of sleeping.
    r = await rig('wrong-password', { reconnect: { immediateAttempts: 0, baseDelayMs: 20_000, maxDelayMs: 20_000, wrongPasswordAttempts: 0 } });
    await bringUp(r.board, 'HomeNet', 'not-the-password');
    const c = r.board.connect({ timeoutMs: 60_000 }).catch((x: unknown) => x);
    await once(r.board, 'reconnecting'); // attempt 1 failed; attempt 2 is armed
    await r.vb.reset('task_wdt');
    expect(await c).toBeInstanceOf(DeviceResetError);
    // The user brings the station up again but does not connect: nothing may join for them.
    await bringUp(r.board, 'HomeNet', 'not-the-password');
    const connects = Number((await r.vb.diag()).connects);
    await quiet(r);
    expect(Number((await r.vb.diag()).connects)).toBe(connects);
    expect(r.log.of('reconnecting')).toHaveLength(1);
    expect(r.board.phase).toBe('started');
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
    const scan = r.board.scan({ type: 'passive', passiveMs: 1500 }).catch((x: unknown) => x);
    const ipWait = r.board.waitForIp(10_000).catch((x: unknown) => x);
    await scanRunning(r);
    await r.vb.stop();
    expect(await scan).toBeInstanceOf(PortError);
    expect(await ipWait).toBeInstanceOf(PortError);
    // said once, with the port: "<port>: the port went away (unplugged ...)"
    for (const e of [await scan, await ipWait] as PortError[]) {
      expect(e.code).toBe('PORT_UNPLUGGED');
      expect(e.message.match(/the port went away/g)).toHaveLength(1);
      expect(e.message).toContain(r.vb.port);
    }
    await until(() => r!.log.of('close').length === 1, 2000, 'close event');
    await expect(r.board.ping()).rejects.toBeInstanceOf(PortError);
  });

  it.each([
    ['lost', 'dropBytes'],
    ['corrupted', 'corruptBytes'],
  ] as const)('%s bytes hide a disconnect: the sequence gap triggers a resync and the station is reconnected', async (_, fault) => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const resync = once(r.board, 'resync', 5000);
    // The fault covers the deauth's log line and DISCONNECTED event; the noise after it gives
    // the fault bytes to eat so nothing later is touched.
    await r.vb[fault](250);
    await r.vb.deauth(3);
    await r.vb.noise(600);
    await r.board.ping(); // its reply comes after the damaged bytes: all of them have been read
    expect(r.log.of('disconnected')).toHaveLength(0); // the event never arrived
    const scanned = r.board.scan().catch(() => null); // its scan_done reveals the gap
    await resync;
    await scanned;
    await r.board.waitForIp(5000);
    expect(r.board.phase).toBe('got_ip');
    expect(r.board.client.counters.gaps).toBeGreaterThanOrEqual(1);
    // the hidden disconnect was handled as one, with the reason the status remembered
    expect(r.log.args<{ reason: number }>('disconnected')).toMatchObject([{ reason: 3 }]);
    // nothing corrupted was taken for a frame: every event the board saw had a valid CRC
    expect(r.log.of('reset')).toHaveLength(0);
  });

  it('a GOT_IP lost on the line: connect() asks the board before it gives up, and resolves with the address', async () => {
    // DHCP answers only when the test moves the virtual clock, so the fault is in place first.
    r = await rig({
      name: 'slow-dhcp',
      aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }],
      dhcp: { ip: '192.168.1.100', mask: '255.255.255.0', gw: '192.168.1.1', delay_ms: 60_000 },
    });
    await bringUp(r.board);
    const connected = once(r.board, 'connected', 5000);
    const result = r.board.connect({ timeoutMs: 20_000 }).then((ip) => ip, (e: unknown) => e);
    await connected;
    await r.vb.dropBytes(400); // the DHCP log line and the GOT_IP event
    await r.vb.time(60_000);
    await r.vb.noise(600); // eats what is left of the fault, so the ping's reply arrives whole
    await r.board.ping();
    expect(r.log.of('gotIp')).toHaveLength(0); // the event never arrived
    expect((await r.vb.diag()).have_ip).toBe(1);
    r.clock.advance(20_000); // the connect's time is up
    expect(await result).toMatchObject({ ip: '192.168.1.100', alreadyConnected: false });
    expect(r.board.phase).toBe('got_ip');
    expect(r.board.ip).toMatchObject({ ip: '192.168.1.100' });
  });
});
