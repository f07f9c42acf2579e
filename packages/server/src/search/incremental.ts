import { buildSearchIndex, normalizeForSearch, tokenizeNormalized, type Article, type SearchIndex, type SearchSection } from '@jianbao/core';
import type { Sql } from '../db/types.js';
import { decodePostings, termPostings, type DecodedPostings } from './postings.js';

/**
 * Brings the stored search postings up to date after an ingest without
 * re-analysing the archive: only the affected documents are analysed again —
 * the new ones, the changed ones, and the old ones whose text holds a
 * lexicon name that was added to or dropped from the whole-term list (the
 * analyser emits those names as tokens of their own). Their old entries are
 * removed from every term they had and their new entries merged in, row by
 * row; the skeleton (lengths, vocabulary, per-field document counts) follows.
 * The result is what core's buildSearchIndex makes of the whole archive (the
 * tests compare the export with it).
 */
export interface IncrementalInput {
  skeleton: SearchSection;
  /** Every article after the ingest, in archive order (seq). */
  articles: readonly Article[];
  /** Documents (seq) that existed before, whose content changed, with their content before. */
  changedBefore: ReadonlyMap<number, Article>;
  /** How many documents there were before (new ones are numbered from here). */
  oldCount: number;
  wholeTerms: readonly string[];
}

const key = (t: string) => normalizeForSearch(t).text.replace(/\s+/g, '');

export async function updatePostingsIncrementally(tx: Sql, base: SearchIndex, input: IncrementalInput): Promise<{ skeleton: SearchSection; affected: number; touched: number }> {
  const { articles, changedBefore, oldCount } = input;
  const fetchRows = async (terms: readonly string[]) => {
    const out = new Map<string, DecodedPostings>();
    const known = terms.filter((t) => base.find(t) >= 0);
    for (let i = 0; i < known.length; i += 5000) {
      const rows = await tx.query<{ term: string; data: Uint8Array }>('SELECT term, data FROM postings WHERE term = ANY($1::text[])', [known.slice(i, i + 5000)]);
      for (const r of rows) out.set(r.term, decodePostings(r.data));
    }
    return out;
  };
  const docsOf = (p: DecodedPostings | undefined) => new Set(p ? p.docs.flatMap((d) => [...d]) : []);

  // 1. Old documents to analyse again.
  const affected = new Set<number>(changedBefore.keys());
  const oldKeys = new Set(base.wholeTerms.map(key).filter((t) => t.length >= 3));
  const newKeys = new Set(input.wholeTerms.map(key).filter((t) => t.length >= 3));
  const removed = [...oldKeys].filter((t) => !newKeys.has(t));
  const added = [...newKeys].filter((t) => !oldKeys.has(t));
  const removedRows = await fetchRows(removed);
  for (const t of removed) for (const d of docsOf(removedRows.get(t))) affected.add(d);
  // A document whose text holds the name holds every Chinese pair of it: its candidates are the documents with all of them.
  const bigramsOf = (t: string) => [...new Set(tokenizeNormalized(t).filter((k) => k.kind === 'cjk' && k.term.length === 2).map((k) => k.term))];
  const bigramRows = await fetchRows([...new Set(added.flatMap(bigramsOf))]);
  for (const t of added) {
    const bigrams = bigramsOf(t);
    if (!bigrams.length) {
      // A name with no Chinese pair to find it by: every old document is a candidate.
      for (let d = 0; d < oldCount; d++) affected.add(d);
      continue;
    }
    let candidates = docsOf(bigramRows.get(bigrams[0]!));
    for (const b of bigrams.slice(1)) {
      if (!candidates.size) break;
      const here = docsOf(bigramRows.get(b));
      candidates = new Set([...candidates].filter((d) => here.has(d)));
    }
    for (const d of candidates) affected.add(d);
  }
  const oldDocs = [...affected].filter((d) => d < oldCount).sort((a, b) => a - b);

  // 2. Their entries before and after, and the new documents' entries, by core's own analyser.
  const before = buildSearchIndex(oldDocs.map((d) => changedBefore.get(d) ?? articles[d]!), { terms: base.wholeTerms });
  const newDocs = [...oldDocs, ...Array.from({ length: articles.length - oldCount }, (_, i) => oldCount + i)];
  const after = buildSearchIndex(newDocs.map((d) => articles[d]!), { terms: input.wholeTerms });
  const touched = new Set<string>();
  for (let i = 0; i < before.terms.length; i++) touched.add(before.terms.get(i));
  for (let i = 0; i < after.terms.length; i++) touched.add(after.terms.get(i));

  // 3. Each touched row: the affected documents' old entries out, the new ones in.
  const rows = await fetchRows([...touched]);
  const gone = new Set(oldDocs);
  const updates = new Map<string, Uint8Array | null>();
  for (const term of touched) {
    const lists: [number, number][][] = [[], [], []];
    const old = rows.get(term);
    if (old) for (let f = 0; f < 3; f++) old.docs[f]!.forEach((d, i) => { if (!gone.has(d)) lists[f]!.push([d, old.tfs[f]![i]!]); });
    const a = after.find(term);
    if (a >= 0) {
      const p = decodePostings(termPostings(after, a));
      for (let f = 0; f < 3; f++) p.docs[f]!.forEach((local, i) => lists[f]!.push([newDocs[local]!, p.tfs[f]![i]!]));
    }
    for (const l of lists) l.sort((x, y) => x[0] - y[0]);
    updates.set(term, lists.every((l) => !l.length) ? null : encodePostings(lists));
  }
  const deleted = [...updates].filter(([, v]) => !v).map(([t]) => t);
  const written = [...updates].filter(([, v]) => v) as [string, Uint8Array][];
  for (let i = 0; i < deleted.length; i += 5000) await tx.query('DELETE FROM postings WHERE term = ANY($1::text[])', [deleted.slice(i, i + 5000)]);
  for (let i = 0; i < written.length; i += 5000) {
    const chunk = written.slice(i, i + 5000);
    await tx.query(
      `INSERT INTO postings (term, data) SELECT t, decode(d, 'base64') FROM unnest($1::text[], $2::text[]) AS u(t, d)
       ON CONFLICT (term) DO UPDATE SET data = EXCLUDED.data`,
      [chunk.map(([t]) => t), chunk.map(([, d]) => Buffer.from(d).toString('base64'))],
    );
  }

  // 4. The skeleton: vocabulary, headers, lengths, documents, whole terms.
  const vocabulary = new Set<string>();
  for (let i = 0; i < base.terms.length; i++) vocabulary.add(base.terms.get(i));
  for (const t of deleted) vocabulary.delete(t);
  for (const [t] of written) vocabulary.add(t);
  const sorted = [...vocabulary].sort();
  const headers: number[] = [];
  const sizes: number[] = [];
  for (const t of sorted) {
    const fresh = updates.get(t);
    const counts = fresh ? headerCounts(fresh) : base.fieldCounts(base.find(t));
    const bytes = varints(counts);
    headers.push(...bytes);
    sizes.push(bytes.length);
  }
  const lengths = new Uint32Array(articles.length * 3);
  lengths.set(base.lengths.subarray(0, oldCount * 3));
  newDocs.forEach((d, local) => {
    for (let f = 0; f < 3; f++) lengths[d * 3 + f] = after.lengths[local * 3 + f]!;
  });
  const whole = [...new Set(input.wholeTerms)].sort();
  const skeleton: SearchSection = {
    version: input.skeleton.version,
    analyzer: input.skeleton.analyzer,
    docs: articles.map((a) => a.id),
    lengths: Buffer.from(varints([...lengths])).toString('base64'),
    terms: sorted.join('\n'),
    sizes: Buffer.from(varints(sizes)).toString('base64'),
    postings: Buffer.from(headers).toString('base64'),
    ...(whole.length ? { wholeTerms: whole } : {}),
  };
  return { skeleton, affected: oldDocs.length, touched: touched.size };
}

function headerCounts(data: Uint8Array): number[] {
  const p = decodePostings(data);
  return p.docs.map((d) => d.length);
}

function varints(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

/** Core's encoding of one term's postings (see SearchSection.postings). */
export function encodePostings(lists: readonly (readonly [number, number][])[]): Uint8Array {
  const out: number[] = [];
  const put = (v: number) => {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  };
  for (const list of lists) put(list.length);
  for (const list of lists) {
    let last = 0;
    for (const [doc, tf] of list) {
      put((doc - last) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) put(tf - 2);
      last = doc;
    }
  }
  return Uint8Array.from(out);
}
