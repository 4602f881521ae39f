#!/usr/bin/env node
// Launcher for the compiled CLI (tsc compiles host/src to dist/host/src: `npm run build:ts`).
// A reader that closes early (`espwifi scan | head -1`) is not an error: stop quietly, as other CLIs do.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});
try {
  const { run } = await import('../dist/host/src/cli/main.js');
  run();
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/dist/')) {
    process.stderr.write('espwifi: the CLI is not built (or only partly): run `npm run build` in the espwifi directory\n');
    process.exit(1);
  }
  throw err;
}
