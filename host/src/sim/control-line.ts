// The virtual board's control-channel line format (firmware/sim/README.md, "Control channel"):
// `<action> key=value ...` with the wire protocol's value escaping, replies `ok k=v ...` or
// `err NAME why=...`. Not the serial protocol (no ids, no CRC), but its values are escaped exactly
// like the protocol's, so the escaping is the codec's own.
import { escapeValue as escapeWire, unescapeValue as unescapeWire } from '../codec/escape.js';

export type ControlValue = string | number | boolean | Buffer;

/** Escapes a value as the protocol does (PROTOCOL.md §1, codec/escape.ts), '=' included so a
 *  value never reads as another key; valid UTF-8 stays readable, other bytes become \xHH. */
export function escapeValue(v: ControlValue): string {
  const bytes = Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'boolean' ? (v ? '1' : '0') : String(v), 'utf8');
  return escapeWire(bytes, true).toString('utf8');
}

/** The protocol's unescaping; a bad escape in a control reply throws (BadEscape names it). */
export function unescapeValue(s: string): Buffer {
  return unescapeWire(Buffer.from(s, 'utf8'));
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
