// Dev-split diagnostics for the planted-error set: prints the dev cases a check gets wrong (never held-out ones —
// those are only counted, by the xref-facts suite). Usage: tsx src/facts/dev-misses.ts [kind-prefix] [--all]
// The built xwlb bundle is cached in $XREF_BUNDLE_CACHE (when set) between runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Archive, createBundle, crossReference, parseBundle, serializeBundle } from '@jianbao/core';
import { plantCases, splitOf, SEED } from './plant.js';
import { loadXwlbArticles } from '../xwlb.js';

const stories = loadXwlbArticles();
if (!stories) throw new Error('data/xwlb absent');
const cache = process.env.XREF_BUNDLE_CACHE;
const bundle = cache && existsSync(cache) ? parseBundle(readFileSync(cache, 'utf8')) : createBundle(stories, { name: 'xwlb' });
if (cache && !existsSync(cache)) writeFileSync(cache, serializeBundle(bundle));
const archive = new Archive(bundle);
const want = process.argv[2] ?? '';
const all = process.argv.includes('--all');
// --seed N: more dev cases, planted with another seed in the dev stories only (both halves of that run are dev stories).
const seedArg = process.argv.indexOf('--seed');
const cases = (seedArg > 0
  ? plantCases(stories.filter((s) => splitOf(s.id, SEED) === 'dev'), Number(process.argv[seedArg + 1]))
  : plantCases(stories).filter((c) => c.split === 'dev')
).filter((c) => c.kind.startsWith(want));
let hits = 0;
for (const c of cases) {
  const r = crossReference(archive, c.draft);
  const over = r.conflicts.filter((x) => x.start < c.end && c.start < x.end);
  const hit = c.kind === 'control' ? r.conflicts.length > 0 : over.length > 0;
  if (hit) hits++;
  const bad = c.kind === 'control' || c.kind === 'legit-differs' ? hit : !hit;
  if (bad || all) {
    console.log(`${bad ? 'MISS' : 'ok  '} ${c.id} ${c.storyId} [${c.original} → ${c.planted}]`);
    console.log(`  ${c.draft}`);
    for (const x of r.conflicts) console.log(`  conflict ${x.kind} ${x.text} → ${x.expected} 《${x.articleTitle}》${x.articleDate}`);
    for (const p of r.reused.slice(0, 3)) console.log(`  reuse ${p.start}-${p.end} ${p.articleId} ${p.similarity ?? ''}`);
  }
}
console.log(`dev ${want || 'all'}: hit ${hits}/${cases.length}`);
