import { ARTICLE_KINDS, type Article } from '../article.js';
import { BundleError } from './errors.js';
import { dateProblem, isIsoDate } from '../text/dates.js';
import { isPageNumber } from '../parse/page-number.js';

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown) => v === null || isString(v);

function fail(where: string, what: string): never {
  throw new BundleError('invalid', `invalid archive bundle: ${where} ${what}`);
}

function checkLink(v: unknown, where: string): void {
  if (v === null) return;
  if (typeof v !== 'object' || !isString((v as { text?: unknown }).text)) fail(where, 'must be null or { text, page, articleId }');
}

/** Checks one article against the contract; throws a BundleError naming the article and field. */
export function validateArticle(value: unknown, index: number): asserts value is Article {
  const where = `articles[${index}]`;
  if (typeof value !== 'object' || value === null) fail(where, 'is not an object');
  const a = value as Record<string, unknown>;
  if (!isString(a.id) || a.id === '') fail(`${where}.id`, 'must be a non-empty string');
  const at = `article ${a.id} (${where})`;
  if (!isString(a.title)) fail(`${at}.title`, 'must be a string');
  if (!isString(a.page)) fail(`${at}.page`, 'must be a string');
  if (a.pageNumber !== undefined && a.pageNumber !== null && !isPageNumber(a.pageNumber)) {
    fail(`${at}.pageNumber`, `must be null or a page as printed (3, A3), got ${JSON.stringify(a.pageNumber).slice(0, 40)}`);
  }
  if (typeof a.titleInferred !== 'boolean') fail(`${at}.titleInferred`, 'must be a boolean');
  for (const key of ['paper', 'date', 'subtitle', 'section', 'byline', 'source'] as const) {
    if (!isNullableString(a[key])) fail(`${at}.${key}`, 'must be a string or null');
  }
  // A date that is no day of the calendar (2024-02-31) would sort and filter as if it were one.
  if (isString(a.date)) {
    const problem = dateProblem(a.date);
    if (problem) fail(`${at}.date`, `is not a date: ${problem}`);
  }
  if (!ARTICLE_KINDS.includes(a.kind as never)) fail(`${at}.kind`, `must be one of ${ARTICLE_KINDS.join(', ')}`);
  if (!Array.isArray(a.paragraphs) || !a.paragraphs.every(isString)) fail(`${at}.paragraphs`, 'must be an array of strings');
  if (a.dateline !== null && (typeof a.dateline !== 'object' || !isString((a.dateline as { text?: unknown }).text))) {
    fail(`${at}.dateline`, 'must be null or { text, iso }');
  }
  const iso = a.dateline === null ? null : (a.dateline as { iso?: unknown }).iso;
  if (iso !== null && iso !== undefined && !(isString(iso) && isIsoDate(iso))) fail(`${at}.dateline.iso`, `must be null or a calendar day YYYY-MM-DD, got ${JSON.stringify(iso).slice(0, 40)}`);
  checkLink(a.continues, `${at}.continues`);
  checkLink(a.continuationOf, `${at}.continuationOf`);
}
