/**
 * Citations of archive articles in the forms newsrooms use, chosen by the host (a setting, a flag):
 *
 * - `house`: the paper's house style, 《标题》（报纸，日期，第N版，作者）. The date is the issue's; where the
 *   archive knows only its month (the parser never infers the day: an issue appears a day or more after its
 *   events) and the article has a dateline, the dateline's day is given as what it is, 2025年2月21日讯
 *   (电 for a wire story), not passed off as the issue date.
 * - `gbt7714`: GB/T 7714-2015's entry for a newspaper article, `[n] 作者. 题名[N]. 报纸名, 出版日期(版次).`
 *   The 出版日期 is the issue date only (YYYY-MM-DD, or YYYY-MM where that is all the archive knows): a
 *   dateline is the event's date, days before the issue (one seed page has datelines 9月23日, 26日 and 27日),
 *   so it never stands in for it.
 *
 * Article fields come from bundles and are untrusted: each is taken only if it is a string, on one line,
 * without controls or bidi overrides, capped. Pure: no host APIs, so the CLI and the editor share it.
 */
import type { Article } from './article.js';
import { isPageNumber, pageNumberFromName } from './parse/page-number.js';

export { pageNumberFromName } from './parse/page-number.js';

export type CitationStyle = 'house' | 'gbt7714';
export const CITATION_STYLES: readonly CitationStyle[] = ['house', 'gbt7714'];

export type CitableArticle = Pick<Article, 'title' | 'paper' | 'date' | 'page' | 'pageNumber' | 'byline' | 'dateline' | 'source'>;

export interface CitationOptions {
  /** 版次 where the host knows better than the article; otherwise the article's own pageNumber, then its page's file name. */
  pageNumber?: number | string | null;
  /** GB/T 7714: the entry's number in the reference list (`[3] …`); see nextReferenceNumber. */
  index?: number;
}

const FIELD_LIMIT = 200;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;

/** A field as one plain line, or undefined when it is not a string or is empty. */
function field(value: unknown, limit = FIELD_LIMIT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(INVISIBLE, ' ').replace(/\s{2,}/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** ISO `2024-02-13` → `2024年2月13日`; `2024-02` → `2024年2月`; anything else as is. */
export function chineseDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[1]}年` + (m[2] ? `${Number(m[2])}月` : '') + (m[3] ? `${Number(m[3])}日` : '');
}

const ROLE = /^(?:本报|本刊)?(?:首席|特约|见习|实习)?(?:摄影记者|记者|通讯员|实习生|编辑)/u;
const CREDIT = /(?:文\/图|文\/摄|摄影|摄|整理|报道)$/u;

/** The people a byline names, roles and credits left off: `记者 殷雪鸢、胡引平` → 殷雪鸢, 胡引平. */
export function bylineNames(byline: unknown): string[] {
  const text = field(byline);
  if (!text) return [];
  const names: string[] = [];
  for (const part of text.split(/[\s、，,；;/／]+/u)) {
    const name = part.replace(ROLE, '').replace(CREDIT, '').trim();
    if (name && name !== '文' && name !== '图' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** A wire story (新华社, 中新社): its dateline is 电, a paper's own is 讯. */
const isWire = (source: string | undefined) => Boolean(source && /(?:新华|中新|通讯)社/u.test(source) && !/^据/u.test(source));

function datelineIso(article: CitableArticle): string | undefined {
  const d = article.dateline as unknown;
  if (!d || typeof d !== 'object') return undefined;
  const iso = field((d as { iso?: unknown }).iso);
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : undefined;
}

function pageOf(article: CitableArticle, options: CitationOptions): string | null {
  const given = options.pageNumber;
  if (typeof given === 'number' && Number.isInteger(given) && given > 0) return String(given);
  if (isPageNumber(given)) return given;
  const own = (article as { pageNumber?: unknown }).pageNumber;
  if (isPageNumber(own)) return own;
  return pageNumberFromName(article.page);
}

/** The paper's house style: 《标题》（报纸，日期，第N版，作者）, each part only when known. */
function house(article: CitableArticle, options: CitationOptions): string {
  const title = field(article.title) ?? '';
  const issue = field(article.date);
  let date: string | null = null;
  if (issue && /^\d{4}-\d{2}-\d{2}$/.test(issue)) date = chineseDate(issue);
  else {
    const dateline = datelineIso(article);
    date = dateline ? `${chineseDate(dateline)}${isWire(field(article.source)) ? '电' : '讯'}` : chineseDate(issue);
  }
  const page = pageOf(article, options);
  const names = bylineNames(article.byline);
  const details = [field(article.paper), date ?? undefined, page ? `第${page}版` : undefined, names.length ? names.join('、') : undefined]
    .filter(Boolean).join('，');
  return `《${title}》` + (details ? `（${details}）` : '');
}

/** GB/T 7714-2015, newspaper article: `[n] 作者. 题名[N]. 报纸名, 出版日期(版次).` */
function gbt7714(article: CitableArticle, options: CitationOptions): string {
  const names = bylineNames(article.byline);
  // More than three authors: the first three, then 等 (GB/T 7714-2015, 8.1.2).
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
  const title = field(article.title) ?? '';
  const issue = field(article.date);
  const date = issue && ISO.test(issue) ? issue : undefined;
  const page = pageOf(article, options);
  const when = date ? date + (page ? `(${page})` : '') : undefined;
  const published = [field(article.paper), when].filter(Boolean).join(', ');
  const number = options.index && Number.isInteger(options.index) && options.index > 0 ? `[${options.index}] ` : '';
  return `${number}${authors ? `${authors}. ` : ''}${title}[N]${published ? `. ${published}` : ''}.`;
}

export function formatCitation(article: CitableArticle, style: CitationStyle, options: CitationOptions = {}): string {
  return style === 'gbt7714' ? gbt7714(article, options) : house(article, options);
}

/** The number the next GB/T 7714 entry takes in `text`: one more than the largest `[n] ` starting a line, else 1. */
export function nextReferenceNumber(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/^[ \t]*(?:[-*+][ \t]+)?\[(\d{1,4})\][ \t]/gmu)) max = Math.max(max, Number(m[1]));
  return max + 1;
}
