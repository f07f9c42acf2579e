import pg from 'pg';
import type { Database, Sql } from './types.js';

// int8 (count(*), sums) as numbers: the values here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** A real PostgreSQL server: a small pool of connections to `url` (postgres://…). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 8 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const client = await pool.connect().catch((error: Error) => {
    void pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${error.message.split('\n')[0]}`);
  });
  client.release();
  const wrap = (q: { query: pg.Pool['query'] }): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await q.query(text, params as unknown[])).rows as T[];
    },
  });
  return {
    kind: 'postgres',
    where: redact(url),
    ...wrap(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c as unknown as pg.Pool));
        await c.query('COMMIT');
        return out;
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
