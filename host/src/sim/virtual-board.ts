// VirtualBoard: starts firmware/sim's espwifi-sim (the real firmware core + a simulated Wi-Fi
// driver on a pseudo-terminal) and drives its control channel (firmware/sim/README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseReply, type ControlReply, type ControlValue } from './control-line.js';
import { actionLine, loadScenario, scenarioLines, type Scenario } from './scenario.js';
import type { ControlAction, ControlArgName } from './control.gen.js';

export type { Scenario } from './scenario.js';

export interface VirtualBoardOptions {
  /** shipped scenario name (firmware/sim/scenarios), a path to a JSON file, or an object */
  scenario?: string | Scenario;
  /** virtual-time factor: radio timings and UART pacing run this much faster (default 1) */
  speed?: number;
  /** seeds every random choice (RSSI jitter, noise, panic registers): same seed, same run */
  seed?: number;
  /** UART baud rate used for pacing (default 115200) */
  baud?: number;
  /** pace output at baud/10 bytes per second (default true) */
  pacing?: boolean;
  /** ANSI colours in ESP_LOG lines, as CONFIG_LOG_COLORS does (default true) */
  color?: boolean;
  /** the firmware core's ESP_LOG level, as CONFIG_LOG_DEFAULT_LEVEL (default 'info') */
  logLevel?: 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose';
  /** also expose the pty under this path (a symlink, removed on exit) */
  link?: string;
  /** serve the JSON-lines control channel on this Unix socket path */
  controlSocket?: string;
  /** simulator binary; default: $ESPWIFI_SIM_BIN or firmware/sim/build/espwifi-sim */
  binary?: string;
  /** where the simulator's stderr goes (default 'inherit') */
  stderr?: 'inherit' | 'ignore' | 'pipe';
  /** shared radio world: a directory given to several boards, so one board's SoftAP is an AP
   *  the others scan and join (see RadioWorld, firmware/sim/README.md "Shared radio world") */
  world?: string;
  /** 'app': a product app instead of our bridge firmware — no frames, only ESP-IDF logs with the
   *  app printing its events; it connects to the scenario's first AP by itself (default 'bridge') */
  firmware?: 'bridge' | 'app';
  /** station MAC (overrides the scenario's); boards of one world need different MACs */
  mac?: string;
}

/** An AP by SSID or BSSID ("aa:bb:cc:dd:ee:ff"), or explicitly. */
export type ApSelector = string | Buffer | { ssid?: string | Buffer; bssid?: string };

export type SimDiag = Record<string, string | number>;

export class VirtualBoardError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'VirtualBoardError';
  }
}

const MAC_RE = /^[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}$/i;

/** Makes `path` free for our control socket: nothing there, or a socket nobody answers on (left
 *  by a board that died) which is removed. A live board's socket, or anything that is not a
 *  socket, is refused: never take over or delete what another board or the user owns. */
async function claimSocketPath(path: string): Promise<void> {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return; // nothing there
  }
  if (!st.isSocket()) throw new VirtualBoardError('IN_USE', `control socket ${path} exists and is not a socket: refusing to replace it`);
  const live = await new Promise<boolean>((resolve) => {
    const c = createConnection(path);
    c.once('connect', () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
  if (live) throw new VirtualBoardError('IN_USE', `control socket ${path} is served by another running board: refusing to take it over`);
  unlinkSync(path);
}

/** Finds the simulator binary from this module's location (host/src/sim or dist/host/src/sim). */
export function simBinaryPath(): string {
  const env = process.env.ESPWIFI_SIM_BIN;
  if (env) return env;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const cand = join(dir, 'firmware', 'sim', 'build', 'espwifi-sim');
    if (existsSync(cand)) return cand;
    if (existsSync(join(dir, 'firmware', 'sim', 'Makefile'))) return cand; // package root, not built
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'firmware', 'sim', 'build', 'espwifi-sim');
}

function selector(ap: ApSelector): Record<string, ControlValue> {
  if (Buffer.isBuffer(ap)) return { ssid: ap };
  if (typeof ap === 'string') return MAC_RE.test(ap) ? { bssid: ap } : { ssid: ap };
  const out: Record<string, ControlValue> = {};
  if (ap.ssid !== undefined) out.ssid = ap.ssid;
  if (ap.bssid !== undefined) out.bssid = ap.bssid;
  if (!Object.keys(out).length) throw new TypeError('AP selector needs ssid or bssid');
  return out;
}

function toDiag(fields: Record<string, string>): SimDiag {
  const d: SimDiag = {};
  for (const [k, v] of Object.entries(fields)) d[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return d;
}

export class VirtualBoard extends EventEmitter {
  /** the pseudo-terminal: open it like a serial port */
  readonly port: string;
  readonly scenario: Scenario;
  private child: ChildProcess;
  private pending: { resolve: (r: ControlReply) => void; reject: (e: Error) => void }[] = [];
  private exited = false;
  private exitPromise: Promise<void>;
  private server?: Server;
  private socketPath?: string;
  private chain: Promise<unknown> = Promise.resolve();
  private errText = '';
  /** exit code (null after a signal) once the simulator has exited */
  exitCode: number | null | undefined;
  /** A `quit` went through the control channel: the exit that follows was asked for. */
  quitRequested = false;

  private constructor(child: ChildProcess, port: string, scenario: Scenario, lines: AsyncIterator<string>) {
    super();
    this.child = child;
    this.port = port;
    this.scenario = scenario;
    this.exitPromise = new Promise((res) => child.once('exit', () => res()));
    child.stderr?.on('data', (d: Buffer) => {
      if (this.errText.length < 1 << 20) this.errText += d.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      this.exited = true;
      this.exitCode = code;
      const err = new VirtualBoardError('SIM_EXITED', `virtual board exited (${signal ?? `code ${code}`})`);
      for (const p of this.pending.splice(0)) p.reject(err);
      this.emit('exit', code, signal);
    });
    void (async () => {
      for (;;) {
        const r = await lines.next().catch(() => ({ done: true, value: undefined }));
        if (r.done) return;
        const p = this.pending.shift();
        if (p) p.resolve(parseReply(r.value as string));
      }
    })();
  }

  static async start(opts: VirtualBoardOptions = {}): Promise<VirtualBoard> {
    const scenario = loadScenario(opts.scenario ?? 'home');
    // Said here by name: the simulator would only exit, and a socket's listen() gives EACCES.
    for (const [what, p] of [['link', opts.link], ['control socket', opts.controlSocket]] as const) {
      if (p && !existsSync(dirname(p))) throw new VirtualBoardError('BAD_ARG', `${what} ${p}: its directory ${dirname(p)} does not exist`);
    }
    if (opts.controlSocket) await claimSocketPath(opts.controlSocket);
    const bin = opts.binary ?? simBinaryPath();
    if (!existsSync(bin))
      throw new VirtualBoardError('SIM_NOT_BUILT', `virtual board binary not found at ${bin}: run \`npm run build:sim\` (needs a C compiler)`);
    const args: string[] = [];
    if (opts.speed !== undefined) {
      if (!(opts.speed > 0)) throw new TypeError('speed must be > 0');
      args.push('--speed', String(opts.speed));
    }
    if (opts.seed !== undefined) args.push('--seed', String(opts.seed));
    if (opts.baud !== undefined) args.push('--baud', String(opts.baud));
    if (opts.pacing === false) args.push('--no-pacing');
    if (opts.color === false) args.push('--no-color');
    if (opts.logLevel) args.push('--log-level', opts.logLevel);
    if (opts.link) args.push('--link', opts.link);
    if (opts.world) args.push('--world', opts.world);
    if (opts.firmware === 'app') args.push('--firmware', 'app');
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', opts.stderr ?? 'inherit'] });
    const rl = createInterface({ input: child.stdout! });
    const it = rl[Symbol.asyncIterator]();
    const first = await Promise.race([
      it.next(),
      new Promise<never>((_, rej) => child.once('error', (e) => rej(new VirtualBoardError('SIM_START', `cannot start ${bin}: ${e.message}`)))),
      new Promise<never>((_, rej) => child.once('exit', (c) => rej(new VirtualBoardError('SIM_START', `virtual board exited at start (code ${c})`)))),
    ]);
    if (!first.done && first.value.startsWith('err ')) {
      // the simulator refused to start (e.g. IN_USE: --link belongs to another board)
      const r = parseReply(first.value);
      throw new VirtualBoardError(r.error ?? 'SIM_START', r.fields.why ?? first.value);
    }
    if (first.done) throw new VirtualBoardError('SIM_START', 'the simulator ended its output before printing its port');
    if (!first.value.startsWith('/')) throw new VirtualBoardError('SIM_START', `unexpected first line from the simulator: ${first.value}`);
    const vb = new VirtualBoard(child, first.value.trim(), scenario, it);
    try {
      for (const line of scenarioLines(scenario)) await vb.control(line);
      if (opts.mac) await vb.action('mac', { mac: opts.mac });
      await vb.control('power_on');
      if (opts.controlSocket) await vb.serveControlSocket(opts.controlSocket);
    } catch (e) {
      await vb.stop();
      throw e;
    }
    return vb;
  }

  /** Sends one raw control line; resolves with the reply fields, rejects on `err`. */
  control(line: string): Promise<Record<string, string>> {
    const run = async () => {
      const r = await this.controlRaw(line);
      if (!r.ok) throw new VirtualBoardError(r.error ?? 'UNKNOWN', `${line.split(' ')[0]}: ${r.fields.why ?? r.error}`);
      return r.fields;
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private controlRaw(line: string): Promise<ControlReply> {
    if (/^quit(\s|$)/.test(line)) this.quitRequested = true;
    if (this.exited) return Promise.reject(new VirtualBoardError('SIM_EXITED', 'virtual board has exited'));
    if (/[\r\n]/.test(line)) return Promise.reject(new TypeError('control line must not contain CR/LF'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin!.write(`${line}\n`);
    });
  }

  /** One control action (firmware/sim/control.json); the argument names are checked at compile time. */
  action<A extends ControlAction>(action: A, args: { [K in ControlArgName<A>]?: ControlValue } = {}): Promise<Record<string, string>> {
    return this.control(actionLine(action, args));
  }

  async apOff(ap: ApSelector): Promise<void> { await this.action('ap_off', selector(ap)); }
  async apOn(ap: ApSelector): Promise<void> { await this.action('ap_on', selector(ap)); }
  async setRssi(ap: ApSelector, rssi: number): Promise<void> { await this.action('rssi', { ...selector(ap), rssi }); }
  async setPassword(ap: ApSelector, password: string | Buffer): Promise<void> { await this.action('password', { ...selector(ap), pass: password }); }
  /** The AP deauthenticates the station with this reason code. */
  async deauth(reason = 2): Promise<void> { await this.action('deauth', { reason }); }
  /** The DHCP server hands out a new address; GOT_IP with changed=1 follows when the station has an IP. */
  async dhcpChange(ip: string, mask?: string, gw?: string): Promise<{ applied: boolean }> {
    const f = await this.action('dhcp_change', { ip, mask, gw });
    return { applied: f.applied === '1' };
  }
  /** Resets the board (ROM banner, bootloader, hello with this reason); resolves after the hello. */
  async reset(reason = 'poweron'): Promise<void> { await this.action('reset', { reason }); }
  /** Guru Meditation dump, then a reboot with reset=panic; resolves after the hello. */
  async panic(): Promise<void> { await this.action('panic'); }
  async noise(bytes = 64): Promise<void> { await this.action('noise', { bytes }); }
  async dropBytes(n: number): Promise<void> { await this.action('drop', { bytes: n }); }
  async corruptBytes(n: number): Promise<void> { await this.action('corrupt', { bytes: n }); }
  async setSpeed(x: number): Promise<void> { await this.action('speed', { x }); }
  /** Virtual time; `advanceMs` jumps the clock (timers due meanwhile fire in order). */
  async time(advanceMs?: number): Promise<{ vnowMs: number; uptimeMs: number }> {
    const f = await this.action('time', { advance: advanceMs });
    return { vnowMs: Number(f.vnow_ms), uptimeMs: Number(f.uptime_ms) };
  }
  async diag(): Promise<SimDiag> { return toDiag(await this.action('diag')); }

  private async serveControlSocket(path: string): Promise<void> {
    this.socketPath = path;
    // allowHalfOpen: a client may send its requests and shut down its side (`echo ... | socat`);
    // the replies still go out, then we close.
    this.server = createServer({ allowHalfOpen: true }, (sock: Socket) => {
      const rl = createInterface({ input: sock });
      let pending = 0;
      let inputDone = false;
      rl.on('line', (l) => {
        pending++;
        void this.handleJsonLine(l).then((out) => {
          if (!sock.destroyed) sock.write(`${JSON.stringify(out)}\n`);
          if (--pending === 0 && inputDone) sock.end();
        });
      });
      rl.on('close', () => {
        inputDone = true;
        if (pending === 0) sock.end();
      });
      sock.on('error', () => undefined);
    });
    await new Promise<void>((res, rej) => {
      this.server!.once('error', rej);
      this.server!.listen(path, () => res());
    });
  }

  private async handleJsonLine(l: string): Promise<Record<string, unknown>> {
    let req: Record<string, unknown>;
    try {
      req = JSON.parse(l);
    } catch {
      return { ok: false, error: 'BAD_JSON', why: 'each line must be one JSON object' };
    }
    if (!req || typeof req !== 'object' || typeof req.action !== 'string')
      return { ok: false, error: 'MISSING_ARG', why: 'action is required' };
    const { action, ...args } = req as { action: string } & Record<string, ControlValue>;
    try {
      const line = actionLine(action, args);
      const r = await new Promise<ControlReply>((resolve, reject) => {
        const run = () => this.controlRaw(line).then(resolve, reject);
        this.chain = this.chain.then(run, run);
      });
      return r.ok ? { ok: true, ...toDiag(r.fields) } : { ok: false, error: r.error, why: r.fields.why };
    } catch (e) {
      return { ok: false, error: (e as { code?: string }).code ?? 'BAD_ARG', why: (e as Error).message };
    }
  }

  /** What the simulator wrote on stderr (with `stderr: 'pipe'`). */
  get stderr(): string {
    return this.errText;
  }

  /** Stops the simulator (it also exits by itself when this process dies). */
  async stop(): Promise<void> {
    if (this.server) {
      await new Promise<void>((res) => this.server!.close(() => res()));
      this.server = undefined;
      if (this.socketPath && existsSync(this.socketPath)) unlinkSync(this.socketPath);
    }
    if (this.exited) return;
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await this.exitPromise;
    clearTimeout(timer);
  }
}
