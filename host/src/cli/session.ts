// Opening a board for a command: the given --port, or a built-in virtual board when there is
// none; always closed (and the virtual board stopped) on the way out, also on Ctrl-C.
import { mkdirSync } from 'node:fs';
import { withAbort } from '../async.js';
import { CliError, EXIT } from './exit-codes.js';
import { classify } from './failure.js';
import type { Ctx } from './context.js';
import { openBoard, VirtualBoard, type Board, type Scenario } from './lib.js';

type VirtualBoardInstance = Awaited<ReturnType<typeof VirtualBoard.start>>;

export interface SessionOptions {
  /** Scenario for the built-in virtual board when no --port is given (name, path or object). */
  scenario?: string | Scenario;
  speed?: number;
  seed?: number;
  /** Keep the library's reconnect policy off (commands that only look, like status). */
  reconnect?: false | Record<string, unknown>;
  rules?: Record<string, unknown>;
  /** Print the "using a virtual board" note (default true). */
  announce?: boolean;
  /** false: device log lines are not logged on stderr (the command prints them itself). */
  deviceLog?: false;
}

export interface Session {
  board: Board;
  /** Set when the CLI started a virtual board itself (fault injection is possible). */
  vb?: VirtualBoardInstance;
  port: string;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/**
 * Ctrl-C/SIGTERM abort the returned signal; a second Ctrl-C exits at once (cleanup already
 * under way or stuck). Returns a disposer that removes the handlers.
 */
export function trapInterrupts(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  let count = 0;
  const handler = (sig: NodeJS.Signals) => {
    count++;
    const code = sig === 'SIGTERM' ? EXIT.TERMINATED : EXIT.INTERRUPTED; // 128 + the signal's number
    if (count > 1) process.exit(code);
    ac.abort(new CliError(code, `interrupted (${sig})`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: ac.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** Resolves when the signal aborts (for commands that run until interrupted). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Races work against the signal: an interrupt rejects with the abort reason. */
export const abortable = withAbort;

export async function startVirtualBoard(
  ctx: Ctx,
  opts: { scenario: string | Scenario; speed?: number; seed?: number; control?: string; link?: string; world?: string; mac?: string; firmware?: 'bridge' | 'app' },
): Promise<VirtualBoardInstance> {
  try {
    if (opts.world) mkdirSync(opts.world, { recursive: true });
    return await VirtualBoard.start({
      ...(opts.world ? { world: opts.world } : {}),
      ...(opts.mac ? { mac: opts.mac } : {}),
      scenario: opts.scenario,
      speed: opts.speed,
      seed: opts.seed,
      ...(opts.control ? { controlSocket: opts.control } : {}),
      ...(opts.link ? { link: opts.link } : {}),
      ...(opts.firmware === 'app' ? { firmware: 'app' as const } : {}),
      // The simulator's own diagnostics only when asked for: they would interleave with results.
      stderr: ctx.log.isLevelEnabled('debug') ? 'inherit' : 'ignore',
    });
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string };
    if (e.name === 'ScenarioError') throw new CliError(EXIT.USAGE, e.message ?? String(err), 'shipped scenarios are in firmware/sim/scenarios/; see firmware/sim/README.md');
    if (e.code === 'IN_USE') throw new CliError(EXIT.USAGE, e.message ?? String(err), 'choose another path, or stop the board that owns it (remove the file if nothing does)');
    if (e.code === 'BAD_ARG') throw new CliError(EXIT.USAGE, e.message ?? String(err));
    // SIM_NOT_BUILT says how to build it; a simulator that fails at start may be a stale build.
    const hint = e.code === 'SIM_START' ? 'rebuild it with npm run build:sim (needs a C compiler); with --log-level debug its own output is shown' : undefined;
    throw new CliError(EXIT.NO_BOARD, `could not start the virtual board: ${e.message ?? String(err)}`, hint);
  }
}

/** --scenario picks the built-in virtual board's world; with --port there is none to give it to. */
export function refuseScenarioWithPort(ctx: Ctx, scenario: unknown): void {
  if (ctx.port !== undefined && scenario !== undefined) {
    throw new CliError(EXIT.USAGE, '--scenario and --port exclude each other: a scenario describes the built-in virtual board, and --port selects another board');
  }
}

/** The port to open, or undefined for the built-in virtual board. An empty --port or ESPWIFI_PORT
 *  is a mistake (an unset variable in a script), never a request for the virtual board. */
export function chosenPort(ctx: Ctx): string | undefined {
  if (ctx.port === undefined) return undefined;
  if (ctx.port.trim() === '') {
    throw new CliError(EXIT.USAGE, 'the port is empty (--port "" or ESPWIFI_PORT set to nothing)', 'give a device path, rfc2217://host:port or socket://host:port, or leave both unset for the built-in virtual board');
  }
  return ctx.port;
}

/** ESPWIFI_SIM_SPEED speeds up the built-in virtual board of every command (tests, impatient users). */
function envSpeed(): number | undefined {
  const v = Number(process.env.ESPWIFI_SIM_SPEED);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** The port a command talks to: --port, or a built-in virtual board started for it (the caller
 *  stops `vb`). Says so on stderr unless `announce` is false. */
export async function portOrVirtualBoard(
  ctx: Ctx,
  opts: Pick<SessionOptions, 'scenario' | 'speed' | 'seed' | 'announce'>,
): Promise<{ port: string; vb?: VirtualBoardInstance }> {
  const given = chosenPort(ctx);
  refuseScenarioWithPort(ctx, opts.scenario);
  if (given !== undefined) return { port: given };
  const scenario = opts.scenario ?? 'home';
  const vb = await startVirtualBoard(ctx, { scenario, speed: opts.speed ?? envSpeed(), seed: opts.seed });
  const port = vb.port as string;
  if (opts.announce !== false) {
    const name = typeof scenario === 'string' ? scenario : (scenario.name ?? 'custom');
    ctx.note(`No --port given: using a built-in virtual board (scenario "${name}", ${port}); --port selects a real one.`);
  }
  return { port, vb };
}

/**
 * The one "open, run, close" of every command: the chosen port (or a built-in virtual board),
 * `open` on it, then `fn`; Ctrl-C aborts the signal; whatever was opened is closed and the virtual
 * board stopped on the way out, also after a failure. `what` names the opened thing in debug logs.
 */
export async function withOpened<C extends { close(): Promise<void> }, T>(
  ctx: Ctx,
  opts: Pick<SessionOptions, 'scenario' | 'speed' | 'seed' | 'announce'>,
  what: string,
  open: (port: string, vb: VirtualBoardInstance | undefined) => Promise<C>,
  fn: (opened: C, s: { vb?: VirtualBoardInstance; port: string; signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const interrupts = trapInterrupts();
  let vb: VirtualBoardInstance | undefined;
  let opened: C | undefined;
  try {
    const chosen = await portOrVirtualBoard(ctx, opts);
    vb = chosen.vb;
    opened = await abortable(open(chosen.port, vb), interrupts.signal);
    return await fn(opened, { vb, port: chosen.port, signal: interrupts.signal });
  } finally {
    interrupts.dispose();
    await opened?.close().catch((e: unknown) => ctx.log.debug({ err: e }, `closing the ${what} failed`));
    await vb?.stop().catch((e: unknown) => ctx.log.debug({ err: e }, 'stopping the virtual board failed'));
  }
}

export function withBoard<T>(ctx: Ctx, opts: SessionOptions, fn: (s: Session) => Promise<T>): Promise<T> {
  const open = async (port: string, vb: VirtualBoardInstance | undefined): Promise<Board> => {
    try {
      return await openBoard({
        port,
        baudRate: ctx.baud ?? 115200,
        logger: ctx.log,
        ...(opts.reconnect !== undefined ? { reconnect: opts.reconnect } : {}),
        ...(opts.rules ? { rules: opts.rules } : {}),
        ...(opts.deviceLog === false ? { deviceLog: false } : {}),
      });
    } catch (err) {
      const f = classify(err, { duringOpen: true });
      if (vb) {
        // "Flash the firmware" is no advice for the virtual board: its core is built in.
        throw new CliError(EXIT.INTERNAL, `the virtual board on ${port} did not answer (${f.message})`, 'rebuild it with npm run build:sim; with --log-level debug its own output is shown');
      }
      throw new CliError(f.exitCode, f.message, f.code === 'NO_HELLO' ? await noHelloHint(port, f.hint) : f.hint, { detail: f.code });
    }
  };
  return withOpened(ctx, opts, 'board', open, (board, s) => fn({ board, ...s }));
}

/** A silent USB-Serial-JTAG port usually means the firmware talks on UART0: say so there. */
async function noHelloHint(port: string, fallback: string | undefined): Promise<string | undefined> {
  const { identifyPort, USB_SERIAL_JTAG_NO_HELLO_HINT } = await import('./ports.js');
  return (await identifyPort(port))?.reset === 'usb-jtag' ? USB_SERIAL_JTAG_NO_HELLO_HINT : fallback;
}

/**
 * Brings the station to STA_START the way the seed's init/configure/start phases do, so scan and
 * connect work on a freshly booted board. Says what it did on stderr.
 */
export async function ensureStarted(ctx: Ctx, board: Board): Promise<void> {
  const steps: string[] = [];
  let was = 'Wi-Fi was not started';
  if (board.phase === 'uninit') {
    await board.init();
    steps.push('init');
    await board.setMode('sta');
    steps.push('mode sta');
  } else if ((await board.status()).mode === 'ap') {
    // Left so by `espwifi ap`: no station interface. Starting Wi-Fi in this mode would bring a
    // stopped SoftAP back, and the driver would refuse the scan or connect (WIFI_MODE) anyway.
    if (board.phase !== 'init') {
      throw new CliError(EXIT.COMMAND_FAILED, 'the board runs a SoftAP only (mode ap): it has no station to scan or connect with', 'run the SoftAP beside a station with espwifi ap start <ssid> --with-station, or stop it with espwifi ap stop', { detail: 'WIFI_MODE' });
    }
    await board.setMode('sta');
    steps.push('mode sta');
    was = 'the board was in SoftAP mode with the SoftAP stopped';
  }
  if (board.phase === 'init') {
    await board.start();
    steps.push('start');
  }
  if (steps.length > 0) ctx.note(`${was}; ran ${steps.join(' → ')}.`);
}
