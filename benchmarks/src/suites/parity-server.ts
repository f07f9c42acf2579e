// Parity of the newsroom server with the local engine on xwlb (issue 17's goal: the server's top-10 ids equal the
// local engine's for ≥ 99 % of ≥ 1,000 queries, and its cross-reference results are identical on the draft sets).
//
// The archive: the search evaluation's fixed-seed sample of 5,000 xwlb stories (benchmarks/eval), ingested at once
// into a real PostgreSQL (Debian's, a throwaway cluster; or JIANBAO_BENCH_PARITY_DB=postgres://… to reuse one),
// then a "day" of the next 200 stories outside the sample (file order). The local engine: the bundle `jianbao build`
// makes of the same 5,200 articles, searched in process with core's searchQuery (what every host and
// `jianbao search --json` run; the server's /v1/search runs the same function over its database).
// Queries, fixed before any tuning: the search evaluation's dev and held-out known items (1,000, reported apart),
// its absent-thing queries, and 1,200 generated with seed 20261208 (title and body pieces of 1–8 characters,
// lexicon names, and the query syntax: quotes, -exclusions, OR, title:, date ranges, sort:date).
// Cross-reference: 40 seeded drafts (two stories' paragraphs around a new sentence) and the reuse set's drafts.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildBundle, getLexicon, loadArchive, searchArchive, searchQuery, serializeBundle, type Archive, type Article } from '@jianbao/core';
import { createToken, ingestArticles, openDatabase, startServer, type Database } from '@jianbao/server';
import { startCluster } from '../../../packages/server/test/support/postgres.js';
import { fmt, table, type SuiteResult } from '../report.js';
import { queryOf, readAbsent, readEval } from '../search-eval/items.js';
import { sharedPath } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';
import { rng } from '../random.js';
import { xwlbSample } from './search.js';
import { xrefParity } from '../server-load.js';

const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');

/** Generated queries (seed fixed in advance): pieces of titles and bodies, lexicon names, and the query syntax. */
export function generatedQueries(archive: Archive, count: number, seed = 20261208): string[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = getLexicon(archive).terms.map((t) => t.name);
  const piece = (min: number, max: number) => {
    const a = pick(archive.articles);
    const text = random() < 0.4 ? a.title : (pick(a.paragraphs) ?? a.title);
    const len = min + Math.floor(random() * (max - min + 1));
    const at = Math.floor(random() * Math.max(1, text.length - len));
    return text.slice(at, at + len).trim();
  };
  const dates = archive.articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  const out: string[] = [];
  while (out.length < count) {
    const r = random();
    let q: string;
    if (r < 0.35) q = piece(1, 8);
    else if (r < 0.5) q = pick(names);
    else if (r < 0.6) q = `${piece(2, 4)} ${piece(2, 4)}`;
    else if (r < 0.67) q = `"${piece(3, 6)}"`;
    else if (r < 0.74) q = `${piece(2, 5)} -${piece(2, 3)}`;
    else if (r < 0.8) q = `${piece(2, 4)} OR ${piece(2, 4)}`;
    else if (r < 0.86) q = `title:${piece(2, 4)}`;
    else if (r < 0.93) {
      const from = pick(dates);
      q = `${piece(2, 5)} ${from.slice(0, 7)}..${pick(dates.filter((d) => d >= from)).slice(0, 7)}`;
    } else q = `${piece(2, 4)} sort:date`;
    if (q.replace(/["\-]|OR|title:|sort:date/g, '').trim()) out.push(q);
  }
  return out;
}

/** The draft sets: 40 seeded two-story drafts around a new sentence, and copied-and-edited paragraphs (seed 77). */
function drafts(local: Archive): string[] {
  const random = rng(2026);
  const pickA = () => local.articles[Math.floor(random() * local.articles.length)]!;
  const out = Array.from({ length: 40 }, () => {
    const a = pickA();
    const b = pickA();
    return [a.paragraphs[0] ?? a.title, '本报记者今日从现场发回报道。', ...b.paragraphs.slice(0, 2)].join('\n\n');
  });
  const edit = rng(77);
  for (let i = 0; i < 20; i++) {
    const a = local.articles[Math.floor(edit() * local.articles.length)]!;
    const text = a.paragraphs.slice(0, 3).join('\n\n').replace(/\d+/g, (d) => String(Number(d) + 1 + Math.floor(edit() * 9)));
    out.push(`# ${a.title}\n\n${text}`);
  }
  return out;
}

interface Outcome { set: string; q: string; same: boolean; local: string[]; server: string[]; plain: boolean }

export async function run(): Promise<SuiteResult> {
  const title = 'Newsroom server parity with the local engine on xwlb (top-10 ids over HTTP, cross-reference), real PostgreSQL';
  const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
  const all = loadXwlbArticles();
  if (!path || !all) return { title, body: '', skipped: '../shared/data/xwlb absent' };
  const dev = readEval('search-xwlb-dev.json');
  const { articles: sample } = xwlbSample(path, String(dev.sample.docs));
  const inSample = new Set(sample.map((a) => a.id));
  const day = all.filter((a) => !inSample.has(a.id)).slice(0, 200);
  const local = loadArchive(serializeBundle(buildBundle({ articles: [...sample, ...day] }, { name: 'xwlb' })));
  const byId = new Map(sample.map((a) => [a.id, a]));
  const sets: Record<string, string[]> = {
    'known items, dev': readEval('search-xwlb-dev.json').items.map((item) => queryOf(item, byId.get(item.id)!)),
    'known items, held-out': readEval('search-xwlb-heldout.json').items.map((item) => queryOf(item, byId.get(item.id)!)),
    absent: readAbsent().map((a) => a.q),
    generated: generatedQueries(local, Number(process.env.JIANBAO_BENCH_PARITY_GENERATED ?? 1200)),
  };
  const loadBefore = load();
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  let url = process.env.JIANBAO_BENCH_PARITY_DB;
  if (!url) {
    cluster = await startCluster();
    if ('skipped' in cluster) return { title, body: '', skipped: cluster.skipped };
    url = cluster.url;
  }
  const outcomes: Outcome[] = [];
  let xref = '';
  let ingestNote = '';
  try {
    const db: Database = await openDatabase(url);
    try {
      const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')) as [{ n: number }];
      if (n === 0) {
        let t = performance.now();
        await ingestArticles(db, sample, { name: 'xwlb' });
        const first = performance.now() - t;
        t = performance.now();
        await ingestArticles(db, day);
        ingestNote = `ingest: ${sample.length} at once ${(first / 1000).toFixed(1)} s, then the day of ${day.length} ${((performance.now() - t) / 1000).toFixed(1)} s`;
      } else if (n !== sample.length + day.length) throw new Error(`${url} holds ${n} articles, not this suite's ${sample.length + day.length}`);
      else ingestNote = `reused the archive in ${url.replace(/\/\/[^@]*@/, '//')}`;
      const { token } = await createToken(db, 'read');
      const server = await startServer(db, { port: 0, rate: 1e6, burst: 1e6 });
      try {
        for (const [set, queries] of Object.entries(sets)) {
          for (const q of queries) {
            const res = await fetch(`${server.url}/v1/search?q=${encodeURIComponent(q)}&limit=10`, { headers: { authorization: `Bearer ${token}` } });
            const body = (await res.json()) as { hits?: { id: string }[]; error?: { message: string } };
            const want = searchQuery(local, q, { limit: 10 });
            const got = body.hits?.map((h) => h.id) ?? [`error: ${body.error?.message}`];
            const wantIds = want.error ? [`error: ${want.error}`] : want.hits.map((h) => h.id);
            // What the earlier bench compared against: core's plain search (searchArchive), which ranks a pool of `limit` hits, not searchQuery's 1,000.
            const plain = want.error ? wantIds : searchArchive(local, q, { limit: 10 }).map((h) => h.id);
            outcomes.push({ set, q, same: JSON.stringify(got) === JSON.stringify(wantIds), local: wantIds, server: got, plain: JSON.stringify(plain) === JSON.stringify(wantIds) });
          }
        }
        const list = drafts(local);
        xref = `${await xrefParity(server.url, token, local, list)}/${list.length}`;
      } finally {
        await server.close();
      }
    } finally {
      await db.close();
    }
  } finally {
    if (cluster && !('skipped' in cluster)) cluster.stop();
  }
  const dump = process.env.JIANBAO_BENCH_PARITY_DUMP;
  if (dump) {
    // Differences of the sets one may look at while working on parity (never the held-out set's).
    writeFileSync(dump, JSON.stringify(outcomes.filter((o) => !o.same && o.set !== 'known items, held-out'), null, 1));
  }
  const rows = Object.keys(sets).map((set) => {
    const of = outcomes.filter((o) => o.set === set);
    const same = of.filter((o) => o.same).length;
    const plain = of.filter((o) => o.plain).length;
    return [set, of.length, same, `${fmt((100 * same) / of.length, 1)} %`, `${fmt((100 * plain) / of.length, 1)} %`];
  });
  const same = outcomes.filter((o) => o.same).length;
  const plain = outcomes.filter((o) => o.plain).length;
  rows.push(['all', outcomes.length, same, `${fmt((100 * same) / outcomes.length, 1)} %`, `${fmt((100 * plain) / outcomes.length, 1)} %`]);
  return {
    title,
    body: [
      `${sample.length} xwlb stories (the search evaluation's sample) ingested at once into PostgreSQL, then a day of ${day.length} more; the local engine is core's searchQuery over the bundle of the same ${sample.length + day.length}; each query's top 10 ids over HTTP (/v1/search?limit=10) against it. ${ingestNote}. Load ${loadBefore} → ${load()}.`,
      table(['queries', 'n', 'server top-10 = local searchQuery', 'share', 'local searchArchive = local searchQuery (top 10)'], rows),
      `Cross-reference identical (POST /v1/xref vs core's crossReference, revision aside): ${xref} drafts.`,
    ].join('\n\n'),
  };
}
