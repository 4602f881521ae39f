// Many boards from one host process: N virtual boards, each in its own loop of
// start -> scan -> connect -> disconnect -> stop. Three latencies per event the loop causes
// (start -> STA_START, disconnect -> DISCONNECTED, stop -> STA_STOP), all ending when the library
// emits the event (Board 'staStart', 'disconnected', 'staStop'):
//   host-added   from the moment the board writes the event frame's last byte (LF) into the pty.
//                This is what one host process handling N boards adds: the pty, the wait for a
//                CPU, the event loop, serialport, the decoder, the emitter. Judged (issue 13).
//   end-to-end   from the moment the firmware core hands the event frame to its UART (at once
//                after the driver posted it): adds the board's own delay and, paced at 115200,
//                the line time of the ESP_LOG lines queued ahead of the frame.
//   request->event  from the host writing the request (this metric's definition before issue 13's
//                second pass, kept): adds the request's way to the board.
// The board-side moments come from the virtual board's wire trace (ESPWIFI_SIM_WIRE_TRACE,
// firmware/sim/sim_wiretrace.c), CLOCK_MONOTONIC like process.hrtime(). Every row's baseline is
// one board in the same mode, measured in the same run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const WIRE_VERB = { staStart: 'sta_start', disconnected: 'disconnected', staStop: 'sta_stop' };

/** Records one sample: the request written at `req`, the library's event at `emit`, and the
 *  event frame's sequence number (to find the board's own moments in its wire trace). */
async function timed(b, event, act) {
  const s = { board: b.index, req: nowMs(), emit: NaN, seq: -1 };
  let timer;
  let on;
  const ev = new Promise((resolve, reject) => {
    on = () => {
      s.emit = nowMs();
      clearTimeout(timer);
      // The client's 'event' for this frame runs right after the Board's emit: it brings the seq.
      b.awaiting = { s, verb: WIRE_VERB[event] };
      resolve(s);
    };
    b.board.once(event, on);
    timer = setTimeout(() => {
      b.board.off(event, on);
      reject(new Error(`no ${event} event within 10 s`));
    }, 10_000);
  });
  ev.catch(() => {});
  try {
    await act();
  } catch (e) {
    clearTimeout(timer);
    b.board.off(event, on);
    throw e;
  }
  return ev;
}

async function boardLoop(b, startAt, until, lat, counts) {
  const { board } = b;
  board.client.on('event', (verb, _fields, seq) => {
    if (b.awaiting?.verb === verb) b.awaiting.s.seq = seq;
    b.awaiting = null;
  });
  await board.init();
  await board.setMode('sta');
  await board.configure(HOME);
  // Real boards are not in lock-step: spread the loops' phases over the first second.
  await sleep(Math.max(0, startAt - nowMs()));
  while (nowMs() < until) {
    lat.push(await timed(b, 'staStart', () => board.start()));
    await board.scan({ type: 'active', activeMinMs: 10, activeMaxMs: 20 });
    counts.scans++;
    await board.connect({ timeoutMs: 30_000 });
    counts.connects++;
    lat.push(await timed(b, 'disconnected', () => board.disconnect()));
    lat.push(await timed(b, 'staStop', () => board.stop()));
    // More samples per (radio-bound) cycle: stop/start pairs are events with no radio time.
    for (let k = 0; k < 3; k++) {
      lat.push(await timed(b, 'staStart', () => board.start()));
      lat.push(await timed(b, 'staStop', () => board.stop()));
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

/** [on a CPU, waiting in a run queue] ns of this process's main thread so far
 *  (/proc/PID/task/PID/schedstat): how much of a latency tail is waiting for a CPU. */
function mainThreadSched() {
  try {
    const [run, wait] = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run, wait };
  } catch {
    return undefined;
  }
}

/** Puts the virtual boards in the SCHED_IDLE class: they stand in for separate chips, whose CPU
 *  a real host never competes with. 256 board processes at the host's priority each get the
 *  host's share of a CPU when they wake, so the host waits behind them. */
function idlePriority(pids) {
  const r = spawnSync('sh', ['-c', pids.map((p) => `chrt --idle -p 0 ${Number(p)}`).join(' && ')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chrt --idle failed (util-linux's chrt needed): ${(r.stderr || r.error?.message || '').trim()}`);
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

export async function oneN(lib, n, seconds, pacing, idleBoards = false) {
  const t0 = nowMs();
  const rss0 = process.memoryUsage().rss;
  // Start boards 32 at a time: a board's start is mostly its simulated boot (≈ 0.3 s of virtual
  // time at speed 1), but 256 simultaneous spawns on 2 cores would only measure the spawns.
  const sims = [];
  // Every board started below inherits the variable: each writes DIR/<pty>.trace.
  const traceDir = mkdtempSync(join(tmpdir(), 'espwifi-scale-'));
  const traceWas = process.env.ESPWIFI_SIM_WIRE_TRACE;
  process.env.ESPWIFI_SIM_WIRE_TRACE = traceDir;
  let result;
  try {
    for (let i = 0; i < n; i += START_BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(START_BATCH, n - i) }, (_, k) =>
          openVirtual(lib, { scenario: 'home', speed: SPEED, seed: i + k + 1, pacing, color: false })),
      );
      sims.push(...batch);
    }
    const startupMs = nowMs() - t0;
    if (idleBoards) idlePriority(childPids());
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
    const sched0 = mainThreadSched();
    let failures = [];
    try {
      const loops = sims.map((s, index) => ({ board: s.board, index, awaiting: null }));
      const results = await Promise.allSettled(loops.map((b, i) => boardLoop(b, w0 + (i / n) * 1000, w0 + seconds * 1000, lat, counts)));
      failures = results.filter((x) => x.status === 'rejected').map((x) => x.reason?.message ?? String(x.reason));
    } finally {
      clearInterval(rssTimer);
      eld.disable();
    }
    if (failures.length === n) throw new Error(`every board loop failed: ${failures[0]}`);
    const busy1 = machineBusy();
    const sched1 = mainThreadSched();
    const simCpuPct = ((processesCpuS(kids) - simCpu0) / ((nowMs() - w0) / 1000)) * 100;
    const machinePct = busy0 && busy1 ? ((busy1.busy - busy0.busy) / (busy1.total - busy0.total)) * 100 : NaN;
    const wall = nowMs() - w0;
    const simRssMb = childrenRssMb();
    const cpu = process.cpuUsage(cpu0);
    const cpuPct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    const hostWaitPct = sched0 && sched1 ? ((sched1.wait - sched0.wait) / 1e6 / wall) * 100 : NaN;
    result = { n, lat, counts, wall, w0, hostWaitPct, startupMs, cpuPerBoard: cpuPct / n, rssMb: rssMax / 2 ** 20, rssPerBoardMb: (rssMax - rss0) / n / 2 ** 20, simRssMb, eldP99: eld.percentile(99) / 1e6, machinePct, simCpuPct, failures };
  } finally {
    await Promise.all(sims.map((s) => s.close()));
    if (traceWas === undefined) delete process.env.ESPWIFI_SIM_WIRE_TRACE;
    else process.env.ESPWIFI_SIM_WIRE_TRACE = traceWas;
  }
  // The boards have exited: their traces are complete.
  try {
    Object.assign(result, latencies(result.lat, sims.map((s) => readTrace(traceDir, s.vb.port))));
  } finally {
    rmSync(traceDir, { recursive: true, force: true });
  }
  return result;
}

/** seq -> [queued, written] in ms of process.hrtime() (both CLOCK_MONOTONIC). */
function readTrace(dir, port) {
  const m = new Map();
  let text = '';
  try {
    text = readFileSync(join(dir, `${port.replace(/^\/dev\//, '').replaceAll('/', '-')}.trace`), 'utf8');
  } catch {
    return m; // a board built before the trace existed: only request->event is measured
  }
  for (const line of text.split('\n')) {
    const [seq, q, w] = line.split(' ');
    if (w !== undefined) m.set(Number(seq), [Number(BigInt(q)) / 1e6, Number(BigInt(w)) / 1e6]);
  }
  return m;
}

/** The three latencies of every sample; `traced` counts the samples the trace could place. */
function latencies(samples, traces) {
  const reqToEvent = [];
  const hostAdded = [];
  const endToEnd = [];
  for (const s of samples) {
    reqToEvent.push(s.emit - s.req);
    const t = traces[s.board]?.get(s.seq);
    if (!t || !t[1]) continue;
    endToEnd.push(s.emit - t[0]);
    hostAdded.push(s.emit - t[1]);
  }
  return { reqToEvent, hostAdded, endToEnd, traced: hostAdded.length };
}

const p = (xs, q) => percentile(xs, q);

function describe(r) {
  return `${r.lat.length} events (${r.traced} found in the boards' wire traces), ${r.counts.scans} scans, ${r.counts.connects} connects in ${(r.wall / 1000).toFixed(1)} s; ` +
    `p50 host-added ${p(r.hostAdded, 50).toFixed(2)} ms, end-to-end ${p(r.endToEnd, 50).toFixed(2)} ms, request->event ${p(r.reqToEvent, 50).toFixed(2)} ms; ` +
    `max host-added ${Math.max(...r.hostAdded).toFixed(1)} ms; event-loop delay p99 ${r.eldP99.toFixed(1)} ms; boards started in ${(r.startupMs / 1000).toFixed(1)} s; ` +
    `host process ${(r.cpuPerBoard * r.n).toFixed(0)} % of a core, its main thread waited for a CPU ${r.hostWaitPct.toFixed(1)} % of the time, the ${r.n} board processes used ${r.simCpuPct.toFixed(0)} % of a core; ` +
    `whole machine ${r.machinePct.toFixed(0)} % busy (with other work)` +
    (r.failures.length ? `; ${r.failures.length} board loop(s) failed: ${r.failures[0]}` : '');
}

// What each latency row measures, from which moment to the library's event.
const KINDS = [
  { key: 'hostAdded', label: 'host-added event latency p99', judged: true,
    what: 'board writes the event frame\'s LF into the pty -> library event' },
  { key: 'endToEnd', label: 'end-to-end event latency p99', judged: false,
    what: 'board\'s core queues the event frame on its UART -> library event' },
  { key: 'reqToEvent', label: 'request->event latency p99', judged: false,
    what: 'host writes the request -> library event (this metric before issue 13\'s second pass)' },
];

export async function run({ quick }) {
  const lib = await libraryAndSim();
  // One board runs longer so its p99 rests on ~150 events. `idle`: the same boards in the
  // SCHED_IDLE class (idlePriority), to show how much of the tail is the boards' own CPU.
  const runs = quick
    ? [{ n: 1, seconds: 1 }, { n: 2, seconds: 1, judged: true }]
    : [{ n: 1, seconds: 20 }, { n: 64, seconds: 5 }, { n: 256, seconds: 5, judged: true }, { n: 256, seconds: 5, idle: true },
      { n: 1, paced: true, seconds: 20 }, { n: 64, paced: true, seconds: 5, judged: true }];
  const rows = [];
  const single = {};
  for (const { n, paced = false, seconds, judged = false, idle = false } of runs) {
    let r;
    try {
      r = await oneN(lib, n, seconds, paced, idle);
    } catch (e) {
      if (!idle) throw e;
      rows.push(row({ metric: `scale ${n} boards at SCHED_IDLE: host-added event latency p99`, value: NaN, unit: 'ms', note: `not measured: ${e.message}` }));
      continue;
    }
    const mode = paced ? ', paced 115200' : '';
    const boards = `scale ${n} board${n === 1 ? '' : 's'}${idle ? ' at SCHED_IDLE' : ''}${mode}`;
    if (n === 1) single[paced] = r;
    for (const k of KINDS) {
      const p99 = p(r[k.key], 99);
      const base = n === 1 ? {} : { baseline: p(single[paced][k.key], 99), baselineWhat: `1 board${mode}, same run` };
      rows.push(row({
        metric: `${boards}: ${k.label}`,
        value: p99,
        unit: 'ms',
        ...base,
        goal: judged && k.judged ? GOAL_P99 : undefined,
        note: `${k.what}` + (k.judged ? `; ${describe(r)}` : '') +
          (paced && k.key !== 'hostAdded' ? '; includes the line time of the ESP_LOG lines the device prints ahead of the event' : '') +
          (idle && k.judged ? '; the virtual boards run in the SCHED_IDLE class (they only get a CPU nobody else wants), as real boards take none of the host\'s CPU' : ''),
      }));
    }
    if (n === 1 || idle) continue;
    rows.push(row({ metric: `${boards}: host CPU per board`, value: r.cpuPerBoard, unit: '% core' }));
    rows.push(row({ metric: `${boards}: host RSS (max)`, value: r.rssMb, unit: 'MiB',
      note: `≈ ${r.rssPerBoardMb.toFixed(2)} MiB per board (growth over the run ÷ ${n}); virtual board processes: ${r.simRssMb.toFixed(1)} MiB in all` }));
    await sleep(200);
  }
  return rows;
}

// One size on its own, for profiling and A/B runs:
//   node bench/metrics/scale.mjs N [paced] [idle] [SECONDS]     (e.g. with node --cpu-prof)
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const n = Number(args[0] ?? 256);
  const seconds = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a) && a !== args[0]) ?? 5);
  const r = await oneN(await libraryAndSim(), n, seconds, args.includes('paced'), args.includes('idle'));
  const f = (x) => x.toFixed(2);
  const q = (k) => `p50 ${f(p(r[k], 50))} p99 ${f(p(r[k], 99))} max ${f(Math.max(...r[k]))}`;
  console.log(`${n} board(s)${args.includes('paced') ? ', paced 115200' : ''}${args.includes('idle') ? ', boards at SCHED_IDLE' : ''}: ${r.lat.length} events`);
  console.log(`  host-added ms:     ${q('hostAdded')}`);
  console.log(`  end-to-end ms:     ${q('endToEnd')}`);
  console.log(`  request->event ms: ${q('reqToEvent')}`);
  console.log(`  ${describe(r)}`);
  process.exit(0);
}
