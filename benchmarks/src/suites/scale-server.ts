// The newsroom server at scale (issue #17): a synthetic archive of 200,000
// articles (xwlb sentences recombined with a fixed seed, dates over 20 years)
// ingested at once into a real PostgreSQL (Debian's, a throwaway cluster
// started here as its own user) and into PGlite; then a day of 200 more; then
// search over HTTP from 16 concurrent clients against `jianbao serve` in a
// child process. Disk and memory are reported, CPU beside wall time, and the
// machine load with every figure (the machine is shared).
//
// JIANBAO_BENCH_SCALE_DOCS (default 200000) and JIANBAO_BENCH_SCALE_PGLITE_DOCS
// (default 50000; 0 skips PGlite) set the sizes. Skips cleanly without
// ../shared; the PostgreSQL part skips without Debian's server binaries.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive, loadSearchIndexSync, searchQueryWithIndex, type Article } from '@jianbao/core';
import { createToken, exportBundle, ingestArticles, openDatabase, type Database, type IngestResult } from '@jianbao/server';
import { startCluster } from '../../../packages/server/test/support/postgres.js';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { rng } from '../random.js';
import { cpuOf, load, postgresCpu, postgresCpuMeter, postgresRss, rssOf, runClients, spawnServer, syntheticArchive } from '../server-load.js';
import { loadXwlbArticles } from '../xwlb.js';

const CLIENTS = 16;
const REQUESTS = 3200;

const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

/** Queries from the archive with a fixed seed: sentence pieces of 2–6 characters, title pieces, lexicon names, two-part queries. */
export function queriesOf(articles: readonly Article[], names: readonly string[], count: number): string[] {
  const random = rng(17);
  const out = new Set<string>();
  while (out.size < count) {
    const a = articles[Math.floor(random() * articles.length)]!;
    const kind = out.size % 4;
    if (kind === 0 && names.length) out.add(names[Math.floor(random() * Math.min(names.length, 2000))]!);
    else if (kind === 1) out.add(a.title.slice(0, 2 + Math.floor(random() * 5)));
    else {
      const body = a.paragraphs.join('');
      const at = Math.floor(random() * Math.max(1, body.length - 8));
      const piece = body.slice(at, at + 2 + Math.floor(random() * 5)).replace(/[，。、；：“”！？《》（）\s]/g, '');
      if (kind === 3 && names.length) out.add(`${piece} ${names[Math.floor(random() * Math.min(names.length, 500))]}`);
      else if (piece.length >= 2) out.add(piece);
    }
  }
  return [...out];
}

interface Run {
  name: string;
  docs: number;
  first: { wallS: number; cpuS: number; dbCpuS: number; result: IngestResult; load: string };
  day: { wallS: number; cpuS: number; dbCpuS: number; result: IngestResult; load: string };
  disk: string;
  ingestPeakMiB: number;
  http: { p50: number; p95: number; p99: number; rps: number; errors: number; requests: number; load: string; cpuPerRequest: number; dbCpuPerRequest: number };
  serverMiB: { afterWarm: number; afterLoad: number; peak: number };
  dbMiB: number | null;
  parity?: string;
}

async function measure(name: string, spec: string, db: Database, first: Article[], day: Article[], dbCpu: () => number, ingestDbCpu: (() => () => number) | undefined, dbRss: () => number | null, disk: () => Promise<string>, closeDb: () => Promise<void>, parityQueries: number): Promise<Run> {
  const ingest = async (list: Article[], options: { name?: string }) => {
    const loadBefore = load();
    const c0 = process.cpuUsage();
    // The ingest's own backend, listed once (ps per phase would cost this process CPU too).
    const meter = ingestDbCpu?.();
    const d0 = meter?.() ?? 0;
    const t0 = performance.now();
    const result = await ingestArticles(db, list, { ...options, dbCpu: meter });
    return { wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds(process.cpuUsage(c0)), dbCpuS: meter ? meter() - d0 : 0, result, load: `${loadBefore} → ${load()}` };
  };
  process.stderr.write(`  ${name}: ingesting ${first.length} articles…\n`);
  const firstRun = await ingest(first, { name: 'scale' });
  process.stderr.write(`  ${name}: ${firstRun.wallS.toFixed(0)} s; a day of ${day.length}…\n`);
  const dayRun = await ingest(day, {});
  const ingestPeakMiB = process.resourceUsage().maxRSS / 1024;
  const names = (await db.query<{ name: string }>("SELECT name FROM terms WHERE kind IN ('person', 'organisation', 'place') ORDER BY mention_count DESC LIMIT 3000")).map((r) => r.name);
  const { token } = await createToken(db, 'read', 'scale bench');
  const size = await disk();
  await closeDb();

  const all = [...first, ...day];
  const queries = queriesOf(all, names, 800);
  process.stderr.write(`  ${name}: serving; warm pass of ${queries.length} queries, then ${REQUESTS} from ${CLIENTS} clients…\n`);
  const server = await spawnServer(spec);
  try {
    // One sequential pass warms the server's caches (postings and articles read once, JIT), as a long-running server is.
    const warm = await runClients(server.url, token, 1, (_, i) => (i < queries.length ? { path: `/v1/search?q=${encodeURIComponent(queries[i]!)}&limit=10` } : null));
    const afterWarm = rssOf(server.pid)?.rss ?? NaN;
    const random = rng(99);
    let sent = 0;
    const loadBefore = load();
    const serverCpu0 = cpuOf(server.pid);
    const dbCpu0 = dbCpu();
    const res = await runClients(server.url, token, CLIENTS, () => (sent++ < REQUESTS ? { path: `/v1/search?q=${encodeURIComponent(queries[Math.floor(random() * queries.length)]!)}&limit=10` } : null), performance.now() + 900_000);
    const mem = rssOf(server.pid);
    const cpuPerRequest = ((cpuOf(server.pid) - serverCpu0) * 1000) / res.requests;
    const dbCpuPerRequest = ((dbCpu() - dbCpu0) * 1000) / res.requests;
    const run: Run = {
      name, docs: all.length, first: firstRun, day: dayRun, disk: size, ingestPeakMiB,
      http: {
        p50: percentile(res.latencies, 50), p95: percentile(res.latencies, 95), p99: percentile(res.latencies, 99), rps: res.requests / res.seconds,
        errors: res.errors.length + warm.errors.length, requests: res.requests, load: `${loadBefore} → ${load()}`, cpuPerRequest, dbCpuPerRequest,
      },
      serverMiB: { afterWarm, afterLoad: mem?.rss ?? NaN, peak: mem?.peak ?? NaN },
      dbMiB: dbRss(),
    };
    if (res.errors.length || warm.errors.length) process.stderr.write(`  errors: ${JSON.stringify([...warm.errors, ...res.errors].slice(0, 3))}\n`);
    if (parityQueries) {
      // Top-10 parity with the local engine on the same archive: the server's own export as the local bundle.
      const reopened = await openDatabase(spec);
      try {
        const local = loadArchive(JSON.parse(JSON.stringify(await exportBundle(reopened))));
        const index = loadSearchIndexSync(local);
        let same = 0;
        const sample = queries.slice(0, parityQueries);
        for (const q of sample) {
          const r = await fetch(`${server.url}/v1/search?q=${encodeURIComponent(q)}&limit=10`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await r.json()) as { hits: { id: string }[] };
          if (JSON.stringify(searchQueryWithIndex(local, index, q, { limit: 10 }).hits.map((h) => h.id)) === JSON.stringify(body.hits.map((h) => h.id))) same++;
        }
        run.parity = `${same}/${sample.length}`;
      } finally {
        await reopened.close();
      }
    }
    return run;
  } finally {
    await server.stop();
  }
}

const phaseList = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');

const duOf = (path: string) => execFileSync('du', ['-sh', path], { encoding: 'utf8' }).split('\t')[0]!;

export async function run(): Promise<SuiteResult> {
  const title = 'Newsroom server at scale: a synthetic archive ingested into PostgreSQL and PGlite, a day more, 16 concurrent search clients';
  const stories = loadXwlbArticles();
  if (!stories) return { title, body: '', skipped: '../shared/data/xwlb absent' };
  const n = Number(process.env.JIANBAO_BENCH_SCALE_DOCS ?? 200_000);
  const nLite = Number(process.env.JIANBAO_BENCH_SCALE_PGLITE_DOCS ?? 50_000);
  const parity = Number(process.env.JIANBAO_BENCH_SCALE_PARITY ?? 0);
  const synthetic = syntheticArchive(stories, Math.max(n, nLite) + 200);
  const dayOf = (docs: number) => synthetic.slice(docs, docs + 200).map((a) => ({ ...a, date: '2025-01-01' }));
  const chars = synthetic.slice(0, n).reduce((s, a) => s + a.title.length + a.paragraphs.reduce((t, p) => t + p.length, 0), 0);
  const runs: Run[] = [];
  const notes: string[] = [];
  const cluster = await startCluster();
  if ('skipped' in cluster) notes.push(`PostgreSQL skipped: ${cluster.skipped}`);
  else {
    try {
      const port = Number(new URL(cluster.url).port);
      const db = await openDatabase(cluster.url);
      let open = true;
      try {
        runs.push(await measure(`PostgreSQL ${cluster.version.replace(/^postgres \(PostgreSQL\) /, '').split(' ')[0]} (fsync off)`, cluster.url, db, synthetic.slice(0, n), dayOf(n), () => postgresCpu(port), () => postgresCpuMeter(port), () => postgresRss(port), async () => {
          const [size] = await db.query<{ total: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS total');
          const tables = await db.query<{ name: string; size: string }>(
            "SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('articles', 'postings', 'terms', 'term_roles', 'sections') ORDER BY pg_total_relation_size(oid) DESC",
          );
          return `${size!.total} (${tables.map((t) => `${t.name} ${t.size}`).join(', ')})`;
        }, async () => {
          open = false;
          await db.close();
        }, parity));
      } finally {
        if (open) await db.close();
      }
    } finally {
      cluster.stop();
    }
  }
  if (nLite > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-scale-'));
    try {
      const folder = join(dir, 'archive.pglite');
      const db = await openDatabase(folder);
      let open = true;
      try {
        runs.push(await measure('PGlite (embedded, folder)', folder, db, synthetic.slice(0, nLite), dayOf(nLite), () => 0, undefined, () => null, async () => duOf(folder), async () => {
          open = false;
          await db.close();
        }, 0));
      } finally {
        if (open) await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rate = (docs: number, s: number) => `${(docs / s).toFixed(0)}/s`;
  const rows = runs.map((r) => [
    r.name,
    `${r.docs - 200}`,
    `${r.first.wallS.toFixed(0)} s · ${rate(r.docs - 200, r.first.wallS)} (CPU: jianbao ${r.first.cpuS.toFixed(0)} s${r.first.dbCpuS ? `, PostgreSQL ${r.first.dbCpuS.toFixed(0)} s` : ''} → ${rate(r.docs - 200, r.first.cpuS + (r.first.dbCpuS || 0))} per CPU-second)`,
    `${r.day.wallS.toFixed(1)} s (CPU ${r.day.cpuS.toFixed(1)} s${r.day.dbCpuS ? ` + ${r.day.dbCpuS.toFixed(1)} s` : ''})`,
    `${fmt(r.http.p50, 1)} / ${fmt(r.http.p95, 1)} / ${fmt(r.http.p99, 1)} ms · ${r.http.rps.toFixed(0)} req/s · ${r.http.errors} errors`,
    r.disk,
    `ingest peak ${r.ingestPeakMiB.toFixed(0)} · server ${r.serverMiB.afterWarm.toFixed(0)} → ${r.serverMiB.afterLoad.toFixed(0)} (peak ${r.serverMiB.peak.toFixed(0)})${r.dbMiB ? ` · PostgreSQL Σ RSS ${r.dbMiB.toFixed(0)}` : ''}`,
  ]);
  const phases = runs.flatMap((r) => [
    `- ${r.name}, first ingest phases (wall ms): ${phaseList(r.first.result.timings)}; CPU ms: ${phaseList(r.first.result.cpu)}${r.first.result.dbCpu ? `; PostgreSQL CPU ms: ${phaseList(r.first.result.dbCpu)}` : ''}; load ${r.first.load}`,
    `- ${r.name}, day phases (wall ms): ${phaseList(r.day.result.timings)}; CPU ms: ${phaseList(r.day.result.cpu)}${r.day.result.dbCpu ? `; PostgreSQL CPU ms: ${phaseList(r.day.result.dbCpu)}` : ''}; load ${r.day.load}`,
    `- ${r.name}, search load: ${r.http.requests} requests, CPU per request: server ${fmt(r.http.cpuPerRequest, 2)} ms${Number.isFinite(r.http.dbCpuPerRequest) && r.http.dbCpuPerRequest ? `, PostgreSQL ${fmt(r.http.dbCpuPerRequest, 2)} ms` : ''} (one server process: at most ~${(1000 / r.http.cpuPerRequest).toFixed(0)} req/s on a free core), load ${r.http.load}${r.parity ? `; top-10 = local engine (the server's export) on ${r.parity} queries` : ''}`,
  ]);
  return {
    title,
    body: [
      `${n.toLocaleString('en')} synthetic articles (${(chars / 1e6).toFixed(0)} M characters; xwlb sentences recombined, seed 20261207, dates 2005–2024) ingested in one call (one transaction), then a day of 200 (dated 2025-01-01); search: a warm sequential pass over 800 queries (sentence and title pieces, lexicon names, two-part queries; seed 17), then ${REQUESTS} requests from ${CLIENTS} concurrent clients on loopback against \`jianbao serve\` in its own process. PGlite: ${nLite.toLocaleString('en')} articles (see its limits below).`,
      table(['storage', 'articles', 'first ingest', 'day of 200', 'search p50 / p95 / p99', 'disk', 'memory MiB (RSS)'], rows),
      ...notes.map((x) => `- ${x}`),
      ...phases,
    ].join('\n\n'),
  };
}
