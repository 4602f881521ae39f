// Generates host/src/protocol/events.gen.ts and replies.gen.ts from protocol/protocol.json
// ("events", and the commands' "reply"): per event / per command an interface of its fields under
// their wire names (typed from "fields") and a decoder that takes the generically decoded fields
// of a frame (protocol/fields.ts) and checks that every field it always carries (all but its
// "optional" ones) is there. A missing field is a MALFORMED frame, never a default value.
const BANNER = '// GENERATED from protocol/protocol.json by protocol/gen/ts-events.mjs — do not edit.\n';

const pascal = (s) => s.split(/[_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The TypeScript type a field decodes to (the runtime shapes of protocol/values.ts). */
export function tsType(def, name) {
  const f = def.fields[name];
  if (!f) throw new Error(`field ${name} is not in "fields"`);
  const [kind, ref] = f.type.split(':');
  if (kind === 'enum') return `EnumValues[${JSON.stringify(ref)}]`;
  if (kind === 'flags') return 'string';
  const t = def.types[kind];
  if (!t) throw new Error(`field ${name}: unknown type ${f.type}`);
  if (t.kind === 'int' || t.kind === 'hex') return 'number';
  if (t.kind === 'bool') return 'boolean';
  if (t.kind === 'bytes') return kind === 'text' ? 'string' : 'Buffer';
  return 'string'; // mac, ip4
}

/** Interfaces, a decoder table and decodeX() for one kind of message ('Event' or 'Reply'). */
function decoders(def, kind, entries, fieldsOf) {
  const out = [BANNER,
    "import { EspWifiError } from '../errors.js';",
    "import type { EnumValues } from './definition.js';",
    "import type { Fields } from './types.js';", ''];
  const T = (name) => `${pascal(name)}${kind}Fields`;
  for (const [name, m] of entries) {
    const fields = fieldsOf(m);
    const optional = new Set(m.optional ?? []);
    out.push(`/** \`${name}\`${m.idf ? ` (${m.idf})` : ''}. */`);
    if (!fields.length) out.push(`export type ${T(name)} = Record<string, never>;`);
    else {
      out.push(`export interface ${T(name)} {`);
      for (const f of fields) out.push(`  ${f}${optional.has(f) ? '?' : ''}: ${tsType(def, f)};`);
      out.push('}');
    }
  }
  const Map = `${kind}Map`, Verb = kind === 'Event' ? 'EventVerb' : 'ReplyVerb';
  out.push('', `/** Every ${kind.toLowerCase()} of protocol.json by its ${kind === 'Event' ? 'wire name' : 'command'}. */`, `export interface ${Map} {`);
  for (const [name] of entries) out.push(`  ${name}: ${T(name)};`);
  out.push('}', `export type ${Verb} = keyof ${Map};`);
  if (kind === 'Event') out.push('/** An event whose fields were checked by decodeEvent: `switch (e.verb)` narrows `e.fields`. */',
    'export type DecodedEvent = { [E in EventVerb]: { verb: E; fields: EventMap[E] } }[EventVerb];');
  const where = kind === 'Event' ? '~e ${verb}' : 'reply to ${verb}';
  out.push('', 'function need(verb: string, f: Fields, key: keyof Fields): unknown {',
    '  const v = f[key];',
    `  if (v === undefined) throw new EspWifiError('MALFORMED', \`${where}: field \${key} is missing\`);`,
    '  return v;', '}', '',
    `const DECODERS: { [V in ${Verb}]: (f: Fields) => ${Map}[V] } = {`);
  for (const [name, m] of entries) {
    const fields = fieldsOf(m);
    const optional = new Set(m.optional ?? []);
    for (const o of optional) if (!fields.includes(o)) throw new Error(`${name}: optional ${o} is not one of its fields`);
    if (!fields.length) { out.push(`  ${name}: () => ({}),`); continue; }
    out.push(`  ${name}: (f) => {`, `    const m: ${T(name)} = {`);
    for (const f of fields) if (!optional.has(f)) out.push(`      ${f}: need(${JSON.stringify(name)}, f, ${JSON.stringify(f)}) as ${tsType(def, f)},`);
    out.push('    };');
    for (const f of optional) out.push(`    if (f.${f} !== undefined) m.${f} = f.${f} as ${tsType(def, f)};`);
    out.push('    return m;', '  },');
  }
  out.push('};', '',
    `export function is${kind}Verb(verb: string): verb is ${Verb} {`,
    '  return Object.prototype.hasOwnProperty.call(DECODERS, verb);', '}', '',
    `/** The fields of ${kind === 'Event' ? 'event' : 'the ok reply to'} \`verb\`, checked against protocol.json: only its own fields, every`,
    ' *  field it always carries present (EspWifiError MALFORMED otherwise). */',
    `export function decode${kind}<V extends ${Verb}>(verb: V, fields: Fields): ${Map}[V] {`,
    '  return DECODERS[verb](fields);', '}', '');
  return out.join('\n');
}

export default function tsEvents(def) {
  return [
    { path: 'host/src/protocol/events.gen.ts', text: decoders(def, 'Event', Object.entries(def.events), (e) => e.fields) },
    { path: 'host/src/protocol/replies.gen.ts', text: decoders(def, 'Reply', Object.entries(def.commands), (c) => c.reply) },
  ];
}
