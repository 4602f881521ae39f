// The shared vectors (protocol/vectors/vectors.tsv) through the TypeScript codec: canonical decode,
// byte-exact re-encode where encode=true, and the firmware's dispatch verdict for requests.
// A few built-in vectors run too, so the codec stays covered if the shared files move.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonical, decodeLine, encodeFrame } from '../../host/src/codec/frame.js';
import { checkRequest } from '../../host/src/protocol/request.js';
import { fields } from '../../host/src/protocol/fields.js';

interface Vector {
  name: string;
  line?: string;
  line_hex?: string;
  expect: string;
  encode: boolean;
  dispatch?: string;
  note?: string;
}

const DIR = join(import.meta.dirname, '../../protocol/vectors');

const BUILT_IN: Vector[] = [
  { name: 'builtin_scan_done', line: '~e5 scan_done status=0 n=5 scan_id=3 *1e04', expect: 'e 5 scan_done status=30 n=35 scan_id=33', encode: true },
  { name: 'builtin_ping', line: '~q1 ping *dcbd', expect: 'q 1 ping', encode: true },
  { name: 'builtin_log', line: 'I (1234) wifi: started', expect: 'log', encode: false },
  { name: 'builtin_bad_crc', line: '~q1 ping *0000', expect: 'error BAD_CRC', encode: false },
  { name: 'builtin_invalid_utf8', line_hex: '7e7131207069636b20ff', expect: 'error BAD_CRC', encode: false },
];

function loadShared(): { file: string; vectors: Vector[] }[] {
  if (!existsSync(DIR)) return [];
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, vectors: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Vector[] }));
}

const lineBytes = (v: Vector): Buffer => (v.line_hex !== undefined ? Buffer.from(v.line_hex, 'hex') : Buffer.from(v.line!, 'utf8'));

function runVector(v: Vector): void {
  const raw = lineBytes(v);
  const r = decodeLine(raw);
  expect(canonical(r), v.note ?? v.name).toBe(v.expect);
  if (v.encode) {
    expect(r.type).toBe('frame');
    if (r.type === 'frame') expect(encodeFrame(r.frame).toString('hex')).toBe(Buffer.concat([raw, Buffer.from('\n')]).toString('hex'));
  }
  if (r.type === 'frame' && r.frame.kind === 'q') {
    const verdict = checkRequest(r.frame);
    if (v.dispatch === undefined) expect(verdict, `request should be accepted, got ${JSON.stringify(verdict)}`).toBeUndefined();
    else expect(verdict?.error).toBe(v.dispatch);
  }
  if (r.type === 'frame' && r.frame.kind !== 'q') {
    // Every device frame in the vectors is well-formed at the field level too.
    expect(() => fields(r.frame)).not.toThrow();
  }
}

describe('built-in vectors', () => {
  for (const v of BUILT_IN) it(v.name, () => runVector(v));
});

const shared = loadShared();
describe('shared vectors (protocol/vectors/*.json)', () => {
  it('exist and are plenty', () => {
    expect(shared.reduce((n, s) => n + s.vectors.length, 0)).toBeGreaterThanOrEqual(60);
  });
  it('have unique names', () => {
    const names = shared.flatMap((s) => s.vectors.map((v) => v.name));
    expect(new Set(names).size).toBe(names.length);
  });
  for (const { file, vectors } of shared) {
    describe(file, () => {
      for (const v of vectors) it(v.name, () => runVector(v));
    });
  }
});
