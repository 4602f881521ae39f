import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run hil`: the station acceptance suite. Targets come from the environment (hil/targets.ts);
// they run concurrently inside one worker, each with its own log in hil/out/<board>.log.
// A run in which no test ran exits 1 (hil/nothing-ran.ts).
// hil/out/junit.xml (or $ESPWIFI_HIL_OUT/junit.xml) is for CI dashboards, as pytest-embedded users get from pytest --junitxml.
export default defineConfig({
  test: {
    include: ['hil/**/*.hil.test.ts'],
    globalSetup: ['hil/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    maxConcurrency: 16,
    reporters: ['default', './hil/nothing-ran.ts', ['junit', { outputFile: join(process.env.ESPWIFI_HIL_OUT ?? 'hil/out', 'junit.xml'), suiteName: 'espwifi-hil' }]],
  },
});
