// Builds native/build/modem-lines (see modem-lines.c for why) at install time, for this checkout
// and for anyone installing espwifi from the registry (postinstall runs there too). A missing C
// compiler is not fatal: the library works without the helper except on USB adapters that refuse
// the binding's break ioctl, and it then says so and how to build it (npm rebuild espwifi).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.platform === 'win32') process.exit(0); // Windows sets DTR/RTS without a break ioctl

const out = path.join(here, 'build', 'modem-lines');
mkdirSync(path.dirname(out), { recursive: true });
const cc = process.env.CC || 'cc';
const r = spawnSync(cc, ['-O2', '-Wall', '-Wextra', '-o', out, path.join(here, 'modem-lines.c')], { stdio: 'inherit' });
if (r.status !== 0) {
  console.warn(
    `espwifi: could not build native/build/modem-lines with ${cc} (${r.error?.message ?? `exit ${r.status}`}); ` +
      'DTR/RTS reset will not work on USB adapters without break support (CH343/CH347) until it is built: ' +
      'install a C compiler, then run npm rebuild espwifi',
  );
}
