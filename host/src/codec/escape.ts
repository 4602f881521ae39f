// Value escaping, PROTOCOL.md §1 "Values and escaping": any byte string round-trips, readable
// SSIDs (including emoji) stay readable on the wire. Hand-written: the escape table is this
// protocol's own.

const BACKSLASH = 0x5c;
const SPACE = 0x20;
const QUOTE = 0x22;
const EQUALS = 0x3d;
const HEX = '0123456789abcdef';

/** Length of the well-formed UTF-8 sequence starting at `i` (RFC 3629: no overlongs, no
 *  surrogates, nothing above U+10FFFF), or 0 when the byte there does not start one. */
export function utf8SequenceLength(b: Uint8Array, i: number, end = b.length): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > end) return 0;
  const c1 = b[i + 1]!;
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < n; k++) {
    const ck = b[i + k]!;
    if (ck < 0x80 || ck > 0xbf) return 0;
  }
  return n;
}

export function isValidUtf8(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; ) {
    const n = utf8SequenceLength(b, i);
    if (n === 0) return false;
    i += n;
  }
  return true;
}

function shortEscape(c: number, positional: boolean): string | undefined {
  switch (c) {
    case BACKSLASH: return '\\\\';
    case SPACE: return '\\s';
    case QUOTE: return '\\"';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case EQUALS: return positional ? '\\x3d' : undefined;
    default:
      return c < 0x20 || c === 0x7f ? '\\x' + HEX[c >> 4]! + HEX[c & 15]! : undefined;
  }
}

/**
 * Escapes a value for the wire. `positional` also escapes '=' so the token cannot be read as a
 * named field. The empty string becomes `""`.
 */
export function escapeValue(value: Uint8Array, positional = false): Buffer {
  if (value.length === 0) return Buffer.from('""', 'latin1');
  const out = Buffer.allocUnsafe(value.length * 4);
  let o = 0;
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c >= 0x80) {
      const n = utf8SequenceLength(value, i);
      if (n === 0) {
        out[o++] = BACKSLASH; out[o++] = 0x78; // \x
        out[o++] = HEX.charCodeAt(c >> 4); out[o++] = HEX.charCodeAt(c & 15);
        i++;
      } else {
        for (let k = 0; k < n; k++) out[o++] = value[i + k]!;
        i += n;
      }
      continue;
    }
    const esc = shortEscape(c, positional);
    if (esc === undefined) out[o++] = c;
    else for (let k = 0; k < esc.length; k++) out[o++] = esc.charCodeAt(k);
    i++;
  }
  return out.subarray(0, o);
}

/** Thrown (and caught by the frame decoder) for a bad escape sequence; the detail names it. */
export class BadEscape extends Error {
  override readonly name = 'BadEscape';
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Unescapes the token bytes `b[start..end)` into a fresh Buffer (never a view of `b`, so the
 * caller may reuse its line buffer). Throws BadEscape for an unknown or truncated `\` sequence,
 * and for bytes an encoder must escape: a raw '"' (except the whole value `""`), control bytes
 * and DEL.
 */
export function unescapeValue(b: Uint8Array, start = 0, end = b.length): Buffer {
  if (end - start === 2 && b[start] === QUOTE && b[start + 1] === QUOTE) return Buffer.alloc(0);
  let i = start;
  // Fast path: most values (numbers, names, plain SSIDs) need no decoding.
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === BACKSLASH || c === QUOTE || c < 0x20 || c === 0x7f) break;
  }
  if (i === end) return Buffer.from(b.subarray(start, end));
  const out = Buffer.allocUnsafe(end - start);
  let o = 0;
  for (i = start; i < end; i++) {
    const c = b[i]!;
    if (c !== BACKSLASH) {
      if (c === QUOTE) throw new BadEscape(`raw '"' in a value (write \\")`);
      if (c < 0x20 || c === 0x7f) throw new BadEscape(`raw control byte 0x${c.toString(16).padStart(2, '0')} in a value`);
      out[o++] = c;
      continue;
    }
    if (i + 1 >= end) throw new BadEscape(`lone '\\' at the end of a value`);
    const e = b[++i]!;
    switch (e) {
      case BACKSLASH: out[o++] = BACKSLASH; break;
      case 0x73: out[o++] = SPACE; break; // \s
      case QUOTE: out[o++] = QUOTE; break;
      case 0x6e: out[o++] = 0x0a; break; // \n
      case 0x72: out[o++] = 0x0d; break; // \r
      case 0x74: out[o++] = 0x09; break; // \t
      case 0x78: { // \xHH
        const h = i + 2 < end ? hexVal(b[i + 1]!) : -1;
        const l = h >= 0 ? hexVal(b[i + 2]!) : -1;
        if (l < 0) throw new BadEscape(`'\\x' must be followed by two hex digits`);
        out[o++] = (h << 4) | l;
        i += 2;
        break;
      }
      default:
        throw new BadEscape(`unknown escape '\\${e >= 0x21 && e < 0x7f ? String.fromCharCode(e) : 'x' + e.toString(16).padStart(2, '0')}'`);
    }
  }
  return Buffer.from(out.subarray(0, o));
}

/**
 * A byte string for people: as UTF-8 when it is valid UTF-8 without control characters,
 * otherwise with the wire escapes for the offending bytes (spaces stay spaces). Never use the
 * result as a key; compare the Buffers.
 */
export function displayBytes(value: Uint8Array): string {
  let plain = true;
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    const n = utf8SequenceLength(value, i);
    if (n === 0 || c < 0x20 || c === 0x7f) { plain = false; break; }
    i += n;
  }
  if (plain) return Buffer.from(value.buffer, value.byteOffset, value.length).toString('utf8');
  let s = '';
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c >= 0x80) {
      const n = utf8SequenceLength(value, i);
      if (n === 0) { s += '\\x' + HEX[c >> 4]! + HEX[c & 15]!; i++; }
      else { s += Buffer.from(value.subarray(i, i + n)).toString('utf8'); i += n; }
      continue;
    }
    s += c === SPACE ? ' ' : shortEscape(c, false) ?? String.fromCharCode(c);
    i++;
  }
  return s;
}
