// The search-eval latency queries (dev + held-out known items, absent things) on one core, for profiling:
//   JIANBAO_SHARED=… tsx src/search-eval-profile.ts [bundle.json] [--core dist-dir] [--top 30]
// Run under `node --cpu-prof --import tsx` to see where the slow ones go; prints per-category CPU p95 and the slowest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '@jianbao/core';
import { sharedPath, REPO_ROOT } from './shared-data.js';
import { percentile } from './report.js';
import { queryOf, readAbsent, readEval } from './search-eval/items.js';
import { xwlbSample } from './suites/search.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const core = (opt('core') ? await import(pathToFileURL(join(opt('core')!, 'index.js')).href) : current) as typeof current;
const dev = readEval('search-xwlb-dev.json');
const { articles } = xwlbSample(sharedPath('data', 'xwlb', 'stories.jsonl.gz')!, String(dev.sample.docs));
const byId = new Map(articles.map((a) => [a.id, a]));
const queries = ['search-xwlb-dev.json', 'search-xwlb-heldout.json'].flatMap((f) => readEval(f).items.map((i) => ({ cat: i.cat, q: queryOf(i, byId.get(i.id)!) })))
  .concat(readAbsent().map((a) => ({ cat: 'absent' as never, q: a.q })));
const bundlePath = args.find((a) => a.endsWith('.json')) ?? join(REPO_ROOT, 'benchmarks/.cache/search-eval-bundle-this_branch.json');
let t = performance.now();
let c = process.cpuUsage();
const archive = core.loadArchive(JSON.parse(readFileSync(bundlePath, 'utf8')));
await core.loadSearchIndex(archive);
const u0 = process.cpuUsage(c);
process.stderr.write(`load ${(performance.now() - t).toFixed(0)} ms wall, ${((u0.user + u0.system) / 1000).toFixed(0)} ms CPU\n`);
const rows: { cat: string; q: string; cpu: number }[] = [];
// --only-slow N: run every query once unprofiled, then profile only the N slowest (their algorithmic cost, JIT warm).
const onlySlow = Number(opt('only-slow') ?? 0);
if (onlySlow) {
  const first = queries.map(({ cat, q }) => { const c0 = process.cpuUsage(); core.searchArchive(archive, q, { limit: 10 }); const u = process.cpuUsage(c0); return { cat, q, cpu: (u.user + u.system) / 1000 }; });
  first.sort((a, b) => b.cpu - a.cpu);
  queries.length = 0;
  queries.push(...first.slice(0, onlySlow).map(({ cat, q }) => ({ cat, q })));
}
// --profile out.cpuprofile: a CPU profile of the queries alone (not the load).
const profileOut = opt('profile');
const inspector = profileOut ? new (await import('node:inspector')).Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => inspector!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
}
for (const { cat, q } of queries) {
  c = process.cpuUsage();
  core.searchArchive(archive, q, { limit: 10 });
  const u = process.cpuUsage(c);
  rows.push({ cat, q, cpu: (u.user + u.system) / 1000 });
}
if (inspector) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  (await import('node:fs')).writeFileSync(profileOut!, JSON.stringify(profile));
}
const cats = [...new Set(rows.map((r) => r.cat))];
for (const cat of cats) {
  const xs = rows.filter((r) => r.cat === cat).map((r) => r.cpu);
  process.stderr.write(`${cat}: n ${xs.length} p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} max ${Math.max(...xs).toFixed(2)}\n`);
}
const all = rows.map((r) => r.cpu);
process.stderr.write(`all: p50 ${percentile(all, 50).toFixed(2)} p95 ${percentile(all, 95).toFixed(2)} sum ${all.reduce((a, b) => a + b, 0).toFixed(0)}\n`);
rows.sort((a, b) => b.cpu - a.cpu);
for (const r of rows.slice(0, Number(opt('top') ?? 25))) process.stderr.write(`  ${r.cpu.toFixed(2)} ${r.cat} ${r.q}\n`);
