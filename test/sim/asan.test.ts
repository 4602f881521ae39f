// The virtual board under AddressSanitizer + UBSan (make -C firmware/sim asan): a session that
// exercises scans, record fetching, connect failures and success, beacon loss, resets and a panic
// must end with exit code 0 and nothing on stderr. -fno-sanitize-recover makes any finding fatal.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rig, station, teardown } from './harness.js';

const simDir = fileURLToPath(new URL('../../firmware/sim', import.meta.url));
let bin = process.env.ESPWIFI_SIM_ASAN_BIN ?? '';

beforeAll(() => {
  if (!bin) {
    execFileSync('make', ['-s', '-C', simDir, 'asan'], { stdio: 'inherit', timeout: 120_000 });
    bin = `${simDir}/build/espwifi-sim-asan`;
  }
}, 130_000);

describe('sanitizers', () => {
  it('driver-level checks pass under ASan/UBSan (make -C firmware/sim check)', () => {
    const out = execFileSync('make', ['-s', '-C', simDir, 'check'], { encoding: 'utf8', timeout: 120_000 });
    expect(out).toContain('sim driver checks passed');
  });

  it('a full session runs clean under ASan/UBSan', async () => {
    const r = await rig({ binary: bin, scenario: 'same-ssid', stderr: 'pipe', speed: 50 });
    try {
      await station(r.w, { ssid: 'Office', pass: 'office-pass-1', scan: 'all', retry: 1 });
      let from = r.w.mark();
      await r.w.ok('scan', { hidden: 1 });
      await r.w.event('scan_done', from);
      await r.w.ok('scan', { type: 'passive', passive: 50 }); // unfetched list cleared by the core
      await r.w.event('scan_done', from, 10_000, (f) => f.f.scan_id === '2');
      await r.w.request('ap_records');
      await r.w.request('ap_records');
      await r.vb.control('ap_add ssid=Office bssid=02:00:00:00:01:0c ch=12 auth=wpa2 pass=wrong-password-x');
      from = r.w.mark();
      await r.w.ok('connect');
      await r.w.event('got_ip', from);
      await r.w.ok('inactive_time', { sec: 3 });
      await r.vb.apOff('Office');
      await r.w.event('disconnected', from);
      await r.vb.apOn('Office');
      await r.vb.noise(200);
      await r.vb.corruptBytes(3);
      await r.w.request('ping', {}, 500).catch(() => undefined);
      await r.vb.reset('task_wdt');
      await r.vb.panic();
      await r.w.ok('ping');
    } finally {
      await teardown(r);
    }
    expect(r.vb.stderr).toBe('');
    expect(r.vb.exitCode).toBe(0);
  });
});
