// The edited-reuse set on xwlb (evaluation only: built in place from ../shared/data/xwlb, never copied into the
// repo). Drafts of ~5,000 characters: prose of stories kept out of the archive, with passages of archive stories
// spliced in, each with one kind of edit. Passages are split dev / held-out by their source story; fillers are
// their own stories. Deterministic for a seed fixed in advance: the same archive and seed give the same set.
import type { Article } from '@jianbao/core';
import { rng } from '../random.js';

export const SEED = 20261208;

export type EditKind =
  | 'verbatim' // 1–2 sentences copied as printed
  | 'light' // a few words swapped, inserted or dropped, punctuation restyled
  | 'inserted' // phrases of 3–12 characters inserted at clause breaks
  | 'clause-swap' // two clauses of a sentence swapped
  | 'facts-number' // one or two figures changed
  | 'facts-title' // one or two posts changed (总统 → 总理, 省委书记 → 省长)
  | 'verbatim-inside'; // a paragraph edited lightly around one sentence kept verbatim

export const EDIT_KINDS: EditKind[] = ['verbatim', 'light', 'inserted', 'clause-swap', 'facts-number', 'facts-title', 'verbatim-inside'];

export interface ReuseCase {
  id: string;
  kind: EditKind;
  storyId: string;
  /** The spliced passage in its draft. */
  start: number;
  end: number;
  /** verbatim-inside: the sentence kept verbatim, in draft offsets. */
  inner?: { start: number; end: number };
  /** The archive's text the passage was made from (not committed; used to accept an article printing it too). */
  source: string;
}

export interface ReuseDraft {
  id: string;
  split: 'dev' | 'heldout';
  draft: string;
  cases: ReuseCase[];
}

function hash(id: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** Stories kept out of the archive: the drafts' own prose (1 in 40, by id). */
export const isFiller = (id: string, seed = SEED) => hash(id, seed ^ 0x9e3779b9) % 40 === 0;
/** Which half a source story belongs to, by id. */
export const splitOf = (id: string, seed = SEED): 'dev' | 'heldout' => (hash(id, seed) & 1 ? 'heldout' : 'dev');

const LEAD = /^央视网消息（新闻联播）：/;
const sentencesOf = (p: string) => p.replace(LEAD, '').match(/[^。！？]+[。！？]/g) ?? [];
const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const pick = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)]!;

const WORDS = ['开展', '推进', '加强', '有关', '相关', '持续', '全面', '积极', '不断', '切实', '进一步', '大力'];
const PHRASES = ['据了解，', '记者注意到，', '在各方共同努力下，', '目前，', '与此同时，', '值得一提的是，', '总体来看', '进一步', '按照有关部署，', '近年来', '据介绍，', '从整体上看，'];
/** Posts and what an editor's slip turns them into. */
const POSTS: [RegExp, string[]][] = [
  [/国务院副总理/g, ['国务委员', '国务院总理']],
  [/国务院总理/g, ['国务院副总理', '国家副主席']],
  [/国家副主席/g, ['国家主席', '国务院副总理']],
  [/全国人大常委会副委员长/g, ['全国政协副主席']],
  [/全国人大常委会委员长/g, ['全国政协主席']],
  [/全国政协副主席/g, ['全国人大常委会副委员长']],
  [/全国政协主席/g, ['全国人大常委会委员长']],
  [/副总统/g, ['总统', '总理']],
  [/(?<!副)总统/g, ['总理', '副总统']],
  [/(?<![副国务院])总理/g, ['总统', '副总理']],
  [/省委书记/g, ['省长', '省委副书记']],
  [/(?<!副)省长/g, ['省委书记', '副省长']],
  [/市委书记/g, ['市长', '市委副书记']],
  [/(?<![副门城])市长/g, ['市委书记', '副市长']],
  [/(?<![副秘勤])部长/g, ['副部长']],
  [/外长/g, ['总理', '防长']],
  [/首相/g, ['外相', '总理']],
  [/(?<![副])秘书长/g, ['副秘书长']],
];
/** A figure that is not part of a date (年 is filtered where the figure is a year). */
const FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?![\d.月日号时])/g;

/** A figure changed in one of its first two digits (never to a leading zero). */
function changeDigit(figure: string, rand: () => number): string {
  const positions = [...figure].map((c, i) => (c >= '0' && c <= '9' ? i : -1)).filter((i) => i >= 0);
  const at = positions[Math.floor(rand() * Math.min(positions.length, 2))]!;
  const old = Number(figure[at]);
  let d = old;
  while (d === old || (d === 0 && at === 0)) d = Math.floor(rand() * 10);
  return figure.slice(0, at) + d + figure.slice(at + 1);
}

function lightEdit(text: string, rand: () => number, edits = 2): string | null {
  const chars = [...text];
  const positions: number[] = [];
  for (let tries = 0; tries < 60 && positions.length < edits; tries++) {
    const p = 4 + Math.floor(rand() * (chars.length - 8));
    if (isHan(chars[p]!) && isHan(chars[p + 1]!) && positions.every((q) => Math.abs(q - p) > 12)) positions.push(p);
  }
  if (positions.length < edits) return null;
  for (const p of positions.sort((a, b) => b - a)) {
    const r = rand();
    if (r < 0.5) chars.splice(p, 2, pick(WORDS, rand)); // swap a word
    else if (r < 0.75) chars.splice(p, 0, pick(WORDS, rand)); // insert one
    else chars.splice(p, 1); // drop a character
  }
  // Punctuation restyled here and there.
  return chars.map((c) => (c === '，' && rand() < 0.2 ? '、' : c === '、' && rand() < 0.3 ? '，' : c)).join('');
}

function insertPhrases(text: string, rand: () => number): string | null {
  const breaks: number[] = [];
  for (let i = 0; i < text.length - 6; i++) if ('，；'.includes(text[i]!)) breaks.push(i + 1);
  if (!breaks.length) return null;
  const n = breaks.length > 1 && rand() < 0.5 ? 2 : 1;
  const at = new Set<number>();
  while (at.size < n) at.add(pick(breaks, rand));
  let out = text;
  for (const p of [...at].sort((a, b) => b - a)) out = out.slice(0, p) + pick(PHRASES, rand) + out.slice(p);
  return out;
}

function swapClauses(text: string, rand: () => number): string | null {
  // Clauses of every sentence; two neighbours inside one sentence (a ， or ； between them) change places.
  const parts = text.split(/([，；。！？])/);
  const clauses = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const candidates = clauses.map((_, i) => i).slice(0, -1).filter((i) => '，；'.includes(seps[i]!) && clauses[i]!.length >= 6 && clauses[i + 1]!.length >= 6);
  if (!candidates.length) return null;
  const i = pick(candidates, rand);
  [clauses[i], clauses[i + 1]] = [clauses[i + 1]!, clauses[i]!];
  return clauses.map((c, k) => c + (seps[k] ?? '')).join('');
}

function changeFigures(text: string, rand: () => number): string | null {
  const found = [...text.matchAll(FIGURE)].filter((m) => !(m[0].length === 4 && text[m.index! + 4] === '年'));
  if (!found.length) return null;
  const chosen = found.length > 1 && rand() < 0.5 ? [found[0]!, found[found.length - 1]!] : [pick(found, rand)];
  let out = text;
  for (const m of chosen.sort((a, b) => b.index! - a.index!)) out = out.slice(0, m.index!) + changeDigit(m[0], rand) + out.slice(m.index! + m[0].length);
  return out;
}

function changePosts(text: string, rand: () => number): string | null {
  const spots: { at: number; len: number; to: string }[] = [];
  for (const [re, alts] of POSTS) {
    for (const m of text.matchAll(re)) {
      if (spots.some((s) => m.index! < s.at + s.len && s.at < m.index! + m[0].length)) continue;
      spots.push({ at: m.index!, len: m[0].length, to: pick(alts, rand) });
    }
  }
  if (!spots.length) return null;
  spots.sort((a, b) => a.at - b.at);
  const chosen = spots.length > 1 && rand() < 0.6 ? [spots[0]!, spots[spots.length - 1]!] : [pick(spots, rand)];
  let out = text;
  for (const s of chosen.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.to + out.slice(s.at + s.len);
  return out;
}

interface Made {
  text: string;
  source: string;
  inner?: { start: number; end: number };
}

/** One passage of a story with the edit applied, or null when the story has none that fits. */
function makePassage(story: Article, kind: EditKind, rand: () => number): Made | null {
  const paragraphs = story.paragraphs.map((p) => p.replace(LEAD, ''));
  if (kind === 'verbatim-inside') {
    const options = paragraphs.map(sentencesOf).filter((s) => s.length >= 3 && s.join('').length >= 120 && s.join('').length <= 400);
    if (!options.length) return null;
    const ss = pick(options, rand);
    const keep = ss.map((s, i) => i).filter((i) => ss[i]!.length >= 40 && ss[i]!.length <= 90);
    if (!keep.length) return null;
    const k = pick(keep, rand);
    let text = '';
    let inner: Made['inner'];
    for (let i = 0; i < ss.length; i++) {
      if (i === k) {
        inner = { start: text.length, end: text.length + ss[i]!.length };
        text += ss[i]!;
      } else {
        const edited = ss[i]!.length >= 16 ? lightEdit(ss[i]!, rand, 1) : ss[i]!;
        if (!edited) return null;
        text += edited;
      }
    }
    return { text, source: ss.join(''), inner };
  }
  const para = pick(paragraphs, rand);
  const ss = sentencesOf(para);
  if (!ss.length) return null;
  const i = Math.floor(rand() * ss.length);
  let source = ss[i]!;
  if (source.length < 60 && ss[i + 1]) source += ss[i + 1];
  if (source.length < 40 || source.length > 160) return null;
  const text =
    kind === 'verbatim' ? source
    : kind === 'light' ? lightEdit(source, rand)
    : kind === 'inserted' ? insertPhrases(source, rand)
    : kind === 'clause-swap' ? swapClauses(source, rand)
    : kind === 'facts-number' ? changeFigures(source, rand)
    : changePosts(source, rand);
  return text && (text !== source || kind === 'verbatim') ? { text, source } : null;
}

/**
 * The set: `perKind` passages of each kind per split, in drafts of about `size` characters. Source stories are
 * visited in a seeded order, at most one passage per story; fillers come from the stories `isFiller` keeps out.
 */
export function plantReuse(stories: readonly Article[], seed = SEED, perKind = 60, size = 5000): ReuseDraft[] {
  const rand = rng(seed);
  const fillers = stories.filter((s) => isFiller(s.id, seed)).flatMap((s) => s.paragraphs.map((p) => p.replace(LEAD, ''))).filter((p) => p.length >= 100);
  const order = stories.filter((s) => !isFiller(s.id, seed) && s.paragraphs.length).map((s) => ({ s, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const drafts: ReuseDraft[] = [];
  for (const split of ['dev', 'heldout'] as const) {
    const mine = order.filter((s) => splitOf(s.id, seed) === split);
    // Kinds interleaved, so every draft holds several kinds.
    const queue: EditKind[] = [];
    for (let n = 0; n < perKind; n++) queue.push(...EDIT_KINDS);
    let next = 0;
    let draft = '';
    let cases: ReuseCase[] = [];
    const flush = () => {
      if (cases.length) drafts.push({ id: `${split}-${String(drafts.filter((d) => d.split === split).length).padStart(3, '0')}`, split, draft, cases });
      draft = '';
      cases = [];
    };
    const counts = new Map<EditKind, number>();
    for (const kind of queue) {
      let made: Made | null = null;
      let story: Article | undefined;
      for (let tries = 0; tries < 400 && !made && next < mine.length; tries++) {
        story = mine[next++]!;
        made = makePassage(story, kind, rand);
      }
      if (!made || !story) break;
      const filler = pick(fillers, rand).slice(0, 150 + Math.floor(rand() * 250));
      draft += filler + '\n\n';
      const start = draft.length;
      draft += made.text;
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      cases.push({
        id: `${split}-${kind}-${String(n).padStart(3, '0')}`, kind, storyId: story.id, start, end: draft.length,
        ...(made.inner ? { inner: { start: start + made.inner.start, end: start + made.inner.end } } : {}),
        source: made.source,
      });
      draft += '\n\n';
      if (draft.length >= size) flush();
    }
    flush();
  }
  return drafts;
}
