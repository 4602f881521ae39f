// Generates the virtual board's control channel from its definition, firmware/sim/control.json
// (a sibling of protocol.json: the channel is the sim's, not the serial protocol):
//   firmware/sim/sim_ctl_gen.{h,c}   action ids, and per action its arguments (name, integer range,
//                                    required) that sim_ctl.c dispatches and validates with
//   host/src/sim/control.gen.ts      action names, argument names per action, reply fields
//   firmware/sim/README.md           the action table (between <!-- gen:control-actions --> marks)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const C_BANNER = '/* GENERATED from firmware/sim/control.json by protocol/gen/sim-control.mjs — do not edit. */\n';
const TS_BANNER = '// GENERATED from firmware/sim/control.json by protocol/gen/sim-control.mjs — do not edit.\n';
const id = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');
const SELECTOR = [{ name: 'ssid', type: 'bytes', max_len: 32 }, { name: 'ssid_hex', type: 'hex', max_len: 64 }, { name: 'bssid', type: 'mac' }];

/** The actions with their full argument lists (selector arguments added), checked against protocol.json. */
export function controlActions(def, ctl) {
  return Object.entries(ctl.actions).map(([name, a]) => {
    const args = [...(a.selector ? SELECTOR : []), ...a.args];
    for (const g of args) {
      const [kind, ref] = g.type.split(':');
      if (kind === 'enum' && !def.enums[ref]) throw new Error(`control ${name}.${g.name}: unknown enum ${ref}`);
      if (kind === 'flags' && !def.flags[ref]) throw new Error(`control ${name}.${g.name}: unknown flags ${ref}`);
      if (!['int', 'number', 'bytes', 'hex', 'text', 'mac', 'ip4', 'enum', 'names', 'flags'].includes(kind)) throw new Error(`control ${name}.${g.name}: unknown type ${g.type}`);
      if (kind === 'int' && (g.min === undefined || g.max === undefined)) throw new Error(`control ${name}.${g.name}: an int needs min and max`);
    }
    return { name, ...a, args };
  });
}

function cFiles(actions) {
  const h = [C_BANNER, '#pragma once', '#include <stdbool.h>', '#include <stdint.h>', '',
    'typedef struct {', '    const char *name;', '    bool is_int;      /* an integer in min..max (a number: in (min, max]) */', '    bool required;',
    '    long min, max;', '} sim_ctl_arg_t;', '',
    'typedef struct {', '    const char *name;', '    const sim_ctl_arg_t *args;', '    uint8_t nargs;', '} sim_ctl_spec_t;', '',
    'typedef enum {'];
  actions.forEach((a, i) => h.push(`    SIM_CTL_${id(a.name)} = ${i},`));
  h.push(`    SIM_CTL__COUNT = ${actions.length}`, '} sim_ctl_action_t;', '',
    'extern const sim_ctl_spec_t sim_ctl_specs[SIM_CTL__COUNT];',
    '/* The action named verb, or -1. */', 'int sim_ctl_find(const char *verb);',
    '/* The argument key of action a, or NULL when the action has none by that name. */',
    'const sim_ctl_arg_t *sim_ctl_arg(int a, const char *key);', '');
  const c = [C_BANNER, '#include <string.h>', '#include "sim_ctl_gen.h"', ''];
  for (const a of actions) {
    if (!a.args.length) continue;
    c.push(`static const sim_ctl_arg_t args_${a.name}[${a.args.length}] = {`);
    for (const g of a.args) {
      const ranged = g.type === 'int' || g.type === 'number';
      c.push(`    { "${g.name}", ${g.type === 'int'}, ${!!g.required}, ${ranged ? g.min : 0}, ${ranged ? g.max : 0} },`);
    }
    c.push('};');
  }
  c.push('', 'const sim_ctl_spec_t sim_ctl_specs[SIM_CTL__COUNT] = {');
  for (const a of actions) c.push(`    { "${a.name}", ${a.args.length ? `args_${a.name}` : 'NULL'}, ${a.args.length} },`);
  c.push('};', '',
    'int sim_ctl_find(const char *verb)', '{',
    '    for (int i = 0; i < SIM_CTL__COUNT; i++)', '        if (strcmp(sim_ctl_specs[i].name, verb) == 0) return i;', '    return -1;', '}', '',
    'const sim_ctl_arg_t *sim_ctl_arg(int a, const char *key)', '{',
    '    if (a < 0 || a >= SIM_CTL__COUNT || !key) return NULL;',
    '    for (int i = 0; i < sim_ctl_specs[a].nargs; i++)',
    '        if (strcmp(sim_ctl_specs[a].args[i].name, key) == 0) return &sim_ctl_specs[a].args[i];', '    return NULL;', '}', '');
  return [{ path: 'firmware/sim/sim_ctl_gen.h', text: h.join('\n') }, { path: 'firmware/sim/sim_ctl_gen.c', text: c.join('\n') }];
}

function tsFile(actions) {
  const out = [TS_BANNER,
    '/** One argument of a control action (firmware/sim/control.json). */',
    'export interface ControlArgSpec {', '  name: string;', '  type: string;', '  required?: boolean;', '  min?: number;', '  max?: number;', '  values?: readonly string[];', '}', '',
    '/** Every control action with its arguments and reply fields. */',
    `export const CONTROL_ACTIONS = ${JSON.stringify(Object.fromEntries(actions.map((a) => [a.name, {
      args: a.args.map((g) => Object.fromEntries(Object.entries({ name: g.name, type: g.type, required: g.required, min: g.min, max: g.max, values: g.values }).filter(([, v]) => v !== undefined))),
      reply: a.reply,
    }])), null, 2)} as const;`, '',
    'export type ControlAction = keyof typeof CONTROL_ACTIONS;',
    '/** The argument names of action A. */',
    "export type ControlArgName<A extends ControlAction> = (typeof CONTROL_ACTIONS)[A]['args'][number]['name'];", '',
    'export function isControlAction(action: string): action is ControlAction {',
    '  return Object.prototype.hasOwnProperty.call(CONTROL_ACTIONS, action);', '}', ''];
  return [{ path: 'host/src/sim/control.gen.ts', text: out.join('\n') }];
}

function argDoc(g) {
  const [kind] = g.type.split(':');
  let s = `\`${g.name}=\``;
  const bits = [];
  if (kind === 'int' || kind === 'number') bits.push(`${g.min}..${g.max}`);
  else if (kind === 'names') bits.push(g.values.join(' \\| '));
  else if (kind === 'bytes' || kind === 'text' || kind === 'hex') bits.push(`${kind}${g.max_len ? `, ≤ ${g.max_len}` : ''}`);
  else bits.push(g.type);
  if (g.required) bits.push('required');
  if (g.default !== undefined) bits.push(`default ${g.default}`);
  if (g.doc) bits.push(g.doc);
  return `${s} (${bits.join('; ')})`;
}

function readmeFile(actions, ctl) {
  const path = 'firmware/sim/README.md';
  const cur = readFileSync(join(root, path), 'utf8');
  const rows = ['| action | arguments | effect | reply |', '|---|---|---|---|'];
  for (const a of actions) {
    const own = a.selector ? a.args.slice(SELECTOR.length) : a.args;
    const args = [a.selector ? `selector: ${ctl.selector}` : '', ...own.map(argDoc)].filter(Boolean).join(', ');
    rows.push(`| \`${a.name}\` | ${args.replace(/\n/g, ' ')} | ${a.doc.replace(/\|/g, '\\|')} | ${a.reply.map((r) => `\`${r}\``).join(' ')} |`);
  }
  const block = `<!-- gen:control-actions -->\n${rows.join('\n')}\n<!-- /gen -->`;
  const re = /<!-- gen:control-actions -->\n[\s\S]*?<!-- \/gen -->/;
  if (!re.test(cur)) throw new Error(`${path}: no <!-- gen:control-actions --> block`);
  return [{ path, text: cur.replace(re, block) }];
}

export default function simControl(def) {
  // A tree without the simulator (the protocol alone, as the generator's own tests copy it) has nothing to generate.
  if (!existsSync(join(root, 'firmware/sim/control.json'))) return [];
  const ctl = JSON.parse(readFileSync(join(root, 'firmware/sim/control.json'), 'utf8'));
  const actions = controlActions(def, ctl);
  return [...cFiles(actions), ...tsFile(actions), ...readmeFile(actions, ctl)];
}
