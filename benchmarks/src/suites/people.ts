import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon, buildMatcherSection, foldText, matcherEntries, type Term } from '@jianbao/core';
import { REPO_ROOT } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';
import { fmt, table, type SuiteResult } from '../report.js';

/**
 * People on xwlb (issue 13): the lexicon built over the whole archive, scored against hand-checked (person, printed
 * title, story) pairs (benchmarks/gold/xwlb-people-*.json). Rules are tuned on dev; held-out is only reported.
 */
interface Pair {
  story: string;
  person: string;
  title: string;
}

const loadGold = (name: string): Pair[] =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'benchmarks/gold', `xwlb-people-${name}.json`), 'utf8')) as { pairs: Pair[] }).pairs;

/** Words that are never part of an office: a role holding one is polluted (会见, 出席 … glued on from the clause). */
export const NON_TITLE_WORDS = ['会见', '欢迎', '出席', '由', '在', '同志', '发表', '杂志', '主持', '会谈', '陪同', '举行', '表示', '指出', '强调', '致电', '看望', '视察'];

const clean = (s: string) => foldText(s).replace(/\s+/g, '');

function score(pairs: Pair[], people: Map<string, Term>) {
  let titled = 0;
  let found = 0;
  const missed: string[] = [];
  for (const p of pairs) {
    const term = people.get(p.person);
    const inStory = !!term && (term.mentions.some((m) => m.articleId === p.story) || term.roles.some((r) => r.articleId === p.story));
    if (inStory) found++;
    const hit = !!term && term.roles.some((r) => r.articleId === p.story && clean(r.title) === clean(p.title));
    if (hit) titled++;
    else missed.push(`${p.person}/${p.title}`);
  }
  return { titled, found, n: pairs.length, missed };
}

export async function run(): Promise<SuiteResult> {
  const articles = loadXwlbArticles();
  if (!articles) return { title: 'People on xwlb', body: '', skipped: '../shared/data/xwlb absent (set JIANBAO_SHARED)' };
  const t = performance.now();
  const terms = buildLexicon(articles);
  const buildS = (performance.now() - t) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const sectionBytes = Buffer.byteLength(JSON.stringify(buildMatcherSection(matcherEntries(terms))));

  const people = new Map<string, Term>();
  for (const term of terms) if (term.kind === 'person') for (const form of [term.name, ...term.aliases]) if (!people.has(form)) people.set(form, term);
  const roles = terms.flatMap((x) => x.roles);
  // 主持人 (a presenter) is a title; 主持 alone is not.
  const holds = (title: string, w: string) => title.replace(/主持人/g, '').includes(w);
  const polluted = roles.filter((r) => NON_TITLE_WORDS.some((w) => holds(r.title, w)));
  const byWord = NON_TITLE_WORDS.map((w) => [w, roles.filter((r) => holds(r.title, w)).length] as const).filter(([, n]) => n > 0);

  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  const label = { dev: 'dev (tuned on)', dev2: 'dev 2 (tuned on)', dev3: 'dev 3 (tuned on)', heldout: 'held-out' };
  for (const set of ['dev', 'dev2', 'dev3', 'heldout'] as const) {
    const s = score(loadGold(set), people);
    rows.push([label[set], s.n, `${fmt(s.titled / s.n)} (${s.titled}/${s.n})`, `${fmt(s.found / s.n)} (${s.found}/${s.n})`]);
    // Held-out misses are not printed: only its totals are read.
    if (set !== 'heldout' && process.env.PEOPLE_SHOW_DEV_MISSES) notes.push(`${set} misses: ${s.missed.join(' ')}`);
  }
  const personTerms = terms.filter((x) => x.kind === 'person').length;
  return {
    title: 'People on xwlb',
    body: [
      `Lexicon built from all ${articles.length} xwlb stories: ${terms.length} terms (${personTerms} people), ${roles.length} roles.`,
      '',
      table(['gold set', 'pairs', 'recall (person, title, story)', 'recall (person found in story)'], rows),
      '',
      `Polluted roles (title holds a non-title word: ${NON_TITLE_WORDS.join(' ')}): ${fmt(polluted.length / Math.max(1, roles.length), 4)} (${polluted.length}/${roles.length}); by word: ${byWord.map(([w, n]) => `${w} ${n}`).join(', ') || 'none'}.`,
      `Matcher section: ${(sectionBytes / 1024).toFixed(0)} KiB JSON (${sectionBytes} bytes).`,
      `Build: ${fmt(buildS, 1)} s, process peak RSS ${fmt(peakMb, 0)} MB (includes the loaded stories); machine load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
      ...notes,
    ].join('\n'),
  };
}
