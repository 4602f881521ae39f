// A port that sends back what it is sent — a TCP echo server behind socket://, a serial line with
// TX wired to RX — has no board on it. The "no hello" error must say that, not "it prints text
// (0 lines) ... so it runs other firmware": nothing but our own requests came back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import net from 'node:net';
import { once } from 'node:events';
import { ensureBuilt, runCli } from './helpers.js';

let echo: net.Server;
let port = 0;
beforeAll(async () => {
  await ensureBuilt();
  echo = net.createServer((s) => { s.on('error', () => undefined); s.pipe(s); });
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  port = (echo.address() as net.AddressInfo).port;
});
afterAll(async () => { await new Promise((r) => echo.close(r)); });

it('info on socket:// to an echo server: exit 3, naming the echo, not other firmware', async () => {
  const r = await runCli(['--port', `socket://127.0.0.1:${port}`, 'info']);
  expect(r.code, r.stderr).toBe(3);
  expect(r.stderr).toMatch(/no hello from the board on socket:\/\/127\.0\.0\.1:\d+: all that came back were our own requests \(\d+ echoed\)/);
  expect(r.stderr).not.toMatch(/other firmware|0 lines/);
}, 60_000);
