// Test helpers written in C (test/support/*.c), compiled on first use with the C compiler the
// README promises, once per test process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const built = new Map<string, string>();

/** Builds test/support/<source> into <out> (cached) with `flags` before the source and `libs` after. */
export function buildCHelper(source: string, out: string, flags: string[] = [], libs: string[] = []): string {
  const cached = built.get(out);
  if (cached) return cached;
  const dest = path.join(mkdtempSync(path.join(tmpdir(), 'espwifi-helper-')), out);
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), source);
  const r = spawnSync(process.env.CC || 'cc', [...flags, '-Wall', '-o', dest, src, ...libs], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot build ${out}: ${r.stderr || r.error?.message}`);
  built.set(out, dest);
  return dest;
}
