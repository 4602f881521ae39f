// One test's board: a fresh virtual board (its scenario, optionally behind ser2net) or the real
// board of the target, opened with the host library, plus the faults this target can inject.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { openBoard, VirtualBoard, type Board } from '../host/src/index.js';
import { REDACT_PATHS } from '../host/src/log.js';
import { Ser2net } from './ser2net.js';
import type { RigCapabilities, Target } from './targets.js';

/** Per-board logs; ESPWIFI_HIL_OUT moves them (and the JUnit file, see vitest.config.ts). */
export const OUT_DIR = process.env.ESPWIFI_HIL_OUT ?? join(dirname(fileURLToPath(import.meta.url)), 'out');

/** Virtual boards run this much faster than real time; host-side timings are scaled to match. */
/** The wrong password the wrong-password tests use: made up, never derived from the AP's real
 *  one, so an assertion that fails on a leak cannot itself print the real password. */
export const WRONG_PASSWORD = 'espwifi-hil-wrong-password';

export const VIRTUAL_SPEED = 20;
export const VIRTUAL_POLICY = { immediateAttempts: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 400, jitter: 0.2, driverReconnectGraceMs: 300 };
export const VIRTUAL_RULES = { scanRetryDelayMs: 30, scanRetryTimeoutMs: 5000 };

/** hil/out/<board>.log: everything the library logs for this board (passwords redacted). Every
 *  HIL file of a run appends to it; hil/global-setup.ts clears the last run's logs first. */
export function boardLogger(target: Target): Logger {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `${target.name}.log`);
  return pino(
    { name: target.name, level: process.env.ESPWIFI_HIL_LOG_LEVEL ?? 'debug', redact: { paths: [...REDACT_PATHS], censor: '[redacted]' } },
    pino.destination({ dest: file, sync: true, append: true }),
  );
}

export interface Faults {
  apOff?(): Promise<void>;
  apOn?(): Promise<void>;
  dhcpChange?(ip: string): Promise<void>;
  /** Resets the board from outside, with the reset reason the hello will report when known. */
  reset?(): Promise<string | undefined>;
}

export interface Session {
  board: Board;
  vb?: VirtualBoard;
  faults: Faults;
  close(): Promise<void>;
}

function rigCommand(cmd: string, target: Target, log: Logger, what: string): () => Promise<void> {
  return () => new Promise((resolve, reject) => {
    log.info({ what, cmd }, 'rig command');
    execFile('/bin/sh', ['-c', cmd], { env: { ...process.env, ESPWIFI_BOARD: target.name, ESPWIFI_BOARD_PORT: target.port ?? '' }, timeout: 60_000 },
      (err, _out, errText) => (err ? reject(new Error(`rig command for ${what} failed: ${cmd}: ${errText || err.message}`)) : resolve()));
  });
}

function rigFaults(target: Target, log: Logger): Faults {
  const c: RigCapabilities = target.caps;
  const f: Faults = {};
  if (c.apOff && c.apOn) { f.apOff = rigCommand(c.apOff, target, log, 'apOff'); f.apOn = rigCommand(c.apOn, target, log, 'apOn'); }
  if (c.dhcpChange) { const run = rigCommand(c.dhcpChange, target, log, 'dhcpChange'); f.dhcpChange = async () => run(); }
  if (c.reset) { const run = rigCommand(c.reset, target, log, 'reset'); f.reset = async () => { await run(); return undefined; }; }
  return f;
}

export async function openSession(target: Target, log: Logger, scenario = 'home'): Promise<Session> {
  if (target.kind === 'real') {
    const board = await openBoard({ port: target.port!, logger: log });
    return {
      board,
      faults: rigFaults(target, log),
      async close() {
        // Leave the board as the next test expects it: station stopped, driver deinitialised.
        await board.disconnect().catch(() => undefined);
        await board.stop().catch(() => undefined);
        await board.deinit().catch(() => undefined);
        await board.close().catch(() => undefined);
      },
    };
  }
  const vb = await VirtualBoard.start({ scenario, speed: VIRTUAL_SPEED, seed: 1, color: false, stderr: 'ignore' });
  let s2n: Ser2net | undefined;
  try {
    if (target.via === 'rfc2217' || target.via === 'socket') s2n = await Ser2net.start(vb.port, target.via === 'rfc2217' ? 'rfc2217' : 'tcp');
    const port = s2n?.url ?? vb.port;
    log.info({ scenario, port }, 'virtual board');
    const board = await openBoard({ port, logger: log, timeoutMs: 3000, reconnect: VIRTUAL_POLICY, rules: VIRTUAL_RULES });
    return {
      board,
      vb,
      faults: {
        apOff: () => vb.apOff(target.ssid),
        apOn: () => vb.apOn(target.ssid),
        dhcpChange: async (ip) => { await vb.dhcpChange(ip); },
        reset: async () => { await vb.reset('brownout'); return 'brownout'; },
      },
      async close() {
        await board.close().catch(() => undefined);
        await s2n?.stop();
        await vb.stop();
      },
    };
  } catch (e) {
    await s2n?.stop();
    await vb.stop();
    throw e;
  }
}
