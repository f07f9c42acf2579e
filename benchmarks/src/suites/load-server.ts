// The newsroom server's query side under load (issue 17: p95 ≤ 50 ms with 16 concurrent clients): `jianbao serve`
// in its own process over an archive already ingested (JIANBAO_BENCH_LOAD_DB: a postgres:// URL or a PGlite folder
// holding the scale suite's synthetic archive, e.g. 20,000 + a day of 200), a warm sequential pass over the scale
// suite's 800 queries (seed 17), then 3,200 searches from 16 concurrent clients (seed 99), as the scale suite runs
// them. The load generator runs in this process at a lower priority (nice 10) than the server (nice 0) on the shared
// 2 cores, and its CPU is reported beside the server's and PostgreSQL's.
//
// JIANBAO_BENCH_LOAD_WORKERS=n adds `--workers n`; JIANBAO_BENCH_LOAD_PROFILE=dir writes the server's CPU profile
// (node --cpu-prof) there; JIANBAO_BENCH_LOAD_REQUESTS (3200) and JIANBAO_BENCH_LOAD_CLIENTS (16) change the load;
// JIANBAO_BENCH_LOAD_TOKEN is a read token of that database (else one is created).
import { getPriority, setPriority } from 'node:os';
import { createToken, openDatabase } from '@jianbao/server';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { rng } from '../random.js';
import { cpuOf, load, postgresCpu, rssOf, runClients, spawnServer, treeOf } from '../server-load.js';
import { queriesOf } from './scale-server.js';

export async function run(): Promise<SuiteResult> {
  const title = 'Newsroom server under load: 16 concurrent search clients against `jianbao serve` over an ingested archive';
  const spec = process.env.JIANBAO_BENCH_LOAD_DB;
  if (!spec) return { title, body: '', skipped: 'JIANBAO_BENCH_LOAD_DB (an ingested archive: postgres://… or a PGlite folder) not set' };
  const clients = Number(process.env.JIANBAO_BENCH_LOAD_CLIENTS ?? 16);
  const requests = Number(process.env.JIANBAO_BENCH_LOAD_REQUESTS ?? 3200);
  const workers = process.env.JIANBAO_BENCH_LOAD_WORKERS;
  const profile = process.env.JIANBAO_BENCH_LOAD_PROFILE;
  const db = await openDatabase(spec);
  let token = process.env.JIANBAO_BENCH_LOAD_TOKEN;
  let articles;
  let names: string[];
  try {
    token ??= (await createToken(db, 'read', 'load bench')).token;
    articles = (await db.query<{ doc: string }>('SELECT doc::text AS doc FROM articles ORDER BY seq')).map((r) => JSON.parse(r.doc));
    names = (await db.query<{ name: string }>("SELECT name FROM terms WHERE kind IN ('person', 'organisation', 'place') ORDER BY mention_count DESC LIMIT 3000")).map((r) => r.name);
  } finally {
    await db.close();
  }
  const queries = queriesOf(articles, names, 800);
  const port = /^postgres/.test(spec) ? Number(new URL(spec).port || 5432) : 0;
  const dbCpu = () => (port ? postgresCpu(port) : 0);
  // The clients below the server: this process (and the server it spawns, raised back) at nice 10.
  const before = getPriority();
  setPriority(Math.max(before, 10));
  const server = await spawnServer(spec, 1000, {
    nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    args: workers ? ['--workers', workers] : [],
  });
  const serverCpu = () => treeOf(server.pid).reduce((s, pid) => s + cpuOf(pid), 0);
  const serverRss = () => treeOf(server.pid).reduce((s, pid) => s + (rssOf(pid)?.rss ?? 0), 0);
  try {
    for (const pid of treeOf(server.pid)) setPriority(pid, before);
    // Each connection is dealt to one worker: with --workers n, n clients each send every query, so every worker is warm.
    const warm = await runClients(server.url, token, Number(workers ?? 1), (_, i) => (i < queries.length ? { path: `/v1/search?q=${encodeURIComponent(queries[i]!)}&limit=10` } : null));
    const afterWarm = serverRss();
    const random = rng(99);
    let sent = 0;
    const loadBefore = load();
    const s0 = serverCpu();
    const d0 = dbCpu();
    const c0 = process.cpuUsage();
    const res = await runClients(server.url, token, clients, () => (sent++ < requests ? { path: `/v1/search?q=${encodeURIComponent(queries[Math.floor(random() * queries.length)]!)}&limit=10` } : null), performance.now() + 900_000);
    const c1 = process.cpuUsage(c0);
    const perRequest = (seconds: number) => fmt((seconds * 1000) / res.requests, 2);
    const rows = [[
      `${workers ? `--workers ${workers}` : 'one process'}`,
      `${fmt(percentile(res.latencies, 50), 1)} / ${fmt(percentile(res.latencies, 95), 1)} / ${fmt(percentile(res.latencies, 99), 1)}`,
      `${(res.requests / res.seconds).toFixed(0)}`,
      `${res.errors.length + warm.errors.length}`,
      `${perRequest(serverCpu() - s0)} / ${port ? perRequest(dbCpu() - d0) : 'in process'} / ${perRequest((c1.user + c1.system) / 1e6)}`,
      `${afterWarm.toFixed(0)} → ${serverRss().toFixed(0)}`,
      `${loadBefore} → ${load()}`,
    ]];
    if (res.errors.length || warm.errors.length) process.stderr.write(`  errors: ${JSON.stringify([...warm.errors, ...res.errors].slice(0, 3))}\n`);
    return {
      title,
      body: [
        `${articles.length} articles in ${/^postgres/.test(spec) ? 'PostgreSQL' : 'PGlite'}; warm sequential pass over ${queries.length} queries (warm p95 ${fmt(percentile(warm.latencies, 95), 1)} ms), then ${res.requests} searches (limit 10) from ${clients} concurrent clients on loopback. The clients run at nice 10, the server at nice 0, on the machine's 2 shared cores.`,
        table(['server', 'p50 / p95 / p99 ms', 'req/s', 'errors', 'CPU ms per request: server / PostgreSQL / clients', 'server RSS MiB (warm → after)', 'load (1/5/15 min)'], rows),
      ].join('\n\n'),
    };
  } finally {
    await server.stop();
    setPriority(before);
  }
}
