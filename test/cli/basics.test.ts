// Commands that need no board: help, usage errors, reason, ports, flash argument checks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, ensureBuilt, runCli, writeFakeBuild } from './helpers.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe('espwifi without a board', () => {
  it('--help lists every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'sim', 'ports', 'info', 'scan', 'connect', 'status', 'disconnect', 'reset', 'monitor', 'reason', 'flash']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
    expect(r.stdout).toMatch(/Exit codes: 0 ok/);
  });

  it('a reader that closes early (| head -1) ends the CLI quietly with exit 0', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/espwifi.js'), 'reason', '--list'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy(); // the reader is gone before the CLI writes, as after `head -1` has read its line
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command is a usage error (exit 2)', async () => {
    const r = await runCli(['scna']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'scna'/);
  });

  it('an out-of-range option value is a usage error naming the option', async () => {
    const r = await runCli(['scan', '--channel', '15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--channel must be between 1 and 13 \(got 15\)/);
    const r2 = await runCli(['scan', '--channels', '1,6,99']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--channels must be between 1 and 13 \(got 99\)/);
    const r3 = await runCli(['connect', 'x', '--bssid', 'nope']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/--bssid must be a MAC/);
  });

  it('--log-level rejects unknown levels', async () => {
    const r = await runCli(['--log-level', 'loud', 'reason', '15']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--log-level/);
  });
});

describe('espwifi reason', () => {
  it('decodes a number', async () => {
    const r = await runCli(['reason', '15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4WAY_HANDSHAKE_TIMEOUT \(15\)/);
    expect(r.stdout).toMatch(/meaning/);
    expect(r.stdout).toMatch(/related to wrong password/);
  });

  it('decodes a name with or without the WIFI_REASON_ prefix, any case', async () => {
    const a = await runCli(['reason', 'beacon_timeout']);
    const b = await runCli(['reason', 'WIFI_REASON_BEACON_TIMEOUT']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^BEACON_TIMEOUT \(200\)/);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--json gives the decoded object', async () => {
    const r = await runCli(['--json', 'reason', '204']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ code: 204, name: 'HANDSHAKE_TIMEOUT' });
    expect(typeof d.meaning).toBe('string');
    expect(typeof d.action).toBe('string');
  });

  it('an unknown reason name is a usage error with a hint; an unknown number gets advice', async () => {
    const r = await runCli(['reason', 'NO_SUCH_REASON']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown reason name "NO_SUCH_REASON"/);
    expect(r.stderr).toMatch(/--list/);
    const n = await runCli(['reason', '9999']);
    expect(n.code).toBe(0);
    expect(n.stdout).toMatch(/UNKNOWN_9999/);
  });

  it('--list prints the whole table', async () => {
    const r = await runCli(['reason', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\s*\d+\s+[A-Z_0-9]+/.test(l)).length).toBeGreaterThan(40);
  });
});

describe('espwifi ports', () => {
  it('works without udevadm: a list (possibly empty) and a hint, exit 0', async () => {
    const r = await runCli(['ports']);
    expect(r.code).toBe(0);
    if (r.stdout.trim() === '') expect(r.stderr).toMatch(/No serial ports found.*virtual board/s);
    else expect(r.stdout).toMatch(/^PORT\s+USB ID/);
  });

  it('--json prints an array', async () => {
    const r = await runCli(['--json', 'ports']);
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});

describe('espwifi flash argument checks', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('refuses to run without --port (exit 2) and says why', async () => {
    const r = await runCli(['flash']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/flash needs a real board: pass --port/);
  });

  it('a missing build says how to build (exit 8)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'espwifi-nobuild-'));
    dirs.push(empty);
    const r = await runCli(['--port', '/dev/ttyUSB-none', 'flash', empty]);
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/no flasher_args\.json.*idf\.py set-target esp32c3 && idf\.py build/);
  });

  it('a missing port says how to find one (exit 3)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'espwifi-build-'));
    dirs.push(root);
    writeFakeBuild(root);
    const r = await runCli(['--port', '/dev/ttyUSB-espwifi-none', 'flash', root]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not exist.*espwifi ports/);
  });
});
