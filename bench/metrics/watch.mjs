// `watch` of many boards from one process: N virtual boards running a product app (foreign
// firmware: ESP-IDF logs only), each watched passively by its own Watcher in this process. Every
// board is power-cycled while watched; the metric is the time from the resets to the moment every
// watcher has seen its board's first connection end to end (boot → ... → got IP), against one
// board alone measured in the same run — plus the lines decoded and this process's CPU per line.
import { loadDist, requireSim } from '../lib/env.mjs';
import { row } from '../lib/result.mjs';
import { nowMs } from '../lib/stats.mjs';

export const name = 'watch many boards';

async function run1(lib, n) {
  const boards = await Promise.all(Array.from({ length: n }, (_, i) =>
    lib.VirtualBoard.start({ scenario: 'home', speed: 1, seed: i + 1, color: true, stderr: 'ignore', firmware: 'app' })));
  const watchers = [];
  try {
    let lines = 0;
    const gotIp = boards.map(() => {
      let resolve;
      const p = new Promise((r) => (resolve = r));
      return { p, resolve };
    });
    for (const [i, vb] of boards.entries()) {
      watchers.push(await lib.Watcher.open({
        port: vb.port,
        onLine: (l) => {
          lines++;
          if (l.observations.some((o) => o.kind === 'got-ip')) gotIp[i].resolve();
        },
      }));
    }
    const cpu0 = process.cpuUsage();
    const t0 = nowMs();
    await Promise.all(boards.map((vb) => vb.reset('poweron')));
    await Promise.race([
      Promise.all(gotIp.map((g) => g.p)),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`not every watcher saw its board get an IP within 60 s (${n} boards)`)), 60_000)),
    ]);
    const ms = nowMs() - t0;
    const cpu = process.cpuUsage(cpu0);
    const reports = await Promise.all(watchers.map((w) => w.close()));
    const episodes = reports.reduce((a, r) => a + r.summary.episodes, 0);
    return { ms, lines, cpuMs: (cpu.user + cpu.system) / 1000, episodes };
  } finally {
    await Promise.all(watchers.map((w) => w.close().catch(() => {})));
    await Promise.all(boards.map((vb) => vb.stop().catch(() => {})));
  }
}

export async function run({ quick }) {
  requireSim();
  const { VirtualBoard } = await loadDist('sim/virtual-board');
  const { Watcher } = await loadDist('diagnostics/watch');
  const lib = { VirtualBoard, Watcher };
  const n = quick ? 4 : 64;
  const one = await run1(lib, 1);
  const many = await run1(lib, n);
  const rss = process.memoryUsage().rss / 2 ** 20;
  return [
    row({ metric: `watch ${n} boards: all connected, seen from one process`, value: many.ms, unit: 'ms', baseline: one.ms, baselineWhat: '1 board, same run', goal: { on: 'ratio', op: '<=', limit: 2 }, note: `reset → every watcher saw boot, connect and got IP; ${many.episodes} episodes, ${many.lines} lines decoded` }),
    row({ metric: `watch ${n} boards: this process's CPU per line`, value: (many.cpuMs * 1000) / Math.max(1, many.lines), unit: 'µs', note: `${many.cpuMs.toFixed(0)} ms CPU for ${many.lines} lines; RSS ${rss.toFixed(0)} MiB after the run` }),
  ];
}
