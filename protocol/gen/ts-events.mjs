// Generates host/src/protocol/events.gen.ts from protocol/protocol.json "events": per event an
// interface of its fields under their wire names (typed from "fields") and a decoder that takes
// the generically decoded fields of a frame (protocol/fields.ts) and checks that every field the
// event always carries is there. A missing field is a MALFORMED frame, never a default value.
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

export default function tsEvents(def) {
  const events = Object.entries(def.events);
  const out = [BANNER,
    "import { EspWifiError } from '../errors.js';",
    "import type { EnumValues } from './definition.js';",
    "import type { Fields } from './types.js';", ''];
  for (const [name, e] of events) {
    const optional = new Set(e.optional ?? []);
    out.push(`/** \`${name}\`${e.idf ? ` (${e.idf})` : ''}. */`);
    if (!e.fields.length) out.push(`export type ${pascal(name)}EventFields = Record<string, never>;`);
    else {
      out.push(`export interface ${pascal(name)}EventFields {`);
      for (const f of e.fields) out.push(`  ${f}${optional.has(f) ? '?' : ''}: ${tsType(def, f)};`);
      out.push('}');
    }
  }
  out.push('', '/** Every event of protocol.json by its wire name. */', 'export interface EventMap {');
  for (const [name] of events) out.push(`  ${name}: ${pascal(name)}EventFields;`);
  out.push('}', 'export type EventVerb = keyof EventMap;',
    '/** An event whose fields were checked by decodeEvent: `switch (e.verb)` narrows `e.fields`. */',
    'export type DecodedEvent = { [E in EventVerb]: { verb: E; fields: EventMap[E] } }[EventVerb];', '',
    'function need(event: string, f: Fields, key: keyof Fields): unknown {',
    '  const v = f[key];',
    "  if (v === undefined) throw new EspWifiError('MALFORMED', `~e ${event}: field ${key} is missing`);",
    '  return v;',
    '}', '',
    'const DECODERS: { [E in EventVerb]: (f: Fields) => EventMap[E] } = {');
  for (const [name, e] of events) {
    const optional = new Set(e.optional ?? []);
    if (!e.fields.length) { out.push(`  ${name}: () => ({}),`); continue; }
    out.push(`  ${name}: (f) => {`, `    const e: ${pascal(name)}EventFields = {`);
    for (const f of e.fields) if (!optional.has(f)) out.push(`      ${f}: need(${JSON.stringify(name)}, f, ${JSON.stringify(f)}) as ${tsType(def, f)},`);
    out.push('    };');
    for (const f of optional) out.push(`    if (f.${f} !== undefined) e.${f} = f.${f} as ${tsType(def, f)};`);
    out.push('    return e;', '  },');
  }
  out.push('};', '',
    'export function isEventVerb(verb: string): verb is EventVerb {',
    '  return Object.prototype.hasOwnProperty.call(DECODERS, verb);',
    '}', '',
    '/** The fields of event `verb`, checked against protocol.json: only the event\'s own fields, every',
    ' *  field it always carries present (EspWifiError MALFORMED otherwise). */',
    'export function decodeEvent<E extends EventVerb>(verb: E, fields: Fields): EventMap[E] {',
    '  return DECODERS[verb](fields);',
    '}', '');
  return [{ path: 'host/src/protocol/events.gen.ts', text: out.join('\n') }];
}
