import { defineConfig } from 'vitest/config';

// Integration tests start virtual boards (child processes on pseudo-terminals); keep the pool
// small on 2-core machines so pacing-sensitive tests are not starved.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
