// Writes benchmarks/eval/search-xwlb-{dev,heldout}.json: known items drawn from the bench's fixed-seed xwlb
// sample with seeds fixed in advance (dev 1207, held-out 8231; stories split between the two by seed 4242).
// Run once; the files are committed and never regenerated while tuning.
//   JIANBAO_SHARED=/work/shared tsx src/search-eval/make.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleBody, type Article } from '@jianbao/core';
import { sharedPath } from '../shared-data.js';
import { rng, xwlbSample } from '../suites/search.js';
import { EVAL_DIR, queryOf, traditional, type Category, type EvalFile, type KnownItemSpec } from './items.js';

export const SAMPLE_DOCS = 5000;
const PER_CATEGORY = 100;

const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
if (!path) throw new Error('xwlb not found (set JIANBAO_SHARED)');
const { articles } = xwlbSample(path, String(SAMPLE_DOCS));
const split = rng(4242);
const pools = { dev: [] as Article[], heldout: [] as Article[] };
for (const a of articles) (split() < 0.5 ? pools.dev : pools.heldout).push(a);

const stripped = (t: string) => t.replace(/^【[^】]*】/, '').trim();
const titleCount = new Map<string, number>();
for (const a of articles) titleCount.set(stripped(a.title), (titleCount.get(stripped(a.title)) ?? 0) + 1);
const corpus = articles.map((a) => `${a.title}\n${articleBody(a)}`).join('\u0000');
const count = (s: string) => {
  let n = 0;
  for (let at = corpus.indexOf(s); at >= 0 && n < 2; at = corpus.indexOf(s, at + 1)) n++;
  return n;
};
const HAN = /^\p{Script=Han}+$/u;
const CLAUSE = /[^，。；：！？、“”‘’（）《》\s,.;:!?()]+/gu;

function clauseOf(a: Article, random: () => number, hanOnly: boolean): Pick<KnownItemSpec, 'p' | 'at' | 'len'> | null {
  const found: { p: number; at: number; len: number }[] = [];
  a.paragraphs.forEach((para, p) => {
    for (const m of para.matchAll(CLAUSE)) {
      const c = m[0];
      if (c.length >= 8 && c.length <= 20 && !/新闻联播|央视网/.test(c) && (!hanOnly || HAN.test(c))) found.push({ p, at: m.index!, len: c.length });
    }
  });
  const start = Math.floor(random() * found.length);
  for (let i = 0; i < found.length; i++) {
    const f = found[(start + i) % found.length]!;
    if (count(a.paragraphs[f.p]!.slice(f.at, f.at + f.len)) === 1) return f;
  }
  return null;
}

function make(pool: Article[], seed: number): KnownItemSpec[] {
  const random = rng(seed);
  const items: KnownItemSpec[] = [];
  const want = (cat: Category) => items.filter((i) => i.cat === cat).length < PER_CATEGORY;
  const used = new Set<string>();
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  for (let guard = 0; guard < 200_000 && items.length < 5 * PER_CATEGORY; guard++) {
    const a = pick();
    if (used.has(a.id) || articleBody(a).length < 200) continue;
    const cat = (['title', 'phrase', 'typo', 'traditional', 'spaced'] as Category[])[guard % 5]!;
    if (!want(cat)) continue;
    if (cat === 'title') {
      const q = stripped(a.title);
      if (q.length < 4 || titleCount.get(q) !== 1) continue;
      items.push({ cat, id: a.id, q });
    } else {
      const c = clauseOf(a, random, cat !== 'phrase');
      if (!c) continue;
      const clause = a.paragraphs[c.p!]!.slice(c.at!, c.at! + c.len!);
      if (cat === 'phrase') items.push({ cat, id: a.id, ...c });
      else if (cat === 'typo') {
        // One character replaced by another Chinese character taken from a random story, the result found nowhere.
        const k = 1 + Math.floor(random() * (clause.length - 2));
        const other = articleBody(pick());
        const ch = other[Math.floor(random() * other.length)]!;
        if (!HAN.test(ch) || ch === clause[k]) continue;
        const q = clause.slice(0, k) + ch + clause.slice(k + 1);
        if (count(q) !== 0) continue;
        items.push({ cat, id: a.id, ...c, k, ch });
      } else if (cat === 'traditional') {
        if (traditional(clause) === clause) continue;
        items.push({ cat, id: a.id, ...c });
      } else {
        // 2-4 spaces at random places: chunks of one character or more, as OCR spacing leaves them.
        const n = 2 + Math.floor(random() * 3);
        const cuts = new Set<number>();
        while (cuts.size < n) cuts.add(1 + Math.floor(random() * (clause.length - 1)));
        items.push({ cat, id: a.id, ...c, cuts: [...cuts].sort((x, y) => x - y) });
      }
    }
    used.add(a.id);
  }
  return items;
}

for (const [name, seed] of [['dev', 1207], ['heldout', 8231]] as const) {
  const items = make(pools[name], seed);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const item of items) queryOf(item, byId.get(item.id)!); // every item reconstructs
  const file: EvalFile = {
    about: `xwlb known items (${name}): ${PER_CATEGORY} per category, drawn with seed ${seed} from the stories seed 4242 assigned to ${name}, in the bench's fixed-seed sample of ${SAMPLE_DOCS} stories. Queries are cut from the stories at run time (benchmarks/src/search-eval/items.ts).`,
    sample: { docs: SAMPLE_DOCS, seed: 20240213 },
    seed,
    items,
  };
  writeFileSync(join(EVAL_DIR, `search-xwlb-${name}.json`), JSON.stringify(file, null, 0).replace(/\},\{/g, '},\n{'));
  process.stderr.write(`${name}: ${items.length} items\n`);
}
