// Questions about the ESP-IDF Wi-Fi driver that only silicon can settle. Each test asserts what
// the virtual board models (firmware/sim/README.md, "Driver behaviour"), so on a virtual target it
// guards the model and on a real board a failure says the model is wrong there. Every observation
// is also logged as `{ fact, observed }` in hil/out/<board>.log, pass or fail, so a run on a new
// chip or ESP-IDF version records what that combination does.
import { describe, expect, it, type TestContext } from 'vitest';
import type { Logger } from 'pino';
import type { Board, DeviceLogLine, DisconnectInfo } from '../host/src/index.js';
import { selectTargets, type Target } from './targets.js';
import { boardLogger, openSession, WRONG_PASSWORD, type Session } from './session.js';

const { targets } = selectTargets();

/** How long a real driver gets to post an event it is going to post (it does so within ms). */
const QUIET_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every event verb the board reports from now on (raw, as sent by the device). */
function recordEvents(board: Board): { verbs: string[]; fields: Record<string, unknown>[]; stop(): void } {
  const verbs: string[] = [];
  const fields: Record<string, unknown>[] = [];
  const on = (e: { verb: string; fields: Record<string, unknown> }) => {
    verbs.push(e.verb);
    fields.push(e.fields);
  };
  board.on('event', on);
  return { verbs, fields, stop: () => board.off('event', on) };
}

/** init, station mode, configuration, start — with raw requests, so no reconnect policy runs. */
async function bringUp(board: Board, t: Target, cfg: Record<string, unknown> = {}): Promise<void> {
  if (board.phase === 'uninit') await board.init();
  await board.setMode('sta');
  await board.configure({ ssid: t.ssid, password: t.password, ...cfg });
  await board.start();
}

async function joined(board: Board, t: Target): Promise<void> {
  await board.connect({ timeoutMs: t.connectBoundMs });
}

for (const t of targets) {
  describe.concurrent(t.name, () => {
    let log: Logger;
    const open = async (ctx: TestContext, scenario?: string): Promise<Session> => {
      log ??= boardLogger(t);
      log.info({ test: ctx.task.name, scenario }, 'test start');
      const s = await openSession(t, log, scenario);
      ctx.onTestFinished(async () => {
        await s.close();
        log.info({ test: ctx.task.name, state: ctx.task.result?.state }, 'test end');
      });
      return s;
    };
    const fact = (name: string, observed: unknown) => log.info({ fact: name, observed }, `driver fact: ${name}`);

    describe.sequential('driver facts', () => {
      it('esp_wifi_set_config on a connected station does not disconnect it', async (ctx) => {
        const { board } = await open(ctx);
        await bringUp(board, t);
        await joined(board, t);
        const rec = recordEvents(board);
        // the raw request: Board.configure() decides on its own to leave when the config changes
        await board.request('config', { ssid: Buffer.from(t.ssid), ...(t.password ? { pass: Buffer.from(t.password) } : {}), listen: 5 });
        await sleep(QUIET_MS);
        rec.stop();
        fact('set_config while connected: events', rec.verbs);
        expect(rec.verbs).not.toContain('disconnected');
        expect((await board.status()).phase).toBe('got_ip');
      });

      it('esp_wifi_disconnect during a connect attempt posts DISCONNECTED 8 and ends the attempt', async (ctx) => {
        const s = await open(ctx);
        // An SSID nobody has: the connect scan runs over every channel (about 1.5 s on silicon).
        await bringUp(s.board, { ...t, ssid: `${t.ssid}-absent` }, { scanMethod: 'all' });
        await s.vb?.setSpeed(1); // give the virtual board a real-time attempt to interrupt
        const rec = recordEvents(s.board);
        await s.board.request('connect');
        await s.board.request('disconnect');
        await sleep(QUIET_MS);
        rec.stop();
        const reasons = rec.fields.filter((_, i) => rec.verbs[i] === 'disconnected').map((f) => Number(f.reason));
        fact('disconnect during a connect attempt: disconnected reasons', reasons);
        expect(reasons).toEqual([8]);
        expect((await s.board.status()).phase).toBe('started');
      });

      // The bridge runs `scan block=1` as a non-blocking driver scan (so it keeps answering BUSY), so
      // this no longer asks the driver a question: it checks that a blocking request is a scan like
      // any other for the scan id, on the driver the board really has.
      it('a blocking scan request advances the scan id like any other scan', async (ctx) => {
        const { board } = await open(ctx);
        await bringUp(board, t);
        const idOf = async () => {
          const done = new Promise<number>((resolve) => board.once('scanDone', (d) => resolve(d.scanId)));
          await board.scan();
          return done;
        };
        const a = await idOf();
        const blocking = await board.request('scan', { block: 1 });
        expect(Number(blocking.fields.n)).toBeGreaterThanOrEqual(0);
        const b = await idOf();
        const step = (b - a + 256) % 256;
        fact('scan id step across one block=1 scan request', step);
        expect(step).toBe(2);
      });

      it('a wrong password is reported with a reason the library reads as a password', async (ctx) => {
        const s = await open(ctx, 'wrong-password');
        if (t.kind === 'real' && t.password === '') ctx.skip(`${t.name}: skipped — the AP is open, there is no password to get wrong`);
        await bringUp(s.board, { ...t, password: WRONG_PASSWORD });
        const lines: string[] = [];
        const onLog = (l: DeviceLogLine) => { if (l.tag === 'wifi' && /state:/.test(l.text)) lines.push(l.text); };
        s.board.on('log', onLog);
        const first = new Promise<DisconnectInfo>((resolve) => s.board.once('disconnected', resolve));
        await s.board.request('connect'); // one attempt, no policy: the driver's own answer
        const d = await first;
        await sleep(100); // log lines for this attempt are all in by now
        s.board.off('log', onLog);
        fact('wrong password: reason, rssi and the driver state lines', { reason: d.reason, rssi: d.rssi, stateLines: lines, likely: d.likely?.cause });
        expect([2, 15, 202, 204]).toContain(d.reason); // 202: WPA3-SAE proves the password in auth
        // At a good signal the library must read it as a password (2 only with its state line)
        if (d.rssi >= -70) expect(d.likely?.cause).toBe('password');
      });

      it('the bridge task keeps a stack margin under load', async (ctx) => {
        const { board } = await open(ctx);
        await bringUp(board, t);
        await joined(board, t);
        for (let i = 0; i < 3; i++) await board.scan();
        const free = (await board.status()).stackFree;
        fact('bridge task stack high-water mark (bytes free)', free ?? 'not reported');
        if (free === undefined) {
          ctx.skip(`${t.name}: skipped — this board reports no stack high-water mark (virtual boards have no tasks)`);
        }
        expect(Number(free)).toBeGreaterThanOrEqual(1024);
      });
    });
  });
}

if (targets.length === 0) it.skip('no HIL targets selected', () => undefined);
