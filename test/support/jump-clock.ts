// The Board's clock in tests against a virtual board: real time, because the virtual board beside
// it runs in (sped-up) real time too, plus jumps. `advance(ms)` is the host-side twin of the
// virtual board's `time` control: time moves on at once and every timer that falls due fires, in
// due order, so a test shows "no timer the policy armed does anything" without sleeping on it.
import { nextDue, type Clock, type TimerId } from '../../host/src/clock.js';

interface Pending {
  at: number;
  order: number;
  fn: () => void;
  real: NodeJS.Timeout;
}

export class JumpClock implements Clock {
  private offset = 0;
  /** While a jump fires timers: the due time of the one firing (what its callback sees as now). */
  private firingAt: number | null = null;
  private order = 0;
  private readonly timers = new Map<TimerId, Pending>();

  now(): number {
    return this.firingAt ?? Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = {} as TimerId;
    const at = this.now() + Math.max(0, ms);
    this.timers.set(id, { at, order: this.order++, fn, real: this.arm(id, at) });
    return id;
  }

  clearTimeout(id: TimerId | null | undefined): void {
    const t = id ? this.timers.get(id) : undefined;
    if (!t) return;
    clearTimeout(t.real);
    this.timers.delete(id!);
  }

  /** Timers that fall due within `ms` from now. */
  dueWithin(ms: number): number {
    const end = this.now() + ms;
    let n = 0;
    for (const t of this.timers.values()) if (t.at <= end) n++;
    return n;
  }

  /** Jumps `ms` forward: what falls due fires now, in due order (equal times in the order they
   *  were set), timers set by those timers included; the rest wait their remaining time. */
  advance(ms: number): void {
    const start = this.now();
    const end = start + ms;
    for (;;) {
      const next = nextDue(this.timers, end);
      if (!next) break;
      this.firingAt = Math.max(start, next[1].at);
      try {
        this.fire(next[0]);
      } finally {
        this.firingAt = null;
      }
    }
    this.offset += ms;
    for (const [id, t] of this.timers) {
      clearTimeout(t.real);
      t.real = this.arm(id, t.at);
    }
  }

  private arm(id: TimerId, at: number): NodeJS.Timeout {
    return setTimeout(() => this.fire(id), Math.max(0, at - this.now()));
  }

  private fire(id: TimerId): void {
    const t = this.timers.get(id);
    if (!t) return;
    clearTimeout(t.real);
    this.timers.delete(id);
    t.fn();
  }
}
