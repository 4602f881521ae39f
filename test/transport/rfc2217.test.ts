// The RFC 2217 client and the raw socket transport against a scripted in-process TCP server:
// negotiation, IAC escaping of every byte value, COM-PORT subnegotiation bytes, dropped links.
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { once } from 'node:events';
import {
  Rfc2217Transport, IAC, DO, DONT, WILL, WONT, SB, SE, OPT_BINARY, OPT_SGA, OPT_COM_PORT, CPO, CONTROL,
  iacEscape, comPortCommand,
} from '../../host/src/transport/rfc2217.js';
import { SocketTransport, parseNetUrl } from '../../host/src/transport/socket.js';
import { createTransport } from '../../host/src/transport/index.js';
import { PortError } from '../../host/src/errors.js';

/** A telnet server that records every byte the client sends and can be scripted per test. */
class ScriptedServer {
  server!: net.Server;
  port = 0;
  conn: net.Socket | undefined;
  received = Buffer.alloc(0);
  /** COM-PORT commands seen: [command, unescaped value]. */
  commands: Array<[number, Buffer]> = [];
  replyToControl = true;
  acceptComPort = true;
  private sbState: { in: boolean; iac: boolean; buf: number[] } = { in: false, iac: false, buf: [] };
  private listeners: Array<() => void> = [];
  data = Buffer.alloc(0);
  private dataState: 'data' | 'iac' | 'opt' = 'data';

  async start(onConnect?: (s: net.Socket) => void): Promise<void> {
    this.server = net.createServer((s) => {
      this.conn = s;
      this.sentDoCom = false;
      s.on('data', (c: Buffer) => this.feed(c));
      s.on('error', () => undefined);
      if (onConnect) onConnect(s);
      else s.write(Buffer.from([IAC, WILL, 1 /* ECHO, as ser2net */, IAC, WILL, OPT_SGA, IAC, WILL, OPT_BINARY,
        IAC, DO, OPT_BINARY, IAC, DO, OPT_SGA]));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private feed(c: Buffer): void {
    this.received = Buffer.concat([this.received, c]);
    for (const b of c) {
      const sb = this.sbState;
      if (sb.in) {
        if (sb.iac) {
          sb.iac = false;
          if (b === IAC) sb.buf.push(IAC);
          else if (b === SE) { sb.in = false; this.onSb(Buffer.from(sb.buf)); }
        } else if (b === IAC) sb.iac = true;
        else sb.buf.push(b);
        continue;
      }
      if (this.dataState === 'opt') {
        if (!this.raw && b === OPT_COM_PORT && this.received.includes(Buffer.from([IAC, WILL, OPT_COM_PORT])) && !this.sentDoCom) {
          this.sentDoCom = true;
          this.conn!.write(Buffer.from([IAC, this.acceptComPort ? DO : DONT, OPT_COM_PORT]));
        }
        this.dataState = 'data';
      } else if (this.dataState === 'iac') {
        if (b === IAC) { this.data = Buffer.concat([this.data, Buffer.from([IAC])]); this.dataState = 'data'; }
        else if (b === SB) { this.sbState = { in: true, iac: false, buf: [] }; this.dataState = 'data'; }
        else if (b >= WILL && b <= DONT) this.dataState = 'opt';
        else this.dataState = 'data';
      } else if (b === IAC) this.dataState = 'iac';
      else this.data = Buffer.concat([this.data, Buffer.from([b])]);
    }
    for (const l of this.listeners.splice(0)) l();
  }
  private sentDoCom = false;
  /** A plain TCP server: never answers telnet negotiation. */
  raw = false;

  private onSb(sb: Buffer): void {
    if (sb[0] !== OPT_COM_PORT) return;
    const cmd = sb[1]!;
    const value = sb.subarray(2);
    this.commands.push([cmd, Buffer.from(value)]);
    if (cmd === CPO.SET_CONTROL && !this.replyToControl) return;
    this.conn!.write(comPortCommand(cmd + 100, value));
  }

  /** Resolves once `pred` holds after some input arrived. */
  async until(pred: () => boolean): Promise<void> {
    while (!pred()) await new Promise<void>((r) => this.listeners.push(r));
  }

  async stop(): Promise<void> {
    this.conn?.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

let servers: ScriptedServer[] = [];
let transports: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const t of transports) await t.close().catch(() => undefined);
  for (const s of servers) await s.stop().catch(() => undefined);
  servers = [];
  transports = [];
});

/** A TCP server that accepts and never sends a byte. */
async function setupSilent() {
  const srv = new ScriptedServer();
  srv.raw = true;
  await srv.start(() => undefined);
  servers.push(srv);
  const t = new Rfc2217Transport(`rfc2217://127.0.0.1:${srv.port}`, { negotiationTimeoutMs: 200 });
  transports.push(t);
  return { srv, t };
}

async function setup(opts: { replyToControl?: boolean; acceptComPort?: boolean } = {}) {
  const srv = new ScriptedServer();
  if (opts.replyToControl === false) srv.replyToControl = false;
  if (opts.acceptComPort === false) srv.acceptComPort = false;
  await srv.start();
  servers.push(srv);
  const t = new Rfc2217Transport(`rfc2217://127.0.0.1:${srv.port}`, { ackTimeoutMs: 300, negotiationTimeoutMs: 500 });
  transports.push(t);
  return { srv, t };
}

describe('RFC 2217 encoding helpers', () => {
  it('doubles 0xFF and nothing else', () => {
    expect(iacEscape(Buffer.from([1, 0xff, 2, 0xff, 0xff]))).toEqual(Buffer.from([1, 0xff, 0xff, 2, 0xff, 0xff, 0xff, 0xff]));
    expect(iacEscape(Buffer.from('abc'))).toEqual(Buffer.from('abc'));
  });
  it('builds SET-BAUDRATE 115200 as RFC 2217 spells it', () => {
    const v = Buffer.alloc(4);
    v.writeUInt32BE(115200);
    expect(comPortCommand(CPO.SET_BAUDRATE, v)).toEqual(Buffer.from([IAC, SB, 44, 1, 0x00, 0x01, 0xc2, 0x00, IAC, SE]));
    v.writeUInt32BE(0xff);
    expect(comPortCommand(CPO.SET_BAUDRATE, v)).toEqual(Buffer.from([IAC, SB, 44, 1, 0, 0, 0, 0xff, 0xff, IAC, SE]));
  });
  it('parses host:port URLs and names bad ones', () => {
    expect(parseNetUrl('rfc2217://rig.local:4000', 'rfc2217')).toEqual({ host: 'rig.local', port: 4000 });
    expect(parseNetUrl('socket://[::1]:23', 'socket')).toEqual({ host: '::1', port: 23 });
    expect(() => parseNetUrl('rfc2217://rig.local', 'rfc2217')).toThrow(/expected rfc2217:\/\/host:port/);
    expect(() => parseNetUrl('rfc2217://h:70000', 'rfc2217')).toThrow(/BAD_PORT|port 1-65535/);
  });
});

describe('Rfc2217Transport against a scripted server', () => {
  it('negotiates BINARY, SGA and COM-PORT, refuses ECHO, then sets 8N1 at the baud and purges', async () => {
    const { srv, t } = await setup();
    await t.open();
    expect(t.isOpen).toBe(true);
    expect(t.comPortEnabled).toBe(true);
    const r = srv.received;
    for (const seq of [[IAC, WILL, OPT_BINARY], [IAC, DO, OPT_BINARY], [IAC, WILL, OPT_SGA], [IAC, DO, OPT_SGA], [IAC, WILL, OPT_COM_PORT], [IAC, DONT, 1]]) {
      expect(r.includes(Buffer.from(seq)), `sent ${seq}`).toBe(true);
    }
    // Options already requested are not re-acknowledged (no negotiation loop).
    expect(r.indexOf(Buffer.from([IAC, DO, OPT_BINARY]))).toBe(r.lastIndexOf(Buffer.from([IAC, DO, OPT_BINARY])));
    expect(srv.commands.map(([c, v]) => [c, [...v]])).toEqual([
      [CPO.SET_BAUDRATE, [0, 1, 0xc2, 0]], [CPO.SET_DATASIZE, [8]], [CPO.SET_PARITY, [1]],
      [CPO.SET_STOPSIZE, [1]], [CPO.PURGE_DATA, [3]],
    ]);
  });

  it('round-trips all 256 byte values through IAC escaping in both directions', async () => {
    const { srv, t } = await setup();
    await t.open();
    const all = Buffer.from(Array.from({ length: 512 }, (_, i) => i & 0xff));
    await t.write(all);
    await srv.until(() => srv.data.length >= all.length);
    expect(srv.data).toEqual(all);
    expect(srv.received.includes(Buffer.from([0xfe, 0xff, 0xff, 0x00]))).toBe(true);

    const got: Buffer[] = [];
    t.on('data', (c: Buffer) => got.push(c));
    // Split inside an escape pair and inside a subnegotiation to exercise the parser's state.
    const wire = Buffer.concat([iacEscape(all), Buffer.from([IAC, SB, 44, 107, 0x30, IAC, SE]), iacEscape(Buffer.from([0xff, 7]))]);
    const cut = wire.indexOf(Buffer.from([0xff, 0xff])) + 1;
    srv.conn!.write(wire.subarray(0, cut));
    // Everything before the cut is decoded before the rest is sent: the parser really holds half
    // an escape pair between two reads, whatever the machine's speed.
    while (Buffer.concat(got).length < all.indexOf(0xff)) await once(t, 'data');
    srv.conn!.write(wire.subarray(cut));
    const want = Buffer.concat([all, Buffer.from([0xff, 7])]);
    while (Buffer.concat(got).length < want.length) await once(t, 'data');
    expect(Buffer.concat(got)).toEqual(want);
    expect(t.modemState).toBe(0x30);
  });

  it('sends SET-BAUDRATE and SET-CONTROL DTR/RTS with the RFC values and reports the confirmation', async () => {
    const { srv, t } = await setup();
    await t.open();
    srv.commands = [];
    await t.setBaudRate(460800);
    expect(await t.setSignals({ dtr: false, rts: true })).toBe(true);
    expect(await t.setSignals({ dtr: true })).toBe(true);
    expect(await t.setSignals({ rts: false })).toBe(true);
    expect(srv.commands.map(([c, v]) => [c, [...v]])).toEqual([
      [CPO.SET_BAUDRATE, [0x00, 0x07, 0x08, 0x00]],
      [CPO.SET_CONTROL, [CONTROL.DTR_OFF]], [CPO.SET_CONTROL, [CONTROL.RTS_ON]],
      [CPO.SET_CONTROL, [CONTROL.DTR_ON]], [CPO.SET_CONTROL, [CONTROL.RTS_OFF]],
    ]);
    await expect(t.setBaudRate(0)).rejects.toThrow(/positive integer/);
  });

  it('setSignals resolves false when the server does not confirm (ser2net on a pty)', async () => {
    const { t } = await setup({ replyToControl: false });
    await t.open();
    expect(await t.setSignals({ dtr: true, rts: false })).toBe(false);
  });

  it('fails open with advice when the server refuses COM-PORT-OPTION, saying it refused (not that it timed out)', async () => {
    const { t } = await setup({ acceptComPort: false });
    const err = await t.open().then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/refused the RFC 2217 COM-PORT-OPTION.*socket:\/\//);
    expect(err?.message).not.toMatch(/within \d+ ms/);
    expect(t.isOpen).toBe(false);
  });

  it('a plain TCP echo server (our offers come back as its own) is a refusal, said at once', async () => {
    const echo = net.createServer((s) => { s.on('error', () => undefined); s.pipe(s); });
    echo.listen(0, '127.0.0.1');
    await once(echo, 'listening');
    const t = new Rfc2217Transport(`rfc2217://127.0.0.1:${(echo.address() as net.AddressInfo).port}`, { negotiationTimeoutMs: 60_000 });
    transports.push(t);
    try {
      const err = await t.open().then(() => undefined, (e: Error) => e);
      expect(err).toBeInstanceOf(PortError);
      expect(err!.message).toMatch(/refused the RFC 2217 COM-PORT-OPTION/);
      expect(err!.message).not.toMatch(/within/);
    } finally {
      await new Promise((r) => echo.close(r));
    }
  });

  it('fails open on a raw TCP server that never negotiates, saying it did not answer in time', async () => {
    const { t } = await setupSilent();
    const err = await t.open().then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err!.message).toMatch(/did not answer the RFC 2217 COM-PORT-OPTION within 200 ms/);
  });

  it('a server that hangs up during negotiation is reported as busy, not as a protocol mismatch', async () => {
    const srv = new ScriptedServer();
    await srv.start((s) => s.destroy());
    servers.push(srv);
    const t = new Rfc2217Transport(`rfc2217://127.0.0.1:${srv.port}`, { negotiationTimeoutMs: 2000 });
    transports.push(t);
    await expect(t.open()).rejects.toThrow(/closed the connection during telnet negotiation: is another client connected/);
  });

  it('reports a dropped connection as close with "connection ... lost", and a new transport reconnects', async () => {
    const { srv, t } = await setup();
    await t.open();
    const closed = once(t, 'close');
    srv.conn!.destroy();
    const [err] = await closed as [PortError];
    expect(err).toBeInstanceOf(PortError);
    expect(err.message).toContain(`connection to rfc2217://127.0.0.1:${srv.port} lost`);
    expect(t.isOpen).toBe(false);
    await expect(t.write(Buffer.from('x'))).rejects.toThrow(/closed/);
    const again = new Rfc2217Transport(t.url, { ackTimeoutMs: 300 });
    transports.push(again);
    await again.open();
    expect(again.comPortEnabled).toBe(true);
  });

  it('a deliberate close emits close without an error', async () => {
    const { t } = await setup();
    await t.open();
    const closed = once(t, 'close');
    await t.close();
    expect((await closed)[0]).toBeUndefined();
  });

  it('refused connections name the URL and the likely fix', async () => {
    const srv = new ScriptedServer();
    await srv.start();
    const port = srv.port;
    await srv.stop();
    const t = new Rfc2217Transport(`rfc2217://127.0.0.1:${port}`);
    await expect(t.open()).rejects.toThrow(new RegExp(`cannot connect to rfc2217://127.0.0.1:${port}: connection refused; is the serial server`));
  });
});

describe('SocketTransport', () => {
  it('passes bytes through unescaped, has no control lines, and is picked by createTransport', async () => {
    const got: Buffer[] = [];
    let conn: net.Socket | undefined;
    const server = net.createServer((s) => { conn = s; s.on('data', (c) => got.push(c)); });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as net.AddressInfo).port;
    try {
      const t = await createTransport(`socket://127.0.0.1:${port}`);
      expect(t).toBeInstanceOf(SocketTransport);
      await t.open();
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await t.write(all);
      while (Buffer.concat(got).length < 256) await new Promise((r) => setTimeout(r, 10));
      expect(Buffer.concat(got)).toEqual(all);
      expect(await t.setSignals({ dtr: true })).toBe(false);
      await t.setBaudRate(9600);
      const data = once(t, 'data');
      conn!.write(Buffer.from([0xff, 0xff, 1]));
      expect((await data)[0]).toEqual(Buffer.from([0xff, 0xff, 1]));
      const closed = once(t, 'close');
      conn!.destroy();
      expect(String((await closed)[0])).toContain(`connection to socket://127.0.0.1:${port} lost`);
    } finally {
      conn?.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
