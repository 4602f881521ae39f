// `espwifi improv ...` through the real CLI binary against built-in virtual boards: output,
// --json, exit codes and named errors; the password never shows up anywhere.
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers.js';

beforeAll(ensureBuilt, 120_000);

describe('espwifi improv', () => {
  it('info and state, as text and --json', async () => {
    const info = await runCli(['improv', 'info']);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/firmware\s+espwifi 0\.1\.0-sim/);
    expect(info.stdout).toMatch(/improv state\s+ready/);
    const state = await runCli(['improv', 'state', '--json']);
    expect(state.code).toBe(0);
    expect(JSON.parse(state.stdout)).toEqual({ state: 'ready', code: 2, urls: [] });
  });

  it('scan --json lists what the board sees', async () => {
    const r = await runCli(['improv', 'scan', '--json']);
    expect(r.code).toBe(0);
    const nets = JSON.parse(r.stdout) as { ssid: string; ssidHex: string; rssi: number; authRequired: boolean }[];
    expect(nets.map((n) => [n.ssid, n.ssidHex, n.authRequired])).toEqual([
      ['HomeNet', Buffer.from('HomeNet').toString('hex'), true],
      ['Neighbor', Buffer.from('Neighbor').toString('hex'), true],
      ['CafeGuest', Buffer.from('CafeGuest').toString('hex'), false],
    ]);
  });

  it('provision: 0 with the IP, 4 for a wrong password (with the reason), 5 for an AP that is not there', async () => {
    const ok = await runCli(['improv', 'provision', 'HomeNet', '--json', '--password-stdin'], { input: 'correct-horse\n' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ provisioned: true, ssid: 'HomeNet', urls: [], ip: { ip: '192.168.1.100' } });

    const wrong = await runCli(['improv', 'provision', 'HomeNet', '--password', 'hunter2-secret']);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/UNABLE_TO_CONNECT.*reason 15 4WAY_HANDSHAKE_TIMEOUT/);
    expect(wrong.stdout + wrong.stderr).not.toContain('hunter2-secret');
    const wrongJson = await runCli(['improv', 'provision', 'HomeNet', '--password', 'hunter2-secret', '--json']);
    const werr = JSON.parse(wrongJson.stderr.trim().split('\n').pop()!) as { error: Record<string, unknown> };
    expect(werr.error).toMatchObject({ code: 'CONNECT_FAILED', detail: 'IMPROV_UNABLE_TO_CONNECT', exitCode: 4, likely: { cause: 'password' } });
    expect(wrongJson.stdout + wrongJson.stderr).not.toContain('hunter2-secret');

    const gone = await runCli(['improv', 'provision', 'NoSuchNet', '--json'], { env: { ESPWIFI_PASSWORD: 'hunter2-secret' } });
    expect(gone.code).toBe(5);
    const err = JSON.parse(gone.stderr.trim().split('\n').pop()!) as { error: { code: string; detail: string; exitCode: number; message: string } };
    expect(err.error).toMatchObject({ code: 'CONNECT_FAILED', detail: 'IMPROV_UNABLE_TO_CONNECT', exitCode: 5 });
    expect(err.error.message).toMatch(/reason 201 NO_AP_FOUND/);
    expect(gone.stdout + gone.stderr).not.toContain('hunter2-secret');
  });

  it('refusals keep their Improv names: exit 9; bad input is a usage error (2)', async () => {
    const h = await runCli(['improv', 'hostname', 'not_valid', '--json']);
    expect(h.code).toBe(9);
    expect(h.stderr).toContain('"detail":"IMPROV_BAD_HOSTNAME"');
    const setName = await runCli(['improv', 'device-name', 'Kitchen', '--json']);
    expect(setName.code).toBe(9);
    expect(setName.stderr).toContain('"detail":"IMPROV_UNKNOWN_RPC_COMMAND"');
    const host = await runCli(['improv', 'hostname', 'kitchen-light', '--json']);
    expect(host.code).toBe(0);
    expect(JSON.parse(host.stdout)).toEqual({ hostname: 'kitchen-light' });
    const name = await runCli(['improv', 'device-name']);
    expect(name.code).toBe(0);
    expect(name.stdout.trim()).toBe('espwifi-a00001');
    const long = await runCli(['improv', 'provision', 'x'.repeat(33), '--open']);
    expect(long.code).toBe(2);
    const both = await runCli(['improv', 'provision', 'HomeNet', '--open', '--password', 'x']);
    expect(both.code).toBe(2);
    const none = await runCli(['improv', 'provision', 'HomeNet']); // stdin is a pipe: nothing to ask on
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no password given/);
  });

  it("a password connect would refuse is refused before the board is touched (exit 2, the rule named, the password not shown)", async () => {
    for (const bad of ['short1', 'x'.repeat(64), 'caf\u00e9-au-lait']) {
      const r = await runCli(['improv', 'provision', 'HomeNet', '--json', '--password', bad]);
      expect(r.code).toBe(2);
      const err = JSON.parse(r.stderr.trim().split('\n').pop()!) as { error: { code: string; message: string } };
      expect(err.error.code).toBe('USAGE');
      expect(err.error.message).toMatch(/8–63|64 hex digits/);
      expect(r.stderr).not.toMatch(/Sending Wi-Fi settings|virtual board/); // refused before a board was started
      expect(r.stdout + r.stderr).not.toContain(bad);
    }
    const hex = await runCli(['improv', 'provision', 'NoSuchNet', '--json', '--password', 'ab'.repeat(32)]); // a raw key passes the rule
    expect(hex.code).toBe(5);
  });

  it('a port where nothing speaks Improv: exit 3 with IMPROV_NOT_DETECTED', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as net.AddressInfo;
    try {
      const r = await runCli(['--port', `socket://127.0.0.1:${port}`, 'improv', 'state', '--json']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('"detail":"IMPROV_NOT_DETECTED"');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
