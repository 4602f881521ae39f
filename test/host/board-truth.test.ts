// The library never reports a connection it did not make (issue 11 items 1, 2, 5): a connect
// while connected joins the requested network or says "already connected"; an attempt in
// progress is stopped first; a failed connect is explained from what the board hears.
import { afterEach, describe, expect, it } from 'vitest';
import type { Board } from '../../host/src/board.js';
import { openBoard } from '../../host/src/open-board.js';
import { ConnectError } from '../../host/src/errors.js';
import type { DisconnectInfo } from '../../host/src/types.js';
import pino from 'pino';
import { bringUp, EventLog, FAST_POLICY, FAST_RULES, PASSWORD, rig, type Rig } from './vb-helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

async function connected(opts: Parameters<typeof rig>[1] = {}): Promise<Rig> {
  const rg = await rig('home', opts);
  await bringUp(rg.board);
  await rg.board.connect({ timeoutMs: 10_000 });
  return rg;
}

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('connect resolved'); }, (e: unknown) => e as ConnectError);

describe('connect while connected', () => {
  it('the same configuration: nothing is sent, connect says already connected', async () => {
    r = await connected();
    const before = r.log.all.length;
    expect(await r.board.configure({ ssid: 'HomeNet', password: PASSWORD })).toEqual({ unchanged: true });
    const ip = await r.board.connect({ timeoutMs: 5000 });
    expect(ip).toMatchObject({ ip: '192.168.1.100', alreadyConnected: true });
    expect(r.log.all.slice(before)).toEqual([]); // no disconnect, no re-join
  });

  it('another network: leaves with reason 8 (nothing reconnects to it) and joins the requested one', async () => {
    r = await connected();
    const res = await r.board.configure({ ssid: 'CafeGuest' });
    expect(res).toMatchObject({ unchanged: false, left: { phase: 'got_ip', ssidText: 'HomeNet', why: 'different' } });
    const ip = await r.board.connect({ timeoutMs: 10_000 });
    expect(ip.alreadyConnected).toBe(false);
    const left = r.log.args<DisconnectInfo>('disconnected');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ reason: 8, userInitiated: true });
    expect(r.log.of('reconnecting')).toHaveLength(0);
    expect((await r.board.status()).ssidText).toBe('CafeGuest');
  });

  it('a network that is not there: the real outcome (gave up, not the old address)', async () => {
    r = await connected({ reconnect: { maxAttempts: 2 } });
    await r.board.configure({ ssid: 'NoSuchNet' });
    const e = await failure(r.board.connect({ timeoutMs: 20_000 }));
    expect(e).toBeInstanceOf(ConnectError);
    expect(e.disconnect.reason).toBe(201);
    expect(e.disconnect.likely).toMatchObject({ cause: 'ap-gone', evidence: expect.stringMatching(/no network named "NoSuchNet" in range; heard: .*"HomeNet"/) });
    expect((await r.board.status()).phase).toBe('started');
  }, 30_000);

  it('a wrong password for the same network: leaves and reports the failure', async () => {
    r = await connected();
    const res = await r.board.configure({ ssid: 'HomeNet', password: 'totally-wrong' });
    expect(res.left?.why).toBe('different');
    const e = await failure(r.board.connect({ timeoutMs: 20_000 }));
    expect(e.disconnect.likely?.cause).toBe('password');
  }, 30_000);

  it('opened on a board connected by another process: a password cannot be compared, so it re-joins', async () => {
    r = await connected();
    await r.board.close();
    const board: Board = await openBoard({ port: r.vb.port, logger: pino({ level: 'silent' }), timeoutMs: 2000, rules: FAST_RULES, reconnect: FAST_POLICY });
    r.board = board;
    const log = new EventLog(board);
    expect(board.phase).toBe('got_ip');
    const res = await board.configure({ ssid: 'HomeNet', password: PASSWORD });
    expect(res.left).toMatchObject({ why: 'password-unknown', ssidText: 'HomeNet' });
    const ip = await board.connect({ timeoutMs: 10_000 });
    expect(ip).toMatchObject({ ip: '192.168.1.100', alreadyConnected: false });
    expect(log.args<DisconnectInfo>('disconnected')[0]).toMatchObject({ reason: 8, userInitiated: true });
    // Now this process wrote the configuration: the same one again changes nothing.
    expect(await board.configure({ ssid: 'HomeNet', password: PASSWORD })).toEqual({ unchanged: true });
  }, 30_000);
});

describe('an attempt in progress is stopped first', () => {
  it('configure and connect after a connect that timed out succeed (no WIFI_STATE)', async () => {
    r = await rig('home', { speed: 0.5 }); // slow: the attempt is still running when configure() comes
    await bringUp(r.board, 'NoSuchNet', PASSWORD);
    await expect(r.board.connect({ timeoutMs: 150 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await r.board.status()).phase).toBe('connecting');
    const res = await r.board.configure({ ssid: 'HomeNet', password: PASSWORD });
    expect(res.left?.why).toBe('attempt');
    expect(await r.board.connect({ timeoutMs: 20_000 })).toMatchObject({ ip: '192.168.1.100' });
  }, 30_000);
});

describe('a failed connect is explained from what the board hears', () => {
  const verdict = async (scenario: string, cfg: Parameters<Board['configure']>[0]) => {
    r = await rig(scenario);
    await bringUp(r.board, typeof cfg.ssid === 'string' ? cfg.ssid : 'x', undefined);
    await r.board.configure(cfg);
    const e = await failure(r.board.connect({ timeoutMs: 30_000 }));
    const gave = r.log.args<{ likely?: unknown }>('gaveUp');
    expect(gave).toHaveLength(1);
    expect(gave[0].likely).toEqual(e.disconnect.likely); // the event and the error agree
    return e.disconnect;
  };

  it('an enterprise AP is a security mismatch, not a wrong password', async () => {
    const d = await verdict('security-refused', { ssid: 'Corp', password: 'whatever-123' });
    expect(d.reason).toBe(210);
    expect(d.likely).toEqual({ cause: 'security-mismatch', evidence: '"Corp" is WPA2-Enterprise; the station has no enterprise credentials (it joins personal/PSK networks only)' });
  }, 40_000);

  it('a WPA2 AP without a password: the password is missing', async () => {
    const d = await verdict('home', { ssid: 'HomeNet' });
    expect(d.likely).toEqual({ cause: 'password', evidence: '"HomeNet" is WPA2 but no password was given' });
  }, 40_000);

  it('an open AP with a password: the password must go', async () => {
    const d = await verdict('security-refused', { ssid: 'OpenCafe', password: 'needless-123' });
    expect(d.likely).toMatchObject({ cause: 'password', evidence: expect.stringContaining('"OpenCafe" is open but a password was given') });
  }, 40_000);

  it('an RSSI threshold above the AP: names both levels, and stops retrying', async () => {
    const d = await verdict('home', { ssid: 'HomeNet', password: PASSWORD, rssiThreshold: -40 });
    expect(d.reason).toBe(212);
    expect(d.likely).toMatchObject({ cause: 'signal', evidence: expect.stringMatching(/^"HomeNet" heard at -5\d dBm, threshold -40 dBm$/) });
  }, 40_000);

  it('an auth threshold above the AP: names both', async () => {
    const d = await verdict('security-refused', { ssid: 'LegacyWpa', password: 'legacy-pass', authThreshold: 'wpa2' });
    expect(d.reason).toBe(211);
    expect(d.likely).toEqual({ cause: 'security-mismatch', evidence: '"LegacyWpa" is WPA, below the auth threshold WPA2' });
  }, 40_000);
});
