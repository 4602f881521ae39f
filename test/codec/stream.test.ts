// FrameStream: line assembly over arbitrary chunks, terminators, bounds, counters, log parsing.
import { describe, expect, it } from 'vitest';
import { encodeFrame, type Frame } from '../../host/src/codec/frame.js';
import { FrameStream, parseLogLine, type DeviceLogLine, type DroppedLine } from '../../host/src/codec/stream.js';

function collect(s: FrameStream) {
  const out = { frames: [] as Frame[], logs: [] as DeviceLogLine[], dropped: [] as DroppedLine[] };
  s.on('frame', (f) => out.frames.push(f));
  s.on('log', (l) => out.logs.push(l));
  s.on('dropped', (d) => out.dropped.push(d));
  return out;
}
const ping = (n: number) => encodeFrame({ kind: 'r', num: n, verb: 'ok', tokens: [] });
const bytewise = (s: FrameStream, b: Buffer) => { for (let i = 0; i < b.length; i++) s.push(b.subarray(i, i + 1)); };

describe('FrameStream', () => {
  it('splits on LF, CR and CRLF, also when the CRLF pair is split across chunks', () => {
    for (const feed of [(s: FrameStream, b: Buffer) => s.push(b), bytewise]) {
      const s = new FrameStream();
      const out = collect(s);
      const body = ping(1).subarray(0, -1);
      feed(s, Buffer.concat([body, Buffer.from('\r\n'), body, Buffer.from('\r'), body, Buffer.from('\n'), Buffer.from('log line\r\n\r\n')]));
      expect(out.frames.map((f) => f.num)).toEqual([1, 1, 1]);
      expect(out.logs.map((l) => l.text)).toEqual(['log line']);
      expect(s.counters).toMatchObject({ frames: 3, logs: 1, lines: 4, badCrc: 0 });
    }
  });

  it('drops a frame line over 1024 bytes, counts it and recovers the next frame', () => {
    const s = new FrameStream();
    const out = collect(s);
    const long = Buffer.concat([Buffer.from('~q1 config ssid='), Buffer.alloc(5000, 0x61), Buffer.from(' *0000\n')]);
    for (let i = 0; i < long.length; i += 333) s.push(long.subarray(i, i + 333));
    s.push(ping(9));
    expect(out.dropped).toEqual([{ error: 'LINE_TOO_LONG', detail: expect.stringContaining('5022 bytes') }]);
    expect(out.frames.map((f) => f.num)).toEqual([9]);
    expect(s.counters.tooLong).toBe(1);
  });

  it('truncates an over-long log line instead of dropping it', () => {
    const s = new FrameStream({ maxLogLine: 2000 });
    const out = collect(s);
    s.push(Buffer.alloc(3000, 0x41));
    s.push(Buffer.from('\n'));
    s.push(ping(2));
    expect(out.logs).toHaveLength(1);
    expect(out.logs[0]!.text).toHaveLength(2000);
    expect(out.logs[0]!.truncated).toBe(true);
    expect(s.counters.logTruncated).toBe(1);
    expect(out.frames).toHaveLength(1);
    // A single chunk holding the whole long line is truncated the same way.
    s.push(Buffer.concat([Buffer.alloc(2500, 0x42), Buffer.from('\n')]));
    expect(out.logs[1]!.text).toHaveLength(2000);
  });

  it('counts BAD_CRC and MALFORMED with details, and keeps going', () => {
    const s = new FrameStream();
    const out = collect(s);
    const good = ping(3);
    const bad = Buffer.from(good);
    bad[2] = 0x34; // r3 -> r4: CRC no longer matches
    s.push(Buffer.concat([bad, Buffer.from('~x1 *0000\n'), good]));
    expect(out.dropped[0]).toMatchObject({ error: 'BAD_CRC', expected: expect.stringMatching(/^[0-9a-f]{4}$/) });
    expect(out.dropped[1]).toMatchObject({ error: 'BAD_CRC' });
    expect(out.frames.map((f) => f.num)).toEqual([3]);
    expect(s.counters).toMatchObject({ badCrc: 2, frames: 1 });
  });

  it('survives log output that shares the wire without the lock: a fragment in front of a frame, bytes inside one, a log line split by a frame', () => {
    const s = new FrameStream();
    const out = collect(s);
    const ev = (n: number) => encodeFrame({ kind: 'e', num: n, verb: 'beacon_timeout', tokens: [] });
    // printf (byte by byte through the VFS) left "boot count: 3" open when the frame was written:
    // the line is log (§4.1 rule 1), never decoded as a frame; the event is lost (a sequence gap)
    s.push(Buffer.concat([Buffer.from('boot count: 3'), ev(5), ev(6)]));
    // esp_rom_printf output landing inside a frame: BAD_CRC, counted; the next frame is fine
    const f7 = ev(7);
    s.push(Buffer.concat([f7.subarray(0, 6), Buffer.from('ets_printf says hi'), f7.subarray(6), ev(8)]));
    // the Wi-Fi blob writes `I (5) wifi:` and its message in separate calls; the channel starts a
    // frame that comes between them on a new line, so the message follows on a line of its own
    s.push(Buffer.concat([Buffer.from('I (5) wifi:'), Buffer.from('\n'), ev(9), Buffer.from('state: run -> auth (b0)\r\n'), ev(10)]));
    expect(out.frames.map((f) => f.num)).toEqual([6, 8, 9, 10]);
    expect(out.dropped.map((d) => d.error)).toEqual(['BAD_CRC']);
    expect(out.logs.map((l) => l.raw)).toEqual([`boot count: 3${ev(5).subarray(0, -1).toString()}`, 'I (5) wifi:', 'state: run -> auth (b0)']);
    expect(out.logs[1]).toMatchObject({ level: 'I', tag: 'wifi', text: '' });
    expect(s.counters).toMatchObject({ frames: 4, badCrc: 1, logs: 3 });
  });

  it('does not let a reused input buffer change emitted values', () => {
    const s = new FrameStream();
    const out = collect(s);
    const chunk = encodeFrame({ kind: 'e', num: 1, verb: 'connected', tokens: [{ key: 'ssid', value: Buffer.from('HomeNet') }] });
    s.push(chunk);
    chunk.fill(0);
    expect(out.frames[0]!.tokens[0]!.value.toString()).toBe('HomeNet');
  });

  it('flush() ends a partial line; reset() forgets it', () => {
    const s = new FrameStream();
    const out = collect(s);
    s.push(ping(5).subarray(0, -1));
    expect(out.frames).toHaveLength(0);
    s.flush();
    expect(out.frames.map((f) => f.num)).toEqual([5]);
    s.push(Buffer.from('half a li'));
    s.reset();
    s.push(Buffer.from('ne\n'));
    expect(out.logs.map((l) => l.text)).toEqual(['ne']);
  });

  it('never throws on random bytes', () => {
    const s = new FrameStream({ maxLogLine: 1100 });
    s.on('log', () => undefined);
    s.on('dropped', () => undefined);
    let seed = 1;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const b = Buffer.alloc(Math.floor(rnd() * 300));
      for (let k = 0; k < b.length; k++) b[k] = rnd() < 0.05 ? 0x7e : rnd() < 0.02 ? 0x0a : Math.floor(rnd() * 256);
      expect(() => s.push(b)).not.toThrow();
    }
    expect(s.counters.bytes).toBeGreaterThan(0);
  });
});

describe('parseLogLine', () => {
  it('parses ESP_LOG lines with colour codes', () => {
    expect(parseLogLine('\x1b[0;32mI (1234) wifi_sta: connected to HomeNet\x1b[0m')).toEqual({
      level: 'I', time: '1234', tag: 'wifi_sta', text: 'connected to HomeNet', raw: '\x1b[0;32mI (1234) wifi_sta: connected to HomeNet\x1b[0m',
    });
    expect(parseLogLine('W (99) esp_netif: lost ip')).toMatchObject({ level: 'W', tag: 'esp_netif', text: 'lost ip' });
    expect(parseLogLine('E (12:34:56.789) app: boom: again')).toMatchObject({ level: 'E', time: '12:34:56.789', tag: 'app', text: 'boom: again' });
  });
  it("parses the Wi-Fi blob's tag:message form", () => {
    expect(parseLogLine('I (530) wifi:mode : sta (7c:df:a1:00:00:01)')).toMatchObject({ level: 'I', tag: 'wifi', text: 'mode : sta (7c:df:a1:00:00:01)' });
  });
  it('keeps other lines whole, without colour codes', () => {
    expect(parseLogLine('ets Jun  8 2016 00:22:57')).toEqual({ text: 'ets Jun  8 2016 00:22:57', raw: 'ets Jun  8 2016 00:22:57' });
    expect(parseLogLine("Guru Meditation Error: Core  0 panic'ed (LoadProhibited)")).not.toHaveProperty('level');
    expect(parseLogLine('\x1b[0;31mX (1) t: m\x1b[0m').text).toBe('X (1) t: m');
  });
});
