// Minimal protocol frame helper for the virtual-board tests. Deliberately independent of the
// host library (written concurrently): CRC-16/CCITT-FALSE, escaping for the few requests we
// send, and decoding of replies/events (protocol/PROTOCOL.md §1).

export function crc16(data: Buffer): number {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function esc(v: string | number | Buffer): string {
  const bytes = Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
  if (!bytes.length) return '""';
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x20) out += '\\s';
    else if (b === 0x22) out += '\\"';
    else if (b < 0x20 || b >= 0x7f || b === 0x3d) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

export function unesc(s: string): Buffer {
  if (s === '""') return Buffer.alloc(0);
  const out: number[] = [];
  const src = Buffer.from(s, 'utf8');
  for (let i = 0; i < src.length; i++) {
    if (src[i] !== 0x5c) { out.push(src[i]); continue; }
    const c = String.fromCharCode(src[++i]);
    const m: Record<string, number> = { '\\': 0x5c, s: 0x20, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09 };
    if (c in m) out.push(m[c]);
    else if (c === 'x') { out.push(parseInt(src.subarray(i + 1, i + 3).toString(), 16)); i += 2; }
    else throw new Error(`bad escape in ${s}`);
  }
  return Buffer.from(out);
}

export function encodeRequest(id: number, verb: string, args: Record<string, string | number | Buffer | undefined> = {}): Buffer {
  let body = `q${id} ${verb}`;
  for (const [k, v] of Object.entries(args)) if (v !== undefined) body += ` ${k}=${esc(v)}`;
  const crc = crc16(Buffer.from(body, 'utf8')).toString(16).padStart(4, '0');
  return Buffer.from(`~${body} *${crc}\n`, 'utf8');
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
  if (!line.startsWith('~')) return null;
  const m = /^~([qrpe])(\d+) ([a-z0-9_]+)((?: [^ ]+)*) \*([0-9a-f]{4})$/.exec(line);
  if (!m) throw new Error(`malformed frame: ${line}`);
  const body = line.slice(1, line.lastIndexOf(' *'));
  if (crc16(Buffer.from(body, 'utf8')).toString(16).padStart(4, '0') !== m[5]) throw new Error(`bad crc: ${line}`);
  const f: Record<string, string> = {};
  const pos: string[] = [];
  for (const tok of m[4].trim().split(' ').filter(Boolean)) {
    const k = /^([a-z0-9_]+)=(.*)$/.exec(tok);
    if (k) f[k[1]] = unesc(k[2]).toString('utf8');
    else pos.push(unesc(tok).toString('utf8'));
  }
  return { kind: m[1], num: Number(m[2]), verb: m[3], f, pos, raw: line };
}
