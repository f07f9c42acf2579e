// Places, organisations and policies on xwlb stories nobody wrote rules for (issue 13): the lexicon built over the
// whole archive, scored in each drawn story's window against reader lists (benchmarks/gold/xwlb-places-*.json, drawn
// by benchmarks/scripts/draw-xwlb-places.mjs with seeds fixed before any rule change). Rules are tuned on dev;
// held-out is reported only (its misses are never printed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon, type Term } from '@jianbao/core';
import { REPO_ROOT } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';
import { fmt, table, type SuiteResult } from '../report.js';
import { scorePage, type PageCounts } from './seed-pages.js';

type Entry = [Term['kind'], string, ...string[]];
interface GoldStory {
  story: string;
  window: [number, number];
  terms: Entry[];
  unsure: Entry[];
}
const KINDS = ['place', 'organisation', 'policy'] as const;

const loadGold = (name: string): GoldStory[] =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'benchmarks/gold', `xwlb-places-${name}.json`), 'utf8')) as { stories: GoldStory[] }).stories;

/** Per set and kind: the terms with a mention inside each story's window, against that window's list. */
export function xwlbPlaceScores(terms: readonly Term[], showDevErrors = false) {
  const sets = { dev: loadGold('dev'), dev2: loadGold('dev2'), dev3: loadGold('dev3'), heldout: loadGold('heldout') };
  const wanted = new Set(Object.values(sets).flatMap((s) => s.map((g) => g.story)));
  // Each term cut down to its mentions in the drawn stories, so one pass over the lexicon serves every window.
  const byStory = new Map<string, Term[]>();
  for (const t of terms) {
    if (t.kind === 'person') continue;
    const seen = new Set<string>();
    for (const m of t.mentions) if (wanted.has(m.articleId) && !seen.has(m.articleId)) {
      seen.add(m.articleId);
      const list = byStory.get(m.articleId) ?? [];
      list.push({ ...t, mentions: t.mentions.filter((x) => x.articleId === m.articleId) });
      byStory.set(m.articleId, list);
    }
  }
  const out: { set: 'dev' | 'dev2' | 'dev3' | 'heldout'; kind: (typeof KINDS)[number]; counts: PageCounts; missed: string[]; wrong: string[] }[] = [];
  for (const [set, stories] of Object.entries(sets) as ['dev' | 'dev2' | 'dev3' | 'heldout', GoldStory[]][]) {
    for (const kind of KINDS) {
      const sum: PageCounts = { gold: 0, found: 0, marks: 0, right: 0 };
      const missed: string[] = [];
      const wrong: string[] = [];
      for (const g of stories) {
        const [ws, we] = g.window;
        const inWindow = (byStory.get(g.story) ?? [])
          .map((t) => ({ ...t, mentions: t.mentions.filter((m) => m.start >= ws && m.end <= we) }))
          .filter((t) => t.mentions.length);
        const c = scorePage(inWindow, new Set([g.story]), { page: g.story, terms: g.terms, unsure: g.unsure }, kind);
        for (const k of ['gold', 'found', 'marks', 'right'] as const) sum[k] += c[k];
        if (set !== 'heldout' && showDevErrors) {
          missed.push(...c.missed.map((x) => `${g.story}:${x}`));
          wrong.push(...c.wrong.map((x) => `${g.story}:${x}`));
        }
      }
      out.push({ set, kind, counts: sum, missed, wrong });
    }
  }
  return out;
}

export async function run(): Promise<SuiteResult> {
  const articles = loadXwlbArticles();
  if (!articles) return { title: 'Places, organisations, policies on xwlb', body: '', skipped: '../shared/data/xwlb absent (set JIANBAO_SHARED)' };
  const cpu = process.cpuUsage();
  const terms = buildLexicon(articles);
  const used = process.cpuUsage(cpu);
  const scores = xwlbPlaceScores(terms, !!process.env.XWLB_PLACES_SHOW_DEV);
  const rows = scores.map((s) => [
    s.set === 'heldout' ? 'held-out' : s.set === 'dev' ? 'dev (tuned on)' : s.set === 'dev2' ? 'dev 2 (tuned on)' : 'dev 3 (tuned on)', s.kind, s.counts.gold,
    `${fmt(s.counts.found / s.counts.gold)} (${s.counts.found}/${s.counts.gold})`,
    `${fmt(s.counts.right / Math.max(1, s.counts.marks))} (${s.counts.right}/${s.counts.marks})`,
  ]);
  const notes = scores.filter((s) => s.missed.length || s.wrong.length).map((s) => `${s.set} ${s.kind}: missed ${s.missed.join(' ')} | wrong ${s.wrong.join(' ')}`);
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
  return {
    title: 'Places, organisations, policies on xwlb (reader lists, held-out and dev)',
    body: [
      `Lexicon built from all ${articles.length} xwlb stories (${fmt((used.user + used.system) / 1e6, 1)} s CPU; load ${load}). In each drawn story, the terms with a mention inside the story's window (body after the 央视网消息 lead, to the end of the first sentence ending at or after character 250) are compared with the reader's list for that window, as the seed-pages suite does (forms compared with quotes and spaces ignored; "unsure" items count neither way). Held-out: 32 stories, seed 1313; dev: 20 stories, seed 3113; dev 2: 25 stories, seed 1813; dev 3: 25 stories, seed 2417 (benchmarks/gold/README.md).`,
      '',
      table(['set', 'kind', 'listed', 'recall', 'precision'], rows),
      ...notes,
    ].join('\n'),
  };
}
