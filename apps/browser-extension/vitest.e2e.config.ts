import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension (pnpm build:e2e) in real Chromium and Firefox. One file at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Every wait is on a condition; the default poll limit (1 s) is too short for a loaded 2-core CI machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    reporters: ['default'],
  },
});
