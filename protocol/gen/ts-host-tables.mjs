// Generates host/src/protocol/host-tables.gen.ts from protocol/protocol.json: the tables the host
// and the CLI look up by name instead of copying by hand —
//   ARG_CHOICES          per command, per enum argument: the names a user picks from (the
//                        argument's "choices", else every name of its enum), for CLI options
//   COMMAND_TIMEOUT_MS   the commands that answer after the work is done ("timeout_ms")
//   ARG_TIMEOUT_MS       arguments that make a command wait longer when set (scan block=1)
//   REASON_ALIASES       other spellings of reason names ("aliases" of each reason)
const BANNER = '// GENERATED from protocol/protocol.json by protocol/gen/ts-host-tables.mjs — do not edit.\n';
const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
const list = (xs) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

export default function tsHostTables(def) {
  const out = [BANNER];
  out.push('/** Per command, per enum argument: the names a user picks from. */', 'export const ARG_CHOICES = {');
  for (const [name, c] of Object.entries(def.commands)) {
    const enums = c.args.filter((a) => a.type.startsWith('enum:'));
    if (!enums.length) continue;
    out.push(`  ${key(name)}: {`);
    for (const a of enums) {
      const values = def.enums[a.type.slice(5)];
      for (const v of a.choices ?? []) if (!values.includes(v)) throw new Error(`${name}.${a.name}: choice ${v} is not in enum ${a.type}`);
      out.push(`    ${key(a.name)}: ${list(a.choices ?? values)},`);
    }
    out.push('  },');
  }
  out.push('} as const;', '');
  out.push('/** Commands that answer only after the work is done, with the time the host waits for them (ms). */', 'export const COMMAND_TIMEOUT_MS: Readonly<Record<string, number>> = {');
  for (const [name, c] of Object.entries(def.commands)) if (c.timeout_ms) out.push(`  ${key(name)}: ${c.timeout_ms},`);
  out.push('};', '');
  out.push('/** Arguments that, when set (true or 1), make the command wait this long (ms). */', 'export const ARG_TIMEOUT_MS: Readonly<Record<string, Readonly<Record<string, number>>>> = {');
  for (const [name, c] of Object.entries(def.commands)) {
    const timed = c.args.filter((a) => a.timeout_ms);
    if (timed.length) out.push(`  ${key(name)}: { ${timed.map((a) => `${key(a.name)}: ${a.timeout_ms}`).join(', ')} },`);
  }
  out.push('};', '');
  out.push('/** Other spellings of reason names, to the code they mean. */', 'export const REASON_ALIASES: Readonly<Record<string, number>> = {');
  for (const r of def.reasons) for (const a of r.aliases ?? []) out.push(`  ${key(a)}: ${r.code},`);
  out.push('};', '');
  return [{ path: 'host/src/protocol/host-tables.gen.ts', text: out.join('\n') }];
}
