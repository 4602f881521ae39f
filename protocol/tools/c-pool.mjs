// The core's one string pool: every word the C core spells on the wire — verbs, keys, argument
// names, error names, enum value names — NUL-terminated in one char array (ew_pool,
// ew_protocol_gen.c), which the generated tables address by 16-bit offset. One pool instead of a
// string literal per word: no pointer per name, no per-string alignment padding, and a word
// shared by events, replies, arguments and enums (or ending another word) is stored once.
// Used by protocol/gen.mjs (the pool itself) and protocol/gen/c-*.mjs (the offsets).

/** Every word of the pool, from protocol.json. */
function words(def) {
  const out = ['ok'];
  for (const [name, e] of Object.entries(def.events)) out.push(name, ...e.fields);
  for (const [name, c] of Object.entries(def.commands)) out.push(name, ...c.reply, ...c.args.map((a) => a.name));
  for (const [name, p] of Object.entries(def.partials)) out.push(name, ...p.extras);
  out.push(...Object.keys(def.errors.protocol), ...Object.keys(def.errors.esp));
  for (const values of Object.values(def.enums)) out.push(...values);
  return out;
}

/** { text, at(word) }: the pool (longest words first; a word that ends another shares its bytes). */
export function corePool(def) {
  const uniq = [...new Set(words(def))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  let text = '';
  const offsets = new Map();
  for (const w of uniq) {
    const hit = text.indexOf(`${w}\0`);
    offsets.set(w, hit >= 0 ? hit : text.length);
    if (hit < 0) text += `${w}\0`;
  }
  if (text.length > 0xfffe) throw new Error('string pool over 64 KiB: offsets are 16-bit');
  const at = (w) => {
    if (!offsets.has(w)) throw new Error(`"${w}" is not in the core's string pool`);
    return offsets.get(w);
  };
  return { text, at };
}

/** The pool as C string literals, one "word\0" piece each (so a piece never runs into a digit). */
export function poolLiteral(text) {
  const lines = [];
  let line = '';
  for (const w of text.split('\0').slice(0, -1)) {
    const piece = `"${w}\\0" `;
    if (line.length + piece.length > 100) { lines.push(`    ${line.trimEnd()}`); line = ''; }
    line += piece;
  }
  if (line) lines.push(`    ${line.trimEnd()}`);
  return lines;
}
