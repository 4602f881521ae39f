// The host's layer rules, checked on the import graph (static imports of host/src): the error
// types every layer imports stay small, and rules/ is pure policy (no Buffer, no wire format),
// with no import cycle back into the conversion module.
import { readFileSync } from 'node:fs';
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

  it('rules/ imports only rules/, the public types, the clock and async helpers; no Buffer, no convert.ts', () => {
    for (const f of ['rules/rules.ts', 'rules/scan-coordinator.ts', 'rules/reconnect-policy.ts', 'rules/reconnect-runner.ts', 'rules/join-stage.ts']) {
      for (const dep of importsOf(f)) expect([f, dep]).toSatisfy(([, d]: string[]) => d!.startsWith('rules/') || d === 'types.ts' || d === 'async.ts' || d === 'clock.ts');
      expect(readFileSync(join(SRC, f), 'utf8')).not.toMatch(/\bBuffer\b/);
    }
  });

  it('convert.ts does not import rules/ (no convert ↔ rules cycle)', () => {
    expect([...reachable('convert.ts')].filter((f) => f.startsWith('rules/'))).toEqual([]);
  });
});
