// Frame helper for the virtual-board tests: the host codec (host/src/codec) underneath, a
// test-friendly shape on top (fields as UTF-8 text, positional values, the raw line).
import { decodeLine as decodeBytes, encodeFrame } from '../../host/src/codec/frame.js';

export function encodeRequest(id: number, verb: string, args: Record<string, string | number | Buffer | undefined> = {}): Buffer {
  const tokens = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => ({ key, value: Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8') }));
  return encodeFrame({ kind: 'q', num: id, verb, tokens });
}

export interface Frame {
  kind: string;
  num: number;
  verb: string;
  /** named fields, unescaped, as UTF-8 text */
  f: Record<string, string>;
  pos: string[];
  raw: string;
}

/** Decodes a frame line; null when it is device log; throws on a bad CRC or malformed frame. */
export function decodeLine(line: string): Frame | null {
  const r = decodeBytes(Buffer.from(line, 'utf8'));
  if (r.type === 'log') return null;
  if (r.type === 'error') throw new Error(`${r.error}: ${line}`);
  const f: Record<string, string> = {};
  const pos: string[] = [];
  for (const t of r.frame.tokens) {
    if (t.key !== undefined) f[t.key] = t.value.toString('utf8');
    else pos.push(t.value.toString('utf8'));
  }
  return { kind: r.frame.kind, num: r.frame.num, verb: r.frame.verb, f, pos, raw: line };
}
