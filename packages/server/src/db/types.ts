/**
 * The one storage interface the server uses. Two drivers implement it with
 * the SAME SQL: PGlite (PostgreSQL in WebAssembly, in-process, data in a
 * folder: the default) and a real PostgreSQL server through `pg`. Keep the SQL
 * to what both accept (PGlite is PostgreSQL 18, Debian's is 15).
 */
export interface Sql {
  /** One statement with $1… parameters; rows as objects. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (folder or URL without its password). */
  readonly where: string;
  /** Runs `fn` in one transaction: committed when it returns, rolled back (and rethrown) when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
