import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension (pnpm build:e2e) in real Chromium and Firefox. One file at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
