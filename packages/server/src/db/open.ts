import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from './types.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { migrate } from './migrations.js';

/** Where `--db` points when it is not given: a PGlite folder in the user's data directory. */
export function defaultDbFolder(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'jianbao', 'archive.pglite');
}

/**
 * Opens the archive database named by `--db`: a postgres:// or postgresql://
 * URL is a PostgreSQL server; anything else is a PGlite folder (`memory:` for
 * a throwaway one). Brings the schema up to date.
 */
export async function openDatabase(spec: string | undefined, options: { migrate?: boolean } = {}): Promise<Database> {
  const target = spec ?? defaultDbFolder();
  const db = /^postgres(ql)?:\/\//i.test(target)
    ? await openPostgres(target)
    : await openPglite(target === 'memory:' ? null : resolve(target));
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  return db;
}
