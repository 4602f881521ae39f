// Type-checks types.check.ts with the project's compiler settings: the typed protocol API must
// accept correct use and reject the misuse marked @ts-expect-error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

it('protocol types accept correct use and reject misuse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'espwifi-types-'));
  try {
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { noEmit: true, rootDir: ROOT, typeRoots: [join(ROOT, 'node_modules/@types')] },
      include: [],
      files: [join(ROOT, 'test/protocol/types.check.ts')],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
