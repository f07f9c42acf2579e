import { buildLexicon, buildMatcherSection, matcherEntries } from '@jianbao/core';
import { loadXwlbArticles } from '/work/wt/places/benchmarks/src/xwlb.ts';
const c = process.cpuUsage();
const terms = buildLexicon(loadXwlbArticles()!);
const u = process.cpuUsage(c);
const bytes = Buffer.byteLength(JSON.stringify(buildMatcherSection(matcherEntries(terms))));
const by: Record<string, number> = {};
for (const t of terms) by[t.kind] = (by[t.kind] ?? 0) + 1;
console.log('lexicon cpu s', ((u.user + u.system) / 1e6).toFixed(1), 'matcher bytes', bytes, (bytes / 1513361).toFixed(3) + 'x', JSON.stringify(by));
