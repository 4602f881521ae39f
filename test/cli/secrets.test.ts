// Wi-Fi passwords never appear in any output: not in text, not in --json, not in trace logs,
// not in error messages — whichever way the password was given.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, newTag, runCli, settle } from './helpers.js';

const tag = newTag();
beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

const RIGHT = 'correct-horse'; // the home scenario's password
const WRONG = 'Wr0ng-Secret-Zebra';

function leaks(out: string, secret: string): boolean {
  const hex = Buffer.from(secret).toString('hex');
  const b64 = Buffer.from(secret).toString('base64');
  return out.includes(secret) || out.toLowerCase().includes(hex) || out.includes(b64);
}

describe('passwords stay secret', () => {
  for (const mode of [[], ['--json'], ['--log-level', 'trace'], ['--json', '--log-level', 'trace']]) {
    it(`connect with --password ${mode.join(' ') || '(text)'}: success and failure`, async () => {
      const ok = await runCli([...mode, 'connect', 'HomeNet', '--password', RIGHT], { tag });
      expect(ok.code).toBe(0);
      expect(leaks(ok.stdout + ok.stderr, RIGHT)).toBe(false);
      const bad = await runCli([...mode, 'connect', 'HomeNet', '--password', WRONG], { tag });
      expect(bad.code).toBe(4);
      expect(leaks(bad.stdout + bad.stderr, WRONG)).toBe(false);
    });
  }

  it('from ESPWIFI_PASSWORD at trace level', async () => {
    const r = await runCli(['--log-level', 'trace', 'connect', 'HomeNet'], { tag, env: { ESPWIFI_PASSWORD: WRONG } });
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).toMatch(/ESPWIFI_PASSWORD/); // the source is named…
    expect(leaks(r.stdout + r.stderr, WRONG)).toBe(false); // …the value never
  });

  it('the demo (which uses the scenario password) never prints it', async () => {
    const r = await runCli(['--log-level', 'debug', 'demo', '--speed', '10'], { tag, timeoutMs: 90_000 });
    expect(r.code).toBe(0);
    expect(leaks(r.stdout + r.stderr, RIGHT)).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(/not-the-password/);
  }, 100_000);

  it('leaves no process behind', async () => {
    expect(await settle(tag)).toEqual([]);
  });
});
