// Randomised properties of the codec (fast-check): byte strings round-trip, noise never invents
// or loses frames, the decoder never throws, and it agrees with the reference decoder
// (protocol/tools/frame.mjs) on arbitrary lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeValue, unescapeValue } from '../../host/src/codec/escape.js';
import { canonical, decodeLine, encodeFrame, type Frame } from '../../host/src/codec/frame.js';
import { FrameStream, parseLogLine } from '../../host/src/codec/stream.js';
// A plain .mjs without types (test/types/mjs.d.ts), used as an independent oracle.
import * as reference from '../../protocol/tools/frame.mjs';

const ref = reference as { decodeLine(l: Buffer): unknown; canonical(r: unknown): string };

// Byte strings biased towards the interesting bytes: NUL, controls, space, quote, backslash,
// '=', DEL, 0xFF, lone continuation bytes, and whole emoji / multi-byte characters.
const interestingByte = fc.constantFrom(0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x22, 0x3d, 0x5c, 0x7e, 0x7f, 0x80, 0xbf, 0xc3, 0xed, 0xf4, 0xff);
const chunkOfBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4 }),
  interestingByte.map((x) => new Uint8Array([x])),
  fc.constantFrom('☕', '🚀', 'é', '日本', 'a=b', '""', '\\x41').map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
);
const byteString = fc.array(chunkOfBytes, { maxLength: 24 }).map((parts) => Buffer.concat(parts.map((p) => Buffer.from(p))).subarray(0, 64));

const name = fc.stringMatching(/^[a-z0-9_]{1,8}$/);
const token = fc.record({ key: fc.option(name, { nil: undefined }), value: byteString }).map((t) => (t.key === undefined ? { value: t.value } : { key: t.key, value: t.value }));
const frameArb: fc.Arbitrary<Frame> = fc
  .record({
    kind: fc.constantFrom('q', 'r', 'p', 'e') as fc.Arbitrary<Frame['kind']>,
    id: fc.integer({ min: 1, max: 65535 }),
    seq: fc.integer({ min: 0, max: 4294967295 }),
    verb: name,
    tokens: fc.array(token, { maxLength: 8 }),
  })
  .map((r) => ({ kind: r.kind, num: r.kind === 'e' ? r.seq : r.id, verb: r.verb, tokens: r.tokens }));

describe('escaping', () => {
  it('round-trips any byte string, named or positional', () => {
    fc.assert(
      fc.property(byteString, fc.boolean(), (v, positional) => {
        const wire = escapeValue(v, positional);
        // Nothing that could end the token or the line, ever.
        expect(wire.includes(0x20)).toBe(false);
        expect(wire.includes(0x0a)).toBe(false);
        expect(wire.includes(0x0d)).toBe(false);
        if (positional) expect(wire.includes(0x3d)).toBe(false);
        expect(unescapeValue(wire)).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });
  it('matches the reference escaper byte for byte', () => {
    const refEsc = (reference as { escapeValue(v: Buffer, o: { positional: boolean }): Buffer }).escapeValue;
    fc.assert(fc.property(byteString, fc.boolean(), (v, positional) => {
      expect(escapeValue(v, positional).toString('hex')).toBe(refEsc(v, { positional }).toString('hex'));
    }), { numRuns: 1000 });
  });
});

describe('frames', () => {
  it('encode -> decode is the identity, and the line is canonical', () => {
    fc.assert(
      fc.property(frameArb, (f) => {
        let line: Buffer;
        try {
          line = encodeFrame(f);
        } catch (e) {
          expect(String(e)).toMatch(/1024/); // only an over-long frame may be refused
          return;
        }
        const r = decodeLine(line.subarray(0, -1));
        expect(r).toEqual({ type: 'frame', frame: f });
        expect(encodeFrame((r as { frame: Frame }).frame)).toEqual(line);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodeLine never throws and agrees with the reference decoder on arbitrary lines', () => {
    const arbitraryLine = fc.oneof(
      byteString,
      byteString.map((b) => Buffer.concat([Buffer.from('~'), b])),
      // mutated valid frames: flip, drop or insert one byte
      fc.tuple(frameArb, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert')).map(([f, at, byte, op]) => {
        let l: Buffer;
        try { l = encodeFrame(f).subarray(0, -1); } catch { return Buffer.from('~'); }
        const i = at % l.length;
        if (op === 'flip') { const c = Buffer.from(l); c[i] = byte; return c; }
        if (op === 'drop') return Buffer.concat([l.subarray(0, i), l.subarray(i + 1)]);
        return Buffer.concat([l.subarray(0, i), Buffer.from([byte]), l.subarray(i)]);
      }),
    );
    fc.assert(
      fc.property(arbitraryLine, (l) => {
        const mine = canonical(decodeLine(l));
        expect(mine).toBe(ref.canonical(ref.decodeLine(l)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('FrameStream under noise', () => {
  // Noise lines never start with the marker and contain no terminator; frames are separated by
  // any terminator. Then the whole byte stream is cut into arbitrary chunks.
  const noiseLine = fc.uint8Array({ maxLength: 80 }).map((u) => {
    const b = Buffer.from(Buffer.from(u).map((x) => (x === 0x0a || x === 0x0d ? 0x2e : x)));
    if (b[0] === 0x7e) b[0] = 0x21;
    return b;
  });
  const terminator = fc.constantFrom('\n', '\r', '\r\n').map((t) => Buffer.from(t));
  const item = fc.oneof(
    { arbitrary: frameArb.map((f) => ({ frame: f })), weight: 2 },
    { arbitrary: noiseLine.map((n) => ({ noise: n })), weight: 2 },
    { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((u) => ({ garbage: Buffer.from(u) })), weight: 1 },
  );

  it('recovers every valid frame, invents none, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(item, terminator), { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (items, cuts) => {
        const expected: Frame[] = [];
        const parts: Buffer[] = [];
        for (const [it, term] of items) {
          if ('frame' in it) {
            let l: Buffer;
            try { l = encodeFrame(it.frame).subarray(0, -1); } catch { continue; }
            expected.push(it.frame);
            parts.push(l, term);
          } else if ('noise' in it) {
            parts.push(it.noise, term);
          } else {
            // Raw garbage may contain terminators and markers; a terminator after it keeps it
            // from gluing onto the next frame.
            parts.push(it.garbage, Buffer.from('\n'));
          }
        }
        const all = Buffer.concat(parts);
        const s = new FrameStream();
        const got: Frame[] = [];
        s.on('frame', (f) => got.push(f));
        s.on('log', () => undefined);
        s.on('dropped', () => undefined);
        let pos = 0;
        let k = 0;
        while (pos < all.length) {
          const n = cuts[k++ % cuts.length]!;
          s.push(all.subarray(pos, pos + n));
          pos += n;
        }
        s.flush();
        // Exactly our frames, in order. (Random garbage forming a frame with a matching CRC is
        // a 2^-16 chance on top of the grammar; it does not happen at these sizes.)
        const key = (f: Frame) => canonical({ type: 'frame', frame: f });
        expect(got.map(key)).toEqual(expected.map(key));
      }),
      { numRuns: 500 },
    );
  });
});

describe('FrameStream counters', () => {
  it('account for every non-empty line exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(byteString, frameArb.map((f) => { try { return encodeFrame(f); } catch { return Buffer.from('~'); } })), { maxLength: 20 }), fc.integer({ min: 1, max: 50 }), (parts, cut) => {
        const all = Buffer.concat(parts);
        const s = new FrameStream({ maxLogLine: 1100 });
        let events = 0;
        s.on('frame', () => events++);
        s.on('log', () => events++);
        s.on('dropped', () => events++);
        for (let i = 0; i < all.length; i += cut) s.push(all.subarray(i, i + cut));
        s.flush();
        const c = s.counters;
        expect(c.frames + c.logs + c.badCrc + c.tooLong + c.malformed).toBe(c.lines);
        expect(events).toBe(c.lines);
        expect(c.bytes).toBe(all.length);
      }),
      { numRuns: 300 },
    );
  });
});

// The hand-written log-line parser against the two regular expressions it replaced (the
// documented shapes: ANSI CSI codes stripped, then `L (time) tag: message`).
describe('parseLogLine', () => {
  const ANSI_RE = /\x1b\[[0-9;?]*[A-Za-z]/g;
  const ESP_LOG_RE = /^([EWIDV]) \(([^)]*)\) ([^:]*):[ ]?(.*)$/s;
  const oracle = (raw: string) => {
    const clean = raw.replace(ANSI_RE, '');
    const m = ESP_LOG_RE.exec(clean);
    return m ? { level: m[1], time: m[2], tag: m[3], text: m[4], raw } : { text: clean, raw };
  };
  const piece = fc.oneof(
    fc.constantFrom('I', 'W', 'E', 'D', 'V', 'X', ' ', '(', ')', ':', ': ', '[', ';', '?', '0', '32', 'm', 'A', 'z', '@', '\n', '\x1b', '\x1b[', '\x1b[0;32m', '\x1b[0m', 'I (', ') ', 'wifi', 'é', '😀'),
    fc.string({ maxLength: 4 }),
  );
  it('agrees with the regular expressions on arbitrary lines', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
      const raw = parts.join('');
      expect(parseLogLine(raw)).toEqual(oracle(raw));
    }), { numRuns: 3000 });
  });
});
