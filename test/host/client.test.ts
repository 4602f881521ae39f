// The client's mechanics, forced with a scripted peer on a real pty: id correlation, partials,
// errors, timeouts, aborts, the in-flight bound, sequence gaps, hellos, port loss, device logs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Client } from '../../host/src/client.js';
import { createTransport } from '../../host/src/transport/index.js';
import { CommandError, DeviceResetError, PortError, TimeoutError } from '../../host/src/errors.js';
import { FakeDevice } from './fake-device.js';
import { MemoryTransport } from '../../host/src/transport/memory.js';
import { decodeLine, encodeFrame } from '../../host/src/codec/frame.js';
import { PROTOCOL_DEF } from '../../host/src/protocol/definition.js';

let dev: FakeDevice;
let client: Client;
const silent = pino({ level: 'silent' });

async function open(opts: { maxInFlight?: number; timeoutMs?: number } = {}): Promise<Client> {
  const t = await createTransport(dev.port);
  await t.open();
  client = new Client(t, { logger: silent, ...opts });
  return client;
}

beforeEach(async () => {
  dev = await FakeDevice.create();
});
afterEach(async () => {
  await client?.close().catch(() => {});
  await dev.close();
});

const until = async (cond: () => boolean, ms = 2000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('Client', () => {
  it('matches replies by id, not by order', async () => {
    const held: number[] = [];
    dev.handlers.set('ping', (q) => held.push(q.num));
    await open();
    const a = client.request('ping');
    const b = client.request('rssi');
    dev.handlers.set('rssi', (q) => held.push(q.num));
    await until(() => held.length === 2);
    dev.reply(held[1]!, 'ok', { rssi: '-42' });
    dev.reply(held[0]!, 'ok');
    expect((await b).fields.rssi).toBe(-42);
    expect((await a).fields).toEqual({});
    expect(held[0]).not.toBe(held[1]);
  });

  it('collects partial replies per request', async () => {
    dev.handlers.set('ap_records', (q) => {
      dev.partial(q.num, ['HomeNet', '-50', '307bac694190', '6', 'wpa2', 'ccmp', 'ccmp', 'bgn']);
      dev.partial(q.num, [Buffer.from([0x43, 0x61, 0x66, 0xe9]), '-70', '307bac694191', '1', 'open', 'none', 'none', 'bg']);
      dev.reply(q.num, 'ok', { n: '2', total: '2', scan_id: '4' });
    });
    await open();
    const r = await client.request('ap_records');
    expect(r.partials).toHaveLength(2);
    expect(r.partials[0]).toMatchObject({ rssi: -50, bssid: '30:7b:ac:69:41:90', ch: 6, auth: 'wpa2' });
    expect(Buffer.from(r.partials[1]!.ssid as Buffer)).toEqual(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    expect(r.fields).toMatchObject({ n: 2, scan_id: 4 });
  });

  it('an err reply rejects with a CommandError naming the device error', async () => {
    dev.handlers.set('scan', (q) => dev.reply(q.num, 'err', { esp: '0x3006' }, ['WIFI_STATE']));
    await open();
    const e = await client.request('scan').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CommandError);
    expect(e).toMatchObject({ errorName: 'WIFI_STATE', esp: 0x3006, verb: 'scan', code: 'WIFI_STATE' });
  });

  it('times out per request and ignores the late reply; the id is not reused at once', async () => {
    const ids: number[] = [];
    dev.handlers.set('ping', (q) => ids.push(q.num));
    await open();
    await expect(client.request('ping', {}, { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    dev.reply(ids[0]!, 'ok');
    await until(() => client.counters.unknownReplies === 1);
    const p = client.request('ping', {}, { timeoutMs: 10_000 });
    await until(() => ids.length === 2);
    expect(ids[1]).not.toBe(ids[0]);
    dev.reply(ids[1]!, 'ok');
    await p;
  });

  it('an AbortSignal cancels a request in flight and one still queued', async () => {
    dev.handlers.set('ping', () => {});
    await open({ maxInFlight: 1 });
    const ac = new AbortController();
    const inFlight = client.request('ping', {}, { signal: ac.signal });
    const queued = client.request('ping', {}, { signal: ac.signal });
    ac.abort(new Error('user gave up'));
    await expect(inFlight).rejects.toThrow('user gave up');
    await expect(queued).rejects.toThrow('user gave up');
    await expect(client.request('ping', {}, { signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
  });

  it('keeps at most maxInFlight requests on the wire and queues the rest', async () => {
    // In memory, the client's write is the moment a request goes on the wire (no pty, no poll):
    // what was written is exactly what the client let out, decided without any wait.
    const t = new MemoryTransport();
    await t.open();
    client = new Client(t, { logger: silent, maxInFlight: 2 });
    const onWire = () =>
      t.device.written
        .toString('latin1')
        .split('\n')
        .flatMap((l) => {
          const r = decodeLine(Buffer.from(l, 'latin1'));
          return r.type === 'frame' && r.frame.kind === 'q' ? [r.frame.num] : [];
        });
    const ok = (id: number) => t.device.write(encodeFrame({ kind: 'r', num: id, verb: 'ok', tokens: [] }));
    const all = Array.from({ length: 5 }, () => client.request('ping'));
    expect(onWire()).toHaveLength(2);
    // Each reply lets exactly one queued request out, oldest first.
    for (let i = 0; i < 3; i++) {
      ok(onWire()[i]!);
      await all[i];
      expect(onWire()).toHaveLength(3 + i);
    }
    ok(onWire()[3]!);
    ok(onWire()[4]!);
    await Promise.all(all);
    expect(new Set(onWire()).size).toBe(5);
  });

  it('wraps ids at 65535 to 1', async () => {
    const ids: number[] = [];
    dev.handlers.set('ping', (q) => {
      ids.push(q.num);
      dev.reply(q.num, 'ok');
    });
    await open();
    (client as unknown as { nextId: number }).nextId = 65535;
    await client.request('ping');
    await client.request('ping');
    expect(ids).toEqual([65535, 1]);
  });

  it('detects an event sequence gap and asks for a resync', async () => {
    await open();
    const gaps: unknown[] = [];
    client.on('resync', (g) => gaps.push(g));
    await client.request('status'); // syncs the sequence (seq 0)
    dev.event('sta_start');
    dev.event('scan_done', { status: '0', n: '1', scan_id: '1' }, 5);
    await until(() => gaps.length === 1);
    expect(gaps[0]).toEqual({ expected: 2, got: 5 });
    expect(client.counters.gaps).toBe(1);
  });

  it('rejects an ok reply that lacks a field its command always answers (MALFORMED, named)', async () => {
    await open();
    dev.handlers.set('ap_num', (q) => dev.reply(q.num, 'ok'));
    await expect(client.request('ap_num')).rejects.toMatchObject({ code: 'MALFORMED', message: expect.stringContaining('field n is missing') });
  });

  it('passes on no event that lacks a field of its definition (no defaulted values), and keeps counting its seq', async () => {
    await open();
    const seen: [string, unknown][] = [];
    const gaps: unknown[] = [];
    client.on('event', (verb: string, f: unknown) => seen.push([verb, f]));
    client.on('resync', (g) => gaps.push(g));
    await client.request('status'); // syncs the sequence (seq 0)
    dev.event('connected', { ssid: 'Home', bssid: '307bac694190', ch: '6', aid: '1' }); // no auth
    dev.event('rssi_low', { rssi: '-80' });
    await until(() => seen.length === 1);
    expect(seen).toEqual([['rssi_low', { rssi: -80 }]]);
    expect(gaps).toEqual([]);
  });

  it('warns once when the board was built from another protocol definition (hello def), and not for its own', async () => {
    const lines: { msg: string; boardDef?: string; hostDef?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const t = await createTransport(dev.port);
    await t.open();
    client = new Client(t, { logger });
    const helloWith = (def: string) =>
      dev.send({ kind: 'e', num: 0, verb: 'hello', tokens: Object.entries({ ...FakeDevice.helloFields(), def }).map(([k, v]) => ({ key: k, value: Buffer.from(v) })) });
    const hellos: unknown[] = [];
    client.on('hello', (h) => hellos.push(h));
    helloWith(PROTOCOL_DEF);
    helloWith('0badf00d');
    helloWith('0badf00d');
    await until(() => hellos.length === 3);
    const warned = lines.filter((l) => l.boardDef !== undefined);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ boardDef: '0badf00d', hostDef: PROTOCOL_DEF, msg: expect.stringMatching(/different protocol definitions/) });
  });

  it('an unexpected hello rejects every pending request with DeviceResetError naming the reason', async () => {
    dev.handlers.set('scan', () => {});
    dev.handlers.set('connect', () => {});
    await open();
    const hellos: unknown[] = [];
    client.on('hello', (h) => hellos.push(h));
    const a = client.request('scan', { block: true });
    const b = client.request('connect');
    await until(() => dev.requests.length === 2);
    dev.hello('brownout');
    for (const p of [a, b]) {
      const e = await p.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DeviceResetError);
      expect((e as DeviceResetError).resetReason).toBe('brownout');
      expect((e as Error).message).toMatch(/brownout/);
    }
    expect(hellos).toMatchObject([{ unexpected: true, info: { reset: 'brownout', chip: 'esp32c3', mac: '30:7b:ac:69:41:90' } }]);
  });

  it('the port going away rejects pending and later requests with PortError', async () => {
    dev.handlers.set('ping', () => {});
    await open();
    const p = client.request('ping', {}, { timeoutMs: 5000 }).catch((x: unknown) => x);
    await until(() => dev.requests.length === 1);
    await dev.close();
    const e = await p;
    expect(e).toBeInstanceOf(PortError);
    await expect(client.request('ping')).rejects.toBeInstanceOf(PortError);
    dev = await FakeDevice.create(); // for afterEach
  });

  it('device log lines come out as log events with level and tag; rx_error is counted', async () => {
    await open();
    const logs: unknown[] = [];
    client.on('log', (l) => logs.push(l));
    await client.request('status');
    dev.pair.write('I (1234) wifi: state: init -> auth (0xb0)\r\nrandom boot noise\r\n');
    dev.event('rx_error', { error: 'BAD_CRC', expected: '1a2b', line: '7' });
    await until(() => logs.length === 2 && client.counters.rxErrors === 1);
    expect(logs[0]).toMatchObject({ level: 'I', tag: 'wifi', text: 'state: init -> auth (0xb0)' });
    expect(logs[1]).toMatchObject({ text: 'random boot noise' });
  });

  it('refuses bad arguments at the call site with BAD_ARG naming the argument', async () => {
    await open();
    await expect(client.request('scan', { ch: 99 })).rejects.toMatchObject({ code: 'BAD_ARG' });
    await expect(client.request('scan', { ch: 99 })).rejects.toThrow(/ch/);
    expect(dev.requests).toHaveLength(0);
  });
});
