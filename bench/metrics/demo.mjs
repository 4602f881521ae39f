// `npm start` (`espwifi demo`): the process's wall time vs the demo's own timeline (the `t` of
// its last --json record: the story paced at its virtual-time speed). The ratio is what start-up
// and tear-down add; the goal is the test suite's old bound, "well under a minute" (the README
// says about 15 s). A speed goal lives here, not in test/cli/demo.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, requireSim } from '../lib/env.mjs';
import { Skip, row } from '../lib/result.mjs';
import { nowMs } from '../lib/stats.mjs';

export const name = 'demo (npm start)';

export async function run({ quick }) {
  const bin = join(ROOT, 'bin', 'espwifi.js');
  if (!existsSync(bin)) throw new Skip('bin/espwifi.js not present');
  requireSim();
  // --quick: the same story at ×20 virtual time, to keep the script working in seconds.
  const args = [bin, '--json', 'demo', ...(quick ? ['--speed', '20'] : [])];
  const t0 = nowMs();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  const ms = nowMs() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`\`espwifi demo\` exited ${r.status}: ${r.stderr.toString().trim().split('\n')[0]}`);
  const last = r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l)).at(-1);
  if (typeof last?.t !== 'number') throw new Error('`espwifi --json demo` printed no timed record');
  return [row({
    metric: `demo wall time${quick ? ' (×20)' : ''}`,
    value: ms,
    unit: 'ms',
    baseline: last.t * 1000,
    baselineWhat: "the demo's own timeline",
    ...(quick ? {} : { goal: { on: 'value', op: '<', limit: 60_000, unit: 'ms' } }),
    note: `one run of \`espwifi ${args.slice(1).join(' ')}\`; the baseline is the last record's t, so the ratio is what process start-up and tear-down add`,
  })];
}
