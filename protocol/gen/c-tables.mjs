// Generates the core's command table from protocol/protocol.json: every command with its
// argument specs (type, range, lengths, required, secret, enum names / flag letters), argument
// index constants (EW_ARG_SCAN_CH, ...) and the error code <-> name table. The core validates
// every request generically from this table, so a new argument in protocol.json is validated
// without touching C code.
const CORE = 'firmware/components/espwifi_core';
const BANNER = '/* GENERATED from protocol/protocol.json by protocol/gen/c-tables.mjs — do not edit. */\n';
const id = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

function argSpec(def, cmd, a) {
  const [kind, ref] = a.type.split(':');
  const flags = [a.required ? 'EW_ARGF_REQUIRED' : null, a.secret ? 'EW_ARGF_SECRET' : null].filter(Boolean).join(' | ') || '0';
  let k, min = 0, max = 0, minLen = 0, maxLen = 0, names = 'NULL', letters = 'NULL';
  if (kind === 'enum') {
    if (!def.enums[ref]) throw new Error(`${cmd}.${a.name}: unknown enum ${ref}`);
    k = 'EW_ARGT_ENUM'; max = def.enums[ref].length - 1; names = `ew_${ref}_names`;
  } else if (kind === 'flags') {
    if (!def.flags[ref]) throw new Error(`${cmd}.${a.name}: unknown flags ${ref}`);
    k = 'EW_ARGT_FLAGS'; letters = `EW_${id(ref)}_LETTERS`;
  } else {
    const t = def.types[kind];
    if (!t) throw new Error(`${cmd}.${a.name}: unknown type ${a.type}`);
    if (t.kind === 'int') {
      k = 'EW_ARGT_INT'; min = a.min ?? t.min; max = a.max ?? t.max;
      if (min < -2147483648 || max > 2147483647) throw new Error(`${cmd}.${a.name}: range does not fit int32`);
    } else if (t.kind === 'bool') k = 'EW_ARGT_BOOL';
    else if (t.kind === 'bytes') { k = 'EW_ARGT_BYTES'; minLen = a.min_len ?? 0; maxLen = a.max_len ?? 255; }
    else if (t.kind === 'mac') k = 'EW_ARGT_MAC';
    else if (t.kind === 'ip4') k = 'EW_ARGT_IP4';
    else throw new Error(`${cmd}.${a.name}: type ${a.type} cannot be a request argument`);
  }
  const lit = (v) => (v === -2147483648 ? '(-2147483647 - 1)' : String(v));
  return `{ "${a.name}", ${k}, ${flags}, ${minLen}, ${maxLen}, ${lit(min)}, ${lit(max)}, ${names}, ${letters} }`;
}

export default function cTables(def) {
  const cmds = Object.entries(def.commands);
  const maxArgs = Math.max(...cmds.map(([, c]) => c.args.length));
  const errs = [...Object.keys(def.errors.protocol).map((n) => [n, `EW_ERR_${n}`]),
                ...Object.keys(def.errors.esp).map((n) => [n, `EW_ERR_${n}`])];

  const h = [BANNER, '#pragma once', '#include <stdint.h>', '#include <stddef.h>', '#include "ew_protocol_gen.h"', '',
    'typedef enum { EW_ARGT_INT, EW_ARGT_BOOL, EW_ARGT_BYTES, EW_ARGT_MAC, EW_ARGT_IP4, EW_ARGT_ENUM, EW_ARGT_FLAGS } ew_arg_type_t;',
    '#define EW_ARGF_REQUIRED 0x01',
    '#define EW_ARGF_SECRET 0x02   /* never echoed, logged or returned */', '',
    'typedef struct {',
    '    const char *name;',
    '    uint8_t type;              /* ew_arg_type_t */',
    '    uint8_t flags;             /* EW_ARGF_* */',
    '    uint8_t min_len, max_len;  /* bytes: unescaped length bounds */',
    '    int32_t min, max;          /* int: value bounds; enum: 0..count-1 */',
    '    const char *const *names;  /* enum: value names */',
    '    const char *letters;       /* flags: letter i = bit i */',
    '} ew_arg_spec_t;', '',
    'typedef struct {', '    const char *verb;', '    const ew_arg_spec_t *args;', '    uint8_t nargs;', '} ew_cmd_spec_t;', '',
    'typedef enum {'];
  cmds.forEach(([n], i) => h.push(`    EW_CMD_${id(n)} = ${i},`));
  h.push(`    EW_CMD__COUNT = ${cmds.length}`, '} ew_cmd_id_t;', '', `#define EW_CMD_MAX_ARGS ${maxArgs}`, '');
  for (const [n, c] of cmds) c.args.forEach((a, i) => h.push(`#define EW_ARG_${id(n)}_${id(a.name)} ${i}`));
  h.push('', 'extern const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT];', '',
    '/* Wire name of an error code ("WIFI_STATE", "BAD_ARG"), or NULL when the code is not in protocol.json. */',
    'const char *ew_err_name(ew_err_t err);',
    '/* Code of a wire error name (len bytes), or EW_OK when unknown. */',
    'ew_err_t ew_err_from_name(const char *name, size_t len);', '');

  const c = [BANNER, '#include <string.h>', '#include "ew_commands_gen.h"', ''];
  for (const [n, cmd] of cmds) {
    if (!cmd.args.length) continue;
    c.push(`static const ew_arg_spec_t args_${n}[${cmd.args.length}] = {`);
    for (const a of cmd.args) c.push(`    ${argSpec(def, n, a)},`);
    c.push('};');
  }
  c.push('', 'const ew_cmd_spec_t ew_cmd_specs[EW_CMD__COUNT] = {');
  for (const [n, cmd] of cmds) c.push(`    { "${n}", ${cmd.args.length ? `args_${n}` : 'NULL'}, ${cmd.args.length} },`);
  c.push('};', '', 'static const struct { ew_err_t code; const char *name; } err_names[] = {');
  for (const [n, m] of errs) c.push(`    { ${m}, "${n}" },`);
  c.push('};', '',
    'const char *ew_err_name(ew_err_t err)', '{',
    '    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)',
    '        if (err_names[i].code == err) return err_names[i].name;',
    '    return NULL;', '}', '',
    'ew_err_t ew_err_from_name(const char *name, size_t len)', '{',
    '    for (size_t i = 0; i < sizeof err_names / sizeof err_names[0]; i++)',
    '        if (strlen(err_names[i].name) == len && memcmp(err_names[i].name, name, len) == 0) return err_names[i].code;',
    '    return EW_OK;', '}', '');
  return [{ path: `${CORE}/include/ew_commands_gen.h`, text: h.join('\n') },
          { path: `${CORE}/ew_commands_gen.c`, text: c.join('\n') }];
}
