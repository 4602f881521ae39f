// `npm start` = `espwifi demo`: the seed's station story on a built-in virtual board, to its end,
// exit 0, no simulator left running. (How long it takes is a bench metric: bench/metrics/demo.mjs.)
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, newTag, runCli, settle, simProcessesWithTag } from './helpers.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe('espwifi demo', () => {
  it('walks every phase with decoded reasons and exits 0 without leftovers', async () => {
    const tag = newTag();
    const r = await runCli(['demo'], { tag, timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    // Phase headers in the seed's order.
    const headers = ['1. Init', '2. Configure', '3. Start', 'Scan', '4. Connect with a wrong password', '5. Connect with the right password', '6. The AP vanishes', '7. IP change', '8. Deinit'];
    let at = -1;
    for (const h of headers) {
      const i = out.indexOf(`── ${h}`);
      expect(i, `header "${h}"`).toBeGreaterThan(at);
      at = i;
    }
    expect(out).toMatch(/^\s+\+\d+\.\d{3}s  /m); // relative timestamps
    expect(out).toMatch(/HomeNet\s+30:7b:ac:69:41:90\s+6/); // the scan table
    expect(out).toMatch(/policy stops after \d+ attempts: likely .*password/i);
    expect(out).toMatch(/evidence: /);
    expect(out).toMatch(/GOT_IP 192\.168\.1\.100/);
    expect(out).toMatch(/⚡ "HomeNet" powered off/);
    expect(out).toMatch(/BEACON_TIMEOUT/);
    // The board's BEACON_TIMEOUT precedes the probes; only the disconnect (200) says they went unanswered.
    expect(out).not.toMatch(/← BEACON_TIMEOUT:.*unanswered/);
    // The demo's board never sends LOST_IP (its timer is 120 s): the address going with the link is
    // the host's conclusion, never drawn as an event from the board.
    expect(out).not.toMatch(/← LOST_IP/);
    expect(out).toMatch(/· the address is gone with the link/);
    expect(out).toMatch(/↻ reconnect attempt \d+ after \d\.\d s backoff/);
    expect(out).toMatch(/GOT_IP 192\.168\.1\.154 .*ip_change/);
    expect(out).toMatch(/esp_wifi_deinit/);
    expect(out).toMatch(/✓ Demo finished/);
    expect(simProcessesWithTag(tag)).toEqual([]);
    expect(await settle(tag)).toEqual([]);
  }, 100_000);

  it('--json streams NDJSON records with phases', async () => {
    const tag = newTag();
    const r = await runCli(['--json', 'demo', '--speed', '10'], { tag, timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; phase?: string; event?: string });
    expect(recs.filter((x) => x.type === 'phase').map((x) => x.phase)).toEqual(['1', '2', '3', '', '4', '5', '6', '7', '8']);
    expect(recs.some((x) => x.event === 'gave_up')).toBe(true);
    expect(await settle(tag)).toEqual([]);
  }, 100_000);

  it('on a real board, --ssid and --password follow the rules connect enforces, before the port is opened', async () => {
    const tag = newTag();
    const demo = (args: string[]) => runCli(['--port', '/nonexistent/ttyUSB9', 'demo', ...args], { tag });
    const short = await demo(['--ssid', 'HomeNet', '--password', 'short']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/8–63 characters/);
    expect(short.stdout + short.stderr).not.toContain('short"');
    const long = await demo(['--ssid', 'x'.repeat(33), '--password', 'correct-horse']);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/at most 32 bytes/);
    const empty = await demo(['--ssid', '', '--password', 'correct-horse']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/SSID is empty/);
    const none = await demo(['--ssid', 'HomeNet']); // no password source, no terminal to ask on
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no password given/);
  });
});
