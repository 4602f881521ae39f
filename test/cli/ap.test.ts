// espwifi ap … through the real CLI binary: board 1 of a shared radio world is the SoftAP,
// board 2's station joins it with espwifi connect (the ordinary station path).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RadioWorld } from '../../host/src/sim/radio-world.js';
import type { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { ensureBuilt, newTag, runCli, settle } from './helpers.js';

const tag = newTag();
const PASS = 'rig-secret-1';
const STA = '58:cf:79:00:02:00';
let world: RadioWorld;
let apBoard: VirtualBoard;
let staBoard: VirtualBoard;

const ap = (args: string[], input?: string) => runCli(['--port', apBoard.port, ...args], { tag, input });
const sta = (args: string[]) => runCli(['--port', staBoard.port, ...args], { tag });

beforeAll(async () => {
  await ensureBuilt();
  world = new RadioWorld();
  apBoard = await world.board({ speed: 20, color: false, stderr: 'ignore' });
  staBoard = await world.board({ speed: 20, color: false, stderr: 'ignore' });
}, 120_000);

afterAll(async () => {
  await world?.stop();
  expect(await settle(tag)).toEqual([]);
});

describe('espwifi ap', () => {
  it('usage errors exit 2 before touching the board', async () => {
    const noPass = await ap(['ap', 'start', 'RigAP']);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/--open for an open AP/);
    expect((await ap(['ap', 'start', 'RigAP', '--password', 'short'])).code).toBe(2);
    expect((await ap(['ap', 'kick'])).code).toBe(2);
    expect((await ap(['ap', 'kick', STA, '--all'])).code).toBe(2);
    expect((await ap(['ap', 'power', '1'])).code).toBe(2);
    expect((await ap(['ap', 'power', '12.3'])).code).toBe(2);
    expect((await ap(['ap', 'dhcp', '--start', '192.168.4'])).code).toBe(2);
  });

  it('before ap start, stations/kick/dhcp say there is no SoftAP and how to start one (exit 9)', async () => {
    for (const args of [['ap', 'stations'], ['ap', 'kick', '--all'], ['ap', 'dhcp']]) {
      const r = await ap(['--json', ...args]);
      expect(r.code).toBe(9);
      const err = JSON.parse(r.stderr).error as { code: string; detail: string; hint?: string };
      expect(err).toMatchObject({ code: 'DEVICE_ERROR', detail: 'WIFI_NOT_INIT' });
      expect(err.hint).toMatch(/no SoftAP.*espwifi ap start/);
    }
  });

  it('start --json reports the running AP and never the password', async () => {
    const r = await ap(['--json', 'ap', 'start', 'RigAP', '--password-stdin', '--channel', '6'], `${PASS}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ssid: 'RigAP', running: true, channel: 6, auth: 'wpa2', passwordSet: true, maxConnections: 4 });
    expect(r.stdout + r.stderr).not.toContain(PASS);
    const st = await ap(['ap', 'status']);
    expect(st.stdout).toMatch(/^running\s+yes$/m);
    expect(st.stdout).not.toContain(PASS);
  });

  it('another board joins it with espwifi connect; ap stations lists it', async () => {
    const c = await sta(['connect', 'RigAP', '--password', PASS]);
    expect(c.code, c.stderr).toBe(0);
    const r = await ap(['--json', 'ap', 'stations']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ mac: STA, aid: 1, rssi: expect.any(Number) }]);
    const t = await ap(['ap', 'stations']);
    expect(t.stdout).toMatch(/^MAC\s+AID\s+RSSI$/m);
  });

  it('power: the driver step is what is reported', async () => {
    const r = await ap(['--json', 'ap', 'power', '12.5']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ quarterDbm: 44, dbm: 11, requestedDbm: 12.5 });
    const h = await ap(['ap', 'power', '20']);
    expect(h.stdout).toBe('Max TX power: 20 dBm.\n');
  });

  it('dhcp moves the pool; a pool outside the subnet is refused by the board (exit 9)', async () => {
    const r = await ap(['--json', 'ap', 'dhcp', '--start', '192.168.4.50', '--end', '192.168.4.60']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ip: '192.168.4.1', mask: '255.255.255.0', start: '192.168.4.50', end: '192.168.4.60', lease: 120 });
    const bad = await ap(['--json', 'ap', 'dhcp', '--start', '10.0.0.2', '--end', '10.0.0.9']);
    expect(bad.code).toBe(9);
    const err = JSON.parse(bad.stderr).error as { code: string; detail: string; hint?: string };
    expect(err).toMatchObject({ code: 'DEVICE_ERROR', detail: 'ESP_NETIF_INVALID_PARAMS' });
    expect(err.hint).toMatch(/subnet.*at most 100 addresses/);
  });

  it('kick de-authenticates the station with reason 2; kicking it again is exit 9 NOT_FOUND', async () => {
    const r = await ap(['ap', 'kick', STA]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`✓ De-authenticated ${STA} (AID 1); the AP reports reason 2.\n`);
    const again = await ap(['--json', 'ap', 'kick', STA]);
    expect(again.code).toBe(9);
    expect(JSON.parse(again.stderr).error).toMatchObject({ code: 'DEVICE_ERROR', detail: 'NOT_FOUND' });
  });

  it('stop takes the AP down; a second stop has nothing to do', async () => {
    const r = await ap(['--json', 'ap', 'stop']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stopped: true });
    const again = await ap(['ap', 'stop']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('The SoftAP was not running; nothing to do.\n');
  });
});

describe('espwifi sim --world: two boards from the command line', () => {
  it('an AP started on one sim is joined from the other', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startCli } = await import('./helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'espwifi-air-'));
    const a = startCli(['sim', '--world', dir, '--mac', '58:cf:79:00:0a:00', '--speed', '20'], { tag });
    const b = startCli(['sim', '--world', dir, '--mac', '58:cf:79:00:0b:00', '--speed', '20'], { tag });
    try {
      const pa = (await a.waitFor(/^(\/\S+)$/m))[1]!;
      const pb = (await b.waitFor(/^(\/\S+)$/m))[1]!;
      const up = await runCli(['--port', pa, 'ap', 'start', 'CliAir', '--password', PASS, '--channel', '3'], { tag });
      expect(up.code, up.stderr).toBe(0);
      const c = await runCli(['--port', pb, '--json', 'connect', 'CliAir', '--password', PASS], { tag });
      expect(c.code, c.stderr).toBe(0);
      const st = await runCli(['--port', pa, '--json', 'ap', 'stations'], { tag });
      expect(JSON.parse(st.stdout)).toEqual([expect.objectContaining({ mac: '58:cf:79:00:0b:00' })]);
    } finally {
      await a.stop();
      await b.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
