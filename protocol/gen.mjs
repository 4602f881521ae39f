#!/usr/bin/env node
// Generates the C and TypeScript views of protocol/protocol.json.
//   node protocol/gen.mjs           write the generated files
//   node protocol/gen.mjs --check   exit 1 if any generated file is stale (used by the tests)
// Every generator is a function (definition) => [{path, text}]; add new outputs to GENERATORS.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corePool, poolLiteral } from './tools/c-pool.mjs';
import { definitionHash } from './tools/def-hash.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const def = JSON.parse(readFileSync(join(root, 'protocol/protocol.json'), 'utf8'));

const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen.mjs — do not edit. */\n';
export const cIdent = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function genCEnumsHeader(d) {
  const out = [BANNER, '#pragma once', '#include <stdint.h>', '',
    `#define EW_PROTO_MAJOR ${d.version.major}`, `#define EW_PROTO_MINOR ${d.version.minor}`,
    `#define EW_PROTO_VERSION "${d.version.major}.${d.version.minor}"`,
    '/* hash of the wire part of protocol.json (protocol/tools/def-hash.mjs), sent as the hello\'s def */',
    `#define EW_PROTO_DEF "${definitionHash(d)}"`,
    `#define EW_MAX_LINE ${d.framing.max_line}`, `#define EW_MARKER '${d.framing.marker}'`, ''];
  out.push('/* Every wire word of the core (verbs, keys, argument, error and enum value names), each',
    ' * NUL-terminated; the generated tables address it by offset (protocol/tools/c-pool.mjs). */',
    'extern const char ew_pool[];', '');
  for (const [name, values] of Object.entries(d.enums)) {
    out.push(`typedef enum {`);
    values.forEach((v, i) => out.push(`    EW_${cIdent(name)}_${cIdent(v)} = ${i},`));
    out.push(`    EW_${cIdent(name)}__COUNT = ${values.length}`, `} ew_${name}_t;`,
      `extern const char *const ew_${name}_names[${values.length}];`, '');
  }
  for (const [name, f] of Object.entries(d.flags)) {
    const letters = Object.keys(f.letters);
    out.push(`typedef uint16_t ew_${name}_flags_t;`);
    letters.forEach((l, i) => out.push(`#define EW_${cIdent(name)}_${cIdent(l)} (1u << ${i}) /* ${f.letters[l]} */`));
    out.push(`#define EW_${cIdent(name)}_LETTERS "${letters.join('')}"`, '');
  }
  out.push('/* esp_err_t-compatible codes: ESP-IDF values for driver errors, 0xE0xx for protocol errors. */',
    'typedef int32_t ew_err_t;', '#define EW_OK 0');
  for (const [n, v] of Object.entries(d.errors.esp)) out.push(`#define EW_ERR_${n} (${v})`);
  Object.keys(d.errors.protocol).forEach((n, i) => out.push(`#define EW_ERR_${n} (0xE0${(i + 1).toString(16).padStart(2, '0')})`));
  out.push('', '/* Reason codes (wifi_err_reason_t), stable across ESP-IDF versions. */');
  for (const r of d.reasons) out.push(`#define EW_REASON_${cIdent(r.name)} ${r.code}`);
  out.push(`#define EW_REASON_COUNT ${d.reasons.length}`, '');
  return out.join('\n');
}

function genCEnumsSource(d) {
  const { text, at } = corePool(d);
  const out = [BANNER, '#include "ew_protocol_gen.h"', '', 'const char ew_pool[] =', ...poolLiteral(text), ';', '',
    '#define W(offset) (ew_pool + (offset))'];
  for (const [name, values] of Object.entries(d.enums))
    out.push(`const char *const ew_${name}_names[${values.length}] = { ${values.map((v) => `W(${at(v)})`).join(', ')} };   /* ${values.join(' ')} */`);
  out.push('');
  return out.join('\n');
}

const CORE = 'firmware/components/espwifi_core';
export const GENERATORS = [
  (d) => [{ path: `${CORE}/include/ew_protocol_gen.h`, text: genCEnumsHeader(d) },
          { path: `${CORE}/ew_protocol_gen.c`, text: genCEnumsSource(d) }],
];

// Other generators register by exporting a function from protocol/gen/*.mjs (loaded in name order).
async function loadExtra() {
  const { readdirSync } = await import('node:fs');
  const dir = join(root, 'protocol/gen');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const mods = await Promise.all(files.map((f) => import(join(dir, f))));
  return mods.map((m) => m.default);
}

const check = process.argv.includes('--check');
const gens = [...GENERATORS, ...(await loadExtra())];
let stale = 0;
for (const g of gens) for (const { path, text } of g(def)) {
  const abs = join(root, path);
  const cur = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (cur === text) continue;
  if (check) { console.error(`stale: ${path} (run npm run gen)`); stale++; }
  else writeFileSync(abs, text);
}
process.exit(stale ? 1 : 0);
