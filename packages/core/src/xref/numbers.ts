import { articleBody, type Article } from '../article.js';
import { foldText } from '../text/fold.js';
import { isContent } from './normalize.js';
import { context, leadOf, notAQuantity, trailOf } from './figure-context.js';
import { mayBeSameFact, NO_QUANTITY, probeOf, VAGUE, type FigureTable } from './figure-table.js';
import { scanFigures, type FigureMatch } from './quantity-scan.js';
import { CommonRun } from './common-run.js';
import { sentenceAround } from './sentences.js';

/** A number with its unit as printed: 25.8 亿元, 220余名, 4期. */
export interface Quantity {
  start: number;
  end: number;
  value: number;
  unit: string;
  /** As printed, layout spaces removed: 25.8亿元. */
  printed: string;
  /** Up to 8 content characters before the number in its clause (总投资): what the number is of. */
  lead: string;
  /** Up to 8 content characters after the unit in its clause (基层人大代表参与). */
  trail: string;
  /** The values the figure as printed allows: [25.8, 25.8]; 220余名 → [220, 230); 超16万 → [16, ∞); 近50 → [45, 50]; 约3 → [2.7, 3.3]. */
  range: [number, number];
  /** How the figure is qualified: exact, 余/多 (about), a lower bound (超/突破), an upper bound (近), or around (约/左右). */
  qualifier: 'exact' | 'about' | 'atLeast' | 'atMost' | 'around';
  sentence: [number, number];
  /** Up to CONTEXT content characters before / after the figure within its sentence, across clause marks, numerals left out: its place in a copied sentence. */
  before: string;
  after: string;
  /** Written in Chinese numerals (三十, 一千二百). */
  chinese: boolean;
  /** A rate of change (增长5.4%, 加快0.5个百分点): compared only where the sentence is aligned to its source. */
  rate: boolean;
  /** 一个, 千余, 上百 (FigureMatch.vague): compared only in place in an aligned passage. */
  vague: boolean;
}

/** Characters of a figure's sentence kept on either side of it. */
const MAX_SENTENCE = 300;
const RATE_BEFORE = /(?:增长|下降|上升|提高|降低|增加|减少|回落|上涨|增幅|降幅|加快|放缓|回升|扩大|收窄)[ \t]*$/;
const NUMERAL = new Set([...'0123456789.零〇一二两三四五六七八九十百千万亿%']);

/**
 * Quantities of a text (offsets into it). `wanted` (by start offset) picks
 * those worth describing before any per-figure work: a draft of 500,000
 * figures nothing in the archive is near costs only the scan; the scan stops after
 * `limit` figures.
 */
export function quantities(text: string, wanted?: (figure: FigureMatch) => boolean, limit = Infinity): Quantity[] {
  return quantitiesOf(scanText(text, limit), wanted);
}

/** The same from a text already scanned (a prepared draft's figures). */
export function quantitiesOf(scanned: ScannedText, wanted?: (figure: FigureMatch) => boolean): Quantity[] {
  const out: Quantity[] = [];
  for (const m of scanned.figures) {
    if (notAQuantity(scanned.folded, m.index)) continue;
    if (wanted && !wanted(m)) continue;
    const q = describeFigure(scanned, m);
    if (q) out.push(q);
  }
  return out;
}

/** A text's figures from one scan, each described (as a Quantity) only when it is asked about. */
export interface ScannedText {
  folded: string;
  figures: FigureMatch[];
}

export function scanText(text: string, limit = Infinity): ScannedText {
  return scanFolded(foldText(text), limit);
}

export function scanFolded(folded: string, limit = Infinity): ScannedText {
  return { folded, figures: scanFigures(folded, limit) };
}

/** The figure `m` of a scanned text as a Quantity (its clause, sentence and context); null when it is no quantity. */
export function describeFigure(scanned: ScannedText, m: FigureMatch): Quantity | null {
  const { folded } = scanned;
  const start = m.index;
  if (notAQuantity(folded, start)) return null;
  // Rates of change (增长8.4%, 下降1.8%) belong to a period: every month's story prints new ones to one template.
  const rate = (m.unit === '%' || m.unit.endsWith('百分点')) && RATE_BEFORE.test(folded.slice(Math.max(0, start - 6), start));
  const lead = leadOf(folded, start);
  const trail = trailOf(folded, m.end);
  // A sentence is compared whole against archive sentences: an unbroken run (a page of figures without 。) is cut
  // to a window around the figure so each comparison stays bounded.
  const sentence = sentenceAround(folded, start, m.end, MAX_SENTENCE);
  return {
    start, end: m.end, value: m.value, unit: m.unit, printed: m.printed, chinese: m.chinese, rate, vague: m.vague,
    lead, trail, sentence, before: context(folded, start, -1), after: context(folded, m.end, 1),
    ...rangeOf(m.value, m.numeral, m.about, lead, folded.slice(m.end, m.end + 2)),
  };
}

/** Content characters of a folded sentence without digits (the first 300): what two statements of one fact share. */
const WORDS_KEPT = 300;
const wordCodes = new Uint16Array(WORDS_KEPT);
const IS_NUMERAL = new Uint8Array(0x10000);
for (const ch of NUMERAL) IS_NUMERAL[ch.charCodeAt(0)] = 1;
function words(folded: string): string {
  // Collected as code units and made one flat string (a string grown a character at a time is a rope, flattened
  // again by the first comparison that reads it).
  let n = 0;
  for (let i = 0; i < folded.length && n < WORDS_KEPT; i++) {
    const c = folded.charCodeAt(i);
    if (isContent(c) && !IS_NUMERAL[c]) wordCodes[n++] = c;
  }
  return String.fromCharCode.apply(null, wordCodes.subarray(0, n) as unknown as number[]);
}

/** Absolute time words by kind: a year, a span of months, a month or day, a part of the year. Relative ones (今年) name no time by themselves. */
const TIME_KINDS: [string, RegExp][] = [
  ['year', /\d{4}年/g],
  ['span', /前\d{1,2}个?月|\d{1,2}[—–-]\d{1,2}月/g],
  ['month', /(?<![—–-]|\d)\d{1,2}月(?:份)?(?:\d{1,2}日)?/g],
  ['part', /上半年|下半年|前三季度|[一二三四]季度/g],
];

type Times = Map<string, Set<string>>;
const TIME_CHAR = /[年月季]/;

/**
 * Time words of a statement (2024年, 前10个月, 6月): statements about
 * different times are different facts. They come from the sentence, or when
 * it has none from the sentences before it in its paragraph (the lead of a
 * statistics story: 前10个月，…。其中，…), or from `heading` (the article's title).
 */
function times(text: string, sentence: [number, number], heading = '', borrow = true, at = -1): Times {
  // `text` is folded (a prepared draft, an article's folded body); the heading is folded here.
  const collect = (s: string, last = false) => {
    const found: Times = new Map();
    // Every time word holds 年, 月 or 季: most stretches have none, and need no pattern run over them.
    if (!TIME_CHAR.test(s)) return found;
    const flat = s.replace(/[ \t]/g, '');
    for (const [kind, re] of TIME_KINDS) {
      for (const m of flat.matchAll(re)) {
        // 比2022年, 较上年: the time compared with, not the statement's own.
        if (last && /[比较]$/.test(flat.slice(Math.max(0, m.index - 1), m.index))) continue;
        const set = last ? new Set<string>() : (found.get(kind) ?? new Set<string>());
        set.add(m[0].replace('月份', '月'));
        found.set(kind, set);
      }
    }
    return found;
  };
  // The time that governs the figure: the last of each kind before it in its sentence (2020年过火面积…，2023年更是…).
  if (at >= 0) {
    const governing = collect(text.slice(sentence[0], at), true);
    if (governing.size) return governing;
  }
  const own = collect(text.slice(sentence[0], sentence[1]));
  if (own.size || !borrow) return own;
  const paragraphStart = text.lastIndexOf('\n', sentence[0] - 1) + 1;
  const before = collect(text.slice(Math.max(paragraphStart, sentence[0] - 600), sentence[0]));
  return before.size ? before : collect(foldText(heading));
}

/** Different times: some kind of time word both name, with nothing in common (2023年 vs 2024年; 前7个月 vs 前10个月). */
function differentTimes(a: Times, b: Times): boolean {
  for (const [kind, set] of a) {
    const other = b.get(kind);
    if (other && ![...set].some((t) => other.has(t))) return true;
  }
  // Part of a year against a whole year (上半年… against 2024年…): different periods.
  const part = (t: Times) => t.has('part') || t.has('span');
  return part(a) !== part(b) && (part(a) ? b.has('year') : a.has('year'));
}

/** Some time word both name (上半年 and 上半年). */
function anyTimeShared(a: Times, b: Times): boolean {
  for (const [kind, set] of a) {
    const other = b.get(kind);
    if (other && [...set].some((t) => other.has(t))) return true;
  }
  return false;
}


function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Same fact: the same thing counted (lead and unit), in sentences sharing a long stretch of words, about the same time. */
export const SAME_FACT_RUN = 12;

/** The values a printed figure allows (see Quantity.range), and how it is qualified. */
function rangeOf(value: number, numeral: string, about: boolean, lead: string, after: string): Pick<Quantity, 'range' | 'qualifier'> {
  if (about) {
    // 余/多 stand for the next place down of the numeral as printed: 220余 → [220, 230), 1000多 → [1000, 2000),
    // 25.8余 → [25.8, 25.9), 1.2万余 → [12000, 13000); scaled by what multiplied it.
    const arabic = /^[\d.]+$/.test(numeral);
    const base = arabic ? Number(numeral) : value;
    const text = arabic ? numeral : String(value);
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    const zeros = decimals ? 0 : (/0+$/.exec(text)?.[0].length ?? 0);
    const step = (decimals ? 10 ** -decimals : 10 ** zeros) * (base ? value / base : 1);
    return { range: [value, value + step - 1e-9], qualifier: 'about' };
  }
  if (/(?:超|超过|突破|逾|多达|以上)$/.test(lead) || after.startsWith('以上')) return { range: [value, Infinity], qualifier: 'atLeast' };
  if (/(?:近|将近|接近)$/.test(lead)) return { range: [value * 0.9, value], qualifier: 'atMost' };
  if (/约$/.test(lead) || after.startsWith('左右')) return { range: [value * 0.9, value * 1.1], qualifier: 'around' };
  return { range: [value, value], qualifier: 'exact' };
}

/** Two printed figures agree: the same bound when qualified alike (突破1000 vs 突破2000 differ), else ranges that meet. */
function agrees(q: Quantity, r: Quantity): boolean {
  if (q.qualifier === r.qualifier && q.qualifier !== 'about') return q.value === r.value;
  return q.range[0] <= r.range[1] && r.range[0] <= q.range[1];
}

/** Every number of a folded sentence (as values) except the one starting at `skip`. */
function numbersIn(sentence: string, skip: number): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(/\d+(?:[ \t]*\.[ \t]*\d+)?/g)) if (m.index !== skip) out.push(String(Number(m[0].replace(/[ \t]/g, ''))));
  return out;
}

export interface NumberEvidence {
  article: Article;
  quantity: Quantity;
  /** Longest shared stretch of words between the two sentences. */
  shared: number;
  /** The two figures allow a common value. */
  agree: boolean;
  /** The statements name different times (2023年 vs 2024年): not the same fact. */
  otherTime: boolean;
  /** Characters of the figures' immediate context that agree (Quantity.before's common end + .after's common start). */
  context: number;
  /** The figure at the draft figure's place in a passage the reuse check aligned to this article: it decides. */
  placed?: boolean;
  /** The sentences aligned (copied with the figure in place). */
  aligned?: boolean;
  /** Only the figure's clause is shared (its words before and after as the draft has them): a restated fact, weak alone. */
  clause?: boolean;
  /** The archive statement names the same time as the draft's sentence (both name one). */
  sameTime?: boolean;
}

/** A passage of an article the draft repeats (raw offsets into its body), as the reuse check aligned it. */
export interface AlignedSource {
  article: Article;
  from: number;
  to: number;
  /** Where the draft figure falls in the source by its share of the passage: tells apart figures whose words are alike. */
  at: number;
}

/** A sentence copied with its figure in place: enough shared words, or the figure's neighbourhood the same on both sides. */
export const ALIGNED_RUN = 20;
export const ALIGNED_CONTEXT = 12;
/** A restated fact: a shorter shared run will do when the figure's own words agree on both sides. */
const RESTATED_RUN = 6;
/** Characters of the figure's clause (before and after it) that must agree for a restated clause. */
const CLAUSE_WORDS = 4;
/** A rate of change restated outside its sentence: its subject must agree this far (同比增长 alone is every statistic's). */
const RATE_LEAD = 6;

/**
 * The draft's clause around the figure as the archive prints it around its own: the words before it back to the
 * clause mark (or the first few of them) and those after it up to the next (or the first few). 另据统计，20小时最大
 * 降雨量超过248毫米 restates 24小时最大降雨量超过248毫米 though the figure ends or starts its clause.
 */
function sameClause(q: Quantity, leadAgree: number, trailAgree: number): boolean {
  return (leadAgree === q.lead.length || leadAgree >= CLAUSE_WORDS) && (trailAgree === q.trail.length || trailAgree >= CLAUSE_WORDS) && leadAgree + trailAgree >= CLAUSE_WORDS;
}

/** The archive's statements of the same fact as the draft quantity `q` (of `draft`), among `articles`. */
/** The time words of an archive statement, computed once. */
const timesOf = new WeakMap<Quantity, Times>();

/** The other numbers and the words of an archive statement's sentence, computed once: each draft compares against them again. */
const numbersOf = new WeakMap<Quantity, Set<string>>();
const wordsOf = new WeakMap<Quantity, string>();

/**
 * An article's folded body and the figures of it a check asked about, each read and described once and kept while
 * the article lives (articles are immutable once loaded). Which figures to read comes from the archive's figure
 * table (figure-table.ts): folding, scanning and describing every figure of every article near a draft figure was
 * most of a first check's cost on xwlb.
 */
interface ArticleFigures extends ScannedText {
  described: (Quantity | null | undefined)[];
}

function articleFiguresOf(article: Article): ArticleFigures {
  let figs = articleFigures.get(article);
  if (!figs) articleFigures.set(article, (figs = { folded: foldText(articleBody(article)), figures: [], described: [] }));
  return figs;
}
const articleFigures = new WeakMap<Article, ArticleFigures>();

/** The archive's figure table and each article's number in it. */
export interface ArchiveFigures {
  table: FigureTable;
  docOf: Map<unknown, number>;
}

let lastRun: CommonRun | undefined;

export function sameFacts(draft: string, q: Quantity, articles: Article[], archiveFigures: ArchiveFigures, source?: AlignedSource): NumberEvidence[] {
  const sentence = draft.slice(q.sentence[0], q.sentence[1]);
  const mine = words(sentence);
  // Figures of one sentence compare the same words: one automaton for them.
  if (lastRun?.text !== mine) lastRun = new CommonRun(mine);
  const run = lastRun;
  // The draft's sentence has its own time or none: it borrows none from an unrelated paragraph before it.
  const myTimes = times(draft, q.sentence, '', false, q.start);
  const myNumbers = numbersIn(sentence, q.start - q.sentence[0]);
  const out: NumberEvidence[] = [];
  // In a passage aligned to its source, the source's figure of the same unit whose neighbourhood fits best.
  let placed: Quantity | null = null;
  let placedFit = 1;
  const { table, docOf } = archiveFigures;
  const unit = table.unitIds.get(q.unit);
  const probe = probeOf(q);
  for (const article of unit === undefined ? [] : articles) {
    const d = docOf.get(article)!;
    let figs: ArticleFigures | undefined;
    for (let t = table.starts[d]!; t < table.starts[d + 1]!; t++) {
      if (table.unit[t] !== unit || table.flags[t]! & NO_QUANTITY) continue;
      const at = table.at[t]!;
      const inSource = source?.article === article && at >= source.from - 2 && at < source.to;
      // A vague figure (一个, 千余) counts only at its place in the passage the draft copies.
      if ((table.flags[t]! & VAGUE || q.vague) && !inSource) continue;
      // Neither its words before, after nor around it can agree enough (the test below): not read at all.
      if (!inSource && !mayBeSameFact(table, t, probe)) continue;
      figs ??= articleFiguresOf(article);
      const f = t - table.starts[d]!;
      const m = (figs.figures[f] ??= scanFigures(figs.folded, 1, at)[0]!);
      let r = figs.described[f];
      if (r === undefined) r = figs.described[f] = describeFigure(figs, m);
      if (!r) continue;
      const ctx = commonSuffix(r.before, q.before) + commonPrefix(r.after, q.after);
      const leadAgree = commonSuffix(r.lead, q.lead);
      const trailAgree = commonPrefix(r.trail, q.trail);
      if (inSource) {
        const fit = ctx + leadAgree + trailAgree;
        if (fit > placedFit || (fit === placedFit && placed && Math.abs(r.start - source.at) < Math.abs(placed.start - source.at))) {
          placed = r;
          placedFit = fit;
        }
      }
      if (m.vague || q.vague) continue;
      // The same thing counted: the words before the number agree (总投资), or those after it (…余名基层人大代表) when a
      // word before was swapped (共计 → 共有), or its whole neighbourhood (31个省 after a clause mark).
      if (leadAgree < 2 && trailAgree < 3 && ctx < 6) continue;
      // 50多个 and 51个 agree: figures conflict only where the values they allow do not meet.
      let agree = agrees(q, r);
      let theirWords = wordsOf.get(r);
      if (theirWords === undefined) wordsOf.set(r, (theirWords = words(figs.folded.slice(r.sentence[0], r.sentence[1]))));
      const shared = run.longestWith(theirWords);
      // Aligned: the sentence copied (most of its words shared, or all of the draft's), or the figure's neighbourhood the same.
      const aligned = shared >= ALIGNED_RUN || ctx >= ALIGNED_CONTEXT || (shared >= 10 && shared >= 0.8 * Math.min(mine.length, theirWords.length)) || (shared >= 5 && shared === mine.length);
      // In place, the archive's figure is the expected one exactly (300多 → 350多 is a change, though the ranges meet).
      if (aligned && agree && q.qualifier === r.qualifier) agree = q.value === r.value;
      const clause = sameClause(q, leadAgree, trailAgree);
      // A rate of change is compared in a sentence aligned to its source, or in its own clause with its subject
      // (高技术产业销售收入同比增长): elsewhere each period prints a new one.
      if ((q.rate || r.rate) && !aligned && !(clause && leadAgree >= RATE_LEAD)) continue;
      // A wrong figure is one number of a statement; where other numbers differ too (dates, rates, years) it is
      // another period's statement told to the same template (一季度，国内生产总值…亿元，同比增长…%).
      if (!agree && !aligned) {
        let theirNumbers = numbersOf.get(r);
        if (!theirNumbers) numbersOf.set(r, (theirNumbers = new Set(numbersIn(figs.folded.slice(r.sentence[0], r.sentence[1]), r.start - r.sentence[0]))));
        if (myNumbers.some((n) => !theirNumbers.has(n))) continue;
      }
      // Restated (weak alone, see decide()): a shorter shared run whose figure's own words agree on both sides, or
      // its clause as the archive's. A restated clause is about the time its sentence names, if any: 上半年…超1200亿元
      // is not 2024年…超1500亿元.
      const strong = shared >= SAME_FACT_RUN || aligned;
      const restated = shared >= RESTATED_RUN && ((leadAgree >= 2 && trailAgree >= 2) || clause);
      if (!strong && !restated) continue;
      // Its time words, read only for a statement that may be kept (most figures near a draft figure are not).
      let theirTimes = timesOf.get(r);
      if (!theirTimes) timesOf.set(r, (theirTimes = times(figs.folded, r.sentence, article.title, true, r.start)));
      if (strong || !myTimes.size || anyTimeShared(myTimes, theirTimes)) {
        // About another time: kept as evidence, so that a statement of another period, when it is the closest source, keeps the figure quiet.
        const otherTime = differentTimes(myTimes, theirTimes);
        out.push({ article, quantity: r, shared, agree, context: ctx, otherTime, aligned, clause: !strong, sameTime: anyTimeShared(myTimes, theirTimes) });
      }
    }
  }
  if (placed && source) {
    // Copied in place: any change is a conflict, whatever the figure counts (rates included) and whatever other
    // statements print; the same value in other numerals (三十 for 30) is no change.
    const agree = q.qualifier === placed.qualifier ? q.value === placed.value : agrees(q, placed);
    // The sentence copied but told of another time (2025年 for 2024年): another statement, not a changed figure.
    const otherTime = differentTimes(myTimes, timesOf.get(placed) ?? times(articleFigures.get(source.article)!.folded, placed.sentence, source.article.title, true, placed.start));
    out.push({ article: source.article, quantity: placed, shared: mine.length, agree, context: placedFit, otherTime, placed: true, aligned: true });
  }
  return out;
}
