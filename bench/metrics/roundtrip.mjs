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

/**
 * A bare serialport client: writes one line, waits for the answer. `replyOnly`: skip lines that
 * are not replies (the board prints log lines too); otherwise the first LF ends the wait.
 */
async function openRaw(path, replyOnly = false) {
  const sp = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise((res, rej) => sp.open((e) => (e ? rej(e) : res())));
  let waiting = null;
  let acc = '';
  sp.on('data', (d) => {
    if (!waiting) return;
    if (!replyOnly) {
      if (d.includes(0x0a)) {
        const w = waiting;
        waiting = null;
        w();
      }
      return;
    }
    acc += d.toString('latin1');
    for (let i = acc.indexOf('\n'); i !== -1; i = acc.indexOf('\n')) {
      const line = acc.slice(0, i);
      acc = acc.slice(i + 1);
      if (line.startsWith('~r') && waiting) {
        const w = waiting;
        waiting = null;
        acc = '';
        w();
        return;
      }
    }
  });
  return {
    async block(lines, n, first = 0) {
      const out = [];
      for (let i = first; i < first + n; i++) {
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

function bareNote(bare, raw) {
  const board = bare - raw;
  return `a bare serialport client's ping to a virtual board takes ${bare.toFixed(3)} ms, the raw pty echo ${raw.toFixed(3)} ms: ` +
    (board > 0 ? `the virtual board itself adds ${(board * 1000).toFixed(0)} µs` : 'the virtual board adds nothing measurable');
}

export async function run({ quick }) {
  const lib = await libraryAndSim();
  const { encodeFrame } = await loadDist('codec/frame');
  // The same bytes the library puts on the wire for ping (ids vary, as they do in the library).
  const lines = Array.from({ length: 100 }, (_, i) => encodeFrame({ kind: 'q', num: i + 1, verb: 'ping', tokens: [] }));
  const rounds = quick ? 2 : 20;
  const n = quick ? 20 : 100;
  const warm = quick ? 10 : 100;

  let sim;
  let bareVb;
  let peer;
  let raw;
  let bare;
  const p50 = { lib: [], raw: [], bare: [] };
  const all = { lib: [], raw: [], bare: [] };
  try {
    sim = await openVirtual(lib, { scenario: 'home', pacing: false });
    // A second virtual board driven with bare serialport writes: separates the library's cost
    // from the virtual board's own (its event loop and firmware core) in the comparison.
    bareVb = await lib.VirtualBoard.start({ scenario: 'home', pacing: false, stderr: 'ignore' });
    peer = await startEchoPeer();
    raw = await openRaw(peer.port);
    bare = await openRaw(bareVb.port, true);
    await libraryBlock(sim.board, warm);
    await raw.block(lines, warm);
    await bare.block(lines, warm);
    for (let r = 0; r < rounds; r++) {
      // Ping by ping in turn, so a burst of other work on the machine hits all three alike.
      const a = [];
      const b = [];
      const c = [];
      for (let i = 0; i < n; i++) {
        a.push(...(await libraryBlock(sim.board, 1)));
        b.push(...(await raw.block(lines, 1, i)));
        c.push(...(await bare.block(lines, 1, i)));
      }
      p50.lib.push(percentile(a, 50));
      p50.raw.push(percentile(b, 50));
      p50.bare.push(percentile(c, 50));
      all.lib.push(...a);
      all.raw.push(...b);
      all.bare.push(...c);
    }
  } finally {
    await raw?.close();
    await bare?.close();
    await peer?.stop();
    await bareVb?.stop();
    await sim?.close();
  }
  const note = `${rounds} blocks × ${n} sequential pings per client, the three clients taking turns ping by ping, after ${warm} warm-up; p50 = median of the blocks' p50, p99 over all ${rounds * n}`;
  return [
    row({ metric: 'round trip p50 (ping)', value: median(p50.lib), unit: 'ms', baseline: median(p50.raw), baselineWhat: 'raw pty echo', goal: { on: 'ratio', op: '<=', limit: 1.2 }, note }),
    row({ metric: 'round trip p50, library vs bare client', value: median(p50.lib), unit: 'ms', baseline: median(p50.bare), baselineWhat: 'serialport write→reply, same virtual board',
      note: bareNote(median(p50.bare), median(p50.raw)) }),
    row({ metric: 'round trip p99 (ping)', value: percentile(all.lib, 99), unit: 'ms', baseline: percentile(all.raw, 99), baselineWhat: 'raw pty echo' }),
  ];
}
