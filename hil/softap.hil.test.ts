// The station fault matrix against a SoftAP that is another board running our firmware: on two
// virtual boards in one radio world by default, on real radios with ESPWIFI_AP_PORT or a rig
// file board with "role": "ap". The station side is the ordinary Board API; the AP side drives the
// faults through the SoftAP API. At the end the suite prints which fault ran on which kind of AP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { Logger } from 'pino';
import { openBoard, RadioWorld, SoftAp, type Board } from '../host/src/index.js';
import { selectPairs, type Pair } from './pairs.js';
import { boardLogger, OUT_DIR, VIRTUAL_POLICY, VIRTUAL_RULES, VIRTUAL_SPEED } from './session.js';
import type { Target } from './targets.js';
import { waitFor } from './wait.js';

const { pairs, notes } = selectPairs();
for (const n of notes) console.log(`[hil] ${n}`);
console.log(`[hil] two-board pairs: ${pairs.map((p) => `${p.name} (SoftAP on ${p.kind === 'virtual' ? 'a virtual board' : `${p.apPort}, station ${p.staPort}`})`).join(', ') || 'none'}`);

/** fault -> pair -> outcome, printed at the end ("which faults ran on which kind of AP"). */
const matrix: { fault: string; pair: string; kind: string; outcome: string }[] = [];


interface PairSession {
  ap: SoftAp;
  apBoard: Board;
  sta: Board;
  staMac: string;
  close(): Promise<void>;
}

async function openPair(p: Pair, log: Logger): Promise<PairSession> {
  let world: RadioWorld | undefined;
  let apPort = p.apPort!, staPort = p.staPort!;
  if (p.kind === 'virtual') {
    world = new RadioWorld();
    apPort = (await world.board({ speed: VIRTUAL_SPEED, seed: 1, color: false, stderr: 'ignore' })).port;
    staPort = (await world.board({ speed: VIRTUAL_SPEED, seed: 2, color: false, stderr: 'ignore' })).port;
  }
  const tuned = p.kind === 'virtual' ? { timeoutMs: 3000, reconnect: VIRTUAL_POLICY, rules: VIRTUAL_RULES } : {};
  const opened: Board[] = [];
  try {
    const apBoard = await openBoard({ port: apPort, logger: log.child({ board: 'ap' }), ...tuned, reconnect: false });
    opened.push(apBoard);
    const sta = await openBoard({ port: staPort, logger: log.child({ board: 'station' }), ...tuned });
    opened.push(sta);
    const ap = new SoftAp(apBoard);
    await ap.start({ ssid: p.ssid, password: p.password, channel: 6 });
    if (sta.phase === 'uninit') await sta.init();
    await sta.setMode('sta');
    await sta.configure({ ssid: p.ssid, password: p.password });
    await sta.start();
    await sta.connect({ timeoutMs: p.connectBoundMs });
    const staMac = await sta.getMac();
    return {
      ap, apBoard, sta, staMac,
      async close() {
        // Both boards back to power-on state for the next test (real boards are reused).
        await sta.disconnect().catch(() => undefined);
        await sta.stop().catch(() => undefined);
        await sta.deinit().catch(() => undefined);
        await ap.stop().catch(() => undefined);
        ap.dispose();
        await apBoard.deinit().catch(() => undefined);
        for (const b of opened) await b.close().catch(() => undefined);
        await world?.stop();
      },
    };
  } catch (e) {
    for (const b of opened) await b.close().catch(() => undefined);
    await world?.stop();
    throw e;
  }
}

for (const p of pairs) {
  describe.sequential(`${p.name}: station faults against a SoftAP (${p.kind})`, () => {
    const log = boardLogger({ name: p.name } as Target);
    const fault = (name: string, fn: (s: PairSession, ctx: TestContext) => Promise<void>) =>
      it(name, async (ctx) => {
        log.info({ test: name }, 'test start');
        let s: PairSession | undefined;
        ctx.onTestFinished(async () => {
          matrix.push({ fault: name, pair: p.name, kind: p.kind, outcome: ctx.task.result?.state === 'pass' ? 'passed' : 'FAILED' });
          await s?.close();
          log.info({ test: name, state: ctx.task.result?.state }, 'test end');
        });
        s = await openPair(p, log);
        await fn(s, ctx);
      });
    const long = Math.max(p.connectBoundMs, 60_000);

    fault('AP off and on: the station loses it (reason 2) and reconnects when it returns', async (s) => {
      const lost = waitFor(s.sta, 'disconnected', 30_000);
      expect(await s.ap.stop()).toBe(true);
      const [info] = await lost;
      expect(info.reason).toBe(2);
      expect(info.userInitiated).toBe(false);
      await waitFor(s.sta, 'reconnecting', 30_000);
      const back = waitFor(s.sta, 'gotIp', long);
      await s.ap.start({ ssid: p.ssid, password: p.password, channel: 6 });
      await back;
    });

    fault('password changed: the station is dropped and gives up with "likely wrong password"', async (s) => {
      const gaveUp = waitFor(s.sta, 'gaveUp', long);
      await s.ap.configure({ ssid: p.ssid, password: `${p.password}-new`, channel: 6 });
      const [g] = await gaveUp;
      expect(g.likely?.cause ?? '').toMatch(/password/i);
      expect(JSON.stringify(g)).not.toContain(p.password);
    });

    fault('weak signal by TX power: rssi_low fires after the AP drops to 2 dBm', async (s) => {
      const before = await s.sta.getRssi();
      // relative threshold: real RSSI depends on the desk; 20 -> 2 dBm is an 18 dB drop
      await s.sta.setRssiThreshold(before - 8);
      const low = waitFor(s.sta, 'rssiLow', 30_000);
      expect((await s.ap.txPower(8)).dbm).toBe(2);
      const [{ rssi }] = await low;
      expect(rssi).toBeLessThan(before - 8);
    });

    fault('kicked: esp_wifi_deauth_sta is reason 2 on both sides, and the station comes back', async (s) => {
      const lost = waitFor(s.sta, 'disconnected', 30_000);
      const gone = await s.ap.kick({ mac: s.staMac });
      expect(gone).toEqual([{ mac: s.staMac, aid: expect.any(Number), reason: 2 }]);
      expect((await lost)[0].reason).toBe(2);
      await waitFor(s.sta, 'gotIp', long);
    });

    fault('security changed (open AP, station with a password): 210', async (s) => {
      const refused = waitFor(s.sta, 'disconnected', long, (d) => d.reason === 210);
      await s.ap.configure({ ssid: p.ssid, channel: 6 });
      const [d] = await refused;
      expect(d.cause).toBe('security-mismatch');
    });

    fault('channel change: the station is dropped and finds the AP on its new channel', async (s) => {
      const back = waitFor(s.sta, 'connected', long, (c) => c.channel === 11);
      await s.ap.configure({ ssid: p.ssid, password: p.password, channel: 11 });
      await back;
      await waitFor(s.sta, 'gotIp', long);
    });

    fault('IP change: a new DHCP pool and a kick surface as ipChanged', async (s) => {
      const first = (await s.sta.status()).ip;
      const changed = waitFor(s.sta, 'ipChanged', long);
      const pool = first?.endsWith('.50') ? { start: '192.168.4.60', end: '192.168.4.70' } : { start: '192.168.4.50', end: '192.168.4.59' };
      await s.ap.dhcp(pool);
      await s.ap.kick();
      const [ip] = await changed;
      expect(ip.ip).not.toBe(first);
      expect(ip.ip.startsWith('192.168.4.')).toBe(true);
      expect(ip.changed).toBe(true);
    });

    afterAll(() => {
      // The made-up password must not be in the pair's log.
      expect(readFileSync(join(OUT_DIR, `${p.name}.log`), 'utf8')).not.toContain(p.password);
    });
  });
}

afterAll(() => {
  if (!matrix.length) return;
  console.log('[hil] fault matrix (which fault ran on which kind of AP):');
  for (const m of matrix) console.log(`[hil]   ${m.outcome.padEnd(6)} ${m.fault}  —  ${m.pair}: SoftAP on ${m.kind === 'virtual' ? 'a virtual board' : 'real silicon'}`);
});

if (pairs.length === 0) it.skip('no two-board pair selected', () => undefined);
