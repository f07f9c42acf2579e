// The search bench's known-item queries (benchmarks/src/suites/search.ts,
// `atScale`) on Jianbao alone, for profiling and for checking that a speed-up
// changes no result. Uses ../shared/data/xwlb (evaluation only).
//
//   tsx src/search-latency.ts [--docs 5000|all] [--passes 1] [--dump file.json] [--compare file.json] [--minisearch] [--bare-load]
//
// --dump writes every query's hits (id, score, snippet, highlights); --compare
// reads such a file and lists the queries whose hits differ. Timings are per
// query (wall and process CPU), first pass cold as in the bench.
import { readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import * as core from '@jianbao/core';
import { buildSearchIndex, createBundle, loadArchive, searchIndexFromSection, searchWithIndex, articleBody, type SearchHit } from '@jianbao/core';
import MiniSearch from 'minisearch';
import { sharedPath } from './shared-data.js';
import { percentile } from './report.js';
import { xwlbKnownItems } from './suites/search.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
if (!path) throw new Error('../shared/data/xwlb/stories.jsonl.gz not found (set JIANBAO_SHARED)');

const { articles, items } = xwlbKnownItems(path, arg('docs') ?? '5000');
let t = performance.now();
const built = buildSearchIndex(articles, {});
const buildMs = performance.now() - t;
const text = JSON.stringify(built.toSection());
// By default the index is loaded as a long-lived host loads it: core's loadSearchIndex over a bundle whose
// `search` section is the serialised index (decoding, squeezing the texts, the warm-up), and the load time
// printed includes all of it. --bare-load: only searchIndexFromSection (the texts squeezed by the first
// queries that need them, no warm-up; what this script did before loadSearchIndex warmed up).
const bare = args.includes('--bare-load');
t = performance.now();
const archive = loadArchive(bare ? createBundle(articles, { name: 'bench' }) : { ...createBundle(articles, { name: 'bench' }), search: JSON.parse(text) });
const loadSearchIndex = (core as { loadSearchIndex?: (a: typeof archive) => Promise<ReturnType<typeof searchIndexFromSection>> }).loadSearchIndex!;
const index = bare ? searchIndexFromSection(JSON.parse(text)) : await loadSearchIndex(archive);
const loadMs = performance.now() - t;
process.stderr.write(`${articles.length} stories, ${items.length} queries; build ${(buildMs / 1000).toFixed(1)} s, load ${loadMs.toFixed(0)} ms (${bare ? 'searchIndexFromSection' : 'loadSearchIndex'})\n`);

const stats = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)} max ${Math.max(...xs).toFixed(2)}`;

// GC pauses, to tell a query's own cost from a collection that happened to fall in it.
const gcs: { start: number; end: number; kind: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });
const spans: { start: number; end: number }[] = [];

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const start = performance.now();
  const c = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(c);
  spans.push({ start, end: performance.now() });
  return { value, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

if (args.includes('--jit-first')) {
  // Warm the JIT on a separate copy (its own articles and index: nothing cached is shared), so pass 1 measures cold caches only.
  const copy = JSON.parse(JSON.stringify(articles)) as typeof articles;
  const other = loadArchive(createBundle(copy, { name: 'warm-up' }));
  const otherIndex = searchIndexFromSection(JSON.parse(text));
  for (const item of items) searchWithIndex(other, otherIndex, item.query, { limit: 10 });
}

if (args.includes('--prepare')) {
  t = performance.now();
  // Through the namespace, so this script also runs against an older core (for before/after figures).
  (core as { prepareSearchTextsSync?: (a: typeof archive) => void }).prepareSearchTextsSync?.(archive);
  process.stderr.write(`prepareSearchTextsSync ${(performance.now() - t).toFixed(0)} ms\n`);
}

const passes = Number(arg('passes') ?? '1');
let dump: { q: string; hits: Pick<SearchHit, 'id' | 'score' | 'snippet' | 'highlights'>[] }[] = [];
const slow: { q: string; cpu: number }[] = [];
const best = items.map(() => Infinity);
for (let pass = 0; pass < passes; pass++) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let rr = 0;
  dump = [];
  for (const item of items) {
    const r = timed(() => searchWithIndex(archive, index, item.query, { limit: 10 }));
    wall.push(r.wall);
    cpu.push(r.cpu);
    const k = wall.length - 1;
    if (pass > 0) best[k] = Math.min(best[k]!, r.wall);
    const rank = r.value.findIndex((h) => h.id === item.id);
    if (rank >= 0) rr += 1 / (rank + 1);
    if (pass === 0 && rank !== 0) process.stderr.write(`known item not first (rank ${rank + 1}): ${item.kind} ${item.query} → ${item.id}; first ${r.value[0]?.id} ${r.value[0]?.title}\n`);
    if (pass === 0) slow.push({ q: `#${k} ${item.query}`, cpu: r.cpu });
    dump.push({ q: item.query, hits: r.value.map(({ id, score, snippet, highlights }) => ({ id, score, snippet, highlights })) });
  }
  process.stderr.write(`Jianbao pass ${pass + 1}: wall ${stats(wall)} | CPU ${stats(cpu)} | MRR ${(rr / items.length).toFixed(4)}\n`);
}
await new Promise((r) => setTimeout(r, 10));
{
  const inQueries = gcs.filter((g) => spans.some((sp) => g.start < sp.end && g.end > sp.start));
  process.stderr.write(`GC during queries (all passes): ${inQueries.length} pauses, ${inQueries.reduce((a, g) => a + g.end - g.start, 0).toFixed(0)} ms; kinds ${JSON.stringify(inQueries.map((g) => g.kind).reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {} as Record<number, number>))}\n`);
}
if (args.includes('--cold-vs-warm') && passes > 1) {
  const first = slow.map((x, k) => ({ ...x, k }));
  first.sort((a, b) => b.cpu - a.cpu);
  for (const x of first.slice(0, 40)) process.stderr.write(`  cold ${x.cpu.toFixed(2)} warm ${best[x.k]!.toFixed(2)} ${x.q}\n`);
}
// Each query's fastest warm run: the steadiest figure when other processes share the machine.
if (passes > 1) process.stderr.write(`Jianbao warm, per-query min over passes 2..${passes}: ${stats(best)} mean ${(best.reduce((a, b) => a + b, 0) / best.length).toFixed(3)}\n`);
slow.sort((a, b) => b.cpu - a.cpu);
process.stderr.write(`slowest (pass 1 CPU ms): ${slow.slice(0, 40).map((s) => `${s.q} ${s.cpu.toFixed(1)}`).join(' · ')}\n`);

if (args.includes('--minisearch')) {
  const ms = new MiniSearch({ fields: ['title', 'subtitle', 'body'], storeFields: [] });
  ms.addAll(articles.map((a) => ({ id: a.id, title: a.title, subtitle: '', body: articleBody(a) })));
  const loaded = MiniSearch.loadJSON(JSON.stringify(ms), { fields: ['title', 'subtitle', 'body'], storeFields: [] });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const r = timed(() => loaded.search(item.query).slice(0, 10));
    wall.push(r.wall);
    cpu.push(r.cpu);
  }
  process.stderr.write(`MiniSearch default: wall ${stats(wall)} | CPU ${stats(cpu)}\n`);
}

const out = arg('dump');
if (out) writeFileSync(out, JSON.stringify(dump));
const base = arg('compare');
if (base) {
  const before = JSON.parse(readFileSync(base, 'utf8')) as typeof dump;
  let differ = 0;
  before.forEach((b, i) => {
    const a = dump[i]!;
    if (a.q !== b.q) throw new Error(`query ${i} differs: ${a.q} vs ${b.q}`);
    if (JSON.stringify(a.hits) !== JSON.stringify(b.hits)) {
      differ++;
      if (differ <= 10) process.stderr.write(`DIFF ${b.q}\n  before ${JSON.stringify(b.hits.map((h) => [h.id, h.score]))}\n  after  ${JSON.stringify(a.hits.map((h) => [h.id, h.score]))}\n`);
    }
  });
  process.stderr.write(`compare: ${differ} of ${before.length} queries differ (ids, scores, snippets, highlights)\n`);
  if (differ) process.exitCode = 1;
}
