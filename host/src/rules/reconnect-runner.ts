// The reconnection policy's executor: the timers that carry out reconnect-policy.ts' decisions.
// A retry waits its backoff delay; a roaming or configuration disconnect waits the grace for the
// driver's own re-join; a configuration call's expected disconnect stops being expected after the
// same grace; and a scan holds every due attempt (rule 4) until the last pause is released.
// All time comes from the injected Clock, so tests step through it without sleeping.

import type { Clock, TimerId } from '../clock.js';
import type { ReconnectState } from './reconnect-policy.js';

export interface ReconnectRunnerDeps {
  clock: Clock;
  policy: ReconnectState;
  /** The station is started and not connected (nothing re-joined by itself). */
  waitingForConnection(): boolean;
  /** The board is closed: nothing can be started any more. */
  closed(): boolean;
  /** Start reconnect attempt `attempt` now. */
  attempt(attempt: number): void;
  /** The driver did not re-join within the grace; attempt 1 is scheduled right after this. */
  graceExpired(reason: number): void;
}

export class ReconnectRunner {
  private reconnectTimer: TimerId | null = null;
  private graceTimer: TimerId | null = null;
  private configTimer: TimerId | null = null;
  private due: { attempt: number } | null = null;
  private pauses = 0;

  constructor(private readonly deps: ReconnectRunnerDeps) {}

  /** A retry or the grace is running (a disconnect is already being handled). */
  get active(): boolean {
    return this.reconnectTimer !== null || this.graceTimer !== null;
  }

  /** Attempt `attempt` after `delayMs`; replaces whatever was scheduled. */
  schedule(attempt: number, delayMs: number): void {
    this.cancel();
    this.reconnectTimer = this.deps.clock.setTimeout(() => {
      this.reconnectTimer = null;
      this.due = { attempt };
      this.fire();
    }, delayMs);
  }

  /** Roaming / config change: the driver re-joins by itself; step in only if it does not. */
  startGrace(reason: number): void {
    this.clearGrace();
    const { clock, policy } = this.deps;
    this.graceTimer = clock.setTimeout(() => {
      this.graceTimer = null;
      if (!this.deps.waitingForConnection() || policy.stoppedByUser) return;
      this.deps.graceExpired(reason);
      this.schedule(1, 0);
    }, policy.policy.driverReconnectGraceMs);
  }

  /** The driver re-joined (CONNECTED): no grace is needed any more. */
  clearGrace(): void {
    this.deps.clock.clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }

  /** Nothing scheduled, nothing due, no grace. */
  cancel(): void {
    this.deps.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.due = null;
    this.clearGrace();
  }

  /** Rule 4: while paused, due reconnects wait; the last release starts the one that is due. */
  pause(): () => void {
    this.pauses++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pauses--;
      if (this.pauses === 0) this.fire();
    };
  }

  /** Rule 7: a configuration call made the driver re-join. A driver that had nothing to
   *  renegotiate never drops the link, so the expected disconnect is forgotten after the grace
   *  and cannot swallow a real one much later. */
  expectConfigReconnect(): void {
    const { clock, policy } = this.deps;
    clock.clearTimeout(this.configTimer);
    this.configTimer = clock.setTimeout(() => {
      this.configTimer = null;
      policy.cancelConfigReconnect();
    }, policy.policy.driverReconnectGraceMs);
  }

  /** The board is closing: every timer stops. */
  dispose(): void {
    this.cancel();
    this.deps.clock.clearTimeout(this.configTimer);
    this.configTimer = null;
  }

  private fire(): void {
    if (!this.due || this.pauses > 0 || this.deps.policy.stoppedByUser || this.deps.closed()) return;
    const { attempt } = this.due;
    this.due = null;
    this.deps.attempt(attempt);
  }
}
