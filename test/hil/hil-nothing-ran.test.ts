// `npm run hil` whose filter selects no test must not exit 0: a rig's CI reads "0" as "the boards
// passed", and nothing was checked (vitest itself exits 0 when every test is skipped).
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'hil-nothing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hil(args: string[]): Promise<{ code: number | null; text: string }> {
  const { ESPWIFI_PORT: _a, ESPWIFI_PORTS: _b, ESPWIFI_RIG: _c, ESPWIFI_AP_PORT: _d, ...env } = process.env;
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'hil/vitest.config.ts', ...args], {
    cwd: process.cwd(), env: { ...env, ESPWIFI_HIL_OUT: dir, ESPWIFI_HIL_VIA: 'direct', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (c: Buffer) => { text += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { text += c.toString(); });
  return new Promise((res) => child.on('exit', (code) => res({ code, text })));
}

it('a -t filter that matches no test: exit 1, saying nothing ran; the JUnit file shows every test skipped', async () => {
  const { code, text } = await hil(['-t', 'no test is called this']);
  expect(text).toMatch(/\[hil\] no test ran \(\d+ skipped\)/);
  expect(code, text.slice(-2000)).toBe(1);
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<testsuites name="espwifi-hil" tests="(\d+)" failures="0" errors="0"/);
  expect(junit).not.toMatch(/<testcase[^>]*>\s*<\/testcase>|<testcase[^>]*\/>/); // none passed
}, 120_000);
