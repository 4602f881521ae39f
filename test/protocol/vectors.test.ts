// The protocol's shared artefacts — vectors, their C flattening, the generated parts of
// PROTOCOL.md and its worked examples — must agree with each other and with protocol.json.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { crc16, crcHex, decodeLine, encodeLine, canonical, escapeValue } from '../../protocol/tools/frame.mjs';
import { dispatchError, loadDefinition } from '../../protocol/tools/dispatch.mjs';
import { loadVectors, renderTsv, lineBytes } from '../../protocol/tools/vectors-tsv.mjs';
import { renderFiles } from '../../protocol/tools/make-vectors.mjs';
import { render as renderDocs } from '../../protocol/tools/docs-gen.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');
const def = loadDefinition();
const vectors = loadVectors();
const doc = read('protocol/PROTOCOL.md');
// Hand-written text only: generated tables would make "is it documented" checks tautological.
const prose = doc.replace(/<!-- gen:[^>]*-->[\s\S]*?<!-- \/gen -->/g, '');

/** Table-driven CRC written independently of frame.mjs's bitwise loop. */
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
  return c & 0xffff;
});
const crcTable = (b: Buffer) => b.reduce((c, x) => ((c << 8) ^ TABLE[((c >> 8) ^ x) & 0xff]) & 0xffff, 0xffff);

describe('generated artefacts are fresh', () => {
  it('vectors/*.json match make-vectors.mjs', () => {
    for (const [file, text] of Object.entries(renderFiles() as Record<string, string>))
      expect(read(`protocol/vectors/${file}`), file).toBe(text);
  });
  it('vectors.tsv matches the JSON vectors', () => {
    expect(read('protocol/vectors/vectors.tsv')).toBe(renderTsv(vectors));
  });
  it('generated blocks of PROTOCOL.md match protocol.json, one args block per command', () => {
    const { text, blocks } = renderDocs(doc, def);
    expect(text).toBe(doc);
    for (const c of Object.keys(def.commands)) expect(blocks.has(`args:${c}`), c).toBe(true);
    for (const b of ['reasons', 'esp-errors', 'protocol-errors', 'events', 'enums', 'flags', 'fields']) expect(blocks.has(b), b).toBe(true);
  });
});

describe('reference codec', () => {
  it('computes CRC-16/CCITT-FALSE (check value 0x29b1) like an independent table-driven CRC', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x29b1);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (a) => crc16(Buffer.from(a)) === crcTable(Buffer.from(a))));
  });
  it('round-trips any frame of arbitrary byte values, canonically', () => {
    const token = fc.record({ key: fc.option(fc.stringMatching(/^[a-z0-9_]{1,8}$/), { nil: undefined }), value: fc.uint8Array({ maxLength: 40 }) });
    fc.assert(fc.property(fc.constantFrom('q', 'r', 'p'), fc.integer({ min: 1, max: 65535 }), fc.array(token, { maxLength: 6 }), (kind, num, tokens) => {
      const frame = { kind, num, verb: 'v', tokens: tokens.map((t) => ({ ...t, value: Buffer.from(t.value) })) };
      const line = encodeLine(frame);
      const back = decodeLine(line);
      expect(back.type).toBe('frame');
      expect(canonical(back)).toBe(canonical({ type: 'frame', frame }));
      expect(encodeLine(back.frame).equals(line)).toBe(true);
    }));
  });
  it('escapes every byte that could break framing, and nothing a readable SSID needs', () => {
    const esc = escapeValue(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), { positional: true });
    for (const b of [0x20, 0x0a, 0x0d, 0x09, 0x00, 0x3d, 0x7f, 0xff]) expect(esc.includes(b), `0x${b.toString(16)}`).toBe(false);
    esc.forEach((b: number, i: number) => { if (b === 0x22) expect(esc[i - 1], 'a quote is always escaped').toBe(0x5c); });
    expect(escapeValue(Buffer.from('Café-☕ #1')).toString()).toBe('Café-☕\\s#1');
  });
  it('keeps exactly the valid UTF-8 raw (checked against the platform decoder)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 32 }), (a) => { fatal.decode(escapeValue(Buffer.from(a))); }));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (s) => {
      const esc = escapeValue(Buffer.from(s)).toString('utf8');
      const nonAscii = [...s].filter((c) => c.codePointAt(0)! >= 0x80);
      expect(nonAscii.every((c) => esc.includes(c))).toBe(true);
    }));
  });
});

describe('vectors', () => {
  it('are many, uniquely named and well-formed', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(80);
    expect(new Set(vectors.map((v: any) => v.name)).size).toBe(vectors.length);
    for (const v of vectors as any[]) {
      expect(Object.keys(v).every((k) => ['file', 'name', 'line', 'line_hex', 'expect', 'encode', 'dispatch', 'note'].includes(k)), v.name).toBe(true);
      expect((v.line === undefined) !== (v.line_hex === undefined), `${v.name}: exactly one of line/line_hex`).toBe(true);
      expect(typeof v.encode, v.name).toBe('boolean');
      const b = lineBytes(v);
      expect(b.includes(0x0a) || b.includes(0x0d), `${v.name}: a line holds no terminator`).toBe(false);
      // line_hex only where the bytes are not UTF-8, so readers see text whenever possible
      if (v.line_hex !== undefined) expect(Buffer.from(b.toString('utf8')).equals(b), v.name).toBe(false);
    }
  });

  it('decode to their expectation, re-encode as stated, and dispatch as stated', () => {
    for (const v of vectors as any[]) {
      const line = lineBytes(v);
      const res = decodeLine(line);
      expect(canonical(res), v.name).toBe(v.expect);
      expect(res.type === 'frame' && encodeLine(res.frame).equals(line), `${v.name}: encode`).toBe(v.encode);
      if (res.type === 'frame' && res.frame.kind === 'q') {
        expect(dispatchError(def, res.frame)?.error, `${v.name}: dispatch`).toBe(v.dispatch);
      } else if (v.dispatch !== undefined) {
        // only a MALFORMED request whose id is readable gets a reply
        expect(v.dispatch, v.name).toBe('MALFORMED');
        expect(v.expect, v.name).toBe('error MALFORMED');
        const m = /^~q([0-9]{1,10}) /.exec(line.toString('latin1'));
        expect(m && Number(m[1]) >= 1 && Number(m[1]) <= 65535, `${v.name}: readable id`).toBe(true);
      }
      if (res.type === 'frame') expect(crcTable(line.subarray(1, line.length - 6)).toString(16).padStart(4, '0'), v.name).toBe(line.subarray(-4).toString());
    }
  });

  it('cover every command and every event in protocol.json', () => {
    const frames = (vectors as any[]).map((v) => decodeLine(lineBytes(v))).filter((r: any) => r.type === 'frame').map((r: any) => r.frame);
    const verbs = (k: string) => new Set(frames.filter((f: any) => f.kind === k).map((f: any) => f.verb));
    const valid = new Set(frames.filter((f: any) => f.kind === 'q' && !dispatchError(def, f)).map((f: any) => f.verb));
    for (const c of Object.keys(def.commands)) expect(valid.has(c), `valid request for ${c}`).toBe(true);
    const events = verbs('e');
    for (const e of Object.keys(def.events)) expect(events.has(e), `event ${e}`).toBe(true);
    const errs = new Set(frames.filter((f: any) => f.verb === 'err').map((f: any) => f.tokens[0].value.toString()));
    for (const e of Object.keys(def.errors.protocol).filter((n) => !['BAD_CRC', 'LINE_TOO_LONG'].includes(n))) expect(errs.has(e), `err ${e}`).toBe(true);
  });

  it('include the cases the spec singles out', () => {
    const by = (pred: (v: any, b: Buffer) => boolean) => (vectors as any[]).filter((v) => pred(v, lineBytes(v)));
    const has = (what: string, pred: (v: any, b: Buffer) => boolean) => expect(by(pred).length, what).toBeGreaterThan(0);
    has('exactly 1024 bytes accepted', (v, b) => b.length === 1024 && !v.expect.startsWith('error'));
    has('1025 bytes refused', (v, b) => b.length === 1025 && v.expect === 'error LINE_TOO_LONG');
    has('upper-case CRC is BAD_CRC', (v, b) => /\*[0-9A-F]{4}$/.test(b.toString()) && /[A-F]/.test(b.toString().slice(-4)) && v.expect === 'error BAD_CRC');
    has('missing CRC', (v, b) => !/ \*/.test(b.toString()) && b[0] === 0x7e && v.expect === 'error BAD_CRC');
    has('ROM banner is log', (v, b) => b.toString().startsWith('ESP-ROM:esp32c3-api1-20210207') && v.expect === 'log');
    has('ROM reset line is log', (v, b) => b.toString() === 'rst:0xc (RTC_SW_CPU_RST),boot:0xc (SPI_FAST_FLASH_BOOT)' && v.expect === 'log');
    has('ANSI-coloured ESP_LOG is log', (v, b) => b.includes(0x1b) && v.expect === 'log');
    has('Guru Meditation is log', (v, b) => b.toString().startsWith('Guru Meditation') && v.expect === 'log');
    has('backtrace is log', (v, b) => b.toString().startsWith('Backtrace:') && v.expect === 'log');
    has('~ not at the start is log', (v, b) => b[0] !== 0x7e && b.includes(0x7e) && v.expect === 'log');
    has('raw emoji kept canonically', (v, b) => v.encode && b.includes(Buffer.from('🐱')));
    has('32-byte SSID', (v) => / ssid=([0-9a-f]{64})( |$)/.test(v.expect));
    has('empty SSID', (v, b) => v.encode && b.includes(Buffer.from(' ""')));
    has('positional = escaped', (v, b) => v.encode && b.includes(Buffer.from('\\x3d')));
    has('0xff escaped', (v, b) => v.encode && b.includes(Buffer.from('\\xff')));
    has('non-canonical escape accepted', (v, b) => !v.encode && b.includes(Buffer.from('\\x41')) && !v.expect.startsWith('error'));
    has('bad escape is MALFORMED', (v, b) => b.includes(Buffer.from('\\q')) && v.expect === 'error MALFORMED');
    for (const d of ['UNKNOWN_COMMAND', 'BAD_ARG', 'MISSING_ARG']) has(`dispatch ${d}`, (v) => v.dispatch === d);
    has('err with esp=', (v) => / esp=/.test(v.expect));
  });
});

describe('PROTOCOL.md', () => {
  it('documents every command, event and error name of protocol.json by hand', () => {
    for (const c of Object.keys(def.commands)) expect(prose, `command ${c}`).toMatch(new RegExp(`^### 6\\.\\d+ \`${c}\`$`, 'm'));
    for (const e of Object.keys(def.events)) expect(prose, `event ${e}`).toMatch(new RegExp(`^\\| \`${e}\` \\|`, 'm'));
    for (const e of Object.keys(def.errors.protocol)) expect(prose, `protocol error ${e}`).toContain(e);
    for (const e of Object.keys(def.errors.esp)) expect(doc, `esp error ${e}`).toContain(`\`${e}\``);
    for (const r of def.reasons) expect(doc, `reason ${r.code}`).toMatch(new RegExp(`^\\| ${r.code} \\| ${r.name} \\|`, 'm'));
  });

  it('shows only real CRCs in its examples (except lines marked "wrong CRC")', () => {
    const fences = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]);
    let checked = 0;
    for (const line of fences.join('').split('\n')) {
      const at = line.indexOf('~');
      if (at < 0) continue;
      const [framePart, ...comment] = line.slice(at).split('  ');
      if (!/ \*\S{4}$/.test(framePart)) continue; // templates such as `... *crc`
      const res = decodeLine(Buffer.from(framePart, 'utf8'));
      if (comment.join(' ').includes('wrong CRC')) expect(canonical(res), framePart).toBe('error BAD_CRC');
      else expect(res.type, `${framePart}: ${res.type === 'error' ? res.detail : ''}`).toBe('frame');
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    // the rx_error example's expected= is the CRC of the retyped frame
    const m = /> ~(q1 scan ch=6) \*0000 [\s\S]*?expected=([0-9a-f]{4})/.exec(doc);
    expect(m && crcHex(Buffer.from(m[1]))).toBe(m?.[2]);
  });

  it('states the wire sizes it claims', () => {
    const ap = /^(~p12 ap UROVOAP [^\n]*)$/m.exec(doc)![1];
    expect(Buffer.byteLength(ap + '\n')).toBe(60);
    const at = /^(\+CWLAP:\(3,"UROVOAP"[^\n]*)$/m.exec(doc)![1];
    expect(Buffer.byteLength(at + '\r\n')).toBe(62);
  });
});

describe('frame.mjs CLI', () => {
  const cli = (...args: string[]) => execFileSync(process.execPath, [root + 'protocol/tools/frame.mjs', ...args], { encoding: 'utf8' });
  it('prints a typed frame with its CRC, and repairs a wrong one', () => {
    expect(cli('q1 status')).toBe('~q1 status *ba79\n');
    expect(cli('~q1 status *0000')).toBe('~q1 status *ba79\n');
    expect(cli('--decode', '~e5 scan_done status=0 *' + crcHex(Buffer.from('e5 scan_done status=0'))).trim()).toBe('e 5 scan_done status=30');
  });
  it('warns (exit 1) when the typed request would be refused', () => {
    const r = spawnSync(process.execPath, [root + 'protocol/tools/frame.mjs', 'q1 config ssid=My Net'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`~q1 config ssid=My Net *${crcHex(Buffer.from('q1 config ssid=My Net'))}\n`);
    expect(r.stderr).toMatch(/err BAD_ARG .*\\s/);
  });
});
