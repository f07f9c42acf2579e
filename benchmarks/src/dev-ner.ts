// Tuning aid: the lexicon suite's NER measure on People's Daily example.dev ONLY (the test sets are reported, never
// tuned on). Prints precision / knowable recall per type and the most frequent misses and false marks.
import { readFileSync } from 'node:fs';
import { buildLexicon, buildMatcher, matcherEntries, type Article, type TermKind } from '@jianbao/core';
import { sharedPath } from './shared-data.js';

const file = process.argv[2] ?? 'peoples_daily/example.dev.spans.jsonl';
const path = sharedPath('data', 'ner', ...file.split('/'));
if (!path) throw new Error('no shared data');
type S = { text: string; entities: [number, number, string, string][] };
const sents = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as S);
const asArticle = (s: S, i: number): Article => ({
  id: `s${i}`, paper: null, date: null, page: `s${i}`, title: '', titleInferred: false, subtitle: null, section: null, byline: null,
  dateline: null, kind: 'news', source: null, paragraphs: [s.text], continues: null, continuationOf: null,
});
const G: Partial<Record<TermKind, string>> = { person: 'PER', place: 'LOC', organisation: 'ORG' };
const half = Math.floor(sents.length / 2);
const build = sents.slice(0, half), test = sents.slice(half);
const terms = buildLexicon(build.map(asArticle));
const m = buildMatcher(matcherEntries(terms));
const buildGold = new Set(build.flatMap((s) => s.entities.map((e) => e[3])));
const per: Record<string, { marks: number; right: number; gold: number; found: number }> = {};
const bump = (t: string, k: 'marks' | 'right' | 'gold' | 'found') => ((per[t] ??= { marks: 0, right: 0, gold: 0, found: 0 })[k]++);
const missed = new Map<string, number>(), wrong = new Map<string, number>();
const inc = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + 1);
for (const s of test) {
  const gold = new Map(s.entities.filter((e) => ['PER', 'LOC', 'ORG'].includes(e[2])).map((e) => [`${e[0]}:${e[1]}:${e[2]}`, e]));
  const mine = new Set<string>();
  for (const x of m.findAll(s.text)) {
    const g = G[x.kind];
    if (!g) continue;
    const key = `${x.start}:${x.end}:${g}`;
    mine.add(key);
    bump(g, 'marks');
    if (gold.has(key)) bump(g, 'right');
    else {
      const over = s.entities.find((e) => e[0] < x.end && x.start < e[1]);
      inc(wrong, `${g}:${x.text}${over ? ` (gold ${over[2]}:${over[3]})` : ''}`);
    }
  }
  for (const [key, e] of gold) {
    if (!buildGold.has(e[3])) continue;
    bump(e[2], 'gold');
    if (mine.has(key)) bump(e[2], 'found');
    else inc(missed, `${e[2]}:${e[3]}`);
  }
}
let tm = 0, tr = 0, tg = 0, tf = 0;
for (const [t, c] of Object.entries(per)) {
  console.log(`${t}: precision ${(c.right / c.marks).toFixed(3)} (${c.right}/${c.marks}) knowable recall ${(c.found / c.gold).toFixed(3)} (${c.found}/${c.gold})`);
  tm += c.marks; tr += c.right; tg += c.gold; tf += c.found;
}
console.log(`ALL: precision ${(tr / tm).toFixed(3)} knowable recall ${(tf / tg).toFixed(3)}; terms ${terms.length}`);
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k}×${v}`).join('  ');
console.log('\nMISSED', top(missed, Number(process.env.N ?? 120)));
console.log('\nWRONG', top(wrong, Number(process.env.N ?? 80)));
