import { ARTICLE_KINDS, type ArticleKind } from '../article.js';
import { englishMessage, searchMessage, type SearchMessage, type SearchMessageCode, type SearchMessageParams } from './messages.js';

/**
 * The query syntax every host shares (README: "Query syntax"):
 *
 *   query   := item*
 *   item    := "-" term              exclude: no hit holds it
 *            | field ":" value       title:, paper:, kind:, date:, sort:
 *            | DATE ".." DATE        a date range, either end optional (2025-02-13..2025-03, 2025.., ..2024)
 *            | "OR"                  the parts before and after are alternatives
 *            | term
 *   term    := '"' text '"'          an exact phrase: only as typed, no typo or paraphrase (“…” stay text: titles hold them)
 *            | word                  words are phrases; spaced single characters join (OCR spacing)
 *   DATE    := YYYY | YYYY-MM | YYYY-MM-DD
 *
 * date:2025 and date:2025-02 cover the year or the month; a range is inclusive at both ends at their precision.
 * sort:date puts the newest first (sort:relevance is the default).
 */
export interface QueryPart {
  text: string;
  /** Quoted: must occur as typed. */
  exact?: boolean;
  /** title:…: must occur in the title. */
  title?: boolean;
}

export interface ParsedQuery {
  /** Alternatives (OR); each a list of parts, all of which a hit should hold. */
  alternatives: QueryPart[][];
  exclude: string[];
  paper?: string;
  kind?: ArticleKind;
  from?: string;
  to?: string;
  sort: 'relevance' | 'date';
}

/** A problem with a query: core's English wording (`error`) and the same as data (`problem`) for hosts to word. */
export interface QueryProblem { error: string; problem: SearchMessage }

export type ParseResult = { ok: true; query: ParsedQuery } | ({ ok: false } & QueryProblem);

function fail<C extends SearchMessageCode>(code: C, params: SearchMessageParams[C]): QueryProblem {
  const problem = searchMessage(code, params);
  return { error: englishMessage(problem), problem };
}

const FIELDS: Record<string, 'title' | 'paper' | 'kind' | 'date' | 'sort'> = {
  title: 'title', 标题: 'title', paper: 'paper', 报纸: 'paper', kind: 'kind', 类型: 'kind', date: 'date', 日期: 'date', sort: 'sort', 排序: 'sort',
};
const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const RANGE = /^(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?\.\.(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?$/;
const OPEN_QUOTES = '"';

/** A date of year, month or day precision, checked and zero-padded; or the problem with it. */
export function parseDate(text: string): { date: string } | QueryProblem {
  const m = DATE.exec(text);
  if (!m) return fail('not-a-date', { text });
  const [, y, mo, d] = m;
  if (mo === undefined) return { date: y! };
  const month = Number(mo);
  if (month < 1 || month > 12) return fail('impossible-month', { text, month });
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (d === undefined) return { date: ym };
  const day = Number(d);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > days) return fail('impossible-day', { text, month: ym, days });
  return { date: `${ym}-${String(day).padStart(2, '0')}` };
}

/** A date range a..b (either end optional) or a single date (its whole year, month or day). */
export function parseDateRange(text: string): { from?: string; to?: string } | QueryProblem {
  const range = RANGE.exec(text);
  if (!range) {
    const one = parseDate(text);
    return 'error' in one ? one : { from: one.date, to: one.date };
  }
  const out: { from?: string; to?: string } = {};
  for (const [key, value] of [['from', range[1]], ['to', range[2]]] as const) {
    if (value === undefined) continue;
    const d = parseDate(value);
    if ('error' in d) return d;
    out[key] = d.date;
  }
  if (!out.from && !out.to) return fail('empty-date-range', { text });
  if (out.from && out.to && out.from.slice(0, out.to.length) > out.to) return fail('date-range-reversed', { text });
  return out;
}

/** Splits a query into its parts, or names the first problem in one line. */
export function parseQuery(input: string): ParseResult {
  const query: ParsedQuery = { alternatives: [[]], exclude: [], sort: 'relevance' };
  const current = () => query.alternatives[query.alternatives.length - 1]!;
  let free: string[] = []; // consecutive plain words: joined, so OCR spacing (千 万 工 程) is read as one part
  const flush = () => {
    if (free.length) current().push({ text: free.join(' ') });
    free = [];
  };
  let i = 0;
  const s = input;
  const readTerm = (): { text: string; quoted: boolean } | QueryProblem => {
    if (OPEN_QUOTES.includes(s[i]!)) {
      const at = s.indexOf('"', i + 1);
      if (at < 0) return fail('unclosed-quote', { position: i + 1 });
      const text = s.slice(i + 1, at);
      i = at + 1;
      return { text, quoted: true };
    }
    const start = i;
    while (i < s.length && !/\s/.test(s[i]!)) i++;
    return { text: s.slice(start, i), quoted: false };
  };
  while (i < s.length) {
    if (/\s/.test(s[i]!)) {
      i++;
      continue;
    }
    const rest = s.slice(i);
    const word = /^\S+/.exec(rest)![0];
    if (word === 'OR' || word === '|') {
      flush();
      if (!current().length) return { ok: false, ...fail('or-needs-words', {}) };
      query.alternatives.push([]);
      i += word.length;
      continue;
    }
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]!) && (i === 0 || /\s/.test(s[i - 1]!))) {
      i++;
      const t = readTerm();
      if ('error' in t) return { ok: false, ...t };
      if (t.text.trim()) query.exclude.push(t.text.trim());
      continue;
    }
    const field = /^([a-z]+|[\u4e00-\u9fff]{2}):/.exec(rest);
    if (field && FIELDS[field[1]!]) {
      flush();
      i += field[0].length;
      const t = readTerm();
      if ('error' in t) return { ok: false, ...t };
      const value = t.text.trim();
      const name = FIELDS[field[1]!]!;
      if (!value) return { ok: false, ...fail('field-needs-value', { field: field[1]! }) };
      if (name === 'title') current().push({ text: value, title: true, exact: t.quoted });
      else if (name === 'paper') query.paper = value;
      else if (name === 'kind') {
        if (!ARTICLE_KINDS.includes(value as ArticleKind)) return { ok: false, ...fail('unknown-kind', { kind: value, kinds: [...ARTICLE_KINDS] }) };
        query.kind = value as ArticleKind;
      } else if (name === 'sort') {
        if (value !== 'date' && value !== 'relevance') return { ok: false, ...fail('unknown-sort', { sort: value }) };
        query.sort = value;
      } else {
        const r = parseDateRange(value);
        if ('error' in r) return { ok: false, ...r };
        Object.assign(query, r);
      }
      continue;
    }
    if (RANGE.test(word)) {
      flush();
      const r = parseDateRange(word);
      if ('error' in r) return { ok: false, ...r };
      Object.assign(query, r);
      i += word.length;
      continue;
    }
    const t = readTerm();
    if ('error' in t) return { ok: false, ...t };
    if (t.quoted) {
      flush();
      if (t.text.trim()) current().push({ text: t.text.trim(), exact: true });
    } else free.push(t.text);
  }
  flush();
  if (query.alternatives.length > 1 && !current().length) return { ok: false, ...fail('or-needs-words', {}) };
  return { ok: true, query };
}
