import { articleBody, type Article } from '../article.js';
import { fnv1a } from '../id.js';
import { buildMatcher, loadMatcher } from '../matcher/matcher.js';
import type { Matcher, MatcherEntry, MatcherSection } from '../matcher/types.js';
import { compactText } from '../text/compact.js';
import { foldText } from '../text/fold.js';
import { runSteps } from '../host.js';
import type { LexiconEdit } from './edits.js';
import {
  extractAdministrative, extractAppointments, extractBySuffix, extractBylineField, extractCommunities, extractBylines, extractGeneric, extractLocalities, extractNamedBodies, extractRoads, extractRivers, extractRailways, extractBareVillages, extractPolicies, extractShortStateBodies, extractLaunchSites, foreignPlaceNames, shortBodyNames,
  extractTitledPeople, extractPeopleBeforeTitles, homeFromCounts, provinceMentions, looksLikeName, programmeNames, quotedSpans, type ArticleContext, type Candidate,
} from './extract.js';
import { gazetteer, paperPlace } from './gazetteer.js';
import { extractEvidencedPeople, extractListedPeople, extractReporters, notPersonNames, shortListedNames } from './people-evidence.js';
import { TRANSLIT } from './people-words.js';
import { TERM_KINDS, type Term, type TermKind, type TermMention, type TermRole } from './types.js';
import { CHAIN_HEADS, CHAINED_DEPARTMENTS, GENERIC_BODIES, GENERIC_LEVELS, NAME_FOLLOWERS, TITLES_AFTER } from './words.js';
import { pushAll } from '../arrays.js';

export interface BuildLexiconOptions {
  edits?: readonly LexiconEdit[];
  /** Edits naming terms the archive does not have (line + message), for the CLI to print. */
  onWarning?: (message: string) => void;
}

export interface Pooled {
  kind: TermKind;
  name: string;
  aliases: Set<string>;
  roles: TermRole[];
  roleKeys: Set<string>;
  generic: TermMention[];
  fromEdit: boolean;
}

/** The city and province whose generic bodies (市委, 省委) an article means: its paper's. */
export function articleContext(article: Pick<Article, 'paper'>): ArticleContext {
  const place = paperPlace(article.paper);
  if (!place) return { city: null, province: null };
  const province = place.level === 'province' ? place : place.province ? gazetteer().get(place.province) ?? null : null;
  return { city: place.level === 'city' ? place : null, province };
}

/** Bare generic forms are never terms and never surface forms: 市委 means a different body in each paper. */
export function isGenericForm(form: string): boolean {
  const f = foldText(form);
  if (!(GENERIC_LEVELS as readonly string[]).includes(f[0]!)) return false;
  const rest = f.slice(1);
  if (GENERIC_BODIES.includes(rest)) return true;
  // 市委统战部, 县人民政府办公室: a generic body with a department after it.
  return [...CHAIN_HEADS].some((h) => rest.startsWith(h) && CHAINED_DEPARTMENTS.includes(rest.slice(h.length)));
}

const ID_PREFIX: Record<TermKind, string> = { person: 'per', place: 'pla', organisation: 'org', policy: 'pol' };

/** Stable across rebuilds: the same kind and canonical name give the same id. */
export const termId = (kind: TermKind, name: string) => `${ID_PREFIX[kind]}-${fnv1a(`${kind}:${name}`).toString(16).padStart(8, '0')}`;

const rawText = (article: Article) => {
  const body = articleBody(article);
  const head = [article.title, article.subtitle, article.byline].filter(Boolean).join('\n');
  // 。 keeps the headline apart from the body once OCR whitespace is compacted away.
  return { text: head ? `${head}。\n${body}` : body, bodyOffset: head ? head.length + 2 : 0 };
};

/** One article's text as the rules see it: compacted (OCR puts spaces inside names: 丁 洁), with the map back to the raw text. */
export interface Prepared {
  raw: string;
  bodyOffset: number;
  text: string;
  offsets: Uint32Array;
  ctx: ArticleContext;
}

/** Where paragraphs start in the compacted text: compacting joins lines (常书\n铭), but a paragraph break still ends a title. */
function paragraphStarts(raw: string, offsets: Uint32Array, length: number): Set<number> {
  const starts = new Set<number>();
  for (let i = 1; i < length; i++) {
    if (offsets[i]! - offsets[i - 1]! > 1 && raw.slice(offsets[i - 1]! + 1, offsets[i]!).includes('\n')) starts.add(i);
  }
  return starts;
}

/** The paper an article was printed in is an organisation (晋中日报): one term, so its place is not marked inside it. */
const paperOf = (article: Article): Candidate[] => (article.paper && /^[\u4e00-\u9fff]{2,12}$/.test(article.paper) ? [{ kind: 'organisation', name: article.paper }] : []);

/** Candidates that do not depend on archive statistics: places, organisations, generic resolutions, bylines. */
function extractFixed(article: Article, p: Prepared): Candidate[] {
  const { candidates: admin, covered } = extractAdministrative(p.text, p.ctx);
  const generic = extractGeneric(p.text, p.ctx, covered).map((c) => {
    if (!c.at) return c;
    const start = p.offsets[c.at.start]! - p.bodyOffset;
    const end = p.offsets[c.at.end - 1]! + 1 - p.bodyOffset;
    return { ...c, at: start >= 0 ? { start, end } : undefined };
  });
  return [...extractBylines(p.raw), ...extractBylineField(article.byline), ...admin, ...generic, ...extractBySuffix(p.text, p.ctx, covered), ...extractLocalities(p.text, covered), ...extractCommunities(p.text, covered), ...extractNamedBodies(p.text), ...extractRoads(p.text), ...extractRivers(p.text), ...extractRailways(p.text), ...extractBareVillages(p.text, covered), ...extractShortStateBodies(p.text), ...extractLaunchSites(p.text, covered), ...paperOf(article)];
}

const SPEAKER_RE = /(?:^|[，。；：！？、\n“”,.;:!?])([\u4e00-\u9fff]{2,3}?)(?=表示|说|介绍|指出|认为|告诉)/g;

/** Names at the start of a clause right before a speech verb. */
export function speakers(text: string): string[] {
  return [...text.matchAll(SPEAKER_RE)].map((m) => m[1]!).filter((n) => looksLikeName(n));
}

/**
 * What one article gives the lexicon, in the order the build needs it. The
 * archive-wide decisions (home provinces, which names are people, which
 * quoted phrases are policies) are sums over these; an article's own results
 * depend on those decisions only through strings its text holds. So a server
 * keeps it per article and updates the lexicon from it (incremental.ts):
 * only the articles whose text holds a string whose decision moved are read again.
 */
export interface ArticleEvidence {
  id: string;
  date: string | null;
  page: string;
  /** Full place names by province (homeProvinces counts them). */
  provinces: [string, number][];
  /** Pass 1, home provinces given: candidates that need no archive statistics… */
  fixed: Candidate[];
  /** …and what the statistics count: names after a title, quoted phrases, programme names, names before a speech verb. */
  titled: string[];
  quotes: string[];
  programmes: string[];
  spoken: string[];
  /** Foreign places read from a place-only context (在波克罗夫斯克等方向): terms where two or more articles print them so. */
  foreign: string[];
  /** Universities and groups with a two-character name (清华大学), read where a role follows them (清华大学教授). */
  bodies: string[];
  /** Names printed where only a place or a body stands (锡里克地区, 穆迪公司), one entry a printing: set against person evidence. */
  notPeople?: string[];
  /** Two-character names printed as list items (、李聪、), one entry a printing. */
  listed?: string[];
  /** How often each of the archive's counted words (countedWords) occurs in the article. */
  counts: [string, number][];
  /** Pass 2, the decisions given: people and policies… */
  people: Candidate[];
  policies: Candidate[];
  /** …names the archive's evidence confirms (counties after their parent, foreign places, short-named universities), and pass-1 names that turned out to be clauses (a person and what the person does). */
  confirmed: Candidate[];
  dropped: string[];
  /** The lexicon matcher's mentions in the body: term id, start, end. */
  mentions: [string, number, number][];
}

/** What the archive-wide statistics decide: which counted names are people, which quoted phrases and programmes are policies. */
export interface LexiconDecisions {
  known: Set<string>;
  repeated: Set<string>;
  programmes: Set<string>;
  /** Counties' short forms printed after their parent in a quarter of the archive's printings (台州玉环, not 辽宁振兴). */
  counties: Set<string>;
  /** Foreign places read in place-only contexts in two or more articles, not names of people. */
  foreignPlaces: Set<string>;
  /** Two-character-named universities and groups read before a role in two or more articles. */
  shortBodies: Set<string>;
  /** Names printed as a place or a body at least half as often as with person evidence: never people (惠誉, 迪莫纳). */
  notPeople?: Set<string>;
  /** Two-character names printed as list items in at least half their printings: a list beside a known person names them. */
  shortListed?: Set<string>;
}

export function prepareArticle(a: Article): Prepared {
  const { text: raw, bodyOffset } = rawText(a);
  const { text, offsets } = compactText(raw);
  let bodyStart = 0;
  while (bodyStart < text.length && offsets[bodyStart]! < bodyOffset) bodyStart++;
  return { raw, bodyOffset, text, offsets, ctx: { ...articleContext(a), paragraphStarts: paragraphStarts(raw, offsets, text.length), bodyStart } };
}

/** An article's evidence up to pass 1 (counts, pass 2 and mentions empty). */
export function passOne(a: Article, p: Prepared, home: ReadonlySet<string>, provinces: [string, number][] = [...provinceMentions(p.text)]): ArticleEvidence {
  p.ctx = { ...p.ctx, homeProvinces: home };
  const titled = [...extractTitledPeople(p.text, p.ctx, new Set()), ...extractPeopleBeforeTitles(p.text, new Set()), ...extractAppointments(p.text), ...extractEvidencedPeople(p.text, new Set()), ...extractReporters(p.text)].map((c) => c.name);
  const folded = foldText(p.text);
  return {
    id: a.id, date: a.date, page: a.page, provinces, fixed: extractFixed(a, p), titled, quotes: quotedSpans(folded, true), programmes: programmeNames(folded), spoken: speakers(p.text),
    foreign: foreignPlaceNames(p.text), bodies: shortBodyNames(p.text), notPeople: notPersonNames(p.text), listed: shortListedNames(p.text), counts: [], people: [], policies: [], confirmed: [], dropped: [], mentions: [],
  };
}

/** The home provinces of the archive whose evidence this is. */
export function homeOf(evidence: readonly ArticleEvidence[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of evidence) for (const [p, n] of e.provinces) counts.set(p, (counts.get(p) ?? 0) + n);
  return homeFromCounts(counts);
}

/** The words whose occurrences the statistics count, in the order a build meets them. */
export function countedWords(evidence: readonly ArticleEvidence[]): string[] {
  const titled = new Set<string>();
  const quotes = new Set<string>();
  const spoken = new Set<string>();
  const programmes = new Set<string>();
  for (const e of evidence) for (const n of e.titled) titled.add(n);
  for (const e of evidence) {
    for (const q of e.quotes) quotes.add(q);
    for (const n of e.programmes) programmes.add(n);
  }
  for (const e of evidence) for (const n of e.spoken) spoken.add(n);
  const listed = new Set<string>();
  for (const e of evidence) for (const n of e.listed ?? []) listed.add(n);
  const counties = new Set<string>();
  for (const e of evidence) for (const c of e.fixed) if (c.afterParent) counties.add(c.aliases![0]!);
  return [...new Set([...titled, ...quotes, ...spoken, ...programmes, ...counties, ...listed])].filter((w) => w.length >= 2);
}

/** Per counter, the counted transliterated words printed inside each longer counted word (梅内 in 哈梅内伊). */
const innerWords = new WeakMap<Matcher, Map<string, string[]>>();

/** A matcher of the counted words (one pass over a text counts them all). */
export function wordCounter(words: readonly string[]): Matcher {
  const counter = buildMatcher(counterEntries(words));
  innerWords.set(counter, transliteratedInside(words));
  return counter;
}

/** wordCounter's matcher entries (a sharded build sends their section to its shards). */
export function counterEntries(words: readonly string[]): MatcherEntry[] {
  return words.map((w) => ({ termId: w, kind: 'policy' as const, forms: [w] }));
}

/** wordCounter made from its entries' matcher section (built elsewhere: a sharded build's) and the same words. */
export function wordCounterFrom(section: MatcherSection, words: readonly string[]): Matcher {
  const counter = loadMatcher(section);
  innerWords.set(counter, transliteratedInside(words));
  return counter;
}

const transliterated = (w: string) => [...w].every((c) => TRANSLIT.has(c));

/**
 * For each counted word, the transliterated counted words inside it with a transliteration character beside them
 * there (梅内 in 哈梅内伊, 萨尔 in 费萨尔), not a Chinese name inside a longer one.
 */
function transliteratedInside(words: readonly string[]): Map<string, string[]> {
  const short = new Set(words.filter((w) => w.length <= 3 && transliterated(w)));
  const inside = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 3) continue;
    const found: string[] = [];
    for (let a = 0; a < w.length; a++) {
      for (let b = a + 2; b <= Math.min(w.length, a + 3); b++) {
        if (b - a === w.length || !short.has(w.slice(a, b))) continue;
        if (TRANSLIT.has(w[a - 1] ?? '') || TRANSLIT.has(w[b] ?? '')) found.push(w.slice(a, b));
      }
    }
    if (found.length) inside.set(w, found);
  }
  return inside;
}

/**
 * How often each counted word is printed. A short transliterated word is counted inside a longer counted word too
 * (梅内 in 哈梅内伊): its title once beside 65 printings of 哈梅内伊 is not a tenth of them.
 */
export function countWords(counter: Matcher, p: Prepared): [string, number][] {
  const counts = new Map<string, number>();
  const inside = innerWords.get(counter);
  for (const hit of counter.findAll(p.text)) {
    counts.set(hit.termId, (counts.get(hit.termId) ?? 0) + 1);
    for (const w of inside?.get(hit.termId) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts];
}

/**
 * The decisions from the evidence of every article:
 * - a person's name must carry a title (or a byline) in at least a tenth of its
 *   occurrences: 常书铭 after 市委书记 3 times in 12 is a name; 强调 after 书记 a few
 *   times in thousands is not;
 * - a quoted phrase with no programme shape is a policy only when quoted on two
 *   or more pages and at least half of its occurrences are quoted (“飞地经济”,
 *   not “中国”);
 * - pass 2 reads titles again knowing the names, so names whose end the text
 *   does not show (段尚春印象深刻) are taken too.
 */
export function decide(evidence: readonly ArticleEvidence[], words: readonly string[]): LexiconDecisions {
  const titled = new Map<string, number>();
  const bylined = new Set<string>();
  const quotePages = new Map<string, Set<string>>();
  const quoteCount = new Map<string, number>();
  const programmeCandidates = new Set<string>();
  const spoken = new Map<string, number>();
  const totals = new Map<string, number>(words.map((w) => [w, 0]));
  for (const e of evidence) {
    for (const c of e.fixed) if (c.kind === 'person') bylined.add(c.name);
    for (const n of e.titled) titled.set(n, (titled.get(n) ?? 0) + 1);
    for (const q of e.quotes) {
      quotePages.set(q, (quotePages.get(q) ?? new Set()).add(e.page));
      quoteCount.set(q, (quoteCount.get(q) ?? 0) + 1);
    }
    for (const n of e.programmes) programmeCandidates.add(n);
    for (const n of e.spoken) spoken.set(n, (spoken.get(n) ?? 0) + 1);
    for (const [w, n] of e.counts) if (totals.has(w)) totals.set(w, totals.get(w)! + n);
  }
  // A programme named after the verb that launches it (开展…提升行动) is a term when the archive prints it again.
  const programmes = new Set([...programmeCandidates].filter((name) => (totals.get(name) ?? 0) >= 2));
  // A name printed as a place or a body (锡里克地区, 评级机构惠誉) at least half as often as with person evidence is none.
  const placeOrBody = new Map<string, number>();
  for (const e of evidence) for (const n of e.notPeople ?? []) placeOrBody.set(n, (placeOrBody.get(n) ?? 0) + 1);
  const notPeople = new Set([...placeOrBody].filter(([name, k]) => !bylined.has(name) && k >= 0.5 * (titled.get(name) ?? 0)).map(([name]) => name));
  const known = new Set(bylined);
  for (const [name, n] of titled) if (n >= 0.1 * (totals.get(name) ?? n) && !notPeople.has(name)) known.add(name);
  // A name that opens a clause before a speech verb (唐俊表示) shows where it ends; with that, pass 2 can read it after a
  // title whose end the text does not show (院长唐俊信心满满). Only titled ones become terms; like titles, speech must
  // follow in a tenth of its occurrences (not 哈马斯, an organisation that 表示 now and then).
  for (const [name, n] of spoken) if (n >= 0.1 * (totals.get(name) ?? n) && !notPeople.has(name)) known.add(name);
  // A transliterated name that is a better-evidenced one with a character glued on (于马克思 in 忠于马克思主义) is a word
  // of the clause and the name.
  for (const name of known) if (gluedOn(name, titled, known)) known.delete(name);
  const repeated = new Set<string>();
  for (const [q, pages] of quotePages) if (pages.size >= 2 && quoteCount.get(q)! >= 0.5 * (totals.get(q) ?? 0)) repeated.add(q);
  // A county's short form after its city or province (台州玉环) names it where at least a quarter of the archive's
  // printings of the short form follow its parent: 振兴 (辽宁振兴) and 公安 (湖北公安) are words first.
  const afterParent = new Map<string, number>();
  for (const e of evidence) for (const c of e.fixed) if (c.afterParent) afterParent.set(c.aliases![0]!, (afterParent.get(c.aliases![0]!) ?? 0) + 1);
  const counties = new Set([...afterParent].filter(([w, n]) => n >= 0.25 * (totals.get(w) ?? n)).map(([w]) => w));
  // Foreign places read in a place-only context (在波克罗夫斯克等方向, 首都维尔纽斯) in two or more articles, and not names
  // of people.
  const foreignArticles = new Map<string, number>();
  for (const e of evidence) for (const n of e.foreign ?? []) foreignArticles.set(n, (foreignArticles.get(n) ?? 0) + 1);
  const foreignPlaces = new Set([...foreignArticles].filter(([n, k]) => k >= 2 && !known.has(n)).map(([n]) => n));
  const bodyArticles = new Map<string, number>();
  for (const e of evidence) for (const n of e.bodies ?? []) bodyArticles.set(n, (bodyArticles.get(n) ?? 0) + 1);
  const shortBodies = new Set([...bodyArticles].filter(([, k]) => k >= 2).map(([n]) => n));
  const listed = new Map<string, number>();
  for (const e of evidence) for (const n of e.listed ?? []) listed.set(n, (listed.get(n) ?? 0) + 1);
  const shortListed = new Set([...listed].filter(([name, k]) => k >= 0.5 * (totals.get(name) ?? k) && !notPeople.has(name)).map(([name]) => name));
  return { known, repeated, programmes, counties, foreignPlaces, shortBodies, notPeople, shortListed };
}

/**
 * Is `name` a known transliterated name of three or more characters with the last character of the clause before it
 * glued on, with a third of its evidence? Not two characters (蒙赫巴特尔 beside 巴特尔: Mongolian names share their
 * parts) and not after it (萨尔维尼 beside 萨尔维 are two people).
 */
function gluedOn(name: string, titled: ReadonlyMap<string, number>, known: ReadonlySet<string>): boolean {
  if (name.length < 4 || bylinedOnly(name, titled) || !transliterated(name)) return false;
  return known.has(name.slice(1)) && (titled.get(name.slice(1)) ?? 0) >= 3 * titled.get(name)!;
}
const bylinedOnly = (name: string, titled: ReadonlyMap<string, number>) => !titled.has(name);

/** What follows a person's name in a clause, not in a body's name: a title after it or a verb. */
const PERSON_NEXT = [...TITLES_AFTER, ...NAME_FOLLOWERS.filter((w) => w.length >= 2 || '到对给同在向为'.includes(w)), '乘车', '亲切', '前不久', '祝贺', '希望', '专门', '曾'];

/**
 * A name scanned back to punctuation that starts with a person and what a person does (习近平总书记给中共一大纪念馆,
 * 习近平到阳泉阀门股份有限公司) is a clause: the body in it is found on its own. Not 宋庆龄基金会 (named after one).
 */
function personLed(name: string, known: ReadonlySet<string>): boolean {
  for (let n = 2; n <= Math.min(8, name.length - 2); n++) {
    if (known.has(name.slice(0, n)) && PERSON_NEXT.some((w) => name.startsWith(w, n))) return true;
  }
  return false;
}

/** An article's pass 2: people (names the archive knows) and policies. */
export function passTwo(e: ArticleEvidence, p: Prepared, d: LexiconDecisions): void {
  e.people = [
    ...[...extractTitledPeople(p.text, p.ctx, d.known), ...extractPeopleBeforeTitles(p.text, d.known), ...extractAppointments(p.text), ...extractEvidencedPeople(p.text, d.known), ...extractReporters(p.text)].filter((c) => d.known.has(c.name)),
    // A name listed beside a known person (毛泽东、邓小平) is one too: the list is its evidence.
    ...extractListedPeople(p.text, d.known, d.notPeople, d.shortListed),
  ];
  e.policies = extractPolicies(p.text, d.repeated, d.programmes);
  e.confirmed = [
    ...e.fixed.filter((c) => c.afterParent && d.counties.has(c.aliases![0]!)),
    ...(e.foreign ?? []).filter((n) => d.foreignPlaces.has(n)).map((name): Candidate => ({ kind: 'place', name })),
    ...(e.bodies ?? []).filter((n) => d.shortBodies.has(n)).map((name): Candidate => ({ kind: 'organisation', name })),
  ];
  e.dropped = e.fixed.filter((c) => c.kind !== 'person' && personLed(c.name, d.known)).map((c) => c.name);
}

/** The candidates an article's evidence gives the pool: pass 2's, and pass 1's less those pass 2 set aside. */
function candidatesOf(e: ArticleEvidence): Candidate[][] {
  const dropped = new Set(e.dropped ?? []);
  return [e.people, e.fixed.filter((c) => !c.afterParent && !dropped.has(c.name)), e.confirmed ?? [], e.policies];
}

/**
 * The matcher's mentions in an article's body, and the place each organisation's printed name starts with (迎泽区 in
 * 迎泽区委统战部, 俄罗斯 in 俄罗斯国防部): the matcher marks the longest term only, yet the article names the place,
 * and a reader lists it. Not a body inside a body (中共中央 in 中共中央政治局): readers list the unit alone.
 */
export function matchMentions(matcher: Matcher, article: Article): [string, number, number][] {
  const body = articleBody(article);
  const out: [string, number, number][] = [];
  for (const m of matcher.findAll(body)) {
    out.push([m.termId, m.start, m.end]);
    if (m.kind === 'organisation' && m.end - m.start >= 3) {
      const place = placeAtStart(matcher, body, m.start, m.end);
      if (place) out.push([place.termId, m.start, m.start + place.end]);
    }
  }
  return out;
}

/** The home nation's name opens its national bodies' names (中国共产党, 中国科学院): part of the name, not a place named. */
const HOME_NATION = new Set(['中国', '中华人民共和国']);

/**
 * The place term an organisation's name printed at [start, end) starts with, if any, also through a parent body
 * (忻州市 in 忻州市生态环境局襄汾分局); not in a paper's own name (晋中日报).
 */
function placeAtStart(matcher: Matcher, body: string, start: number, end: number) {
  let name = body.slice(start, end);
  if (/(?:日报|晚报|报社|杂志社)$/.test(name)) return undefined;
  for (let depth = 0; depth < 3 && name.length >= 3; depth++) {
    const first = matcher.findAll(name.slice(0, -1))[0];
    if (!first || first.start !== 0 || (first.kind !== 'place' && first.kind !== 'organisation')) return undefined;
    if (first.kind === 'place') return HOME_NATION.has(name.slice(0, first.end)) ? undefined : first;
    name = name.slice(0, first.end);
  }
  return undefined;
}

/** Every article's evidence up to pass 2 (mentions follow once the terms are pooled). */
function* extractAll(articles: readonly Article[]): Generator<void, { evidence: ArticleEvidence[]; home: Set<string> }> {
  // A step (yield) after each article's work in every pass: buildLexiconSteps runs in slices in hosts with a UI.
  const prepared: Prepared[] = [];
  for (const a of articles) {
    prepared.push(prepareArticle(a));
    yield;
  }
  const provinces: [string, number][][] = [];
  for (const p of prepared) {
    provinces.push([...provinceMentions(p.text)]);
    yield;
  }
  const counts = new Map<string, number>();
  for (const list of provinces) for (const [p, n] of list) counts.set(p, (counts.get(p) ?? 0) + n);
  const home = homeFromCounts(counts);
  const evidence: ArticleEvidence[] = [];
  for (const [i, a] of articles.entries()) {
    evidence.push(passOne(a, prepared[i]!, home, provinces[i]));
    yield;
  }
  const words = countedWords(evidence);
  const counter = wordCounter(words);
  yield;
  for (const [i, e] of evidence.entries()) {
    e.counts = countWords(counter, prepared[i]!);
    yield;
  }
  const decisions = decide(evidence, words);
  for (const [i, e] of evidence.entries()) {
    passTwo(e, prepared[i]!, decisions);
    yield;
  }
  return { evidence, home };
}

/** Builds the lexicon of an archive: extraction over every article, pooling, user edits, then mentions found by the matcher itself. */
export function buildLexicon(articles: readonly Article[], options: BuildLexiconOptions = {}): Term[] {
  return runSteps(buildLexiconSteps(articles, options));
}

/** buildLexicon as resumable steps (about one article's work each), for runStepsInSlices. */
export function* buildLexiconSteps(articles: readonly Article[], options: BuildLexiconOptions = {}): Generator<void, Term[]> {
  return (yield* buildLexiconWithEvidence(articles, options)).terms;
}

/** The lexicon with the evidence it was built from (what an incremental update starts from) and the pooled terms' matcher entries. */
export function* buildLexiconWithEvidence(articles: readonly Article[], options: BuildLexiconOptions = {}): Generator<void, { terms: Term[]; evidence: ArticleEvidence[]; home: Set<string>; entries: MatcherEntry[] }> {
  const { evidence, home } = yield* extractAll(articles);
  const pooled = poolTerms(evidence, options);
  const entries = matcherEntries(pooled.terms);
  const matcher = buildMatcher(entries);
  yield;
  for (const [i, article] of articles.entries()) {
    evidence[i]!.mentions = matchMentions(matcher, article);
    yield;
  }
  return { terms: finishTerms(pooled, evidence), evidence, home, entries };
}

/** The terms pooled from every article's candidates (edits applied), with no mentions yet. */
export interface PooledTerms {
  terms: Term[];
  entries: Pooled[];
}

export function poolTerms(evidence: readonly ArticleEvidence[], options: BuildLexiconOptions = {}): PooledTerms {
  const pool = new Map<string, Pooled>();
  const keyOf = (kind: TermKind, name: string) => `${kind}\u0000${name}`;
  const add = (kind: TermKind, name: string, fromEdit = false): Pooled => {
    const key = keyOf(kind, name);
    let p = pool.get(key);
    if (!p) pool.set(key, (p = { kind, name, aliases: new Set(), roles: [], roleKeys: new Set(), generic: [], fromEdit }));
    return p;
  };
  for (const e of evidence) {
    for (const list of candidatesOf(e)) {
      for (const c of list) {
        if (isGenericForm(c.name) || [...c.name].length < 2) continue;
        const p = add(c.kind, c.name);
        for (const alias of c.aliases ?? []) if (alias !== c.name && !isGenericForm(alias) && alias.length >= 2) p.aliases.add(alias);
        for (const title of c.roles ?? []) {
          // A set of (title, article) keys: scanning the roles instead was quadratic (习近平 has thousands).
          const key = `${title}\u0000${e.id}`;
          if (!p.roleKeys.has(key)) {
            p.roleKeys.add(key);
            p.roles.push({ title, articleId: e.id, date: e.date });
          }
        }
        if (c.at) p.generic.push({ articleId: e.id, start: c.at.start, end: c.at.end });
      }
    }
  }
  applyEdits(pool, options.edits ?? [], keyOf, add, options.onWarning);

  // One term per canonical name: a name pooled under two kinds keeps the more specific kind (organisation > place > policy > person).
  const priority: TermKind[] = ['organisation', 'place', 'policy', 'person'];
  const entries = [...pool.values()].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind) || a.name.localeCompare(b.name));
  const seenForms = new Set<string>();
  const terms: Term[] = [];
  for (const p of entries) {
    const folded = foldText(p.name);
    if (seenForms.has(folded) && !p.fromEdit) continue;
    seenForms.add(folded);
    const aliases = [...p.aliases].filter((a) => !seenForms.has(foldText(a)) && a !== p.name).sort();
    for (const a of aliases) seenForms.add(foldText(a));
    terms.push({ id: termId(p.kind, p.name), name: p.name, kind: p.kind, aliases, roles: p.roles, mentions: [] });
  }
  return { terms, entries };
}

/** The pooled terms with their mentions (each article's matched ones, then resolved generic forms), sorted as the lexicon lists them. */
export function finishTerms({ terms, entries }: PooledTerms, evidence: readonly ArticleEvidence[]): Term[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const e of evidence) for (const [id, start, end] of e.mentions) byId.get(id)!.mentions.push({ articleId: e.id, start, end });
  // Resolved generic forms (市委 in 晋中日报 → 晋中市委) are mentions of the body they name in that article, though never marked bare.
  for (const p of entries) {
    const term = byId.get(termId(p.kind, p.name));
    if (!term) continue;
    if (p.generic.length) {
      // The term's matched mentions by article (a generic mention is compared with its own article's only).
      const inArticle = new Map<string, TermMention[]>();
      for (const m of term.mentions) {
        const list = inArticle.get(m.articleId);
        if (list) list.push(m);
        else inArticle.set(m.articleId, [m]);
      }
      for (const g of p.generic) {
        const list = inArticle.get(g.articleId);
        if (list?.some((m) => m.start < g.end && g.start < m.end)) continue;
        term.mentions.push(g);
        if (list) list.push(g);
        else inArticle.set(g.articleId, [g]);
      }
    }
    term.mentions.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start));
  }
  const edited = new Set(entries.filter((p) => p.fromEdit).map((p) => termId(p.kind, p.name)));
  const kept = withoutUnprinted(withoutPlacesInNames(terms, edited), edited);
  return kept.sort((a, b) => TERM_KINDS.indexOf(a.kind) - TERM_KINDS.indexOf(b.kind) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/**
 * Drops an extracted place that the archive only ever prints inside a person's
 * name: 原平 (a city in 忻州) read in 冯原平 is not 原平市. Such a place has no
 * mention of its own, so every printing of it lies inside a longer term's
 * mention: when the only terms whose forms contain it are people, those
 * printings are names. Places printed only inside a body's name (迎泽区 in
 * 迎泽区委统战部) are kept, and so is anything a user edit named.
 */
function withoutPlacesInNames(terms: Term[], edited: ReadonlySet<string>): Term[] {
  const doubtful = terms.filter((t) => t.kind === 'place' && t.mentions.length === 0 && !edited.has(t.id));
  if (!doubtful.length) return terms;
  const formsOf = (t: Term) => [t.name, ...t.aliases].map(foldText).filter((f) => f.length >= 2);
  const people = terms.filter((t) => t.kind === 'person').flatMap(formsOf);
  const others = terms.filter((t) => t.kind !== 'person').flatMap((t) => formsOf(t).map((form) => ({ id: t.id, form })));
  const inName = (place: Term) => {
    const forms = formsOf(place);
    return forms.some((f) => people.some((p) => p.includes(f))) && !forms.some((f) => others.some((o) => o.id !== place.id && o.form.length > f.length && o.form.includes(f)));
  };
  const drop = new Set(doubtful.filter(inName).map((t) => t.id));
  return drop.size ? terms.filter((t) => !drop.has(t.id)) : terms;
}

/**
 * Drops organisations and policies no body prints at all, not even inside another term's mention: names read in a
 * headline only (塔什干国立东方大学, a headline's clause run into a body's name). They mark nothing, yet each is
 * matcher states every host loads. One printed only inside a longer name (a parent body inside its unit's name) is
 * kept, as is anything a user edit named.
 */
function withoutUnprinted(terms: Term[], edited: ReadonlySet<string>): Term[] {
  const doubtful = terms.filter((t) => (t.kind === 'organisation' || t.kind === 'policy') && t.mentions.length === 0 && !edited.has(t.id));
  if (!doubtful.length) return terms;
  // Inside another term's printed name: one scan of the printed terms' forms for the doubtful ones.
  const finder = buildMatcher(doubtful.map((t) => ({ termId: t.id, kind: t.kind, forms: formsOf(t) })).filter((e) => e.forms.length));
  const inside = new Set<string>();
  for (const t of terms) {
    if (!t.mentions.length) continue;
    for (const f of formsOf(t)) for (const m of finder.findAll(f)) inside.add(m.termId);
  }
  const drop = new Set(doubtful.filter((t) => !inside.has(t.id)).map((t) => t.id));
  return drop.size ? terms.filter((t) => !drop.has(t.id)) : terms;
}

/** A term's surface forms: its name and aliases, never a generic form or a single character. */
const formsOf = (t: Term) => [t.name, ...t.aliases].filter((f) => [...f].length >= 2 && !isGenericForm(f));

/** Every surface form of every term: the whole tokens search indexes beside its bigrams. */
export function searchTermsOf(terms: readonly Term[]): string[] {
  return terms.flatMap(formsOf);
}

const QUOTED = /^“([^“”]+)”$/;

/**
 * The surface forms the matcher marks for each term. A quoted form whose bare
 * inside is also a form (“一带一路” beside 一带一路) is left out: the bare form
 * marks the same printing inside its quotes, and the quoted copies were a
 * tenth of the xwlb matcher's states.
 */
export function matcherEntries(terms: readonly Term[]): MatcherEntry[] {
  return terms.map((t) => {
    const forms = formsOf(t);
    return { termId: t.id, kind: t.kind, forms: forms.filter((f) => !forms.includes(QUOTED.exec(f)?.[1] ?? '')) };
  });
}

function applyEdits(
  pool: Map<string, Pooled>,
  edits: readonly LexiconEdit[],
  keyOf: (kind: TermKind, name: string) => string,
  add: (kind: TermKind, name: string, fromEdit?: boolean) => Pooled,
  warn: ((message: string) => void) | undefined,
): void {
  const find = (name: string): Pooled | undefined => {
    const f = foldText(name);
    let byAlias: Pooled | undefined;
    for (const p of pool.values()) {
      if (foldText(p.name) === f) return p;
      if (!byAlias && [...p.aliases].some((a) => foldText(a) === f)) byAlias = p;
    }
    return byAlias;
  };
  const missing = (e: LexiconEdit, name: string) => warn?.(`line ${e.line}: ${e.op}: no term "${name}" in this archive (edit kept, nothing to apply)`);
  for (const e of edits) {
    switch (e.op) {
      case 'add': {
        const p = add(e.kind, e.name, true);
        p.fromEdit = true;
        for (const a of e.aliases) p.aliases.add(a);
        break;
      }
      case 'alias': {
        const p = find(e.name);
        if (!p) missing(e, e.name);
        else for (const a of e.aliases) p.aliases.add(a);
        break;
      }
      case 'rename': {
        const p = find(e.name);
        if (!p) {
          missing(e, e.name);
          break;
        }
        pool.delete(keyOf(p.kind, p.name));
        const renamed = add(p.kind, e.to, true);
        renamed.fromEdit = true;
        for (const a of [p.name, ...p.aliases]) if (a !== e.to) renamed.aliases.add(a);
        pushAll(renamed.roles, p.roles);
        pushAll(renamed.generic, p.generic);
        break;
      }
      case 'merge': {
        const from = find(e.name);
        const into = find(e.into);
        if (!from) missing(e, e.name);
        if (!into) missing(e, e.into);
        if (!from || !into || from === into) break;
        pool.delete(keyOf(from.kind, from.name));
        for (const a of [from.name, ...from.aliases]) if (a !== into.name) into.aliases.add(a);
        pushAll(into.roles, from.roles);
        pushAll(into.generic, from.generic);
        into.fromEdit = true;
        break;
      }
      case 'suppress': {
        const f = foldText(e.name);
        let hit = false;
        for (const [key, p] of pool) {
          if (foldText(p.name) === f) {
            pool.delete(key);
            hit = true;
          }
          for (const a of p.aliases) {
            if (foldText(a) === f) {
              p.aliases.delete(a);
              hit = true;
            }
          }
        }
        if (!hit) missing(e, e.name);
        break;
      }
    }
  }
}
