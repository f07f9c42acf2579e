// Search: Jianbao side by side with its peers, configured as a user would.
// Uses ../shared (evaluation data, never shipped): eval/queries-dev.json over
// the seed pages, and data/xwlb/stories.jsonl.gz for known-item quality and
// cost at scale. Skips cleanly when ../shared is absent.
//
// The xwlb part runs on a fixed-seed sample of 5,000 of its 19,876 stories by
// default, to keep `pnpm bench` to a few minutes on 2 cores (the slowest peer,
// MiniSearch with Intl.Segmenter, takes minutes to index the whole archive);
// JIANBAO_BENCH_XWLB_DOCS=all (or a number) changes that.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  articleBody,
  buildBundle,
  buildSearchIndex,
  getSearchIndex,
  createBundle,
  loadArchive,
  parsePages,
  prepareSearch,
  prepareSearchSync,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  searchWithIndex,
  type AnalyzeOptions,
  type Archive,
  type Article,
  type SearchIndex,
} from '@jianbao/core';
import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import { rng } from '../random.js';
import { REPO_ROOT, sharedPath } from '../shared-data.js';
import { fmt, percentile, ratio, table, type SuiteResult } from '../report.js';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Doc {
  id: string;
  title: string;
  subtitle: string;
  body: string;
}

/** A built search engine: ranked ids for a query, and its serialised form. */
interface Engine {
  search(query: string, limit: number): string[] | Promise<string[]>;
  serialize(): Promise<string>;
}

interface System {
  name: string;
  build(docs: Doc[], articles: Article[]): Promise<Engine>;
  /** Loads a serialised engine; `async` uses the non-blocking loader where the library has one. */
  load(text: string, async: boolean, articles: Article[]): Promise<Engine>;
}

const toDoc = (a: Article): Doc => ({
  id: a.id,
  title: a.title,
  subtitle: [a.subtitle, a.section, a.byline, a.source].filter(Boolean).join('\n'),
  body: articleBody(a),
});

// ---- Jianbao ---------------------------------------------------------------------

function jianbaoEngine(archive: Archive, index: SearchIndex, analyzer: AnalyzeOptions): Engine {
  return {
    search: (q, limit) => searchWithIndex(archive, index, q, { limit, analyzer }).map((h) => h.id),
    serialize: async () => JSON.stringify(index.toSection()),
  };
}

function jianbao(name: string, analyzer: AnalyzeOptions = {}): System {
  return {
    name,
    async build(_docs, articles) {
      const archive = loadArchive(createBundle(articles, { name: 'bench' }));
      return jianbaoEngine(archive, buildSearchIndex(articles, analyzer), analyzer);
    },
    async load(text, async, articles) {
      // As a long-lived host loads it (core's loadSearchIndex): the index decoded, then prepareSearch — the
      // articles' squeezed texts and the query warm-up (textSteps, warmUpSteps in core's search/lifecycle.ts) — all of it inside
      // the load time measured here. The synchronous load is the same steps without the yields.
      const archive = loadArchive(createBundle(articles, { name: 'bench' }));
      const section = JSON.parse(text) as unknown;
      if (async) {
        const index = await searchIndexFromSectionAsync(section);
        await prepareSearch(archive, index);
        return jianbaoEngine(archive, index, analyzer);
      }
      const index = searchIndexFromSection(section);
      prepareSearchSync(archive, index);
      return jianbaoEngine(archive, index, analyzer);
    },
  };
}

// ---- MiniSearch (default tokenizer, and Intl.Segmenter words) -------------------------

const FIELDS = ['title', 'subtitle', 'body'];

function miniSearch(name: string, tokenize?: (text: string) => string[]): System {
  const options = { fields: FIELDS, storeFields: [] as string[], ...(tokenize ? { tokenize } : {}) };
  const engine = (ms: MiniSearch<Doc>): Engine => ({
    search: (q, limit) => ms.search(q).slice(0, limit).map((r) => r.id as string),
    serialize: async () => JSON.stringify(ms),
  });
  return {
    name,
    async build(docs) {
      const ms = new MiniSearch<Doc>(options);
      ms.addAll(docs);
      return engine(ms);
    },
    async load(text, async) {
      return engine(async ? await MiniSearch.loadJSONAsync<Doc>(text, options) : MiniSearch.loadJSON<Doc>(text, options));
    },
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const segmenterTokenize = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

/**
 * Overlapping character bigrams for runs of Han characters (a lone character stays a token), Latin
 * words and numbers lowercased: the least a MiniSearch user must add to find 千万工程 inside a sentence.
 */
function bigramTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    if (!/^\p{Script=Han}/u.test(run)) tokens.push(run.toLowerCase());
    else if (run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

// ---- FlexSearch (CJK charset) -----------------------------------------------------------

function flexSearch(): System {
  const make = () => new Document({ document: { id: 'id', index: ['title', 'subtitle', 'body'] }, encoder: Charset.CJK });
  const engine = (index: ReturnType<typeof make>): Engine => ({
    search: (q, limit) => (index.search(q, { limit, merge: true }) as unknown as { id: string }[]).map((r) => String(r.id)).slice(0, limit),
    async serialize() {
      const parts: Record<string, string> = {};
      await index.export((key: string | number, data: string) => {
        parts[String(key)] = data;
      });
      return JSON.stringify(parts);
    },
  });
  return {
    name: 'FlexSearch (Charset.CJK)',
    async build(docs) {
      const index = make();
      for (const d of docs) index.add(d as unknown as Record<string, string>);
      return engine(index);
    },
    async load(text) {
      const index = make();
      for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>)) await index.import(key, data);
      return engine(index);
    },
  };
}

// ---- Orama (Mandarin tokenizer) ------------------------------------------------------------

function orama(): System {
  const schema = { id: 'string', title: 'string', subtitle: 'string', body: 'string' } as const;
  const make = async () => create({ schema, components: { tokenizer: await createTokenizer() } });
  type Db = Awaited<ReturnType<typeof make>>;
  const engine = (db: Db): Engine => ({
    search: async (q, limit) => (await oramaSearch(db, { term: q, limit })).hits.map((h) => String(h.document.id)),
    serialize: async () => JSON.stringify(oramaSave(db)),
  });
  return {
    name: 'Orama (@orama/tokenizers mandarin)',
    async build(docs) {
      const db = await make();
      await insertMultiple(db, docs, 1000);
      return engine(db);
    },
    async load(text) {
      const db = await make();
      oramaLoad(db, JSON.parse(text));
      return engine(db);
    },
  };
}

/** Jianbao exactly as `jianbao build` makes it: buildBundle, with the lexicon's names as whole-token terms. */
const JIANBAO_PRODUCT: System = {
  name: 'Jianbao',
  async build(_docs, articles) {
    const archive = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles }, { name: 'bench' }))));
    return jianbaoEngine(archive, getSearchIndex(archive), {});
  },
  load: () => Promise.reject(new Error('not used')),
};

const SYSTEMS: System[] = [
  jianbao('Jianbao'),
  miniSearch('MiniSearch (default tokenizer)'),
  miniSearch('MiniSearch (Intl.Segmenter)', segmenterTokenize),
  flexSearch(),
  orama(),
  // Not a peer the issue names: MiniSearch made to find words inside sentences, to show what its default's latency is bought with.
  miniSearch('MiniSearch (character bigrams; reference)', bigramTokenize),
];
/** The same engine over word-segmented Chinese instead of bigrams: the bigram-vs-segmenter measurement. */
const JIANBAO_WORDS = jianbao('Jianbao, Intl.Segmenter words instead of bigrams', { chinese: 'words' });

// ---- measures ---------------------------------------------------------------------------

export interface Judged {
  q: string;
  type: string;
  relevant: { title: string; grade: number }[];
}

/** nDCG@10 with graded gains by title (each judged title counts once); a query with no answer scores 1 only when nothing is returned. */
export function ndcgAt10(ids: string[], titleOf: (id: string) => string, judged: Judged): number {
  if (!judged.relevant.length) return ids.length ? 0 : 1;
  const grades = new Map(judged.relevant.map((r) => [r.title.trim(), r.grade]));
  let dcg = 0;
  ids.slice(0, 10).forEach((id, i) => {
    const title = titleOf(id).trim();
    const g = grades.get(title);
    if (g) {
      dcg += (2 ** g - 1) / Math.log2(i + 2);
      grades.delete(title);
    }
  });
  const ideal = judged.relevant.map((r) => r.grade).sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  return dcg / idcg;
}

function recallAt10(ids: string[], titleOf: (id: string) => string, judged: Judged): number {
  if (!judged.relevant.length) return ids.length ? 0 : 1;
  const found = new Set(ids.slice(0, 10).map((id) => titleOf(id).trim()));
  return judged.relevant.filter((r) => found.has(r.title.trim())).length / judged.relevant.length;
}

async function seedQuality(queriesPath: string): Promise<string> {
  const dir = join(REPO_ROOT, 'seeds');
  const pages = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const articles = parsePages(pages);
  const docs = articles.map(toDoc);
  const titleOf = (id: string) => (articles.find((a) => a.id === id)?.title ?? '');
  const queries = JSON.parse(readFileSync(queriesPath, 'utf8')) as Judged[];
  const rows: (string | number)[][] = [];
  const perQuery: string[] = [];
  for (const system of [JIANBAO_PRODUCT, ...SYSTEMS.slice(1), JIANBAO_WORDS]) {
    const engine = await system.build(docs, articles);
    let ndcg = 0;
    let recall = 0;
    const cells: string[] = [];
    for (const q of queries) {
      const ids = await engine.search(q.q, 10);
      const n = ndcgAt10(ids, titleOf, q);
      ndcg += n;
      recall += recallAt10(ids, titleOf, q);
      cells.push(fmt(n, 2));
    }
    rows.push([system.name, fmt(ndcg / queries.length), fmt(recall / queries.length)]);
    perQuery.push(`| ${system.name} | ${cells.join(' | ')} |`);
  }
  return [
    `${articles.length} articles from ${pages.length} seed pages; ${queries.length} queries (eval/queries-dev.json). A no-answer query scores 1 only if nothing is returned. Jianbao is built as \`jianbao build\` builds it (lexicon names as whole-token terms); the words variant without the lexicon.`,
    '',
    table(['system', 'nDCG@10', 'recall@10'], rows),
    '',
    'nDCG@10 per query:',
    '',
    `| system | ${queries.map((q) => q.q).join(' | ')} |`,
    `| --- | ${queries.map(() => '---').join(' | ')} |`,
    ...perQuery,
  ].join('\n');
}

export { rng } from '../random.js';

export interface KnownItem {
  id: string;
  query: string;
  kind: 'title' | 'phrase';
}

function loadXwlb(path: string): Article[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
  return lines.map((line, i) => {
    const o = JSON.parse(line) as { id: string; date: string; title: string; paragraphs: string[] };
    return {
      id: o.id, paper: '新闻联播', date: `${o.date.slice(0, 4)}-${o.date.slice(4, 6)}-${o.date.slice(6, 8)}`, page: `stories.jsonl:${i + 1}`,
      title: o.title, titleInferred: false, subtitle: null, section: null, byline: null, dateline: null, kind: 'news', source: null,
      paragraphs: o.paragraphs, continues: null, continuationOf: null,
    };
  });
}

/**
 * 300 stories with a unique title and a body: query once by the title (【…】
 * prefix stripped), once by a distinctive phrase of the body — a clause of
 * 8–20 characters that occurs in no other story of the archive.
 */
function knownItems(articles: Article[], random: () => number): KnownItem[] {
  const stripped = (t: string) => t.replace(/^【[^】]*】/, '').trim();
  const titleCount = new Map<string, number>();
  for (const a of articles) titleCount.set(stripped(a.title), (titleCount.get(stripped(a.title)) ?? 0) + 1);
  const pool = articles.filter((a) => titleCount.get(stripped(a.title)) === 1 && articleBody(a).length >= 200);
  const corpus = articles.map((a) => articleBody(a)).join('\u0000');
  const unique = (phrase: string) => {
    const first = corpus.indexOf(phrase);
    return first >= 0 && corpus.indexOf(phrase, first + 1) < 0;
  };
  const items: KnownItem[] = [];
  const used = new Set<number>();
  while (items.length < 600 && used.size < pool.length) {
    const k = Math.floor(random() * pool.length);
    if (used.has(k)) continue;
    used.add(k);
    const a = pool[k]!;
    const clauses = articleBody(a)
      .split(/[，。；：！？、“”‘’（）《》\s]+/)
      .filter((c) => c.length >= 8 && c.length <= 20 && !/新闻联播|央视网/.test(c));
    const start = clauses.length ? Math.floor(random() * clauses.length) : 0;
    let clause: string | undefined;
    for (let i = 0; i < clauses.length && !clause; i++) {
      const c = clauses[(start + i) % clauses.length]!;
      if (unique(c)) clause = c;
    }
    if (!clause) continue;
    items.push({ id: a.id, query: stripped(a.title), kind: 'title' }, { id: a.id, query: clause, kind: 'phrase' });
  }
  return items;
}

const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Runs an async load while measuring the longest stretch the event loop was blocked. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longest: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { value, ms, longest };
}

interface Cost {
  build: number;
  raw: number;
  gzip: number;
  load: number;
  loadAsync: number;
  asyncBlock: number;
  memory: number;
  p50: number;
  /** Second pass over the same queries. */
  warm50: number;
  warm95: number;
  p95: number;
  cpu95: number;
  mrrTitle: number;
  mrrPhrase: number;
}

/**
 * The xwlb stories the bench runs on (the fixed-seed sample, or all with
 * JIANBAO_BENCH_XWLB_DOCS=all) and their 600 known-item queries — exported
 * so benchmarks/src/search-latency.ts profiles and compares exactly these.
 */
export function xwlbKnownItems(path: string, setting = process.env.JIANBAO_BENCH_XWLB_DOCS ?? '5000'): { articles: Article[]; items: KnownItem[] } {
  const { articles, random } = xwlbSample(path, setting);
  return { articles, items: knownItems(articles, random) };
}

/** The fixed-seed sample of xwlb stories the bench runs on (and the generator, to continue drawing from). */
export function xwlbSample(path: string, setting: string): { articles: Article[]; random: () => number } {
  const random = rng(20240213);
  let articles = loadXwlb(path);
  const wanted = setting === 'all' ? articles.length : Number(setting);
  if (wanted < articles.length) {
    const shuffled = [...articles].sort(() => random() - 0.5);
    articles = shuffled.slice(0, wanted).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return { articles, random };
}

async function atScale(path: string): Promise<string> {
  const { articles, items } = xwlbKnownItems(path);
  const docs = articles.map(toDoc);
  const costs = new Map<string, Cost>();
  for (const system of SYSTEMS) {
    process.stderr.write(`  search bench: ${system.name}…\n`);
    let t = performance.now();
    const { build, text } = await (async () => {
      const built = await system.build(docs, articles);
      return { build: performance.now() - t, text: await built.serialize() };
    })();
    const raw = Buffer.byteLength(text);
    const gzip = gzipSync(text).length;
    const before = heapMB();
    t = performance.now();
    const engine = await system.load(text, false, articles);
    const load = performance.now() - t;
    const memory = heapMB() - before;
    const asyncRun = await longestBlock(() => system.load(text, true, articles));
    const times: number[] = [];
    const cpu: number[] = [];
    const rr = { title: 0, phrase: 0 };
    for (const item of items) {
      t = performance.now();
      const c = process.cpuUsage();
      const ids = await engine.search(item.query, 10);
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
      const rank = ids.indexOf(item.id);
      if (rank >= 0) rr[item.kind] += 1 / (rank + 1);
    }
    // A second pass over the same queries: the first pays for the JIT warming up (and Jianbao for its
    // caches filling); an editor searching all day sees the second.
    const warm: number[] = [];
    for (const item of items) {
      t = performance.now();
      await engine.search(item.query, 10);
      warm.push(performance.now() - t);
    }
    const n = items.length / 2;
    costs.set(system.name, {
      warm50: percentile(warm, 50), warm95: percentile(warm, 95),
      build, raw, gzip, load, loadAsync: asyncRun.ms, asyncBlock: asyncRun.longest, memory,
      p50: percentile(times, 50), p95: percentile(times, 95), cpu95: percentile(cpu, 95), mrrTitle: rr.title / n, mrrPhrase: rr.phrase / n,
    });
  }
  const ours = costs.get('Jianbao')!;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const quality = table(
    ['system', 'MRR@10 title', 'MRR@10 body phrase'],
    [...costs].map(([name, c]) => [name, fmt(c.mrrTitle), fmt(c.mrrPhrase)]),
  );
  const cost = table(
    ['system', 'build s', 'index MB (gzip)', 'load s (sync)', 'load s async (longest block ms)', 'heap MB after load', 'query p50 ms', 'query p95 ms', 'query p95 CPU ms', 'second pass p50 / p95 ms'],
    [...costs].map(([name, c]) => [
      name, fmt(c.build / 1000, 1), `${mb(c.raw)} (${mb(c.gzip)})`, fmt(c.load / 1000, 2), `${fmt(c.loadAsync / 1000, 2)} (${fmt(c.asyncBlock, 0)})`,
      fmt(c.memory, 0), fmt(c.p50, 2), fmt(c.p95, 2), fmt(c.cpu95, 2), `${fmt(c.warm50, 2)} / ${fmt(c.warm95, 2)}`,
    ]),
  );
  const ratios = table(
    ['Jianbao ÷ peer', 'build', 'index size', 'gzip', 'load (sync)', 'memory', 'p50', 'p95', 'p95 CPU', 'second pass p95'],
    [...costs].filter(([name]) => name !== 'Jianbao').map(([name, c]) => [
      name, ratio(ours.build, c.build), ratio(ours.raw, c.raw), ratio(ours.gzip, c.gzip), ratio(ours.load, c.load),
      ratio(ours.memory, c.memory), ratio(ours.p50, c.p50), ratio(ours.p95, c.p95), ratio(ours.cpu95, c.cpu95), ratio(ours.warm95, c.warm95),
    ]),
  );
  return [
    `xwlb: ${articles.length} stories (data/xwlb/stories.jsonl.gz${articles.length < 19876 ? ', fixed-seed sample; JIANBAO_BENCH_XWLB_DOCS=all for all' : ''}); ${items.length / 2} known items (fixed seed), each queried by its title (【…】 stripped) and by a distinctive body phrase (a clause of 8–20 characters found in no other story).`,
    '',
    '### Known-item quality',
    '',
    quality,
    '',
    '### Cost (index only: the articles themselves are in every bundle alike)',
    '',
    'Load = from the serialised text, JSON.parse included; for Jianbao as a host loads it (`loadSearchIndex`): decoding, then `prepareSearch` — squeezing the article texts for verification, and a warm-up of a few dozen queries made from the archive itself so the user\'s first queries do not pay for V8 compiling the query code. "async" = MiniSearch `loadJSONAsync` / Jianbao `searchIndexFromSectionAsync` + `prepareSearch` (sync: the same steps without yielding); FlexSearch and Orama have no separate async loader (same code path). Latency over all known-item queries on the sync-loaded index, wall clock and process CPU time (CPU time includes the JIT and GC threads, so it can exceed wall time); "second pass" runs the same queries again on the same index (JIT warm, caches filled). Memory: heap growth after a forced GC (n/a when the GC reclaimed more than the load added).',
    '',
    cost,
    '',
    ratios,
  ].join('\n');
}

export async function run(): Promise<SuiteResult> {
  const title = 'Search: quality and cost side by side (Jianbao, MiniSearch, FlexSearch, Orama)';
  const queries = sharedPath('eval', 'queries-dev.json');
  const xwlb = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
  if (!queries && !xwlb) return { title, body: '', skipped: '../shared (eval/queries-dev.json, data/xwlb) not found; set JIANBAO_SHARED' };
  const parts: string[] = [];
  if (queries) parts.push('### Quality on the seed archive\n', await seedQuality(queries));
  else parts.push('Seed-archive quality skipped: ../shared/eval/queries-dev.json not found.');
  if (xwlb) parts.push('', '## Search at scale (xwlb)\n', await atScale(xwlb));
  else parts.push('', 'xwlb part skipped: ../shared/data/xwlb/stories.jsonl.gz not found.');
  return { title, body: parts.join('\n') };
}
