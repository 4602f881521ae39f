// Builds (once per source version, in the OS temp dir: nothing lands in the repo) and starts the
// raw pty echo peer used as the round-trip baseline.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './env.mjs';
import { Skip } from './result.mjs';

const SRC = join(ROOT, 'bench', 'echo-peer.c');

function build() {
  const hash = createHash('sha256').update(readFileSync(SRC)).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'espwifi-bench');
  const bin = join(dir, `echo-peer-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync(process.env.CC ?? 'cc', ['-O2', '-o', bin, SRC], { stdio: 'pipe' });
  } catch (e) {
    throw new Skip(`cannot compile bench/echo-peer.c (${(e.stderr?.toString() || e.message).split('\n')[0]}) — needs a C compiler`);
  }
  return bin;
}

/** Starts an echo peer; resolves with { port, stop() }. */
export async function startEchoPeer() {
  const bin = build();
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    rl.once('line', resolve);
    child.once('error', reject);
    child.once('exit', (c) => reject(new Error(`echo peer exited (code ${c})`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  return {
    port,
    async stop() {
      child.stdin.end();
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(t);
    },
  };
}
