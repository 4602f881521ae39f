// A line longer than the line limit is cut (lines.ts); a secret standing across the cut must not
// show in pieces: the end of the cut line may hold its start, the rest of the line its end.
import { describe, expect, it } from 'vitest';
import { Diagnoser } from '../../host/src/diagnostics/diagnose.js';
import { CUT_HEAD, CUT_TAIL, LineSplitter, MAX_LINE } from '../../host/src/diagnostics/lines.js';
import { MASK } from '../../host/src/diagnostics/mask.js';

/** The log a report keeps, fed through the splitter in chunks of `chunk` bytes. */
function keptLog(text: string, chunk: number, mask: string[] = []): string[] {
  const d = new Diagnoser({ mask, keepLines: 100 });
  const split = new LineSplitter((l, cut) => d.line(l, undefined, cut));
  const b = Buffer.from(text, 'latin1');
  for (let i = 0; i < b.length; i += chunk) split.push(b.subarray(i, i + chunk));
  split.end();
  return d.end().log!;
}

describe('the line limit never shows a piece of a secret', () => {
  it('says which lines it cut, and where', () => {
    const cuts = (text: string, chunk: number) => {
      const seen: number[] = [];
      const split = new LineSplitter((_l, cut) => seen.push(cut));
      const b = Buffer.from(text, 'latin1');
      for (let i = 0; i < b.length; i += chunk) split.push(b.subarray(i, i + chunk));
      split.end();
      return seen;
    };
    const long = `${'x'.repeat(MAX_LINE * 2 + 10)}\nshort\n`;
    expect(cuts(long, 1 << 20)).toEqual([CUT_TAIL, 0]); // whole in one chunk: the rest is dropped
    // arriving in small pieces: handed on as it comes, nothing lost
    expect(cuts(long, 100)).toEqual([CUT_TAIL, CUT_TAIL | CUT_HEAD, CUT_HEAD, 0]);
    // the end arriving with more than the limit held: the rest of it is dropped
    expect(cuts(long, 1000)).toEqual([CUT_TAIL, CUT_TAIL | CUT_HEAD, 0]);
    expect(cuts(`${'x'.repeat(MAX_LINE)}\n`, 1 << 20)).toEqual([0]);
  });

  for (const [how, chunk] of [['in one chunk', 1 << 20], ['in 100-byte chunks', 100]] as const) {
    it(`a known secret (--mask) across the cut, ${how}`, () => {
      const line = `${'x'.repeat(MAX_LINE - 6)}hunter2secret tail ${'y'.repeat(300)}`;
      const log = keptLog(`I (1) app: start\n${line}\nI (2) app: next\n`, chunk, ['hunter2secret']);
      expect(log[1]).toBe(`${'x'.repeat(MAX_LINE - 6)}${MASK}`);
      if (chunk === 100) expect(log[2]).toBe(`${MASK} tail ${'y'.repeat(300)}`);
      expect(log.join('\n')).not.toMatch(/hunt|secret/);
      expect(log.at(-1)).toBe('I (2) app: next');
    });

    it(`a password a line shows, with the cut inside the value, ${how}`, () => {
      const value = 'Kp7Lm2Nq9Rs4Tv6Wx8Yz'; // no repeats: its first half says nothing of its second
      const line = `${'x'.repeat(MAX_LINE - 20)} password=${value}, ok`;
      const log = keptLog(`${line}\nI (2) app: next\n`, chunk);
      expect(log[0]).toBe(`${'x'.repeat(MAX_LINE - 20)} password=${MASK}`);
      if (chunk === 100) expect(log[1]).toBe(`${MASK}, ok`);
      for (let i = 0; i + 3 <= value.length; i++) expect(log.join('\n')).not.toContain(value.slice(i, i + 3));
    });
  }
});
