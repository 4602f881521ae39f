#!/usr/bin/env node
// Opens a diagnostics HTML report in a real headless Chromium over the DevTools protocol (the
// --remote-debugging-pipe transport: no WebSocket library, no puppeteer), collects console errors
// and page exceptions, counts the plots, and can save a full-page screenshot.
//
//   node tools/report-in-chromium.mjs report.html [screenshot.png]
//
// Chromium is an optional tool: `apt-get install -y chromium` (Debian) — CI installs it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_INSTALL = 'apt-get install -y chromium';

/** The Chromium binary on PATH, or undefined. */
export function findChromium() {
  for (const name of [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].filter(Boolean)) {
    const r = spawnSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** Loads `file` and returns { consoleErrors, exceptions, plots, svgs, title, screenshot? }. */
export async function inspectReport(file, { screenshot, width = 1000 } = {}) {
  const bin = findChromium();
  if (!bin) throw new Error(`chromium not found: ${CHROMIUM_INSTALL}`);
  const profile = mkdtempSync(path.join(tmpdir(), 'espwifi-chromium-'));
  const proc = spawn(bin, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--no-default-browser-check', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  const toChrome = proc.stdio[3];
  const fromChrome = proc.stdio[4];
  let buf = '';
  let nextId = 1;
  const waiting = new Map();
  const listeners = [];
  fromChrome.on('data', (chunk) => {
    buf += chunk.toString('utf8');
    let i;
    while ((i = buf.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      if (msg.id && waiting.has(msg.id)) {
        const { resolve, reject } = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message}`));
        else resolve(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    toChrome.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  });
  const exited = new Promise((r) => proc.once('exit', r));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
  try {
    const consoleErrors = [];
    const exceptions = [];
    let loaded;
    const load = new Promise((r) => (loaded = r));
    listeners.push((m) => {
      if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'assert')) consoleErrors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
      if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') consoleErrors.push(m.params.entry.text);
      if (m.method === 'Runtime.exceptionThrown') exceptions.push(m.params.exceptionDetails.text);
      if (m.method === 'Page.loadEventFired') loaded();
    });
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    for (const d of ['Page.enable', 'Runtime.enable', 'Log.enable']) await send(d, {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { width, height: 800, deviceScaleFactor: 1, mobile: false }, sessionId);
    await send('Page.navigate', { url: pathToFileURL(path.resolve(file)).href }, sessionId);
    await load;
    const { result } = await send('Runtime.evaluate', {
      expression: `JSON.stringify({ title: document.title, plots: document.querySelectorAll('.plot').length, svgs: document.querySelectorAll('.plot svg').length,
        marks: document.querySelectorAll('.plot svg path, .plot svg rect, .plot svg line').length, height: document.documentElement.scrollHeight,
        external: [...document.querySelectorAll('[src],[href]')].map((e) => e.getAttribute('src') || e.getAttribute('href')) })`,
      returnByValue: true,
    }, sessionId);
    const page = JSON.parse(result.value);
    let shot;
    if (screenshot) {
      await send('Emulation.setDeviceMetricsOverride', { width, height: page.height, deviceScaleFactor: 1, mobile: false }, sessionId);
      const { data } = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId);
      writeFileSync(screenshot, Buffer.from(data, 'base64'));
      shot = screenshot;
    }
    await send('Browser.close').catch(() => undefined);
    return { ...page, consoleErrors, exceptions, ...(shot ? { screenshot: shot } : {}) };
  } finally {
    clearTimeout(timer);
    if (proc.exitCode === null) proc.kill('SIGTERM');
    await exited;
    // Chromium's helper processes may still write into the profile for a moment after it exits.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // a leftover temp profile is not worth failing the check for
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, shot] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node tools/report-in-chromium.mjs report.html [screenshot.png]');
    process.exit(2);
  }
  inspectReport(file, { screenshot: shot }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(String(e.message ?? e));
      process.exit(1);
    },
  );
}
