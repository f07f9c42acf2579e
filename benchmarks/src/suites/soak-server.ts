// The newsroom server's reliability soak (issue #17): `jianbao serve` in its own
// process over a real PostgreSQL (PGlite when Debian's server binaries are
// absent) holding the first 5,000 xwlb stories; first the bad requests over a
// real socket (malformed JSON, a 10 MB body, bad tokens, invalid queries: each
// must be a one-line JSON error with its 4xx code), then 16 concurrent clients
// for 10 minutes with the mix an editors' room sends (searches, articles, term
// lists and cards, draft cross-references, sections with If-None-Match); every
// answer must be a 2xx (or the 304 asked for). The server's resident memory is
// sampled every 5 s: a fixed universe of ~2,350 seeded requests is sent once first (the warm
// pass: caches full), then drawn from at random for the timed phase; flat means
// the last minute's mean within 10 % of the first minute's and a second-half
// slope under 2 MiB/min.
//
// JIANBAO_BENCH_SOAK_SECONDS (default 600) sets the length, JIANBAO_BENCH_SOAK_DOCS (default 5000) the archive. Skips cleanly
// without ../shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken, ingestArticles, openDatabase, type Database } from '@jianbao/server';
import { startCluster } from '../../../packages/server/test/support/postgres.js';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { rng } from '../random.js';
import { cpuOf, load, rssOf, spawnServer } from '../server-load.js';
import { loadXwlbArticles } from '../xwlb.js';

const CLIENTS = 16;

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den ? num / den : 0;
}

async function badRequests(url: string, token: string): Promise<string[]> {
  const failures: string[] = [];
  const check = async (label: string, res: Promise<Response>, status: number) => {
    try {
      const r = await res;
      const text = await r.text();
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (r.status !== status || !body.error?.code || text.trim().includes('\n')) failures.push(`${label}: ${r.status} ${text.slice(0, 120)}`);
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`);
    }
  };
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  await check('malformed JSON', fetch(`${url}/v1/xref`, { method: 'POST', headers: json, body: '{"draft": ' }), 400);
  await check('10 MB body', fetch(`${url}/v1/xref`, { method: 'POST', headers: json, body: JSON.stringify({ draft: '晋'.repeat(3_500_000) }) }), 413);
  await check('no token', fetch(`${url}/v1/search?q=%E6%99%8B`), 401);
  await check('bad token', fetch(`${url}/v1/search?q=%E6%99%8B`, { headers: { authorization: 'Bearer nonsense' } }), 401);
  await check('read token ingesting', fetch(`${url}/v1/articles`, { method: 'POST', headers: json, body: '{"articles":[]}' }), 403);
  await check('invalid query', fetch(`${url}/v1/search?q=${encodeURIComponent('"晋中')}&from=yesterday`, { headers: auth }), 400);
  await check('query too long', fetch(`${url}/v1/search?q=${encodeURIComponent('晋'.repeat(600))}`, { headers: auth }), 400);
  return failures;
}

export async function run(): Promise<SuiteResult> {
  const title = 'Newsroom server soak: 16 concurrent clients for 10 minutes, no error, memory flat; bad requests over a real socket';
  const stories = loadXwlbArticles();
  if (!stories) return { title, body: '', skipped: '../shared/data/xwlb absent' };
  const seconds = Number(process.env.JIANBAO_BENCH_SOAK_SECONDS ?? 600);
  const articles = stories.slice(0, Number(process.env.JIANBAO_BENCH_SOAK_DOCS ?? 5000));
  const cluster = await startCluster();
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-soak-'));
  const spec = 'skipped' in cluster ? join(dir, 'archive.pglite') : cluster.url;
  const storage = 'skipped' in cluster ? `PGlite (PostgreSQL skipped: ${cluster.skipped})` : `PostgreSQL ${cluster.version.replace(/^postgres \(PostgreSQL\) /, '').split(' ')[0]}`;
  try {
    let db: Database = await openDatabase(spec);
    let token: string;
    let termIds: string[];
    let etag: string;
    try {
      await ingestArticles(db, articles, { name: 'xwlb' });
      ({ token } = await createToken(db, 'read', 'soak'));
      termIds = (await db.query<{ id: string }>('SELECT id FROM terms ORDER BY mention_count DESC LIMIT 500')).map((r) => r.id);
      etag = (await db.query<{ etag: string }>("SELECT etag FROM sections WHERE name = 'matcher'"))[0]!.etag;
    } finally {
      await db.close();
    }
    const server = await spawnServer(spec, 5000);
    try {
      const bad = await badRequests(server.url, token);
      // A fixed universe of requests (seeded), as a newsroom asks the same archive again and again: a warm pass sends each
      // once, so the caches are full before the timed phase, and memory that still grows after that is a leak.
      const random = rng(4242);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      const piece = (): string => {
        for (;;) {
          const a = pick(articles);
          const body = a.paragraphs.join('');
          const at = Math.floor(random() * Math.max(1, body.length - 8));
          const p = body.slice(at, at + 2 + Math.floor(random() * 4));
          if (/[\u4e00-\u9fff]{2}/.test(p)) return p;
        }
      };
      const auth = { authorization: `Bearer ${token}` };
      type Req = { path: string; init?: RequestInit; status: number };
      const universe: Req[] = [];
      for (let i = 0; i < 1500; i++) universe.push({ path: `/v1/search?q=${encodeURIComponent(piece())}&limit=10`, status: 200 });
      for (let i = 0; i < 200; i++) universe.push({ path: `/v1/search?q=${encodeURIComponent(`"${piece()}" -${piece().slice(0, 2)}`)}&sort=date&limit=20`, status: 200 });
      for (let i = 0; i < 300; i++) universe.push({ path: `/v1/articles/${encodeURIComponent(pick(articles).id)}`, status: 200 });
      for (let i = 0; i < 200; i++) universe.push({ path: `/v1/terms/${pick(termIds)}`, status: 200 });
      for (let i = 0; i < 50; i++) universe.push({ path: `/v1/terms?limit=20&offset=${Math.floor(random() * 200)}`, status: 200 });
      for (let i = 0; i < 100; i++) {
        const a = pick(articles);
        universe.push({ path: '/v1/xref', init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ draft: a.paragraphs.slice(0, 3).join('\n') }) }, status: 200 });
      }
      universe.push({ path: '/v1/sections/matcher', init: { headers: { ...auth, 'if-none-match': etag } }, status: 304 }, { path: '/v1/revision', status: 200 });
      const weights: [number, number, number][] = [[0.55, 0, 1500], [0.62, 1500, 1700], [0.72, 1700, 2000], [0.80, 2000, 2200], [0.85, 2200, 2250], [0.93, 2250, 2350], [0.97, 2350, 2351], [1, 2351, 2352]];
      const next = (): Req => {
        const r = random();
        const [, from, to] = weights.find(([w]) => r < w)!;
        return universe[from + Math.floor(random() * (to - from))]!;
      };
      const errorCodes = new Map<string, number>();
      const send = async (req: Req, record?: (ms: number) => void) => {
        const started = performance.now();
        try {
          const res = await fetch(server.url + req.path, req.init ?? { headers: auth });
          const text = await res.text();
          record?.(performance.now() - started);
          if (res.status !== req.status) {
            const code = `${res.status} ${/"code":"(\w+)"/.exec(text)?.[1] ?? ''}`;
            errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
            return `${req.path.slice(0, 60)}: ${res.status} ${text.slice(0, 100)}`;
          }
          if (res.status === 200) JSON.parse(text);
        } catch (error) {
          errorCodes.set('network', (errorCodes.get('network') ?? 0) + 1);
          return `${req.path.slice(0, 60)}: ${(error as Error).message}`;
        }
        return null;
      };
      let w = 0;
      const warmErrors: string[] = [];
      const warmStarted = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (w < universe.length) {
          const e = await send(universe[w++]!);
          if (e) warmErrors.push(e);
        }
      }));
      const warmSeconds = (performance.now() - warmStarted) / 1000;
      server.samples.length = 0;
      const cpu0 = cpuOf(server.pid);
      const latencies: number[] = [];
      const errors: string[] = [];
      const byKind = new Map<string, number>();
      const loadBefore = load();
      const t0 = performance.now();
      const deadline = t0 + seconds * 1000;
      const samples = server.samples;
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const req = next();
          const kind = req.path.split('?')[0]!.split('/').slice(0, 3).join('/');
          byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
          const e = await send(req, (ms) => latencies.push(ms));
          if (e) errors.push(e);
        }
      }));
      const took = (performance.now() - t0) / 1000;
      const cpuPerRequest = ((cpuOf(server.pid) - cpu0) * 1000) / latencies.length;
      const mean = (list: { rss: number }[]) => list.reduce((s, x) => s + x.rss, 0) / Math.max(1, list.length);
      // Sample times count from the server's start; the timed phase began after the warm pass.
      const t1 = samples[0]?.at ?? 0;
      for (const x of samples) x.at -= t1;
      const warm = samples.filter((s) => s.at < 60);
      const last = samples.filter((s) => s.at >= took - 60);
      const half = samples.filter((s) => s.at >= took / 2).map((s) => ({ x: s.at / 60, y: s.rss }));
      const rise = mean(last) / mean(warm) - 1;
      const perMinute = slope(half);
      const flat = Math.abs(rise) <= 0.1 && perMinute <= 2;
      const peak = rssOf(server.pid)?.peak ?? NaN;
      return {
        title,
        body: [
          `${storage}, ${articles.length} xwlb stories; \`jianbao serve\` in its own process; ${CLIENTS} clients on loopback for ${took.toFixed(0)} s: searches (55 %, plus 7 % with phrase, exclusion and date sort), articles, term cards and lists, draft cross-references (first three paragraphs of a story), the matcher section with If-None-Match (304 expected), revision. Load ${loadBefore} → ${load()}.`,
          table(['requests', 'errors', 'req/s', 'p50 / p95 / p99 ms', 'server RSS MiB: first → last minute (peak)', 'slope, second half', 'memory flat'], [[
            latencies.length, errors.length, (latencies.length / took).toFixed(0), `${fmt(percentile(latencies, 50), 1)} / ${fmt(percentile(latencies, 95), 1)} / ${fmt(percentile(latencies, 99), 1)}`,
            `${mean(warm).toFixed(0)} → ${mean(last).toFixed(0)} (${rise >= 0 ? '+' : ''}${(rise * 100).toFixed(1)} %; peak ${peak.toFixed(0)})`, `${perMinute.toFixed(2)} MiB/min`, flat ? 'yes' : 'NO',
          ]]),
          `- Warm pass: ${universe.length} distinct requests in ${warmSeconds.toFixed(0)} s, ${warmErrors.length} errors. Timed phase, requests by endpoint: ${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}; server CPU ${fmt(cpuPerRequest, 2)} ms per request (one process: ~${(1000 / cpuPerRequest).toFixed(0)} req/s on a free core)`,
          ...(errorCodes.size ? [`- Errors by status and code: ${[...errorCodes].map(([k, v]) => `${k} × ${v}`).join(', ')}`] : []),
          `- RSS samples (MiB, every 5 s): ${samples.filter((_, i) => i % 12 === 0).map((s) => `${s.at.toFixed(0)} s ${s.rss.toFixed(0)}`).join(', ')}`,
          `- Bad requests over the socket (malformed JSON 400, 10 MB body 413, no/bad token 401, read token ingesting 403, invalid query 400, 600-character query 400): ${bad.length ? `FAILED: ${bad.join('; ')}` : 'each a one-line JSON error with its code'}`,
          ...([...warmErrors, ...errors].length ? [`- First errors: ${[...warmErrors, ...errors].slice(0, 3).join(' | ')}`] : []),
        ].join('\n\n'),
      };
    } finally {
      await server.stop();
    }
  } finally {
    if (!('skipped' in cluster)) cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
