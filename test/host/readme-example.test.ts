// The README's complete example, run against a virtual board through the package entry point,
// so the documented API cannot drift from the real one.
import { afterEach, expect, it } from 'vitest';
import { openBoard, createLogger, ConnectError, DeviceResetError, VirtualBoard, type Board } from '../../host/src/index.js';

let vb: VirtualBoard | null = null;
let board: Board | null = null;
afterEach(async () => {
  await board?.close().catch(() => {});
  await vb?.stop();
  vb = null;
  board = null;
});

it('the README example works as written', async () => {
  vb = await VirtualBoard.start({ scenario: 'home', speed: 20, stderr: 'ignore' });
  const out: string[] = [];
  const say = (s: string) => out.push(s);
  board = await openBoard({ port: vb.port, logger: createLogger({ level: 'silent' }), reconnect: { immediateAttempts: 3, maxDelayMs: 30_000 } });
  say(`${board.info.chip} rev ${board.info.rev}, firmware ${board.info.fw}, last reset: ${board.info.reset}`);

  if (board.phase === 'uninit') await board.init();
  await board.setMode('sta');
  await board.configure({ ssid: 'HomeNet', password: 'correct-horse' });
  if (board.phase === 'init') await board.start();

  const aps = await board.scan({ type: 'active' });
  for (const ap of aps) say(`${ap.ssidText} ${ap.rssi} ${ap.bssid} ${ap.channel} ${ap.auth}`);

  board.on('disconnected', (d) => say(`disconnected: ${d.reason} ${d.name} — ${d.meaning}. ${d.action}`));
  board.on('reconnecting', ({ attempt, delayMs }) => say(`reconnect attempt ${attempt} in ${delayMs} ms`));
  board.on('gaveUp', ({ likely }) => say(`gave up${likely ? `: ${likely.evidence}` : ''}`));
  board.on('ipChanged', (ip) => say(`new address ${ip.ip}: close and re-create your sockets`));
  board.on('reset', (r) => say(`board reset (${r.reason}); run init/configure/start/connect again`));

  try {
    const ip = await board.connect({ timeoutMs: 60_000 });
    say(`got ${ip.ip}/${ip.mask} via ${ip.gw}${ip.alreadyConnected ? ' (already connected)' : ''}`);
  } catch (e) {
    if (e instanceof ConnectError) say(`${e.message} ${e.disconnect.likely?.evidence ?? ''}`);
    else if (e instanceof DeviceResetError) say(`board reset during connect: ${e.resetReason}`);
    else throw e;
  }
  await board.waitForIp();
  await board.disconnect();
  await board.stop();
  await board.close();

  expect(out[0]).toMatch(/^esp32c3 rev \d+, firmware .+, last reset: poweron$/);
  expect(out).toContain('got 192.168.1.100/255.255.255.0 via 192.168.1.1');
  expect(out.some((l) => l.startsWith('HomeNet -'))).toBe(true);
  expect(out.some((l) => l.startsWith('disconnected: 8 ASSOC_LEAVE'))).toBe(true);
  expect(out.some((l) => l.startsWith('reconnect attempt'))).toBe(false);
});
