#!/usr/bin/env node
// espwifi benchmarks against the physical limits (issue 7). Each metric prints the measured
// value, a baseline measured in the same run, their ratio, the goal and pass/fail.
//
//   node bench/run.mjs [--quick] [--json FILE] [--md FILE] [--only name,name]
//
// --quick: a few seconds, tiny sizes, for CI to keep the scripts working. Exit status: 0 unless a
// metric hit a bug in the bench scripts themselves (1) or bad arguments (2); missed goals and
// missing prerequisites never fail a run (they are reported).
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { staleDistWarning } from './lib/env.mjs';
import { markdownTable, textTable } from './lib/format.mjs';
import { Skip, failed, skipped } from './lib/result.mjs';
import { nowMs } from './lib/stats.mjs';

// Loaded one by one when run, so a metric whose dependencies are broken cannot stop the others.
// decode runs after scale: its 7 MB working set would otherwise hide the boards' memory in RSS.
const METRICS = ['roundtrip', 'wire', 'scan', 'scale', 'decode', 'diagnose', 'watch', 'footprint', 'cli', 'demo'];
// A metric that hangs (a reply that never comes) must not hang CI: it becomes an error row.
const LIMIT_S = { quick: 60, full: 600 };

function parseArgs(argv) {
  const o = { quick: false, json: undefined, md: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--json') {
      o.json = argv[++i];
      if (!o.json) throw new Error('--json needs a file name');
    } else if (a.startsWith('--json=')) o.json = a.slice(7);
    else if (a === '--md') {
      o.md = argv[++i];
      if (!o.md) throw new Error('--md needs a file name');
    } else if (a === '--only') {
      o.only = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = o.only.filter((m) => !METRICS.includes(m));
      if (!o.only.length || bad.length) throw new Error(`--only takes names from: ${METRICS.join(', ')}`);
    } else if (a === '-h' || a === '--help') {
      console.log(`usage: node bench/run.mjs [--quick] [--json FILE] [--md FILE] [--only ${METRICS.join(',')}]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

export function machine() {
  const c = cpus();
  return {
    nproc: c.length,
    cpu: c[0]?.model?.trim() ?? 'unknown',
    memGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine shows up in every latency: record how busy it was.
    loadavg1: +loadavg()[0].toFixed(2),
  };
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  const m = machine();
  const started = new Date().toISOString();
  console.log(`espwifi bench ${opts.quick ? '(quick smoke: ratios not judged) ' : ''}— ${started}`);
  console.log(`machine: ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, node ${m.node}, ${m.platform}, load average ${m.loadavg1}`);
  const stale = staleDistWarning();
  if (stale) console.log(`warning: ${stale}`);

  const rows = [];
  const timings = {};
  for (const key of METRICS) {
    if (opts.only && !opts.only.includes(key)) continue;
    const t0 = nowMs();
    let label = key;
    let timer;
    try {
      const mod = await import(`./metrics/${key}.mjs`);
      label = mod.name;
      process.stdout.write(`… ${label}\n`);
      const limit = opts.quick ? LIMIT_S.quick : LIMIT_S.full;
      const timeout = new Promise((_, rej) => {
        timer = setTimeout(() => rej(new Error(`no result within ${limit} s`)), limit * 1000);
      });
      rows.push(...(await Promise.race([mod.run({ quick: opts.quick }), timeout])));
    } catch (e) {
      rows.push(e instanceof Skip ? skipped(label, e.message) : failed(label, e));
      if (!(e instanceof Skip) && process.env.BENCH_DEBUG) console.error(e);
    } finally {
      clearTimeout(timer);
    }
    timings[key] = Math.round(nowMs() - t0);
  }

  // A quick run's sizes are too small for its ratios to mean anything (a 1 MB log ends before
  // V8's heap settles, say): it shows what was measured but passes no verdict on the goals.
  if (opts.quick) for (const r of rows) if (r.status === 'measured' && r.goal) r.notJudged = true;
  console.log('');
  console.log(textTable(rows));
  console.log(`\ntime per metric: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  const loadEnd = +loadavg()[0].toFixed(2);
  console.log(`load average at the end: ${loadEnd}`);
  const bugs = rows.filter((r) => r.status === 'error' && r.bug);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify({ started, quick: opts.quick, machine: m, loadavgEnd: loadEnd, warning: stale, timingsMs: timings, rows }, null, 2)}\n`);
    console.log(`\nwrote ${opts.json}`);
  }
  if (opts.md) {
    const notes = rows.filter((r) => r.note).map((r) => `- **${r.metric}**: ${r.note}`);
    writeFileSync(opts.md, [`Run ${started}${opts.quick ? ' (--quick)' : ''} on ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, node ${m.node}, ${m.platform}; load average ${m.loadavg1} at start, ${loadEnd} at end.`,
      ...(stale ? ['', `Warning: ${stale}`] : []), '', markdownTable(rows), '', ...notes, ''].join('\n'));
    console.log(`wrote ${opts.md}`);
  }
  if (bugs.length) {
    console.error(`\nbench: ${bugs.length} metric(s) failed inside the bench scripts: ${bugs.map((b) => b.metric).join(', ')}`);
  }
  const status = bugs.length ? 1 : 0;
  // A timed-out metric may leave handles behind; the run is over either way.
  process.exit(status);
}

// Library failures that escape a metric (an 'error' event nobody awaited) are reported, not fatal.
for (const ev of ['unhandledRejection', 'uncaughtException']) {
  process.on(ev, (e) => console.error(`bench: ${ev} (continuing): ${e?.stack ?? e}`));
}

await main();
