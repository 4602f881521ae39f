// Round trip of a no-op command through the whole library (Board.ping -> codec -> serialport ->
// pty -> virtual board's firmware core and back), pacing off, vs a raw echo of the same request
// bytes over the same kind of pty by a peer that does nothing else (bench/echo-peer.c).
import { SerialPort } from 'serialport';
import { libraryAndSim, openVirtual } from '../lib/boards.mjs';
import { startEchoPeer } from '../lib/echo-peer.mjs';
import { loadDist } from '../lib/env.mjs';
import { row } from '../lib/result.mjs';
import { median, nowMs, percentile } from '../lib/stats.mjs';

export const name = 'round trip';

async function libraryBlock(board, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await board.ping();
    out.push(nowMs() - t0);
  }
  return out;
}

async function openRaw(path) {
  const sp = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise((res, rej) => sp.open((e) => (e ? rej(e) : res())));
  let waiting = null;
  sp.on('data', (d) => {
    // One request in flight at a time, so the first LF back ends it.
    if (waiting && d.includes(0x0a)) {
      const w = waiting;
      waiting = null;
      w();
    }
  });
  return {
    async block(lines, n) {
      const out = [];
      for (let i = 0; i < n; i++) {
        const t0 = nowMs();
        const got = new Promise((r) => (waiting = r));
        sp.write(lines[i % lines.length]);
        await got;
        out.push(nowMs() - t0);
      }
      return out;
    },
    close: () => new Promise((r) => sp.close(() => r())),
  };
}

export async function run({ quick }) {
  const lib = await libraryAndSim();
  const { encodeFrame } = await loadDist('codec/frame');
  // The same bytes the library puts on the wire for ping (ids vary, as they do in the library).
  const lines = Array.from({ length: 100 }, (_, i) => encodeFrame({ kind: 'q', num: i + 1, verb: 'ping', tokens: [] }));
  const rounds = quick ? 1 : 5;
  const n = quick ? 30 : 400;
  const warm = quick ? 10 : 100;

  const sim = await openVirtual(lib, { scenario: 'home', pacing: false });
  const peer = await startEchoPeer();
  let raw;
  const p50 = { lib: [], raw: [] };
  const p99 = { lib: [], raw: [] };
  try {
    raw = await openRaw(peer.port);
    await libraryBlock(sim.board, warm);
    await raw.block(lines, warm);
    for (let r = 0; r < rounds; r++) {
      const a = await libraryBlock(sim.board, n);
      const b = await raw.block(lines, n);
      p50.lib.push(percentile(a, 50));
      p99.lib.push(percentile(a, 99));
      p50.raw.push(percentile(b, 50));
      p99.raw.push(percentile(b, 99));
    }
  } finally {
    await raw?.close();
    await peer.stop();
    await sim.close();
  }
  const note = `${rounds} round(s) × ${n} sequential pings after ${warm} warm-up; median of per-round percentiles`;
  return [
    row({ metric: 'round trip p50 (ping)', value: median(p50.lib), unit: 'ms', baseline: median(p50.raw), baselineWhat: 'raw pty echo', goal: { on: 'ratio', op: '<=', limit: 1.2 }, note }),
    row({ metric: 'round trip p99 (ping)', value: median(p99.lib), unit: 'ms', baseline: median(p99.raw), baselineWhat: 'raw pty echo' }),
  ];
}
