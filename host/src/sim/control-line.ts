// The virtual board's control-channel line format (firmware/sim/README.md, "Control channel"):
// `<action> key=value ...` with the wire protocol's value escaping, replies `ok k=v ...` or
// `err NAME why=...`. Kept separate from the protocol codec on purpose: the simulator's stdin is
// not the serial protocol (no ids, no CRC), and the sim must not depend on the host library.

export type ControlValue = string | number | boolean | Buffer;

/** Escapes a value like PROTOCOL.md §1; non-ASCII bytes as \xHH (the C side reads both). */
export function escapeValue(v: ControlValue): string {
  const bytes = Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'boolean' ? (v ? '1' : '0') : String(v), 'utf8');
  if (bytes.length === 0) return '""';
  let out = '';
  for (const b of bytes) {
    switch (b) {
      case 0x5c: out += '\\\\'; break;
      case 0x20: out += '\\s'; break;
      case 0x22: out += '\\"'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      default:
        out += b < 0x21 || b >= 0x7f || b === 0x3d ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b);
    }
  }
  return out;
}

export function unescapeValue(s: string): Buffer {
  if (s === '""') return Buffer.alloc(0);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = s[++i];
    const simple: Record<string, number> = { '\\': 0x5c, s: 0x20, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09 };
    if (n !== undefined && n in simple) out.push(simple[n]);
    else if (n === 'x') {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else throw new Error(`bad escape \\${n ?? ''} in control reply`);
  }
  return Buffer.from(out);
}

const ACTION_RE = /^[a-z_]+$/;
const KEY_RE = /^[a-z0-9_]+$/;

/** Builds one control line; `args` with undefined values are left out. */
export function controlLine(action: string, args: Record<string, ControlValue | undefined> = {}): string {
  if (!ACTION_RE.test(action)) throw new TypeError(`invalid control action "${action}"`);
  const parts = [action];
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined) continue;
    if (!KEY_RE.test(k)) throw new TypeError(`invalid control argument name "${k}"`);
    parts.push(`${k}=${escapeValue(v)}`);
  }
  return parts.join(' ');
}

export interface ControlReply {
  ok: boolean;
  /** err NAME when ok is false */
  error?: string;
  fields: Record<string, string>;
}

export function parseReply(line: string): ControlReply {
  const [head, ...rest] = line.trim().split(/\s+/);
  const fields: Record<string, string> = {};
  let error: string | undefined;
  for (const tok of rest) {
    const eq = tok.indexOf('=');
    if (eq > 0 && KEY_RE.test(tok.slice(0, eq))) fields[tok.slice(0, eq)] = unescapeValue(tok.slice(eq + 1)).toString('utf8');
    else if (head === 'err' && error === undefined) error = tok;
  }
  if (head === 'ok') return { ok: true, fields };
  if (head === 'err') return { ok: false, error: error ?? 'UNKNOWN', fields };
  return { ok: false, error: 'BAD_REPLY', fields: { why: line } };
}
