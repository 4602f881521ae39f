// Many boards from one host process: N virtual boards, each in its own loop of
// start -> scan -> connect -> disconnect -> stop. Event latency = request written -> the event it
// causes handled by the library (start -> STA_START, disconnect -> DISCONNECTED, stop ->
// STA_STOP). The device posts these at once (virtual time), so with UART pacing off the time is
// the pty, the board processes and this process's event loop under the load of all boards: that
// is the judged number. With pacing on (115200) the reply and event also queue behind the
// device's ESP_LOG lines on the wire; that run is reported for information.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { libraryAndSim, openVirtual } from '../lib/boards.mjs';
import { row } from '../lib/result.mjs';
import { nowMs, percentile, sleep } from '../lib/stats.mjs';

export const name = 'scale';

// Real-time radio timings (speed 1): the load of N real boards, not a sped-up stress test.
const SPEED = 1;
const HOME = { ssid: 'HomeNet', password: 'correct-horse' };

/** Resolves with ms from calling `act` to `event` on `board`. */
async function timed(board, event, act) {
  const t0 = nowMs();
  let timer;
  const ev = new Promise((resolve, reject) => {
    const on = () => {
      clearTimeout(timer);
      resolve(nowMs() - t0);
    };
    board.once(event, on);
    timer = setTimeout(() => {
      board.off(event, on);
      reject(new Error(`no ${event} event within 10 s`));
    }, 10_000);
  });
  ev.catch(() => {});
  await act();
  return ev;
}

async function boardLoop(board, until, lat, counts) {
  await board.init();
  await board.setMode('sta');
  await board.configure(HOME);
  while (nowMs() < until) {
    lat.push(await timed(board, 'staStart', () => board.start()));
    await board.scan({ type: 'active', activeMinMs: 10, activeMaxMs: 20 });
    counts.scans++;
    await board.connect({ timeoutMs: 30_000 });
    counts.connects++;
    lat.push(await timed(board, 'disconnected', () => board.disconnect()));
    lat.push(await timed(board, 'staStop', () => board.stop()));
  }
}

async function oneN(lib, n, seconds, pacing) {
  const t0 = nowMs();
  // Start boards a few at a time: 64 simultaneous spawns on 2 cores only measure the spawns.
  const sims = [];
  try {
    for (let i = 0; i < n; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, n - i) }, (_, k) =>
          openVirtual(lib, { scenario: 'home', speed: SPEED, seed: i + k + 1, pacing, color: false })),
      );
      sims.push(...batch);
    }
    const startupMs = nowMs() - t0;
    const lat = [];
    const counts = { scans: 0, connects: 0 };
    const eld = monitorEventLoopDelay({ resolution: 5 });
    const cpu0 = process.cpuUsage();
    const w0 = nowMs();
    eld.enable();
    let rssMax = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 200);
    try {
      await Promise.all(sims.map((s) => boardLoop(s.board, w0 + seconds * 1000, lat, counts)));
    } finally {
      clearInterval(rssTimer);
      eld.disable();
    }
    const wall = nowMs() - w0;
    const cpu = process.cpuUsage(cpu0);
    const cpuPct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    return { n, lat, counts, wall, startupMs, cpuPerBoard: cpuPct / n, rssMb: rssMax / 2 ** 20, eldP99: eld.percentile(99) / 1e6 };
  } finally {
    await Promise.all(sims.map((s) => s.close()));
  }
}

export async function run({ quick }) {
  const lib = await libraryAndSim();
  const runs = quick
    ? [[2, false]]
    : [[8, false], [32, false], [64, false], [8, true], [64, true]];
  const seconds = quick ? 1 : 5;
  const rows = [];
  for (const [n, pacing] of runs) {
    const r = await oneN(lib, n, seconds, pacing);
    const mode = pacing ? ', paced 115200' : '';
    const p99 = percentile(r.lat, 99);
    const detail = `${r.lat.length} events, ${r.counts.scans} scans, ${r.counts.connects} connects in ${(r.wall / 1000).toFixed(1)} s; ` +
      `p50 ${percentile(r.lat, 50).toFixed(2)} ms; event-loop delay p99 ${r.eldP99.toFixed(1)} ms; boards started in ${(r.startupMs / 1000).toFixed(1)} s; radio at real-time speed`;
    rows.push(row({
      metric: `scale ${n} boards${mode}: event latency p99`,
      value: p99,
      unit: 'ms',
      goal: !pacing && (n === 64 || quick) ? { on: 'value', op: '<', limit: 20, unit: 'ms' } : undefined,
      note: detail + (pacing ? '; includes line time of the ESP_LOG lines the device prints before each reply/event' : ''),
    }));
    rows.push(row({ metric: `scale ${n} boards${mode}: host CPU per board`, value: r.cpuPerBoard, unit: '% core' }));
    rows.push(row({ metric: `scale ${n} boards${mode}: host RSS (max)`, value: r.rssMb, unit: 'MiB' }));
    await sleep(200);
  }
  return rows;
}
