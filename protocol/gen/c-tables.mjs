// Generates the core's command table from protocol/protocol.json: every command with its
// argument specs (type, range, lengths, required, secret, enum names / flag letters), argument
// index constants (EW_ARG_SCAN_CH, ...) and the error code <-> name table. The core validates
// every request generically from this table, so a new argument in protocol.json is validated
// without touching C code. Verbs, argument names and error names are offsets in the core's string
// pool (ew_pool, protocol/tools/c-pool.mjs): smaller than a pointer per name, no padding per string.
import { corePool } from '../tools/c-pool.mjs';

const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */\n';
const id = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function argSpec(def, cmd, a, at, enums, letters) {
  const [kind, ref] = a.type.split(':');
  const flags = [a.required ? 'EW_ARGF_REQUIRED' : null, a.secret ? 'EW_ARGF_SECRET' : null].filter(Boolean).join(' | ') || '0';
  let k, min = 0, max = 0, r = 0;
  const index = (list, v) => { if (!list.includes(v)) list.push(v); return list.indexOf(v); };
  if (kind === 'enum') {
    if (!def.enums[ref]) throw new Error(`${cmd}.${a.name}: unknown enum ${ref}`);
    k = 'EW_ARGT_ENUM'; max = def.enums[ref].length - 1; r = index(enums, `ew_${ref}_names`);
  } else if (kind === 'flags') {
    if (!def.flags[ref]) throw new Error(`${cmd}.${a.name}: unknown flags ${ref}`);
    k = 'EW_ARGT_FLAGS'; r = index(letters, `EW_${id(ref)}_LETTERS`);
  } else {
    const t = def.types[kind];
    if (!t) throw new Error(`${cmd}.${a.name}: unknown type ${a.type}`);
    if (t.kind === 'int') {
      k = 'EW_ARGT_INT'; min = a.min ?? t.min; max = a.max ?? t.max;
      if (min < -32768 || max > 65535) throw new Error(`${cmd}.${a.name}: range ${min}..${max} does not fit ew_arg_spec_t (int16 min, uint16 max): widen it`);
    } else if (t.kind === 'bool') k = 'EW_ARGT_BOOL';
    else if (t.kind === 'bytes') { k = 'EW_ARGT_BYTES'; min = a.min_len ?? 0; max = a.max_len ?? 255; }
    else if (t.kind === 'mac') k = 'EW_ARGT_MAC';
    else if (t.kind === 'ip4') k = 'EW_ARGT_IP4';
    else throw new Error(`${cmd}.${a.name}: type ${a.type} cannot be a request argument`);
  }
  if (r > 15) throw new Error(`${cmd}.${a.name}: more than 16 enums or flag sets in arguments (ref is 4 bits)`);
  return `{ ${min}, ${max}, ${at(a.name)}, ${k}, ${flags}, ${r} },   /* ${cmd} ${a.name} */`;
}

export default function cTables(def) {
  const cmds = Object.entries(def.commands);
  const maxArgs = Math.max(...cmds.map(([, c]) => c.args.length));
  const errs = [...Object.keys(def.errors.protocol).map((n) => [n, `EW_ERR_${n}`]),
                ...Object.keys(def.errors.esp).map((n) => [n, `EW_ERR_${n}`])];
  const { at } = corePool(def);

  const h = [BANNER, '#pragma once', '#include <stdint.h>', '#include <stddef.h>', '#include "ew_protocol_gen.h"', '',
    'typedef enum { EW_ARGT_INT, EW_ARGT_BOOL, EW_ARGT_BYTES, EW_ARGT_MAC, EW_ARGT_IP4, EW_ARGT_ENUM, EW_ARGT_FLAGS } ew_arg_type_t;',
    '#define EW_ARGF_REQUIRED 0x01',
    '#define EW_ARGF_SECRET 0x02   /* never echoed, logged or returned */', '',
    'typedef struct {',
    '    int16_t min;               /* int: value bounds; bytes: unescaped length bounds; enum: 0..count-1 */',
    '    uint16_t max;',
    '    uint16_t name;             /* offset in ew_pool */',
    '    uint8_t type;              /* ew_arg_type_t */',
    '    uint8_t flags : 4;         /* EW_ARGF_* */',
    '    uint8_t ref : 4;           /* enum: index in ew_arg_enum_names; flags: index in ew_arg_letters */',
    '} ew_arg_spec_t;', '',
    'typedef struct {',
    '    uint16_t verb;             /* offset in ew_pool */',
    '    uint8_t first;             /* its arguments: ew_arg_specs[first .. first + nargs) */',
    '    uint8_t nargs;',
    '} ew_cmd_spec_t;', '',
    'extern const ew_arg_spec_t ew_arg_specs[];',
    'extern const char *const *const ew_arg_enum_names[];',
    'extern const char *const ew_arg_letters[];', '',
    'static inline const char *ew_cmd_verb(const ew_cmd_spec_t *c) { return ew_pool + c->verb; }',
    'static inline const ew_arg_spec_t *ew_cmd_arg(const ew_cmd_spec_t *c, int i) { return &ew_arg_specs[c->first + i]; }',
    'static inline const char *ew_arg_name(const ew_arg_spec_t *a) { return ew_pool + a->name; }',
    '/* enum: the value names (index min..max) */',
    'static inline const char *const *ew_arg_names(const ew_arg_spec_t *a) { return ew_arg_enum_names[a->ref]; }',
    '/* flags: letter i = bit i */',
    'static inline const char *ew_arg_flag_letters(const ew_arg_spec_t *a) { return ew_arg_letters[a->ref]; }', '',
    'typedef enum {'];
  cmds.forEach(([n], i) => h.push(`    EW_CMD_${id(n)} = ${i},`));
  h.push(`    EW_CMD__COUNT = ${cmds.length}`, '} ew_cmd_id_t;', '', `#define EW_CMD_MAX_ARGS ${maxArgs}`, '');
  for (const [n, c] of cmds) c.args.forEach((a, i) => h.push(`#define EW_ARG_${id(n)}_${id(a.name)} ${i}`));
  h.push('', 'extern const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT];', '',
    '/* Wire name of an error code ("WIFI_STATE", "BAD_ARG"), or NULL when the code is not in protocol.json. */',
    'const char *ew_err_name(ew_err_t err);',
    '/* Code of a wire error name (len bytes), or EW_OK when unknown. */',
    'ew_err_t ew_err_from_name(const char *name, size_t len);', '');

  const enums = [], letters = [], specs = [], rows = [];
  for (const [n, cmd] of cmds) {
    if (specs.length + cmd.args.length > 255) throw new Error('more than 255 arguments in all: ew_cmd_spec_t.first is a byte');
    rows.push(`    { ${at(n)}, ${specs.length}, ${cmd.args.length} },   /* ${n} */`);
    for (const a of cmd.args) specs.push(`    ${argSpec(def, n, a, at, enums, letters)}`);
  }
  for (const [n, m] of errs) if (def.errors.esp[n] !== undefined && (def.errors.esp[n] < -1 || def.errors.esp[n] > 0xfffe))
    throw new Error(`error ${n} = ${m}: the name table holds codes -1..0xfffe`);
  const c = [BANNER, '#include <string.h>', '#include "ew_commands_gen.h"', '',
    `const char *const *const ew_arg_enum_names[] = { ${enums.join(', ')} };`,
    `const char *const ew_arg_letters[] = { ${letters.join(', ') || 'NULL'} };`, '',
    'const ew_arg_spec_t ew_arg_specs[] = {', ...specs, '};', '',
    'const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT] = {', ...rows, '};', '',
    '/* code as 16 bits (ESP_FAIL, -1, as 0xffff) and name offset */',
    'static const struct { uint16_t code; uint16_t name; } err_names[] = {'];
  for (const [n, m] of errs) c.push(`    { (uint16_t)${m}, ${at(n)} },`);
  c.push('};', '',
    'const char *ew_err_name(ew_err_t err)', '{',
    '    if (err < -1 || err > 0xfffe) return NULL;',
    '    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)',
    '        if (err_names[i].code == (uint16_t)err) return ew_pool + err_names[i].name;',
    '    return NULL;', '}', '',
    'ew_err_t ew_err_from_name(const char *name, size_t len)', '{',
    '    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++) {',
    '        const char *n = ew_pool + err_names[i].name;',
    '        if (strlen(n) == len && memcmp(n, name, len) == 0) return err_names[i].code == 0xffff ? -1 : err_names[i].code;',
    '    }',
    '    return EW_OK;', '}', '');
  return [{ path: `${CORE}/include/ew_commands_gen.h`, text: h.join('\n') },
          { path: `${CORE}/ew_commands_gen.c`, text: c.join('\n') }];
}
