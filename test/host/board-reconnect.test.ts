// The reconnection policy against the virtual board: wrong passwords (each family member),
// scans during a reconnect loop, an AP that vanishes and returns, roaming, per-cause decoding,
// maxAttempts and reconnect:false.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectError } from '../../host/src/errors.js';
import { definition } from '../../host/src/protocol/definition.js';
import type { DisconnectInfo, GaveUpInfo, ReconnectingInfo } from '../../host/src/types.js';
import { FAST_POLICY, PASSWORD, bringUp, once, quiet, rig, until, type Rig } from './vb-helpers.js';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('reconnection policy', () => {
  it.each([
    ['HomeNet', 15],
    ['SaeNet', 202],
    ['SlowNet', 204],
    ['ExpireNet', 2], // the AP deauthenticates with 2 after association (driver state line run -> init)
  ])('wrong password on %s (reason %i): stops early, says likely wrong password', async (ssid, reason) => {
    r = await rig('wrong-password', { reconnect: { wrongPasswordAttempts: 4 } });
    await bringUp(r.board, ssid, 'not-the-password');
    const e = await r.board.connect({ timeoutMs: 20_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    const ce = e as ConnectError;
    expect(ce.attempts).toBe(4);
    expect(ce.disconnect.reason).toBe(reason);
    expect(ce.disconnect.likely?.cause).toBe('password');
    expect(ce.disconnect.likely?.evidence).toMatch(/likely wrong password/);
    expect(ce.message).toMatch(/password/);
    expect(ce.message).not.toContain('not-the-password');
    const gave = r.log.args<GaveUpInfo>('gaveUp');
    expect(gave).toHaveLength(1);
    expect(gave[0]).toMatchObject({ reason, attempts: 4, likely: { cause: 'password' } });
    const d = r.log.args<DisconnectInfo>('disconnected');
    expect(d.map((x) => x.reason)).toEqual([reason, reason, reason, reason]);
    expect(r.log.args<ReconnectingInfo>('reconnecting').map((x) => x.attempt)).toEqual([1, 2, 3]);
    await quiet(r);
    expect(r.log.of('disconnected')).toHaveLength(4); // really stopped
    expect(r.log.of('reconnecting')).toHaveLength(3);
  });

  it('2 AUTH_EXPIRE from an AP that never answers authentication is not a wrong password', async () => {
    const silent = { aps: [{ ssid: 'Mute', bssid: '02:00:00:00:0c:01', channel: 3, rssi: -45, auth: 'wpa2', password: PASSWORD, auth_reply: 'timeout' as const }] };
    r = await rig(silent, { reconnect: { wrongPasswordAttempts: 2, maxAttempts: 4 } });
    await bringUp(r.board, 'Mute', PASSWORD);
    const e = await r.board.connect({ timeoutMs: 30_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    const ce = e as ConnectError;
    expect(ce.disconnect.reason).toBe(2);
    expect(ce.attempts).toBe(5); // maxAttempts, not the two-in-a-row password stop
    expect(ce.disconnect.likely?.cause).not.toBe('password');
    expect(r.log.args<GaveUpInfo>('gaveUp')[0]?.likely?.cause).not.toBe('password');
    expect(r.log.args<DisconnectInfo>('disconnected').map((x) => x.likely?.cause ?? null)).toEqual([null, null, null, null, null]);
  });

  it('2 AUTH_EXPIRE after CONNECTED (the AP drops the station) is not a wrong password', async () => {
    r = await rig('home', { reconnect: { wrongPasswordAttempts: 1 } });
    await bringUp(r.board);
    await r.board.connect({ timeoutMs: 10_000 });
    const disc = once(r.board, 'disconnected', 5000);
    const back = once(r.board, 'gotIp', 10_000);
    await r.vb.deauth(2);
    const [d] = (await disc) as [DisconnectInfo];
    expect(d.reason).toBe(2);
    expect(d.likely).toBeUndefined();
    await back; // one such event with wrongPasswordAttempts 1 would have stopped the policy
    expect(r.log.of('gaveUp')).toHaveLength(0);
  });

  it('a wrong-password reconnect loop never starves scans', async () => {
    // Early stop off and every attempt immediate: the station is connecting almost all the time.
    r = await rig('wrong-password', { reconnect: { wrongPasswordAttempts: 0, immediateAttempts: 1000 } });
    await bringUp(r.board, 'SlowNet', 'not-the-password');
    void r.board.connect({ timeoutMs: 60_000 }).catch(() => undefined);
    await until(() => r!.log.of('disconnected').length >= 1, 5000, 'first failure');
    for (let i = 0; i < 4; i++) {
      const recs = await r.board.scan();
      expect(recs.map((x) => x.ssidText)).toContain('SlowNet');
    }
    expect(r.board.scans.stats.retries).toBeGreaterThan(0); // the device did refuse (WIFI_STATE) and we waited
    const before = r.log.of('disconnected').length;
    await until(() => r!.log.of('disconnected').length > before, 5000, 'the loop resumes after the scans');
  });

  it('an AP that vanishes and returns: backoff visible in reconnecting events, reconnects within the bound', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const gone = once(r.board, 'disconnected', 8000);
    await r.vb.apOff('HomeNet');
    const [d] = await gone;
    expect(d.reason).toBe(200); // beacon timeout after the inactive time and 5 probes
    expect(d.cause).toBe('ap-gone');
    await until(() => r!.log.of('reconnecting').length >= 6, 10_000, 'six reconnect attempts');
    const rc = r.log.of('reconnecting');
    const delays = rc.map((e) => (e.arg as ReconnectingInfo).delayMs);
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    // backoff: base 100, x2, cap 400, up to 20 % jitter taken off
    expect(delays[3]).toBeGreaterThanOrEqual(80);
    expect(delays[3]).toBeLessThanOrEqual(100);
    expect(delays[4]).toBeGreaterThanOrEqual(160);
    expect(delays[5]).toBeGreaterThanOrEqual(320);
    for (const x of delays) expect(x).toBeLessThanOrEqual(FAST_POLICY.maxDelayMs);
    // the waits show in the timestamps too: attempt 5 came at least delay 4 after attempt 4
    expect(rc[5]!.t - rc[4]!.t).toBeGreaterThanOrEqual(delays[4]! - 5);
    const failedWith = r.log.args<DisconnectInfo>('disconnected').slice(1).map((x) => x.reason);
    expect(new Set(failedWith)).toEqual(new Set([201]));
    const failedBefore = r.log.of('disconnected').length;
    await r.vb.apOn('HomeNet');
    await r.board.waitForIp(5000);
    // the next attempt that starts after the AP is back joins it: at most the one already under
    // way when it came back fails (counted, not timed: the delays are capped above)
    expect(r.log.of('disconnected').length - failedBefore).toBeLessThanOrEqual(1);
    expect(r.log.of('gaveUp')).toHaveLength(0);
  });

  it('ROAMING (207) is not a failure: no backoff counted, the station comes back', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const d = once(r.board, 'disconnected');
    await r.vb.deauth(207);
    const [info] = await d;
    expect(info).toMatchObject({ reason: 207, cause: 'roaming', expected: true, userInitiated: false });
    await until(() => r!.board.phase === 'got_ip', 5000, 'back on the network');
    // the grace path issues one attempt without counting a failure
    expect(r.log.args<ReconnectingInfo>('reconnecting').every((x) => x.attempt === 1)).toBe(true);
    expect(r.board.reconnectPolicy.driverReconnectGraceMs).toBe(FAST_POLICY.driverReconnectGraceMs);
  });

  it('reason 8 from the AP (not our disconnect) is reconnected', async () => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const back = once(r.board, 'gotIp');
    await r.vb.deauth(8);
    await back;
    expect(r.log.args<DisconnectInfo>('disconnected')[0]).toMatchObject({ reason: 8, userInitiated: false });
    expect(r.log.args<ReconnectingInfo>('reconnecting')[0]).toMatchObject({ attempt: 1, delayMs: 0, reason: 8 });
  });

  // One reason per cause class: the disconnect is decoded with the class from protocol.json.
  const causes = new Map<string, number>();
  for (const x of definition.reasons) if (!causes.has(x.cause) && x.code !== 8 && x.code !== 207) causes.set(x.cause, x.code);
  it.each([...causes.entries()])('a %s reason (%i) from the AP is decoded and reconnected', async (cause, code) => {
    r = await rig('home');
    await bringUp(r.board);
    await r.board.connect();
    const back = once(r.board, 'gotIp');
    await r.vb.deauth(code);
    await back;
    const [d] = r.log.args<DisconnectInfo>('disconnected');
    // roaming-class reasons are expected (the driver moves on by itself), never failures
    expect(d).toMatchObject({ reason: code, cause, expected: cause === 'roaming', userInitiated: false });
    expect(d!.meaning.length).toBeGreaterThan(5);
    expect(d!.action.length).toBeGreaterThan(5);
  });

  it('low-RSSI family: 204 at a weak signal is blamed on the signal and never stops the loop as a password', async () => {
    r = await rig('weak-signal', { reconnect: { wrongPasswordAttempts: 2 } });
    await r.vb.setRssi('FarAway', -92);
    await bringUp(r.board, 'FarAway', 'far-away-pass');
    void r.board.connect({ timeoutMs: 20_000 }).catch(() => undefined);
    await until(() => r!.log.of('disconnected').length >= 4, 15_000, 'four failures');
    const d = r.log.args<DisconnectInfo>('disconnected');
    expect(d.every((x) => x.reason === 204)).toBe(true);
    expect(d[3]!.likely?.cause).toBe('signal');
    expect(r.log.of('gaveUp')).toHaveLength(0);
    await r.board.disconnect();
  });

  it('low-RSSI family: 212 (below the RSSI threshold) is decoded as likely low signal', async () => {
    r = await rig('weak-signal', { reconnect: { maxAttempts: 1 } });
    if (r.board.phase === 'uninit') await r.board.init();
    await r.board.setMode('sta');
    await r.board.configure({ ssid: 'FarAway', password: 'far-away-pass', rssiThreshold: -80 });
    const started = once(r.board, 'staStart');
    await r.board.start();
    await started;
    const e = await r.board.connect({ timeoutMs: 20_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    const d = (e as ConnectError).disconnect;
    expect(d).toMatchObject({ reason: 212, name: 'NO_AP_FOUND_IN_RSSI_THRESHOLD', cause: 'signal' });
    expect(d.likely?.cause).toBe('signal');
  });

  it('maxAttempts: gives up after that many failures (AP absent: 201, no password blame)', async () => {
    r = await rig('home', { reconnect: { maxAttempts: 3 } });
    await bringUp(r.board, 'NoSuchNet', PASSWORD);
    const e = await r.board.connect({ timeoutMs: 20_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    expect((e as ConnectError).attempts).toBe(4);
    expect((e as ConnectError).disconnect.reason).toBe(201);
    expect((e as ConnectError).disconnect.likely?.cause).not.toBe('password');
    expect(r.log.of('gaveUp')).toHaveLength(1);
  });

  it('reconnect: false — the first failure rejects connect and nothing reconnects', async () => {
    r = await rig('wrong-password', { reconnect: false });
    await bringUp(r.board, 'HomeNet', 'not-the-password');
    const e = await r.board.connect({ timeoutMs: 10_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectError);
    expect((e as ConnectError).disconnect.reason).toBe(15);
    await quiet(r);
    expect(r.log.of('reconnecting')).toHaveLength(0);
    expect(r.log.of('disconnected')).toHaveLength(1);
  });

  it('disconnect() during a reconnect loop stops it', async () => {
    r = await rig('wrong-password', { reconnect: { wrongPasswordAttempts: 0, immediateAttempts: 0, baseDelayMs: 200, maxDelayMs: 200 } });
    await bringUp(r.board, 'HomeNet', 'not-the-password');
    const c = r.board.connect({ timeoutMs: 10_000 }).catch((x: unknown) => x);
    await until(() => r!.log.of('reconnecting').length >= 1, 5000, 'loop running');
    await r.board.disconnect().catch(() => undefined);
    // the waiting connect() ends at once, and says the user stopped it
    expect(await c).toBeInstanceOf(Error);
    const disconnects = (await r.vb.diag()).disconnects;
    const reconnects = r.log.of('reconnecting').length;
    await quiet(r);
    expect(r.log.of('reconnecting')).toHaveLength(reconnects);
    expect((await r.vb.diag()).disconnects).toBe(disconnects); // no attempt reached the driver since
    expect(r.board.phase).toBe('started');
  });
});
