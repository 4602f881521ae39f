// The host's layer rules, checked on the import graph (static imports of host/src): the error
// types every layer imports stay small, rules/ is pure policy (no Buffer, no wire format) with no
// import cycle back into the conversion modules, and device fields become public types in
// convert/ alone.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../host/src');

/** Relative static imports of one module that load at run time, as paths under host/src
 *  (`import type` is erased by the compiler, so it loads nothing). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b(?!\s+type\b)[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    out.push(relative(SRC, resolve(dirname(join(SRC, file)), m[1]!.replace(/\.js$/, '.ts'))));
  }
  return out;
}

/** Every relative import of a module, `import type` included: what it depends on at compile time. */
function typeImportsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) => relative(SRC, resolve(dirname(join(SRC, file)), m[1]!.replace(/\.js$/, '.ts'))));
}

/** Every .ts module under host/src, as paths relative to it. */
function allModules(dir = ''): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((d) => {
    const p = dir ? `${dir}/${d.name}` : d.name;
    return d.isDirectory() ? allModules(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** A module's code without its comments (a comment may name a wire verb; code may not). */
function code(file: string): string {
  return readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

const PROTOCOL = JSON.parse(readFileSync(resolve(__dirname, '../../protocol/protocol.json'), 'utf8')) as { commands: object; events: object; fields: object };
const RULES = allModules('rules');

function reachable(from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...importsOf(f));
  }
  return seen;
}

describe('host layers', () => {
  it('errors.ts reaches no protocol definition table (only the generated error names)', () => {
    const r = reachable('errors.ts');
    expect([...r].sort()).toEqual(['errors.ts', 'protocol/errors.gen.ts']);
  });

  it('rules/ imports only rules/, the public types, the clock and async helpers; no Buffer, no convert/', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(5);
    for (const f of RULES) {
      for (const dep of importsOf(f)) expect([f, dep]).toSatisfy(([, d]: string[]) => d!.startsWith('rules/') || d === 'types.ts' || d === 'async.ts' || d === 'clock.ts');
      expect(readFileSync(join(SRC, f), 'utf8')).not.toMatch(/\bBuffer\b/);
    }
  });

  it('rules/ code names no wire-only verb or field (scan_done, ap_records, scan_id, last_reason, ...)', () => {
    // snake_case names exist only on the wire; the public types and events spell them in camelCase.
    const wire = [...Object.keys(PROTOCOL.commands), ...Object.keys(PROTOCOL.events), ...Object.keys(PROTOCOL.fields)].filter((k) => k.includes('_'));
    expect(wire).toEqual(expect.arrayContaining(['scan_done', 'ap_records', 'scan_id', 'last_reason']));
    const pattern = new RegExp(`\\b(?:${wire.join('|')})\\b`);
    for (const f of RULES) expect([f, code(f).match(pattern)?.[0]]).toEqual([f, undefined]);
  });

  it('convert/ does not import rules/ (no convert ↔ rules cycle)', () => {
    for (const f of allModules('convert')) expect([f, [...reachable(f)].filter((d) => d.startsWith('rules/'))]).toEqual([f, []]);
  });

  it('only the client (which decodes) and convert/ (which converts) see the generated field decoders', () => {
    const generated = new Set(['protocol/events.gen.ts', 'protocol/replies.gen.ts']);
    const users = allModules().filter((f) => !f.startsWith('protocol/') && typeImportsOf(f).some((d) => generated.has(d)));
    expect(users.filter((f) => !f.startsWith('convert/')).sort()).toEqual(['client.ts']);
    expect(users.filter((f) => f.startsWith('convert/')).length).toBeGreaterThan(0);
  });
});
