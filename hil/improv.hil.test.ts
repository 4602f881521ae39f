// Improv Wi-Fi serial on every station target (protocol/IMPROV.md): the bridge answers Improv on
// the same line as its frames. On a real board this is what only a board can settle: the packets
// through the real UART/USB-Serial-JTAG driver, the real driver's reason behind "unable to
// connect", provisioning over the air. Logs go to the board's hil/out/<board>.log (`suite: improv`).
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { Logger } from 'pino';
import { ImprovClient, ImprovError, openBoard, VirtualBoard } from '../host/src/index.js';
import { selectTargets, type Target } from './targets.js';
import { boardLogger, VIRTUAL_SPEED, WRONG_PASSWORD } from './session.js';
import { Ser2net } from './ser2net.js';

const { targets } = selectTargets();

/** Reasons the ESP-IDF driver gives for a wrong password (seed: 15, 204, 2; 202 for WPA3). */
const PASSWORD_REASONS = [2, 15, 202, 204];

interface ImprovSession {
  improv: ImprovClient;
  close(): Promise<void>;
}

async function open(t: Target, log: Logger, scenario = 'home'): Promise<ImprovSession> {
  let vb: VirtualBoard | undefined;
  let s2n: Ser2net | undefined;
  let port = t.port!;
  if (t.kind === 'virtual') {
    vb = await VirtualBoard.start({ scenario, speed: VIRTUAL_SPEED, seed: 1, color: false, stderr: 'ignore' });
    if (t.via === 'rfc2217' || t.via === 'socket') s2n = await Ser2net.start(vb.port, t.via === 'rfc2217' ? 'rfc2217' : 'tcp');
    port = s2n?.url ?? vb.port;
  }
  const cleanup = async () => {
    await s2n?.stop();
    await vb?.stop();
  };
  let improv: ImprovClient;
  try {
    improv = await ImprovClient.open({ port, logger: log, detectTimeoutMs: 5000 });
  } catch (e) {
    await cleanup();
    throw e;
  }
  return {
    improv,
    async close() {
      await improv.close().catch(() => undefined);
      if (t.kind === 'real') {
        // Leave the board as the other suites expect it: station stopped, driver deinitialised.
        const board = await openBoard({ port, logger: log }).catch(() => undefined);
        await board?.disconnect().catch(() => undefined);
        await board?.stop().catch(() => undefined);
        await board?.deinit().catch(() => undefined);
        await board?.close().catch(() => undefined);
      }
      await cleanup();
    },
  };
}

for (const t of targets) {
  describe.concurrent(`${t.name} improv`, () => {
    let log: Logger;
    const sessions: ImprovSession[] = [];
    const session = async (ctx: TestContext, scenario?: string) => {
      log ??= boardLogger(t).child({ suite: 'improv' });
      log.info({ test: ctx.task.name, scenario }, 'test start');
      const s = await open(t, log, scenario);
      sessions.push(s);
      ctx.onTestFinished(() => s.close());
      return s;
    };
    afterAll(async () => {
      for (const s of sessions) await s.close().catch(() => undefined);
    });

    describe.sequential('improv', () => {
      it('detects the bridge and reads its device information', async (ctx) => {
        const { improv } = await session(ctx);
        const info = await improv.deviceInfo();
        log.info({ info }, 'improv device info');
        expect(info.firmware).toBe('espwifi');
        expect(info.deviceName).toMatch(/^espwifi-[0-9a-f]{6}$/);
        expect(info.osName).toBe('ESP-IDF');
      });

      it('scans and lists the expected networks', async (ctx) => {
        const { improv } = await session(ctx);
        const nets = await improv.scan();
        for (const ssid of t.expectSsids) expect(nets.map((n) => n.ssidText), `Improv scan on ${t.name}`).toContain(ssid);
      });

      it('a wrong password: unable to connect, with the driver reason from our own event', async (ctx) => {
        if (t.kind === 'real' && t.password === '') ctx.skip(`${t.name}: skipped — the AP is open, there is no password to get wrong`);
        const { improv } = await session(ctx, 'wrong-password');
        const err = await improv.provision(t.ssid, WRONG_PASSWORD, { timeoutMs: Math.max(t.connectBoundMs, 30_000) }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ImprovError);
        const e = err as ImprovError;
        log.info({ code: e.code, reason: e.disconnect?.reason, likely: e.likely }, 'improv wrong password');
        expect(e.code).toBe('IMPROV_UNABLE_TO_CONNECT');
        expect(PASSWORD_REASONS).toContain(e.disconnect?.reason);
      });

      it('provisions within the bound and reports provisioned', async (ctx) => {
        const { improv } = await session(ctx);
        const t0 = Date.now();
        const r = await improv.provision(t.ssid, t.password, { timeoutMs: t.connectBoundMs });
        log.info({ took: Date.now() - t0, ip: r.ip?.ip }, 'improv provisioned');
        expect(r.ip?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect((await improv.requestState()).state).toBe('provisioned');
        expect(await improv.hostname()).toMatch(/^[A-Za-z0-9-]{1,32}$/);
      });
    });
  });
}
