// Station acceptance tests, written once, run per board: virtual boards (directly and through
// ser2net), a real board on the desk, or the boards of a rig — in parallel, one log per board.
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { Logger } from 'pino';
import { CommandError, ConnectError, DeviceResetError, type Board } from '../host/src/index.js';
import { selectTargets, type Target } from './targets.js';
import { boardLogger, openSession, WRONG_PASSWORD, type Faults, type Session } from './session.js';
import { waitFor } from './wait.js';

const { targets, notes } = selectTargets();
for (const n of notes) console.log(`[hil] ${n}`);
console.log(`[hil] targets: ${targets.map((t) => `${t.name} (${t.kind}${t.port ? ` ${t.port}` : t.via ? ` via ${t.via}` : ''})`).join(', ') || 'none'}`);


/** Seed phases 1–3: init, station mode, configuration, start. */
async function bringUp(board: Board, t: Target, password = t.password): Promise<void> {
  if (board.phase === 'uninit') await board.init();
  await board.setMode('sta');
  await board.configure({ ssid: t.ssid, password });
  await board.start();
}

/** Skips the test, saying why, when this target cannot inject the fault. */
function need<K extends keyof Faults>(ctx: TestContext, t: Target, s: Session, ...caps: K[]): void {
  const missing = caps.filter((c) => !s.faults[c]);
  if (missing.length === 0) return;
  const why = `${t.name}: skipped — needs rig capability ${missing.join(', ')} (declare it in the rig file, see hil/README.md)`;
  console.log(`[hil] ${why}`);
  ctx.skip(why);
}

for (const t of targets) {
  // Targets run concurrently; each target's tests run in order on its board.
  describe.concurrent(t.name, () => {
    let log: Logger;
    const sessions: Session[] = [];
    const session = async (ctx: TestContext, scenario?: string) => {
      log ??= boardLogger(t);
      log.info({ test: ctx.task.name, scenario }, 'test start');
      const s = await openSession(t, log, scenario);
      sessions.push(s);
      ctx.onTestFinished(async () => {
        await s.close();
        log.info({ test: ctx.task.name, state: ctx.task.result?.state }, 'test end');
      });
      return s;
    };
    afterAll(async () => {
      for (const s of sessions) await s.close().catch(() => undefined);
    });

    describe.sequential('station', () => {
      it('scan finds the expected APs', async (ctx) => {
        const { board } = await session(ctx);
        await bringUp(board, t);
        const aps = await board.scan();
        const seen = aps.map((a) => a.ssidText);
        for (const ssid of t.expectSsids) expect(seen, `scan on ${t.name}`).toContain(ssid);
        for (const ap of aps) expect(ap.bssid).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      });

      it('connects and gets an IP within the bound', async (ctx) => {
        const { board } = await session(ctx);
        await bringUp(board, t);
        // The bound is connect's own timeout (a TimeoutError past it); how long it took is logged.
        const t0 = Date.now();
        const ip = await board.connect({ timeoutMs: t.connectBoundMs });
        log.info({ took: Date.now() - t0, ip: ip.ip }, 'got IP');
        expect(ip.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect(ip.ip).not.toBe('0.0.0.0');
        expect((await board.status()).phase).toBe('got_ip');
      });

      it('a wrong password is classified as a likely wrong password', async (ctx) => {
        const s = await session(ctx, 'wrong-password');
        if (t.kind === 'real' && t.password === '') ctx.skip(`${t.name}: skipped — the AP is open, there is no password to get wrong`);
        const wrong = WRONG_PASSWORD;
        await bringUp(s.board, t, wrong);
        const err = await s.board.connect({ timeoutMs: Math.max(t.connectBoundMs, 30_000) }).then(
          () => { throw new Error('connected with a wrong password'); },
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ConnectError);
        const ce = err as ConnectError;
        expect(ce.disconnect.likely?.cause ?? '').toMatch(/password/i);
        // Neither password may leak into what a user or a CI log sees. Booleans: a failing
        // toContain would print the real password into this very log and the JUnit report.
        for (const pw of [wrong, t.password].filter(Boolean)) {
          expect(ce.message.includes(pw), 'a password in the error message').toBe(false);
          expect(JSON.stringify(ce.disconnect).includes(pw), 'a password in the disconnect info').toBe(false);
        }
      });

      it('reconnects after the AP returns', async (ctx) => {
        const s = await session(ctx);
        need(ctx, t, s, 'apOff', 'apOn');
        await bringUp(s.board, t);
        await s.board.connect({ timeoutMs: t.connectBoundMs });
        const lost = waitFor(s.board, 'disconnected', 60_000);
        await s.faults.apOff!();
        const [info] = await lost;
        expect(info.userInitiated).toBe(false);
        await waitFor(s.board, 'reconnecting', 30_000);
        const back = waitFor(s.board, 'gotIp', Math.max(t.connectBoundMs, 60_000));
        await s.faults.apOn!();
        const [ip] = await back;
        expect(ip.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect((await s.board.status()).phase).toBe('got_ip');
      });

      it('a scan succeeds during a reconnect loop', async (ctx) => {
        const s = await session(ctx);
        need(ctx, t, s, 'apOff', 'apOn');
        await bringUp(s.board, t);
        await s.board.connect({ timeoutMs: t.connectBoundMs });
        await s.faults.apOff!();
        await waitFor(s.board, 'reconnecting', 60_000);
        await waitFor(s.board, 'reconnecting', 30_000); // well inside the loop, not just its first step
        const aps = await s.board.scan();
        const seen = aps.map((a) => a.ssidText);
        expect(seen).not.toContain(t.ssid);
        const onAir = t.kind === 'virtual' ? t.expectSsids.filter((x) => x !== t.ssid) : [];
        expect(seen, 'a scan during the reconnect loop must still return the APs on the air').toEqual(expect.arrayContaining(onAir));
        await s.faults.apOn!();
        await waitFor(s.board, 'gotIp', Math.max(t.connectBoundMs, 60_000));
      });

      it('an IP change is surfaced as its own event', async (ctx) => {
        const s = await session(ctx);
        need(ctx, t, s, 'dhcpChange');
        await bringUp(s.board, t);
        const first = await s.board.connect({ timeoutMs: t.connectBoundMs });
        const changed = waitFor(s.board, 'ipChanged', 60_000);
        const next = first.ip === '192.168.1.77' ? '192.168.1.78' : '192.168.1.77';
        await s.faults.dhcpChange!(next);
        const [ip] = await changed;
        expect(ip.ip).not.toBe(first.ip);
        if (t.kind === 'virtual') expect(ip.ip).toBe(next);
        expect(ip.changed).toBe(true);
      });

      it('deinit leaves the board clean', async (ctx) => {
        const s = await session(ctx);
        await bringUp(s.board, t);
        await s.board.connect({ timeoutMs: t.connectBoundMs });
        await s.board.scan();
        await s.board.scan();
        await s.board.disconnect();
        await s.board.stop();
        await s.board.deinit();
        const st = await s.board.status();
        expect(st.phase).toBe('uninit');
        expect(st.unfetched).toBe(0);
        if (s.vb) {
          const d = await s.vb.diag();
          log.info({ diag: d }, 'diag after deinit');
          // Records never fetched, lists lost to a newer scan, and a driver left initialised.
          expect(d).toMatchObject({ leaked_records: 0, leaked_scans: 0, held_records: 0, inited: 0, started: 0 });
        }
      });

      it('a reset in the middle of a command is survived', async (ctx) => {
        const s = await session(ctx);
        need(ctx, t, s, 'reset');
        await bringUp(s.board, t);
        const reset = waitFor(s.board, 'reset', 60_000);
        // A long passive scan: still running when the reset hits.
        const scan = s.board.scan({ type: 'passive', passiveMs: 1500, timeoutMs: 60_000 });
        scan.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 150));
        const reason = await s.faults.reset!();
        const err = await scan.then(() => { throw new Error('the scan outlived the reset'); }, (e: unknown) => e);
        expect(err).toBeInstanceOf(DeviceResetError);
        if (reason) expect((err as DeviceResetError).resetReason).toBe(reason);
        const [info] = await reset;
        expect(info.unexpected).toBe(true);
        // The board is usable again from phase 1.
        await bringUp(s.board, t);
        const aps = await s.board.scan();
        expect(aps.map((a) => a.ssidText)).toContain(t.ssid);
      });
    });

    // What only the bridge firmware on silicon can settle (firmware/README.md "How it works").
    describe.sequential('bridge firmware', () => {
      it('a request during a blocking scan is answered BUSY at once, before the scan', async (ctx) => {
        const { board } = await session(ctx);
        await bringUp(board, t);
        const order: string[] = [];
        // 13-14 channels x 300 ms passive: the ping arrives while the scan runs
        const scan = board.request('scan', { block: true, type: 'passive', passive: 300 }, { timeoutMs: 30_000 }).then(() => order.push('scan'));
        const ping = board.request('ping').then(() => 'ok', (e: unknown) => (e as CommandError).errorName).then((r) => { order.push('ping'); return r; });
        expect(await ping).toBe('BUSY');
        await scan;
        expect(order).toEqual(['ping', 'scan']);
      });

      it('mode and STA config stored in flash come back after a reset', async (ctx) => {
        const { board } = await session(ctx);
        await bringUp(board, t);
        await board.reset();
        await board.init();
        expect((await board.status()).mode).toBe('sta');
        const cfg = await board.getConfig();
        expect(cfg.ssidText).toBe(t.ssid);
        expect(cfg.passwordSet).toBe(t.password !== '');
        await board.start(); // no configure: the stored config connects
        const ip = await board.connect({ timeoutMs: t.connectBoundMs });
        expect(ip.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      });
    });
  });
}

if (targets.length === 0) it.skip('no HIL targets selected', () => undefined);
