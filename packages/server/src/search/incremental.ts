import { buildSearchIndex, type Article, type SearchIndex, type SearchSection } from '@jianbao/core';
import type { Sql } from '../db/types.js';
import { docsHolding, searchKey } from './holding.js';
import { skeletonSection } from './skeleton.js';
import { blockRows, type BlockRows } from '../analysis/block-rows.js';
import type { AnalysisPool } from '../analysis/pool.js';
import { LEGACY_BLOCK, POSTINGS_BLOCK, blockOf, decodePostings, encodePostings, readPostings, termPostings, type DecodedPostings } from './postings.js';

/**
 * Brings the stored search postings up to date after an ingest without
 * re-analysing the archive: only the affected documents are analysed —
 * the new ones, the changed ones, and the old ones whose text holds a
 * lexicon name that was added to or dropped from the whole-term list (the
 * analyser emits those names as tokens of their own). Block by block (see
 * POSTINGS_BLOCK), their old entries are removed from the rows of the terms
 * they had and their new entries merged in; only the rows of the blocks they
 * lie in are read and written, so a day costs what the day holds, and a first
 * ingest of any size indexes one block at a time (bounded memory). The
 * skeleton (lengths, vocabulary, per-field document counts) follows by
 * difference. The result is what core's buildSearchIndex makes of the whole
 * archive (the tests compare the export with it).
 */
export interface IncrementalInput {
  skeleton: SearchSection;
  /** Every article id after the ingest, in archive order (seq). */
  ids: readonly string[];
  /** The articles (as they are now) with these numbers: only the affected ones are read. */
  read: (docs: readonly number[]) => Promise<ReadonlyMap<number, Article>>;
  /** Documents (seq) that existed before, whose content changed, with their content before. */
  changedBefore: ReadonlyMap<number, Article>;
  /** How many documents there were before (new ones are numbered from here). */
  oldCount: number;
  wholeTerms: readonly string[];
  onProgress?: (message: string) => void;
  /** Workers for the new blocks' analysis (else it runs here). */
  pool?: AnalysisPool | null;
}

const key = searchKey;

export async function updatePostingsIncrementally(tx: Sql, base: SearchIndex, input: IncrementalInput): Promise<{ skeleton: SearchSection; affected: number; touched: number; rows: number; cpu: Record<string, number> }> {
  const { ids, changedBefore, oldCount } = input;
  const fetchRows = async (terms: readonly string[]) => {
    const out = new Map<string, DecodedPostings>();
    for (const [t, data] of await readPostings(tx, terms.filter((t) => base.find(t) >= 0))) out.set(t, decodePostings(data));
    return out;
  };
  const docsOf = (p: DecodedPostings | undefined) => new Set(p ? p.docs.flatMap((d) => [...d]) : []);

  // 1. Old documents to analyse again.
  const affected = new Set<number>(changedBefore.keys());
  const oldKeys = new Set(base.wholeTerms.map(key).filter((t) => t.length >= 3));
  const newKeys = new Set(input.wholeTerms.map(key).filter((t) => t.length >= 3));
  const removed = [...oldKeys].filter((t) => !newKeys.has(t));
  const added = oldCount ? [...newKeys].filter((t) => !oldKeys.has(t)) : [];
  const removedRows = await fetchRows(removed);
  for (const t of removed) for (const d of docsOf(removedRows.get(t))) affected.add(d);
  // Those whose text holds a name that came: the candidates from the stored postings (a superset, analysed again).
  for (const d of await docsHolding(tx, base, added, oldCount)) affected.add(d);
  const oldDocs = [...affected].filter((d) => d < oldCount).sort((a, b) => a - b);
  const newDocs = [...oldDocs, ...Array.from({ length: ids.length - oldCount }, (_, i) => oldCount + i)];

  // 2. Block by block: the affected documents' entries before and after (core's own analyser), merged into that block's rows.
  const byBlock = new Map<number, number[]>();
  for (const d of newDocs) {
    const b = blockOf(d);
    let list = byBlock.get(b);
    if (!list) byBlock.set(b, (list = []));
    list.push(d);
  }
  const lengths = new Uint32Array(ids.length * 3);
  lengths.set(base.lengths.subarray(0, oldCount * 3));
  /** Per term, the change of its per-field document counts. */
  const delta = new Map<string, [number, number, number]>();
  let rowsWritten = 0;
  /** CPU milliseconds of this process: analysing documents, merging and encoding rows, talking to the database. */
  const cpu = { analyse: 0, rows: 0, sql: 0 };
  let c0 = process.cpuUsage();
  const spent = (phase: keyof typeof cpu) => {
    const c = process.cpuUsage(c0);
    cpu[phase] += (c.user + c.system) / 1000;
    c0 = process.cpuUsage();
  };
  const legacy = oldCount > 0 && (await tx.query('SELECT 1 FROM postings WHERE block = $1 LIMIT 1', [LEGACY_BLOCK])).length > 0;
  const blocks = [...byBlock].sort((a, b) => a[0] - b[0]);
  // A block no stored row covers holds new documents only: its rows are core's analysis of them alone, made on a
  // worker when there is a pool (a few blocks ahead, while this thread writes), else here.
  const isNew = (block: number) => !(block * POSTINGS_BLOCK < oldCount || legacy);
  const jobs = new Map<number, Promise<BlockRows>>();
  const startJob = (k: number) => {
    const [block, docs] = blocks[k] ?? [];
    if (block === undefined || !docs || !isNew(block) || jobs.has(block)) return;
    jobs.set(block, input.read(docs).then((got) => {
      const articles = docs.map((d) => got.get(d)!);
      return input.pool ? input.pool.blockRows(articles, docs, input.wholeTerms) : blockRows(articles, docs, input.wholeTerms);
    }));
  };
  for (const [k, [block, docs]] of blocks.entries()) {
    input.onProgress?.(`indexing block ${block} (${docs.length} documents)…`);
    if (isNew(block)) {
      startJob(k);
      if (input.pool) for (let ahead = 1; ahead <= input.pool.size; ahead++) startJob(k + ahead);
      const rows = await jobs.get(block)!;
      jobs.delete(block);
      spent('analyse');
      docs.forEach((d, local) => {
        for (let f = 0; f < 3; f++) lengths[d * 3 + f] = rows.lengths[local * 3 + f]!;
      });
      const writes: { term: string; block: number; data: Uint8Array }[] = [];
      rows.terms.forEach((term, i) => {
        const d = delta.get(term) ?? [0, 0, 0];
        for (let f = 0; f < 3; f++) d[f]! += rows.counts[i * 3 + f]!;
        delta.set(term, d);
        writes.push({ term, block, data: rows.bytes.subarray(rows.starts[i]!, rows.starts[i + 1]!) });
      });
      spent('rows');
      rowsWritten += await writeRows(tx, writes);
      spent('sql');
      continue;
    }
    const gone = docs.filter((d) => d < oldCount);
    const articles = await input.read(docs);
    spent('sql');
    const before = buildSearchIndex(gone.map((d) => changedBefore.get(d) ?? articles.get(d)!), { terms: base.wholeTerms });
    const after = buildSearchIndex(docs.map((d) => articles.get(d)!), { terms: input.wholeTerms });
    docs.forEach((d, local) => {
      for (let f = 0; f < 3; f++) lengths[d * 3 + f] = after.lengths[local * 3 + f]!;
    });
    spent('analyse');
    const touched = new Set<string>();
    const goneArr = Uint32Array.from(gone);
    const docsAt = Uint32Array.from(docs);
    for (let i = 0; i < before.terms.length; i++) touched.add(before.terms.get(i));
    for (let i = 0; i < after.terms.length; i++) {
      const term = after.terms.get(i);
      // A stored document analysed again only for a new name keeps its entries of every other term: those rows stay as they are.
      const b = before.find(term);
      if (b >= 0 && sameEntries(decodePostings(termPostings(before, b)), goneArr, decodePostings(termPostings(after, i)), docsAt)) touched.delete(term);
      else touched.add(term);
    }
    // Stored rows of this block (and legacy rows) for the touched terms the archive had.
    const stored = new Map<string, { block: number; data: Uint8Array }[]>();
    if (block * POSTINGS_BLOCK < oldCount || legacy) {
      const known = [...touched].filter((t) => base.find(t) >= 0);
      const blocks = legacy ? [block, LEGACY_BLOCK] : [block];
      for (let i = 0; i < known.length; i += 5000) {
        const rows = await tx.query<{ term: string; block: number; data: Uint8Array }>(
          'SELECT term, block, data FROM postings WHERE term = ANY($1::text[]) AND block = ANY($2::int[])', [known.slice(i, i + 5000), blocks],
        );
        for (const r of rows) {
          let list = stored.get(r.term);
          if (!list) stored.set(r.term, (list = []));
          list.push(r);
        }
      }
    }
    spent('sql');
    const goneSet = new Set(gone);
    const writes: { term: string; block: number; data: Uint8Array }[] = [];
    const deletes: { term: string; block: number }[] = [];
    const docsArr = docsAt;
    for (const term of touched) {
      const d = delta.get(term) ?? [0, 0, 0];
      let own: Lists | null = null;
      for (const row of stored.get(term) ?? []) {
        const old = decodePostings(row.data);
        for (let f = 0; f < 3; f++) d[f]! -= old.docs[f]!.length;
        const kept = goneSet.size ? without(old, goneSet) : old;
        if (row.block === block) own = kept;
        else {
          // A legacy row keeps its other documents where they are.
          for (let f = 0; f < 3; f++) d[f]! += kept.docs[f]!.length;
          if (kept === old || sizeOf(kept) === sizeOf(old)) continue;
          if (!sizeOf(kept)) deletes.push({ term, block: row.block });
          else writes.push({ term, block: row.block, data: encodePostings(kept) });
        }
      }
      const a = after.find(term);
      if (a >= 0) {
        const p = decodePostings(termPostings(after, a));
        for (let f = 0; f < 3; f++) {
          const local = p.docs[f]!;
          const global = new Uint32Array(local.length);
          for (let i = 0; i < local.length; i++) global[i] = docsArr[local[i]!]!;
          p.docs[f] = global;
        }
        // Both lists are in document order, and the block's new entries never share a document with the kept ones.
        own = own ? mergeLists(own, p) : p;
      }
      for (let f = 0; f < 3; f++) d[f]! += own ? own.docs[f]!.length : 0;
      delta.set(term, d);
      if (!own || !sizeOf(own)) {
        if (stored.get(term)?.some((r) => r.block === block)) deletes.push({ term, block });
      } else writes.push({ term, block, data: encodePostings(own) });
    }
    spent('rows');
    // One block per statement: on Citus, a statement that names its block goes to one shard.
    for (const b of new Set(deletes.map((x) => x.block))) {
      const terms = deletes.filter((x) => x.block === b).map((x) => x.term);
      for (let i = 0; i < terms.length; i += 5000) await tx.query('DELETE FROM postings WHERE block = $1 AND term = ANY($2::text[])', [b, terms.slice(i, i + 5000)]);
    }
    rowsWritten += (await writeRows(tx, writes)) + deletes.length;
    spent('sql');
  }

  // 3. The skeleton: vocabulary, headers (per-field document counts), lengths, documents, whole terms.
  const counts = new Map<string, [number, number, number]>();
  for (let i = 0; i < base.terms.length; i++) counts.set(base.terms.get(i), base.fieldCounts(i));
  for (const [t, d] of delta) {
    const c = counts.get(t) ?? [0, 0, 0];
    const next: [number, number, number] = [c[0] + d[0], c[1] + d[1], c[2] + d[2]];
    if (next.some((x) => x < 0)) throw new Error(`postings of ${JSON.stringify(t)} went below zero: the stored postings disagree with the skeleton`);
    if (next[0] + next[1] + next[2]) counts.set(t, next);
    else counts.delete(t);
  }
  const sorted = [...counts.keys()].sort();
  const skeleton = skeletonSection({
    version: input.skeleton.version, analyzer: input.skeleton.analyzer, docs: ids, lengths, terms: sorted, counts: (i) => counts.get(sorted[i]!)!, wholeTerms: input.wholeTerms,
  });
  return { skeleton, affected: oldDocs.length, touched: delta.size, rows: rowsWritten, cpu: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round(v)])) };
}

type Lists = DecodedPostings;

/** Whether two indexes' postings of a term hold the same (document, tf) entries, each index's documents numbered by its own list. */
function sameEntries(x: Lists, xDocs: Uint32Array, y: Lists, yDocs: Uint32Array): boolean {
  for (let f = 0; f < 3; f++) {
    const [xd, yd, xt, yt] = [x.docs[f]!, y.docs[f]!, x.tfs[f]!, y.tfs[f]!];
    if (xd.length !== yd.length) return false;
    for (let i = 0; i < xd.length; i++) if (xDocs[xd[i]!] !== yDocs[yd[i]!] || xt[i] !== yt[i]) return false;
  }
  return true;
}

const sizeOf = (l: Lists) => l.docs[0]!.length + l.docs[1]!.length + l.docs[2]!.length;

function without(l: Lists, gone: ReadonlySet<number>): Lists {
  const out: Lists = { docs: [], tfs: [] };
  for (let f = 0; f < 3; f++) {
    const docs = l.docs[f]!;
    const keep: number[] = [];
    for (let i = 0; i < docs.length; i++) if (!gone.has(docs[i]!)) keep.push(i);
    out.docs.push(Uint32Array.from(keep, (i) => docs[i]!));
    out.tfs.push(Uint16Array.from(keep, (i) => l.tfs[f]![i]!));
  }
  return out;
}

function mergeLists(x: Lists, y: Lists): Lists {
  const out: Lists = { docs: [], tfs: [] };
  for (let f = 0; f < 3; f++) {
    const [xd, xt, yd, yt] = [x.docs[f]!, x.tfs[f]!, y.docs[f]!, y.tfs[f]!];
    const docs = new Uint32Array(xd.length + yd.length);
    const tfs = new Uint16Array(docs.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < docs.length; k++) {
      if (j >= yd.length || (i < xd.length && xd[i]! < yd[j]!)) {
        docs[k] = xd[i]!;
        tfs[k] = xt[i++]!;
      } else {
        docs[k] = yd[j]!;
        tfs[k] = yt[j++]!;
      }
    }
    out.docs.push(docs);
    out.tfs.push(tfs);
  }
  return out;
}

/** Upserts postings rows; returns how many. */
async function writeRows(tx: Sql, writes: readonly { term: string; block: number; data: Uint8Array }[]): Promise<number> {
  for (let i = 0; i < writes.length; i += 5000) {
    const chunk = writes.slice(i, i + 5000);
    await tx.query(
      `INSERT INTO postings (term, block, data) SELECT t, b, decode(d, 'base64') FROM unnest($1::text[], $2::int[], $3::text[]) AS u(t, b, d)
       ON CONFLICT (term, block) DO UPDATE SET data = EXCLUDED.data`,
      [chunk.map((x) => x.term), chunk.map((x) => x.block), chunk.map((x) => Buffer.from(x.data.buffer, x.data.byteOffset, x.data.byteLength).toString('base64'))],
    );
  }
  return writes.length;
}
