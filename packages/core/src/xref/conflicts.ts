import type { Article } from '../article.js';
import type { Archive } from '../archive.js';
import { foldText } from '../text/fold.js';
import type { Conflict } from './conflict.js';
import type { withoutSpaces } from './normalize.js';
import { quantitiesOf, sameFacts, type AlignedSource, type ArchiveFigures, type NumberEvidence } from './numbers.js';
import type { PreparedDraft } from './prepared-draft.js';
import { articleNumbers, articlesStating, getFactIndex, subjectBefore, SUBJECT_LENGTHS } from './fact-index.js';

type Compact = ReturnType<typeof withoutSpaces>;
import { getPersonDirectory } from './people.js';
import { postConflicts } from './post-conflicts.js';
import { findKey, getFingerprintIndex } from './fingerprint-index.js';
import { matchPosition, type ReuseResult } from './reuse.js';
import { CORE_AT_END, titlesBefore, titleCore, type Role } from './titles.js';
import { maxOf } from '../arrays.js';

export type { Conflict } from './conflict.js';

export interface ConflictOptions {
  /** The draft's own date (ISO), when it reports on the past: titles held then are not errors. */
  date?: string;
}

/** Regions by 256-character block of the draft, for the lookup of articles near a position. */
type RegionBlocks = Map<number, ReuseResult['regions']>;
const BLOCK = 256;

function regionBlocks(reuse: ReuseResult): RegionBlocks {
  const blocks: RegionBlocks = new Map();
  for (const r of reuse.regions) {
    for (let b = Math.floor(Math.max(0, r.from - 40) / BLOCK); b <= Math.floor((r.to + 40) / BLOCK); b++) {
      const list = blocks.get(b);
      if (list) list.push(r);
      else blocks.set(b, [r]);
    }
  }
  return blocks;
}

/** Articles that tell the same event as the draft around position `p`: those sharing rare fingerprints there. */
function nearbyArticles(archive: Archive, blocks: RegionBlocks, p: number, limit = 8): Article[] {
  return (blocks.get(Math.floor(p / BLOCK)) ?? [])
    .filter((r) => r.hits >= 4 && r.from - 40 <= p && p < r.to + 40)
    .sort((a, b) => b.hits - a.hits || a.doc - b.doc)
    .slice(0, limit)
    .map((r) => archive.articles[r.doc]!);
}

/** How far around a figure (matching-text characters) its clause is looked up, and the most articles a fingerprint may name. */
const WINDOW = 30;
const WINDOW_MAX_DF = 400;

/**
 * Articles sharing fingerprints with the draft right around position `p`, however few: a short sentence or a
 * clause retold in other words shares too little for a reuse region. Fingerprints common enough to skip for
 * reuse still count here (up to WINDOW_MAX_DF articles): 俄防空部队击落乌军 is printed in hundreds of stories,
 * and which of them shares the most of this clause is what is asked. Bounded: a window's picks times the cap.
 * Figures come in draft order, so the window slides: the positions it leaves are counted out and those it
 * reaches counted in (figures of one sentence share most of their windows).
 */
function windowArticles(archive: Archive, reuse: ReuseResult, look: WindowLookup, p: number, limit = 8): Article[] {
  const lo = Math.max(0, p - WINDOW);
  const hi = Math.max(lo, Math.min(reuse.hashes.length, p + WINDOW));
  const { counts, touched, listed } = look;
  if (lo < look.lo || lo >= look.hi) {
    for (const doc of touched) counts[doc] = listed[doc] = 0;
    touched.length = 0;
    look.lo = look.hi = lo;
  }
  slide(archive, reuse, look, look.lo, lo, -1);
  slide(archive, reuse, look, Math.max(look.hi, lo), hi, 1);
  look.lo = lo;
  look.hi = hi;
  // The `limit` best (most shared, then latest), picked in one pass: the touched articles run to thousands.
  // Articles the window left (count 0) are dropped from the list on the way.
  const ranked: number[] = [];
  const better = (a: number, b: number) => counts[a]! > counts[b]! || (counts[a] === counts[b] && a > b);
  let kept = 0;
  for (const doc of touched) {
    if (counts[doc] === 0) {
      listed[doc] = 0;
      continue;
    }
    touched[kept++] = doc;
    if (ranked.length === limit && !better(doc, ranked[limit - 1]!)) continue;
    let at = ranked.length < limit ? ranked.length : limit - 1;
    while (at > 0 && better(doc, ranked[at - 1]!)) at--;
    if (ranked.length === limit) ranked.pop();
    ranked.splice(at, 0, doc);
  }
  touched.length = kept;
  return ranked.map((doc) => archive.articles[doc]!);
}

/** Counts the articles of the fingerprints at draft positions [from, to) in (+1) or out (-1) of the window. */
function slide(archive: Archive, reuse: ReuseResult, look: WindowLookup, from: number, to: number, by: 1 | -1): void {
  const index = getFingerprintIndex(archive);
  const { keyAt, counts, touched, listed } = look;
  // Every k-gram of the window, not only the draft's picks: the archive's pick inside a short shared run
  // (项目总投资 before a changed figure) need not be one the draft's winnowing chose.
  for (let i = from; i < to; i++) {
    let key = keyAt[i]!;
    if (key === UNKNOWN) keyAt[i] = key = findKey(index, reuse.hashes[i]!);
    if (key < 0) continue;
    const s = index.starts[key]!;
    const e = index.starts[key + 1]!;
    if (e - s > WINDOW_MAX_DF) continue;
    for (let q = s; q < e; q++) {
      const doc = index.docs[q]!;
      counts[doc] = counts[doc]! + by;
      if (!listed[doc]) {
        listed[doc] = 1;
        touched.push(doc);
      }
    }
  }
}

/** Per-check state of windowArticles: each position's index key looked up once, the window's counts by article. */
interface WindowLookup {
  keyAt: Int32Array;
  counts: Uint16Array;
  /** Articles with a count (and some whose count fell to 0 since the last ranking), each once: listed[doc] = 1. */
  touched: number[];
  listed: Uint8Array;
  /** The draft positions counted: [lo, hi). */
  lo: number;
  hi: number;
}
const UNKNOWN = -2;

function windowLookup(archive: Archive, reuse: ReuseResult): WindowLookup {
  const n = getFingerprintIndex(archive).articleCount;
  return { keyAt: new Int32Array(reuse.hashes.length).fill(UNKNOWN), counts: new Uint16Array(n), touched: [], listed: new Uint8Array(n), lo: 0, hi: 0 };
}

/** Articles a subject may name and still be specific (总投资 … 亿元 is printed in hundreds: no subject). */
const SUBJECT_MAX_DF = 8;

/** Articles stating a figure of `unit` after the same words as the draft's figure at `start` (the longest subject specific enough). */
function subjectArticles(archive: Archive, folded: string, start: number, unit: string): Article[] {
  const index = getFactIndex(archive);
  for (const len of SUBJECT_LENGTHS) {
    const subject = subjectBefore(folded, start, len);
    if (subject.length < len) continue;
    const docs = articlesStating(index, unit, subject, SUBJECT_MAX_DF);
    if (docs.length) return docs.map((d) => archive.articles[d]!);
  }
  return [];
}

/** Numbers checked per draft: a clear bound on the work for huge drafts (each needs sentence comparisons). */
export const MAX_NUMBERS_CHECKED = 2000;
/** Figures whose neighbourhood is looked up at all: a bound for drafts of nothing but figures. */
const MAX_NUMBERS_LOOKED_UP = 20_000;

const describe = (a: Article) => `《${a.title}》${a.date ? `，${a.date}` : ''}`;

/** A number in the draft that differs from the archive's for the same fact. */
function numberConflicts(archive: Archive, prepared: PreparedDraft, reuse: ReuseResult): Conflict[] {
  const { raw, match: draft } = prepared;
  const out: Conflict[] = [];
  const blocks = regionBlocks(reuse);
  let look: WindowLookup | undefined;
  const nearAt = (start: number) => {
    const p = matchPosition(draft, start);
    const near = nearbyArticles(archive, blocks, p);
    look ??= windowLookup(archive, reuse);
    for (const a of windowArticles(archive, reuse, look, p)) if (near.length < 12 && !near.includes(a)) near.push(a);
    return near;
  };
  // Passages the reuse check aligned, in draft order (figures are visited in order too: one pointer walks them).
  const passages = [...reuse.reused].sort((a, b) => a.start - b.start);
  let at = 0;
  const sources = new Map<number, AlignedSource>();
  const passageAt = (start: number): AlignedSource | undefined => {
    while (at < passages.length && passages[at]!.end <= start) at++;
    for (let i = at; i < passages.length && passages[i]!.start <= start; i++) {
      const p = passages[i]!;
      const article = start < p.end ? archive.get(p.articleId) : undefined;
      const share = (start - p.start) / Math.max(1, p.end - p.start);
      if (article) return { article, from: p.articleStart, to: p.articleEnd, at: p.articleStart + share * (p.articleEnd - p.articleStart) };
    }
    return undefined;
  };
  // Only figures some article is near are described (and at most MAX_NUMBERS_CHECKED of them).
  let wanted = 0;
  const nearby = new Map<number, Article[]>();
  let looked = 0;
  const all = quantitiesOf(prepared.figures, ({ index: start, vague, unit }) => {
    if (wanted >= MAX_NUMBERS_CHECKED || ++looked > MAX_NUMBERS_LOOKED_UP) return false;
    const source = passageAt(start);
    // 一个, 千余 (vague) are compared only in place in a passage aligned to its source.
    if (!source && vague) return false;
    const near = nearAt(start);
    // No article shares a fingerprint here (a clause of a few characters): those stating the same subject.
    if (!near.length && !source) for (const a of subjectArticles(archive, prepared.folded, start, unit)) near.push(a);
    if (source) {
      sources.set(start, source);
      if (!near.includes(source.article)) near.unshift(source.article);
    }
    if (!near.length) return false;
    nearby.set(start, near);
    wanted++;
    return true;
  });
  let figures: ArchiveFigures | undefined;
  for (const q of all) {
    const near = nearby.get(q.start);
    if (!near) continue;
    figures ??= { table: getFactIndex(archive).figures, docOf: articleNumbers(archive) };
    const facts = sameFacts(prepared.folded, q, near, figures, sources.get(q.start));
    if (!facts.length) continue;
    // The figure in place in the passage the draft copies decides; else the source sharing the most context
    // (another story sharing a few words does not confirm a figure its real source contradicts); on a tie an
    // agreeing source wins, then the newest.
    const best = decide(facts);
    if (!best || best.agree || best.otherTime) continue;
    out.push({
      start: q.start, end: q.end, text: raw.slice(q.start, q.end), kind: 'number',
      message: `与档案不符：档案记为${best.quantity.printed}（${describe(best.article)}）`,
      expected: best.quantity.printed,
      articleId: best.article.id,
      articleTitle: best.article.title,
      articleDate: best.article.date,
      fix: { start: q.start, end: q.end, text: best.quantity.printed },
    });
  }
  return out;
}

/**
 * The archive statement that decides a draft figure, or null when none can. The figure in place in the passage
 * the draft copies decides; else the source sharing the most context (another story sharing a few words does
 * not confirm a figure its real source contradicts), a statement of the time the draft's sentence names before
 * one of another time; on a tie an agreeing source wins, then the newest. A fact matched only by its clause
 * (a restatement) decides alone: where such statements print different figures (造成3人死亡 in every disaster
 * story, a monthly index) the clause is a template, not one fact, and where one agrees the figure is printed.
 */
function decide(facts: NumberEvidence[]): NumberEvidence | null {
  const score = (f: NumberEvidence) => (f.placed ? 1e6 : 0) + (f.clause ? 0 : 1e4) + (f.sameTime ? 1e3 : 0) + 2 * f.shared + f.context;
  const best = facts.sort((a, b) => score(b) - score(a) || Number(b.agree) - Number(a.agree) || (b.article.date ?? '').localeCompare(a.article.date ?? ''))[0];
  if (!best?.clause) return best ?? null;
  const values = new Set<number>();
  for (const f of facts) {
    if (f.agree) return f;
    if (!f.otherTime) values.add(f.quantity.value);
  }
  return values.size > 1 ? null : best;
}

/** Years the draft is about: those it names, and its own date. */
function draftYears(compact: string, date: string | undefined): number[] {
  const years = [...compact.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  if (date && /^\d{4}/.test(date)) years.push(Number(date.slice(0, 4)));
  return years;
}

interface Post {
  core: string;
  title: string;
  first: string | null;
  latest: string | null;
  articleId: string;
}

/** The posts a person is given, each with its most recent date; and which are current (the most recent date). */
const postsOf = new WeakMap<Role[], { byCore: Map<string, Post>; current: Post[] }>();

/** posts() of a directory entry, computed once: a leader's roles run to thousands in a large archive. */
function postsCached(roles: Role[]): { byCore: Map<string, Post>; current: Post[] } {
  let p = postsOf.get(roles);
  if (!p) postsOf.set(roles, (p = posts(roles)));
  return p;
}

function posts(roles: Role[]): { byCore: Map<string, Post>; current: Post[] } {
  const byCore = new Map<string, Post>();
  for (const role of roles) {
    const core = titleCore(role.title);
    if (!core) continue;
    const prev = byCore.get(core);
    if (!prev) byCore.set(core, { core, title: role.title, first: role.date, latest: role.date, articleId: role.articleId });
    else {
      if ((role.date ?? '') > (prev.latest ?? '')) Object.assign(prev, { title: role.title, latest: role.date, articleId: role.articleId });
      if (role.date && (!prev.first || role.date < prev.first)) prev.first = role.date;
    }
  }
  const all = [...byCore.values()];
  // A post is held from when it is first printed until another post of the same level is (市长 until 市委书记):
  // current are those no later post of their level has replaced, not only those printed on the newest date
  // (a post seen a week before another one of a different level is still held).
  const replaced = (p: Post) => {
    const level = postLevel(p.core);
    return all.some((q) => q !== p && (level ? postLevel(q.core) === level : q.core === p.core) && (q.first ?? '') > (p.latest ?? ''));
  };
  const current = all.filter((p) => !replaced(p));
  return { byCore, current: current.length ? current : all };
}

/** The administrative level of a local post: 市 for 市委书记, 市长, 副市长, 市人大常委会主任; null otherwise. */
export function postLevel(core: string): string | null {
  const m = /^([省市县区])(?:委|人大常委会|政协|政府|纪委|监委)/.exec(core) ?? /([省市县区])长$/.exec(core);
  return m ? m[1]! : null;
}

/** A person named with a title the archive does not give them, or no longer gives them. */
function titleConflicts(archive: Archive, raw: string, compact: Compact, options: ConflictOptions): Conflict[] {
  const directory = getPersonDirectory(archive);
  if (!directory.size) return [];
  const text = compact.text;
  let years: number[] | undefined;
  const out: Conflict[] = [];
  const post = /(?:常务)?副?(?:书记|主任|主席|秘书长|部长|省长|市长|县长|区长|常委|委员)/g;
  for (const m of text.matchAll(post)) {
    const after = m.index + m[0].length;
    let name: string | undefined;
    for (const len of [4, 3, 2]) {
      const cand = text.slice(after, after + len);
      if (cand.length === len && directory.has(cand)) {
        name = cand;
        break;
      }
    }
    let chain = name ? titlesBefore(text, after) : null;
    let spanStart = -1;
    let spanEnd = name ? after + name.length : -1;
    if (!name) {
      // The name before its title, as speech has it: 常书铭市长, 常书铭书记.
      const core = CORE_AT_END.exec(text.slice(Math.max(0, m.index - 8), after));
      const coreStart = core ? after - core[0].length : m.index;
      for (const len of [3, 2, 4]) {
        const cand = text.slice(coreStart - len, coreStart);
        if (coreStart - len >= 0 && directory.has(cand)) {
          name = cand;
          spanStart = coreStart - len;
          break;
        }
      }
      if (!name || !core) continue;
      chain = { cores: [core[0]], start: coreStart };
      spanEnd = after;
    }
    if (!chain) continue;
    const { byCore, current } = postsCached(directory.get(name)!);
    if (!current.length) continue;
    // Only local posts are compared (市长 vs 市委书记: both of the city): a national or
    // occasional title (大会主席团常务主席) the archive happens not to record is no error.
    const level = postLevel(chain.cores[0]!);
    if (!level || !current.some((p) => postLevel(p.core) === level)) continue;
    const known = chain.cores.filter((c) => byCore.has(c));
    // As the archive prints it (晋中市委书记), unless the lexicon's title is long enough to be noise.
    const expected = [...new Set(current.map((p) => (p.title.length <= 12 ? p.title : p.core)))].join('、');
    const start = compact.offsets[spanStart >= 0 ? spanStart : chain.start]!;
    const end = compact.offsets[spanEnd - 1]! + 1;
    const base = { start, end, text: raw.slice(start, end), kind: 'title' as const, expected, articleId: current[0]!.articleId };
    const where = (p: Post) => describe(archive.get(p.articleId) ?? ({ title: p.articleId, date: p.latest } as Article));
    if (!known.length) {
      out.push({ ...base, message: `档案中${name}的职务是${expected}（${where(current[0]!)}），没有“${chain.cores[0]}”` });
      continue;
    }
    if (known.some((c) => current.some((p) => p.core === c))) continue;
    // Only former posts: right when the draft is about that time (时任…, or it names a year they held it).
    const former = known.map((c) => byCore.get(c)!);
    const then = /(?:时任|原|前)[\u4e00-\u9fff]{0,6}$/.test(text.slice(Math.max(0, chain.start - 8), chain.start));
    const lastYear = maxOf(former.map((p) => Number((p.latest ?? '9999').slice(0, 4))));
    years ??= draftYears(text, options.date);
    if (then || years.some((y) => y <= lastYear)) continue;
    out.push({ ...base, message: `${name}现任${expected}（${where(current[0]!)}）；“${former[0]!.core}”是其此前职务（最后见于${where(former[0]!)}）` });
  }
  return out;
}

/**
 * Titles and figures of a prepared draft the archive contradicts. Figures inside passages the reuse check
 * aligned are compared with the source's figure in place (its alignments, not derived again); the rest by what
 * they are about (the words around them, their sentence's time) in the articles near them.
 */
export function findConflicts(archive: Archive, prepared: PreparedDraft, reuse: ReuseResult, options: ConflictOptions = {}): Conflict[] {
  const { raw, compact } = prepared;
  const placed = postConflicts(archive, raw, compact);
  // The whole-title check decides where both speak: its span covers the place too (太原市市长, not 市长韦韬).
  const local = titleConflicts(archive, raw, compact, options).filter((c) => !placed.some((p) => p.start < c.end && c.start < p.end));
  return [...placed, ...local, ...numberConflicts(archive, prepared, reuse)].sort((a, b) => a.start - b.start);
}
