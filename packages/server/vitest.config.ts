import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: PGlite and a fresh PostgreSQL cluster on a loaded 2-core machine. Tests wait on state, never on time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
