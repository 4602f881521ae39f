// Every board command through the real CLI binary against virtual boards: the built-in one
// (no --port) and one started by `espwifi sim` and shared by several invocations.
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSuite, type LiveCli, runCli, startCli } from './helpers.js';

const { tag, tmp } = cliSuite('espwifi-cli-');

describe('on the built-in virtual board (no --port)', () => {
  it('info prints the hello and says a virtual board is used', async () => {
    const r = await runCli(['info'], { tag });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/No --port given: using a built-in virtual board \(scenario "home", \/dev\//);
    expect(r.stdout).toMatch(/^port\s+\/dev\//m);
    expect(r.stdout).toMatch(/^firmware\s+\S+/m);
    expect(r.stdout).toMatch(/^MAC\s+58:cf:79:a0:00:01$/m);
  });

  it('info --json is one JSON object', async () => {
    const r = await runCli(['--json', 'info'], { tag });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ mac: '58:cf:79:a0:00:01' });
    expect(typeof info.proto).toBe('string');
  });

  it('status --json reports the phase', async () => {
    const r = await runCli(['--json', 'status'], { tag });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).phase).toBeDefined();
  });

  it('scan prints a table sorted by signal', async () => {
    const r = await runCli(['scan'], { tag });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SSID\s+BSSID\s+CH\s+RSSI\s+AUTH/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['HomeNet', 'Neighbor', 'CafeGuest']);
    expect(r.stderr).not.toMatch(/⠋|\r/); // no spinner when stderr is not a terminal
  });

  it('scan --json is an array of AP records', async () => {
    const r = await runCli(['--json', 'scan'], { tag });
    expect(r.code).toBe(0);
    const aps = JSON.parse(r.stdout) as { ssid: string; ssidHex: string; bssid: string; channel: number; auth: string }[];
    // README "JSON output": ssid is readable text, ssidHex the exact bytes.
    expect(aps.find((a) => a.ssid === 'HomeNet')).toMatchObject({ ssidHex: Buffer.from('HomeNet').toString('hex'), bssid: '30:7b:ac:69:41:90', channel: 6, auth: 'wpa2' });
  });

  it('scan options reach the driver: one channel, a channel list, passive, blocking, SSID filter', async () => {
    const ch = JSON.parse((await runCli(['--json', 'scan', '--channel', '11'], { tag })).stdout) as { ssid: string }[];
    expect(ch.map((a) => a.ssid)).toEqual(['Neighbor']);
    const list = JSON.parse((await runCli(['--json', 'scan', '--channels', '1,6'], { tag })).stdout) as { ssid: string }[];
    expect(list.map((a) => a.ssid).sort()).toEqual(['CafeGuest', 'HomeNet']);
    const passive = await runCli(['--json', 'scan', '--passive', '--passive-time', '150'], { tag });
    expect(passive.code).toBe(0);
    expect(JSON.parse(passive.stdout)).toHaveLength(3);
    const blocking = await runCli(['--json', 'scan', '--block', '--ssid', 'HomeNet'], { tag });
    expect(blocking.code).toBe(0);
    expect((JSON.parse(blocking.stdout) as { ssid: string }[]).map((a) => a.ssid)).toEqual(['HomeNet']);
  });

  it('scan --show-hidden reveals a hidden AP', async () => {
    const without = JSON.parse((await runCli(['--json', 'scan', '--scenario', 'hidden'], { tag })).stdout) as unknown[];
    const withHidden = JSON.parse((await runCli(['--json', 'scan', '--show-hidden', '--scenario', 'hidden'], { tag })).stdout) as unknown[];
    expect(withHidden.length).toBeGreaterThan(without.length);
  });

  it('connect with the right password (ESPWIFI_PASSWORD) streams events and exits 0 on GOT_IP', async () => {
    const r = await runCli(['connect', 'HomeNet'], { tag, env: { ESPWIFI_PASSWORD: 'correct-horse' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Connecting to "HomeNet" \(password from ESPWIFI_PASSWORD\)/);
    expect(r.stdout).toMatch(/✓ associated with 30:7b:ac:69:41:90 on channel 6/);
    expect(r.stdout).toMatch(/✓ got IP 192\.168\.1\.100 \/ 255\.255\.255\.0 via 192\.168\.1\.1/);
  });

  it('connect with a wrong password gives up early: exit 4 with the decoded reason', async () => {
    const r = await runCli(['connect', 'HomeNet', '--password', 'wrong-one-123'], { tag });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✗ disconnected from "HomeNet": [A-Z_0-9]+ \(\d+\)/);
    expect(r.stdout).toMatch(/gave up after \d+ attempts?: .*likely wrong password/);
    expect(r.stderr).toMatch(/hint: check the password/);
  });

  it('connect --json streams NDJSON events ending in got_ip', async () => {
    const r = await runCli(['--json', 'connect', 'HomeNet', '--password', 'correct-horse'], { tag });
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; ip?: string });
    expect(events[0].event).toBe('connecting');
    expect(events.at(-1)).toMatchObject({ event: 'got_ip', ip: '192.168.1.100' });
  });

  it('connect to a network that is not there: exit 5 with what the board hears, also on --timeout', async () => {
    const gone = await runCli(['connect', 'NoSuchNet', '--open', '--max-attempts', '2'], { tag });
    expect(gone.code).toBe(5);
    expect(gone.stdout).toMatch(/NO_AP_FOUND/);
    expect(gone.stdout).toMatch(/gave up after 2 attempts: no network named "NoSuchNet" in range; heard: "HomeNet", "Neighbor", "CafeGuest"/);
    const slow = await runCli(['connect', 'NoSuchNet', '--open', '--timeout', '2'], { tag });
    expect(slow.code).toBe(5);
    expect(slow.stderr).toMatch(/no IP address within 2 s from "NoSuchNet": no network named "NoSuchNet" in range/);
  });

  it('disconnect on an idle board says there is nothing to do', async () => {
    const r = await runCli(['disconnect'], { tag });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Not connected/);
  });

  it('reset reboots the board and reports the new hello', async () => {
    const r = await runCli(['reset'], { tag });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ Board restarted \(reset reason: \w+\)/);
  });

  it('an unknown scenario is a usage error', async () => {
    const r = await runCli(['scan', '--scenario', 'no-such-scenario'], { tag });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario "no-such-scenario" not found/);
  });
});

describe('monitor', () => {
  it('prints decoded events and device log lines until Ctrl-C, then exits 0 (NDJSON with --json)', async () => {
    // A board that panics 3 s (virtual) in, after monitor is attached: a log burst (the panic dump,
    // the ROM banner) and a reset. Sooner, the panic could land while the board is still being opened.
    const scenario = path.join(tmp, 'panicky.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        name: 'panicky',
        aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }],
        timeline: [{ at_ms: 3000, action: 'panic' }],
      }),
    );
    const mon = startCli(['--json', 'monitor', '--scenario', scenario], { tag });
    await mon.waitFor(/"type":"reset"/, 20_000);
    const r = await mon.stop('SIGINT');
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string });
    expect(records.some((x) => x.type === 'log')).toBe(true);
    expect(records.find((x) => x.type === 'reset')).toMatchObject({ reason: 'panic', unexpected: true });
  });
});

describe('espwifi sim shared by several commands', () => {
  let sim: LiveCli;
  let port: string;

  beforeAll(async () => {
    sim = startCli(['--json', 'sim', '--scenario', 'home', '--speed', '5', '--seed', '7', '--control', path.join(tmp, 'ctl.sock'), '--link', path.join(tmp, 'ttyESP')], { tag });
    const m = await sim.waitFor(/^\{.*\}\n/);
    const first = JSON.parse(m[0]) as { port: string; pty: string; control: string; scenario: string };
    expect(first).toMatchObject({ scenario: 'home', port: path.join(tmp, 'ttyESP'), control: path.join(tmp, 'ctl.sock') });
    expect(first.pty).toMatch(/^\/dev\//);
    port = first.port;
  }, 30_000);

  afterAll(async () => {
    const r = await sim.stop('SIGTERM');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(tmp, 'ttyESP'))).toBe(false); // the link is removed on exit
    expect(existsSync(path.join(tmp, 'ctl.sock'))).toBe(false);
  });

  it('the first line is the port, and other commands can use it', async () => {
    expect(port).toBe(path.join(tmp, 'ttyESP')); // --link: the stable name is the port handed out
    const info = await runCli(['--port', port, 'info'], { tag });
    expect(info.code).toBe(0);
    expect(info.stderr).not.toMatch(/virtual board/);
  });

  it('connect, status, disconnect, status: the board keeps its state between invocations', async () => {
    expect((await runCli(['--port', port, 'connect', 'HomeNet', '--password', 'correct-horse'], { tag })).code).toBe(0);
    const s1 = JSON.parse((await runCli(['--json', '--port', port, 'status'], { tag })).stdout);
    expect(s1).toMatchObject({ port, phase: 'got_ip', ip: '192.168.1.100', ssid: 'HomeNet', lastReasonName: expect.any(String) });
    const d = await runCli(['--port', port, 'disconnect'], { tag });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/✓ Disconnected from "HomeNet"/);
    const s2 = JSON.parse((await runCli(['--json', '--port', port, 'status'], { tag })).stdout);
    expect(s2.phase).toBe('started');
  });

  it('the control socket injects faults the next command sees', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = net.createConnection(path.join(tmp, 'ctl.sock'));
      let buf = '';
      sock.on('data', (d) => {
        buf += d.toString();
        if (buf.includes('\n')) {
          sock.end();
          resolve(buf.trim());
        }
      });
      sock.on('error', reject);
      sock.write('{"action":"ap_off","ssid":"Neighbor"}\n');
    });
    expect(JSON.parse(reply)).toMatchObject({ ok: true });
    const aps = JSON.parse((await runCli(['--json', '--port', port, 'scan'], { tag })).stdout) as { ssid: string }[];
    expect(aps.map((a) => a.ssid)).not.toContain('Neighbor');
    expect(aps.map((a) => a.ssid)).toContain('HomeNet');
  });

  it('a missing port is exit 3 with a hint', async () => {
    const r = await runCli(['--port', '/dev/pts/does-not-exist', 'info'], { tag });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/espwifi ports/);
  });
});
