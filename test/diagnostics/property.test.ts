// No input makes the diagnostics throw or hang: arbitrary bytes, and shuffles of real line
// fragments (the likelier way to reach odd states of the episode builder).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnoser } from '../../host/src/diagnostics/diagnose.js';
import { LineSplitter, MAX_LINE } from '../../host/src/diagnostics/lines.js';

const dir = path.join(import.meta.dirname, 'fixtures');
const corpus = readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), 'latin1').split('\n'));

function diagnoseBytes(chunks: Uint8Array[]) {
  const d = new Diagnoser({ mask: ['pw'] });
  const split = new LineSplitter((l) => d.line(l));
  for (const c of chunks) split.push(Buffer.from(c));
  split.end();
  return d.end();
}

describe('diagnostics never throw', () => {
  it('on arbitrary bytes in arbitrary chunks', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (chunks) => {
      const r = diagnoseBytes(chunks);
      expect(r.summary.lines).toBeGreaterThanOrEqual(0);
      JSON.stringify(r);
    }), { numRuns: 300 });
  });
  it('on real lines shuffled, cut and glued together', () => {
    const line = fc.oneof(
      fc.constantFrom(...corpus),
      fc.tuple(fc.constantFrom(...corpus), fc.nat(200)).map(([l, n]) => l.slice(0, n)),
      fc.tuple(fc.constantFrom(...corpus), fc.constantFrom(...corpus)).map(([a, b]) => a + b),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 120 }), (lines) => {
      const r = diagnoseBytes([Buffer.from(lines.join('\n'), 'latin1')]);
      expect(r.summary.episodes).toBe(r.episodes.length + r.episodesDropped);
      for (const ep of r.episodes) expect(ep.end).toBeDefined();
    }), { numRuns: 300 });
  });
  it('a stream without newlines is cut at MAX_LINE instead of growing', () => {
    const seen: number[] = [];
    const split = new LineSplitter((l) => seen.push(l.length));
    for (let i = 0; i < 100; i++) split.push(Buffer.alloc(1000, 0x41));
    split.end();
    expect(Math.max(...seen)).toBeLessThanOrEqual(MAX_LINE);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(100_000);
  });
  it('CR, CRLF and LF all end a line, as on the live port (a CR-only console was one cut line)', () => {
    const lf = readFileSync(path.join(dir, 'idf-v5-weak-signal.log'), 'latin1').replace(/\r\n/g, '\n');
    const want = diagnoseBytes([Buffer.from(lf, 'latin1')]);
    const lines = (text: string, cut: number) => {
      const b = Buffer.from(text, 'latin1');
      const seen: string[] = [];
      const split = new LineSplitter((l) => seen.push(l));
      split.push(b.subarray(0, cut));
      split.push(b.subarray(cut));
      split.end();
      return seen;
    };
    for (const [name, text] of [['CR', lf.replace(/\n/g, '\r')], ['CRLF', lf.replace(/\n/g, '\r\n')], ['CR CR LF', lf.replace(/\n/g, '\r\r\n')]] as const) {
      const got = diagnoseBytes([Buffer.from(text, 'latin1')]);
      expect(got.summary, name).toEqual(want.summary);
      expect(got.verdicts, name).toEqual(want.verdicts);
      // A terminator split across two chunks is still one.
      const cut = text.indexOf('\r') + 1;
      expect(lines(text, cut), name).toEqual(lines(lf, lf.indexOf('\n') + 1));
    }
  });
});

