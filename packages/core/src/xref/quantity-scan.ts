/**
 * The figures of a text in one linear pass: Arabic (25.8, 1300) or Chinese
 * numerals (三十, 两千, 一千二百), a multiplier (1.2万, 4.88万亿), 余/多, and a
 * counting unit (亿元 → ×10^8 元, 架, 艘, 岁, 个百分点 …). OCR spaces and a
 * single line break may sit between the parts (`1300⏎余人`, `25.8 亿元`).
 * Each character is read a bounded number of times: a failed figure resumes
 * after the numeral it read (the regex this replaces backtracked over every
 * digit run it failed on: 240,000 digits took 37 s).
 */

/** Base units, longest first per first character (千瓦 before 千; 个百分点 before 个). */
const UNITS = [
  '平方公里', '平方米', '千瓦时', '千瓦', '兆瓦', '人次', '公里', '千米', '公顷', '公斤', '千克', '美元', '欧元', '元', '吨', '亩', '米',
  '个百分点', '百分点', '人', '名', '个', '家', '项', '件', '次', '期', '户', '座', '所', '台', '辆', '套', '场', '条', '批', '架', '艘', '岁',
  '颗', '枚', '支', '列', '部', '种', '位', '头', '只', '例', '株', '棵', '篇', '份', '标箱', '斤', '剂次', '剂', '桶', '吨标准煤', '千公顷', '%', '倍', '天', '小时', '分钟', '周', '国',
];
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of [...UNITS].sort((a, b) => b.length - a.length)) {
  const list = UNITS_BY_FIRST.get(u[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0]!, list);
}

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Longest digit run read as a number: longer runs are codes or noise (and would not fit a double). */
const MAX_DIGITS = 15;
/** Longest Chinese numeral read (九千九百九十九万九千九百九十九 is 15). */
const MAX_CN = 16;

export interface FigureMatch {
  /** Offsets of the figure: numeral to unit. */
  index: number;
  end: number;
  /** The numeral as printed (blanks removed): 25.8, 三十. */
  numeral: string;
  /** The value with multipliers applied: 25.8亿元 → 2.58e9. */
  value: number;
  /** 余 or 多 after the numeral. */
  about: boolean;
  /** The base unit (元 for 亿元); '' when only a multiplier follows (突破6000亿). */
  unit: string;
  /** As printed, layout blanks removed: 25.8亿元. */
  printed: string;
  /** Written in Chinese numerals. */
  chinese: boolean;
  /**
   * A bare 一 (一个, 统一部署: mostly the article or a word) or a numeral that starts with 百/千/万 (千余人, 上百,
   * 百万千瓦, 千家万户): compared only where a passage aligned to its source puts a figure at its place.
   */
  vague: boolean;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Blanks inside a figure: OCR spaces, and one line break. */
function skipBlanks(text: string, i: number): number {
  let breaks = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d) i++;
    else if (c === 0x0a && breaks === 0) {
      breaks++;
      i++;
    } else return i;
  }
}

/** The value of a Chinese numeral (三十, 两千, 一千二百, 八十七, 三万二千), or NaN. */
export function chineseValue(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') {
      if (digit >= 0) return NaN; // 一〇: digits read one by one (a year, a code), not a numeral
    } else if (ch in CN_DIGIT) {
      if (digit >= 0) return NaN; // 三四: a range or a list, not one numeral
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = -1;
    } else if (ch in MULTIPLIER) {
      section += digit < 0 && section === 0 && total === 0 ? 1 : Math.max(digit, 0); // 万户: one 万
      total = (total + section) * MULTIPLIER[ch]!;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

/**
 * Character classes by code unit: 1 a Chinese digit, 2 十百千, 4 万亿, 8 the first character of a unit. Looked up by
 * charCodeAt: `text[i] in CN_DIGIT` made a one-character string for every CJK character of the text and hashed
 * it (a fifth of a whole cross-reference on xwlb).
 */
const CLASS = new Uint8Array(0x10000);
for (const ch of Object.keys(CN_DIGIT)) CLASS[ch.charCodeAt(0)]! |= 1;
for (const ch of Object.keys(CN_UNIT)) CLASS[ch.charCodeAt(0)]! |= 2;
for (const ch of Object.keys(MULTIPLIER)) CLASS[ch.charCodeAt(0)]! |= 4;
for (const first of UNITS_BY_FIRST.keys()) CLASS[first.charCodeAt(0)]! |= 8;
const YI = '一'.charCodeAt(0);
// 16: may start a Chinese numeral (a digit, 十, or bare 百/千/万: see FigureMatch.vague); 32: bare 百/千/万.
for (const ch of '百千万') CLASS[ch.charCodeAt(0)]! |= 16 | 32;
for (const ch of Object.keys(CN_DIGIT)) CLASS[ch.charCodeAt(0)]! |= 16;
CLASS['十'.charCodeAt(0)]! |= 16;
const isCnStart = (c: number) => (CLASS[c]! & 16) !== 0;
const isBareStart = (c: number) => (CLASS[c]! & 32) !== 0;
const isCnPart = (c: number) => (CLASS[c]! & 7) !== 0;
const isCnUnit = (c: number) => (CLASS[c]! & 2) !== 0;
const isMultiplier = (c: number) => (CLASS[c]! & 4) !== 0;

function unitAt(text: string, at: number): string | undefined {
  if (at >= text.length || !(CLASS[text.charCodeAt(at)]! & 8)) return undefined;
  for (const u of UNITS_BY_FIRST.get(text[at]!) ?? []) if (text.startsWith(u, at)) return u;
  return undefined;
}

/**
 * The figures of `text`, in order, at most `limit` of them (a caller that checks no more stops the scan there),
 * from offset `from`. The scan's only state between figures is its position: scanning from a figure's start
 * reads that figure again exactly (figure-table.ts keeps only the offsets).
 * A plain loop, not a generator: V8 does not optimise a long loop inside one.
 */
export function scanFigures(text: string, limit = Infinity, from = 0): FigureMatch[] {
  const out: FigureMatch[] = [];
  const n = text.length;
  let i = from;
  while (i < n && out.length < limit) {
    const c = text.charCodeAt(i);
    let numEnd: number;
    let value: number;
    let chinese = false;
    let vague = false;
    const start = i;
    if (isDigit(c)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      numEnd = i;
      // A decimal part: blanks, a point, blanks, digits.
      let j = skipBlanks(text, i);
      if (text.charCodeAt(j) === 0x2e) {
        j = skipBlanks(text, j + 1);
        if (j < n && isDigit(text.charCodeAt(j))) {
          while (j < n && isDigit(text.charCodeAt(j))) j++;
          numEnd = j;
        }
      }
      i = numEnd;
      const numeral = text.slice(start, numEnd).replace(/\s/g, '');
      if (numeral.replace('.', '').length > MAX_DIGITS) continue;
      value = Number(numeral);
    } else if (isCnStart(c)) {
      // 十九万亿千瓦时: the run stops where a unit starts (千瓦, 千米, 百分点).
      while (i < n && i - start < MAX_CN && isCnPart(text.charCodeAt(i)) && !(i > start && isCnUnit(text.charCodeAt(i)) && unitAt(text, i))) i++;
      // A run too long to be one numeral: skip the rest of it, not a figure.
      if (i - start >= MAX_CN) {
        while (i < n && isCnPart(text.charCodeAt(i))) i++;
        continue;
      }
      numEnd = i;
      chinese = true;
      value = chineseValue(text.slice(start, numEnd));
      if (!Number.isFinite(value)) continue;
      // 一 alone is mostly the article (一个, 一批); 千余, 上百 are rounded: see FigureMatch.vague.
      vague = (numEnd - start === 1 && c === YI) || isBareStart(c);
    } else {
      i++;
      continue;
    }
    let k = skipBlanks(text, numEnd);
    // A multiplier (1.2万, 4.88万亿) unless a unit starts here (千瓦, 千米 are units).
    let mult = 1;
    if (!chinese && !unitAt(text, k)) {
      while (isMultiplier(text.charCodeAt(k))) mult *= MULTIPLIER[text[k++]!]!;
      if (mult > 1) k = skipBlanks(text, k);
    }
    let about = false;
    if (text[k] === '余' || text[k] === '多') {
      const u = skipBlanks(text, k + 1);
      if (unitAt(text, u) || (mult > 1 && !isDigit(text.charCodeAt(u)))) {
        about = true;
        k = u;
      }
    }
    // 亿 after 余 (3000余亿元) multiplies too.
    if (!chinese && about && isMultiplier(text.charCodeAt(k)) && !unitAt(text, k)) {
      while (isMultiplier(text.charCodeAt(k))) mult *= MULTIPLIER[text[k++]!]!;
    }
    // A multiplier alone may end a figure (突破6000亿, 约一万): the unit is then ''.
    const unit = unitAt(text, k) ?? (mult > 1 || (chinese && /[万亿]$/.test(text.slice(start, numEnd))) ? '' : undefined);
    if (unit === undefined) continue;
    const end = k + unit.length;
    const printed = text.slice(start, end);
    // Blanks are rare inside a figure: the strings are copied without them only when they are there.
    const blank = /\s/.test(printed);
    out.push({
      index: start, end, numeral: blank ? text.slice(start, numEnd).replace(/\s/g, '') : text.slice(start, numEnd),
      value: mult === 1 ? value : Number((value * mult).toPrecision(12)), about, unit, printed: blank ? printed.replace(/\s/g, '') : printed, chinese, vague,
    });
    i = end;
  }
  return out;
}
