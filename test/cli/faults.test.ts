// Faults in the middle of a command, through the real binary against a virtual board over a real
// pty: what a HIL rig reading the exit code and the --json stream must be able to trust.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSuite, controlLine, runCli, startCli, startSim, type LiveCli, type RunResult } from './helpers.js';

const suite = cliSuite('espwifi-faults-');
const { tag, tmp } = suite;

/** HomeNet answers no DHCP: a connect associates and then waits for its IP until the timeout. */
function noDhcpScenario(): string {
  const file = path.join(tmp, 'no-dhcp.json');
  writeFileSync(file, JSON.stringify({
    name: 'no-dhcp',
    aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }],
    dhcp: { delay_ms: -1 },
  }));
  return file;
}

/** The run once the CLI ended by itself (stop() sends no signal to a process that has exited). */
async function exited(c: LiveCli): Promise<RunResult> {
  await new Promise<void>((resolve) => (c.child.exitCode !== null ? resolve() : c.child.once('exit', () => resolve())));
  return c.stop();
}

const ndjson = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a board reset during connect', () => {
  it('--json: the failed event carries the exit code (7), as the error object and the process do', async () => {
    const control = path.join(tmp, 'reset.sock');
    const { sim, port } = await startSim(suite, 'tty-reset', ['--scenario', noDhcpScenario(), '--control', control]);
    try {
      const c = startCli(['--port', port, '--json', 'connect', 'HomeNet', '--password', 'correct-horse'], { tag });
      await c.waitFor(/"event":"connected"/);
      expect(await controlLine(control, { action: 'panic' })).toMatchObject({ ok: true });
      const r = await exited(c);
      expect(r.code).toBe(7);
      const failed = ndjson(r.stdout).find((e) => e.event === 'failed');
      const error = (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;
      expect(error).toMatchObject({ code: 'DEVICE_RESET', exitCode: 7 });
      expect(failed).toMatchObject({ exitCode: 7, message: error.message });
    } finally {
      await sim.stop('SIGINT');
    }
  }, 60_000);
});

describe('the port goes away under a running command', () => {
  it('monitor: exit 3 naming the lost port, never a silent exit 0 (that is how Ctrl-C ends it)', async () => {
    const { sim, port } = await startSim(suite, 'tty-gone');
    const m = startCli(['--port', port, 'monitor'], { tag });
    try {
      await m.waitFor(/Monitoring /, 20_000, 'stderr');
      await sim.stop('SIGTERM'); // the board and its pty are gone, as when the cable is pulled
      const r = await exited(m);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/espwifi: .*the port went away/);
    } finally {
      await m.stop('SIGINT');
      await sim.stop('SIGINT');
    }
  }, 60_000);
});

describe('Ctrl-C while connect works out why it failed', () => {
  it('the scan behind the verdict is interrupted: exit 130 at once, not the verdict after the scan', async () => {
    // A slow board (quarter speed): the verdict's scan of all channels takes about 6 s.
    const { sim, port } = await startSim(suite, 'tty-slow', ['--speed', '0.25']);
    const c = startCli(['--port', port, '--json', 'connect', 'NoSuchNet', '--open', '--timeout', '2'], { tag });
    try {
      // the attempt the timeout ended is stopped (reason 8, the CLI's own); the verdict's scan follows
      await c.waitFor(/"event":"disconnected","reason":8,/, 30_000);
      c.child.kill('SIGINT');
      const r = await exited(c);
      expect(r.code).toBe(130);
      expect(r.stdout).not.toMatch(/"event":"failed"/);
      expect(r.stderr).toMatch(/"code":"INTERRUPTED"/);
    } finally {
      await c.stop('SIGKILL');
      await sim.stop('SIGINT');
    }
  }, 60_000);
});

describe('a board reset during improv provision', () => {
  it('exit 7 naming the reset, not a timeout after --timeout (our bridge says hello again)', async () => {
    const control = path.join(tmp, 'improv.sock');
    const { sim, port } = await startSim(suite, 'tty-improv', ['--scenario', noDhcpScenario(), '--control', control]);
    const c = startCli(['--port', port, 'improv', 'provision', 'HomeNet', '--password', 'correct-horse', '--timeout', '20'], { tag });
    try {
      await c.waitFor(/state: provisioning/, 30_000, 'stderr');
      expect(await controlLine(control, { action: 'panic' })).toMatchObject({ ok: true });
      const r = await exited(c);
      expect(r.code).toBe(7);
      expect(r.stderr).toMatch(/espwifi: the device reset \(panic/);
    } finally {
      await c.stop('SIGKILL');
      await sim.stop('SIGINT');
    }
  }, 90_000);
});

describe('a board left in SoftAP mode (espwifi ap)', () => {
  it('scan beside a running SoftAP is refused with the way out named; after ap stop it scans and leaves the SoftAP stopped', async () => {
    const { sim, port } = await startSim(suite, 'tty-ap');
    const cli = (args: string[]) => runCli(['--port', port, ...args], { tag });
    try {
      expect((await cli(['ap', 'start', 'RigAP', '--password', 'rig-secret-1'])).code).toBe(0);
      const beside = await cli(['scan']);
      expect(beside.code).toBe(9);
      expect(beside.stderr).toMatch(/espwifi: the board runs a SoftAP only \(mode ap\)/);
      expect(beside.stderr).toMatch(/--with-station/);
      expect((await cli(['ap', 'stop'])).code).toBe(0);
      const after = await cli(['--json', 'scan']);
      expect(after.stderr).not.toMatch(/WIFI_MODE/);
      expect(after.code).toBe(0);
      expect((JSON.parse(after.stdout) as { ssid: string }[]).map((a) => a.ssid)).toContain('HomeNet');
      const state = await cli(['--json', 'ap', 'status']);
      expect(JSON.parse(state.stdout)).toMatchObject({ running: false });
    } finally {
      await sim.stop('SIGINT');
    }
  }, 90_000);
});

describe('a connect that joins the AP and gets no address', () => {
  it('the timeout says the station joined and no IP came, not "no attempt finished"', async () => {
    const r = await runCli(['--json', 'connect', 'HomeNet', '--password', 'correct-horse', '--timeout', '3', '--scenario', noDhcpScenario()], { tag });
    expect(r.code).toBe(6);
    expect(ndjson(r.stdout).some((e) => e.event === 'connected')).toBe(true);
    const error = (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: Record<string, unknown> }).error;
    expect(error.message).toMatch(/no IP address within 3 s from "HomeNet": the station joined the AP but no address came \(no DHCP answer\?\)/);
    expect(error.likely).toBeUndefined();
  }, 60_000);
});

describe('sim paths in a directory that does not exist', () => {
  it.each([['--link', 'tty'], ['--control', 'vb.sock']])('%s: exit 2 naming the directory, no "build the simulator" advice', async (option, name) => {
    const missing = path.join(tmp, 'no-such-dir');
    const r = await runCli(['sim', option, path.join(missing, name)], { tag, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^espwifi: (link|control socket) /);
    expect(r.stderr).toContain(`${path.join(missing, name)}: its directory ${missing} does not exist`);
    expect(r.stderr).not.toMatch(/build:sim|undefined|EACCES/);
  });
});

describe('a scan that runs out of time', () => {
  it('is stopped and its records fetched before the CLI exits 6: nothing is left in the driver, no warning', async () => {
    const control = path.join(tmp, 'scan-timeout.sock');
    const { sim, port } = await startSim(suite, 'tty-scan-timeout', ['--control', control]);
    try {
      // 14 channels × 1.5 s passive: far longer than the 1 s allowed
      const r = await runCli(['--port', port, 'scan', '--passive', '--passive-time', '1500', '--timeout', '1'], { tag });
      expect(r.code).toBe(6);
      expect(r.stderr).not.toMatch(/could not fetch/);
      const diag = (await controlLine(control, { action: 'diag' })) as Record<string, unknown>;
      expect(diag).toMatchObject({ ok: true });
      const d = (diag.diag ?? diag) as Record<string, unknown>;
      expect(Number(d.held_records)).toBe(0);
      expect(Number(d.leaked_scans)).toBe(0);
      expect(Number(d.scans)).toBe(1);
    } finally {
      await sim.stop('SIGINT');
    }
  }, 60_000);
});
