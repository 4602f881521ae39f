// Runs the real CLI binary (node bin/espwifi.js) as a user would, after making sure dist/ is built
// from the current sources (tsc under a lock, so parallel test files don't build twice).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect } from 'vitest';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/espwifi.js');
const MAIN_JS = path.join(ROOT, 'dist/host/src/cli/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function built(): boolean {
  try {
    return statSync(MAIN_JS).mtimeMs >= newestSource(path.join(ROOT, 'host/src'));
  } catch {
    return false;
  }
}

export async function ensureBuilt(): Promise<void> {
  if (built()) return;
  const lock = path.join(ROOT, 'dist/.cli-test-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (built()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!built()) {
      // tsc emits even when another part of the tree has type errors; the CLI's own files are
      // checked by the build:ts script, not here.
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /** A tag put into the environment so test code can find processes the CLI left behind. */
  tag?: string;
}

/** Environment without the developer's ESPWIFI_* settings (a real ESPWIFI_PORT would be used!). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ESPWIFI_') && k !== 'FORCE_COLOR') env[k] = v;
  env.NO_COLOR = '1';
  // Built-in virtual boards run 4x faster than real time in tests (timing only; same behaviour).
  env.ESPWIFI_SIM_SPEED = '4';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: cleanEnv({ ...opts.env, ...(opts.tag ? { ESPWIFI_TEST_TAG: opts.tag } : {}) }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`espwifi ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 60_000} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** A long-running CLI (sim, monitor): read its output as it comes, stop it with a signal. */
export interface LiveCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  waitFor(re: RegExp, ms?: number, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
  stop(signal?: NodeJS.Signals, ms?: number): Promise<RunResult>;
}

export function startCli(args: string[], opts: RunOptions = {}): LiveCli {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv({ ...opts.env, ...(opts.tag ? { ESPWIFI_TEST_TAG: opts.tag } : {}) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: async (re, ms = 20_000, stream = 'stdout') => {
      const end = Date.now() + ms;
      for (;;) {
        const m = (stream === 'stdout' ? out : err).match(re);
        if (m) return m;
        if (Date.now() > end || child.exitCode !== null) {
          // A failed wait ends the test: the process (and the board it serves) must not outlive it.
          if (child.exitCode === null) child.kill('SIGTERM');
          throw new Error(`no ${re} on ${stream} within ${ms} ms (exit ${child.exitCode})\nstdout:\n${out}\nstderr:\n${err}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async (signal = 'SIGINT', ms = 10_000) => {
      if (child.exitCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await closed;
      clearTimeout(timer);
      return { code, stdout: out, stderr: err, ms: Date.now() - started };
    },
  };
}

/** `espwifi --json sim --link <dir>/<name> ...` carrying the tag, and the port it announced. */
export async function startSim(suite: { tag: string; tmp: string }, name: string, args: string[] = []): Promise<{ sim: LiveCli; port: string }> {
  const sim = startCli(['--json', 'sim', '--link', path.join(suite.tmp, name), ...args], { tag: suite.tag });
  const m = await sim.waitFor(/^\{.*\}\n/);
  return { sim, port: (JSON.parse(m[0]) as { port: string }).port };
}

/** One request on the virtual board's JSON control socket (`espwifi sim --control`), its reply. */
export function controlLine(socketPath: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const sock = connect(socketPath, () => sock.write(`${JSON.stringify(request)}\n`));
    let got = '';
    sock.on('data', (d: Buffer) => {
      got += d.toString();
      const nl = got.indexOf('\n');
      if (nl < 0) return;
      sock.end();
      resolve(JSON.parse(got.slice(0, nl)) as Record<string, unknown>);
    });
    sock.on('error', reject);
  });
}

export const newTag = () => `cli-test-${randomUUID()}`;

/** PIDs of live processes whose environment carries the tag (what a CLI run left behind), read
 *  from /proc; `command` narrows them to those whose command line contains it. */
export function processesWithTag(tag: string, command?: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (!env.includes(`ESPWIFI_TEST_TAG=${tag}\0`)) continue;
      if (command && !readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(command)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      if (!/\) Z /.test(stat)) found.push(Number(name)); // zombies are gone already
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return found;
}

/** The virtual-board processes carrying our tag. */
export const simProcessesWithTag = (tag: string): number[] => processesWithTag(tag, 'espwifi-sim');

/** The tagged processes still alive once they had time to exit. `ms` bounds the wait for one
 *  that never exits; it is generous because a loaded machine may take seconds to reap a board. */
export async function settle(tag: string, ms = 15_000): Promise<number[]> {
  const end = Date.now() + ms;
  let left = processesWithTag(tag);
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesWithTag(tag);
  }
  return left;
}

/** An ESP-IDF build directory (root/build) with a flasher_args.json and two tiny images: enough
 *  for `espwifi flash` to get past loading its plan. Returns root. */
export function writeFakeBuild(root: string): string {
  const b = path.join(root, 'build');
  mkdirSync(path.join(b, 'bootloader'), { recursive: true });
  writeFileSync(path.join(b, 'bootloader/bootloader.bin'), Buffer.alloc(32, 0xe9));
  writeFileSync(path.join(b, 'app.bin'), Buffer.alloc(32, 0xe9));
  writeFileSync(
    path.join(b, 'flasher_args.json'),
    JSON.stringify({
      flash_settings: { flash_mode: 'dio', flash_size: '4MB', flash_freq: '80m' },
      flash_files: { '0x0': 'bootloader/bootloader.bin', '0x10000': 'app.bin' },
      extra_esptool_args: { before: 'default-reset', after: 'hard-reset', chip: 'esp32c3', stub: true },
    }),
  );
  return root;
}

/**
 * The set-up every CLI test file shares: the binary built first, a scratch directory, and at the
 * end no process left behind carrying the file's tag. Call at the top level of a test file.
 */
export function cliSuite(prefix: string): { tag: string; tmp: string } {
  const tag = newTag();
  const tmp = mkdtempSync(path.join(tmpdir(), prefix));
  beforeAll(async () => {
    await ensureBuilt();
  }, 120_000);
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    expect(await settle(tag)).toEqual([]);
  });
  return { tag, tmp };
}
