import { articleBody, type Article } from '../article.js';
import { foldText } from '../text/fold.js';
import { isContent } from './normalize.js';
import { sentenceAt, sentenceRanges } from './sentences.js';

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
}

// Longest first so 万千瓦 wins over 千瓦, 亿元 over 亿.
const UNITS = [
  '万平方米', '平方公里', '平方米', '万千瓦', '千瓦时', '万人次', '亿元', '万元', '千元', '亿吨', '万吨', '千瓦', '兆瓦', '万亩', '公里',
  '千米', '人次', '万人', '元', '吨', '亩', '米', '人', '名', '个', '家', '项', '件', '次', '期', '户', '座', '所', '台', '辆', '套', '场',
  '条', '批', '%', '倍', '天', '小时', '亿', '万',
];
/** Longest digit run read as a number: longer runs are codes or noise, not quantities (and would not fit a double). */
const MAX_DIGITS = 15;
/** How far lead and trail look for their content characters. */
const LOOK = 32;
/** Characters of a figure's sentence kept on either side of it. */
const MAX_SENTENCE = 300;
const RATE_BEFORE = /(?:增长|下降|上升|提高|降低|增加|减少|回落|上涨|增幅|降幅)[ \t]*$/;
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** A quantity as found by the scan: the same groups the former regex gave ([0] whole, [1] number, [2] 余/多, [3] unit). */
interface QuantityMatch {
  index: number;
  0: string;
  1: string;
  2: string | undefined;
  3: string;
}

/**
 * Number, then blanks, optional 余/多, blanks, a unit — what the regex
 * /(\d+(?:[ \t]*\.[ \t]*\d+)?)[ \t]*(余|多)?[ \t]*(UNIT)/g found, in one pass:
 * that regex backtracked over every digit run and blank run it failed on
 * (240,000 digits took 37 s). Each character is read a bounded number of
 * times: a failed match resumes after the digits it read.
 */
export function* scanQuantities(text: string): Generator<QuantityMatch> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    let numEnd = i;
    // A decimal part: blanks, a point, blanks, digits.
    let j = i;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x2e) {
      j++;
      while (j < n && isBlank(text.charCodeAt(j))) j++;
      if (j < n && isDigitCode(text.charCodeAt(j))) {
        while (j < n && isDigitCode(text.charCodeAt(j))) j++;
        numEnd = j;
      }
    }
    // The scan resumes after the number either way (its digits cannot start another match that counts).
    i = numEnd;
    const number = text.slice(start, numEnd);
    if (number.replace(/\D/g, '').length > MAX_DIGITS) continue;
    let k = numEnd;
    while (k < n && isBlank(text.charCodeAt(k))) k++;
    let about: string | undefined;
    if (text[k] === '余' || text[k] === '多') {
      const afterAbout = k + 1;
      let u = afterAbout;
      while (u < n && isBlank(text.charCodeAt(u))) u++;
      if (unitAt(text, u)) {
        about = text[k];
        k = u;
      }
    }
    const unit = unitAt(text, k);
    if (!unit) continue;
    const end = k + unit.length;
    yield { index: start, 0: text.slice(start, end), 1: number, 2: about, 3: unit };
    i = end;
  }
}

/** The first listed unit printed at `at` (the list is longest first). */
function unitAt(text: string, at: number): string | undefined {
  const first = text[at];
  if (first === undefined) return undefined;
  for (const u of UNITS_BY_FIRST.get(first) ?? []) if (text.startsWith(u, at)) return u;
  return undefined;
}

const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST.get(u[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0]!, list);
}

const CLAUSE_END = new Set([...'，,、；;：:。！？!?（）()\n']);

/**
 * Quantities of a text (offsets into it). `wanted` (by start offset) picks
 * those worth describing before any per-figure work: a draft of 500,000
 * figures nothing in the archive is near costs only the scan.
 */
export function quantities(text: string, wanted?: (start: number) => boolean): Quantity[] {
  const folded = foldText(text);
  const ranges = sentenceRanges(folded);
  const out: Quantity[] = [];
  for (const m of scanQuantities(folded)) {
    const start = m.index;
    const before = folded.charCodeAt(start - 1);
    // Part of a longer number, or an ordinal (第3次): not a quantity of something.
    if ((before >= 0x30 && before <= 0x39) || before === 0x2e || folded[start - 1] === '第') continue;
    if (wanted && !wanted(start)) continue;
    // Rates of change (增长8.4%, 下降1.8%) belong to a period: every month's story prints new ones to one template.
    if (m[3] === '%' && RATE_BEFORE.test(folded.slice(Math.max(0, start - 6), start))) continue;
    let lead = '';
    for (let i = start - 1; i >= Math.max(0, start - LOOK) && lead.length < 8; i--) {
      const ch = folded[i]!;
      if (CLAUSE_END.has(ch)) break;
      if (isContent(ch.charCodeAt(0)) && !(ch >= '0' && ch <= '9')) lead = ch + lead;
    }
    let trail = '';
    for (let i = start + m[0].length; i < Math.min(folded.length, start + m[0].length + LOOK) && trail.length < 8; i++) {
      const ch = folded[i]!;
      if (CLAUSE_END.has(ch)) break;
      if (isContent(ch.charCodeAt(0)) && !(ch >= '0' && ch <= '9')) trail += ch;
    }
    const found = sentenceAt(ranges, start);
    if (!found) continue;
    // A sentence is compared whole against archive sentences: an unbroken run (a page of figures without 。) is cut
    // to a window around the figure so each comparison stays bounded.
    const sentence: [number, number] = [Math.max(found[0], start - MAX_SENTENCE), Math.min(found[1], start + m[0].length + MAX_SENTENCE)];
    out.push({
      start, end: start + m[0].length,
      value: Number(m[1]!.replace(/[ \t]/g, '')),
      unit: m[3]!,
      printed: m[0].replace(/[ \t]/g, ''),
      lead, trail, sentence,
      ...rangeOf(Number(m[1]!.replace(/[ \t]/g, '')), Boolean(m[2]), lead, folded.slice(start + m[0].length, start + m[0].length + 2)),
    });
  }
  return out;
}

/** Content characters of a sentence without digits: what two statements of one fact share. */
function words(text: string): string {
  let out = '';
  const folded = foldText(text);
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isContent(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x25) out += folded[i];
  }
  return out.slice(0, 300);
}

/** Absolute time words by kind: a year, a span of months, a month or day, a part of the year. Relative ones (今年) name no time by themselves. */
const TIME_KINDS: [string, RegExp][] = [
  ['year', /\d{4}年/g],
  ['span', /前\d{1,2}个?月|\d{1,2}[—–-]\d{1,2}月/g],
  ['month', /(?<![—–-]|\d)\d{1,2}月(?:份)?(?:\d{1,2}日)?/g],
  ['part', /上半年|下半年|前三季度|[一二三四]季度/g],
];

type Times = Map<string, Set<string>>;

/**
 * Time words of a statement (2024年, 前10个月, 6月): statements about
 * different times are different facts. They come from the sentence, or when
 * it has none from the sentences before it in its paragraph (the lead of a
 * statistics story: 前10个月，…。其中，…), or from `heading` (the article's title).
 */
function times(text: string, sentence: [number, number], heading = ''): Times {
  const collect = (s: string) => {
    const found: Times = new Map();
    const flat = foldText(s).replace(/[ \t]/g, '');
    for (const [kind, re] of TIME_KINDS) {
      for (const m of flat.matchAll(re)) {
        const set = found.get(kind) ?? new Set<string>();
        set.add(m[0].replace('月份', '月'));
        found.set(kind, set);
      }
    }
    return found;
  };
  const own = collect(text.slice(sentence[0], sentence[1]));
  if (own.size) return own;
  const paragraphStart = text.lastIndexOf('\n', sentence[0] - 1) + 1;
  const before = collect(text.slice(Math.max(paragraphStart, sentence[0] - 600), sentence[0]));
  return before.size ? before : collect(heading);
}

/** Different times: some kind of time word both name, with nothing in common (2023年 vs 2024年; 前7个月 vs 前10个月). */
function differentTimes(a: Times, b: Times): boolean {
  for (const [kind, set] of a) {
    const other = b.get(kind);
    if (other && ![...set].some((t) => other.has(t))) return true;
  }
  return false;
}

/** Length of the longest common substring. */
function longestCommon(a: string, b: string): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
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
function rangeOf(value: number, about: boolean, lead: string, after: string): Pick<Quantity, 'range' | 'qualifier'> {
  if (about) {
    // 余/多 stand for the next place down: 220余 → [220, 230), 1000多 → [1000, 2000), 25.8余 → [25.8, 25.9)
    const text = String(value);
    const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    const zeros = decimals ? 0 : (/0+$/.exec(text)?.[0].length ?? 0);
    const step = decimals ? 10 ** -decimals : 10 ** zeros;
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

/** Every number of a sentence (as values) except the one starting at `skip`. */
function numbersIn(sentence: string, skip: number): string[] {
  const out: string[] = [];
  for (const m of foldText(sentence).matchAll(/\d+(?:[ \t]*\.[ \t]*\d+)?/g)) if (m.index !== skip) out.push(String(Number(m[0].replace(/[ \t]/g, ''))));
  return out;
}

export interface NumberEvidence {
  article: Article;
  quantity: Quantity;
  /** Longest shared stretch of words between the two sentences. */
  shared: number;
  /** The two figures allow a common value. */
  agree: boolean;
}

/** The archive's statements of the same fact as the draft quantity `q` (of `draft`), among `articles`. */
/** The time words of an archive statement, computed once. */
const timesOf = new WeakMap<Quantity, Times>();

/** The other numbers and the words of an archive statement's sentence, computed once: each draft compares against them again. */
const numbersOf = new WeakMap<Quantity, Set<string>>();
const wordsOf = new WeakMap<Quantity, string>();

/** Article bodies as joined once: each draft number compares against up to 8 nearby articles. */
const bodies = new WeakMap<Article, string>();

/** An article's quantities, kept while the article lives (articles are immutable once loaded). */
const articleQuantities = new WeakMap<Article, Quantity[]>();

export function sameFacts(draft: string, q: Quantity, articles: Article[]): NumberEvidence[] {
  const sentence = draft.slice(q.sentence[0], q.sentence[1]);
  const mine = words(sentence);
  const myTimes = times(draft, q.sentence);
  const myNumbers = numbersIn(sentence, q.start - q.sentence[0]);
  const out: NumberEvidence[] = [];
  for (const article of articles) {
    let body = bodies.get(article);
    if (body === undefined) bodies.set(article, (body = articleBody(article)));
    let list = articleQuantities.get(article);
    if (!list) articleQuantities.set(article, (list = quantities(body)));
    for (const r of list) {
      // The same thing counted: the words before the number agree (总投资), or those after it (…余名基层人大代表) when a word before was swapped (共计 → 共有).
      if (r.unit !== q.unit || (commonSuffix(r.lead, q.lead) < 2 && commonPrefix(r.trail, q.trail) < 3)) continue;
      // 50多个 and 51个 agree: figures conflict only where the values they allow do not meet.
      const agree = agrees(q, r);
      const theirs = body.slice(r.sentence[0], r.sentence[1]);
      let theirTimes = timesOf.get(r);
      if (!theirTimes) timesOf.set(r, (theirTimes = times(body, r.sentence, article.title)));
      if (differentTimes(myTimes, theirTimes)) continue;
      // A wrong figure is one number of a statement; where other numbers differ too (dates, rates, years) it is
      // another period's statement told to the same template (一季度，国内生产总值…亿元，同比增长…%).
      if (!agree) {
        let theirNumbers = numbersOf.get(r);
        if (!theirNumbers) numbersOf.set(r, (theirNumbers = new Set(numbersIn(theirs, r.start - r.sentence[0]))));
        if (myNumbers.some((n) => !theirNumbers.has(n))) continue;
      }
      let theirWords = wordsOf.get(r);
      if (theirWords === undefined) wordsOf.set(r, (theirWords = words(theirs)));
      const shared = longestCommon(mine, theirWords);
      if (shared >= SAME_FACT_RUN) out.push({ article, quantity: r, shared, agree });
    }
  }
  return out;
}
