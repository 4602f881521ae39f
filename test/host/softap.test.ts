// The typed SoftAP API on one board of a shared radio world; the other board's station is the
// ordinary Board API (openBoard, connect), nothing special for an AP that is another board.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SoftAp, KICK_REASON } from '../../host/src/ap.js';
import type { Board } from '../../host/src/board.js';
import { openBoard } from '../../host/src/open-board.js';
import { RadioWorld } from '../../host/src/sim/radio-world.js';
import { bringUp, FAST_POLICY, FAST_RULES, once, SPEED } from './vb-helpers.js';

const PASS = 'rig-secret-1';
let world: RadioWorld | undefined;
const boards: Board[] = [];
afterEach(async () => {
  for (const b of boards.splice(0)) await b.close().catch(() => {});
  await world?.stop();
  world = undefined;
});

async function pair(): Promise<{ apBoard: Board; staBoard: Board; softap: SoftAp }> {
  world = new RadioWorld();
  const a = await world.board({ speed: SPEED, seed: 1, color: false, stderr: 'ignore' });
  const b = await world.board({ speed: SPEED, seed: 2, color: false, stderr: 'ignore' });
  const open = (port: string) => openBoard({ port, logger: pino({ level: 'silent' }), timeoutMs: 2000, rules: FAST_RULES, reconnect: FAST_POLICY });
  const apBoard = await open(a.port);
  const staBoard = await open(b.port);
  boards.push(apBoard, staBoard);
  return { apBoard, staBoard, softap: new SoftAp(apBoard) };
}

describe('SoftAp (library)', () => {
  it('start, a station joins through Board.connect, the AP events arrive typed, kick is reason 2 on both sides', async () => {
    const { staBoard, softap } = await pair();
    const state = await softap.start({ ssid: 'RigAP', password: PASS, channel: 11, maxConnections: 2 });
    expect(state).toMatchObject({ ssidText: 'RigAP', running: true, channel: 11, auth: 'wpa2', maxConnections: 2, passwordSet: true });
    const joined = new Promise<{ mac: string; aid: number }>((res) => softap.once('staConnected', res));
    const leased = new Promise<{ mac: string; ip: string }>((res) => softap.once('staIpAssigned', res));
    await bringUp(staBoard, 'RigAP', PASS);
    const ip = await staBoard.connect({ timeoutMs: 10_000 });
    expect(await joined).toEqual({ mac: '58:cf:79:00:02:00', aid: 1 });
    expect(await leased).toEqual({ mac: '58:cf:79:00:02:00', ip: ip.ip });
    expect(await softap.stations()).toEqual([{ mac: '58:cf:79:00:02:00', aid: 1, rssi: expect.any(Number) }]);

    const dropped = once(staBoard, 'disconnected', 5000);
    const gone = await softap.kick({ mac: '58:cf:79:00:02:00' });
    expect(gone).toEqual([{ mac: '58:cf:79:00:02:00', aid: 1, reason: KICK_REASON }]);
    const [info] = await dropped;
    expect(info.reason).toBe(2);
    // the station's reconnect policy brings it back: a kick is not the user's own disconnect
    await once(staBoard, 'gotIp', 10_000);
  });

  it('kick of an unknown station is NOT_FOUND; txPower reads the step back; dhcp validates on the board', async () => {
    const { softap } = await pair();
    await softap.start({ ssid: 'RigAP' });
    await expect(softap.kick({ mac: '00:11:22:33:44:55' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await softap.txPower(30)).toEqual({ quarterDbm: 28, dbm: 7 });
    await expect(softap.dhcp({ start: '10.0.0.1', end: '10.0.0.5' })).rejects.toMatchObject({ code: 'ESP_NETIF_INVALID_PARAMS' });
    expect(await softap.dhcp()).toMatchObject({ ip: '192.168.4.1', start: '192.168.4.2' });
  });

  it('beside a running station the AP uses apsta, and stop returns the board to sta', async () => {
    const { apBoard, softap } = await pair();
    await bringUp(apBoard, 'Nowhere', PASS);
    await softap.start({ ssid: 'RigAP', password: PASS });
    expect((await apBoard.status()).mode).toBe('apsta');
    expect(await softap.stop()).toBe(true);
    expect((await apBoard.status()).mode).toBe('sta');
    expect(await softap.stop()).toBe(false);
  });
});
