// DTR/RTS on a USB adapter whose driver refuses break requests (CH343/CH347 under cdc_acm,
// node-serialport #2777): serialport 13's set() sends a clear-break first and gives up, so
// auto-reset never happened. The stand-in (test/support/no-break.c) answers exactly as cdc_acm
// does; the code under test runs unmodified in a child process (built dist/).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/helpers.js';
import { runOnNoBreakAdapter } from '../support/no-break-adapter.js';
import { hangupPty, type HangupPty } from '../support/hangup-pty.js';

const DIST = path.join(ROOT, 'dist/host/src');
let pty: HangupPty;

beforeAll(async () => {
  await ensureBuilt();
  pty = await hangupPty();
}, 120_000);
afterAll(async () => {
  await pty?.close();
});

describe.skipIf(process.platform !== 'linux')('an adapter without break support', () => {
  it("stock serialport cannot set DTR/RTS on it (the defect, reproduced)", async () => {
    const r = await runOnNoBreakAdapter(
      pty.path,
      `import { SerialPort } from 'serialport';
       const p = new SerialPort({ path: process.env.PORT, baudRate: 115200, autoOpen: false });
       await new Promise((res, rej) => p.open((e) => (e ? rej(e) : res())));
       p.set({ dtr: false, rts: true }, (e) => { console.log(e ? e.message : 'ok'); p.close(); });`,
    );
    expect(r.stdout).toMatch(/Operation not supported, cannot set/);
    expect(r.wire).toEqual([]);
  });

  it('the protocol transport releases both lines on open and sets each change, with no break', async () => {
    const r = await runOnNoBreakAdapter(
      pty.path,
      `const { SerialTransport } = await import(${JSON.stringify(`${DIST}/transport/serial.js`)});
       const t = new SerialTransport(process.env.PORT);
       await t.open();
       const applied = [await t.setSignals({ rts: true }), await t.setSignals({ dtr: true, rts: false })];
       await t.close();
       console.log(JSON.stringify(applied));`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true]);
    expect(r.wire).toEqual([
      { dtr: false, rts: false },
      { dtr: false, rts: true },
      { dtr: true, rts: false },
    ]);
  });

  it("the flasher's classic reset reaches the wire in order", async () => {
    const r = await runOnNoBreakAdapter(
      pty.path,
      `const { NodeSerialDevice } = await import(${JSON.stringify(`${DIST}/flash/serial-device.js`)});
       const { runSequence, classicSequence } = await import(${JSON.stringify(`${DIST}/flash/reset.js`)});
       const d = new NodeSerialDevice(process.env.PORT, { tolerateSignalErrors: false });
       await d.open({ baudRate: 115200 });
       await runSequence(d, classicSequence(50));
       await d.close();
       console.log(JSON.stringify(d.signalLog.map((s) => s.applied)));`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, true, true]);
    expect(r.wire).toEqual([
      { dtr: false, rts: false }, // released on open
      { dtr: false, rts: true }, // EN low
      { dtr: true, rts: false }, // EN high, IO0 low
      { dtr: false, rts: false }, // IO0 released
    ]);
  });

  it('without the helper built, the refusal is named with how to fix it', async () => {
    const r = await runOnNoBreakAdapter(
      pty.path,
      `const { NodeSerialDevice } = await import(${JSON.stringify(`${DIST}/flash/serial-device.js`)});
       const d = new NodeSerialDevice(process.env.PORT, { tolerateSignalErrors: false });
       await d.open({ baudRate: 115200 });
       await d.setSignals({ requestToSend: true }).catch((e) => console.log(e.code, e.message));
       await d.close();`,
      { ESPWIFI_MODEM_HELPER: '/nonexistent/modem-lines' },
    );
    expect(r.stdout).toMatch(/^SIGNALS .*not built: install a C compiler and run npm rebuild espwifi/);
    expect(r.wire).toEqual([]);
  });
});
