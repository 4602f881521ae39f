// Generates the core's reply and partial structs from protocol/protocol.json: per command with
// reply fields a struct ew_reply_<command>_t and ew_reply_<command>_encode(), which writes
// `~r<id> ok` and the fields in definition order; per partial (`ap`, `sta`) ew_partial_<name>_t
// and ew_partial_<name>_encode(), positional fields then the extras that are set. A command's
// "optional" reply fields (and every partial extra) carry a has_<field> flag. The encoders are
// typed inline wrappers around ew_msg_encode and the generated message tables
// (protocol/gen/c-messages.mjs). Value rules as for events (protocol/gen/c-events.mjs): integers
// clamped to their type, enum fallback names.
import { HEADER_PREAMBLE, cField, cId, cStruct, cType, cWrapper } from './c-events.mjs';

const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-replies.mjs — do not edit. */\n';

export default function cReplies(def) {
  const h = [BANNER, ...HEADER_PREAMBLE];
  for (const [name, cmd] of Object.entries(def.commands)) {
    if (!cmd.reply.length) continue;
    const optional = new Set(cmd.optional ?? []);
    for (const o of optional) if (!cmd.reply.includes(o)) throw new Error(`command ${name}: optional ${o} is not a reply field`);
    h.push(...cStruct(`ew_reply_${name}_t`, cmd.reply, optional, (f) => cField(def, f)));
    h.push(...cWrapper(`ew_reply_${name}`, 'id', `ew_reply_${name}_t`, `EW_MSG_REPLY_${cId(name)}`), '');
  }
  for (const [name, p] of Object.entries(def.partials)) {
    h.push(...cStruct(`ew_partial_${name}_t`, [...p.positional, ...p.extras], new Set(p.extras),
      (f) => (typeof f === 'string' ? cField(def, f) : cType(def, f.name, f.type))));
    h.push(...cWrapper(`ew_partial_${name}`, 'id', `ew_partial_${name}_t`, `EW_MSG_PARTIAL_${cId(name)}`), '');
  }
  return [{ path: `${CORE}/include/ew_replies_gen.h`, text: h.join('\n') }];
}
