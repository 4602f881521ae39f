import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_RECONNECT_POLICY,
  ReconnectState,
  backoffDelay,
  type ReasonClassifier,
} from '../../host/src/rules/reconnect-policy.js';

const def = JSON.parse(readFileSync(new URL('../../protocol/protocol.json', import.meta.url), 'utf8'));
const pw = new Set<number>(def.families.password.codes);
const classify: ReasonClassifier = (code) => {
  const r = def.reasons.find((x: { code: number }) => x.code === code);
  return { name: r?.name ?? `REASON_${code}`, cause: r?.cause ?? 'unspecified', passwordFamily: pw.has(code) };
};

function seq(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('backoffDelay', () => {
  const p = { ...DEFAULT_RECONNECT_POLICY, immediateAttempts: 2, baseDelayMs: 100, factor: 2, maxDelayMs: 1000, jitter: 0.5 };
  it('is zero for the first N attempts, then doubles up to the cap', () => {
    const none = () => 0; // no jitter taken off
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(p, a, none))).toEqual([0, 0, 100, 200, 400, 800, 1000, 1000]);
  });
  it('takes at most `jitter` of the delay off, never adds', () => {
    expect(backoffDelay(p, 3, () => 1)).toBe(50);
    expect(backoffDelay(p, 8, () => 0.5)).toBe(750);
    for (let a = 3; a < 20; a++) {
      const d = backoffDelay(p, a, Math.random);
      expect(d).toBeLessThanOrEqual(1000);
      expect(d).toBeGreaterThanOrEqual(Math.min(1000, 100 * 2 ** (a - 3)) * 0.5);
    }
  });
});

describe('ReconnectState', () => {
  const make = (over = {}) => {
    const s = new ReconnectState({ immediateAttempts: 1, baseDelayMs: 10, maxDelayMs: 40, jitter: 0, ...over }, { classify, random: () => 0 });
    s.userConnect();
    return s;
  };

  it('rejects nonsensical options with a named error', () => {
    expect(() => new ReconnectState({ jitter: 2 }, { classify })).toThrow(/jitter/);
    expect(() => new ReconnectState({ factor: 0.5 }, { classify })).toThrow(/factor/);
    expect(() => new ReconnectState({ baseDelayMs: 100, maxDelayMs: 10 }, { classify })).toThrow(/maxDelayMs/);
  });

  it('does nothing before the user connects and after the user disconnects (reason 8)', () => {
    const s = new ReconnectState({}, { classify });
    expect(s.onDisconnect(200, -50)).toEqual({ action: 'ignore', why: 'user' });
    s.userConnect();
    expect(s.onDisconnect(200, -50).action).toBe('retry');
    s.userDisconnect();
    expect(s.onDisconnect(8, -50)).toEqual({ action: 'ignore', why: 'user' });
  });

  it('counts consecutive failures into the backoff and resets on success', () => {
    const s = make();
    const delays = [1, 2, 3, 4, 5].map(() => s.onDisconnect(200, -60));
    expect(delays.map((d) => (d.action === 'retry' ? d.delayMs : -1))).toEqual([0, 10, 20, 40, 40]);
    s.succeeded();
    expect(s.onDisconnect(200, -60)).toEqual({ action: 'retry', attempt: 1, delayMs: 0 });
  });

  it('gives up after maxAttempts when set', () => {
    const s = make({ maxAttempts: 3 });
    expect([1, 2, 3].map(() => s.onDisconnect(201, 0).action)).toEqual(['retry', 'retry', 'retry']);
    expect(s.onDisconnect(201, 0)).toMatchObject({ action: 'giveUp', why: 'maxAttempts', attempts: 4 });
  });

  it('stops after mismatchAttempts refusals by the station\'s own settings (210, 211, 212)', () => {
    const s = make({ mismatchAttempts: 3 });
    expect([1, 2].map(() => s.onDisconnect(212, -50).action)).toEqual(['retry', 'retry']);
    expect(s.onDisconnect(212, -50)).toMatchObject({ action: 'giveUp', why: 'mismatch', attempts: 3 });
    const t = make({ mismatchAttempts: 2 });
    expect(t.onDisconnect(211, -50).action).toBe('retry');
    expect(t.onDisconnect(201, 0).action).toBe('retry'); // the streak is broken
    expect(t.onDisconnect(211, -50).action).toBe('retry');
  });

  it('ROAMING (207) is not a failure and does not advance the backoff', () => {
    const s = make();
    expect(s.onDisconnect(207, -50)).toEqual({ action: 'ignore', why: 'roaming' });
    expect(s.onDisconnect(200, -50)).toMatchObject({ action: 'retry', attempt: 1 });
  });

  it('a configuration-forced reconnect is not a failure, once', () => {
    const s = make();
    s.expectConfigReconnect();
    expect(s.onDisconnect(8, -50)).toEqual({ action: 'ignore', why: 'config' });
    expect(s.onDisconnect(8, -50)).toMatchObject({ action: 'retry', attempt: 1 });
  });

  it.each([15, 202, 204, 205])('password family %i with good RSSI stops early and says why', (code) => {
    const s = make({ wrongPasswordAttempts: 4 });
    for (let i = 0; i < 3; i++) expect(s.onDisconnect(code, -48).action).toBe('retry');
    const d = s.onDisconnect(code, -48);
    expect(d).toMatchObject({ action: 'giveUp', why: 'likelyPassword', attempts: 4 });
    if (d.action !== 'giveUp') throw new Error('unreachable');
    expect(d.likely?.cause).toBe('password');
    expect(d.likely?.evidence).toMatch(new RegExp(`^${code} .* 4 times .*-48 dBm.*likely wrong password`));
  });

  it('204 at a weak signal is blamed on the signal: keeps retrying', () => {
    const s = make({ wrongPasswordAttempts: 4 });
    for (let i = 0; i < 10; i++) expect(s.onDisconnect(204, -85).action).toBe('retry');
  });

  it('201 without an RSSI reading (AP gone) never counts as a wrong password', () => {
    const s = make({ wrongPasswordAttempts: 2 });
    for (let i = 0; i < 10; i++) expect(s.onDisconnect(201, 0).action).toBe('retry');
    // ...but heard well and repeated, it is the seed's "password set for an open AP" case
    expect(s.onDisconnect(201, -40).action).toBe('retry');
    expect(s.onDisconnect(201, -40)).toMatchObject({ action: 'giveUp', why: 'likelyPassword' });
  });

  it('a different failure in between breaks the password streak', () => {
    const s = make({ wrongPasswordAttempts: 3 });
    s.onDisconnect(204, -50);
    s.onDisconnect(204, -50);
    s.onDisconnect(200, -50);
    s.onDisconnect(204, -50);
    expect(s.onDisconnect(204, -50).action).toBe('retry');
    expect(s.onDisconnect(204, -50).action).toBe('giveUp');
  });

  it('2 AUTH_EXPIRE counts as a wrong password only when the AP ended the attempt after association', () => {
    const s = make({ wrongPasswordAttempts: 3 });
    // an auth timeout (stage auth), an unknown stage, or a station dropped after CONNECTED: never
    for (const stage of ['auth', undefined, 'connected'] as const) {
      for (let i = 0; i < 6; i++) expect(s.onDisconnect(2, -45, stage).action).toBe('retry');
    }
    s.onDisconnect(2, -45, 'handshake');
    s.onDisconnect(2, -45, 'handshake');
    const d = s.onDisconnect(2, -45, 'handshake');
    expect(d).toMatchObject({ action: 'giveUp', why: 'likelyPassword', likely: { cause: 'password' } });
    if (d.action === 'giveUp') expect(d.likely?.evidence).toMatch(/^2 AUTH_EXPIRE 3 times .*after association.*likely wrong password$/);
  });

  it('a password-family reason after CONNECTED is no password evidence (the password was accepted)', () => {
    const s = make({ wrongPasswordAttempts: 2 });
    for (let i = 0; i < 6; i++) expect(s.onDisconnect(15, -45, 'connected').action).toBe('retry');
    expect(s.onDisconnect(15, -45, 'handshake').action).toBe('retry');
    expect(s.onDisconnect(15, -45).action).toBe('giveUp'); // stage unknown: 15 keeps its reading
  });

  it('wrongPasswordAttempts 0 disables the early stop', () => {
    const s = make({ wrongPasswordAttempts: 0 });
    for (let i = 0; i < 20; i++) expect(s.onDisconnect(15, -40).action).toBe('retry');
  });

  it('jitter comes from the injected random source', () => {
    const s = new ReconnectState({ immediateAttempts: 0, baseDelayMs: 100, maxDelayMs: 100, jitter: 0.5 }, { classify, random: seq([0, 1, 0.5]) });
    s.userConnect();
    expect([1, 2, 3].map(() => (s.onDisconnect(200, -50) as { delayMs: number }).delayMs)).toEqual([100, 50, 75]);
  });
});
