// JumpClock: real time plus jumps. A jump fires what falls due at once and in due order; what is
// not due yet still fires by itself in real time; a cleared timer never fires.
import { describe, expect, it } from 'vitest';
import { JumpClock } from './jump-clock.js';

describe('JumpClock', () => {
  it('advance fires every timer due within the jump, in due order, timers they set included', () => {
    const c = new JumpClock();
    const seen: string[] = [];
    c.setTimeout(() => seen.push('b'), 20_000);
    c.setTimeout(() => {
      seen.push('a');
      c.setTimeout(() => seen.push('a+5s'), 5_000);
    }, 10_000);
    const never = c.setTimeout(() => seen.push('never'), 15_000);
    c.setTimeout(() => seen.push('late'), 60_000);
    c.clearTimeout(never);
    expect(c.dueWithin(30_000)).toBe(2);
    c.advance(30_000);
    expect(seen).toEqual(['a', 'a+5s', 'b']);
    expect(c.dueWithin(30_000 + 1_000)).toBe(1);
  });

  it('a timer not jumped over fires by itself, on real time', async () => {
    const c = new JumpClock();
    const t0 = c.now();
    const at = await new Promise<number>((resolve) => c.setTimeout(() => resolve(c.now()), 5));
    expect(at - t0).toBeGreaterThanOrEqual(5);
    expect(c.dueWithin(1_000_000)).toBe(0);
  });
});
