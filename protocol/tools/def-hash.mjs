// The definition hash (MAVLink's CRC_EXTRA idea): 8 hex digits over the part of protocol.json that
// decides the bytes on the wire — framing, types, enums, flags, commands (names, arguments, reply
// fields), fields, partials, events and error codes — and nothing else: prose ("doc"), host
// policy (timeouts, CLI choices) and the reason texts can change without a firmware and a host
// built from the two definitions misreading each other. The firmware sends it as the hello's
// `def`; a host built from a different definition says so.
import { createHash } from 'node:crypto';

const NOT_WIRE = new Set(['doc', '$comment', 'idf', 'note', 'timeout_ms', 'choices']);
const WIRE_PARTS = ['version', 'framing', 'types', 'enums', 'flags', 'commands', 'fields', 'partials', 'events', 'errors'];

/** JSON with sorted object keys and the non-wire keys left out, so key order and prose do not count. */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => !NOT_WIRE.has(k)).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function definitionHash(def) {
  const wire = Object.fromEntries(WIRE_PARTS.map((k) => [k, def[k]]));
  // framing's kinds are prose about each kind; the kind letters are the keys
  wire.framing = { ...def.framing, kinds: Object.keys(def.framing.kinds) };
  return createHash('sha256').update(canonical(wire)).digest('hex').slice(0, 8);
}
