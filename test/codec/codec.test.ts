// Codec unit tests: CRC, escaping, frame decode/encode, canonical form. Hand-made cases here;
// the shared vectors are in vectors.test.ts, randomised properties in properties.test.ts.
import { describe, expect, it } from 'vitest';
import { crc16, crcHex } from '../../host/src/codec/crc.js';
import { displayBytes, escapeValue, isValidUtf8, unescapeValue } from '../../host/src/codec/escape.js';
import { canonical, decodeLine, encodeFrame, type Frame } from '../../host/src/codec/frame.js';
import { FrameStream } from '../../host/src/codec/stream.js';

const b = (s: string) => Buffer.from(s, 'utf8');
/** A frame line with the right CRC, computed here bit by bit (independent of crc.ts's table). */
function line(content: string): Buffer {
  const body = Buffer.from(content, 'utf8');
  let crc = 0xffff;
  for (const byte of body) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return Buffer.concat([b('~'), body, b(' *' + crc.toString(16).padStart(4, '0'))]);
}
const dec = (l: Buffer | string) => canonical(decodeLine(typeof l === 'string' ? b(l) : l));

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('has the catalogue check value', () => {
    expect(crc16('123456789')).toBe(0x29b1);
    expect(crcHex(crc16('123456789'))).toBe('29b1');
  });
  it('is 0xffff for no data and honours start/end', () => {
    expect(crc16(Buffer.alloc(0))).toBe(0xffff);
    expect(crc16(b('xx123456789yy'), 2, 11)).toBe(0x29b1);
  });
  it('pads to 4 lowercase hex digits', () => {
    expect(crcHex(0x0a)).toBe('000a');
    expect(crcHex(0xbeef)).toBe('beef');
  });
});

describe('escapeValue / unescapeValue', () => {
  const cases: [string, Buffer, string, boolean?][] = [
    ['plain', b('UROVOAP'), 'UROVOAP'],
    ['space', b('my net'), 'my\\snet'],
    ['backslash and quote', b('a\\b"c'), 'a\\\\b\\"c'],
    ['LF CR TAB', b('\n\r\t'), '\\n\\r\\t'],
    ['other control bytes and DEL', Buffer.from([0x00, 0x1f, 0x7f]), '\\x00\\x1f\\x7f'],
    ['emoji stays', b('café☕🚀'), 'café☕🚀'],
    ['invalid UTF-8', Buffer.from([0xff, 0x41, 0xc3]), '\\xffA\\xc3'],
    ['overlong and surrogate are invalid', Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), '\\xc0\\xaf\\xed\\xa0\\x80'],
    ['= stays in a named value', b('a=b'), 'a=b'],
    ['= escaped in a positional value', b('a=b'), 'a\\x3db', true],
    ['empty', Buffer.alloc(0), '""'],
    ['quotes', b('""'), '\\"\\"'],
  ];
  for (const [name, raw, wire, positional] of cases) {
    it(name, () => {
      expect(escapeValue(raw, positional).toString('utf8')).toBe(wire);
      const back = Buffer.from(wire, 'utf8');
      expect(unescapeValue(back)).toEqual(raw);
    });
  }
  it('accepts \\xHH in either case for any byte', () => {
    expect(unescapeValue(b('\\x41\\x4A\\x4a\\x20'))).toEqual(b('AJJ '));
  });
  it('rejects unknown, truncated and lone escapes', () => {
    expect(() => unescapeValue(b('a\\q'))).toThrow(/unknown escape/);
    expect(() => unescapeValue(b('a\\x4'))).toThrow(/two hex digits/);
    expect(() => unescapeValue(b('a\\xg0'))).toThrow(/two hex digits/);
    expect(() => unescapeValue(b('a\\'))).toThrow(/lone/);
  });
  it('returns a copy, never a view of the input', () => {
    const src = b('abc');
    const v = unescapeValue(src);
    src[0] = 0x7a;
    expect(v.toString()).toBe('abc');
  });
  it('validates UTF-8 strictly', () => {
    expect(isValidUtf8(b('ok ☕ 🚀'))).toBe(true);
    expect(isValidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false); // > U+10FFFF
    expect(isValidUtf8(Buffer.from([0xe2, 0x98]))).toBe(false); // truncated
    expect(isValidUtf8(Buffer.from([0x80]))).toBe(false); // stray continuation
  });
  it('displayBytes keeps readable SSIDs and escapes the rest', () => {
    expect(displayBytes(b('Home Net ☕'))).toBe('Home Net ☕');
    expect(displayBytes(Buffer.from([0x41, 0xff, 0x20, 0x0a]))).toBe('A\\xff \\n');
  });
});

describe('decodeLine', () => {
  it('decodes the PROTOCOL.md example into the canonical form', () => {
    expect(dec(line('e5 scan_done status=0'))).toBe('e 5 scan_done status=30');
  });
  it('decodes named, positional, escaped and empty values', () => {
    const r = decodeLine(line('p8 ap my\\snet -62 307bac694190 1 wpa2 ccmp ccmp bgn second=none'));
    expect(r.type).toBe('frame');
    if (r.type !== 'frame') return;
    expect(r.frame.kind).toBe('p');
    expect(r.frame.num).toBe(8);
    expect(r.frame.tokens[0]).toEqual({ value: b('my net') });
    expect(r.frame.tokens[8]).toEqual({ key: 'second', value: b('none') });
    expect(dec(line('q1 config ssid="" pass='))).toBe('q 1 config ssid= pass=');
  });
  it('treats non-marker and empty lines as log', () => {
    expect(decodeLine(b('I (123) wifi: hello'))).toEqual({ type: 'log', text: 'I (123) wifi: hello' });
    expect(dec('')).toBe('log');
    expect(dec('ets Jun  8 2016 00:22:57')).toBe('log');
  });
  it('reports a wrong or missing CRC as BAD_CRC with the expected value', () => {
    const good = line('q1 ping');
    const bad = Buffer.from(good);
    bad[bad.length - 1] = bad[bad.length - 1] === 0x30 ? 0x31 : 0x30;
    const r = decodeLine(bad);
    expect(r).toMatchObject({ type: 'error', error: 'BAD_CRC', expected: good.subarray(-4).toString() });
    expect(dec('~q1 ping')).toBe('error BAD_CRC');
    // Upper-case hex digits are not the canonical form and are refused like a wrong CRC.
    let n = 1;
    while (!/[a-f]/.test(line(`q${n} ping`).subarray(-4).toString())) n++;
    const upper = line(`q${n} ping`).toString().replace(/\*([0-9a-f]{4})$/, (_m, h: string) => '*' + h.toUpperCase());
    expect(dec(upper)).toBe('error BAD_CRC');
    expect(dec(line(`q${n} ping`))).toBe(`q ${n} ping`);
  });
  it('reports over-long frame lines as LINE_TOO_LONG', () => {
    const long = line('q1 config ssid=' + 'a'.repeat(1010));
    expect(long.length).toBeGreaterThan(1024);
    expect(dec(long)).toBe('error LINE_TOO_LONG');
    const exact = line('q1 config ssid=' + 'a'.repeat(1024 - line('q1 config ssid=').length));
    expect(exact.length).toBe(1024);
    expect(dec(exact)).toMatch(/^q 1 config ssid=/);
  });
  const malformed: [string, string][] = [
    ['unknown kind', 'x1 ping'],
    ['no number', 'q ping'],
    ['id 0', 'q0 ping'],
    ['id too big', 'q65536 ping'],
    ['seq too big', 'e4294967296 hello'],
    ['11 digits', 'e00000000001 x'],
    ['no verb', 'q1'],
    ['upper-case verb', 'q1 Ping'],
    ['double space', 'q1 ping  a=1'],
    ['leading space', ' q1 ping'],
    ['bad escape', 'q1 config ssid=a\\q'],
    ['raw quote', 'q1 config ssid=a"b'],
    ['raw control byte', 'q1 config ssid=a\x01b'],
  ];
  for (const [name, content] of malformed) {
    it(`MALFORMED: ${name}`, () => expect(dec(line(content))).toBe('error MALFORMED'));
  }
  it('accepts the largest sequence number and leading zeros', () => {
    expect(dec(line('e4294967295 sta_start'))).toBe('e 4294967295 sta_start');
    expect(dec(line('e0 hello'))).toBe('e 0 hello');
    expect(dec(line('r007 ok'))).toBe('r 7 ok');
  });
  it('reads a token starting with = or with upper-case key bytes as positional', () => {
    expect(dec(line('r1 err =x'))).toBe('r 1 err =3d78');
    expect(dec(line('r1 err AB=x'))).toBe('r 1 err =41423d78');
  });
});

describe('encodeFrame', () => {
  it('produces the canonical line with CRC and LF', () => {
    const f: Frame = { kind: 'q', num: 7, verb: 'scan', tokens: [{ key: 'ch', value: b('6') }, { key: 'type', value: b('passive') }] };
    expect(encodeFrame(f)).toEqual(Buffer.concat([line('q7 scan ch=6 type=passive'), b('\n')]));
  });
  it('escapes positional = and empty values', () => {
    const f: Frame = { kind: 'p', num: 1, verb: 'ap', tokens: [{ value: b('a=b') }, { key: 'cc', value: Buffer.alloc(0) }] };
    expect(encodeFrame(f).toString()).toMatch(/^~p1 ap a\\x3db cc="" \*[0-9a-f]{4}\n$/);
  });
  it('round-trips through decodeLine', () => {
    const f: Frame = { kind: 'e', num: 4294967295, verb: 'connected', tokens: [{ key: 'ssid', value: Buffer.from([0, 0xff, 0x20, 0x5c]) }] };
    const enc = encodeFrame(f);
    expect(decodeLine(enc.subarray(0, -1))).toEqual({ type: 'frame', frame: f });
  });
  it('refuses frames no decoder would accept', () => {
    expect(() => encodeFrame({ kind: 'q', num: 0, verb: 'ping', tokens: [] })).toThrow(RangeError);
    expect(() => encodeFrame({ kind: 'x' as 'q', num: 1, verb: 'ping', tokens: [] })).toThrow(RangeError);
    expect(() => encodeFrame({ kind: 'q', num: 1, verb: 'Ping', tokens: [] })).toThrow(RangeError);
    expect(() => encodeFrame({ kind: 'q', num: 1, verb: 'ping', tokens: [{ key: 'A', value: b('1') }] })).toThrow(RangeError);
    expect(() => encodeFrame({ kind: 'q', num: 1, verb: 'config', tokens: [{ key: 'ssid', value: Buffer.alloc(300, 0) }] })).toThrow(/1024/);
  });
});

describe('crc16 table paths', () => {
  it('matches a bitwise CRC for every length and offset (odd and even)', () => {
    const data = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff));
    const bitwise = (b: Buffer) => {
      let crc = 0xffff;
      for (const byte of b) {
        crc ^= byte << 8;
        for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
      return crc;
    };
    for (let start = 0; start < 4; start++) {
      for (let end = start; end <= data.length; end += 7) expect(crc16(data, start, end)).toBe(bitwise(data.subarray(start, end)));
    }
  });
});

// Token values are made by codec/view.ts's own constructor, not Buffer#subarray: they must still be
// Buffers in every way a consumer can tell.
describe('token values', () => {
  it('are Buffers: isBuffer, instanceof, constructor, methods, equality and JSON', () => {
    const s = new FrameStream();
    const frames: Frame[] = [];
    s.on('frame', (f) => frames.push(f));
    s.push(encodeFrame({ kind: 'e', num: 7, verb: 'scan_done', tokens: [{ key: 'ssid', value: b('Home') }, { value: b('42') }] }));
    const [named, positional] = frames[0]!.tokens;
    for (const v of [named!.value, positional!.value]) {
      expect(Buffer.isBuffer(v)).toBe(true);
      expect(v).toBeInstanceOf(Buffer);
      expect(v.constructor).toBe(Buffer);
    }
    expect(named!.value.toString('utf8')).toBe('Home');
    expect(named!.value.equals(b('Home'))).toBe(true);
    expect(named!.value).toStrictEqual(b('Home'));
    expect(positional!.value.readUInt8(1)).toBe(0x32);
    expect(JSON.stringify(positional!.value)).toBe(JSON.stringify(b('42')));
    expect(Buffer.concat([named!.value, positional!.value]).toString()).toBe('Home42');
  });
});
