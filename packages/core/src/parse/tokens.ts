/**
 * Turns a page's raw OCR text into a flat token stream shared by all
 * layouts: headings, headline-like lines, bylines, credits, continuation
 * notes and body paragraphs with OCR line breaks joined.
 *
 * Joining rule: lines of one block (no blank line between) are one
 * paragraph unless a markdown hard break ("  ") ends a line; across blank
 * lines a paragraph continues while the text so far does not end a sentence
 * (narrow columns break mid-word, even mid-name: `基础在代\n表`,
 * `回\n\n望赋能之旅`), unless the next line starts an enumerated item.
 */
import {
  bylineLine, continuationLine, dateLine, ENUM_RE, headLike, parseHeading, photoCredit, sourceLine,
  type ContinuationNote,
} from './lines.js';
import { endsSentence, joinLine } from './text.js';

export type Token =
  | { t: 'heading'; level: number; text: string; line: number }
  | { t: 'head'; text: string; line: number }
  | { t: 'byline'; byline: string; source: string | null; line: number }
  | { t: 'source'; text: string; line: number }
  | { t: 'credit'; caption: string | null; byline: string; line: number }
  | { t: 'marker'; note: ContinuationNote; line: number }
  | { t: 'date'; text: string; line: number }
  | { t: 'para'; text: string; hard: boolean; line: number };

/** Median length of prose lines: narrow (< 30) means raw newspaper columns, where lines wrap at a fixed width. */
export function columnWidth(lines: string[]): number {
  const lens = lines.map((l) => l.trim()).filter((l) => l && !parseHeading(l)).map((l) => [...l].length).sort((a, b) => a - b);
  return lens.length ? lens[Math.floor(lens.length / 2)]! : 0;
}

function unbalanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/《/g) > count(/》/g) || count(/“/g) > count(/”/g) || count(/（/g) > count(/）/g);
}

export function tokenize(text: string): Token[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const width = columnWidth(lines);
  const narrow = width > 0 && width < 30;
  const tokens: Token[] = [];
  const punctAhead = punctuationAhead(lines);
  // The paragraph being joined, as pieces: concatenating and re-reading a
  // growing string per line is quadratic on a page of many short lines.
  let open = null as OpenPara | null;
  const close = () => {
    if (open && open.parts.length > 1) open.token.text = open.parts.join('');
    open = null;
  };
  /** The text of a para token so far, or (for the open one) its last characters: enough for endsSentence. */
  const textOf = (token: Extract<Token, { t: 'para' }>) => (open?.token === token ? open.tail : token.text);
  let blockStart = true;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (!line) {
      blockStart = true;
      continue;
    }
    const atBlockStart = blockStart;
    blockStart = false;
    const prev = tokens.at(-1);
    const lineNo = i + 1;

    const heading = parseHeading(line);
    if (heading) {
      tokens.push({ t: 'heading', level: heading.level, text: heading.text, line: lineNo });
      blockStart = true;
      continue;
    }
    const note = continuationLine(line);
    if (note) {
      tokens.push({ t: 'marker', note, line: lineNo });
      continue;
    }
    // Headline-ish lines only start after a finished sentence (or other non-body lines).
    const afterBody = prev?.t === 'para';
    const canHead = !afterBody || (atBlockStart && endsSentence(textOf(prev))) || prev.hard;
    if (canHead) {
      const credit = photoCredit(line);
      if (credit) {
        tokens.push({ t: 'credit', caption: credit.caption, byline: credit.byline, line: lineNo });
        continue;
      }
      const date = dateLine(line);
      if (date) {
        tokens.push({ t: 'date', text: line, line: lineNo });
        continue;
      }
      const source = sourceLine(line);
      if (source) {
        tokens.push({ t: 'source', text: source, line: lineNo });
        continue;
      }
      const byline = bylineLine(line);
      if (byline) {
        tokens.push({ t: 'byline', byline: byline.byline, source: byline.source, line: lineNo });
        continue;
      }
      if (headLike(line) && !wrappedLine(lines, i, width, narrow, punctAhead)) {
        // A headline is short: the length cap keeps a hostile run of `《…` lines from joining without end.
        if (prev?.t === 'head' && !atBlockStart && prev.text.length < MAX_HEAD && unbalanced(prev.text)) prev.text = joinLine(prev.text, line);
        else tokens.push({ t: 'head', text: line, line: lineNo });
        continue;
      }
    }
    const hard = /\S {2,}$/.test(raw);
    if (prev?.t === 'para' && !prev.hard && joins(textOf(prev), line, atBlockStart)) {
      if (open?.token !== prev) {
        close();
        open = { token: prev, parts: [prev.text], tail: prev.text.slice(-TAIL) };
      }
      // joinLine's rule on pieces: no space between CJK, one between two Latin words.
      const piece = joinLine(open.tail, line).slice(open.tail.trimEnd().length);
      open.parts.push(piece);
      open.tail = (open.tail.trimEnd() + piece).slice(-TAIL);
      prev.hard = hard;
    } else {
      tokens.push({ t: 'para', text: line, hard, line: lineNo });
    }
  }
  close();
  return tokens;
}

type OpenPara = { token: Extract<Token, { t: 'para' }>; parts: string[]; tail: string };

/** Characters of a paragraph's end that endsSentence and joinLine look at. */
const TAIL = 64;
/** Longest headline that still takes a continuation line when its quotes or brackets are open. */
const MAX_HEAD = 120;

/** `一是……` `二是……`: list items that a colon introduces. */
const LIST_ITEM_RE = /^[一二三四五六七八九十]是/u;

const FIELD_RE = /^[\p{Script=Han}]{2,8}[：:]/u;

function joins(prevText: string, line: string, atBlockStart: boolean): boolean {
  // An enumerated item after a blank line, or after a finished sentence, starts a paragraph.
  if ((ENUM_RE.test(line) || LIST_ITEM_RE.test(line)) && (atBlockStart || endsSentence(prevText))) return false;
  // `……如下：` then `咨询电话：……`: a field line after a colon starts its own paragraph.
  if (atBlockStart && /[：:]$/.test(prevText) && FIELD_RE.test(line)) return false;
  if (!atBlockStart) return true;
  return !endsSentence(prevText);
}

/**
 * In narrow columns a line about the column's width followed, in the same
 * block, by prose is a wrapped body line even without punctuation
 * (`榆次区、灵石县、寿阳县及市水利` / `局、市卫健委作交流发言。`); a headline
 * glued to the next body is wider than a column (it spans several).
 */
function wrappedLine(lines: string[], i: number, width: number, narrow: boolean, punctAhead: boolean[]): boolean {
  if (!narrow) return false;
  const len = [...lines[i]!.trim()].length;
  if (len < width * 0.6 || len > width + 2) return false;
  return punctAhead[i]!;
}

/**
 * `punctAhead[i]`: a later line of line i's block (no blank line between) has
 * sentence punctuation. One backward pass, so wrappedLine stays linear on a
 * block of thousands of lines.
 */
function punctuationAhead(lines: string[]): boolean[] {
  const ahead = new Array<boolean>(lines.length).fill(false);
  for (let i = lines.length - 2; i >= 0; i--) {
    const next = lines[i + 1]!;
    ahead[i] = next.trim() !== '' && (/[，,。；;：:！？]/.test(next) || ahead[i + 1]!);
  }
  return ahead;
}
