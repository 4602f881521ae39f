// Serial-port and flashing behaviour only a real USB serial device can show (issue 16, items 1–8):
// pseudo-terminals have no modem lines, never hang up the way a USB tty does, and no chip runs
// behind them. Runs per real board on a local port; virtual and network targets skip with the
// reason. Flashing tests run only with ESPWIFI_HIL_BUILD=<ESP-IDF build dir of the bridge firmware>.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { describe, expect, it, type TestContext } from 'vitest';
import { openBoard, type Board } from '../host/src/index.js';
import { SerialTransport } from '../host/src/transport/serial.js';
import { identifyPort } from '../host/src/cli/ports.js';
import { flashBoard } from '../host/src/flash/flasher.js';
import { loadFlashPlan } from '../host/src/flash/flasher-args.js';
import { openWithRetry } from '../host/src/flash/reopen.js';
import { withTimeout, sleep } from '../host/src/async.js';
import { selectTargets, type Target } from './targets.js';

const { targets } = selectTargets();
const BUILD = process.env.ESPWIFI_HIL_BUILD;

const localPort = (t: Target) => t.kind === 'real' && !!t.port && !/^[a-z0-9]+:\/\//i.test(t.port);

/** A pseudo-terminal (a virtual board, or a serial line forwarded by socat/ser2net into a pty)
 *  has no modem lines and never hangs up as a USB tty does: nothing here can be shown on one. */
function isPseudoTerminal(port: string): boolean {
  let real = port;
  try {
    real = realpathSync(port);
  } catch {
    /* a missing port fails in the test itself, with the transport's own error */
  }
  return /^\/dev\/(pts\/|ptmx$|ttyp)/.test(real);
}

function requireLocal(ctx: TestContext, t: Target): string {
  if (!localPort(t)) ctx.skip(`${t.name}: skipped — needs a real board on a local USB serial port`);
  if (isPseudoTerminal(t.port!)) ctx.skip(`${t.name}: skipped — ${t.port} is a pseudo-terminal (no modem lines, no USB hang-up); needs a real board on a local USB serial port`);
  return t.port!;
}

function rig(cmd: string, t: Target): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('/bin/sh', ['-c', cmd], { env: { ...process.env, ESPWIFI_BOARD: t.name, ESPWIFI_BOARD_PORT: t.port ?? '' }, timeout: 60_000 }, (err, _o, e) =>
      err ? reject(new Error(`rig command failed: ${cmd}: ${e || err.message}`)) : resolve(),
    ),
  );
}

/** Bytes the transport receives until `pattern` matches (or the time is up). */
function receiveUntil(t: SerialTransport, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (c: Buffer) => {
      text += c.toString('latin1');
      if (pattern.test(text)) done(null);
    };
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${ms} ms; got ${JSON.stringify(text.slice(-200))}`)), ms);
    const done = (err: Error | null) => {
      clearTimeout(timer);
      t.off('data', onData);
      if (err) reject(err);
      else resolve(text);
    };
    t.on('data', onData);
  });
}

for (const t of targets) {
  describe.sequential(`${t.name} port`, () => {
    it('DTR/RTS reach the board: an EN pulse brings the ROM banner (also on adapters without break support)', async (ctx) => {
      const port = requireLocal(ctx, t);
      const tr = new SerialTransport(port);
      await tr.open();
      try {
        const banner = receiveUntil(tr, /rst:0x[0-9a-f]+/i, 5000);
        expect(await tr.setSignals({ dtr: false, rts: true })).toBe(true); // EN low
        await sleep(100);
        expect(await tr.setSignals({ rts: false })).toBe(true); // EN high, IO0 high: normal boot
        await banner;
      } finally {
        await tr.close();
      }
    });

    it('closing with unread output pending returns at once (no 30 s wait; matters on USB-Serial-JTAG)', async (ctx) => {
      const port = requireLocal(ctx, t);
      const tr = new SerialTransport(port);
      await tr.open();
      // 64 KiB the firmware will not read (on USB-Serial-JTAG with the UART channel, nothing reads it).
      void tr.write(new Uint8Array(64 * 1024).fill(0x20)).catch(() => undefined);
      await withTimeout(tr.close(), 5000, () => new Error('close took longer than 5 s'));
    });

    it('an unplugged board closes the port as PORT_UNPLUGGED, and it opens again after replug', async (ctx) => {
      const port = requireLocal(ctx, t);
      if (!t.caps.unplug || !t.caps.replug) ctx.skip(`${t.name}: skipped — needs rig capabilities unplug, replug (see hil/README.md)`);
      const board = await openBoard({ port, reconnect: false });
      const closed = new Promise<Error | undefined>((resolve) => board.once('close', resolve));
      await rig(t.caps.unplug!, t);
      const err = await withTimeout(closed, 10_000, () => new Error('no close within 10 s of the unplug: the hang-up went unnoticed'));
      expect(err).toMatchObject({ code: 'PORT_UNPLUGGED' });
      await rig(t.caps.replug!, t);
      const again: Board = await openWithRetry(() => openBoard({ port, reconnect: false }), { deadlineMs: 15_000 });
      await again.close();
    });

    it('flash: --after no_reset stays in the ROM, a --before no_reset run then syncs and skips every image, the hard reset boots the firmware', async (ctx) => {
      const port = requireLocal(ctx, t);
      if (!BUILD) ctx.skip(`${t.name}: skipped — set ESPWIFI_HIL_BUILD to the bridge firmware's build directory`);
      const plan = await loadFlashPlan(BUILD!);
      const id = await identifyPort(port);
      const usb = { usbVendorId: id?.vendorId ? parseInt(id.vendorId, 16) : undefined, usbProductId: id?.productId ? parseInt(id.productId, 16) : undefined };
      const statuses: string[] = [];
      // A full forced write: long enough for the USB-Serial-JTAG watchdogs to fire if left running.
      const first = await flashBoard({ port, plan, ...usb, force: true, after: 'no_reset', onStatus: (l) => statuses.push(l) });
      expect(first.written.length).toBe(plan.files.length);
      if (id?.reset === 'usb-jtag') expect(statuses.join('\n')).toMatch(/RTC watchdog disabled/);
      const second = await flashBoard({ port, plan, ...usb, before: 'no_reset', after: 'hard_reset' });
      expect(second.written).toEqual([]);
      const board = await openWithRetry(() => openBoard({ port, reconnect: false, helloAttempts: 6 }));
      expect(board.info.fw).toBeTruthy();
      await board.close();
    });
  });
}
