import type { Database } from './types.js';

/**
 * The schema, in numbered steps applied once each, in order, in one
 * transaction per step (a failed step leaves the previous version intact).
 * Never edit a step that has shipped: add the next one.
 *
 * Layout (and why): one row per article (its contract JSON, keyed by id, in
 * archive order `seq` — the document numbers of the search postings); one row
 * per analyser term holding its postings in core's own encoding (per field:
 * document counts, then delta-encoded documents and term frequencies), so a
 * query reads one index entry per term and core ranks exactly as it does
 * locally; the lexicon as rows (terms, each person's title history) and the
 * lexicon and matcher sections as served to clients, by revision.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE archive (
        id integer PRIMARY KEY CHECK (id = 1),
        name text NOT NULL,
        revision integer NOT NULL,
        analyzer text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO archive (id, name, revision) VALUES (1, 'archive', 0);
      CREATE TABLE articles (
        id text PRIMARY KEY,
        seq integer NOT NULL UNIQUE,
        date text,
        paper text,
        kind text NOT NULL,
        hash text NOT NULL,
        revision integer NOT NULL,
        doc jsonb NOT NULL
      );
      CREATE INDEX articles_date ON articles (date);
      CREATE TABLE postings (
        term text PRIMARY KEY,
        data bytea NOT NULL
      );
      CREATE TABLE sections (
        name text PRIMARY KEY,
        revision integer NOT NULL,
        etag text NOT NULL,
        body text NOT NULL
      );
      CREATE TABLE terms (
        id text PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        aliases text[] NOT NULL,
        mention_count integer NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX terms_kind_name ON terms (kind, name);
      CREATE TABLE term_roles (
        term_id text NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
        n integer NOT NULL,
        title text NOT NULL,
        article_id text NOT NULL,
        date text,
        PRIMARY KEY (term_id, n)
      );
      CREATE TABLE revisions (
        revision integer PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        added integer NOT NULL,
        changed integer NOT NULL,
        total integer NOT NULL
      );
      CREATE TABLE tokens (
        id text PRIMARY KEY,
        hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('read', 'ingest', 'admin')),
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `,
  },
  {
    // A content hash per term, so an ingest rewrites only the terms whose entry changed.
    version: 2,
    sql: `ALTER TABLE terms ADD COLUMN hash text NOT NULL DEFAULT ''`,
  },
  {
    // Postings rows per document block (search/postings.ts POSTINGS_BLOCK): an ingest rewrites the rows of the
    // blocks it touches, not every touched term's whole list. Rows from before hold any documents: block -1.
    version: 3,
    sql: `
      ALTER TABLE postings ADD COLUMN block integer NOT NULL DEFAULT -1;
      ALTER TABLE postings ALTER COLUMN block DROP DEFAULT;
      ALTER TABLE postings DROP CONSTRAINT postings_pkey;
      ALTER TABLE postings ADD PRIMARY KEY (term, block)
    `,
  },
  {
    // What each article gives the lexicon (core's ArticleEvidence, JSON), by archive order: an ingest updates the
    // lexicon from these and the day's articles instead of analysing every article (lexicon-store.ts).
    // Filled by the next ingest (a full build once); a distributed layout keeps it beside the articles.
    version: 4,
    sql: `CREATE TABLE lexicon_evidence (seq integer PRIMARY KEY, data text NOT NULL)`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies the steps the database has not had; refuses a database from a newer Jianbao. */
export async function migrate(db: Database): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  let applied = 0;
  for (const step of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // One migrating process at a time (two servers starting together on one PostgreSQL).
      await tx.query('SELECT pg_advisory_xact_lock(727175)');
      const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [step.version]);
      if (rows.length) return false;
      for (const statement of splitStatements(step.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [step.version]);
      return true;
    });
    if (done) applied++;
  }
  const [newest] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  if ((newest?.v ?? 0) > SCHEMA_VERSION) {
    throw new Error(`the database ${db.where} has schema version ${newest!.v}, newer than this jianbao's ${SCHEMA_VERSION}: upgrade jianbao`);
  }
  return applied;
}

/** The steps hold no semicolons inside literals or bodies, so a split on ";" is exact. */
function splitStatements(sql: string): string[] {
  return sql.split(';').map((s) => s.trim()).filter(Boolean);
}
