// Shared set-up for the integration tests: a virtual board (real firmware core, real pty) at a
// raised virtual-time speed, and a Board opened on it with policy timings scaled to match.
import pino from 'pino';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import type { Scenario } from '../../host/src/sim/scenario.js';
import type { Board } from '../../host/src/board.js';
import { openBoard, type OpenBoardOptions } from '../../host/src/open-board.js';
import type { BoardEvents } from '../../host/src/board.js';
import { realClock, type Clock } from '../../host/src/clock.js';
import { JumpClock } from '../support/jump-clock.js';

export const SPEED = 20;
export const PASSWORD = 'correct-horse';

/** Host-side policy timings for tests: real-time, so shortened like the board's virtual time. */
export const FAST_POLICY = { immediateAttempts: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 400, jitter: 0.2, driverReconnectGraceMs: 300 };
export const FAST_RULES = { scanRetryDelayMs: 30, scanRetryTimeoutMs: 5000 };

export interface Rig {
  vb: VirtualBoard;
  board: Board;
  log: EventLog;
  /** The Board's clock: real time that `quiet` can jump past every timer the policy arms. */
  clock: JumpClock;
  close(): Promise<void>;
}

export async function rig(
  scenario: string | Scenario = 'home',
  opts: Partial<Omit<OpenBoardOptions, 'clock'>> & { speed?: number; pacing?: boolean } = {},
): Promise<Rig> {
  const { speed, pacing, ...boardOpts } = opts;
  const clock = new JumpClock();
  const vb = await VirtualBoard.start({ scenario, speed: speed ?? SPEED, seed: 1, pacing: pacing ?? true, color: false, stderr: 'ignore' });
  let board: Board;
  try {
    board = await openBoard({
      port: vb.port,
      logger: pino({ level: 'silent' }),
      timeoutMs: 2000,
      rules: FAST_RULES,
      ...boardOpts,
      clock,
      reconnect: boardOpts.reconnect === false ? false : { ...FAST_POLICY, ...(boardOpts.reconnect ?? {}) },
    });
  } catch (e) {
    await vb.stop();
    throw e;
  }
  const log = new EventLog(board, clock);
  return {
    vb,
    board,
    log,
    clock,
    async close() {
      await board.close().catch(() => {});
      await vb.stop();
    },
  };
}

/** init -> mode sta -> config -> start, as the seed's phases 1–3. */
export async function bringUp(board: Board, ssid = 'HomeNet', password: string | undefined = PASSWORD): Promise<void> {
  if (board.phase === 'uninit') await board.init();
  await board.setMode('sta');
  await board.configure(password === undefined ? { ssid } : { ssid, password });
  const started = once(board, 'staStart', 3000);
  await board.start();
  await started;
}

export function once<K extends keyof BoardEvents>(board: Board, name: K, ms = 5000): Promise<BoardEvents[K]> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      board.off(name, on as never);
      reject(new Error(`no '${String(name)}' event within ${ms} ms`));
    }, ms);
    const on = (...args: BoardEvents[K]) => {
      clearTimeout(t);
      resolve(args);
    };
    board.once(name, on as never);
  });
}

export interface Logged {
  name: string;
  t: number;
  arg: unknown;
}

/** Every typed board event with a timestamp on the Board's clock. */
export class EventLog {
  readonly all: Logged[] = [];
  constructor(board: Board, clock: Pick<Clock, 'now'> = realClock) {
    const names = ['staStart', 'staStop', 'connected', 'disconnected', 'gotIp', 'ipChanged', 'lostIp', 'beaconTimeout', 'rssiLow',
      'scanDone', 'reset', 'reconnecting', 'gaveUp', 'resync', 'close'] as const;
    for (const n of names) board.on(n, ((arg: unknown) => this.all.push({ name: n, t: clock.now(), arg })) as never);
  }
  of(name: string): Logged[] {
    return this.all.filter((e) => e.name === name);
  }
  args<T = unknown>(name: string): T[] {
    return this.of(name).map((e) => e.arg as T);
  }
}

/**
 * Shows that nothing more happens after a decision the board took (a give-up, a user disconnect,
 * reconnect: false), decided by the two clocks and the serial line, never by the machine's speed.
 * A round is:
 * 1. host: the Board's clock jumps past the longest timer the reconnect policy can arm (a retry's
 *    delay, the driver-reconnect grace), so every such timer fires now, in due order;
 * 2. device: a round trip on the serial line (the board has read any request sent before it),
 *    a jump of the virtual clock past any attempt in flight (its timers fire in order), and a
 *    round trip again, so every event the board wrote meanwhile has been read and handled.
 * Quiet is a round in which no board event arrived and after which no policy timer is armed; a
 * board still busy after a few rounds fails here, as it would in the caller's assertions.
 */
export async function quiet(r: Rig, virtualMs = 30_000): Promise<void> {
  const horizonMs = longestTimer(r.board.reconnectPolicy) + 1;
  for (let round = 1; ; round++) {
    const events = r.log.all.length;
    r.clock.advance(horizonMs);
    await r.board.ping();
    await r.vb.time(virtualMs);
    await r.board.ping();
    const busy = r.log.all.slice(events).map((e) => e.name);
    if (busy.length === 0 && r.clock.dueWithin(horizonMs) === 0) return;
    if (round === 3) throw new Error(`the board is not quiet after ${round} rounds: ${busy.join(', ') || 'a policy timer is still armed'}`);
  }
}

const longestTimer = (p: { maxDelayMs: number; baseDelayMs: number; driverReconnectGraceMs: number }) =>
  Math.max(p.maxDelayMs, p.baseDelayMs, p.driverReconnectGraceMs);

/** Resolves once the virtual board's driver is in one of the given states (diag `state`). */
export async function driverState(r: Rig, ...states: string[]): Promise<void> {
  await until(async () => states.includes(String((await r.vb.diag()).state)), 10_000, `driver state ${states.join('/')}`);
}

/** Resolves once a scan runs on the virtual board (so a fault now lands in the middle of it). */
export async function scanRunning(r: Rig): Promise<void> {
  await until(async () => Number((await r.vb.diag()).scanning) === 1, 10_000, 'a scan running on the board');
}

export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
