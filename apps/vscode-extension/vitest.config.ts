import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { vscode: fileURLToPath(new URL('./test/unit/vscode-mock.ts', import.meta.url)) } },
  // Generous: CI machines have 2 cores and turbo runs packages' tests side by side. No test asserts a duration.
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
