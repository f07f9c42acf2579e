/**
 * Calendar dates, the one place core decides what a date is: bundles,
 * articles, manifests, datelines and the hosts' date options all check here,
 * so 2024-02-31 or 2025-13-01 is refused everywhere alike (a pattern such as
 * \d{4}-\d{2}-\d{2} alone let them through, and a filter on them matched nothing).
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year-month-day is a day of the (proleptic Gregorian) calendar; years 1–9999. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a calendar day written YYYY-MM-DD (2024-02-29 yes; 2024-02-31, 2025-13-01 no). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for YYYY-MM-DD (a calendar day), YYYY-MM (month 01–12) or YYYY: the forms an article's date may take. */
export function isIsoDateOrPart(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  if (m[3] === undefined) return daysInMonth(year, Number(m[2])) > 0;
  return isCalendarDay(year, Number(m[2]), Number(m[3]));
}

/** Why `text` is not a date in one of those forms, or null when it is one (for one-line refusals). */
export function dateProblem(text: string): string | null {
  if (isIsoDateOrPart(text)) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `"${text}" is not YYYY-MM-DD, YYYY-MM or YYYY`;
  if (Number(m[1]) < 1) return `"${text}": there is no year 0000`;
  if (m[2] !== undefined && daysInMonth(Number(m[1]), Number(m[2])) === 0) return `"${text}": there is no month ${m[2]}`;
  return `"${text}": ${m[1]}-${m[2]} has ${daysInMonth(Number(m[1]), Number(m[2]))} days`;
}
