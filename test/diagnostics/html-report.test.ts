// The HTML report in a real headless browser (Debian's chromium over the DevTools protocol): it
// renders with no console error or exception, every plot is an inline SVG with marks, and nothing
// is loaded from anywhere. Skips (saying how to install it) when chromium is missing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers.js';
import { CHROMIUM_INSTALL, findChromium, inspectReport } from '../../tools/report-in-chromium.mjs';

const chromium = findChromium() as string | undefined;
if (!chromium) console.warn(`test/diagnostics/html-report: headless-browser check skipped — chromium is not installed (${CHROMIUM_INSTALL})`);
const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'espwifi-html-'));

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the HTML report', () => {
  it('is one self-contained file: no script, no external asset, no raw log unless asked', async () => {
    const out = path.join(tmp, 'plain.html');
    const r = await runCli(['diagnose', fixture('esp-at.log'), '--html', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain('AT+CWJAP');
    expect(html).toContain('The AP was not found');
    const withLog = path.join(tmp, 'log.html');
    await runCli(['diagnose', fixture('esp-at.log'), '--html', withLog, '--include-log']);
    const h2 = readFileSync(withLog, 'utf8');
    expect(h2).toContain('AT+CWJAP=&quot;Shop Floor&quot;,&quot;********&quot;');
    expect(h2).not.toContain('s3cret');
  });

  it.skipIf(!chromium)(`renders in headless chromium with every plot and no console error (needs chromium: ${CHROMIUM_INSTALL})`, async () => {
    for (const name of ['idf-v5-weak-signal.log', 'arduino-brownout.log', 'esphome.log']) {
      const out = path.join(tmp, `${name}.html`);
      const r = await runCli(['diagnose', fixture(name), '--html', out]);
      expect(r.code).toBe(0);
      const page = await inspectReport(out);
      expect(page.consoleErrors).toEqual([]);
      expect(page.exceptions).toEqual([]);
      expect(page.external).toEqual([]);
      expect(page.plots).toBe(page.svgs);
      expect(page.svgs).toBeGreaterThanOrEqual(4);
      expect(page.marks).toBeGreaterThan(20);
    }
  }, 120_000);
});
