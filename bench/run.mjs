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
import { cpus, freemem, totalmem } from 'node:os';
import { staleDistWarning } from './lib/env.mjs';
import { markdownTable, textTable } from './lib/format.mjs';
import { Skip, failed, skipped } from './lib/result.mjs';
import { nowMs } from './lib/stats.mjs';
import * as cli from './metrics/cli.mjs';
import * as decode from './metrics/decode.mjs';
import * as footprint from './metrics/footprint.mjs';
import * as roundtrip from './metrics/roundtrip.mjs';
import * as scale from './metrics/scale.mjs';
import * as scan from './metrics/scan.mjs';
import * as wire from './metrics/wire.mjs';

const METRICS = { roundtrip, decode, wire, scan, scale, footprint, cli };

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
      const bad = o.only.filter((m) => !(m in METRICS));
      if (!o.only.length || bad.length) throw new Error(`--only takes names from: ${Object.keys(METRICS).join(', ')}`);
    } else if (a === '-h' || a === '--help') {
      console.log(`usage: node bench/run.mjs [--quick] [--json FILE] [--md FILE] [--only ${Object.keys(METRICS).join(',')}]`);
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
  console.log(`machine: ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, node ${m.node}, ${m.platform}`);
  const stale = staleDistWarning();
  if (stale) console.log(`warning: ${stale}`);

  const rows = [];
  const timings = {};
  for (const [key, mod] of Object.entries(METRICS)) {
    if (opts.only && !opts.only.includes(key)) continue;
    const t0 = nowMs();
    process.stdout.write(`… ${mod.name}\n`);
    try {
      rows.push(...(await mod.run({ quick: opts.quick })));
    } catch (e) {
      rows.push(e instanceof Skip ? skipped(mod.name, e.message) : failed(mod.name, e));
      if (!(e instanceof Skip) && process.env.BENCH_DEBUG) console.error(e);
    }
    timings[key] = Math.round(nowMs() - t0);
  }

  console.log('');
  console.log(textTable(rows));
  console.log(`\ntime per metric: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  const bugs = rows.filter((r) => r.status === 'error' && r.bug);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify({ started, quick: opts.quick, machine: m, warning: stale, timingsMs: timings, rows }, null, 2)}\n`);
    console.log(`\nwrote ${opts.json}`);
  }
  if (opts.md) {
    const notes = rows.filter((r) => r.note).map((r) => `- **${r.metric}**: ${r.note}`);
    writeFileSync(opts.md, [`Run ${started}${opts.quick ? ' (--quick)' : ''} on ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, node ${m.node}, ${m.platform}.`,
      ...(stale ? ['', `Warning: ${stale}`] : []), '', markdownTable(rows), '', ...notes, ''].join('\n'));
    console.log(`wrote ${opts.md}`);
  }
  if (bugs.length) {
    console.error(`\nbench: ${bugs.length} metric(s) failed inside the bench scripts: ${bugs.map((b) => b.metric).join(', ')}`);
  }
  process.exitCode = bugs.length ? 1 : 0;
}

await main();
