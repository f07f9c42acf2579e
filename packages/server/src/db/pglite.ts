import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './types.js';

/** The embedded default: PGlite with its data in `folder` (created when missing), or in memory when null. */
export async function openPglite(folder: string | null): Promise<Database> {
  if (folder) await mkdir(folder, { recursive: true });
  const db = await PGlite.create(folder ? { dataDir: folder } : {});
  const wrap = (q: { query: PGlite['query'] }): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await q.query<T>(text, params as unknown[])).rows;
    },
  });
  return {
    kind: 'pglite',
    where: folder ?? '(memory)',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async exec(text) {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
