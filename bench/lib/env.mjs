// Where things are, and loading the built library (dist/) with a clear skip reason when it is
// missing. The bench runs the compiled JS only, so it measures what users run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Skip } from './result.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist', 'host', 'src');
export const SIM_BIN = process.env.ESPWIFI_SIM_BIN ?? join(ROOT, 'firmware', 'sim', 'build', 'espwifi-sim');

const cache = new Map();

/** Imports dist/host/src/<rel>.js or throws Skip naming the build command. */
export async function loadDist(rel) {
  const hit = cache.get(rel);
  if (hit) return hit;
  const file = join(DIST, `${rel}.js`);
  if (!existsSync(file)) throw new Skip(`dist/host/src/${rel}.js missing — run \`npm run build:ts\``);
  const mod = import(pathToFileURL(file).href).catch((e) => {
    throw new Skip(`cannot load dist/host/src/${rel}.js (${e.message.split('\n')[0]}) — rebuild with \`npm run build:ts\``);
  });
  cache.set(rel, mod);
  return mod;
}

export function requireSim() {
  if (!existsSync(SIM_BIN)) throw new Skip('virtual board not built — run `npm run build:sim`');
}

function newestMtime(dir, ext) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestMtime(p, ext));
    else if (e.name.endsWith(ext)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** A warning when host/src has changed since dist/ was built (the bench would measure old code). */
export function staleDistWarning() {
  const idx = join(DIST, 'index.js');
  if (!existsSync(idx)) return 'dist/ not built: library metrics will be skipped (run `npm run build:ts`)';
  const src = newestMtime(join(ROOT, 'host', 'src'), '.ts');
  const built = newestMtime(DIST, '.js');
  return src > built ? 'host/src is newer than dist/: run `npm run build:ts` to measure the current code' : undefined;
}

/** Core sources with logic in them (the generated tables alone are not the core). */
export function coreSources() {
  const dir = join(ROOT, 'firmware', 'components', 'espwifi_core');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.c')).map((f) => join(dir, f));
}
