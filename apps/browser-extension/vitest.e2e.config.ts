import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension (pnpm build:e2e) in real Chromium and Firefox. One file at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    // Every wait is on a condition, with one generous limit for a loaded 2-core CI machine (tests do not set their own).
    expect: { poll: { timeout: 150_000, interval: 100 } },
    // A failing test prints what its pages showed (screenshot path and visible text).
    setupFiles: ['e2e/on-failure.ts'],
    reporters: ['default'],
  },
});
