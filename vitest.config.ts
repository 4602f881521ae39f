import { defineConfig } from 'vitest/config';

// Most of the suite's time is spent waiting (virtual boards, CLI processes), not computing: on a
// 2-core machine 6 workers finish in half the time 2 take (4: ~60 %). Tests wait for events and virtual
// time, never for a wall-clock margin (test/README.md), so more parallel work does not make them
// fail; bench/ holds the timing goals.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 6,
  },
});
