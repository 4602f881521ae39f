// The real thing on loopback: Debian's ser2net exporting a virtual board's pseudo-terminal, the
// library talking to it through rfc2217:// and socket://, and ser2net killed mid-command.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBoard, VirtualBoard, type Board } from '../../host/src/index.js';
import { Rfc2217Transport } from '../../host/src/transport/rfc2217.js';
import { SER2NET_MISSING, Ser2net, ser2netAvailable } from '../../hil/ser2net.js';
import { until } from '../host/vb-helpers.js';

const HAVE = ser2netAvailable();
if (!HAVE) console.warn(`test/hil/ser2net: skipped — ${SER2NET_MISSING}`);

let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function exported(mode: 'rfc2217' | 'tcp') {
  const vb = await VirtualBoard.start({ scenario: 'home', speed: 20, seed: 1, stderr: 'ignore' });
  cleanup.push(() => vb.stop());
  const s2n = await Ser2net.start(vb.port, mode);
  cleanup.push(() => s2n.stop());
  return { vb, s2n };
}

async function open(url: string): Promise<Board> {
  const board = await openBoard({ port: url, timeoutMs: 5000 });
  cleanup.push(() => board.close());
  return board;
}

describe.skipIf(!HAVE)('through ser2net on loopback', () => {
  it('rfc2217:// — hello, scan and connect through telnet COM-PORT-OPTION', async () => {
    const { s2n } = await exported('rfc2217');
    const board = await open(s2n.url);
    expect(board.info.mac).toBe('58:cf:79:a0:00:01');
    await board.init();
    await board.setMode('sta');
    await board.start();
    const aps = await board.scan();
    expect(aps.map((a) => a.ssidText)).toContain('HomeNet');
    await board.configure({ ssid: 'HomeNet', password: 'correct-horse' });
    const ip = await board.connect({ timeoutMs: 20_000 });
    expect(ip.ip).toBe('192.168.1.100');
  });

  it('rfc2217:// — baud is confirmed by ser2net, DTR/RTS are reported as unavailable on a pty', async () => {
    const { s2n } = await exported('rfc2217');
    const t = new Rfc2217Transport(s2n.url, { ackTimeoutMs: 500 });
    cleanup.push(() => t.close());
    await t.open();
    expect(t.comPortEnabled).toBe(true);
    await t.setBaudRate(115200);
    expect(await t.setSignals({ dtr: false, rts: false })).toBe(false);
  });

  it('socket:// — the same library over raw TCP', async () => {
    const { s2n } = await exported('tcp');
    expect(s2n.url).toMatch(/^socket:\/\//);
    const board = await open(s2n.url);
    expect(board.info.mac).toBe('58:cf:79:a0:00:01');
    await board.init();
    const st = await board.status();
    expect(st.phase).toBe('init');
  });

  it('ser2net killed mid-command: the pending request fails naming the lost connection; restart + reopen works', async () => {
    const { vb, s2n } = await exported('rfc2217');
    const board = await open(s2n.url);
    await board.init();
    await board.setMode('sta');
    await board.start();
    const closed = new Promise<Error | undefined>((res) => board.once('close', res));
    // A long passive scan (13 channels x 1.5 s virtual), running on the board, its clock then all
    // but stopped: still running when the link is cut, however slow the machine.
    const scan = board.scan({ type: 'passive', passiveMs: 1500, timeoutMs: 30_000 });
    scan.catch(() => undefined);
    await until(async () => Number((await vb.diag()).scanning) === 1, 10_000, 'a scan running on the board');
    await vb.setSpeed(0.001);
    await s2n.kill();
    await expect(scan).rejects.toThrow(`connection to ${s2n.url} lost`);
    expect(String(await closed)).toContain('lost');
    await expect(board.status()).rejects.toThrow(/lost|closed/);

    await vb.setSpeed(20);
    await s2n.restart();
    const again = await open(s2n.url);
    expect(again.info.mac).toBe('58:cf:79:a0:00:01');
    const aps = await again.scan();
    expect(aps.map((a) => a.ssidText)).toContain('HomeNet');
  });

  it('the device behind ser2net is gone: open fails quoting what the server sent, on both routes', async () => {
    // A board unplugged from the rig: ser2net still listens, accepts, fails to open the device,
    // sends one line of text and hangs up. "the port is closed" said nothing of that.
    const dir = mkdtempSync(join(tmpdir(), 'espwifi-gone-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const device = join(dir, 'ttyGONE');
    writeFileSync(device, '');
    const rfc = await Ser2net.start(device, 'rfc2217');
    cleanup.push(() => rfc.stop());
    const raw = await Ser2net.start(device, 'tcp');
    cleanup.push(() => raw.stop());
    rmSync(device);
    for (const url of [rfc.url, raw.url]) {
      const err = await openBoard({ port: url, timeoutMs: 3000, helloAttempts: 1 }).then(
        (b) => { cleanup.push(() => b.close()); return undefined; }, (e: Error) => e);
      expect(err, url).toBeInstanceOf(Error);
      expect(err!.message, url).toContain(url);
      expect(err!.message, url).toMatch(/closed the connection|connection to .* lost/);
      expect(err!.message, url).toContain('"Device open failure');
      expect(err!.message, url).not.toMatch(/the port is closed/);
      expect(err!.message, url).not.toMatch(/another client/); // the server said why: no guess beside it
    }
  });

  it('ser2net killed right after the hello: the lost connection quotes none of the board\'s frames as the server\'s words', async () => {
    for (const mode of ['rfc2217', 'tcp'] as const) {
      const { s2n } = await exported(mode);
      const url = s2n.url;
      const board = await open(url);
      const closed = new Promise<Error | undefined>((res) => board.once('close', res));
      await s2n.kill();
      const err = String(await closed);
      expect(err).toContain(`connection to ${url} lost`);
      expect(err).not.toContain('all it sent');
      expect(err).not.toContain('~r');
    }
  });
});
