// Decode throughput: lines/s through FrameStream (split + CRC + grammar + unescape + log parse)
// vs @serialport/parser-readline's bare split of the same bytes into strings.
import { ReadlineParser } from '@serialport/parser-readline';
import { loadDist } from '../lib/env.mjs';
import { row } from '../lib/result.mjs';
import { median, nowMs } from '../lib/stats.mjs';
import { mixedStream } from '../lib/samples.mjs';

export const name = 'decode throughput';

// Serial reads arrive in chunks; 1 KiB is typical of a pty read at high rates.
const CHUNK = 1024;

function chunks(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i += CHUNK) out.push(bytes.subarray(i, i + CHUNK));
  return out;
}

async function timeFrameStream(FrameStream, parts, expectFrames) {
  const s = new FrameStream();
  let frames = 0;
  // Touch every token's value, as a consumer does: the baseline hands out whole line strings, so
  // a codec that only deferred the work would look faster than it is.
  let touched = 0;
  s.on('frame', (f) => {
    frames++;
    for (const t of f.tokens) touched += t.value.length;
  });
  s.on('log', () => {});
  s.on('dropped', () => {});
  const t0 = nowMs();
  for (const c of parts) s.push(c);
  const dt = nowMs() - t0;
  if (frames !== expectFrames) throw new Error(`FrameStream decoded ${frames} frames, expected ${expectFrames}`);
  return dt;
}

function timeReadline(parts, expectLines) {
  return new Promise((resolve, reject) => {
    const p = new ReadlineParser({ delimiter: '\n' });
    let lines = 0;
    p.on('data', () => lines++);
    p.on('error', reject);
    const t0 = nowMs();
    p.on('end', () => {
      const dt = nowMs() - t0;
      if (lines !== expectLines) reject(new Error(`readline split ${lines} lines, expected ${expectLines}`));
      else resolve(dt);
    });
    for (const c of parts) p.write(c);
    p.end();
  });
}

export async function run({ quick }) {
  const { FrameStream } = await loadDist('codec/stream');
  const { bytes, frames, lines } = await mixedStream(quick ? 5_000 : 100_000);
  const parts = chunks(bytes);
  const reps = quick ? 2 : 7;
  // One untimed pass each so both run optimized code.
  await timeFrameStream(FrameStream, parts, frames);
  await timeReadline(parts, lines);
  const ours = [];
  const base = [];
  for (let i = 0; i < reps; i++) {
    ours.push(await timeFrameStream(FrameStream, parts, frames));
    base.push(await timeReadline(parts, lines));
  }
  const perSec = (ms) => lines / (ms / 1000);
  return [row({
    metric: 'decode throughput (lines/s)',
    value: perSec(median(ours)),
    unit: 'lines/s',
    baseline: perSec(median(base)),
    baselineWhat: 'parser-readline split',
    goal: { on: 'ratio', op: '>=', limit: 0.5 },
    note: `${lines} lines (${frames} frames, ${lines - frames} log lines), ${(bytes.length / 1e6).toFixed(1)} MB in ${CHUNK} B chunks; median of ${reps}; ` +
      `FrameStream ≈ ${(bytes.length / 1e6 / (median(ours) / 1000)).toFixed(0)} MB/s; best-of-${reps} ratio ${(Math.min(...base) / Math.min(...ours)).toFixed(2)}×`,
  })];
}
