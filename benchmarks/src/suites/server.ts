// The newsroom server (packages/server) on xwlb: ingest into PGlite (embedded)
// and into a real PostgreSQL (Debian's, a throwaway cluster started here), then
// search latency over HTTP (one client, sequential) side by side with core's
// in-process search on the same archive, and top-10 parity between the two.
// Machine load is stated with every figure (the machine is shared).
//
// Default: the first 5,000 xwlb stories (in file order) ingested at once, then
// a "day" of the next 200; JIANBAO_BENCH_SERVER_DOCS=all (or a number)
// changes the first part; JIANBAO_BENCH_SERVER_PGLITE=0 leaves PGlite out. Skips cleanly without ../shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, getLexicon, loadArchive, loadSearchIndexSync, searchQueryWithIndex, serializeBundle, type Archive, type Article, type Term } from '@jianbao/core';
import { createToken, ingestArticles, openDatabase, startServer, type Database } from '@jianbao/server';
import { startCluster } from '../../../packages/server/test/support/postgres.js';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { loadXwlbArticles } from '../xwlb.js';
import { rng } from '../random.js';
import { postgresCpuMeter, xrefParity } from '../server-load.js';

const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');

/** Queries made from the archive with fixed rules: title pieces, body substrings of 2–6 characters, lexicon names. */
function queriesOf(archive: Archive, count: number): string[] {
  const out = new Set<string>();
  const step = Math.max(1, Math.floor(archive.articles.length / count));
  for (let i = 0; out.size < count * 0.8 && i < archive.articles.length; i += step) {
    const a = archive.articles[i]!;
    const body = a.paragraphs.join('');
    out.add(i % 2 ? a.title.slice(0, 6) : body.slice((i * 7) % Math.max(1, body.length - 8), ((i * 7) % Math.max(1, body.length - 8)) + 2 + (i % 5)));
  }
  for (const t of getLexicon(archive).terms.slice(0, count)) {
    if (out.size >= count) break;
    out.add(t.name);
  }
  return [...out].filter((q) => q.trim());
}

interface Side {
  name: string;
  ingestMs: number;
  ingestTimings: Record<string, number>;
  dayMs: number;
  dayTimings: Record<string, number>;
  dayCpu: Record<string, number>;
  dayDbCpu?: Record<string, number>;
  http: number[];
  parity: number;
  xref: string;
  lexicon: string;
  dayCpuMs: number;
  load: string;
}

/** The server's lexicon after two ingests (the day's update from the stored evidence) against one build of the same articles. */
async function compareLexicon(db: Database, local: Archive): Promise<string> {
  const [row] = await db.query<{ body: string }>("SELECT body FROM sections WHERE name = 'lexicon'");
  const got = (JSON.parse(row!.body) as { terms: Term[] }).terms;
  const want = getLexicon(local).terms;
  const byId = new Map(got.map((t) => [t.id, t]));
  const same = (f: (t: Term) => unknown) => want.filter((t) => byId.has(t.id) && JSON.stringify(f(byId.get(t.id)!)) === JSON.stringify(f(t))).length;
  const order = JSON.stringify(got.map((t) => t.id)) === JSON.stringify(want.map((t) => t.id));
  return `${got.length} terms vs ${want.length}; same id: ${want.filter((t) => byId.has(t.id)).length}, same name+kind+aliases: ${same((t) => [t.name, t.kind, t.aliases])}, same roles: ${same((t) => t.roles)}, same mentions: ${same((t) => t.mentions)}; order ${order ? 'identical' : 'differs'}; whole section ${JSON.stringify(got) === JSON.stringify(want) ? 'identical' : 'differs'}`;
}

async function measure(name: string, db: Database, first: Article[], day: Article[], local: Archive, queries: string[], dbCpu?: () => () => number): Promise<Side> {
  const loadBefore = load();
  let t = performance.now();
  const r1 = await ingestArticles(db, first, { name: 'xwlb' });
  const ingestMs = performance.now() - t;
  t = performance.now();
  const c0 = process.cpuUsage();
  const meter = dbCpu?.();
  const r2 = await ingestArticles(db, day, { dbCpu: meter });
  const dayMs = performance.now() - t;
  const c1 = process.cpuUsage(c0);
  const dayCpuMs = (c1.user + c1.system) / 1000;
  const lexicon = await compareLexicon(db, local);
  const { token } = await createToken(db, 'read');
  const server = await startServer(db, { port: 0, rate: 1e6, burst: 1e6 });
  const http: number[] = [];
  let same = 0;
  let xref = 'n/a';
  try {
    const index = loadSearchIndexSync(local);
    // One untimed pass warms both sides' caches (postings and articles read once, JIT), as a long-running server is.
    for (const pass of [0, 1]) {
      for (const q of queries) {
        const started = performance.now();
        const res = await fetch(`${server.url}/v1/search?q=${encodeURIComponent(q)}&limit=10`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { hits: { id: string }[] };
        if (pass) {
          http.push(performance.now() - started);
          // The local engine as every host runs it (core's searchQuery: the query syntax, a pool of 1,000 ranked): what /v1/search runs.
          const want = searchQueryWithIndex(local, index, q, { limit: 10 }).hits.map((h) => h.id);
          if (JSON.stringify(want) === JSON.stringify(body.hits.map((h) => h.id))) same++;
        }
      }
    }
    // Cross-reference parity on a fixed draft set: paragraphs of two archive stories (seeded) around a sentence of new text.
    const random = rng(2026);
    const drafts = Array.from({ length: 40 }, () => {
      const a = local.articles[Math.floor(random() * local.articles.length)]!;
      const b = local.articles[Math.floor(random() * local.articles.length)]!;
      return [a.paragraphs[0] ?? a.title, '本报记者今日从现场发回报道。', ...b.paragraphs.slice(0, 2)].join('\n\n');
    });
    xref = `${await xrefParity(server.url, token, local, drafts)}/${drafts.length}`;
  } finally {
    await server.close();
  }
  return { name, ingestMs, ingestTimings: r1.timings, dayMs, dayTimings: r2.timings, dayCpu: r2.cpu, dayDbCpu: r2.dbCpu, http, parity: same / queries.length, xref, lexicon, dayCpuMs, load: `${loadBefore} → ${load()}` };
}

export async function run(): Promise<SuiteResult> {
  const title = 'Newsroom server: ingest and search over HTTP (PGlite, PostgreSQL) vs in-process core';
  const all = loadXwlbArticles();
  if (!all) return { title, body: '', skipped: '../shared/data/xwlb absent' };
  const wanted = process.env.JIANBAO_BENCH_SERVER_DOCS;
  const n = wanted === 'all' ? all.length - 200 : Number(wanted ?? 5000);
  const first = all.slice(0, n);
  const day = all.slice(n, n + 200);
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-server-'));
  const sides: Side[] = [];
  const notes: string[] = [];
  let local: Archive | undefined;
  let queries: string[] = [];
  try {
    const lite = await openDatabase(join(dir, 'pglite'));
    try {
      // The local engine's archive: the bundle `jianbao build` makes of the same articles (the server's export equals it: tested).
      local = loadArchive(serializeBundle(buildBundle({ articles: [...first, ...day] }, { name: 'xwlb' })));
      queries = queriesOf(local, Number(process.env.JIANBAO_BENCH_SERVER_QUERIES ?? 1000));
      const localTimes: number[] = [];
      const index = loadSearchIndexSync(local);
      for (const pass of [0, 1]) {
        for (const q of queries) {
          const started = performance.now();
          searchQueryWithIndex(local, index, q, { limit: 10 });
          if (pass) localTimes.push(performance.now() - started);
        }
      }
      notes.push(`in-process core (same archive, warm): p50 ${fmt(percentile(localTimes, 50), 2)} ms, p95 ${fmt(percentile(localTimes, 95), 2)} ms; load ${load()}`);
      if (process.env.JIANBAO_BENCH_SERVER_PGLITE !== '0') sides.push(await measure('PGlite (embedded, folder)', lite, first, day, local, queries));
    } finally {
      await lite.close();
    }
    const cluster = await startCluster();
    if ('skipped' in cluster) notes.push(`PostgreSQL skipped: ${cluster.skipped}`);
    else {
      try {
        const pg = await openDatabase(cluster.url);
        try {
          sides.push(await measure(`PostgreSQL (${cluster.version.replace(/^postgres \(PostgreSQL\) /, '')}, fsync off)`, pg, first, day, local, queries, () => postgresCpuMeter(Number(new URL(cluster.url).port))));
        } finally {
          await pg.close();
        }
      } finally {
        cluster.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = sides.map((s) => [
    s.name,
    `${(s.ingestMs / 1000).toFixed(1)} s (${(first.length / (s.ingestMs / 1000)).toFixed(0)} art/s)`,
    `${(s.dayMs / 1000).toFixed(1)} s (CPU ${(s.dayCpuMs / 1000).toFixed(1)} s${s.dayDbCpu ? ` + PostgreSQL ${(Object.values(s.dayDbCpu).reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s` : ''})`,
    fmt(percentile(s.http, 50), 2),
    fmt(percentile(s.http, 95), 2),
    `${(s.parity * 100).toFixed(1)} % of ${queries.length}`,
    s.xref,
    s.load,
  ]);
  const phases = sides.flatMap((s) => [`- ${s.name}: lexicon after the day (updated from the stored evidence) vs one build of all ${first.length + day.length}: ${s.lexicon}`, `- ${s.name}: first ingest ${Object.entries(s.ingestTimings).map(([k, v]) => `${k} ${v}`).join(', ')} ms; day ${Object.entries(s.dayTimings).map(([k, v]) => `${k} ${v}`).join(', ')} ms; day CPU ms ${Object.entries(s.dayCpu).map(([k, v]) => `${k} ${v}`).join(', ')}${s.dayDbCpu ? `; day PostgreSQL CPU ms ${Object.entries(s.dayDbCpu).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`]);
  return {
    title,
    body: [
      `${first.length} xwlb stories ingested at once, then a day of ${day.length} more (the first ingest indexes everything; the day updates the postings of the affected articles only, and the lexicon from the stored per-article evidence, reading again only articles holding a name whose decision moved; the matcher is rebuilt from the terms); ${queries.length} queries from the archive, top 10, one HTTP client, second (warm) pass timed.`,
      table(['storage', 'ingest', 'day of 200', 'HTTP p50 ms', 'HTTP p95 ms', 'top-10 = core', 'xref = core (drafts)', 'load (1/5/15 min) before → after'], rows),
      ...notes.map((x) => `- ${x}`),
      ...phases,
    ].join('\n\n'),
  };
}
