// The CLI never claims what did not happen (issue 11), part 3: smaller truths, words, flash on a
// bridge port, what the log shows and the README example — through the real binary against
// virtual boards (split from truth.test.ts so the files run in parallel).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openBoard } from '../../host/src/open-board.js';
import { cliSuite, controlLine, runCli, startSim, startCli, writeFakeBuild } from './helpers.js';

const suite = cliSuite('espwifi-truth-output-');
const { tag, tmp } = suite;



describe('item 13: smaller truths', () => {
  it('espwifi help exits 0; bare espwifi is a usage error', async () => {
    expect((await runCli(['help'], { tag })).code).toBe(0);
    expect((await runCli(['help', 'scan'], { tag })).code).toBe(0);
    expect((await runCli([], { tag })).code).toBe(2);
  });

  it('--max-attempts N and "gave up after N attempts" agree; one attempt is singular', async () => {
    const two = await runCli(['connect', 'NoSuchNet', '--open', '--max-attempts', '2'], { tag });
    expect(two.stdout).toMatch(/gave up after 2 attempts:/);
    expect(two.stderr).toMatch(/after 2 attempts:/);
    const one = await runCli(['connect', 'NoSuchNet', '--open', '--max-attempts', '1'], { tag });
    expect(one.stdout).toMatch(/gave up after 1 attempt:/);
    expect(one.stderr).toMatch(/after 1 attempt:/);
  }, 30_000);

  it('status names the last reason', async () => {
    const { sim, port } = await startSim(suite, 'tty-status', ['--speed', '5']);
    try {
      await runCli(['--port', port, 'connect', 'NoSuchNet', '--open', '--max-attempts', '1'], { tag });
      const r = await runCli(['--port', port, 'status'], { tag });
      expect(r.stdout).toMatch(/^last reason\s+201 NO_AP_FOUND$/m);
      expect(r.stdout).toMatch(new RegExp(`^port\\s+${port}$`, 'm'));
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 30_000);

  it('SSIDs with quotes are shown unambiguously', async () => {
    const r = await runCli(['connect', 'Bob"s "net', '--open', '--max-attempts', '1'], { tag });
    expect(r.stdout).toMatch(/Connecting to "Bob\\"s \\"net"/);
  }, 30_000);
});

describe('item 13: reason and aborted scans', () => {
  it('reason accepts hex, names and unknown numbers; --list filters', async () => {
    const hex = await runCli(['reason', '0x0f'], { tag });
    expect(hex.code).toBe(0);
    expect(hex.stdout).toMatch(/^4WAY_HANDSHAKE_TIMEOUT \(15\)/);
    const unknown = await runCli(['reason', '999'], { tag });
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toMatch(/UNKNOWN_999 \(999\)[\s\S]*esp_wifi_types\.h/);
    expect((await runCli(['reason', 'no_such_name'], { tag })).code).toBe(2);
    const list = await runCli(['--json', 'reason', '--list', 'password'], { tag });
    const rows = JSON.parse(list.stdout) as { code: number; cause: string }[];
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((r) => r.cause === 'password' || /password/.test(JSON.stringify(r)))).toBe(true);
    expect(rows.map((r) => r.code)).toContain(15);
    expect(rows.map((r) => r.code)).not.toContain(200);
  });

  it('an aborted scan rejects with an EspWifiError ABORTED', async () => {
    const { VirtualBoard } = await import('../../host/src/sim/virtual-board.js');
    const { EspWifiError } = await import('../../host/src/errors.js');
    const vb = await VirtualBoard.start({ scenario: 'home', speed: 1, stderr: 'ignore' });
    try {
      const board = await openBoard({ port: vb.port, logger: pino({ level: 'silent' }) });
      await board.init();
      await board.setMode('sta');
      await board.start();
      const ac = new AbortController();
      const p = board.scan({ signal: ac.signal });
      ac.abort();
      const e = await p.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(EspWifiError);
      expect(e).toMatchObject({ code: 'ABORTED' });
      await board.close();
    } finally {
      await vb.stop();
    }
  });
});

describe('item 14: words a user understands', () => {
  it('sim --list lists the scenarios; sim prints its networks and their passwords', async () => {
    const list = await runCli(['sim', '--list'], { tag });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^home\s+A normal home network/m);
    expect(list.stdout).toMatch(/^security-refused\s+/m);
    const sim = startCli(['sim', '--link', path.join(tmp, 'tty-words')], { tag });
    try {
      await sim.waitFor(/Virtual board running/, 10_000, 'stderr');
    } finally {
      await sim.stop('SIGTERM');
    }
    const r = await sim.stop('SIGTERM');
    expect(r.stdout).toBe(`${path.join(tmp, 'tty-words')}\n`); // the first (and only) stdout line is the port
    expect(r.stderr).toMatch(/"HomeNet"\s+wpa2, channel 6, -52 dBm, password "correct-horse"/);
    expect(r.stderr).toMatch(/"CafeGuest"\s+open, channel 1, -80 dBm, no password/);
  });

  it('no internal jargon in help or the demo', async () => {
    const help = await runCli(['demo', '--help'], { tag });
    expect(help.stdout).not.toMatch(/\bseed\b(?! <n>)/i);
    const top = await runCli(['--help'], { tag });
    expect(top.stdout.replace(/--seed/g, '')).not.toMatch(/\bseed\b/i);
  });
});

describe('item 9: flash on a port where the bridge answers', () => {
  it('fails at once instead of waiting for a ROM that cannot come', async () => {
    writeFakeBuild(path.join(tmp, 'fwbuild'));
    const { sim, port } = await startSim(suite, 'tty-flash');
    try {
      const r = await runCli(['--port', port, 'flash', path.join(tmp, 'fwbuild')], { tag });
      expect(r.code).toBe(8);
      expect(r.stderr).toMatch(/answers as the espwifi bridge \(.* on esp32c3\) and has no DTR\/RTS lines/);
      expect(r.stderr).not.toMatch(/sync|Connecting/i);
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 30_000);
});

describe('items 10 and 11: what the log shows', () => {
  it('debug shows each request and reply, trace the frames; the password is masked in both', async () => {
    const debug = await runCli(['--log-level', 'debug', 'connect', 'HomeNet', '--password', 'correct-horse'], { tag });
    expect(debug.code).toBe(0);
    const recs = debug.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs.find((x) => x.msg === 'request config')).toMatchObject({ verb: 'config', args: { ssid: 'HomeNet' } });
    expect(recs.find((x) => x.msg === 'reply config ok')).toBeDefined();
    expect(recs.some((x) => x.msg === 'event got_ip')).toBe(true);
    expect(recs.some((x) => x.msg === 'frame out')).toBe(false); // frames are trace
    const trace = await runCli(['--log-level', 'trace', 'connect', 'HomeNet', '--password', 'correct-horse'], { tag });
    expect(trace.stderr).toMatch(/"tx":"~q\d+ config ssid=HomeNet pass=\*{8} \*[0-9a-f]{4}"/);
    expect(trace.stderr).toMatch(/"rx":"~r\d+ ok/);
    for (const r of [debug, trace]) expect(r.stdout + r.stderr).not.toContain('correct-horse');
  }, 30_000);

  it('monitor prints each device log line once, as idf.py monitor does; --no-log hides them all', async () => {
    const scenario = path.join(tmp, 'panic-late.json');
    writeFileSync(scenario, JSON.stringify({ name: 'panic-late', aps: [], timeline: [{ at_ms: 3000, action: 'panic' }] }));
    const mon = startCli(['monitor', '--scenario', scenario], { tag });
    await mon.waitFor(/reset board restarted \(panic\)/);
    const r = await mon.stop('SIGINT');
    expect(r.stdout.match(/Unicore app/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/Unicore app/);
    expect(r.stdout).toMatch(/log {3}I \(\d+\) cpu_start: Unicore app/);
    const quiet = startCli(['monitor', '--no-log', '--scenario', scenario], { tag });
    await quiet.waitFor(/reset board restarted \(panic\)/);
    const q = await quiet.stop('SIGINT');
    expect(q.stdout + q.stderr).not.toMatch(/Unicore app|Guru Meditation|cpu_start/);
  }, 40_000);

  it('no stack trace at the default level (a brownout during a scan)', async () => {
    const scenario = path.join(tmp, 'brownout.json');
    writeFileSync(scenario, JSON.stringify({ name: 'brownout', aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }], timeline: [{ at_ms: 3000, action: 'reset', reason: 'brownout' }] }));
    const r = await runCli(['scan', '--passive', '--passive-time', '1000', '--scenario', scenario], { tag });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/espwifi: the device reset \(brownout/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)|"stack"/);
  }, 30_000);
});

describe('item 4: the README virtual-board example shows what it promises', () => {
  it('sim vanishing-ap, connect, monitor: BEACON_TIMEOUT then DISCONNECTED 200', async () => {
    // As in README "The virtual board", at real speed; once the monitor listens, the board's clock
    // jumps past HomeNet vanishing (20 s) and the beacon timeout after it: no wall-clock wait, and
    // the connect has 20 real seconds before the timeline could overtake it.
    const control = path.join(tmp, 'vanish.sock');
    const { sim, port } = await startSim(suite, 'tty-vanish', ['--scenario', 'vanishing-ap', '--speed', '1', '--control', control]);
    try {
      const c = await runCli(['--port', port, 'connect', 'HomeNet', '--password-stdin'], { tag, input: 'correct-horse\n' });
      expect(c.code).toBe(0);
      const mon = startCli(['--port', port, 'monitor'], { tag });
      await mon.waitFor(/Monitoring /, 20_000, 'stderr');
      expect(await controlLine(control, { action: 'time', advance: 30_000 })).toMatchObject({ ok: true });
      await mon.waitFor(/event disconnected reason=200 .*BEACON_TIMEOUT/, 20_000);
      const r = await mon.stop('SIGINT');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/event beacon_timeout[\s\S]*event disconnected reason=200/);
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 40_000);

  it('item 12: monitor --json names the SSID as text and exact bytes', async () => {
    const { sim, port } = await startSim(suite, 'tty-vanish-json', ['--scenario', 'vanishing-ap', '--speed', '2']);
    try {
      expect((await runCli(['--port', port, 'connect', 'HomeNet', '--password-stdin'], { tag, input: 'correct-horse\n' })).code).toBe(0);
      const mon = startCli(['--json', '--port', port, 'monitor'], { tag });
      const m = await mon.waitFor(/^.*"event":"disconnected".*$/m, 20_000);
      await mon.stop('SIGINT');
      expect(JSON.parse(m[0])).toMatchObject({ type: 'event', event: 'disconnected', reason: 200, ssid: 'HomeNet', ssidHex: '486f6d654e6574', reasonName: 'BEACON_TIMEOUT' });
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 40_000);

  it('sim with --port is refused (the port would be ignored)', async () => {
    const r = await runCli(['--port', '/dev/ttyUSB0', 'sim'], { tag });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port and sim exclude each other/);
  });
});
