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

/** How many `info` requests the host wrote, read on the device end once at least `least` are in
 *  (the host wrote them before it gave up; the bounded wait only covers bytes still in the pty). */
async function infoRequests(p: PtyPair, least: number): Promise<number> {
  let text = '';
  const count = () =>
    text.split('\n').filter((l) => {
      const r = decodeLine(Buffer.from(l, 'latin1'));
      return r.type === 'frame' && r.frame.kind === 'q' && r.frame.verb === 'info';
    }).length;
  for (let i = 0; i < 500; i++) {
    text += p.read();
    if (count() >= least) break;
    await new Promise((res) => setTimeout(res, 10));
  }
  return count();
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
    // Boot noise but no frames, like a board running other firmware (written once the port is
    // open: opening discards what was waiting).
    const p = pair;
    timer = setInterval(() => p.write('ets Jun  8 2016 00:22:57\r\nrst:0x1 (POWERON_RESET),boot:0x13\r\nhello from some other app\r\n'), 200);
    const err = await openBoard({ port: pair.host, helloAttempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EspWifiError);
    expect((err as EspWifiError).code).toBe('NO_HELLO');
    expect((err as Error).message).toMatch(/prints text \(\d+ lines\) but no espwifi hello, so it runs other firmware: flash the bridge with `espwifi flash`/);
    // It gave up after exactly the attempts asked for: two `info` requests reached the board.
    expect(await infoRequests(p, 2)).toBe(2);
  });

  it('"no hello" tells silence, ESP-IDF log lines of other firmware and non-text bytes apart', async () => {
    const noHello = async (bytes?: string | Buffer) => {
      pair = await ptyPair();
      const p = pair;
      // Repeated while the host waits: opening the port discards what was written before.
      const t = bytes !== undefined ? setInterval(() => p.write(bytes), 200) : undefined;
      const err = await openBoard({ port: pair.host, helloAttempts: 2 }).catch((e: unknown) => e);
      clearInterval(t);
      await pair.close();
      pair = null;
      expect((err as EspWifiError).code).toBe('NO_HELLO');
      return (err as Error).message;
    };
    expect(await noHello()).toMatch(/and nothing else either \(silence\): is the board powered and is this its port\?/);
    expect(await noHello('I (312) wifi:mode : sta (58:cf:79:a0:00:01)\r\nI (320) app: other firmware\r\n')).toMatch(
      /it prints ESP-IDF log lines \(e\.g\. "I \(312\) wifi: ?mode : sta.*"\) but no espwifi hello, so it runs other firmware: .*espwifi watch --port/,
    );
    const garbage = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 73 + 11) % 256));
    expect(await noHello(garbage)).toMatch(/bytes arrived that are not text .*likely a wrong baud rate/);
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
