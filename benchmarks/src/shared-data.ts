import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * ../shared beside the repo holds evaluation data (never shipped or committed).
 * Suites that need it call `sharedPath` and skip cleanly when it returns null.
 * JIANBAO_SHARED overrides the location.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.JIANBAO_SHARED ?? join(repoRoot, '../shared');
export const REPO_ROOT = repoRoot;

export function sharedPath(...parts: string[]): string | null {
  const path = join(SHARED_DIR, ...parts);
  return existsSync(path) ? path : null;
}
