import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'happy-dom',
    // Generous: CI machines have 2 cores and turbo runs packages' tests side by side. No test asserts a duration.
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
