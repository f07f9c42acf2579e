// Search evaluation on xwlb and the seeds: known-item MRR@10 per category (dev and held-out sets, made in advance
// with fixed seeds: benchmarks/eval, src/search-eval/make.ts), absent-thing queries answered empty, the seed dev
// queries' nDCG@10, top-k stability (the first k hits the same for every limit ≥ k), latency against a brute-force
// indexOf scan of the same archive, and the first query after load by query type (each in a fresh process).
// A baseline core (main before the change: a built packages/core/dist copied to packages/core/.baseline/dist, or
// JIANBAO_BASELINE_CORE) runs side by side in the same run when present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '@jianbao/core';
import type { Archive, Article } from '@jianbao/core';
import { REPO_ROOT, sharedPath } from '../shared-data.js';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { CATEGORIES, queryOf, readAbsent, readEval, type KnownItemSpec } from '../search-eval/items.js';
import { ndcgAt10, rng, xwlbSample, type Judged } from './search.js';

type Core = typeof current;
interface Hit { id: string; title: string }
type Search = (q: string, limit: number) => Hit[];

const BASELINE = process.env.JIANBAO_BASELINE_CORE ?? join(REPO_ROOT, 'packages/core/.baseline/dist');

/** Other cores to run beside this branch: `JIANBAO_COMPARE_CORES="name=dist-dir;name=dist-dir"` (e.g. a baseline and a previous main), else BASELINE. */
function otherCores(): { name: string; dir: string }[] {
  const listed = process.env.JIANBAO_COMPARE_CORES;
  if (listed) return listed.split(';').filter(Boolean).map((pair) => { const [name, dir] = pair.split('='); return { name: name!.trim(), dir: dir!.trim() }; });
  return existsSync(join(BASELINE, 'index.js')) ? [{ name: 'baseline (main before)', dir: BASELINE }] : [];
}

async function cores(): Promise<{ name: string; core: Core; dir: string }[]> {
  const out: { name: string; core: Core; dir: string }[] = [];
  for (const { name, dir } of otherCores()) out.push({ name, dir, core: (await import(pathToFileURL(join(dir, 'index.js')).href)) as Core });
  out.push({ name: 'this branch', core: current, dir: join(REPO_ROOT, 'packages/core/dist') });
  return out;
}

/**
 * The bundle of the sample as `jianbao build` makes it (lexicon included), built by the core that searches it (a
 * baseline core may not read a newer bundle version); cached in .cache when JIANBAO_EVAL_CACHE=1 (while iterating).
 */
function sampleBundle(core: Core, tag: string, articles: Article[]): { text: string; path: string } {
  const dir = join(REPO_ROOT, 'benchmarks/.cache');
  const path = join(dir, `search-eval-bundle-${tag.replace(/[^\w.-]+/g, '_')}.json`);
  mkdirSync(dir, { recursive: true });
  if (process.env.JIANBAO_EVAL_CACHE === '1' && existsSync(path)) return { text: readFileSync(path, 'utf8'), path };
  const text = JSON.stringify(core.buildBundle({ articles }, { name: 'xwlb-sample' }));
  writeFileSync(path, text);
  return { text, path };
}

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const start = performance.now();
  const c = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(c);
  return { value, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

interface KnownQuery { cat: string; q: string; id: string }

function knownQueries(file: string, byId: Map<string, Article>): KnownQuery[] {
  return readEval(file).items.map((item: KnownItemSpec) => ({ cat: item.cat, q: queryOf(item, byId.get(item.id)!), id: item.id }));
}

function mrr(search: Search, items: KnownQuery[]): Map<string, number> {
  const sums = new Map<string, { rr: number; n: number }>();
  for (const item of items) {
    const rank = search(item.q, 10).findIndex((h) => h.id === item.id);
    const s = sums.get(item.cat) ?? { rr: 0, n: 0 };
    s.rr += rank >= 0 ? 1 / (rank + 1) : 0;
    s.n++;
    sums.set(item.cat, s);
  }
  return new Map([...sums].map(([cat, s]) => [cat, s.rr / s.n]));
}

/** Queries whose first k hits change with the limit: result(L) must equal result(20)'s first L for every L. */
function instability(search: Search, queries: string[]): { unstable: number; examples: string[] } {
  let unstable = 0;
  const examples: string[] = [];
  for (const q of queries) {
    const full = search(q, 20).map((h) => h.id);
    const bad = [1, 2, 3, 5, 10].some((limit) => search(q, limit).map((h) => h.id).join() !== full.slice(0, limit).join());
    if (bad) {
      unstable++;
      if (examples.length < 5) examples.push(q);
    }
  }
  return { unstable, examples };
}

/** ≥ 2,000 queries: every eval query, plus 1–4-character pieces of titles and clauses (broad queries with many hits). */
function stabilityQueries(known: KnownQuery[], absent: string[], articles: Article[]): string[] {
  const random = rng(5151);
  const out = [...known.map((k) => k.q), ...absent];
  while (out.length < 2400) {
    const a = articles[Math.floor(random() * articles.length)]!;
    const text = random() < 0.5 ? a.title : (a.paragraphs[0] ?? a.title);
    const len = 1 + Math.floor(random() * 4);
    const at = Math.floor(random() * Math.max(1, text.length - len));
    const piece = text.slice(at, at + len).trim();
    if (piece) out.push(random() < 0.2 ? `${piece} ${text.slice(0, 2)}` : piece);
  }
  return out;
}

/** ids, scores, snippets and highlights at limits 1, 3, 10 and 20, one string per query. */
function fingerprintOf(core: Core, archive: Archive, queries: string[]): string[] {
  return queries.map((q) => [1, 3, 10, 20].map((limit) => JSON.stringify(core.searchArchive(archive, q, { limit }).map((h) => [h.id, h.score, h.snippet, h.highlights]))).join('\n'));
}

function seedArchive(core: Core): { archive: Archive; titleOf: (id: string) => string } {
  const dir = join(REPO_ROOT, 'seeds');
  const pages = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const articles = core.parsePages(pages);
  const archive = core.loadArchive(JSON.parse(JSON.stringify(core.buildBundle({ articles }, { name: 'seeds' }))));
  return { archive, titleOf: (id) => archive.get(id)?.title ?? '' };
}

/** The first query after a host-like load, in a fresh process per query type (JIT cold), CPU ms. */
function firstQueryCpu(coreDir: string, bundlePath: string, queries: Record<string, string>): Record<string, string> {
  const script = `
    const core = await import(${JSON.stringify(pathToFileURL(join(coreDir, 'index.js')).href)});
    const { readFileSync } = await import('node:fs');
    const archive = core.loadArchive(JSON.parse(readFileSync(${JSON.stringify(bundlePath)}, 'utf8')));
    await core.loadSearchIndex(archive);
    const q = process.argv[1];
    // "syntax:" queries go through searchQuery (the hosts' entry point), when the core has it.
    const syntax = q.startsWith('syntax:');
    if (syntax && !core.searchQuery) { process.stdout.write('NaN'); process.exit(0); }
    const c = process.cpuUsage();
    if (syntax) core.searchQuery(archive, q.slice(7), { limit: 20 });
    else core.searchArchive(archive, q, { limit: 10 });
    const u = process.cpuUsage(c);
    process.stdout.write(String((u.user + u.system) / 1000));`;
  // Several fresh processes per query type: the median, and the highest beside it.
  const runs = Number(process.env.JIANBAO_FIRST_RUNS ?? 3);
  const out: Record<string, string> = {};
  for (const [kind, q] of Object.entries(queries)) {
    const cpu = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script, q], { encoding: 'utf8' }))).sort((a, b) => a - b);
    out[kind] = `${fmt(cpu[(runs - 1) >> 1]!, 1)} (${fmt(cpu[runs - 1]!, 1)})`;
  }
  return out;
}

export async function run(): Promise<SuiteResult> {
  const title = 'Search evaluation: known items per category, absent things, stability, latency vs a scan, first query';
  const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
  if (!path || !sharedPath('eval', 'queries-dev.json')) return { title, body: '', skipped: '../shared (data/xwlb, eval/queries-dev.json) not found; set JIANBAO_SHARED' };
  const dev = readEval('search-xwlb-dev.json');
  const { articles } = xwlbSample(path, String(dev.sample.docs));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sets = { dev: knownQueries('search-xwlb-dev.json', byId), 'held-out': knownQueries('search-xwlb-heldout.json', byId) };
  const absent = readAbsent().map((a) => a.q);
  const judged = JSON.parse(readFileSync(sharedPath('eval', 'queries-dev.json')!, 'utf8')) as Judged[];
  const stability = stabilityQueries([...sets.dev, ...sets['held-out']], absent, articles);
  const latencyQueries = [...sets.dev, ...sets['held-out']].map((k) => k.q).concat(absent);
  const latencyCats = [...sets.dev, ...sets['held-out']].map((k) => k.cat).concat(absent.map(() => 'absent'));
  const typeNames = [...CATEGORIES, 'absent'];

  // The brute-force reference: every story's title and body scanned with indexOf for the query as typed.
  const texts = articles.map((a) => `${a.title}\n${a.paragraphs.join('\n')}`);
  const scan = (q: string) => { let n = 0; for (const t of texts) if (t.indexOf(q) >= 0) n++; return n; };
  const rounds = Number(process.env.JIANBAO_EVAL_ROUNDS ?? 5);
  const sameAs = stability.concat(latencyQueries);

  const quality: (string | number)[][] = [];
  const costRows: (string | number)[][] = [];
  const notes: string[] = [];
  const firstRows: (string | number)[][] = [];
  const typeRows: (string | number)[][] = [];
  const scanTypeRows: (string | number)[][] = [];
  const sameRows: (string | number)[][] = [];
  const fingerprints = new Map<string, string[]>();
  const bundles = new Map<string, string>();
  const searchers: { name: string; search: Search }[] = [];
  const firstQueries: Record<string, string> = {
    title: sets.dev.find((k) => k.cat === 'title')!.q, phrase: sets.dev.find((k) => k.cat === 'phrase')!.q,
    typo: sets.dev.find((k) => k.cat === 'typo')!.q, traditional: sets.dev.find((k) => k.cat === 'traditional')!.q,
    spaced: sets.dev.find((k) => k.cat === 'spaced')!.q, absent: absent[0]!, pinyin: 'xinzhi shengchanli', 'name fallback': '韦涛', latin: 'APEC', 'one char': '港',
    // The syntax path: a phrase, an exclusion, a paper and a month range, newest first.
    syntax: 'syntax:经济 -会议 paper:新闻联播 2018-03..2019-06 sort:date',
  };
  for (const { name, core, dir } of await cores()) {
    process.stderr.write(`  search-eval: ${name}…\n`);
    const { text: bundleText, path: bundlePath } = sampleBundle(core, name, articles);
    let t = performance.now();
    const loadStart = process.cpuUsage();
    const archive = core.loadArchive(JSON.parse(bundleText));
    await core.loadSearchIndex(archive);
    const load = performance.now() - t;
    const loadUsed = process.cpuUsage(loadStart);
    const loadCpu = (loadUsed.user + loadUsed.system) / 1000;
    const search: Search = (q, limit) => core.searchArchive(archive, q, { limit });
    const perSet = Object.entries(sets).map(([set, items]) => ({ set, m: mrr(search, items) }));
    const empty = absent.filter((q) => search(q, 10).length === 0).length;
    const seeds = seedArchive(core);
    const ndcg = judged.reduce((sum, j) => sum + ndcgAt10(core.searchArchive(seeds.archive, j.q, { limit: 10 }).map((h) => h.id), seeds.titleOf, j), 0) / judged.length;
    const stable = instability(search, stability);
    for (const { set, m } of perSet) quality.push([name, set, ...CATEGORIES.map((c) => fmt(m.get(c) ?? 0)), set === 'dev' ? `${empty}/${absent.length} (${fmt((100 * empty) / absent.length, 1)} %)` : '', set === 'dev' ? fmt(ndcg) : '', set === 'dev' ? `${stable.unstable} of ${stability.length}` : '']);
    if (stable.examples.length) notes.push(`${name}: unstable e.g. ${stable.examples.map((q) => `「${q}」`).join(' ')}`);
    // First pass: each query once, right after the quality checks (which ran them too: not cold), CPU time.
    const cold = latencyQueries.map((q) => timed(() => search(q, 10)).cpu);
    costRows.push([name, fmt(load / 1000, 2), fmt(loadCpu / 1000, 2), fmt(percentile(cold, 50), 2), fmt(percentile(cold, 95), 2)]);
    searchers.push({ name, search });
    // The results themselves (ids, scores, snippets, highlights) at limits 1, 3, 10 and 20, compared between cores.
    const fingerprint = fingerprintOf(core, archive, sameAs);
    bundles.set(name, bundleText);
    for (const [other, prints] of fingerprints) {
      const differ = sameAs.filter((_, i) => prints[i] !== fingerprint[i]);
      sameRows.push([other, name, `${differ.length} of ${sameAs.length}`, differ.slice(0, 3).map((q) => `「${q}」`).join(' ')]);
    }
    fingerprints.set(name, fingerprint);
    const first = firstQueryCpu(dir, bundlePath, firstQueries);
    firstRows.push([name, ...Object.values(first)]);
  }
  // The engine alone: this branch's core on each other core's bundle (a bundle made by another core differs where the
  // lexicon or the build changed), against that core's results on it.
  for (const [other, text] of bundles) {
    if (other === 'this branch') continue;
    const archive = current.loadArchive(JSON.parse(text));
    await current.loadSearchIndex(archive);
    const fingerprint = fingerprintOf(current, archive, sameAs);
    const prints = fingerprints.get(other)!;
    const differ = sameAs.filter((_, i) => prints[i] !== fingerprint[i]);
    sameRows.push([`${other}`, `this branch, on ${other}'s bundle`, `${differ.length} of ${sameAs.length}`, differ.slice(0, 3).map((q) => `「${q}」`).join(' ')]);
  }
  // The latency rounds, every core and the scan interleaved: per round, per query, each side in turn (the order
  // rotating by round), CPU time. Per query and side the minimum over the rounds (and the median, less kind), so
  // every side is measured the same way at the same moments: load from other processes or drift over a long run
  // inflates no core's figure more than another's or the scan's.
  const sides: { name: string; run: (q: string) => unknown }[] = [{ name: 'scan', run: scan }, ...searchers.map(({ name, search }) => ({ name, run: (q: string) => search(q, 10) }))];
  const samples = sides.map(() => latencyQueries.map(() => [] as number[]));
  for (let r = 0; r < rounds; r++) {
    latencyQueries.forEach((q, i) => {
      for (let k = 0; k < sides.length; k++) {
        const side = (k + r) % sides.length;
        samples[side]![i]!.push(timed(() => sides[side]!.run(q)).cpu);
      }
    });
  }
  const minima = samples.map((perQuery) => perQuery.map((v) => Math.min(...v)));
  const medians = samples.map((perQuery) => perQuery.map((v) => percentile(v, 50)));
  const scan95 = percentile(minima[0]!, 95);
  const scanMedian95 = percentile(medians[0]!, 95);
  sides.forEach((side, k) => {
    if (k === 0) return;
    const row = costRows.find((r) => r[0] === side.name)!;
    const engine95 = percentile(minima[k]!, 95);
    const median95 = percentile(medians[k]!, 95);
    row.push(fmt(percentile(minima[k]!, 50), 2), fmt(engine95, 2), fmt(scan95, 2), fmt(engine95 / scan95, 3), fmt(median95 / scanMedian95, 3));
    // Per query type: which types hold the p95 (per-query minimum CPU), each ÷ the scan's p95 over all queries.
    const minOf = (cat: string) => minima[k]!.filter((_, i) => latencyCats[i] === cat);
    typeRows.push([side.name, ...typeNames.map((cat) => `${fmt(percentile(minOf(cat), 95), 2)} (${fmt(percentile(minOf(cat), 95) / scan95, 3)})`), `${fmt(engine95, 2)} (${fmt(engine95 / scan95, 3)})`]);
  });
  scanTypeRows.push(['scan', ...typeNames.map((cat) => fmt(percentile(minima[0]!.filter((_, i) => latencyCats[i] === cat), 95), 2)), fmt(scan95, 2)]);
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
  return {
    title,
    body: [
      `xwlb: the bench's fixed-seed sample of ${articles.length} stories, built as \`jianbao build\` builds it. Known items: ${sets.dev.length} dev and ${sets['held-out'].length} held-out (100 per category each; benchmarks/eval, seeds fixed in advance). Absent: ${absent.length} hand-written queries (benchmarks/eval/search-absent.json). Stability: ${stability.length} queries, each run at limits 1, 2, 3, 5, 10 and 20. Machine load average: ${load}.`,
      '',
      table(['core', 'set', ...CATEGORIES.map((c) => `MRR@10 ${c}`), 'absent answered empty', 'seed dev nDCG@10', 'top-k changes with limit'], quality),
      ...(notes.length ? ['', ...notes] : []),
      '',
      `Latency over the ${latencyQueries.length} known-item and absent queries (limit 10), against a brute-force indexOf scan of the same ${articles.length} stories (title and body, the query as typed), CPU time (process.cpuUsage). ${rounds} rounds in one loop: per round and query, the scan and every core one after another (the order rotating by round), so all are measured the same way at the same moments; per query and side the minimum CPU over the rounds. "p95 ÷ scan" is a core's p95 of its per-query minima over the scan's p95 of its own; "median-based" uses per-query medians instead of minima. The first pass (each query once after the quality checks, per core, not interleaved) is shown for reference. Load = loadArchive + loadSearchIndex (decode, squeeze, warm-up).`,
      '',
      table(['core', 'load s', 'load CPU s', 'first pass p50 CPU ms', 'first pass p95 CPU ms', 'min p50 CPU ms', 'min p95 CPU ms', 'scan min p95 CPU ms', 'p95 ÷ scan', 'p95 ÷ scan, median-based'], costRows),
      '',
      'Per query type, p95 of per-query minimum CPU ms (÷ the scan\'s p95 over all queries, from the same rounds):',
      '',
      table(['core', ...typeNames, 'all'], typeRows),
      '',
      'The scan\'s own p95 per query type (per-query minimum CPU ms), for reference:',
      '',
      table(['side', ...typeNames, 'all'], scanTypeRows),
      '',
      `Results compared between cores: ids, scores, snippets and highlights of ${sameAs.length} queries (the stability set and the latency set) at limits 1, 3, 10 and 20:`,
      '',
      table(['core', 'against', 'queries whose results differ', 'e.g.'], sameRows),
      '',
      'Each core searches the bundle it builds itself; "on X\'s bundle" rows run this branch\'s engine on the bundle X built, which isolates the engine from changes to the lexicon or the build.',
      '',
      `First query after a host-like load (loadSearchIndex), CPU ms, each in a fresh Node process: the median of ${process.env.JIANBAO_FIRST_RUNS ?? 3} processes (the highest in parentheses):`,
      '',
      table(['core', ...Object.keys(firstQueries).map((k) => `${k}`)], firstRows),
    ].join('\n'),
  };
}
