// Cross-referencing drafts against the archive: reuse recall/precision on the
// dev drafts (seed archive) and, at scale, on synthetic drafts spliced from the
// xwlb archive with known edits; latency against a brute-force scan.
// Uses ../shared (eval/drafts-dev, data/xwlb): skipped cleanly when absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Archive, articleBody, createBundle, crossReference, type Article, type XrefReport } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { fmt, percentile, ratio, table, type SuiteResult } from '../report.js';
import { sharedPath } from '../shared-data.js';

type Kind = 'verbatim' | 'punctuation' | 'words' | 'reorder';
const KINDS: Kind[] = ['verbatim', 'punctuation', 'words', 'reorder'];

interface GoldSpan {
  start: number;
  end: number;
  kind: string;
  /** Accepts a reported article as the right one. */
  matches: (articleId: string) => boolean;
}

interface Score {
  spans: number;
  found: number;
  reportedChars: number;
  reportedInGold: number;
}

/**
 * A gold span is found when ≥ 80 % of its characters are covered by reuse
 * reported against the right article. Precision: reported characters inside
 * gold spans over all reported characters; by kind, each reported passage is
 * attributed to the gold span it overlaps most (or to "none": outside every
 * spliced passage).
 */
function scoreDraft(report: XrefReport, gold: GoldSpan[], byKind: Map<string, Score>, total: Score): void {
  const kindScore = (kind: string) => {
    let s = byKind.get(kind);
    if (!s) byKind.set(kind, (s = { spans: 0, found: 0, reportedChars: 0, reportedInGold: 0 }));
    return s;
  };
  const overlap = (r: { start: number; end: number }, g: GoldSpan) => Math.max(0, Math.min(r.end, g.end) - Math.max(r.start, g.start));
  for (const r of report.reused) {
    const chars = r.end - r.start;
    const inGold = gold.reduce((sum, g) => sum + overlap(r, g), 0);
    total.reportedChars += chars;
    total.reportedInGold += inGold;
    const best = gold.reduce<GoldSpan | null>((b, g) => (overlap(r, g) > (b ? overlap(r, b) : 0) ? g : b), null);
    const s = kindScore(best ? best.kind : 'none');
    s.reportedChars += chars;
    s.reportedInGold += inGold;
  }
  for (const g of gold) {
    const covered = new Uint8Array(g.end - g.start);
    for (const r of report.reused) {
      if (!g.matches(r.articleId)) continue;
      for (let i = Math.max(r.start, g.start); i < Math.min(r.end, g.end); i++) covered[i - g.start] = 1;
    }
    const hit = covered.reduce((s, v) => s + v, 0) >= 0.8 * (g.end - g.start);
    const s = kindScore(g.kind);
    s.spans++;
    if (hit) s.found++;
    total.spans++;
    if (hit) total.found++;
  }
}

const newScore = (): Score => ({ spans: 0, found: 0, reportedChars: 0, reportedInGold: 0 });

async function devDrafts(): Promise<string> {
  const dir = sharedPath('eval', 'drafts-dev');
  if (!dir) return '_eval/drafts-dev absent: skipped._';
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, {
    reused: { draftText: string; kind: string; source: { title: string; text: string } }[];
    related?: string[];
  }>;
  const archive = await loadDefaultArchive();
  const rows: (string | number)[][] = [];
  const total = newScore();
  for (const [file, g] of Object.entries(gold)) {
    const draft = readFileSync(join(dir, file), 'utf8');
    const spans: GoldSpan[] = g.reused.map((r) => {
      const start = draft.indexOf(r.draftText);
      if (start < 0) throw new Error(`${file}: gold span not found in the draft: ${r.draftText.slice(0, 20)}…`);
      // The placeholder parser can split a source article; accept any article whose body holds part of the source.
      const title = r.source.title;
      return { start, end: start + r.draftText.length, kind: r.kind, matches: (id) => archive.get(id)?.title === title || sourceHolds(archive, id, r.source.text) };
    });
    const t = performance.now();
    const report = crossReference(archive, draft);
    const ms = performance.now() - t;
    const s = newScore();
    scoreDraft(report, spans, new Map(), s);
    total.spans += s.spans; total.found += s.found; total.reportedChars += s.reportedChars; total.reportedInGold += s.reportedInGold;
    const wanted = g.related ?? [];
    const top = report.related.slice(0, 5).map((r) => r.title);
    const relatedHit = wanted.filter((t) => top.includes(t)).length;
    rows.push([file, s.spans, s.found, fmt(s.found / s.spans), fmt(s.reportedInGold / Math.max(1, s.reportedChars)), report.reused.length, report.conflicts.length, `${relatedHit}/${wanted.length}`, ms.toFixed(1)]);
  }
  rows.push(['all', total.spans, total.found, fmt(total.found / total.spans), fmt(total.reportedInGold / Math.max(1, total.reportedChars)), '', '', '', '']);
  return table(['draft', 'gold spans', 'found', 'recall', 'char precision', 'reported', 'conflicts', 'gold related in top 5', 'ms (first call builds the index)'], rows);
}

/** True when the article's body holds a 20-character stretch of the passage (layout-free): the same text printed elsewhere. */
function sourceHolds(archive: Archive, id: string, passage: string): boolean {
  const article = archive.get(id);
  if (!article) return false;
  const flat = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const p = flat(passage);
  const mid = p.slice(Math.max(0, (p.length >> 1) - 10), (p.length >> 1) + 10);
  return mid.length >= 10 && flat(articleBody(article)).includes(mid);
}

// ---------- synthetic drafts over xwlb ----------

interface Story { id: string; date: string; title: string; paragraphs: string[] }

export function storyArticle(s: Story): Article {
  return {
    id: s.id, paper: '新闻联播', date: `${s.date.slice(0, 4)}-${s.date.slice(4, 6)}-${s.date.slice(6, 8)}`, page: `${s.date}.md`,
    title: s.title, titleInferred: false, subtitle: null, section: null, byline: null, dateline: null, kind: 'news',
    source: null, paragraphs: s.paragraphs, continues: null, continuationOf: null,
  };
}

/** Deterministic PRNG (mulberry32), so the synthetic gold is the same on every run. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['开展', '推进', '加强', '有关', '相关', '持续', '全面', '积极', '不断', '切实', '进一步', '大力'];
const isHan = (c: string) => /\p{Script=Han}/u.test(c);

function editPassage(text: string, kind: Kind, rand: () => number): string | null {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (kind === 'verbatim') return text;
  if (kind === 'punctuation') {
    let out = '';
    for (const ch of text) {
      if (ch === '，') out += pick([',', '、', ' ', '，', '；']);
      else if (ch === '“' || ch === '”') out += ch === '“' ? '「' : '」';
      else if (ch === '、') out += pick(['，', ' ', '、']);
      else out += ch;
      if (isHan(ch) && rand() < 0.05) out += ' ';
    }
    return out === text ? null : out;
  }
  if (kind === 'words') {
    const chars = [...text];
    const positions: number[] = [];
    for (let tries = 0; tries < 40 && positions.length < 2; tries++) {
      const p = 4 + Math.floor(rand() * (chars.length - 8));
      if (isHan(chars[p]!) && isHan(chars[p + 1]!) && positions.every((q) => Math.abs(q - p) > 12)) positions.push(p);
    }
    if (positions.length < 2) return null;
    for (const p of positions.sort((a, b) => b - a)) {
      const r = rand();
      if (r < 0.5) chars.splice(p, 2, pick(WORDS)); // swap a word
      else if (r < 0.75) chars.splice(p, 0, pick(WORDS)); // insert one
      else chars.splice(p, 1); // drop a character
    }
    return chars.join('');
  }
  // reorder: swap two adjacent clauses of a sentence
  const end = /[。！？]$/.test(text) ? text.slice(-1) : '';
  const body = end ? text.slice(0, -1) : text;
  const parts = body.split(/([，、；])/);
  const clauses = parts.filter((_, i) => i % 2 === 0);
  if (clauses.length < 2) return null;
  const i = Math.floor(rand() * (clauses.length - 1));
  [clauses[i], clauses[i + 1]] = [clauses[i + 1]!, clauses[i]!];
  let out = '';
  clauses.forEach((c, k) => (out += c + (k < clauses.length - 1 ? parts[2 * k + 1] : '')));
  return out + end;
}

interface Synthetic { draft: string; gold: (GoldSpan & { source: string })[] }

export function makeDraft(archive: Archive, fillers: string[], rand: () => number, size: number, headline = ''): Synthetic {
  const pool = archive.articles;
  let draft = headline ? `# ${headline}\n\n` : '';
  const gold: Synthetic['gold'] = [];
  let k = Math.floor(rand() * 4);
  while (draft.length < size) {
    const filler = fillers[Math.floor(rand() * fillers.length)]!.slice(0, 150 + Math.floor(rand() * 250));
    draft += filler + '\n\n';
    // a passage of 1–2 sentences (40–160 characters) from a random story
    for (let tries = 0; tries < 20; tries++) {
      const article = pool[Math.floor(rand() * pool.length)]!;
      const para = article.paragraphs[Math.floor(rand() * article.paragraphs.length)] ?? '';
      const sentences = para.replace(/^央视网消息（新闻联播）：/, '').match(/[^。！？]+[。！？]/g) ?? [];
      if (!sentences.length) continue;
      const i = Math.floor(rand() * sentences.length);
      let passage = sentences[i]!;
      if (passage.length < 60 && sentences[i + 1]) passage += sentences[i + 1];
      if (passage.length < 40 || passage.length > 160) continue;
      const kind = KINDS[k % KINDS.length]!;
      const edited = editPassage(passage, kind, rand);
      if (!edited) continue;
      k++;
      const id = article.id;
      const start = draft.length;
      draft += edited;
      gold.push({ start, end: draft.length, kind, source: passage, matches: (other) => other === id || sourceHolds(archive, other, passage) });
      draft += '\n\n';
      break;
    }
  }
  return { draft, gold };
}

async function scale(): Promise<string> {
  const path = sharedPath('data', 'xwlb', 'stories.jsonl.gz');
  if (!path) return '_data/xwlb absent: skipped._';
  const stories = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Story);
  // Every 40th story is held out of the archive: its text is the "new" prose the drafts are written in.
  const held = stories.filter((_, i) => i % 40 === 7 && stories[i]!.paragraphs.length);
  const archive = new Archive(createBundle(stories.filter((_, i) => i % 40 !== 7).map(storyArticle), { name: 'xwlb' }));
  const fillers = held.flatMap((s) => s.paragraphs.map((p) => p.replace(/^央视网消息（新闻联播）：/, ''))).filter((p) => p.length >= 100);

  let t = performance.now();
  crossReference(archive, '# 预热\n\n预热'); // builds the fingerprint index and the person directory
  const buildMs = performance.now() - t;

  const rand = rng(20260213);
  const byKind = new Map<string, Score>();
  const total = newScore();
  const times: number[] = [];
  const drafts: Synthetic[] = [];
  // Each draft opens with a held-out story's headline (searched for related articles, as real drafts are).
  for (let n = 0; n < 40; n++) drafts.push(makeDraft(archive, fillers, rand, 5000, held[(n * 7) % held.length]!.title));
  // Warm-up as an editor's session has it: a few other drafts first, so the figures below are per-draft latency
  // with the code optimised by the JIT (the first drafts after start-up run 2–4× slower), not start-up cost.
  const warmRand = rng(7);
  const warm = Array.from({ length: 8 }, (_, n) => makeDraft(archive, fillers, warmRand, 5000, held[(n * 11 + 3) % held.length]!.title).draft);
  t = performance.now();
  for (const d of warm) crossReference(archive, d);
  const warmMs = performance.now() - t;
  const cpu: number[] = [];
  for (const d of drafts) {
    t = performance.now();
    const c = process.cpuUsage();
    const report = crossReference(archive, d.draft);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    scoreDraft(report, d.gold, byKind, total);
  }
  // With the headline search (opt-in): the search index is built first, then per draft.
  t = performance.now();
  crossReference(archive, '# 预热\n\n预热', { search: true });
  const searchBuildMs = performance.now() - t;
  const withSearch: number[] = [];
  for (const d of drafts.slice(0, 10)) {
    t = performance.now();
    crossReference(archive, d.draft, { search: true });
    withSearch.push(performance.now() - t);
  }
  const brute: number[] = [];
  for (const d of drafts.slice(0, 3)) {
    t = performance.now();
    crossReference(archive, d.draft, { exhaustive: true });
    brute.push(performance.now() - t);
  }
  // Original prose: held-out stories not spliced with anything. Anything reported is either a false alarm or a real repeat in the archive.
  let originals = 0, origReused = 0, origConflicts = 0;
  for (const s of held.slice(0, 200)) {
    const report = crossReference(archive, s.paragraphs.join('\n'));
    originals++;
    origReused += report.reused.length;
    origConflicts += report.conflicts.length;
  }
  const kindRows = [...KINDS, 'none'].map((k) => {
    const s = byKind.get(k) ?? newScore();
    return [k, s.spans || '–', s.spans ? s.found : '–', s.spans ? fmt(s.found / s.spans) : '–', s.reportedChars, fmt(s.reportedInGold / Math.max(1, s.reportedChars))];
  });
  const p50 = percentile(times, 50), p95 = percentile(times, 95), bruteMed = percentile(brute, 50);
  return [
    `Archive: ${archive.articles.length} stories (every 40th of ${stories.length} held out as the drafts' own prose); one-time index building on the first call (fingerprint index, and here lexicon, matcher and person directory too: this bundle has no sections) ${buildMs.toFixed(0)} ms; then ${warm.length} warm-up drafts ${warmMs.toFixed(0)} ms in all (not counted below).`,
    `${drafts.length} synthetic drafts of ~5,000 characters, ${total.spans} spliced passages (40–160 characters) from archive stories, one edit kind each.`,
    '',
    table(['edit kind', 'passages', 'found', 'recall', 'reported chars attributed', 'char precision'], kindRows),
    '',
    '_"none": passages reported in the drafts\' own prose (held-out stories); xwlb retells many sentences across stories, so part of these are genuine repeats, not false alarms._',
    '',
    table(['recall', 'char precision', 'p50 ms', 'p95 ms', 'CPU p50 ms', 'CPU p95 ms', 'brute-force median ms (3 drafts)', 'speed-up (vs p95)'], [[
      fmt(total.found / total.spans), fmt(total.reportedInGold / Math.max(1, total.reportedChars)), p50.toFixed(1), p95.toFixed(1),
      percentile(cpu, 50).toFixed(1), percentile(cpu, 95).toFixed(1), bruteMed.toFixed(0), ratio(bruteMed, p95),
    ]]),
    '',
    '_Per-draft latency after the one-time index building and the warm-up. Wall-clock times depend on the machine\'s load (other jobs share it); CPU time is the process\'s user + system time per call. Brute force: the same alignment against every article (no fingerprint index)._',
    '',
    `With \`search: true\` (headline searched for related articles): search index built in ${searchBuildMs.toFixed(0)} ms, then p50 ${percentile(withSearch, 50).toFixed(1)} ms per draft (10 drafts).`,
    '',
    `Original prose (${originals} held-out stories checked whole): ${origReused} reused passages and ${origConflicts} conflicts reported (each is a false alarm or a genuine repeat within xwlb).`,
  ].join('\n');
}

export async function run(): Promise<SuiteResult> {
  if (!sharedPath()) return { title: 'Cross-referencing drafts (xref)', body: '', skipped: '../shared absent' };
  return {
    title: 'Cross-referencing drafts (xref)',
    body: ['### Dev drafts (seed archive, eval/drafts-dev)', '', await devDrafts(), '', '### At scale (xwlb)', '', await scale()].join('\n'),
  };
}
