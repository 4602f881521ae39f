// CLI start: `node bin/espwifi.js --help` wall time vs `node -e 0` (Node's own start), medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/env.mjs';
import { Skip, row } from '../lib/result.mjs';
import { median, nowMs } from '../lib/stats.mjs';

export const name = 'cli start';

function wall(args) {
  const t0 = nowMs();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', timeout: 30_000 });
  const ms = nowMs() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, out: r.stdout.toString() + r.stderr.toString() };
}

export async function run({ quick }) {
  const bin = join(ROOT, 'bin', 'espwifi.js');
  if (!existsSync(bin)) throw new Skip('bin/espwifi.js not present');
  const probe = wall([bin, '--help']);
  if (probe.status !== 0) throw new Skip(`\`espwifi --help\` exits ${probe.status}: ${probe.out.trim().split('\n')[0].slice(0, 120)}`);
  const n = quick ? 3 : 11;
  const cli = [];
  const base = [];
  for (let i = 0; i < n; i++) {
    cli.push(wall([bin, '--help']).ms);
    base.push(wall(['-e', '0']).ms);
  }
  return [row({
    metric: 'CLI start (--help)',
    value: median(cli),
    unit: 'ms',
    baseline: median(base),
    baselineWhat: 'node -e 0',
    note: `median of ${n} alternating runs; no goal set in the issue (informational)`,
  })];
}
