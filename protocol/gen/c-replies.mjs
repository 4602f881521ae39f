// Generates the core's reply and partial encoders from protocol/protocol.json: per command with
// reply fields a struct ew_reply_<command>_t and ew_reply_<command>_encode(), which writes
// `~r<id> ok` and the fields in definition order; per partial (`ap`, `sta`) ew_partial_<name>_t
// and ew_partial_<name>_encode(), positional fields then the extras that are set. A command's
// "optional" reply fields (and every partial extra) carry a has_<field> flag. Value rules as for
// events (protocol/gen/c-events.mjs): integers clamped to their type, enum fallback names.
import { HEADER_PREAMBLE, cField, cStruct, cWrites } from './c-events.mjs';

const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-replies.mjs — do not edit. */\n';

function positional(def, name, f) {
  // A positional field is written like a named one with a NULL key.
  const named = cField({ ...def, fields: { ...def.fields, [f.name]: { type: f.type } } }, f.name);
  return { decl: named.decl, write: (v) => named.write(v).replace(`"${f.name}"`, 'NULL') };
}

export default function cReplies(def) {
  const h = [BANNER, ...HEADER_PREAMBLE];
  const c = [BANNER, '#include <string.h>', '#include "ew_replies_gen.h"', ''];
  const struct = (type, fields, optional, declOf) => h.push(...cStruct(type, fields, optional, declOf));
  for (const [name, cmd] of Object.entries(def.commands)) {
    if (!cmd.reply.length) continue;
    const optional = new Set(cmd.optional ?? []);
    for (const o of optional) if (!cmd.reply.includes(o)) throw new Error(`command ${name}: optional ${o} is not a reply field`);
    struct(`ew_reply_${name}_t`, cmd.reply, optional, (f) => cField(def, f));
    const proto = `void ew_reply_${name}_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_reply_${name}_t *v)`;
    h.push(`${proto};`, '');
    c.push(proto, '{', `    ew_fb_begin(fb, buf, cap, 'r', id, "ok");`, ...cWrites(def, cmd.reply, optional), '}', '');
  }
  for (const [name, p] of Object.entries(def.partials)) {
    const extras = new Set(p.extras);
    struct(`ew_partial_${name}_t`, [...p.positional, ...p.extras], extras,
      (f) => (typeof f === 'string' ? cField(def, f) : positional(def, name, f)));
    const proto = `void ew_partial_${name}_encode(ew_fb_t *fb, char *buf, size_t cap, uint32_t id, const ew_partial_${name}_t *v)`;
    h.push(`${proto};`, '');
    c.push(proto, '{', `    ew_fb_begin(fb, buf, cap, 'p', id, "${name}");`);
    for (const f of p.positional) c.push(`    ${positional(def, name, f).write(`v->${f.name}`)}`);
    for (const f of p.extras) c.push(`    if (v->has_${f}) ${cField(def, f).write(`v->${f}`)}`);
    c.push('}', '');
  }
  return [{ path: `${CORE}/include/ew_replies_gen.h`, text: h.join('\n') },
          { path: `${CORE}/ew_replies_gen.c`, text: c.join('\n') }];
}
