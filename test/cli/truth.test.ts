// The CLI never claims what did not happen (issue 11): connect while connected, attempts it
// leaves behind, disconnect during an attempt, verdicts that agree with the evidence, password
// sources, input rules, port kinds and the JSON error shape — all through the real binary
// against virtual boards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard } from '../../host/src/open-board.js';
import { cliSuite, type LiveCli, runCli, type RunResult, startCli, writeFakeBuild } from './helpers.js';

const { tag, tmp } = cliSuite('espwifi-truth-');

const lines = (r: RunResult) => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const errorObject = (r: RunResult) => (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;

async function startSim(name: string, args: string[] = []): Promise<{ sim: LiveCli; port: string }> {
  const sim = startCli(['--json', 'sim', '--link', path.join(tmp, name), ...args], { tag });
  const m = await sim.waitFor(/^\{.*\}\n/);
  return { sim, port: (JSON.parse(m[0]) as { port: string }).port };
}

describe('a board shared by several invocations (espwifi sim)', () => {
  let sim: LiveCli;
  let port: string;
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(['--port', port, ...args], { tag, env });
  const status = async () => JSON.parse((await cli(['--json', 'status'])).stdout) as { phase: string; ssid?: string; port: string };

  beforeAll(async () => {
    ({ sim, port } = await startSim('tty-shared', ['--speed', '5']));
  }, 30_000);
  afterAll(async () => {
    expect((await sim.stop('SIGTERM')).code).toBe(0);
  });

  it('item 1: connect while connected joins the network asked for, or says already connected', async () => {
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);

    const cafe = await cli(['connect', 'CafeGuest', '--open']);
    expect(cafe.code).toBe(0);
    expect(cafe.stdout).toMatch(/↩ left "HomeNet": it was joined with other settings/);
    expect(cafe.stdout).toMatch(/✓ associated with 00:1d:7e:44:55:66 on channel 1 \(open\)/);
    expect(cafe.stdout).not.toMatch(/ASSOC_LEAVE/); // leaving on purpose is no failure line
    expect(await status()).toMatchObject({ phase: 'got_ip', ssid: 'CafeGuest', port });

    const again = await cli(['connect', 'CafeGuest', '--open']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/✓ already connected to "CafeGuest" with these settings: IP 192\.168\.1\.100/);
    expect(again.stdout).not.toMatch(/left|associated/);

    const wrong = await cli(['connect', 'HomeNet'], { ESPWIFI_PASSWORD: 'totally-wrong' });
    expect(wrong.code).toBe(4);
    expect(wrong.stdout).toMatch(/↩ left "CafeGuest"/);
    expect(wrong.stdout).not.toMatch(/got IP/);
    expect((await status()).phase).toBe('started');

    const gone = await cli(['connect', 'NoSuchNet', '--open', '--max-attempts', '2']);
    expect(gone.code).toBe(5);
    expect(gone.stdout).not.toMatch(/got IP/);

    // Same SSID, a password given: the stored one cannot be read back, so it re-joins with it.
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);
    const rejoin = await cli(['connect', 'HomeNet', '--password', 'correct-horse']);
    expect(rejoin.code).toBe(0);
    expect(rejoin.stdout).toMatch(/left "HomeNet" to join again with the given password/);
    expect(rejoin.stdout).toMatch(/✓ got IP/);
  }, 90_000);

  it('item 2: a connect that timed out or was interrupted leaves no attempt behind', async () => {
    const slow = await cli(['connect', 'NoSuchNet', '--open', '--timeout', '1']);
    expect(slow.code).toBe(5);
    expect((await status()).phase).toBe('started');
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);

    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const run = startCli(['--port', port, 'connect', 'NoSuchNet', '--open'], { tag });
      await run.waitFor(/reconnect attempt 2/);
      const r = await run.stop(signal);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`espwifi: interrupted \\(${signal}\\)`));
      expect((await status()).phase).toBe('started');
    }
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);
  }, 90_000);

  it('item 2: an interrupted scan is stopped before the CLI exits', async () => {
    const run = startCli(['--log-level', 'debug', '--port', port, 'scan', '--passive', '--passive-time', '1500'], { tag });
    await run.waitFor(/"msg":"reply scan ok"/, 20_000, 'stderr');
    const r = await run.stop('SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/"msg":"request scan_stop"/);
    const s = JSON.parse((await cli(['--json', 'status'])).stdout) as { scan: string };
    expect(s.scan).not.toBe('running');
  }, 30_000);

  it('item 12: status --json names the port; the SSID is text plus exact bytes', async () => {
    const s = JSON.parse((await cli(['--json', 'status'])).stdout) as Record<string, unknown>;
    expect(s).toMatchObject({ port, ssid: 'HomeNet', ssidHex: '486f6d654e6574' });
    expect(s).not.toHaveProperty('ssidText');
  });
});

describe('item 3: disconnect during a connect attempt', () => {
  it('stops the attempt and says so', async () => {
    // Slow virtual time: the attempt started through the library is still running when the CLI asks.
    const { sim, port } = await startSim('tty-slow', ['--speed', '0.1']);
    try {
      const board = await openBoard({ port, logger: pino({ level: 'silent' }), reconnect: false, timeoutMs: 20_000 });
      await board.init();
      await board.setMode('sta');
      await board.start();
      await board.configure({ ssid: 'NoSuchNet' });
      await board.connect({ timeoutMs: 1 }).catch(() => undefined);
      await board.close(); // the attempt goes on without us
      const r = await runCli(['--port', port, 'disconnect'], { tag });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✓ Stopped the connect attempt to "NoSuchNet"; the station is idle\./);
      const s = JSON.parse((await runCli(['--json', '--port', port, 'status'], { tag })).stdout) as { phase: string };
      expect(s.phase).toBe('started');
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 60_000);
});

describe('item 5: the final message, the exit code and `likely` agree with the evidence', () => {
  const verdict = async (args: string[], scenario: string) => {
    const r = await runCli(['--json', 'connect', ...args, '--scenario', scenario], { tag });
    const events = lines(r);
    const failed = events.find((e) => e.event === 'failed');
    const error = errorObject(r);
    expect(failed?.exitCode).toBe(r.code);
    expect(error.exitCode).toBe(r.code);
    expect(error.likely).toEqual(failed?.likely);
    expect(error.message).toBe(failed?.message);
    const gave = events.find((e) => e.event === 'gave_up');
    if (gave) expect(gave.likely).toEqual(error.likely);
    return { r, error, events };
  };

  it('a WPA2-Enterprise AP: security mismatch, exit 5', async () => {
    const { r, error } = await verdict(['Corp', '--password', 'whatever-123'], 'security-refused');
    expect(r.code).toBe(5);
    expect(error).toMatchObject({ code: 'CONNECT_FAILED', likely: { cause: 'security-mismatch' } });
    expect(error.message).toMatch(/"Corp" is WPA2-Enterprise; the station has no enterprise credentials/);
  }, 40_000);

  it('--open to a WPA2 AP: no password was given, exit 4', async () => {
    const { r, error } = await verdict(['HomeNet', '--open'], 'home');
    expect(r.code).toBe(4);
    expect(error.message).toMatch(/"HomeNet" is WPA2 but no password was given/);
  }, 40_000);

  it('--rssi-threshold above the AP: both levels named, exit 5 (not a timeout)', async () => {
    const { r, error } = await verdict(['HomeNet', '--password', 'correct-horse', '--rssi-threshold', '-40'], 'home');
    expect(r.code).toBe(5);
    expect(error.message).toMatch(/"HomeNet" heard at -5\d dBm, threshold -40 dBm/);
    expect(error.message).not.toMatch(/in range\?/);
  }, 40_000);

  it('--auth-threshold above the AP: both named, exit 5', async () => {
    const { r, error } = await verdict(['LegacyWpa', '--password', 'legacy-pass', '--auth-threshold', 'wpa2'], 'security-refused');
    expect(r.code).toBe(5);
    expect(error.message).toMatch(/"LegacyWpa" is WPA, below the auth threshold WPA2/);
  }, 40_000);

  it('a wrong password at a weak signal: no event blames the password, the timeout says why it cannot tell', async () => {
    const { r, error, events } = await verdict(['FarAway', '--password', 'wrong-pass-1', '--timeout', '5'], 'weak-signal');
    expect(r.code).toBe(6);
    expect(error.code).toBe('TIMEOUT');
    expect(error.likely).toBeUndefined();
    const disc = events.filter((e) => e.event === 'disconnected');
    expect(disc.length).toBeGreaterThan(0);
    for (const d of disc) expect(d.likely).toBeUndefined();
    expect(error.message).toMatch(/last disconnect 15 4WAY_HANDSHAKE_TIMEOUT at -8\d dBm .*a wrong password and a weak link look the same/);
  }, 40_000);
});

describe('item 6: where the password comes from', () => {
  it('a piped password without --password-stdin is refused (exit 2), never an open connect', async () => {
    const r = await runCli(['connect', 'HomeNet'], { tag, input: 'correct-horse\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no password given and no terminal to ask on/);
    expect(r.stderr).toMatch(/--password-stdin/);
    expect(r.stdout).toBe('');
  });

  it('--password-stdin reads one line', async () => {
    const r = await runCli(['connect', 'HomeNet', '--password-stdin'], { tag, input: 'correct-horse\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(password from stdin\)/);
    expect(r.stdout + r.stderr).not.toMatch(/correct-horse/);
    const empty = await runCli(['connect', 'HomeNet', '--password-stdin'], { tag, input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/stdin was empty/);
  });
});

describe('item 7: bad input is a usage error naming the rule', () => {
  const usage = async (args: string[], re: RegExp) => {
    const r = await runCli(args, { tag });
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(re);
    return r;
  };

  it('SSIDs, passwords and channels', async () => {
    await usage(['connect', '', '--open'], /the SSID is empty/);
    await usage(['connect', 'x'.repeat(33), '--open'], /at most 32 bytes/);
    await usage(['scan', '--ssid', 'x'.repeat(33)], /at most 32 bytes/);
    const short = await usage(['connect', 'HomeNet', '--password', 'secret7'], /8–63 characters or exactly 64 hex digits \(it has 7 characters\)/);
    expect(short.stderr).not.toMatch(/secret7/);
    await usage(['connect', 'HomeNet', '--password', 'x'.repeat(64)], /8–63 characters or exactly 64 hex digits/);
    await usage(['connect', 'HomeNet', '--password', ''], /--password is empty: for a network without a password say --open/);
    await usage(['scan', '--channel', '14'], /14 is allowed only in Japan/);
    await usage(['scan', '--channels', '6,14'], /14 is allowed only in Japan/);
    await usage(['connect', 'HomeNet', '--open', '--channel', '14'], /14 is allowed only in Japan/);
  });

  it('a channel outside the board\'s country channels is a usage error (scan --channel 12 in the US)', async () => {
    const scenario = path.join(tmp, 'us.json');
    writeFileSync(scenario, JSON.stringify({ name: 'us', country: 'US', aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }] }));
    await usage(['scan', '--channel', '12', '--scenario', scenario], /refused the scan's channels \(channel 12\): they are outside its country's channels/);
  });

  it('options that would be ignored name the conflict', async () => {
    await usage(['--port', '/dev/ttyUSB9', 'scan', '--scenario', 'home'], /--scenario and --port exclude each other/);
    await usage(['demo', '--ssid', 'HomeNet'], /--ssid\/--password apply only with --port/);
    await usage(['connect', 'HomeNet', '--open', '--sort', 'signal'], /--sort applies only with --scan-method all/);
    await usage(['connect', 'HomeNet', '--open', '--password', 'correct-horse'], /--open and --password exclude each other/);
  });
});

describe('item 8: ports that are not serial ports', () => {
  it('a file, /dev/null, a FIFO, a directory: "not a serial port" (exit 3)', async () => {
    const file = path.join(tmp, 'file');
    writeFileSync(file, 'x');
    const fifo = path.join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const dir = path.join(tmp, 'dir');
    mkdirSync(dir);
    for (const [p, what] of [[file, 'a regular file'], ['/dev/null', 'a character device that is not a terminal'], [fifo, 'a named pipe'], [dir, 'a directory']]) {
      const r = await runCli(['--json', '--port', p, 'info'], { tag });
      expect(r.code, p).toBe(3);
      const e = errorObject(r);
      expect(e).toMatchObject({ code: 'PORT', detail: 'PORT_NOT_SERIAL' });
      expect(String(e.message)).toContain(`${p} is not a serial port (it is ${what}`);
      expect(r.stderr).not.toMatch(/ioctl|baud/i);
    }
  });

  it('an unknown scheme and an empty port are usage errors, never the virtual board', async () => {
    const http = await runCli(['--port', 'http://x', 'info'], { tag });
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/unsupported scheme "http:\/\/" in http:\/\/x; use a device path, rfc2217:\/\/host:port or socket:\/\/host:port/);
    for (const r of [await runCli(['--port', '', 'info'], { tag }), await runCli(['info'], { tag, env: { ESPWIFI_PORT: '' } })]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the port is empty/);
      expect(r.stderr).not.toMatch(/virtual board \(scenario/);
    }
  });
});

describe('item 12: one JSON error shape, parser errors included', () => {
  it('usage, port and timeout failures each have their class', async () => {
    const parse = await runCli(['--json', 'scan', '--bogus'], { tag });
    expect(parse.code).toBe(2);
    expect(errorObject(parse)).toMatchObject({ code: 'USAGE', exitCode: 2, message: "unknown option '--bogus'" });
    const rule = await runCli(['--json', 'connect', '', '--open'], { tag });
    expect(errorObject(rule)).toMatchObject({ code: 'USAGE', exitCode: 2 });
    const port = await runCli(['--json', '--port', '/dev/pts/does-not-exist', 'info'], { tag });
    expect(errorObject(port)).toMatchObject({ code: 'PORT', detail: 'PORT_NOT_FOUND', exitCode: 3 });
    const timeout = await runCli(['--json', 'connect', 'FarAway', '--password', 'wrong-pass-1', '--timeout', '1', '--scenario', 'weak-signal'], { tag });
    expect(errorObject(timeout)).toMatchObject({ code: 'TIMEOUT', detail: 'TIMEOUT', exitCode: 6 });
  }, 30_000);
});

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
    const { sim, port } = await startSim('tty-status', ['--speed', '5']);
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
    const { sim, port } = await startSim('tty-flash');
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
    // As in README "The virtual board", at 2x virtual time (same behaviour, shorter wait; the
    // connect has 10 s to finish before HomeNet vanishes).
    const { sim, port } = await startSim('tty-vanish', ['--scenario', 'vanishing-ap', '--speed', '2']);
    try {
      const c = await runCli(['--port', port, 'connect', 'HomeNet', '--password-stdin'], { tag, input: 'correct-horse\n' });
      expect(c.code).toBe(0);
      const mon = startCli(['--port', port, 'monitor'], { tag });
      await mon.waitFor(/event disconnected reason=200 .*BEACON_TIMEOUT/, 20_000);
      const r = await mon.stop('SIGINT');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/event beacon_timeout[\s\S]*event disconnected reason=200/);
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 40_000);

  it('item 12: monitor --json names the SSID as text and exact bytes', async () => {
    const { sim, port } = await startSim('tty-vanish-json', ['--scenario', 'vanishing-ap', '--speed', '2']);
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
