// The reconnection policy as pure decisions: given a disconnect, say whether to reconnect, when,
// or to give up and why. No timers, no I/O: the Board owns the timers (and can pause them so a
// reconnect loop never starves a scan), the tests drive this with an injected random source.
//
// Seed "Wi-Fi Reconnect" and "Scan When Wi-Fi Is Connecting": it is the application's job to
// reconnect; a plain reconnect-on-every-disconnect loop starves scans, so the seed suggests
// "reconnect immediately in the first N continuous reconnection, then give a delay" and
// optionally "a maximum continuous reconnection counter". That is exactly this file.

import type { LikelyCause } from '../types.js';
import { AUTH_EXPIRE, passwordStageEvidence, type JoinStage } from './join-stage.js';

export interface ReconnectPolicy {
  /** Seed (scan-when-connecting): "reconnect immediately in the first N continuous reconnection".
   *  3 rides out a single AP hiccup (a reboot's beacon loss, one dropped handshake) without any
   *  delay, and is small enough that a persistent failure reaches the backoff within ~1 s. */
  immediateAttempts: number;
  /** First delayed attempt waits this long. 1 s: a connect attempt (scan + auth + assoc +
   *  handshake, seed "Wi-Fi Station Connecting Scenario") takes roughly that long, so scans get
   *  at least one full window between attempts from the first backoff step on. */
  baseDelayMs: number;
  /** Growth per delayed attempt. Doubling reaches the cap in a handful of steps. */
  factor: number;
  /** Upper bound for one delay. 30 s keeps the worst-case time to notice a returning AP short
   *  while an absent AP costs ~2 connect scans a minute. */
  maxDelayMs: number;
  /** Fraction of each delay that is randomised away (0..1): delay ∈ [d·(1−jitter), d]. 0.2 keeps
   *  a rack of boards rebooted together from retrying in lock step against one AP. */
  jitter: number;
  /** Seed: "define a maximum continuous reconnection counter and stop reconnecting once the
   *  counter reaches the maximum". 0 = unlimited (the default): an AP that is rebooting or out of
   *  range comes back, and the backoff already keeps scans alive. The password rule below is what
   *  stops a hopeless loop early. */
  maxAttempts: number;
  /** Seed "reason code related to wrong password" (15, 201, 204; 202/205 and 2 from field reports,
   *  2 only when the AP ended the attempt after association — rules/join-stage.ts):
   *  this many consecutive failures of that family while the AP was heard at or above
   *  `goodRssi` stops reconnecting with `likely: wrong password`. 4 = the issue's own example
   *  ("204 after 4 attempts with RSSI -48"); one or two handshake timeouts happen on good
   *  networks too. 0 disables the early stop. */
  wrongPasswordAttempts: number;
  /** Seed "reason code related to low RSSI" lists 204 too: a handshake timeout at a weak signal
   *  is blamed on the signal, not the password. -70 dBm is the usual "fair signal" line. */
  goodRssi: number;
  /** Reasons 210, 211 and 212 say an AP with the SSID was found and the station's own settings
   *  refused it (its security, the auth-mode or the RSSI threshold): the same configuration gets
   *  the same answer. This many of them in a row stop reconnecting (the Board then explains which
   *  setting, from a scan). 4 matches wrongPasswordAttempts; 0 disables the stop. */
  mismatchAttempts: number;
  /** Seed reason 207 ROAMING "is just for info, station will automatically move to another AP",
   *  and seed "Configuration Phase": set_protocol/set_bandwidth make the driver reconnect by
   *  itself. Such a disconnect is not a failure; the library waits this long for the driver's
   *  own CONNECTED before it reconnects on its own. */
  driverReconnectGraceMs: number;
}

export const DEFAULT_RECONNECT_POLICY: Readonly<ReconnectPolicy> = Object.freeze({
  immediateAttempts: 3,
  baseDelayMs: 1000,
  factor: 2,
  maxDelayMs: 30_000,
  jitter: 0.2,
  maxAttempts: 0,
  wrongPasswordAttempts: 4,
  goodRssi: -70,
  mismatchAttempts: 4,
  driverReconnectGraceMs: 5000,
});

/** What the policy needs to know about reason codes (the Board passes one built from reasons.ts). */
export interface ReasonFacts {
  name: string;
  /** In the seed's "related to wrong password" family. */
  passwordFamily: boolean;
  /** Cause class from protocol.json (`local`, `roaming`, ...). */
  cause: string;
}
export type ReasonClassifier = (code: number) => ReasonFacts;

export type Decision =
  | { action: 'ignore'; why: 'user' | 'roaming' | 'config' }
  | { action: 'retry'; attempt: number; delayMs: number }
  | { action: 'giveUp'; attempts: number; why: 'maxAttempts' | 'likelyPassword' | 'mismatch'; likely?: LikelyCause };

const ROAMING = 207;
const NO_AP_FOUND = 201;
/** Found but refused by the station's own settings (security, auth threshold, RSSI threshold). */
const REFUSED_BY_SETTINGS = new Set([210, 211, 212]);

export function validatePolicy(p: ReconnectPolicy): void {
  const bad = (k: string, why: string) => {
    throw new RangeError(`reconnect policy: ${k} ${why}`);
  };
  for (const k of ['immediateAttempts', 'baseDelayMs', 'maxDelayMs', 'maxAttempts', 'wrongPasswordAttempts', 'mismatchAttempts', 'driverReconnectGraceMs'] as const) {
    if (!Number.isFinite(p[k]) || p[k] < 0) bad(k, `must be a number >= 0 (got ${p[k]})`);
  }
  if (!Number.isFinite(p.factor) || p.factor < 1) bad('factor', `must be >= 1 (got ${p.factor})`);
  if (!(p.jitter >= 0 && p.jitter <= 1)) bad('jitter', `must be within 0..1 (got ${p.jitter})`);
  if (p.maxDelayMs < p.baseDelayMs) bad('maxDelayMs', `must be >= baseDelayMs (${p.maxDelayMs} < ${p.baseDelayMs})`);
  if (!Number.isFinite(p.goodRssi)) bad('goodRssi', 'must be a number (dBm)');
}

/** Delay before reconnect attempt `attempt` (1-based): 0 for the first `immediateAttempts`,
 *  then base·factor^k capped at maxDelayMs, with up to `jitter` of it taken off at random. */
export function backoffDelay(p: ReconnectPolicy, attempt: number, random: () => number = Math.random): number {
  if (attempt <= p.immediateAttempts) return 0;
  const k = attempt - p.immediateAttempts - 1;
  const d = Math.min(p.maxDelayMs, p.baseDelayMs * Math.pow(p.factor, k));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(d * (1 - p.jitter * r));
}

/** Consecutive-failure bookkeeping for one board. */
export class ReconnectState {
  readonly policy: ReconnectPolicy;
  private failures = 0;
  private passwordStreak = 0;
  private passwordRssi: number[] = [];
  private mismatchStreak = 0;
  private userStopped = true; // nothing to reconnect to until the user connects
  private expectDriverReconnect: 'config' | null = null;
  private readonly random: () => number;
  private readonly classify: ReasonClassifier;

  constructor(policy: Partial<ReconnectPolicy>, deps: { classify: ReasonClassifier; random?: () => number }) {
    this.policy = { ...DEFAULT_RECONNECT_POLICY, ...policy };
    validatePolicy(this.policy);
    this.classify = deps.classify;
    this.random = deps.random ?? Math.random;
  }

  /** Failed attempts since the last success (or since connect()). */
  get attempts(): number {
    return this.failures;
  }
  get stoppedByUser(): boolean {
    return this.userStopped;
  }

  /** The user called connect(): arm the policy with fresh counters. */
  userConnect(): void {
    this.userStopped = false;
    this.reset();
  }
  /** The user called disconnect()/stop(): the following reason-8 disconnect is theirs. */
  userDisconnect(): void {
    this.userStopped = true;
    this.expectDriverReconnect = null;
  }
  /** A configuration call answered reconnect=1: the driver drops and re-joins by itself. */
  expectConfigReconnect(): void {
    this.expectDriverReconnect = 'config';
  }
  /** The configuration call answered reconnect=0 after all: nothing to expect. */
  cancelConfigReconnect(): void {
    this.expectDriverReconnect = null;
  }
  /** GOT_IP: the connection works end to end, so the next failure starts a new series. */
  succeeded(): void {
    this.reset();
  }

  private reset(): void {
    this.failures = 0;
    this.passwordStreak = 0;
    this.passwordRssi = [];
    this.mismatchStreak = 0;
    this.expectDriverReconnect = null;
  }

  /** `stage`: where the attempt ended (rules/join-stage.ts), when known. */
  onDisconnect(reason: number, rssi: number, stage?: JoinStage): Decision {
    if (this.userStopped) return { action: 'ignore', why: 'user' };
    if (this.expectDriverReconnect === 'config') {
      this.expectDriverReconnect = null;
      return { action: 'ignore', why: 'config' };
    }
    const facts = this.classify(reason);
    if (reason === ROAMING || facts.cause === 'roaming') return { action: 'ignore', why: 'roaming' };

    this.failures++;
    this.trackPassword(reason, rssi, facts, stage);
    this.mismatchStreak = REFUSED_BY_SETTINGS.has(reason) ? this.mismatchStreak + 1 : 0;
    const p = this.policy;
    if (p.wrongPasswordAttempts > 0 && this.passwordStreak >= p.wrongPasswordAttempts) {
      return { action: 'giveUp', attempts: this.failures, why: 'likelyPassword', likely: this.passwordEvidence(reason, facts) };
    }
    if (p.mismatchAttempts > 0 && this.mismatchStreak >= p.mismatchAttempts) {
      return { action: 'giveUp', attempts: this.failures, why: 'mismatch' };
    }
    if (p.maxAttempts > 0 && this.failures > p.maxAttempts) {
      return { action: 'giveUp', attempts: this.failures, why: 'maxAttempts' };
    }
    return { action: 'retry', attempt: this.failures, delayMs: backoffDelay(p, this.failures, this.random) };
  }

  private trackPassword(reason: number, rssi: number, facts: ReasonFacts, stage: JoinStage | undefined): void {
    // An RSSI reading only counts as "heard well" when it is a real reading: the driver reports 0
    // (or -127) when it heard nothing, e.g. NO_AP_FOUND for an AP that is simply gone.
    const heard = rssi < 0 && rssi > -127;
    const good = heard && rssi >= this.policy.goodRssi;
    // 201 NO_AP_FOUND is in the password family only for "password set for an open AP / none for
    // a secured one" (seed); without a real RSSI it is far more likely an absent AP.
    // 2 AUTH_EXPIRE counts only when the AP ended the attempt after association; nothing counts
    // after CONNECTED (the password was accepted).
    const evidence = facts.passwordFamily && good && (reason !== NO_AP_FOUND || heard) && passwordStageEvidence(reason, stage);
    if (evidence) {
      this.passwordStreak++;
      this.passwordRssi.push(rssi);
    } else {
      this.passwordStreak = 0;
      this.passwordRssi = [];
    }
  }

  private passwordEvidence(reason: number, facts: ReasonFacts): LikelyCause {
    const worst = Math.min(...this.passwordRssi);
    return {
      cause: 'password',
      evidence:
        `${reason} ${facts.name} ${this.passwordStreak} times in a row with RSSI ${worst} dBm or better` +
        (reason === AUTH_EXPIRE
          ? ', each from the AP after association, before the key handshake completed: likely wrong password'
          : ': likely wrong password (or a password set for an open network / missing for a secured one)'),
    };
  }
}
