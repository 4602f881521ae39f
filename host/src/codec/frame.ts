// One line <-> one frame (PROTOCOL.md §1 and §4). Pure functions over bytes:
// no I/O, no protocol semantics beyond the grammar (field meaning lives in host/src/protocol/).
import { crc16, crcHex } from './crc.js';
import { BadEscape, escapeValue, unescapeValue } from './escape.js';
import { bufferView } from './view.js';

export type FrameKind = 'q' | 'r' | 'p' | 'e';

/** A token; `key` undefined = positional. `value` holds the unescaped bytes. */
export interface Token {
  key?: string;
  value: Buffer;
}

export interface Frame {
  kind: FrameKind;
  /** Request id (q/r/p, 1..65535) or event sequence number (e, 0..4294967295). */
  num: number;
  verb: string;
  tokens: Token[];
}

export type LineErrorName = 'BAD_CRC' | 'LINE_TOO_LONG' | 'MALFORMED';

export type DecodeResult =
  | { type: 'frame'; frame: Frame }
  | { type: 'log'; text: string }
  | { type: 'error'; error: LineErrorName; detail: string; /** BAD_CRC: the CRC of the line's content */ expected?: string };

export const MARKER = 0x7e; // '~'
export const MAX_LINE = 1024;
export const ID_MAX = 65535;
export const SEQ_MAX = 4294967295;

const SPACE = 0x20;
const STAR = 0x2a;
const EQUALS = 0x3d;

// Byte classes for the token scanner: one table lookup per byte on the hot path.
const NAME = 1; // [a-z0-9_]
const SPECIAL = 2; // needs unescaping or is refused: '\\', '"', control bytes, DEL
const CLASS = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) t[c] = NAME;
    else if (c === 0x5c || c === 0x22 || c < 0x20 || c === 0x7f) t[c] = SPECIAL;
  }
  return t;
})();
const isNameByte = (c: number): boolean => CLASS[c] === NAME;

// Verbs and keys repeat endlessly; interning them saves a string allocation per token. Bounded,
// and a hit is verified byte by byte, so a hash collision only costs a fresh string.
const interned = new Map<number, string>();
function nameString(buf: Buffer, s: number, e: number): string {
  if (e - s > 32) return buf.toString('latin1', s, e);
  let h = e - s;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + buf[i]!) | 0;
  const hit = interned.get(h);
  if (hit !== undefined && hit.length === e - s) {
    let i = 0;
    while (i < hit.length && hit.charCodeAt(i) === buf[s + i]) i++;
    if (i === hit.length) return hit;
  }
  const str = buf.toString('latin1', s, e);
  if (interned.size < 512) interned.set(h, str);
  return str;
}
const isLowerHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
const NAME_RE = /^[a-z0-9_]+$/;

function malformed(detail: string): DecodeResult {
  return { type: 'error', error: 'MALFORMED', detail };
}

/**
 * Decodes one line given without its terminator. The order of checks decides the verdict of a
 * line with several faults and matches the C core and protocol/tools/frame.mjs:
 * marker -> length -> CRC trailer -> CRC -> grammar. Never throws. Token values never alias
 * `line`: the caller may reuse its buffer.
 */
export function decodeLine(line: Uint8Array): DecodeResult {
  const buf = Buffer.isBuffer(line) ? line : Buffer.from(line.buffer, line.byteOffset, line.length);
  return decodeRange(buf, 0, buf.length);
}

/**
 * decodeLine for `buf[from..to)`, without making a view first (the stream's hot path).
 * `owned`: the caller hands over `buf` (never writes it again), so plain token values may be
 * views of it instead of a private copy.
 */
export function decodeRange(buf: Buffer, from: number, to: number, owned = false): DecodeResult {
  const n = to - from;
  if (n === 0 || buf[from] !== MARKER) return { type: 'log', text: buf.toString('utf8', from, to) };
  if (n > MAX_LINE) return { type: 'error', error: 'LINE_TOO_LONG', detail: `${n} bytes, at most ${MAX_LINE}` };

  const trailer = n >= 7 && buf[to - 6] === SPACE && buf[to - 5] === STAR;
  const bodyEnd = trailer ? to - 6 : to;
  const crc = crc16(buf, from + 1, bodyEnd);
  if (!trailer || !isLowerHex(buf[to - 4]!) || !isLowerHex(buf[to - 3]!) || !isLowerHex(buf[to - 2]!) || !isLowerHex(buf[to - 1]!)) {
    return { type: 'error', error: 'BAD_CRC', detail: trailer ? 'checksum is not 4 lowercase hex digits' : 'missing checksum', expected: crcHex(crc) };
  }
  const given = (hexNibble(buf[to - 4]!) << 12) | (hexNibble(buf[to - 3]!) << 8) | (hexNibble(buf[to - 2]!) << 4) | hexNibble(buf[to - 1]!);
  if (given !== crc) {
    const expected = crcHex(crc);
    return { type: 'error', error: 'BAD_CRC', detail: `checksum ${crcHex(given)}, expected ${expected}`, expected };
  }

  // Head: kind and number, up to the first space.
  const kindByte = buf[from + 1];
  if (kindByte !== 0x71 && kindByte !== 0x72 && kindByte !== 0x70 && kindByte !== 0x65) {
    if (kindByte === SPACE || bodyEnd === from + 1) return malformed('empty token (double, leading or trailing space)');
    return malformed(`unknown kind '${String.fromCharCode(kindByte!)}'`);
  }
  const kind = KIND[kindByte - 0x65]!;
  let i = from + 2;
  let num = 0;
  while (i < bodyEnd && buf[i] !== SPACE) {
    const c = buf[i]!;
    if (c < 0x30 || c > 0x39 || i - from - 2 >= 10) return malformed('number must be 1..10 decimal digits');
    num = num * 10 + (c - 0x30);
    i++;
  }
  if (i === from + 2) return malformed('number must be 1..10 decimal digits');
  if (kind === 'e' ? num > SEQ_MAX : num < 1 || num > ID_MAX) return malformed(`number ${num} out of range for kind ${kind}`);
  if (i >= bodyEnd) return malformed('no verb');

  // Verb.
  const verbStart = ++i;
  while (i < bodyEnd && buf[i] !== SPACE) {
    if (!isNameByte(buf[i]!)) return malformed('verb must be [a-z0-9_]+');
    i++;
  }
  if (i === verbStart) return malformed('empty token (double, leading or trailing space)');
  const verb = nameString(buf, verbStart, i);

  // Tokens, one pass each: key bytes, then '=' or not, then the value up to the next space.
  // Plain values (the vast majority) become views of one private copy of the line, so a frame
  // costs one copy instead of one per token.
  const tokens: Token[] = [];
  let copy: Buffer | undefined;
  // Plain values are views of `viewOf` (buf when owned, else the private copy); absolute offsets
  // into its ArrayBuffer are `viewBase` + index in buf.
  let viewOf: ArrayBufferLike | undefined = owned ? buf.buffer : undefined;
  let viewBase = buf.byteOffset;
  while (i < bodyEnd) {
    const start = ++i; // skip the space
    let c = 0;
    while (i < bodyEnd && isNameByte((c = buf[i]!))) i++;
    const named = i > start && i < bodyEnd && c === EQUALS;
    const k = i;
    if (named) i++;
    // A positional value starts at the token start: its leading name bytes are value bytes.
    const vStart = named ? i : start;
    let cls = 0;
    while (i < bodyEnd && (c = buf[i]!) !== SPACE) {
      cls |= CLASS[c]!;
      i++;
    }
    const plain = (cls & SPECIAL) === 0;
    if (i === start) return malformed('empty token (double, leading or trailing space)');
    let value: Buffer;
    if (plain) {
      if (viewOf === undefined) {
        copy = Buffer.allocUnsafe(bodyEnd - from);
        buf.copy(copy, 0, from, bodyEnd);
        viewOf = copy.buffer;
        viewBase = copy.byteOffset - from;
      }
      value = bufferView(viewOf, viewBase + vStart, i - vStart);
    } else {
      try {
        value = unescapeValue(buf, vStart, i);
      } catch (e) {
        if (e instanceof BadEscape) return malformed(e.message);
        throw e;
      }
    }
    tokens.push(named ? { key: nameString(buf, start, k), value } : { value });
  }
  return { type: 'frame', frame: { kind, num, verb, tokens } };
}

// Indexed by kind byte - 'e' (0x65): e=0, p=11, q=12, r=13.
const KIND: (FrameKind | undefined)[] = [];
KIND[0] = 'e';
KIND[0x70 - 0x65] = 'p';
KIND[0x71 - 0x65] = 'q';
KIND[0x72 - 0x65] = 'r';

function hexNibble(c: number): number {
  return c <= 0x39 ? c - 0x30 : c - 0x57;
}


/**
 * The canonical line for a frame, with ' *crc' and '\n'. Throws RangeError for a frame that no
 * decoder would accept (bad kind, number, verb or key, or a line over 1024 bytes) — those are
 * programming errors, argument validation happens before (protocol/request.ts).
 */
export function encodeFrame(f: Frame): Buffer {
  if (f.kind !== 'q' && f.kind !== 'r' && f.kind !== 'p' && f.kind !== 'e') throw new RangeError(`bad frame kind ${String(f.kind)}`);
  const max = f.kind === 'e' ? SEQ_MAX : ID_MAX;
  const min = f.kind === 'e' ? 0 : 1;
  if (!Number.isInteger(f.num) || f.num < min || f.num > max) throw new RangeError(`frame number ${f.num} out of range ${min}..${max} for kind ${f.kind}`);
  if (!NAME_RE.test(f.verb)) throw new RangeError(`verb must be [a-z0-9_]+, got ${JSON.stringify(f.verb)}`);
  const parts: Buffer[] = [Buffer.from(`~${f.kind}${f.num} ${f.verb}`, 'latin1')];
  let len = parts[0]!.length;
  for (const t of f.tokens) {
    let head: string;
    if (t.key === undefined) head = ' ';
    else {
      if (!NAME_RE.test(t.key)) throw new RangeError(`key must be [a-z0-9_]+, got ${JSON.stringify(t.key)}`);
      head = ` ${t.key}=`;
    }
    const h = Buffer.from(head, 'latin1');
    const v = escapeValue(t.value, t.key === undefined);
    parts.push(h, v);
    len += h.length + v.length;
  }
  const body = Buffer.concat(parts, len);
  const line = len + 6;
  if (line > MAX_LINE) throw new RangeError(`frame line would be ${line} bytes, at most ${MAX_LINE}`);
  const out = Buffer.allocUnsafe(line + 1);
  body.copy(out, 0);
  out.write(' *' + crcHex(crc16(body, 1, len)) + '\n', len, 'latin1');
  return out;
}

/** The canonical text of a decode result, as protocol/vectors/vectors.tsv writes it (third column):
 *  `<kind> <num> <verb>` + ` key=HEX` / ` =HEX` per token; `log`; `error NAME`. */
export function canonical(result: DecodeResult): string {
  if (result.type === 'log') return 'log';
  if (result.type === 'error') return `error ${result.error}`;
  const f = result.frame;
  let s = `${f.kind} ${f.num} ${f.verb}`;
  for (const t of f.tokens) s += ` ${t.key ?? ''}=${t.value.toString('hex')}`;
  return s;
}
