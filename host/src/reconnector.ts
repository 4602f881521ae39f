// The Board's reconnection, wired to the station. The pure policy (rules/reconnect-policy.ts)
// decides what a disconnect means and the runner (rules/reconnect-runner.ts) keeps the timers;
// this module starts the attempts the runner says are due, announces them, and keeps the
// re-join a configuration call causes (rule 7) from counting as a failure. The Board tells it
// what the user did (connect, disconnect) and what the device reported.
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import { commandErrorName, reasonFacts } from './reason-facts.js';
import type { JoinStage } from './rules/join-stage.js';
import { ReconnectState, type Decision, type ReconnectPolicy } from './rules/reconnect-policy.js';
import { ReconnectRunner } from './rules/reconnect-runner.js';
import type { ReconnectingInfo } from './types.js';

export interface ReconnectorHost {
  clock: Clock;
  log: Logger;
  /** The station is started and not connected (the driver did not re-join by itself). */
  waitingForConnection(): boolean;
  closed(): boolean;
  /** Sends `connect` (the Board mirrors the phase); rejects with the device's error. */
  connect(): Promise<void>;
  /** An attempt is on its way (the Board's 'reconnecting' event). */
  reconnecting(info: ReconnectingInfo): void;
}

export class Reconnector {
  private readonly state: ReconnectState;
  private readonly runner: ReconnectRunner;
  /** false: openBoard({ reconnect: false }), every failed attempt ends the connect. */
  private readonly auto: boolean;

  constructor(private readonly host: ReconnectorHost, policy: Partial<ReconnectPolicy> | false | undefined) {
    this.auto = policy !== false;
    this.state = new ReconnectState(policy === false ? {} : (policy ?? {}), { classify: reasonFacts });
    this.runner = new ReconnectRunner({
      clock: host.clock,
      policy: this.state,
      waitingForConnection: () => host.waitingForConnection(),
      closed: () => host.closed(),
      attempt: (attempt) => this.attempt(attempt),
      graceExpired: (reason) => {
        host.log.info({ reason }, 'the driver did not re-join by itself; reconnecting');
        host.reconnecting({ attempt: 1, delayMs: 0, reason });
      },
    });
  }

  /** The policy in force (defaults merged with the caller's overrides). */
  get policy(): Readonly<ReconnectPolicy> {
    return this.state.policy;
  }
  /** Failed attempts since the last success (or since connect()). */
  get attempts(): number {
    return this.state.attempts;
  }
  get stoppedByUser(): boolean {
    return this.state.stoppedByUser;
  }
  /** A retry or the grace is running: a disconnect is already being handled. */
  get active(): boolean {
    return this.runner.active;
  }

  /** What a disconnect means; `stage` is where the attempt ended (rules/join-stage.ts). */
  decide(reason: number, rssi: number, stage: JoinStage | undefined): Decision {
    if (this.auto) return this.state.onDisconnect(reason, rssi, stage);
    return this.state.stoppedByUser ? { action: 'ignore', why: 'user' } : { action: 'giveUp', attempts: 1, why: 'maxAttempts' };
  }

  /** Carries out a decision's timers. A give-up only stops them: the Board explains it first. */
  carryOut(decision: Decision, reason: number): void {
    switch (decision.action) {
      case 'ignore':
        // Roaming / config change: the driver re-joins by itself; step in only if it does not.
        if (decision.why !== 'user') this.runner.startGrace(reason);
        return;
      case 'retry':
        this.host.reconnecting({ attempt: decision.attempt, delayMs: decision.delayMs, reason });
        this.runner.schedule(decision.attempt, decision.delayMs);
        return;
      case 'giveUp':
        this.runner.cancel();
        return;
    }
  }

  /** The user connects (or a connection this process did not start is adopted): arm the policy. */
  userConnect(): void {
    this.state.userConnect();
  }

  /** The user's disconnect/stop, or a reset: the next disconnect is nobody's failure. */
  userStopped(): void {
    this.state.userDisconnect();
    this.runner.cancel();
  }

  /** GOT_IP: the connection works end to end, so the next failure starts a new series. */
  succeeded(): void {
    this.state.succeeded();
  }

  /** CONNECTED: the driver re-joined, no grace is needed any more. */
  rejoined(): void {
    this.runner.clearGrace();
  }

  /** Nothing scheduled, nothing due (the station stopped, the board reset or went away). */
  cancel(): void {
    this.runner.cancel();
  }

  /** Rule 4: while paused, due reconnects wait; the last release starts the one that is due. */
  pause(): () => void {
    return this.runner.pause();
  }

  /**
   * Rule 7: a `protocol`/`bandwidth` call on a connected station makes the driver drop and re-join
   * by itself; that disconnect is expected, not a failure. `send` makes the call and resolves with
   * its reply's `reconnect`. The DISCONNECTED may overtake the reply, so it is predicted from
   * `connected` first and corrected by the reply.
   */
  async configChange(connected: boolean, send: () => Promise<boolean>): Promise<boolean> {
    if (connected) this.state.expectConfigReconnect();
    let reconnect: boolean;
    try {
      reconnect = await send();
    } catch (e) {
      if (connected) this.state.cancelConfigReconnect();
      throw e;
    }
    if (reconnect && !connected) this.state.expectConfigReconnect();
    if (!reconnect && connected) this.state.cancelConfigReconnect();
    // A driver that had nothing to renegotiate (same value) never drops the link: the expectation
    // must not swallow a real disconnect much later.
    if (reconnect) this.runner.expectConfigReconnect();
    return reconnect;
  }

  /** The board is closing: every timer stops. */
  dispose(): void {
    this.runner.dispose();
  }

  /** The runner says attempt `attempt` is due (not paused, not stopped, not closed). */
  private attempt(attempt: number): void {
    this.host.connect().catch((err: unknown) => {
      if (commandErrorName(err) === 'WIFI_CONN') return; // already connecting
      this.host.log.warn({ err, attempt }, 'reconnect attempt could not be started');
    });
  }
}
