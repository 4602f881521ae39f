// Generates the core's event structs from protocol/protocol.json "events": per event a struct of
// its fields (ew_ev_<name>_t) and ew_ev_<name>_encode(), which writes `~e<seq> <name>` and every
// field under its wire name, in definition order. The encoder is a typed inline wrapper around the
// one table-driven encoder (ew_msg_encode, ew_message.c) and the event's row in the generated
// message tables (protocol/gen/c-messages.mjs). The core fills the struct and sends; it never
// spells a key. Optional fields (the event's "optional" list) carry a has_<field> flag.
// Values are kept inside the wire type: integers are clamped to the type's range, an enum index
// out of range is written as the enum's "unknown" name (or its first name when it has none).
const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-events.mjs — do not edit. */\n';
export const cId = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** How one wire type is held in the struct (decl) and described in the message tables (kind, ref). */
export function cType(def, name, type) {
  const [kind, ref] = type.split(':');
  if (kind === 'enum') {
    const values = def.enums[ref];
    if (!values) throw new Error(`field ${name}: unknown enum ${ref}`);
    return { decl: [`unsigned ${name};`, `ew_${ref}_t index`], kind: 'ENUM', ref };
  }
  if (kind === 'flags') {
    if (!def.flags[ref]) throw new Error(`field ${name}: unknown flags ${ref}`);
    return { decl: [`uint32_t ${name};`, `bits of EW_${cId(ref)}_LETTERS`], kind: 'FLAGS', ref };
  }
  const t = def.types[kind];
  if (!t) throw new Error(`field ${name}: unknown type ${type}`);
  switch (t.kind) {
    case 'int':
      if (t.min < 0) return { decl: [`int32_t ${name};`, kind], kind: 'INT', ref: kind };
      return { decl: [`uint32_t ${name};`, kind], kind: 'UINT', ref: kind };
    case 'bool': return { decl: [`bool ${name};`, 'bool'], kind: 'BOOL' };
    case 'bytes':
      if (kind === 'text') return { decl: [`const char *${name};`, 'text, NUL-terminated; NULL = ""'], kind: 'TEXT' };
      return { decl: [`const uint8_t *${name}; size_t ${name}_len;`, 'bytes'], kind: 'BYTES' };
    case 'mac': return { decl: [`const uint8_t *${name};`, '6 bytes'], kind: 'MAC' };
    case 'ip4': return { decl: [`const uint8_t *${name};`, '4 bytes, wire order'], kind: 'IP4' };
    case 'hex': return { decl: [`int32_t ${name};`, 'esp_err_t'], kind: 'HEX' };
    default: throw new Error(`field ${name}: type ${type} has no C encoding`);
  }
}

/** A named field of protocol.json "fields". */
export function cField(def, name) {
  const f = def.fields[name];
  if (!f) throw new Error(`event field ${name} is not in "fields"`);
  return cType(def, name, f.type);
}

/** The first lines of a generated encoder header (after its banner). */
export const HEADER_PREAMBLE = ['#pragma once', '#include <stdbool.h>', '#include <stddef.h>', '#include <stdint.h>',
  '#include "ew_codec.h"', '#include "ew_protocol_gen.h"', '#include "ew_messages_gen.h"', '',
  '/* Each encoder begins the frame in buf (cap bytes) and writes the fields; the caller ends and',
  ' * sends it. Pointers are read during the call only. */', ''];

/** `typedef struct { ... } type;` for fields (names, or positional {name, type}); optional ones get has_<field>. */
export function cStruct(type, fields, optional, declOf) {
  const out = ['typedef struct {'];
  for (const f of fields) {
    const name = typeof f === 'string' ? f : f.name;
    const { decl: [d, note] } = declOf(f);
    out.push(`    ${d.padEnd(40)} /* ${note} */`);
    if (optional.has(name)) out.push(`    bool has_${name};`);
  }
  out.push(`} ${type};`);
  return out;
}

/** The typed encoder (an inline call of ew_msg_encode with the message's table row) and, for a
 * message with fields, <prefix>_msg(v): the message id, for a struct of the right type only. */
export function cWrapper(prefix, numName, type, msgId) {
  const out = [`static inline void ${prefix}_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t ${numName}${type ? `, const ${type} *v` : ''})`,
    '{',
    `    ew_msg_encode(fb, buf, cap, ${numName}, ${msgId}, ${type ? 'v' : 'NULL'});`,
    '}'];
  if (type) out.push(`static inline ew_msg_id_t ${prefix}_msg(const ${type} *v) { (void)v; return ${msgId}; }`);
  return out;
}

export default function cEvents(def) {
  const h = [BANNER, ...HEADER_PREAMBLE];
  for (const [name, e] of Object.entries(def.events)) {
    const optional = new Set(e.optional ?? []);
    for (const o of optional) if (!e.fields.includes(o)) throw new Error(`event ${name}: optional ${o} is not one of its fields`);
    const type = e.fields.length ? `ew_ev_${name}_t` : null;
    if (type) h.push(...cStruct(type, e.fields, optional, (f) => cField(def, f)));
    h.push(...cWrapper(`ew_ev_${name}`, 'seq', type, `EW_MSG_EV_${cId(name)}`), '');
  }
  return [{ path: `${CORE}/include/ew_events_gen.h`, text: h.join('\n') }];
}
