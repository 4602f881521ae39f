// `espwifi watch` end to end through the real CLI and real ptys: passive on a console that some
// firmware prints (a scripted peer replays a log: nothing may be written back), and --bridge on a
// virtual board running our firmware, with faults injected → the expected verdict.
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, writeSync, readSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualBoard } from '../../host/src/sim/virtual-board.js';
import { ptyPair, type PtyPair } from '../support/pty-pair.js';
import { ensureBuilt, runCli, startCli } from '../cli/helpers.js';
import { connectOnce, records } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'latin1');
const tmp = mkdtempSync(path.join(tmpdir(), 'espwifi-watch-'));

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes lines into the peer end, as a board's UART would. */
function replay(pair: PtyPair, text: string): number {
  const fd = openSync(pair.b, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
  for (const l of text.split('\n')) writeSync(fd, l + '\n');
  return fd;
}

/** Bytes the watcher wrote to the board's end (must be none). */
function drain(fd: number): number {
  const buf = Buffer.alloc(4096);
  let n = 0;
  for (;;) {
    try {
      const r = readSync(fd, buf, 0, buf.length, null);
      if (r <= 0) return n;
      n += r;
    } catch {
      return n; // EAGAIN: nothing (more) to read
    }
  }
}

describe('watch, passive, on a foreign firmware console', () => {
  it('explains the replayed log, writes nothing to the board, and keeps the history files', async () => {
    const pair = await ptyPair();
    const log = path.join(tmp, 'cap.log');
    const out = path.join(tmp, 'hist.ndjson');
    const html = path.join(tmp, 'report.html');
    const w = startCli(['--port', pair.a, 'watch', '--timestamps', '--tag', 'wifi station', '--log', log, '--out', out, '--html', html, '--mask', 'hunter2!x']);
    let fd = -1;
    try {
      await w.waitFor(/Watching .* passively/, 20_000, 'stderr');
      fd = replay(pair, fixture('idf-v4-wrong-password.log'));
      await w.waitFor(/episode #5 ended/);
      const r = await w.stop('SIGINT');
      expect(r.code).toBe(0);
      expect(drain(fd)).toBe(0);
      // Filters: only `wifi station` lines are shown; the diagnosis sees everything.
      expect(r.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} I \(700\) wifi station: ESP_WIFI_MODE_STA$/m);
      expect(r.stdout).not.toMatch(/wifi:state:/);
      expect(r.stdout).toMatch(/Likely wrong password/);
      expect(r.stdout + r.stderr).not.toContain('hunter2!x');
      // The log file is a console log again: diagnose reads it to the same verdict.
      expect(readFileSync(log, 'utf8')).not.toContain('hunter2!x');
      const again = await runCli(['diagnose', log, '--json']);
      expect(JSON.parse(again.stdout).verdicts[0].title).toBe('Likely wrong password');
      const hist = records(readFileSync(out, 'utf8'));
      expect(hist.filter((h) => h.type === 'episode')).toHaveLength(5);
      expect(hist.at(-1)!.type).toBe('summary');
      // Ctrl-C also wrote the report it was asked for.
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('Likely wrong password');
      expect(page).not.toContain('hunter2!x');
    } finally {
      if (fd >= 0) closeSync(fd);
      await w.stop('SIGKILL');
      await pair.close();
    }
  }, 60_000);

  it('device text in its episode and event lines reaches the terminal escaped', async () => {
    const pair = await ptyPair();
    const w = startCli(['--port', pair.a, 'watch', '--no-lines']);
    let fd = -1;
    try {
      await w.waitFor(/Watching .* passively/, 20_000, 'stderr');
      fd = replay(pair, [
        "[12:00:03][W][wifi_esp32:482]: Event: Disconnected ssid='x' bssid=AA:BB:CC:DD:EE:FF reason='Evil\x1b]0;PWNED\x07click'",
        "Guru Meditation Error: Core  0 panic'ed (Load\x1b]0;PWN2\x07Prohibited). Exception was unhandled.",
      ].join('\n'));
      await w.waitFor(/episode #1 ended/);
      await w.waitFor(/── panic: /);
      const r = await w.stop('SIGINT');
      expect(r.stdout).toContain('Evil\\x1b]0;PWNED\\x07click');
      expect(r.stdout).toContain('Load\\x1b]0;PWN2\\x07Prohibited');
      expect(r.stdout).not.toMatch(/[\x07\x1b]/);
    } finally {
      if (fd >= 0) closeSync(fd);
      await w.stop('SIGKILL');
      await pair.close();
    }
  }, 60_000);

  it('a --log file that cannot be written (disk full): said at once, watching goes on, then the summary and exit 1 naming the file', async () => {
    const pair = await ptyPair();
    // /dev/full: every write fails with ENOSPC, as a full disk does after the file was opened
    const w = startCli(['--port', pair.a, 'watch', '--no-lines', '--log', '/dev/full']);
    let fd = -1;
    try {
      await w.waitFor(/Watching .* passively/, 20_000, 'stderr');
      fd = replay(pair, "[12:00:03][W][wifi_esp32:482]: Event: Disconnected ssid='x' bssid=AA:BB:CC:DD:EE:FF reason='Beacon Timeout'");
      await w.waitFor(/--log \/dev\/full: writing failed at .*ENOSPC.*; watching goes on/, 20_000, 'stderr');
      await w.waitFor(/episode #1 ended/);
      const r = await w.stop('SIGINT');
      expect(r.stdout).toMatch(/Verdicts/);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--log \/dev\/full: writing failed at .*: it holds only what came before/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      if (fd >= 0) closeSync(fd);
      await w.stop('SIGKILL');
      await pair.close();
    }
  }, 60_000);

  it('the port going away: the summary, then exit 3 with one clear message', async () => {
    const pair = await ptyPair();
    const w = startCli(['--port', pair.a, 'watch']);
    try {
      await w.waitFor(/Watching .* passively/, 20_000, 'stderr');
      await pair.close(); // hangs up both ends, as an unplugged USB adapter
      await w.waitFor(/went away/, 20_000, 'stderr');
      if (w.child.exitCode === null) await new Promise((r) => w.child.once('exit', r));
      const r = await w.stop('SIGKILL');
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/Wi-Fi diagnosis of /);
      expect(r.stderr.match(/went away/g)).toHaveLength(1);
      expect(r.stderr).toContain(`${pair.a}: the port went away`);
    } finally {
      await w.stop('SIGKILL');
    }
  }, 60_000);

  it('--json is NDJSON: lines, episodes, events, then the summary', async () => {
    const pair = await ptyPair();
    const w = startCli(['--port', pair.a, 'watch', '--json', '--reset']);
    let fd = -1;
    try {
      await w.waitFor(/"type":"note","host":\d+,"text":"Watching .* passively/, 20_000);
      fd = replay(pair, fixture('app-crash.log'));
      await w.waitFor(/"event":"boot","at":\{[^}]*\},"boot":3/);
      const r = await w.stop('SIGINT');
      const recs = records(r.stdout);
      expect(recs.some((x) => x.type === 'line')).toBe(true);
      // A pseudo-terminal has no modem lines: --reset says it did nothing instead of pretending.
      expect(recs.some((x) => x.type === 'note' && /no DTR\/RTS lines/.test(String(x.text)))).toBe(true);
      expect(recs.filter((x) => x.type === 'event' && x.event === 'crash').map((x) => x.what)).toEqual(['panic', 'watchdog']);
      const summary = recs.at(-1)!;
      expect(summary.type).toBe('summary');
      expect((summary.verdicts as Array<{ id: string }>)[0]!.id).toBe('crash');
      expect(drain(fd)).toBe(0);
    } finally {
      if (fd >= 0) closeSync(fd);
      await w.stop('SIGKILL');
      await pair.close();
    }
  }, 60_000);
});

describe('watch --bridge on our firmware (virtual board)', () => {
  it('uses the exact events, reconnects after the AP comes back, and names the beacon timeout', async () => {
    const vb = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 1, color: false, stderr: 'ignore' });
    try {
      await connectOnce(vb.port); // by another espwifi process; the board stays connected
      const w = startCli(['--port', vb.port, 'watch', '--bridge', '--json']);
      try {
        await w.waitFor(/"text":"Watching .*bridge firmware/, 20_000);
        await vb.apOff({ ssid: 'HomeNet' });
        await w.waitFor(/"type":"episode".*"reason":200/, 30_000);
        await vb.apOn({ ssid: 'HomeNet' });
        await w.waitFor(/"kind":"got-ip"/, 40_000);
        const r = await w.stop('SIGINT');
        const recs = records(r.stdout);
        const eps = recs.filter((x) => x.type === 'episode') as Array<{ end: { reason?: number; reasonSource?: string } }>;
        expect(eps[0]!.end).toMatchObject({ reason: 200, reasonSource: 'bridge' });
        const summary = recs.at(-1)! as { verdicts: Array<{ id: string; evidence: string }> };
        expect(summary.verdicts.map((v) => v.id)).toContain('reason-200');
      } finally {
        await w.stop('SIGKILL');
      }
    } finally {
      await vb.stop();
    }
  }, 120_000);
});

describe('while watch holds a port', () => {
  it('another espwifi command for that port goes through the watcher instead of failing with "port busy"', async () => {
    const vb = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 1, color: false, stderr: 'ignore' });
    try {
      const w = startCli(['--port', vb.port, 'watch', '--json']);
      try {
        await w.waitFor(/"text":"Watching .* passively/, 20_000);
        const info = await runCli(['--port', vb.port, 'info', '--json']);
        expect(info.stderr).not.toMatch(/busy/i);
        expect(info.code).toBe(0);
        expect(JSON.parse(info.stdout)).toMatchObject({ chip: expect.any(String) });
        await w.waitFor(/another espwifi command is using the port through this watcher/);
        // Passive watching writes nothing, but our firmware's event frames identify it: say once
        // how to use it.
        expect(w.stdout()).not.toMatch(/bridge firmware seen/);
        const conn = await runCli(['--port', vb.port, 'connect', 'HomeNet', '--password-stdin'], { input: 'correct-horse\n' });
        expect(conn.code, conn.stderr).toBe(0);
        await w.waitFor(/"text":"espwifi bridge firmware seen: add --bridge/);
        expect(w.stdout().match(/bridge firmware seen/g)).toHaveLength(1);
        const r = await w.stop('SIGINT');
        expect(r.code).toBe(0);
      } finally {
        await w.stop('SIGKILL');
      }
      // The watcher is gone: the port is the command's own again.
      const again = await runCli(['--port', vb.port, 'info', '--json']);
      expect(again.code).toBe(0);
    } finally {
      await vb.stop();
    }
  }, 60_000);
});
