#!/usr/bin/env node
// Fills the generated blocks of protocol/PROTOCOL.md from protocol.json, so tables of names,
// ranges and codes cannot drift from the definition. A block is
//   <!-- gen:NAME -->  ...generated...  <!-- /gen -->
// NAME: reasons | causes | esp-errors | protocol-errors | enums | flags | fields | events | args:<command>
//   node protocol/tools/docs-gen.mjs           rewrite the blocks
//   node protocol/tools/docs-gen.mjs --check   exit 1 when a block is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDefinition } from './dispatch.mjs';

const DOC = fileURLToPath(new URL('../PROTOCOL.md', import.meta.url));
const cell = (s) => String(s).replace(/\|/g, '\\|');
const code = (s) => '`' + s + '`';
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

const espHex = (v) => (v < 0 ? '-0x' + (-v).toString(16) : '0x' + v.toString(16));

function argRange(def, a) {
  const [kind, name] = a.type.split(':');
  if (kind === 'enum' && a.choices) return `${a.choices.map(code).join(' ')} (host choices; the device takes every \`${name}\` name)`;
  if (kind === 'enum') return def.enums[name].length <= 6 ? def.enums[name].map(code).join(' ') : `enum ${code(name)} (§5)`;
  if (kind === 'flags') return `letters of ${code(Object.keys(def.flags[name].letters).join(''))}`;
  const t = def.types[kind];
  if (t.kind === 'int') return `${a.min ?? t.min}..${a.max ?? t.max}`;
  if (t.kind === 'bytes') return a.min_len ? `${a.min_len}..${a.max_len} bytes` : `0..${a.max_len} bytes`;
  if (t.kind === 'bool') return '`0` `1`';
  if (t.kind === 'mac') return '12 hex digits';
  return '';
}

const BLOCKS = {
  reasons(def) {
    const fam = (c) => Object.entries(def.families).filter(([, f]) => f.codes.includes(c)).map(([n]) => n).join(', ');
    return table(['code', 'name (`WIFI_REASON_…`)', 'cause', 'family', 'meaning', 'other names'],
      def.reasons.map((r) => [r.code, r.name, r.cause, fam(r.code), r.meaning, (r.aliases ?? []).join(', ')]));
  },
  causes(def) {
    const own = def.reasons.filter((r) => r.action);
    return [table(['cause', 'means', 'suggested action'], Object.entries(def.causes).map(([n, c]) => [code(n), c.text, c.action])), '',
      'Reasons with an action of their own (instead of their class\'s):', '',
      table(['code', 'name', 'suggested action'], own.map((r) => [r.code, r.name, r.action])), '',
      `A code the definition does not list: ${def.unknown_reason_action}.`].join('\n');
  },
  'esp-errors'(def) {
    return table(['name on the wire', 'ESP-IDF name', 'esp='], Object.entries(def.errors.esp).map(([n, v]) =>
      [code(n), n === 'FAIL' ? 'ESP_FAIL' : 'ESP_ERR_' + n, code(espHex(v))]));
  },
  'protocol-errors'(def) {
    return table(['name', 'C code (`EW_ERR_…`)', 'meaning'], Object.entries(def.errors.protocol).map(([n, m], i) =>
      [code(n), '0xe0' + (i + 1).toString(16).padStart(2, '0'), m]));
  },
  enums(def) {
    return table(['enum', 'names'], Object.entries(def.enums).map(([n, v]) => [code(n), v.map(code).join(' ')]));
  },
  flags(def) {
    return table(['flag set', 'letters'], Object.entries(def.flags).map(([n, f]) =>
      [code(n), Object.entries(f.letters).map(([l, m]) => `${code(l)} ${m}`).join(', ')]));
  },
  fields(def) {
    return table(['field', 'type', 'note'], Object.entries(def.fields).map(([n, f]) => [code(n), code(f.type), f.doc ?? '']));
  },
  events(def) {
    return table(['event', 'mirrors', 'fields'], Object.entries(def.events).map(([n, e]) =>
      [code(n), e.idf ?? '(protocol)', e.fields.length ? e.fields.map((f) => code(f) + (e.optional?.includes(f) ? ' (optional)' : '')).join(' ') : '—']));
  },
};

function argsBlock(def, name) {
  const c = def.commands[name];
  if (!c) throw new Error(`PROTOCOL.md: gen:args:${name} names no command`);
  const lines = [`${c.doc}`, ''];
  if (c.args.length) lines.push(table(['arg', 'type', 'range', 'required', 'note'],
    c.args.map((a) => [code(a.name), a.type, argRange(def, a), a.required ? 'yes' : '', (a.secret ? 'secret; ' : '') + (a.doc ?? '') + (a.timeout_ms ? ` (host timeout ${a.timeout_ms / 1000} s when set)` : '')])), '');
  else lines.push('Arguments: none.', '');
  lines.push(`Reply: \`ok\`${c.reply.map((f) => ' ' + code(f) + (c.optional?.includes(f) ? ' (optional)' : '')).join('')}${c.partial ? `, after one \`${c.partial}\` partial per record` : ''}.`);
  if (c.timeout_ms) lines.push('', `Host timeout: ${c.timeout_ms / 1000} s (the reply comes after the work is done).`);
  return lines.join('\n');
}

export function render(text, def = loadDefinition()) {
  const seen = new Set();
  const out = text.replace(/<!-- gen:([a-z_:-]+) -->\n[\s\S]*?<!-- \/gen -->/g, (_, name) => {
    seen.add(name);
    const body = name.startsWith('args:') ? argsBlock(def, name.slice(5)) : BLOCKS[name]?.(def);
    if (body === undefined) throw new Error(`PROTOCOL.md: unknown generated block ${name}`);
    return `<!-- gen:${name} -->\n${body}\n<!-- /gen -->`;
  });
  return { text: out, blocks: seen };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cur = readFileSync(DOC, 'utf8');
  const { text } = render(cur);
  if (process.argv.includes('--check')) {
    if (text !== cur) console.error('stale: generated blocks in protocol/PROTOCOL.md (run node protocol/tools/docs-gen.mjs)');
    process.exitCode = text === cur ? 0 : 1;
  } else if (text !== cur) writeFileSync(DOC, text);
}
