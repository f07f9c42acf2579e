import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/index.js';

export interface Driver {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated database. */
  open(): Promise<Database>;
  /** Where a fresh database is (a PGlite folder or a postgres:// URL), for openDatabase or a child process. */
  spec(): Promise<string>;
  skipped?: string;
}

const postgres = inject('postgres');

/** A new database in the shared test cluster (CREATE DATABASE), so files and tests do not see each other's data. */
async function freshPostgres(url: string): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/postgres$/, `/${name}`);
}

export const DRIVERS: Driver[] = [
  { name: 'pglite', open: () => openDatabase('memory:'), spec: async () => join(mkdtempSync(join(tmpdir(), 'jianbao-test-')), 'archive.pglite') },
  'url' in postgres
    ? { name: 'postgres', open: async () => openDatabase(await freshPostgres(postgres.url)), spec: () => freshPostgres(postgres.url) }
    : { name: 'postgres', open: () => Promise.reject(new Error(postgres.skipped)), spec: () => Promise.reject(new Error(postgres.skipped)), skipped: postgres.skipped },
];
