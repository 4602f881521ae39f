// The reconnect executor on a TestClock: each timer fires exactly when its time comes, paused
// attempts wait for the last release, the driver's grace and the configuration grace end on time.
// Time only moves by advance(): no test here sleeps or depends on the machine's speed.
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../host/src/clock.js';
import { ReconnectState } from '../../host/src/rules/reconnect-policy.js';
import { ReconnectRunner } from '../../host/src/rules/reconnect-runner.js';

const GRACE = 5000;

function rig(opts: { waiting?: () => boolean; closed?: () => boolean } = {}) {
  const clock = new TestClock(1_000_000);
  const policy = new ReconnectState({ driverReconnectGraceMs: GRACE }, { classify: () => ({ name: 'X', passwordFamily: false, cause: 'other' }) });
  policy.userConnect();
  const log: string[] = [];
  const runner = new ReconnectRunner({
    clock,
    policy,
    waitingForConnection: opts.waiting ?? (() => true),
    closed: opts.closed ?? (() => false),
    attempt: (n) => log.push(`attempt ${n} at ${clock.now() - 1_000_000}`),
    graceExpired: (reason) => log.push(`grace ${reason} at ${clock.now() - 1_000_000}`),
  });
  return { clock, policy, runner, log };
}

describe('ReconnectRunner', () => {
  it('starts a scheduled attempt exactly at its delay, not before', () => {
    const { clock, runner, log } = rig();
    runner.schedule(4, 1000);
    expect(runner.active).toBe(true);
    clock.advance(999);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['attempt 4 at 1000']);
    expect(runner.active).toBe(false);
  });

  it('a new schedule replaces the old one; cancel leaves nothing behind', () => {
    const { clock, runner, log } = rig();
    runner.schedule(1, 500);
    runner.schedule(2, 800);
    clock.advance(1000);
    expect(log).toEqual(['attempt 2 at 800']);
    runner.schedule(3, 100);
    runner.startGrace(207);
    runner.cancel();
    expect(clock.pending).toBe(0);
    clock.advance(10_000);
    expect(log).toEqual(['attempt 2 at 800']);
  });

  it('rule 4: a due attempt waits while paused and starts at the last release, once', () => {
    const { clock, runner, log } = rig();
    const a = runner.pause();
    const b = runner.pause();
    runner.schedule(1, 0);
    clock.advance(0);
    expect(log).toEqual([]);
    a();
    a(); // a second release of the same pause changes nothing
    expect(log).toEqual([]);
    clock.advance(3000);
    b();
    expect(log).toEqual(['attempt 1 at 3000']);
    b();
    expect(log).toHaveLength(1);
  });

  it("the driver's grace: reconnects (attempt 1, at once) only when nothing re-joined in time", () => {
    const { clock, runner, log } = rig();
    runner.startGrace(207);
    clock.advance(GRACE - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['grace 207 at 5000', 'attempt 1 at 5000']);
  });

  it('the grace ends quietly when the driver re-joined (CONNECTED cleared it, or the phase moved on)', () => {
    const cleared = rig();
    cleared.runner.startGrace(207);
    cleared.clock.advance(GRACE / 2);
    cleared.runner.clearGrace();
    cleared.clock.advance(GRACE);
    expect(cleared.log).toEqual([]);

    const rejoined = rig({ waiting: () => false });
    rejoined.runner.startGrace(207);
    rejoined.clock.advance(GRACE);
    expect(rejoined.log).toEqual([]);
  });

  it("nothing starts after the user's own disconnect or once the board is closed", () => {
    const user = rig();
    user.runner.schedule(2, 100);
    user.policy.userDisconnect();
    user.clock.advance(100);
    expect(user.log).toEqual([]);

    let closed = false;
    const gone = rig({ closed: () => closed });
    gone.runner.schedule(2, 100);
    closed = true;
    gone.clock.advance(100);
    expect(gone.log).toEqual([]);
  });

  it('rule 7: an expected configuration disconnect is forgotten after the grace', () => {
    const { clock, policy, runner } = rig();
    policy.expectConfigReconnect();
    runner.expectConfigReconnect();
    clock.advance(GRACE - 1);
    expect(policy.onDisconnect(3, -50)).toEqual({ action: 'ignore', why: 'config' });

    policy.expectConfigReconnect();
    runner.expectConfigReconnect();
    clock.advance(GRACE);
    expect(policy.onDisconnect(3, -50)).toMatchObject({ action: 'retry' });
  });

  it('dispose stops every timer', () => {
    const { clock, runner, log } = rig();
    runner.schedule(1, 100);
    runner.startGrace(207);
    runner.expectConfigReconnect();
    runner.dispose();
    expect(clock.pending).toBe(0);
    clock.advance(GRACE * 2);
    expect(log).toEqual([]);
  });
});

describe('TestClock', () => {
  it('fires in time order (equal times in the order set), including timers set by timers', () => {
    const c = new TestClock();
    const seen: string[] = [];
    c.setTimeout(() => seen.push(`b@${c.now()}`), 20);
    c.setTimeout(() => {
      seen.push(`a@${c.now()}`);
      c.setTimeout(() => seen.push(`c@${c.now()}`), 10);
    }, 10);
    c.setTimeout(() => seen.push(`b2@${c.now()}`), 20);
    const x = c.setTimeout(() => seen.push('never'), 15);
    c.clearTimeout(x);
    c.advance(25);
    expect(seen).toEqual(['a@10', 'b@20', 'b2@20', 'c@20']);
    expect(c.now()).toBe(25);
  });
});
