#!/usr/bin/env node
// Flattens protocol/vectors/*.json into protocol/vectors/vectors.tsv for the C tests, which
// should not need a JSON parser: one vector per line,
//   name <TAB> line as lowercase hex <TAB> expect <TAB> encode 0|1 <TAB> dispatch (may be empty)
// Files are read in name order, vectors in file order; no header line.
//   node protocol/tools/vectors-tsv.mjs           write vectors.tsv
//   node protocol/tools/vectors-tsv.mjs --check   exit 1 when vectors.tsv is stale
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../vectors/', import.meta.url));

export function loadVectors() {
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort())
    for (const v of JSON.parse(readFileSync(dir + file, 'utf8'))) out.push({ file, ...v });
  return out;
}

export const lineBytes = (v) => (v.line_hex !== undefined ? Buffer.from(v.line_hex, 'hex') : Buffer.from(v.line, 'utf8'));

export function renderTsv(vectors = loadVectors()) {
  const rows = vectors.map((v) => {
    for (const f of [v.name, v.expect, v.dispatch ?? ''])
      if (/[\t\n\r]/.test(f)) throw new Error(`${v.name}: tab or newline in a TSV field`);
    return [v.name, lineBytes(v).toString('hex'), v.expect, v.encode ? '1' : '0', v.dispatch ?? ''].join('\t');
  });
  return rows.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = dir + 'vectors.tsv';
  const text = renderTsv();
  if (process.argv.includes('--check')) {
    const fresh = existsSync(path) && readFileSync(path, 'utf8') === text;
    if (!fresh) console.error('stale: protocol/vectors/vectors.tsv (run node protocol/tools/vectors-tsv.mjs)');
    process.exitCode = fresh ? 0 : 1;
  } else {
    writeFileSync(path, text);
    console.log(`${text.split('\n').length - 1} vectors -> protocol/vectors/vectors.tsv`);
  }
}
