// The scan spinner on a real terminal (stderr on a pseudo-terminal, so the CLI sees a TTY): it is
// cleared before any other line reaches stderr, so a message never lands after a spinner frame
// on the same screen line (issue 11, item 10).
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ptyPair } from '../support/pty-pair.js';
import { ROOT, cleanEnv, cliSuite } from './helpers.js';

const { tag, tmp } = cliSuite('espwifi-spinner-');
const FRAME = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** What a terminal shows for `raw`: \r returns to column 0, ESC[2K blanks the line, \n ends it. */
function render(raw: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw.startsWith('\x1b[2K', i)) { line = []; i += 3; continue; }
    const ch = raw[i];
    if (ch === '\r') col = 0;
    else if (ch === '\n') { lines.push(line.join('')); line = []; col = 0; }
    else line[col++] = ch;
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

/** Runs the CLI with stderr on a terminal; what the terminal shows is read until `ending` is in
 *  it (the relay may still hold the last bytes when the process has exited). */
async function scanOnTerminal(args: string[], ending: RegExp): Promise<{ code: number | null; raw: string }> {
  const pair = await ptyPair();
  const term = openSync(pair.b, 2 | 2048 | 256); // what the user's terminal reads
  const stderrTty = openSync(pair.a, 2 | 256);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/espwifi.js'), ...args], {
    cwd: ROOT, env: cleanEnv({ ESPWIFI_TEST_TAG: tag }), stdio: ['ignore', 'pipe', stderrTty],
  });
  closeSync(stderrTty);
  let raw = '';
  const buf = Buffer.alloc(4096);
  const drain = () => {
    for (;;) {
      try {
        const n = readSync(term, buf, 0, buf.length, null);
        if (n <= 0) return;
        raw += buf.subarray(0, n).toString();
      } catch {
        return;
      }
    }
  };
  const poll = setInterval(drain, 20);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(poll);
  drain();
  for (let i = 0; i < 250 && !ending.test(raw); i++) {
    await new Promise((r) => setTimeout(r, 20)); // bounds a relay that lost bytes; decides nothing
    drain();
  }
  closeSync(term);
  await pair.close();
  return { code, raw };
}

describe('the scan spinner on a terminal', () => {
  it('is drawn, and cleared before device log lines and the final error', async () => {
    const scenario = path.join(tmp, 'brownout.json');
    writeFileSync(scenario, JSON.stringify({
      name: 'brownout',
      aps: [{ ssid: 'HomeNet', bssid: '30:7b:ac:69:41:90', channel: 6, rssi: -52, auth: 'wpa2', password: 'correct-horse' }],
      timeline: [{ at_ms: 3000, action: 'reset', reason: 'brownout' }],
    }));
    const { code, raw } = await scanOnTerminal(['--log-level', 'info', 'scan', '--passive', '--passive-time', '1000', '--scenario', scenario], /espwifi: the device reset \(brownout[^\n]*\n/);
    expect(code).toBe(7);
    expect(raw).toMatch(new RegExp(`${FRAME.source} Scanning`)); // the spinner really ran
    const screen = render(raw);
    const error = screen.findIndex((l) => l.startsWith('espwifi: the device reset (brownout'));
    expect(error, screen.join('\n')).toBeGreaterThanOrEqual(0);
    // Device log lines after the reset (ROM banner, boot log) and the error: none shares its screen
    // line with a spinner frame.
    const texts = screen.filter((l) => l.trim() !== '' && !/^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Scanning[^\n]*\d+\.\ds$/.test(l));
    expect(texts.length).toBeGreaterThan(1);
    for (const l of texts) expect(l, `screen line: ${JSON.stringify(l)}`).not.toMatch(FRAME);
  }, 40_000);
});
