// A wrong password as silicon reports it — 15, 204 or 2 depending on version and AP — through
// the real CLI: each gives up early with "likely wrong password" (exit 4). A 2 that is an auth
// timeout (the AP never answers) is no password evidence: exit 5, no password blame.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSuite, runCli } from './helpers.js';

const { tag, tmp } = cliSuite('espwifi-pw-');

describe('connect with a wrong password, every way silicon reports it', () => {
  it.each([
    ['HomeNet', 15, '4WAY_HANDSHAKE_TIMEOUT'],
    ['SlowNet', 204, 'HANDSHAKE_TIMEOUT'],
    ['ExpireNet', 2, 'AUTH_EXPIRE'],
  ])('%s (reason %i): exit 4, likely wrong password', async (ssid, reason, name) => {
    const r = await runCli(['connect', ssid, '--scenario', 'wrong-password', '--password', 'wrong-one-123'], { tag });
    expect(r.code, r.stdout + r.stderr).toBe(4);
    expect(r.stdout).toContain(`${name} (${reason})`);
    expect(r.stdout).toMatch(/gave up after \d+ attempts?: .*likely wrong password/);
    expect(r.stdout + r.stderr).not.toContain('wrong-one-123');
  });

  it('`reason 2` says when 2 counts as a wrong password', async () => {
    const r = await runCli(['reason', '2'], { tag });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/related to wrong password \(only when the AP ended the attempt after association; never after a connection\)/);
  });

  it('2 from an AP that never answers authentication: exit 5, no password blame', async () => {
    const file = path.join(tmp, 'mute.json');
    writeFileSync(file, JSON.stringify({ aps: [{ ssid: 'Mute', bssid: '02:00:00:00:0c:01', channel: 3, rssi: -45, auth: 'wpa2', password: 'right-one-123', auth_reply: 'timeout' }] }));
    const r = await runCli(['connect', 'Mute', '--scenario', file, '--password', 'right-one-123', '--max-attempts', '5'], { tag });
    expect(r.code, r.stdout + r.stderr).toBe(5);
    expect(r.stdout).toContain('AUTH_EXPIRE (2)');
    expect(r.stdout + r.stderr).not.toMatch(/likely .*password/i);
  });
});
