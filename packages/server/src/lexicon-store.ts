import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildLexicon, buildLexiconSharded, buildLexiconWithEvidence, updateLexicon, type Article, type ArticleEvidence, type BuildLexiconOptions, type LexiconDecisions, type LexiconShard, type LexiconSource, type MatcherEntry, type Term,
} from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import type { Sql } from './db/types.js';

/**
 * The lexicon kept up to date from per-article evidence (core's
 * ArticleEvidence, one row per article) instead of rebuilt from every
 * article: a day's ingest analyses the day's articles and reads again only
 * the stored ones whose text holds a name or phrase whose archive-wide
 * decision moved (core lexicon/incremental.ts). The result is the lexicon a
 * full build gives. A full build (and all evidence written anew) happens on
 * the first ingest, with --rebuild, when the home provinces move, and when
 * the stored evidence came from other lexicon rules (a fingerprint of
 * core's lexicon code: rulesFingerprint).
 */
const STATE = 'lexicon-state';
const STATE_VERSION = 1;

interface State {
  version: number;
  rules: string;
  home: string[];
  entries: MatcherEntry[];
  /** The counted words and decisions of the stored evidence (core LexiconBefore): absent after a full build. */
  words?: string[];
  decisions?: { [K in keyof LexiconDecisions]: string[] };
}

let fingerprint: Promise<string> | undefined;

/**
 * Core's modules the lexicon is made by (its rules, word lists and gazetteer, the matcher, text folding), as built:
 * evidence stored by other rules is not reused. Any change to them (a rule that no seed page exercises too) moves
 * it; a change elsewhere in core does not. Where core's modules cannot be read (a bundled jianbao), the lexicon
 * of the seed pages stands in.
 */
export function rulesFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256');
    try {
      const root = dirname(fileURLToPath(import.meta.resolve('@jianbao/core')));
      const files = ['lexicon', 'matcher', 'text'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.js')).sort().map((f) => join(d, f)));
      for (const f of [...files, 'article.js', 'id.js', 'arrays.js']) hash.update(`${f}\u0000`).update(readFileSync(join(root, f)));
      // The gazetteer's data package, by the exact version core pins.
      hash.update(JSON.stringify((JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')) as { dependencies?: unknown }).dependencies ?? null));
    } catch {
      hash.update(JSON.stringify(buildLexicon((await loadDefaultArchive()).articles)));
    }
    return hash.digest('base64url').slice(0, 22);
  })();
  return fingerprint;
}

export interface LexiconResult {
  terms: Term[];
  /** 'full' (every article analysed) or 'incremental', and why a full build happened. */
  mode: string;
  reread: { counts: number; people: number; mentions: number };
  evidenceRows: number;
}

export interface LexiconInput {
  /** Stored articles before this ingest. */
  oldCount: number;
  changed: ReadonlyMap<number, Article>;
  added: readonly Article[];
  edits: BuildLexiconOptions['edits'];
  onWarning?: (message: string) => void;
  rebuild?: boolean;
  /** Every article after the ingest (for a full build). */
  all: () => Promise<readonly Article[]>;
  /** The articles as shards on worker threads (core buildLexiconSharded), for a full build. */
  shards?: (articles: readonly Article[]) => Promise<LexiconShard[]>;
  source: LexiconSource;
}

export async function updateStoredLexicon(tx: Sql, input: LexiconInput): Promise<LexiconResult> {
  const options = { edits: input.edits, onWarning: input.onWarning };
  const rules = await rulesFingerprint();
  const why = await reasonToRebuild(tx, input, rules);
  if (!why) {
    const state = JSON.parse((await tx.query<{ body: string }>('SELECT body FROM sections WHERE name = $1', [STATE]))[0]!.body) as State;
    const evidence: ArticleEvidence[] = [];
    for (let from = 0; from < input.oldCount; from += 5000) {
      for (const r of await tx.query<{ data: string }>('SELECT data FROM lexicon_evidence WHERE seq >= $1 AND seq < $2 ORDER BY seq', [from, from + 5000])) {
        evidence.push(JSON.parse(r.data) as ArticleEvidence);
      }
    }
    const decisions = state.decisions && (Object.fromEntries(Object.entries(state.decisions).map(([k, v]) => [k, new Set(v)])) as unknown as LexiconDecisions);
    const update = await updateLexicon({ evidence, home: new Set(state.home), entries: state.entries, words: state.words, decisions }, { changed: input.changed, added: input.added }, input.source, options);
    if (update) {
      await writeEvidence(tx, update.rewritten.map((n) => [n, update.evidence[n]!]));
      await writeState(tx, {
        version: STATE_VERSION, rules, home: [...update.home].sort(), entries: update.entries, words: update.words,
        decisions: Object.fromEntries(Object.entries(update.decisions).map(([k, v]) => [k, [...(v as Set<string>)]])) as State['decisions'],
      });
      return { terms: update.terms, mode: 'incremental', reread: update.reread, evidenceRows: update.rewritten.length };
    }
  }
  const all = await input.all();
  const { terms, evidence, home, entries } = input.shards ? await buildLexiconSharded(await input.shards(all), options) : runBuild(all, options);
  await tx.query('DELETE FROM lexicon_evidence');
  await writeEvidence(tx, evidence.map((e, n) => [n, e]));
  await writeState(tx, { version: STATE_VERSION, rules, home: [...home].sort(), entries });
  return { terms, mode: `full (${why ?? 'the home provinces moved'})`, reread: { counts: 0, people: 0, mentions: 0 }, evidenceRows: evidence.length };
}

function runBuild(all: readonly Article[], options: BuildLexiconOptions): ReturnType<typeof buildLexiconSharded> extends Promise<infer T> ? T : never {
  const built = buildLexiconWithEvidence(all, options);
  let step = built.next();
  while (!step.done) step = built.next();
  return step.value;
}

async function reasonToRebuild(tx: Sql, input: LexiconInput, rules: string): Promise<string | null> {
  if (input.rebuild) return 'asked for';
  if (!input.oldCount) return 'first ingest';
  const [row] = await tx.query<{ body: string }>('SELECT body FROM sections WHERE name = $1', [STATE]);
  if (!row) return 'no stored evidence';
  const state = JSON.parse(row.body) as State;
  if (state.version !== STATE_VERSION) return 'evidence of another version';
  if (state.rules !== rules) return 'other lexicon rules';
  const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM lexicon_evidence');
  if (count!.n !== input.oldCount) return 'evidence does not cover the archive';
  return null;
}

const CHUNK = 2000;

async function writeEvidence(tx: Sql, rows: readonly [number, ArticleEvidence][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO lexicon_evidence (seq, data) SELECT * FROM unnest($1::int[], $2::text[])
       ON CONFLICT (seq) DO UPDATE SET data = EXCLUDED.data`,
      [chunk.map(([n]) => n), chunk.map(([, e]) => JSON.stringify(e))],
    );
  }
}

async function writeState(tx: Sql, state: State): Promise<void> {
  // Not a served section (the server serves lexicon and matcher only): no ETag needed, but the same table.
  await tx.query(
    `INSERT INTO sections (name, revision, etag, body) VALUES ($1, 0, '', $2)
     ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body`,
    [STATE, JSON.stringify(state)],
  );
}
