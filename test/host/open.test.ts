// openBoard's refusals that need a board the virtual board cannot be: another protocol major
// version, and a port where nothing answers (no bridge firmware).
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, decodeLine } from '../../host/src/codec/frame.js';
import { openBoard, ProtocolVersionError, EspWifiError, PortError } from '../../host/src/index.js';
import { ptyPair, type PtyPair } from './pty-pair.js';

const hello = (proto: string, id?: number) =>
  encodeFrame({
    kind: id ? 'r' : 'e',
    num: id ?? 0,
    verb: id ? 'ok' : 'hello',
    tokens: [
      { key: 'proto', value: Buffer.from(proto) },
      { key: 'fw', value: Buffer.from('9.9.9') },
      { key: 'idf', value: Buffer.from('v9.0') },
      { key: 'chip', value: Buffer.from('esp32c3') },
      { key: 'rev', value: Buffer.from('3') },
      { key: 'mac', value: Buffer.from('307bac694190') },
      { key: 'reset', value: Buffer.from('poweron') },
    ],
  });

/** Answers each `info` request the host sends with the given protocol version. */
function answerInfo(pair: PtyPair, proto: string): NodeJS.Timeout {
  let pending = '';
  return setInterval(() => {
    pending += pair.read();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const r = decodeLine(Buffer.from(line, 'latin1'));
      if (r.type === 'frame' && r.frame.verb === 'info') pair.write(hello(proto, r.frame.num));
    }
  }, 10);
}

let pair: PtyPair | null = null;
let timer: NodeJS.Timeout | null = null;
afterEach(async () => {
  if (timer) clearInterval(timer);
  timer = null;
  await pair?.close();
  pair = null;
});

describe('openBoard refusals', () => {
  it('refuses another protocol major version and says to run espwifi flash', async () => {
    pair = await ptyPair();
    timer = answerInfo(pair, '2.0');
    const err = await openBoard({ port: pair.host }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolVersionError);
    expect((err as ProtocolVersionError).code).toBe('PROTOCOL_VERSION');
    expect((err as Error).message).toMatch(/protocol 2\.0/);
    expect((err as Error).message).toMatch(/espwifi flash/);
  });

  it('accepts a higher minor version of the same major', async () => {
    pair = await ptyPair();
    timer = answerInfo(pair, '1.7');
    // The status that follows is never answered: the open then fails on that, not on the version.
    const err = await openBoard({ port: pair.host, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ProtocolVersionError);
    expect((err as EspWifiError).code).toBe('TIMEOUT');
  });

  it('a board that never answers: a clear "no hello" error naming espwifi flash', async () => {
    pair = await ptyPair();
    // Boot noise but no frames, like a board running other firmware.
    pair.write('ets Jun  8 2016 00:22:57\r\nrst:0x1 (POWERON_RESET),boot:0x13\r\nhello from some other app\r\n');
    const t0 = Date.now();
    const err = await openBoard({ port: pair.host, helloAttempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EspWifiError);
    expect((err as EspWifiError).code).toBe('NO_HELLO');
    expect((err as Error).message).toMatch(/bridge firmware flashed\? run `espwifi flash`/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a missing port is a PortError that says what to do', async () => {
    const err = await openBoard({ port: '/dev/does-not-exist-espwifi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as Error).message).toMatch(/not found|does not exist/);
  });

  it('a missing port option is a named BAD_ARG', async () => {
    await expect(openBoard({} as { port: string })).rejects.toMatchObject({ code: 'BAD_ARG' });
  });
});
