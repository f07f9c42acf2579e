import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/index.js';

export interface Driver {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated database. */
  open(): Promise<Database>;
  skipped?: string;
}

const postgres = inject('postgres');

/** A new database in the shared test cluster (CREATE DATABASE), so files and tests do not see each other's data. */
async function freshPostgres(url: string): Promise<Database> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openDatabase(url.replace(/\/postgres$/, `/${name}`));
}

export const DRIVERS: Driver[] = [
  { name: 'pglite', open: () => openDatabase('memory:') },
  'url' in postgres
    ? { name: 'postgres', open: () => freshPostgres(postgres.url) }
    : { name: 'postgres', open: () => Promise.reject(new Error(postgres.skipped)), skipped: postgres.skipped },
];
