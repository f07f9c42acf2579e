import { createHash } from 'node:crypto';
import {
  buildMatcherSection, buildSearchIndex, lexiconSection, matcherEntries, parseLexiconEdits, searchTermsOf, toContractArticle, withReadingTables,
  type Article, type SearchSection, type Term,
} from '@jianbao/core';
import type { Database, Sql } from './db/types.js';
import { indexFromSkeleton, skeletonOf } from './search/skeleton.js';
import { updatePostingsIncrementally } from './search/incremental.js';
import { docsHolding } from './search/holding.js';
import { updateStoredLexicon } from './lexicon-store.js';
import { AnalysisPool } from './analysis/pool.js';

/** The analyser core indexes with now: stored postings made by another one are rebuilt. */
const EMPTY_SKELETON = skeletonOf(buildSearchIndex([]));
const CURRENT_ANALYZER = EMPTY_SKELETON.analyzer;

export interface IngestOptions {
  /** Archive name (kept from before when omitted). */
  name?: string;
  /** Lexicon edits (terms.txt text): stored, and applied to this and later rebuilds. */
  edits?: string;
  onProgress?: (message: string) => void;
  /** Re-index every article instead of updating the postings of the affected ones. */
  rebuild?: boolean;
  /** The database server's CPU seconds so far (benchmarks: PostgreSQL's processes), to report its CPU per phase too. */
  dbCpu?: () => number;
  /**
   * Worker threads for the analysis: by default, for a large ingest only (a first ingest or rebuild of BULK
   * articles or more, or that many new ones), as many as the cores, at most 2. A number asks for that many for
   * any ingest; 0 keeps the analysis in this thread.
   */
  workers?: number;
}

/** From this many articles to analyse, worker threads pay for their start (about 0.3 s each). */
const BULK = 2000;

export interface IngestResult {
  /** The archive revision after the ingest (unchanged when nothing was new). */
  revision: number;
  added: number;
  changed: number;
  unchanged: number;
  total: number;
  /** Milliseconds per phase (wall). */
  timings: Record<string, number>;
  /** This process's CPU milliseconds per phase (user + system): on a shared machine, what the work costs. */
  cpu: Record<string, number>;
  /** The database server's CPU milliseconds per phase (only with `dbCpu`). */
  dbCpu?: Record<string, number>;
}

const CHUNK = 2000;

export function articleHash(article: Article): string {
  return createHash('sha256').update(JSON.stringify(toContractArticle(article))).digest('base64url');
}

/**
 * Adds articles to the archive in ONE transaction: new ids are appended in
 * the order given, an id already stored with other content is replaced in
 * place, an identical one is skipped (ingesting the same day twice changes
 * nothing and keeps the revision). When anything changed, the search
 * postings of the affected articles are updated block by block
 * (search/incremental.ts), the lexicon and matcher are rebuilt from every
 * stored article (core's lexicon rests on archive-wide statistics: O(archive);
 * the timings say what it costs) and the revision goes up by one. Any failure
 * rolls the whole ingest back.
 */
export async function ingestArticles(db: Database, input: readonly Article[], options: IngestOptions = {}): Promise<IngestResult> {
  const timings: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const dbCpu: Record<string, number> = {};
  let t0 = Date.now();
  let c0 = process.cpuUsage();
  let d0 = options.dbCpu?.() ?? 0;
  const lap = (name: string) => {
    const now = Date.now();
    const c = process.cpuUsage(c0);
    timings[name] = now - t0;
    cpu[name] = Math.round((c.user + c.system) / 1000);
    if (options.dbCpu) {
      const d = options.dbCpu();
      dbCpu[name] = Math.round((d - d0) * 1000);
      d0 = d;
    }
    t0 = now;
    c0 = process.cpuUsage();
  };
  const seen = new Set<string>();
  for (const a of input) {
    if (seen.has(a.id)) throw new Error(`article id ${JSON.stringify(a.id)} appears twice in the input`);
    seen.add(a.id);
  }
  /** Worker threads, when the ingest is large enough (closed however it ends). */
  let pool: AnalysisPool | null = null;
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ revision: number; name: string }>('SELECT revision, name FROM archive WHERE id = 1 FOR UPDATE');
    if (!state) throw new Error('the database has no archive row: was it migrated?');
    const existing = new Map<string, { seq: number; hash: string }>();
    for (const r of await tx.query<{ id: string; seq: number; hash: string }>('SELECT id, seq, hash FROM articles')) existing.set(r.id, r);
    let nextSeq = existing.size;
    const added: Article[] = [];
    const changed: Article[] = [];
    const hashes = new Map<string, string>();
    for (const a of input) {
      const hash = articleHash(a);
      hashes.set(a.id, hash);
      const old = existing.get(a.id);
      if (!old) added.push(a);
      else if (old.hash !== hash) changed.push(a);
    }
    const unchanged = input.length - added.length - changed.length;
    const editsChanged = options.edits !== undefined && options.edits !== (await readText(tx, 'edits'));
    const nameChanged = options.name !== undefined && options.name !== state.name;
    lap('compare');
    if (!added.length && !changed.length && !editsChanged && !nameChanged) {
      return { revision: state.revision, added: 0, changed: 0, unchanged, total: existing.size, timings, cpu, ...(options.dbCpu ? { dbCpu } : {}) };
    }
    const revision = state.revision + 1;
    const rows = (list: Article[], seqOf: (a: Article) => number) => [
      list.map((a) => a.id), list.map(seqOf), list.map((a) => a.date), list.map((a) => a.paper), list.map((a) => a.kind),
      list.map((a) => hashes.get(a.id)!), list.map(() => revision), list.map((a) => JSON.stringify(toContractArticle(a))),
    ];
    for (let i = 0; i < added.length; i += CHUNK) {
      await tx.query(
        `INSERT INTO articles (id, seq, date, paper, kind, hash, revision, doc)
         SELECT id, seq, date, paper, kind, hash, revision, doc::jsonb
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
           AS u(id, seq, date, paper, kind, hash, revision, doc)`,
        rows(added.slice(i, i + CHUNK), () => nextSeq++),
      );
    }
    // The changed articles as they were: the incremental postings update takes their old entries out.
    const changedBefore = new Map<number, Article>();
    for (let i = 0; i < changed.length; i += CHUNK) {
      const ids = changed.slice(i, i + CHUNK).map((a) => a.id);
      for (const r of await tx.query<{ seq: number; doc: string }>('SELECT seq, doc::text AS doc FROM articles WHERE id = ANY($1::text[])', [ids])) {
        changedBefore.set(r.seq, JSON.parse(r.doc) as Article);
      }
    }
    for (let i = 0; i < changed.length; i += CHUNK) {
      await tx.query(
        `UPDATE articles a SET date = u.date, paper = u.paper, kind = u.kind, hash = u.hash, revision = u.revision, doc = u.doc::jsonb
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
           AS u(id, seq, date, paper, kind, hash, revision, doc)
         WHERE a.id = u.id`,
        rows(changed.slice(i, i + CHUNK), (a) => existing.get(a.id)!.seq),
      );
    }
    lap('articles');
    if (options.edits !== undefined) await writeSection(tx, 'edits', revision, options.edits);
    const editsText = options.edits ?? (await readText(tx, 'edits')) ?? '';
    // The articles as stored (undefined fields gone): what a rebuild from the database would read.
    const asStored = (a: Article) => JSON.parse(JSON.stringify(toContractArticle(a))) as Article;
    const ids: string[] = new Array<string>(existing.size);
    for (const [id, r] of existing) ids[r.seq] = id;
    for (const a of added) ids.push(a.id);
    const changedNow = new Map(changed.map((a) => [existing.get(a.id)!.seq, asStored(a)] as const));
    const addedNow = added.map(asStored);
    /** Every article after the ingest (read once, when a full build needs them all). */
    let everything: Promise<readonly Article[]> | undefined;
    const all = () => (everything ??= (async () => {
      options.onProgress?.('reading the archive back…');
      return existing.size ? readAllArticles(tx) : addedNow;
    })());
    const readSeqs = async (seqs: readonly number[]): Promise<Map<number, Article>> => {
      const out = new Map<number, Article>();
      if (everything) {
        const list = await everything;
        for (const n of seqs) out.set(n, list[n]!);
        return out;
      }
      const stored = seqs.filter((n) => n < existing.size);
      for (let i = 0; i < stored.length; i += CHUNK) {
        for (const r of await tx.query<{ seq: number; doc: string }>('SELECT seq, doc::text AS doc FROM articles WHERE seq = ANY($1::int[])', [stored.slice(i, i + CHUNK)])) {
          out.set(r.seq, JSON.parse(r.doc) as Article);
        }
      }
      for (const n of seqs) if (n >= existing.size) out.set(n, addedNow[n - existing.size]!);
      return out;
    };
    const stored = await readText(tx, 'skeleton');
    const before = stored ? (JSON.parse(stored) as SearchSection) : null;
    // Incremental unless this is the first ingest, the stored postings come from another analyser, or a rebuild is asked for.
    const fresh = !before || before.analyzer !== CURRENT_ANALYZER || before.docs.length !== existing.size || options.rebuild;
    const base = fresh ? EMPTY_SKELETON : before;
    const baseIndex = indexFromSkeleton(base);
    if (options.workers !== undefined ? options.workers > 0 : (fresh ? ids.length : added.length) >= BULK) pool = AnalysisPool.open(options.workers);
    lap('read');
    options.onProgress?.('updating the lexicon…');
    const lexicon = await updateStoredLexicon(tx, {
      oldCount: existing.size, changed: changedNow, added: addedNow, edits: editsText ? parseLexiconEdits(editsText) : undefined, rebuild: options.rebuild, all,
      source: {
        // The stored postings (before this ingest) find the stored articles that hold a string; with none usable, all of them.
        containing: async (strings) => (fresh ? Array.from({ length: existing.size }, (_, i) => i) : docsHolding(tx, baseIndex, strings, existing.size)),
        articles: async (seqs) => {
          const got = await readSeqs(seqs);
          return seqs.map((n) => got.get(n)!);
        },
      },
    });
    const terms = lexicon.terms;
    timings.lexiconMode = lexicon.mode === 'incremental' ? 1 : 0;
    // Stored articles read again for the lexicon: for their word counts, their people and policies, their mentions.
    timings.lexiconRereadCounts = lexicon.reread.counts;
    timings.lexiconRereadPeople = lexicon.reread.people;
    timings.lexiconRereadMentions = lexicon.reread.mentions;
    timings.evidenceRows = lexicon.evidenceRows;
    lap('lexicon');
    const entries = matcherEntries(terms);
    const matcher = buildMatcherSection(entries);
    lap('matcher');
    // Every form of every term, as a local build indexes them (the matcher leaves some quoted forms out).
    const wholeTerms = searchTermsOf(terms);
    if (fresh) await tx.query('DELETE FROM postings');
    options.onProgress?.('updating the search postings…');
    const update = await updatePostingsIncrementally(tx, baseIndex, {
      skeleton: base, ids, read: readSeqs, changedBefore: fresh ? new Map() : changedBefore, oldCount: fresh ? 0 : existing.size, wholeTerms, onProgress: options.onProgress, pool,
    });
    const skeleton = update.skeleton;
    lap(fresh ? 'postingsBuild' : 'postingsUpdate');
    timings.reanalysedOld = update.affected;
    timings.termsTouched = update.touched;
    timings.rowsWritten = update.rows;
    for (const [k, v] of Object.entries(update.cpu)) cpu[`postings.${k}`] = v;
    await writeTerms(tx, terms);
    lap('writeTerms');
    await writeSection(tx, 'lexicon', revision, JSON.stringify(lexiconSection(terms)));
    await writeSection(tx, 'matcher', revision, JSON.stringify(matcher));
    // The no-hit readings' tables, as core's build carries them (search section version 2).
    await writeSection(tx, 'skeleton', revision, JSON.stringify(withReadingTables(skeleton)));
    lap('writeSections');
    await tx.query('UPDATE archive SET revision = $1, name = $2, analyzer = $3, updated_at = now() WHERE id = 1', [
      revision, options.name ?? state.name, skeleton.analyzer,
    ]);
    await tx.query('INSERT INTO revisions (revision, added, changed, total) VALUES ($1, $2, $3, $4)', [revision, added.length, changed.length, ids.length]);
    timings.workers = pool?.size ?? 0;
    return { revision, added: added.length, changed: changed.length, unchanged, total: ids.length, timings, cpu, ...(options.dbCpu ? { dbCpu } : {}) };
  }).finally(() => pool?.close());
}

export async function readAllArticles(sql: Sql, where = '', params: unknown[] = []): Promise<Article[]> {
  const out: Article[] = [];
  const [last] = await sql.query<{ n: number | null }>('SELECT max(seq) AS n FROM articles');
  // In pages by seq: one result of 20,000 documents is a large single allocation in either driver.
  for (let from = 0; from <= (last?.n ?? -1); from += 5000) {
    const rows = await sql.query<{ doc: string }>(
      `SELECT doc::text AS doc FROM articles WHERE seq >= $1 AND seq < $2 ${where} ORDER BY seq`,
      [from, from + 5000, ...params],
    );
    for (const r of rows) out.push(JSON.parse(r.doc) as Article);
  }
  return out;
}

/** The lexicon's rows: only terms whose entry changed are rewritten (with their title history), vanished ones deleted. */
async function writeTerms(tx: Sql, terms: readonly Term[]): Promise<void> {
  const stored = new Map<string, string>();
  for (const r of await tx.query<{ id: string; hash: string }>('SELECT id, hash FROM terms')) stored.set(r.id, r.hash);
  const fresh = new Map<string, { json: string; hash: string }>();
  for (const t of terms) {
    const json = JSON.stringify(t);
    fresh.set(t.id, { json, hash: createHash('sha256').update(json).digest('base64url') });
  }
  const stale = [...stored.keys()].filter((id) => fresh.get(id)?.hash !== stored.get(id));
  const writes = [...fresh].filter(([id, v]) => stored.get(id) !== v.hash);
  for (let i = 0; i < stale.length; i += CHUNK * 5) await tx.query('DELETE FROM terms WHERE id = ANY($1::text[])', [stale.slice(i, i + CHUNK * 5)]);
  // Columns made here, not by jsonb functions in SQL: taking the roles apart with jsonb_array_elements per row cost 27 s for 6,500 terms.
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    const list = chunk.map(([id]) => byId.get(id)!);
    await tx.query(
      `INSERT INTO terms (id, kind, name, aliases, mention_count, data, hash)
       SELECT id, kind, name, ARRAY(SELECT jsonb_array_elements_text(al::jsonb)), mc, d::jsonb, h
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[]) AS u(id, kind, name, al, mc, d, h)`,
      [list.map((t) => t.id), list.map((t) => t.kind), list.map((t) => t.name), list.map((t) => JSON.stringify(t.aliases)), list.map((t) => t.mentions.length),
        chunk.map(([, v]) => v.json), chunk.map(([, v]) => v.hash)],
    );
    const roles = list.flatMap((t) => t.roles.map((r, n) => ({ id: t.id, n: n + 1, title: r.title, articleId: r.articleId, date: r.date ?? null })));
    await tx.query(
      `INSERT INTO term_roles (term_id, n, title, article_id, date) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`,
      [roles.map((r) => r.id), roles.map((r) => r.n), roles.map((r) => r.title), roles.map((r) => r.articleId), roles.map((r) => r.date)],
    );
  }
}

export async function writeSection(tx: Sql, name: string, revision: number, body: string): Promise<void> {
  // By content alone: a section that did not change across revisions keeps its ETag, and clients get 304.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  await tx.query(
    `INSERT INTO sections (name, revision, etag, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET revision = EXCLUDED.revision, etag = EXCLUDED.etag, body = EXCLUDED.body`,
    [name, revision, etag, body],
  );
}

export async function readText(sql: Sql, name: string): Promise<string | null> {
  const [row] = await sql.query<{ body: string }>('SELECT body FROM sections WHERE name = $1', [name]);
  return row?.body ?? null;
}
