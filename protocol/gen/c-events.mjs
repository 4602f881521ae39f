// Generates the core's event encoders from protocol/protocol.json "events": per event a struct
// of its fields (ew_ev_<name>_t) and ew_ev_<name>_encode(), which writes `~e<seq> <name>` and
// every field under its wire name, in definition order. The core fills the struct and sends;
// it never spells a key. Optional fields (the event's "optional" list) carry a has_<field> flag.
// Values are kept inside the wire type: integers are clamped to the type's range, an enum index
// out of range is written as the enum's "unknown" name (or its first name when it has none).
const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-events.mjs — do not edit. */\n';
const id = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** How one wire type is held in the struct and written by ew_fb_*. */
export function cField(def, name) {
  const f = def.fields[name];
  if (!f) throw new Error(`event field ${name} is not in "fields"`);
  const [kind, ref] = f.type.split(':');
  const key = JSON.stringify(name);
  if (kind === 'enum') {
    const values = def.enums[ref];
    if (!values) throw new Error(`field ${name}: unknown enum ${ref}`);
    const fallback = values.includes('unknown') ? `EW_${id(ref)}_UNKNOWN` : `EW_${id(ref)}_${id(values[0])}`;
    return { decl: [`unsigned ${name};`, `ew_${ref}_t index`],
      write: (v) => `ew_fb_raw(fb, ${key}, ew_${ref}_names[${v} < EW_${id(ref)}__COUNT ? ${v} : ${fallback}]);` };
  }
  if (kind === 'flags') return { decl: [`uint32_t ${name};`, `bits of EW_${id(ref)}_LETTERS`], write: (v) => `ew_fb_flags(fb, ${key}, ${v}, EW_${id(ref)}_LETTERS);` };
  const t = def.types[kind];
  if (!t) throw new Error(`field ${name}: unknown type ${f.type}`);
  switch (t.kind) {
    case 'int':
      if (t.min < 0) {
        const lo = t.min === -2147483648 ? null : t.min;
        const clamp = lo === null ? (v) => v : (v) => `${v} < ${lo} ? ${lo} : ${v} > ${t.max} ? ${t.max} : ${v}`;
        return { decl: [`int32_t ${name};`, kind], write: (v) => `ew_fb_int(fb, ${key}, ${clamp(v)});` };
      }
      return { decl: [`uint32_t ${name};`, kind],
        write: (v) => (t.max === 4294967295 ? `ew_fb_uint(fb, ${key}, ${v});` : `ew_fb_uint(fb, ${key}, ${v} > ${t.max}u ? ${t.max}u : ${v});`) };
    case 'bool': return { decl: [`bool ${name};`, 'bool'], write: (v) => `ew_fb_bool(fb, ${key}, ${v});` };
    case 'bytes':
      if (kind === 'text') return { decl: [`const char *${name};`, 'text, NUL-terminated; NULL = ""'], write: (v) => `ew_fb_bytes(fb, ${key}, (const uint8_t *)(${v} ? ${v} : ""), ${v} ? strlen(${v}) : 0);` };
      return { decl: [`const uint8_t *${name}; size_t ${name}_len;`, 'bytes'], write: (v) => `ew_fb_bytes(fb, ${key}, ${v}, ${v}_len);` };
    case 'mac': return { decl: [`const uint8_t *${name};`, '6 bytes'], write: (v) => `ew_fb_mac(fb, ${key}, ${v});` };
    case 'ip4': return { decl: [`const uint8_t *${name};`, '4 bytes, wire order'], write: (v) => `ew_fb_ip4(fb, ${key}, ${v});` };
    case 'hex': return { decl: [`int32_t ${name};`, 'esp_err_t'], write: (v) => `ew_fb_shex(fb, ${key}, ${v});` };
    default: throw new Error(`field ${name}: type ${f.type} has no C encoding`);
  }
}

/** The first lines of a generated encoder header (after its banner). */
export const HEADER_PREAMBLE = ['#pragma once', '#include <stdbool.h>', '#include <stddef.h>', '#include <stdint.h>',
  '#include "ew_codec.h"', '#include "ew_protocol_gen.h"', '',
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

/** An encoder's body lines after ew_fb_begin: each named field, behind has_<field> when optional. */
export function cWrites(def, fields, optional) {
  return fields.map((f) => {
    const line = cField(def, f).write(`v->${f}`);
    return optional.has(f) ? `    if (v->has_${f}) ${line}` : `    ${line}`;
  });
}

export default function cEvents(def) {
  const events = Object.entries(def.events);
  const h = [BANNER, ...HEADER_PREAMBLE];
  const c = [BANNER, '#include <string.h>', '#include "ew_events_gen.h"', ''];
  for (const [name, e] of events) {
    const optional = new Set(e.optional ?? []);
    for (const o of optional) if (!e.fields.includes(o)) throw new Error(`event ${name}: optional ${o} is not one of its fields`);
    const proto = `void ew_ev_${name}_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t seq${e.fields.length ? `, const ew_ev_${name}_t *v` : ''})`;
    if (e.fields.length) h.push(...cStruct(`ew_ev_${name}_t`, e.fields, optional, (f) => cField(def, f)));
    h.push(`${proto};`, '');
    c.push(proto, '{', `    ew_fb_begin(fb, buf, cap, 'e', seq, "${name}");`, ...cWrites(def, e.fields, optional), '}', '');
  }
  return [{ path: `${CORE}/include/ew_events_gen.h`, text: h.join('\n') },
          { path: `${CORE}/ew_events_gen.c`, text: c.join('\n') }];
}
