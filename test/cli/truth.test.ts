// The CLI never claims what did not happen (issue 11): connect while connected, attempts it
// leaves behind, disconnect during an attempt, verdicts that agree with the evidence, password
// sources, input rules, port kinds and the JSON error shape — all through the real binary
// against virtual boards.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard } from '../../host/src/open-board.js';
import { cliSuite, type LiveCli, runCli, startSim, startCli } from './helpers.js';

const suite = cliSuite('espwifi-truth-');
const { tag } = suite;


describe('a board shared by several invocations (espwifi sim)', () => {
  let sim: LiveCli;
  let port: string;
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(['--port', port, ...args], { tag, env });
  const status = async () => JSON.parse((await cli(['--json', 'status'])).stdout) as { phase: string; ssid?: string; port: string };

  beforeAll(async () => {
    ({ sim, port } = await startSim(suite, 'tty-shared', ['--speed', '5']));
  }, 30_000);
  afterAll(async () => {
    expect((await sim.stop('SIGTERM')).code).toBe(0);
  });

  it('item 1: connect while connected joins the network asked for, or says already connected', async () => {
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);

    const cafe = await cli(['connect', 'CafeGuest', '--open']);
    expect(cafe.code).toBe(0);
    expect(cafe.stdout).toMatch(/↩ left "HomeNet": it was joined with other settings/);
    expect(cafe.stdout).toMatch(/✓ associated with 00:1d:7e:44:55:66 on channel 1 \(open\)/);
    expect(cafe.stdout).not.toMatch(/ASSOC_LEAVE/); // leaving on purpose is no failure line
    expect(await status()).toMatchObject({ phase: 'got_ip', ssid: 'CafeGuest', port });

    const again = await cli(['connect', 'CafeGuest', '--open']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/✓ already connected to "CafeGuest" with these settings: IP 192\.168\.1\.100/);
    expect(again.stdout).not.toMatch(/left|associated/);

    const wrong = await cli(['connect', 'HomeNet'], { ESPWIFI_PASSWORD: 'totally-wrong' });
    expect(wrong.code).toBe(4);
    expect(wrong.stdout).toMatch(/↩ left "CafeGuest"/);
    expect(wrong.stdout).not.toMatch(/got IP/);
    expect((await status()).phase).toBe('started');

    const gone = await cli(['connect', 'NoSuchNet', '--open', '--max-attempts', '2']);
    expect(gone.code).toBe(5);
    expect(gone.stdout).not.toMatch(/got IP/);

    // Same SSID, a password given: the stored one cannot be read back, so it re-joins with it.
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);
    const rejoin = await cli(['connect', 'HomeNet', '--password', 'correct-horse']);
    expect(rejoin.code).toBe(0);
    expect(rejoin.stdout).toMatch(/left "HomeNet" to join again with the given password/);
    expect(rejoin.stdout).toMatch(/✓ got IP/);
  }, 90_000);

  it('item 2: a connect that timed out or was interrupted leaves no attempt behind', async () => {
    const slow = await cli(['connect', 'NoSuchNet', '--open', '--timeout', '1']);
    expect(slow.code).toBe(5);
    expect((await status()).phase).toBe('started');
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);

    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const run = startCli(['--port', port, 'connect', 'NoSuchNet', '--open'], { tag });
      await run.waitFor(/reconnect attempt 2/);
      const r = await run.stop(signal);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`espwifi: interrupted \\(${signal}\\)`));
      expect((await status()).phase).toBe('started');
    }
    expect((await cli(['connect', 'HomeNet', '--password', 'correct-horse'])).code).toBe(0);
  }, 90_000);

  it('item 2: an interrupted scan is stopped before the CLI exits', async () => {
    const run = startCli(['--log-level', 'debug', '--port', port, 'scan', '--passive', '--passive-time', '1500'], { tag });
    await run.waitFor(/"msg":"reply scan ok"/, 20_000, 'stderr');
    const r = await run.stop('SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/"msg":"request scan_stop"/);
    const s = JSON.parse((await cli(['--json', 'status'])).stdout) as { scan: string };
    expect(s.scan).not.toBe('running');
  }, 30_000);

  it('item 12: status --json names the port; the SSID is text plus exact bytes', async () => {
    const s = JSON.parse((await cli(['--json', 'status'])).stdout) as Record<string, unknown>;
    expect(s).toMatchObject({ port, ssid: 'HomeNet', ssidHex: '486f6d654e6574' });
    expect(s).not.toHaveProperty('ssidText');
  });
});

describe('item 3: disconnect during a connect attempt', () => {
  it('stops the attempt and says so', async () => {
    // Slow virtual time: the attempt started through the library is still running when the CLI asks.
    const { sim, port } = await startSim(suite, 'tty-slow', ['--speed', '0.1']);
    try {
      const board = await openBoard({ port, logger: pino({ level: 'silent' }), reconnect: false, timeoutMs: 20_000 });
      await board.init();
      await board.setMode('sta');
      await board.start();
      await board.configure({ ssid: 'NoSuchNet' });
      await board.connect({ timeoutMs: 1 }).catch(() => undefined);
      await board.close(); // the attempt goes on without us
      const r = await runCli(['--port', port, 'disconnect'], { tag });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✓ Stopped the connect attempt to "NoSuchNet"; the station is idle\./);
      const s = JSON.parse((await runCli(['--json', '--port', port, 'status'], { tag })).stdout) as { phase: string };
      expect(s.phase).toBe('started');
    } finally {
      await sim.stop('SIGTERM');
    }
  }, 60_000);
});
