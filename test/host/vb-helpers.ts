// Shared set-up for the integration tests: a virtual board (real firmware core, real pty) at a
// raised virtual-time speed, and a Board opened on it with policy timings scaled to match.
import pino from 'pino';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import type { Scenario } from '../../host/src/sim/scenario.js';
import type { Board } from '../../host/src/board.js';
import { openBoard, type OpenBoardOptions } from '../../host/src/open-board.js';
import type { BoardEvents } from '../../host/src/board.js';

export const SPEED = 20;
export const PASSWORD = 'correct-horse';

/** Host-side policy timings for tests: real-time, so shortened like the board's virtual time. */
export const FAST_POLICY = { immediateAttempts: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 400, jitter: 0.2, driverReconnectGraceMs: 300 };
export const FAST_RULES = { scanRetryDelayMs: 30, scanRetryTimeoutMs: 5000 };

export interface Rig {
  vb: VirtualBoard;
  board: Board;
  log: EventLog;
  /** The longest delay a host reconnect timer can have on this board (0: reconnect is off). */
  hostTimersMs: number;
  close(): Promise<void>;
}

export async function rig(
  scenario: string | Scenario = 'home',
  opts: Partial<OpenBoardOptions> & { speed?: number; pacing?: boolean } = {},
): Promise<Rig> {
  const { speed, pacing, ...boardOpts } = opts;
  const vb = await VirtualBoard.start({ scenario, speed: speed ?? SPEED, seed: 1, pacing: pacing ?? true, color: false, stderr: 'ignore' });
  let board: Board;
  try {
    board = await openBoard({
      port: vb.port,
      logger: pino({ level: 'silent' }),
      timeoutMs: 2000,
      rules: FAST_RULES,
      ...boardOpts,
      reconnect: boardOpts.reconnect === false ? false : { ...FAST_POLICY, ...(boardOpts.reconnect ?? {}) },
    });
  } catch (e) {
    await vb.stop();
    throw e;
  }
  const log = new EventLog(board);
  return {
    vb,
    board,
    log,
    hostTimersMs: boardOpts.reconnect === false ? 0 : longestTimer(board.reconnectPolicy),
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

/** Every typed board event with a timestamp. */
export class EventLog {
  readonly all: Logged[] = [];
  constructor(board: Board) {
    const names = ['staStart', 'staStop', 'connected', 'disconnected', 'gotIp', 'ipChanged', 'lostIp', 'beaconTimeout', 'rssiLow',
      'scanDone', 'reset', 'reconnecting', 'gaveUp', 'resync', 'close'] as const;
    for (const n of names) board.on(n, ((arg: unknown) => this.all.push({ name: n, t: Date.now(), arg })) as never);
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
 * reconnect: false) without racing the machine's speed:
 * 1. host: waits on a timer armed now that is due after every timer the reconnect policy can arm
 *    (a retry's delay, the driver-reconnect grace). Node fires timers in order of their due time,
 *    so a board timer armed before this one with a shorter delay has fired when this one does;
 * 2. device: a round trip on the serial line (the board has read any request sent before it),
 *    a jump of the virtual clock past any attempt in flight (its timers fire in order), and a
 *    round trip again, so every event the board wrote meanwhile has been read and handled.
 */
export async function quiet(r: Rig, virtualMs = 30_000): Promise<void> {
  await new Promise((res) => setTimeout(res, r.hostTimersMs + 1));
  await r.board.ping();
  await r.vb.time(virtualMs);
  await r.board.ping();
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
