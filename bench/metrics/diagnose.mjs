// `diagnose` on a large synthetic log (1 GB full, 8 MB quick): throughput against a bare line
// split of the same file measured in the same run (node:readline, and our own LineSplitter alone),
// and peak memory for two sizes in separate processes — flat means the file is streamed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, loadDist } from '../lib/env.mjs';
import { row } from '../lib/result.mjs';
import { writeSyntheticLog } from '../lib/synthetic-log.mjs';

export const name = 'diagnose throughput';

// One pass in a fresh process: prints {ms, maxRssKiB, lines}. mode: diagnose | readline | split.
const CHILD = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
const [mode, file, dist] = process.argv.slice(1);
const t0 = performance.now();
let lines = 0;
if (mode === 'readline') {
  for await (const _ of createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) lines++;
} else if (mode === 'split') {
  const { LineSplitter } = await import(dist + '/diagnostics/lines.js');
  const s = new LineSplitter(() => lines++);
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) s.push(c);
  s.end();
} else {
  const { diagnoseStream } = await import(dist + '/diagnostics/diagnose.js');
  const r = await diagnoseStream(createReadStream(file, { highWaterMark: 1 << 20 }), { onEpisode: () => {} });
  lines = r.summary.lines;
  if (r.summary.episodes === 0) throw new Error('no episodes found');
}
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS, lines }));
`;

function pass(mode, file) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, mode, file, pathToFileURL(DIST).href], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} pass failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

export async function run({ quick }) {
  await loadDist('diagnostics/diagnose');
  const dir = mkdtempSync(join(tmpdir(), 'espwifi-bench-diagnose-'));
  try {
    const big = quick ? 8e6 : 1e9;
    const small = big / 8;
    const bigFile = join(dir, 'big.log');
    const smallFile = join(dir, 'small.log');
    const { bytes, lines } = await writeSyntheticLog(bigFile, big);
    await writeSyntheticLog(smallFile, small);
    pass('readline', bigFile); // warm the page cache for both
    const reps = quick ? 1 : 3;
    const ours = [];
    const rl = [];
    const split = [];
    for (let i = 0; i < reps; i++) {
      ours.push(pass('diagnose', bigFile));
      rl.push(pass('readline', bigFile));
      split.push(pass('split', bigFile));
    }
    for (const p of [...ours, ...rl, ...split]) if (p.lines !== lines) throw new Error(`a pass saw ${p.lines} lines, the file has ${lines}`);
    const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const mbs = (p) => bytes / 1e6 / (p.ms / 1000);
    const smallPass = pass('diagnose', smallFile);
    const size = `${(bytes / 1e6).toFixed(0)} MB, ${lines} lines`;
    return [
      row({ metric: 'diagnose throughput vs readline split', value: mbs(best(ours)), unit: 'MB/s', baseline: mbs(best(rl)), baselineWhat: 'node:readline line split, same file', goal: { on: 'ratio', op: '>=', limit: 0.5 }, note: `${size}; best of ${reps}, each pass in a fresh process` }),
      row({ metric: 'diagnose throughput vs bare LineSplitter', value: mbs(best(ours)), unit: 'MB/s', baseline: mbs(best(split)), baselineWhat: 'the same split with no decoding', note: 'info: the cost of decoding + episodes + verdicts over splitting alone' }),
      row({ metric: 'diagnose peak RSS, 8× the log', value: best(ours).maxRssKiB / 1024, unit: 'MiB', baseline: smallPass.maxRssKiB / 1024, baselineWhat: `same, ${(small / 1e6).toFixed(0)} MB log`, goal: { on: 'ratio', op: '<=', limit: 1.25 }, note: 'flat = the log is streamed, never loaded' }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
