#!/usr/bin/env node
// Reference encoder/decoder for espwifi protocol v1 frames (PROTOCOL.md §1).
// Dependency-free on purpose: it is the yardstick the vectors, the docs' worked examples and
// both real codecs (C core, TypeScript host) are checked against, so it must stay small enough
// to audit by eye. Hand-written because no package implements this framing.
//
// CLI (for people typing frames into a serial terminal):
//   node protocol/tools/frame.mjs 'q1 status'                 -> ~q1 status *<crc>
//   node protocol/tools/frame.mjs '~q1 status *0000'          -> same line with the right CRC
//   node protocol/tools/frame.mjs --decode '~e5 scan_done status=0 *....'   -> canonical form
//   node protocol/tools/frame.mjs --crc 123456789             -> 29b1
import { fileURLToPath } from 'node:url';

export const MARKER = 0x7e; // '~'
export const MAX_LINE = 1024;
export const ID_MAX = 65535;
export const SEQ_MAX = 4294967295;

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xffff, no reflection, no final XOR. */
export function crc16(bytes) {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
export const crcHex = (bytes) => crc16(bytes).toString(16).padStart(4, '0');

const isKeyByte = (b) => (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x5f;
const isHexLower = (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66);
const hexVal = (b) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : b >= 0x41 && b <= 0x46 ? b - 0x37 : -1);

/**
 * Length of the well-formed UTF-8 sequence starting at buf[i] (2..4), or 0 when the bytes there
 * are not one (overlong forms, surrogates, > U+10FFFF, truncation, stray continuation bytes).
 * Follows the Unicode "well-formed UTF-8 byte sequences" table.
 */
export function utf8SeqLen(buf, i) {
  const b0 = buf[i];
  const cont = (k, lo = 0x80, hi = 0xbf) => i + k < buf.length && buf[i + k] >= lo && buf[i + k] <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80, hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80, hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Canonical escaping of one value (PROTOCOL.md §1 table). Returns a Buffer. */
export function escapeValue(value, { positional = false } = {}) {
  const v = Buffer.from(value);
  if (v.length === 0) return Buffer.from('""');
  const out = [];
  const hex = (b) => out.push(...Buffer.from('\\x' + b.toString(16).padStart(2, '0')));
  for (let i = 0; i < v.length; ) {
    const b = v[i];
    if (b >= 0x80) {
      const n = utf8SeqLen(v, i);
      if (n) { for (let k = 0; k < n; k++) out.push(v[i + k]); i += n; } else { hex(b); i++; }
      continue;
    }
    if (b === 0x5c) out.push(0x5c, 0x5c);
    else if (b === 0x20) out.push(0x5c, 0x73);
    else if (b === 0x22) out.push(0x5c, 0x22);
    else if (b === 0x0a) out.push(0x5c, 0x6e);
    else if (b === 0x0d) out.push(0x5c, 0x72);
    else if (b === 0x09) out.push(0x5c, 0x74);
    else if (b < 0x20 || b === 0x7f) hex(b);
    else if (b === 0x3d && positional) hex(b);
    else out.push(b);
    i++;
  }
  return Buffer.from(out);
}

/** Encodes a frame {kind, num, verb, tokens:[{key?, value}]} as its canonical line, without terminator. */
export function encodeLine(frame) {
  const parts = [Buffer.from(`${frame.kind}${frame.num} ${frame.verb}`)];
  for (const t of frame.tokens ?? []) {
    const positional = t.key === undefined;
    const esc = escapeValue(t.value, { positional });
    parts.push(Buffer.from(' '), positional ? esc : Buffer.concat([Buffer.from(t.key + '='), esc]));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from('~'), body, Buffer.from(' *' + crcHex(body))]);
}

/** Reverses escapeValue; returns a Buffer or a string naming what is wrong. */
export function unescapeValue(text) {
  if (text.length === 2 && text[0] === 0x22 && text[1] === 0x22) return Buffer.alloc(0);
  const out = [];
  for (let i = 0; i < text.length; i++) {
    const b = text[i];
    if (b === 0x22) return 'raw \'"\' in a value (write \\")';
    if (b < 0x20 || b === 0x7f) return `raw control byte 0x${b.toString(16).padStart(2, '0')} in a value`;
    if (b !== 0x5c) { out.push(b); continue; }
    const c = text[++i];
    if (c === 0x5c) out.push(0x5c);
    else if (c === 0x73) out.push(0x20);
    else if (c === 0x22) out.push(0x22);
    else if (c === 0x6e) out.push(0x0a);
    else if (c === 0x72) out.push(0x0d);
    else if (c === 0x74) out.push(0x09);
    else if (c === 0x78) {
      const hi = i + 1 < text.length ? hexVal(text[i + 1]) : -1;
      const lo = i + 2 < text.length ? hexVal(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) return 'bad \\x escape (needs two hex digits)';
      out.push(hi * 16 + lo);
      i += 2;
    } else return c === undefined ? 'lone \\ at the end of a value' : `unknown escape \\${String.fromCharCode(c)}`;
  }
  return Buffer.from(out);
}

const malformed = (detail) => ({ type: 'error', error: 'MALFORMED', detail });

/**
 * Decodes one line (bytes without terminator). Order of checks, which decides the verdict of a
 * line with several faults: marker → length → CRC trailer → CRC → grammar.
 */
export function decodeLine(line) {
  line = Buffer.from(line);
  if (line.length === 0 || line[0] !== MARKER) return { type: 'log', text: line.toString('latin1') };
  if (line.length > MAX_LINE) return { type: 'error', error: 'LINE_TOO_LONG', detail: `${line.length} bytes > ${MAX_LINE}` };
  const n = line.length;
  const hasTrailer = n >= 7 && line[n - 6] === 0x20 && line[n - 5] === 0x2a;
  const body = line.subarray(1, hasTrailer ? n - 6 : n);
  const expected = crcHex(body);
  if (!hasTrailer || ![1, 2, 3, 4].every((k) => isHexLower(line[n - k])))
    return { type: 'error', error: 'BAD_CRC', detail: hasTrailer ? 'checksum is not 4 lowercase hex digits' : 'missing checksum', expected };
  const given = line.subarray(n - 4).toString('latin1');
  if (given !== expected) return { type: 'error', error: 'BAD_CRC', detail: `checksum ${given}, expected ${expected}`, expected };

  const pieces = [];
  for (let s = 0, i = 0; i <= body.length; i++) if (i === body.length || body[i] === 0x20) { pieces.push(body.subarray(s, i)); s = i + 1; }
  if (pieces.some((p) => p.length === 0)) return malformed('empty token (double, leading or trailing space)');
  if (pieces.length < 2) return malformed('no verb');
  const head = pieces[0];
  const kind = String.fromCharCode(head[0]);
  if (!'qrpe'.includes(kind)) return malformed(`unknown kind '${kind}'`);
  const digits = head.subarray(1).toString('latin1');
  if (!/^[0-9]{1,10}$/.test(digits)) return malformed('number must be 1..10 decimal digits');
  const num = Number(digits);
  if (kind === 'e' ? num > SEQ_MAX : num < 1 || num > ID_MAX) return malformed(`number ${num} out of range for kind ${kind}`);
  const verb = pieces[1];
  if (![...verb].every(isKeyByte)) return malformed('verb must be [a-z0-9_]+');
  const tokens = [];
  for (const p of pieces.slice(2)) {
    let eq = 0;
    while (eq < p.length && isKeyByte(p[eq])) eq++;
    const named = eq > 0 && eq < p.length && p[eq] === 0x3d;
    const text = named ? p.subarray(eq + 1) : p;
    const value = unescapeValue(text);
    if (typeof value === 'string') return malformed(value);
    tokens.push(named ? { key: p.subarray(0, eq).toString('latin1'), value } : { value });
  }
  return { type: 'frame', frame: { kind, num, verb: verb.toString('latin1'), tokens } };
}

/** The canonical text of a decode result, as protocol/vectors/vectors.tsv writes it (third column). */
export function canonical(result) {
  if (result.type === 'log') return 'log';
  if (result.type === 'error') return `error ${result.error}`;
  const f = result.frame;
  return [`${f.kind} ${f.num} ${f.verb}`, ...f.tokens.map((t) => ` ${t.key ?? ''}=${Buffer.from(t.value).toString('hex')}`)].join('');
}

/** Turns what a person typed ('q1 status', '~q1 status', '~q1 status *dead') into a correct line. */
export function frameFromTyped(text) {
  let s = Buffer.from(text.replace(/[\r\n]+$/, ''), 'utf8');
  if (s[0] === MARKER) s = s.subarray(1);
  const n = s.length;
  if (n >= 6 && s[n - 6] === 0x20 && s[n - 5] === 0x2a) s = s.subarray(0, n - 6);
  return Buffer.concat([Buffer.from('~'), s, Buffer.from(' *' + crcHex(s))]);
}

async function main(argv) {
  const usage = 'usage: frame.mjs <frame text, e.g. \'q1 status\'> | --decode <line> | --crc <text>';
  if (argv.length !== 1 && argv.length !== 2) { console.error(usage); return 2; }
  if (argv[0] === '--crc' && argv.length === 2) { console.log(crcHex(Buffer.from(argv[1], 'utf8'))); return 0; }
  if (argv[0] === '--decode' && argv.length === 2) {
    const r = decodeLine(Buffer.from(argv[1], 'utf8'));
    console.log(canonical(r) + (r.type === 'error' ? ` (${r.detail})` : ''));
    return r.type === 'error' ? 1 : 0;
  }
  if (argv.length !== 1 || argv[0].startsWith('--')) { console.error(usage); return 2; }
  const line = frameFromTyped(argv[0]);
  process.stdout.write(Buffer.concat([line, Buffer.from('\n')]));
  const r = decodeLine(line);
  if (r.type === 'error') { console.error(`warning: this line will be refused: ${r.error} (${r.detail})`); return 1; }
  if (r.frame.kind === 'q') {
    // Typing mistakes (a raw space in an SSID, a misspelt argument) are cheaper to catch here.
    const { dispatchError, loadDefinition } = await import('./dispatch.mjs');
    const d = dispatchError(loadDefinition(), r.frame);
    if (d) { console.error(`warning: the device will answer err ${d.error}${d.arg ? ` arg=${d.arg}` : ''} (${d.why})`); return 1; }
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
