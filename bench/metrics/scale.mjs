// Many boards from one host process: N virtual boards, each in its own loop of
// start -> scan -> connect -> disconnect -> stop. Event latency = request written -> the event it
// causes handled by the library (start -> STA_START, disconnect -> DISCONNECTED, stop ->
// STA_STOP). The device posts these at once (virtual time), so with UART pacing off the time is
// the pty, the board processes and this process's event loop under the load of all boards. With
// pacing on (115200) the reply and event also queue behind the device's ESP_LOG lines on the
// wire. Judged (issue 13): p99 < 20 ms for 256 boards with pacing off and for 64 boards paced at
// 115200; the baseline of each is one board in the same mode, measured in the same run, so the
// ratio shows what the number of boards costs whatever else the machine is doing.
import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { libraryAndSim, openVirtual } from '../lib/boards.mjs';
import { row } from '../lib/result.mjs';
import { nowMs, percentile, sleep } from '../lib/stats.mjs';

export const name = 'scale';

// Real-time radio timings (speed 1): the load of N real boards, not a sped-up stress test.
const SPEED = 1;
const HOME = { ssid: 'HomeNet', password: 'correct-horse' };
const START_BATCH = 32;
const GOAL_P99 = { on: 'value', op: '<', limit: 20, unit: 'ms' };

/** Resolves with ms from calling `act` to `event` on `board`. */
async function timed(board, event, act) {
  const t0 = nowMs();
  let timer;
  let on;
  const ev = new Promise((resolve, reject) => {
    on = () => {
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
  try {
    await act();
  } catch (e) {
    clearTimeout(timer);
    board.off(event, on);
    throw e;
  }
  return ev;
}

async function boardLoop(board, startAt, until, lat, counts) {
  await board.init();
  await board.setMode('sta');
  await board.configure(HOME);
  // Real boards are not in lock-step: spread the loops' phases over the first second.
  await sleep(Math.max(0, startAt - nowMs()));
  while (nowMs() < until) {
    lat.push(await timed(board, 'staStart', () => board.start()));
    await board.scan({ type: 'active', activeMinMs: 10, activeMaxMs: 20 });
    counts.scans++;
    await board.connect({ timeoutMs: 30_000 });
    counts.connects++;
    lat.push(await timed(board, 'disconnected', () => board.disconnect()));
    lat.push(await timed(board, 'staStop', () => board.stop()));
    // More samples per (radio-bound) cycle: stop/start pairs are events with no radio time.
    for (let k = 0; k < 3; k++) {
      lat.push(await timed(board, 'staStart', () => board.start()));
      lat.push(await timed(board, 'staStop', () => board.stop()));
    }
  }
}

/** Busy and total jiffies of all CPUs (/proc/stat), to show how loaded the whole machine was. */
function machineBusy() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** This process's child processes (the virtual boards), from /proc. */
function childPids() {
  const pids = [];
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    const kids = readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').trim();
    if (kids) pids.push(...kids.split(/\s+/));
  }
  return pids;
}

/** CPU seconds used so far by the processes `pids` (/proc/PID/schedstat: nanoseconds on a CPU;
 *  stat's utime/stime count whole 10 ms ticks, which a virtual board rarely fills). */
function processesCpuS(pids) {
  let ns = 0;
  for (const pid of pids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // exited
    }
  }
  return ns / 1e9;
}

/** Summed RSS (MiB) of this process's child processes (the virtual boards), from /proc. */
function childrenRssMb() {
  try {
    let kb = 0;
    for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
      const kids = readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').trim();
      for (const pid of kids ? kids.split(/\s+/) : []) {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) kb += Number(m[1]);
      }
    }
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function oneN(lib, n, seconds, pacing) {
  const t0 = nowMs();
  const rss0 = process.memoryUsage().rss;
  // Start boards 32 at a time: a board's start is mostly its simulated boot (≈ 0.3 s of virtual
  // time at speed 1), but 256 simultaneous spawns on 2 cores would only measure the spawns.
  const sims = [];
  try {
    for (let i = 0; i < n; i += START_BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(START_BATCH, n - i) }, (_, k) =>
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
    const busy0 = machineBusy();
    const kids = (() => { try { return childPids(); } catch { return []; } })();
    const simCpu0 = processesCpuS(kids);
    let failures = [];
    try {
      const results = await Promise.allSettled(sims.map((s, i) => boardLoop(s.board, w0 + (i / n) * 1000, w0 + seconds * 1000, lat, counts)));
      failures = results.filter((x) => x.status === 'rejected').map((x) => x.reason?.message ?? String(x.reason));
    } finally {
      clearInterval(rssTimer);
      eld.disable();
    }
    if (failures.length === n) throw new Error(`every board loop failed: ${failures[0]}`);
    const busy1 = machineBusy();
    const simCpuPct = ((processesCpuS(kids) - simCpu0) / ((nowMs() - w0) / 1000)) * 100;
    const machinePct = busy0 && busy1 ? ((busy1.busy - busy0.busy) / (busy1.total - busy0.total)) * 100 : NaN;
    const wall = nowMs() - w0;
    const simRssMb = childrenRssMb();
    const cpu = process.cpuUsage(cpu0);
    const cpuPct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    return { n, lat, counts, wall, startupMs, cpuPerBoard: cpuPct / n, rssMb: rssMax / 2 ** 20, rssPerBoardMb: (rssMax - rss0) / n / 2 ** 20, simRssMb, eldP99: eld.percentile(99) / 1e6, machinePct, simCpuPct, failures };
  } finally {
    await Promise.all(sims.map((s) => s.close()));
  }
}

function describe(r) {
  return `${r.lat.length} events, ${r.counts.scans} scans, ${r.counts.connects} connects in ${(r.wall / 1000).toFixed(1)} s; ` +
    `p50 ${percentile(r.lat, 50).toFixed(2)} ms; event-loop delay p99 ${r.eldP99.toFixed(1)} ms; boards started in ${(r.startupMs / 1000).toFixed(1)} s; ` +
    `host process ${(r.cpuPerBoard * r.n).toFixed(0)} % of a core, the ${r.n} board processes ${r.simCpuPct.toFixed(0)} %; ` +
    `whole machine ${r.machinePct.toFixed(0)} % busy (with other work)` +
    (r.failures.length ? `; ${r.failures.length} board loop(s) failed: ${r.failures[0]}` : '');
}

export async function run({ quick }) {
  const lib = await libraryAndSim();
  // [boards, paced, seconds, judged]; one board runs longer so its p99 rests on ~160 events.
  const runs = quick
    ? [[1, false, 1, false], [2, false, 1, true]]
    : [[1, false, 20, false], [64, false, 5, false], [256, false, 5, true], [1, true, 20, false], [64, true, 5, true]];
  const rows = [];
  const single = {};
  for (const [n, pacing, seconds, judged] of runs) {
    const r = await oneN(lib, n, seconds, pacing);
    const mode = pacing ? ', paced 115200' : '';
    const p99 = percentile(r.lat, 99);
    if (n === 1) single[pacing] = p99;
    const base = n === 1 ? {} : { baseline: single[pacing], baselineWhat: `1 board${mode}, same run` };
    rows.push(row({
      metric: `scale ${n} board${n === 1 ? '' : 's'}${mode}: event latency p99`,
      value: p99,
      unit: 'ms',
      ...base,
      goal: judged ? GOAL_P99 : undefined,
      note: describe(r) + (pacing ? '; includes line time of the ESP_LOG lines the device prints before each reply/event' : ''),
    }));
    if (n === 1) continue;
    rows.push(row({ metric: `scale ${n} boards${mode}: host CPU per board`, value: r.cpuPerBoard, unit: '% core' }));
    rows.push(row({ metric: `scale ${n} boards${mode}: host RSS (max)`, value: r.rssMb, unit: 'MiB',
      note: `≈ ${r.rssPerBoardMb.toFixed(2)} MiB per board (growth over the run ÷ ${n}); virtual board processes: ${r.simRssMb.toFixed(1)} MiB in all` }));
    await sleep(200);
  }
  return rows;
}
