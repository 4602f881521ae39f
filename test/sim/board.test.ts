// The virtual board as a device: pty, boot output, control channel, faults, pacing, lifecycle.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualBoard, VirtualBoardError } from '../../host/src/sim/virtual-board.js';
import { scenarioLines, loadScenario, ScenarioError } from '../../host/src/sim/scenario.js';
import { rig, station, teardown, until, Wire, type Rig } from './harness.js';

let r: Rig | undefined;
afterEach(async () => {
  await teardown(r);
  r = undefined;
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('virtual board device', () => {
  it('reset prints the ROM banner and bootloader noise before the hello, with the reason', async () => {
    r = await rig();
    const from = r.w.mark();
    await r.vb.reset('brownout');
    const hello = await r.w.event('hello', from);
    expect(hello.num).toBe(0);
    expect(hello.f.reset).toBe('brownout');
    const before = r.w.lines.slice(from, r.w.lines.findIndex((l) => l.frame?.verb === 'hello'));
    const texts = before.map((l) => l.text);
    expect(texts).toContain('Brownout detector was triggered');
    expect(texts).toContain('ESP-ROM:esp32c3-api1-20210207');
    expect(texts.some((t) => t.startsWith('rst:0xf (RTC_BROWN_OUT_RST),boot:0xc'))).toBe(true);
    expect(texts.some((t) => /I \(\d+\) boot: ESP-IDF v5\.5\.\d 2nd stage bootloader/.test(t))).toBe(true);
    expect(texts.some((t) => /main_task: Calling app_main\(\)/.test(t))).toBe(true);
    expect(before.every((l) => l.frame === null && !l.bad)).toBe(true);
  });

  it('panic prints a Guru Meditation dump with a backtrace, then reboots with reset=panic', async () => {
    r = await rig();
    const from = r.w.mark();
    await r.vb.panic();
    const hello = await r.w.event('hello', from);
    expect(hello.f.reset).toBe('panic');
    const texts = r.w.lines.slice(from).map((l) => l.text);
    expect(texts.some((t) => t.startsWith("Guru Meditation Error: Core  0 panic'ed"))).toBe(true);
    expect(texts.some((t) => /^Backtrace: (0x[0-9a-f]{8}:0x[0-9a-f]{8} ?)+$/.test(t))).toBe(true);
    expect(texts.indexOf('Rebooting...')).toBeLessThan(texts.indexOf('ESP-ROM:esp32c3-api1-20210207'));
  });

  it('a panic sent during a blocking scan applies at once; no reply of the dead boot comes before the hello', async () => {
    r = await rig({ scenario: 'home', speed: 5 });
    await station(r.w, { ssid: 'HomeNet', pass: 'correct-horse' });
    const from = r.w.mark();
    const id = r.w.send('scan', { block: 1, type: 'passive', passive: 1500 }); // 13 x 1.5 s virtual: ~4 s
    await until(async () => (await r!.vb.diag()).scanning === 1);
    await r.vb.panic();
    const hello = await r.w.event('hello', from);
    expect(hello.f.reset).toBe('panic');
    const lines = r.w.lines.slice(from);
    const guru = lines.findIndex((l) => l.text.startsWith('Guru Meditation Error'));
    expect(guru).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l.frame?.kind === 'r' && l.frame.num === id)).toEqual([]);
    expect(lines.slice(guru).filter((l) => l.frame && l.frame.verb !== 'hello')).toEqual([]);
  });

  it('a timeline brownout during a blocking scan: nothing but log between the reset and the hello', async () => {
    // speed 1: the brownout lands 4 s after power-on, well inside the 19.5 s scan
    r = await rig({ scenario: { aps: [{ ssid: 'HomeNet', bssid: '02:00:00:00:09:01', auth: 'open' }], timeline: [{ at_ms: 4000, action: 'reset', reason: 'brownout' }] }, speed: 1 });
    await station(r.w, { ssid: 'HomeNet' });
    const from = r.w.mark();
    const id = r.w.send('scan', { block: 1, type: 'passive', passive: 1500 });
    const hello = await r.w.event('hello', from, 10_000);
    expect(hello.f.reset).toBe('brownout');
    const lines = r.w.lines.slice(from);
    const rst = lines.findIndex((l) => l.text.startsWith('rst:0xf (RTC_BROWN_OUT_RST)'));
    const helloAt = lines.findIndex((l) => l.frame?.verb === 'hello');
    expect(rst).toBeGreaterThanOrEqual(0);
    expect(lines.slice(rst, helloAt).filter((l) => l.frame !== null || l.bad)).toEqual([]);
    expect(lines.filter((l) => l.frame?.kind === 'r' && l.frame.num === id)).toEqual([]);
    expect((await r.vb.diag()).scans).toBe(1); // the scan did run: the brownout cut it short
  });

  it('the software reset command reboots with reset=sw', async () => {
    r = await rig();
    const from = r.w.mark();
    await r.w.ok('reset');
    const hello = await r.w.event('hello', from);
    expect(hello.f.reset).toBe('sw');
    await r.w.ok('ping');
  });

  it('noise, dropped and corrupted bytes: the host sees garbage, the board keeps answering', async () => {
    r = await rig();
    let from = r.w.mark();
    await r.vb.noise(300);
    await r.w.ok('ping');
    expect(r.w.lines.slice(from).some((l) => l.frame === null && !l.text.startsWith('~'))).toBe(true);

    // The damaged reply is awaited as a line, not as a timeout: no deadline decides it. Its id
    // never answers: the next ping's reply comes after anything that reply could have been.
    const isReply = (id: number) => (l: Rig['w']['lines'][number]) => l.frame?.kind === 'r' && l.frame.num === id;
    await r.vb.dropBytes(5);
    from = r.w.mark();
    const lost = r.w.send('ping');
    await r.w.waitLine((l) => l.frame === null || l.bad !== undefined, 10_000, from);
    await r.w.ok('ping');
    expect(r.w.lines.slice(from).filter(isReply(lost))).toEqual([]);
    expect((await r.vb.diag()).bytes_dropped).toBe(5);

    // 5 bytes = the start of the next reply ("~r7 o"): no single bit flip there can make a line end
    await r.vb.corruptBytes(5);
    from = r.w.mark();
    const corrupted = r.w.send('ping');
    await r.w.waitLine((l) => l.bad !== undefined || l.frame === null, 10_000, from);
    await r.w.ok('ping');
    expect(r.w.lines.slice(from).filter(isReply(corrupted))).toEqual([]);
    expect((await r.vb.diag()).bytes_corrupted).toBe(5);
  });

  it('control channel errors are named, and passwords are never echoed', async () => {
    r = await rig();
    await expect(r.vb.control('bogus')).rejects.toMatchObject({ code: 'UNKNOWN_ACTION' });
    await expect(r.vb.apOff('NoSuchNet')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(r.vb.control('rssi ssid=HomeNet rssi=12')).rejects.toMatchObject({ code: 'BAD_ARG' });
    await expect(r.vb.control('ap_add ssid=X')).rejects.toMatchObject({ code: 'MISSING_ARG' });
    const reply = await r.vb.control('ap_add ssid=New\\sNet bssid=02:11:22:33:44:55 auth=wpa2 pass=sup3r-secret');
    expect(JSON.stringify(reply)).not.toContain('sup3r-secret');
    await expect(r.vb.deauth(3)).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('a host may close and reopen the port; output while nobody listens is lost, not replayed', async () => {
    r = await rig();
    await r.w.close();
    await r.vb.noise(500);
    await r.vb.reset('sw'); // boot log + hello while closed
    // the boot ends with the hello, written in the same step that ends it, and leaves the queue on
    // the board's next pump: wait until nothing is left to send (all of it discarded), not a time
    await until(async () => {
      const d = await r!.vb.diag();
      return Number(d.booting) === 0 && Number(d.out_queued) === 0;
    }, 30_000);
    expect(Number((await r.vb.diag()).bytes_discarded)).toBeGreaterThan(500);
    r.w = await Wire.open(r.vb.port);
    await r.w.ok('ping');
    // just the reply: no stale noise, boot lines or hello
    expect(r.w.lines.map((l) => l.text)).toEqual([expect.stringMatching(/^~r\d+ ok /)]);
  });

  it('several boards run at once, each on its own pty', async () => {
    const boards = await Promise.all([1, 2, 3].map((seed) => rig({ seed })));
    try {
      expect(new Set(boards.map((b) => b.vb.port)).size).toBe(3);
      await Promise.all(boards.map((b) => b.w.ok('ping')));
      await boards[0].vb.apOff('HomeNet');
      expect((await boards[1].vb.diag()).state).toBe('idle');
    } finally {
      await Promise.all(boards.map((b) => teardown(b)));
    }
  });

  it('paces output at about baud/10 bytes per second, times the speed factor', async () => {
    // Pacing is a wall-clock behaviour, so this is the one test that times the wire. A loaded
    // machine can only make the board send (and the host read) later, never sooner: the upper
    // bound is strict (unpaced or too fast fails), the lower one only catches a rate off by 2x.
    const measure = async (speed: number, bytesOut: number) => {
      r = await rig({ speed, pacing: true });
      let first = 0;
      let last = 0;
      let bytes = 0;
      const onData = (d: Buffer) => {
        if (!first) first = performance.now();
        last = performance.now();
        bytes += d.length;
      };
      r.w.sp.on('data', onData);
      await r.vb.noise(bytesOut);
      await until(() => bytes >= bytesOut, 20_000); // every byte, however long the machine needs
      r.w.sp.off('data', onData);
      await teardown(r);
      r = undefined;
      return (bytes / (last - first)) * 1000;
    };
    const base = await measure(1, 6000);
    expect(base).toBeGreaterThan(11520 * 0.5);
    expect(base).toBeLessThan(11520 * 1.2);
    const fast = await measure(3, 12000);
    expect(fast).toBeGreaterThan(3 * 11520 * 0.5);
    expect(fast).toBeLessThan(3 * 11520 * 1.2);
  }, 60_000);

  it('exits and removes its --link when the parent dies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'espwifi-sim-'));
    const link = join(dir, 'ttyVB0');
    // a parent that starts the simulator (as VirtualBoard does) and is then killed with SIGKILL
    const bin = new URL('../../firmware/sim/build/espwifi-sim', import.meta.url).pathname;
    const script = `
      const { spawn } = require('node:child_process');
      const sim = spawn(${JSON.stringify(bin)}, ['--link', ${JSON.stringify(link)}], { stdio: ['pipe', 'pipe', 'inherit'] });
      sim.stdout.once('data', (d) => console.log(JSON.stringify({ port: String(d).split('\\n')[0], pid: sim.pid })));
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rl = createInterface({ input: child.stdout! });
    const first = await new Promise<string>((res) => rl.once('line', res));
    const { port, pid: simPid } = JSON.parse(first);
    expect(readlinkSync(link)).toBe(port);
    expect(alive(simPid)).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 5000;
    while (alive(simPid) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    expect(alive(simPid)).toBe(false);
    expect(() => lstatSync(link)).toThrow();
  });

  it('serves the JSON-lines control socket', async () => {
    const sock = join(mkdtempSync(join(tmpdir(), 'espwifi-sim-')), 'ctl.sock');
    r = await rig({ controlSocket: sock });
    const c = createConnection(sock);
    const rl = createInterface({ input: c });
    const ask = (o: object) => new Promise<Record<string, unknown>>((res) => { rl.once('line', (l) => res(JSON.parse(l))); c.write(`${JSON.stringify(o)}\n`); });
    expect(await ask({ action: 'ap_off', ssid: 'HomeNet' })).toEqual({ ok: true, n: 1 });
    expect(await ask({ action: 'ap_off', ssid: 'Nope' })).toMatchObject({ ok: false, error: 'NOT_FOUND' });
    expect(await ask({ action: 'diag' })).toMatchObject({ ok: true, state: 'idle' });
    expect(await ask({ nope: 1 })).toMatchObject({ ok: false, error: 'MISSING_ARG' });
    c.end();
    await r.vb.stop();
    expect(existsSync(sock)).toBe(false);
  });

  it('rejects bad scenarios by name and tells how to build a missing binary', async () => {
    expect(() => loadScenario({ aps: [{ ssid: 'x' } as never] })).toThrow(ScenarioError);
    expect(() => loadScenario({ colour: 1 } as never)).toThrow(/unknown key "colour"/);
    expect(() => loadScenario('no-such-scenario')).toThrow(/not found/);
    expect(scenarioLines(loadScenario('vanishing-ap'))).toContain('at 20000 ap_off ssid=HomeNet');
    await expect(VirtualBoard.start({ binary: '/nonexistent/espwifi-sim' })).rejects.toThrow(/npm run build:sim/);
    await expect(VirtualBoard.start({ binary: '/nonexistent/espwifi-sim' })).rejects.toBeInstanceOf(VirtualBoardError);
  });

  it('a timeline action runs at its virtual time', async () => {
    // Real speed and an action 10 virtual minutes in: the clock cannot get there by itself within
    // the test's time limit, only through the jump, whatever the machine's load.
    const AT = 600_000;
    r = await rig({ speed: 1, scenario: { aps: [{ ssid: 'T', bssid: '02:00:00:00:09:01', auth: 'open' }], timeline: [{ at_ms: AT, action: 'ap_off', ssid: 'T' }] } });
    const before = await r.vb.time();
    expect((await r.vb.diag()).aps_on).toBe(1);
    await r.vb.time(AT - 60_000 - before.uptimeMs); // a virtual minute early (timeline times count from power-on): not yet
    expect((await r.vb.diag()).aps_on).toBe(1);
    const t = await r.vb.time(60_000);
    expect(t.uptimeMs).toBeGreaterThanOrEqual(AT);
    expect((await r.vb.diag()).aps_on).toBe(0);
  });
});
