// Scan delivery at 115200 with UART pacing on: from the SCAN_DONE event to all records in hand
// (ap_records request, the `ap` partials, the final reply, decoding), vs the time the same bytes
// need on an 8N1 line at 115200 (bytes / 11520 s): the physical floor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryAndSim, openVirtual } from '../lib/boards.mjs';
import { ROOT } from '../lib/env.mjs';
import { Skip, row } from '../lib/result.mjs';
import { median, nowMs } from '../lib/stats.mjs';

export const name = 'scan delivery';

const BAUD = 115200;

function scenarioWith(count) {
  const base = JSON.parse(readFileSync(join(ROOT, 'firmware', 'sim', 'scenarios', 'many-aps.json'), 'utf8'));
  if (count > base.aps.length) throw new Error(`many-aps has ${base.aps.length} APs, ${count} asked`);
  return { ...base, name: `bench-${count}-aps`, description: `first ${count} APs of many-aps`, aps: base.aps.slice(0, count), timeline: [] };
}

async function oneScan(board) {
  if (typeof board.client?.stream?.counters?.bytes !== 'number') {
    throw new Skip('Board no longer exposes client.stream.counters.bytes (needed to count bytes after SCAN_DONE)');
  }
  let t0;
  let b0;
  const bytes = () => board.client.stream.counters.bytes;
  const onDone = () => {
    t0 = nowMs();
    b0 = bytes();
  };
  board.once('scanDone', onDone);
  // Short active dwell so a run takes ~0.3 s of radio time; delivery after SCAN_DONE is unchanged.
  const recs = await board.scan({ type: 'active', activeMinMs: 10, activeMaxMs: 20 });
  const t1 = nowMs();
  board.off('scanDone', onDone);
  if (t0 === undefined) throw new Error('scan() resolved without a scanDone event');
  // counters.bytes counts a chunk when it arrives, so the chunk carrying SCAN_DONE is already in
  // b0: the delta is what arrived after it (the ap_records reply).
  return { ms: t1 - t0, bytes: bytes() - b0, records: recs.length };
}

export async function run({ quick }) {
  const lib = await libraryAndSim();
  const counts = quick ? [20] : [20, 50];
  const reps = quick ? 1 : 5;
  // 8N1: ten bit times per byte. Virtual speed stays 1: it would multiply the pacing rate too.
  const rate = BAUD / 10;
  // sim_uart.c lets up to 128 B (a UART FIFO) + 10 ms of line time go at once after an idle
  // line, so on the virtual board delivery can beat bytes/11520 s by up to that much.
  const burst = 128 + rate * 0.01;
  const rows = [];
  for (const count of counts) {
    const s = await openVirtual(lib, { scenario: scenarioWith(count), pacing: true, baud: BAUD, color: false });
    const ms = [];
    const sizes = [];
    let recs = 0;
    try {
      await s.board.init();
      await s.board.setMode('sta');
      await s.board.start();
      for (let i = 0; i < reps; i++) {
        const r = await oneScan(s.board);
        recs = r.records;
        ms.push(r.ms);
        sizes.push(r.bytes);
      }
    } finally {
      await s.close();
    }
    const bytes = median(sizes);
    rows.push(row({
      metric: `scan delivery, ${count} APs`,
      value: median(ms),
      unit: 'ms',
      baseline: (bytes / rate) * 1000,
      baselineWhat: 'bytes/11520 s',
      goal: { on: 'ratio', op: '<=', limit: 1.1 },
      note: `${recs} records${recs !== count ? ` (expected ${count}!)` : ''}, ${bytes} B after SCAN_DONE; median of ${reps}`,
    }));
    rows.push(row({
      metric: `scan delivery, ${count} APs (vs sim's paced floor)`,
      value: median(ms),
      unit: 'ms',
      baseline: (Math.max(0, bytes - burst) / rate) * 1000,
      baselineWhat: `(bytes−${Math.round(burst)} B burst)/11520 s`,
      note: 'the virtual board may send a FIFO-sized burst after an idle line; against this floor the ratio shows the library\'s own overhead',
    }));
  }
  return rows;
}
