// `npm run hil` on a two-board rig file, end to end: board "left" is a virtual board exported by
// ser2net over RFC 2217 with fault-injection capabilities, board "right" a bare pseudo-terminal
// with none. Checks what a rig owner relies on: per-board logs, a JUnit file, skips with reasons,
// and no password anywhere in the output.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualBoard } from '../../host/src/index.js';
import { SER2NET_MISSING, Ser2net, ser2netAvailable } from '../../hil/ser2net.js';

const PASSWORD = 'correct-horse'; // firmware/sim/scenarios/home.json
const dir = mkdtempSync(join(tmpdir(), 'hil-rig-'));
const stops: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A rig command that sends one JSON control line to a virtual board's control socket. */
function control(sock: string, action: Record<string, unknown>): string {
  const js = `const s=require('net').connect(process.argv[1]);s.end(process.argv[2]+'\\n');s.on('data',()=>{});`;
  const q = (x: string) => `'${x.replace(/'/g, `'\\''`)}'`;
  return `${q(process.execPath)} -e ${q(js)} ${q(sock)} ${q(JSON.stringify(action))}`;
}

const HAVE = ser2netAvailable();
if (!HAVE) console.warn(`test/hil/hil-multiboard: skipped — ${SER2NET_MISSING}`);

describe.skipIf(!HAVE)('npm run hil with a rig file', () => {
  it('runs both boards, writes one log per board and a JUnit report, skips with reasons, leaks no password', async () => {
    const leftSock = join(dir, 'left.sock');
    const left = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 1, color: false, stderr: 'ignore', controlSocket: leftSock });
    stops.push(() => left.stop());
    const s2n = await Ser2net.start(left.port, 'rfc2217');
    stops.push(() => s2n.stop());
    const right = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 2, color: false, stderr: 'ignore' });
    stops.push(() => right.stop());

    const rig = join(dir, 'rig.json');
    writeFileSync(rig, JSON.stringify({
      ap: { ssid: 'HomeNet', passwordEnv: 'HIL_TEST_PASS', expectSsids: ['HomeNet', 'Neighbor'] },
      connectBoundMs: 15000,
      boards: [
        {
          name: 'left', port: s2n.url,
          capabilities: {
            apOff: control(leftSock, { action: 'ap_off', ssid: 'HomeNet' }),
            apOn: control(leftSock, { action: 'ap_on', ssid: 'HomeNet' }),
            dhcpChange: control(leftSock, { action: 'dhcp_change', ip: '192.168.1.77' }),
            reset: control(leftSock, { action: 'reset', reason: 'brownout' }),
          },
        },
        { name: 'right', port: right.port },
      ],
    }));
    const out = join(dir, 'out');
    const { ESPWIFI_PORT: _a, ESPWIFI_PORTS: _b, ESPWIFI_PASSWORD: _c, ESPWIFI_HIL_VIA: _d, ...env } = process.env;
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'hil/vitest.config.ts'], {
      cwd: process.cwd(), env: { ...env, ESPWIFI_RIG: rig, HIL_TEST_PASS: PASSWORD, ESPWIFI_HIL_OUT: out, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => { text += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { text += c.toString(); });
    const code = await new Promise<number | null>((res) => child.on('exit', res));

    expect(text).toContain('targets: left (real rfc2217://127.0.0.1:');
    expect(text).toMatch(/right: skipped — needs rig capability apOff, apOn/);
    expect(code, text.slice(-3000)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'left.log', 'right.log']);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    // Every HIL file runs for both boards (station, driver facts, port, Improv, the two-board
    // suite's skip): nothing failed, and more than the station suite's 2 × 8 ran.
    const totals = junit.match(/<testsuites name="espwifi-hil" tests="(\d+)" failures="0" errors="0"/);
    expect(totals, junit.slice(0, 400)).not.toBeNull();
    expect(Number(totals![1])).toBeGreaterThan(16);
    expect(junit).toContain('name="left &gt; station &gt; reconnects after the AP returns"');
    expect(junit).toMatch(/name="right &gt; station &gt; an IP change is surfaced as its own event"[^>]*>(?:(?!<\/testcase>)[\s\S])*<skipped\/>/);
    const leftLog = readFileSync(join(out, 'left.log'), 'utf8');
    expect(leftLog).toContain('"msg":"rig command"');
    expect(leftLog).toContain('"msg":"test end"');
    expect(existsSync(join(out, 'right.log'))).toBe(true);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8'), f).not.toContain(PASSWORD);
    expect(text).not.toContain(PASSWORD);
  }, 120_000);
});
