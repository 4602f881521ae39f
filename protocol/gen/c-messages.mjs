// Generates the core's message tables from protocol/protocol.json: one row per event, per reply
// with fields and per partial (kind, verb, its fields), one row per field (wire key, kind, type
// bounds / enum / flag letters); keys and verbs are offsets in the core's string pool (ew_pool,
// protocol/tools/c-pool.mjs). The core's one encoder, ew_msg_encode (ew_message.c), walks a
// message's rows over the struct the caller filled (ew_events_gen.h, ew_replies_gen.h): one small
// interpreter and data instead of one function per message, which keeps the core's flash
// footprint in check (MAVLink's generated message-info tables work the same way). Struct members
// are addressed by offsetof, so the tables follow the structs on every platform; the generated
// _Static_asserts hold the layout assumptions (byte-sized offsets, a bytes field's length right
// after its pointer, has_<field> right after its member).
import { corePool } from '../tools/c-pool.mjs';
import { cField, cId, cType } from './c-events.mjs';

const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-messages.mjs — do not edit. */\n';
const KINDS = ['TEXT', 'BYTES', 'UINT', 'INT', 'BOOL', 'MAC', 'IP4', 'HEX', 'ENUM', 'FLAGS'];

/** Every message the core encodes, in table order: { id, kind, verb, type, fields: [{ name, type, key, optional }] }. */
export function messages(def) {
  const out = [];
  for (const [name, e] of Object.entries(def.events)) {
    const optional = new Set(e.optional ?? []);
    out.push({ id: `EW_MSG_EV_${cId(name)}`, kind: 'e', verb: name, type: e.fields.length ? `ew_ev_${name}_t` : null,
      fields: e.fields.map((f) => ({ name: f, key: f, desc: cField(def, f), optional: optional.has(f) })) });
  }
  for (const [name, c] of Object.entries(def.commands)) {
    if (!c.reply.length) continue;
    const optional = new Set(c.optional ?? []);
    out.push({ id: `EW_MSG_REPLY_${cId(name)}`, kind: 'r', verb: 'ok', type: `ew_reply_${name}_t`,
      fields: c.reply.map((f) => ({ name: f, key: f, desc: cField(def, f), optional: optional.has(f) })) });
  }
  for (const [name, p] of Object.entries(def.partials)) {
    out.push({ id: `EW_MSG_PARTIAL_${cId(name)}`, kind: 'p', verb: name, type: `ew_partial_${name}_t`,
      fields: [...p.positional.map((f) => ({ name: f.name, key: null, desc: cType(def, f.name, f.type), optional: false })),
               ...p.extras.map((f) => ({ name: f, key: f, desc: cField(def, f), optional: true }))] });
  }
  return out;
}

function indexer() {
  const list = [];
  return { list, of: (k, v) => { let i = list.findIndex((e) => e.k === k); if (i < 0) { i = list.length; list.push({ k, v }); } return i; } };
}

export default function cMessages(def) {
  const msgs = messages(def);
  const { at } = corePool(def);
  const uintMax = indexer(), intRange = indexer(), enums = indexer(), letters = indexer(), fields = indexer();
  const lit = (v) => (v === -2147483648 ? '(-2147483647 - 1)' : String(v));
  const aux = (d) => {
    switch (d.kind) {
      case 'UINT': return uintMax.of(d.ref, `${def.types[d.ref].max}u`);
      case 'INT': return intRange.of(d.ref, `{ ${lit(def.types[d.ref].min)}, ${lit(def.types[d.ref].max)} }`);
      case 'ENUM': {
        const values = def.enums[d.ref];
        const fallback = values.includes('unknown') ? `EW_${cId(d.ref)}_UNKNOWN` : `EW_${cId(d.ref)}_${cId(values[0])}`;
        return enums.of(d.ref, `{ ew_${d.ref}_names, EW_${cId(d.ref)}__COUNT, ${fallback} }`);
      }
      case 'FLAGS': return letters.of(d.ref, `EW_${cId(d.ref)}_LETTERS`);
      default: return 0;
    }
  };
  const uses = [];
  const rows = [];
  for (const m of msgs) {
    rows.push(`    { ${at(m.verb)}, ${'erp'.indexOf(m.kind)}, ${uses.length}, ${m.fields.length} },   /* ${m.id} */`);
    for (const f of m.fields) {
      const key = f.key ? at(f.key) : 'EW_NO_KEY';
      const a = aux(f.desc);
      const fi = fields.of(`${key}/${f.desc.kind}/${a}`, `{ ${key}, EW_FK_${f.desc.kind}, ${a} },   /* ${f.key ?? `positional ${f.name}`} */`);
      uses.push(`    { ${f.optional ? `EW_MSG_OPTIONAL | ${fi}` : fi}, offsetof(${m.type}, ${f.name}) },   /* ${m.verb === 'ok' ? m.id : m.verb} ${f.name} */`);
    }
  }
  if (fields.list.length > 127 || uses.length > 2047 || Math.max(...msgs.map((m) => m.fields.length)) > 31 || Math.max(...msgs.map((m) => at(m.verb))) > 16383)
    throw new Error('message tables outgrew their index widths (ew_msg_desc_t, ew_msg_use_t)');

  const h = [BANNER, '#pragma once', '#include <stdbool.h>', '#include <stddef.h>', '#include <stdint.h>', '#include "ew_codec.h"', '',
    '/* How ew_msg_encode reads a struct member and writes it (ew_fb_*). */',
    `typedef enum { ${KINDS.map((k) => `EW_FK_${k}`).join(', ')} } ew_field_kind_t;`, '',
    '#define EW_NO_KEY 0xffffu   /* a positional field */',
    '/* A wire field: key (offset in ew_pool, or EW_NO_KEY), kind, and for UINT / INT / ENUM / FLAGS',
    ' * the index in ew_msg_uint_max / ew_msg_int_range / ew_msg_enums / ew_msg_letters. */',
    'typedef struct { uint16_t key; uint8_t kind; uint8_t aux; } ew_field_desc_t;',
    '/* A field of one message: its ew_msg_fields row, with EW_MSG_OPTIONAL when the field is optional',
    ' * (its bool has_<field> then follows the member, EW_MSG_MEMBER_SIZE after it), and the offset of',
    ' * the struct member. */',
    'typedef struct { uint8_t field; uint8_t off; } ew_msg_use_t;',
    '#define EW_MSG_OPTIONAL 0x80   /* in ew_msg_use_t.field */',
    '/* Size of the struct member(s) of a field of kind k (a bytes field is a pointer and a length). */',
    '#define EW_MSG_MEMBER_SIZE(k) ((k) == EW_FK_BOOL ? sizeof(bool) : (k) == EW_FK_BYTES ? sizeof(const uint8_t *) + sizeof(size_t) : \\',
    '    (k) == EW_FK_TEXT || (k) == EW_FK_MAC || (k) == EW_FK_IP4 ? sizeof(const void *) : sizeof(uint32_t))',
    '/* A message: verb (offset in ew_pool), frame kind ("erp"[kind]: event, reply, partial), and its',
    ' * fields ew_msg_uses[first..first+n). */',
    'typedef struct { uint16_t verb : 14, kind : 2; uint16_t first : 11, n : 5; } ew_msg_desc_t;',
    '/* An enum field: its names, how many, and the name written for an index out of range. */',
    'typedef struct { const char *const *names; uint8_t count; uint8_t fallback; } ew_msg_enum_t;', '',
    'typedef enum {'];
  msgs.forEach((m, i) => h.push(`    ${m.id} = ${i},`));
  h.push(`    EW_MSG__COUNT = ${msgs.length}`, '} ew_msg_id_t;', '',
    'extern const uint32_t ew_msg_uint_max[];',
    'extern const int32_t ew_msg_int_range[][2];',
    'extern const ew_msg_enum_t ew_msg_enums[];',
    'extern const char *const ew_msg_letters[];',
    'extern const ew_field_desc_t ew_msg_fields[];',
    'extern const ew_msg_use_t ew_msg_uses[];',
    'extern const ew_msg_desc_t ew_msgs[EW_MSG__COUNT];', '',
    '/* Begins message msg (its kind and verb, number num) in buf and writes the fields of v, the',
    ' * message\'s struct (NULL for a message without fields); the caller ends and sends the frame. */',
    'void ew_msg_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t num, ew_msg_id_t msg, const void *v);', '');

  const c = [BANNER, '#include <stddef.h>', '#include "ew_events_gen.h"', '#include "ew_replies_gen.h"', '',
    `const uint32_t ew_msg_uint_max[] = { ${uintMax.list.map((e) => e.v).join(', ')} };`,
    `const int32_t ew_msg_int_range[][2] = { ${intRange.list.map((e) => e.v).join(', ')} };`,
    'const ew_msg_enum_t ew_msg_enums[] = {', ...enums.list.map((e) => `    ${e.v},`), '};',
    `const char *const ew_msg_letters[] = { ${letters.list.map((e) => e.v).join(', ')} };`, '',
    'const ew_field_desc_t ew_msg_fields[] = {', ...fields.list.map((e) => `    ${e.v}`), '};', '',
    'const ew_msg_use_t ew_msg_uses[] = {', ...uses, '};', '',
    'const ew_msg_desc_t ew_msgs[EW_MSG__COUNT] = {', ...rows, '};', '',
    '/* The tables hold member offsets in bytes, a bytes field\'s length right after its pointer, and an',
    ' * optional field\'s has_<field> right after its member. */'];
  for (const m of msgs) {
    if (!m.type) continue;
    c.push(`_Static_assert(sizeof(${m.type}) <= 255, "${m.type}: offsets must fit a byte");`);
    for (const f of m.fields) {
      if (f.desc.kind === 'BYTES')
        c.push(`_Static_assert(offsetof(${m.type}, ${f.name}_len) == offsetof(${m.type}, ${f.name}) + sizeof(const uint8_t *), "${m.type}.${f.name}_len");`);
      if (f.optional)
        c.push(`_Static_assert(offsetof(${m.type}, has_${f.name}) == offsetof(${m.type}, ${f.name}) + EW_MSG_MEMBER_SIZE(EW_FK_${f.desc.kind}), "${m.type}.has_${f.name}");`);
    }
  }
  c.push('');
  return [{ path: `${CORE}/include/ew_messages_gen.h`, text: h.join('\n') },
          { path: `${CORE}/ew_messages_gen.c`, text: c.join('\n') }];
}
