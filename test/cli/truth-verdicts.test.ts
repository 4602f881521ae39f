// The CLI never claims what did not happen (issue 11), part 2: verdicts that agree with the
// evidence, password sources, input rules, port kinds and the JSON error shape — through the real
// binary against virtual boards (split from truth.test.ts so the files run in parallel).
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSuite, runCli, type RunResult } from './helpers.js';
import { buildCHelper } from '../support/build-c.js';

const { tag, tmp } = cliSuite('espwifi-truth-verdicts-');

const lines = (r: RunResult) => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const errorObject = (r: RunResult) => (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;

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
    execFileSync(buildCHelper('make-fifo.c', 'make-fifo'), [fifo]);
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
