/**
 * The dateline: the event date as printed near the top of an article
 * (`2月13日`, `2 月 13 日` → `2月13日`), or a document's date under its title.
 * Its ISO form takes the year printed with it, else the issue's year (a
 * December event in a January issue belongs to the year before).
 */
import type { Dateline } from '../article.js';
import { recognitionForm } from './text.js';
import { daysInMonth, isCalendarDay } from '../text/dates.js';

const DATE_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
/** How far into the first paragraph an event date is still the article's dateline. */
const LEAD_WINDOW = 120;

export function toDateline(match: RegExpExecArray, issueDate: string | null): Dateline {
  const text = match[0].replace(/\s+/g, '');
  const month = Number(match[2]);
  const day = Number(match[3]);
  let year: number | null = match[1] ? Number(match[1]) : null;
  if (year === null && issueDate && /^\d{4}/.test(issueDate)) {
    year = Number(issueDate.slice(0, 4));
    const issueMonth = /^\d{4}-(\d{2})/.exec(issueDate)?.[1];
    if (issueMonth && month - Number(issueMonth) > 6) year -= 1;
  }
  // 2月30日 has no ISO form; without a year, 2月29日 might be one.
  const valid = year !== null ? isCalendarDay(year, month, day) : day >= 1 && day <= daysInMonth(2000, month);
  const iso = year !== null && valid ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  return { text, iso };
}

/** The first date in the opening of `paragraph`, or null. */
export function findDateline(paragraph: string | undefined, issueDate: string | null): Dateline | null {
  if (!paragraph) return null;
  const m = DATE_RE.exec(recognitionForm(paragraph.slice(0, LEAD_WINDOW)));
  return m ? toDateline(m, issueDate) : null;
}

/** A printed full date (`2024年10月12日`, a notice's signature date) as a dateline. */
export function parseDateText(text: string, issueDate: string | null): Dateline | null {
  const m = DATE_RE.exec(recognitionForm(text));
  return m ? toDateline(m, issueDate) : null;
}

/** A full date at the end of a paragraph (a notice's signature line), or null. */
export function trailingDate(paragraph: string | undefined, issueDate: string | null): Dateline | null {
  if (!paragraph) return null;
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/u.exec(recognitionForm(paragraph.slice(-64)));
  return m ? toDateline(new RegExp(DATE_RE.source, 'u').exec(m[0])!, issueDate) : null;
}
