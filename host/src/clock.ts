// Time, passed in (XState's SimulatedClock idea): every delay the Board and its rules wait goes
// through a Clock given at construction. The library uses the real one; unit tests give a
// TestClock and move it forward by hand, so no test decides anything by sleeping.

export type TimerId = { readonly __timer: unique symbol };

export interface Clock {
  /** Milliseconds on a monotonic-enough scale (Date.now for the real clock). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId | null | undefined): void;
}

/** The wall clock: Date.now and the global timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as TimerId,
  clearTimeout: (id) => {
    if (id) clearTimeout(id as unknown as NodeJS.Timeout);
  },
};

interface Pending {
  at: number;
  order: number;
  fn: () => void;
}

/** Of `timers`, the one due first at or before `end` (equal times: the one set first), if any.
 *  Shared by the clocks that fire timers in due order on a jump (TestClock, tests' JumpClock). */
export function nextDue<P extends { at: number; order: number }>(timers: ReadonlyMap<TimerId, P>, end: number): [TimerId, P] | undefined {
  let next: [TimerId, P] | undefined;
  for (const e of timers) if (e[1].at <= end && (!next || e[1].at < next[1].at || (e[1].at === next[1].at && e[1].order < next[1].order))) next = e;
  return next;
}

/** A clock that moves only when told to: `advance(ms)` runs every timer that falls due, in time
 *  order (equal times in the order they were set), including timers set by those timers. */
export class TestClock implements Clock {
  private t: number;
  private order = 0;
  private readonly timers = new Map<TimerId, Pending>();

  constructor(start = 0) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = {} as TimerId;
    this.timers.set(id, { at: this.t + Math.max(0, ms), order: this.order++, fn });
    return id;
  }

  clearTimeout(id: TimerId | null | undefined): void {
    if (id) this.timers.delete(id);
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing what falls due on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = nextDue(this.timers, end);
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
}
