/**
 * 版次: the page of the issue an article was printed on, as the paper prints it (`3`, `A3`). It comes
 * from the manifest's `pageNumber` when given, else from the page's file name when that states one.
 */

const PAGE_NUMBER = /^[A-Z]?[1-9][0-9]{0,2}$/;

/** A 版次 as articles carry it: `3`, `12`, `A3`. */
export const isPageNumber = (value: unknown): value is string => typeof value === 'string' && PAGE_NUMBER.test(value);

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]]! : null;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * The 版次 a page's file name states, strictly (a name that only holds numbers, like `000_3e61….txt`, states
 * none): `第3版`, `第十二版`, `03版`, `A03版`, `p3`/`page-03` as a separate part, or `A03` as a separate part.
 * `3` or `A3`, or null.
 */
export function pageNumberFromName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  const printed = /第\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*版/u.exec(base);
  if (printed) {
    const n = chineseNumber(printed[1]!);
    return n && n > 0 ? String(n) : null;
  }
  const ban = /(?:^|[^0-9A-Za-z])([A-H])?0*([1-9][0-9]?)版/u.exec(base);
  if (ban) return `${ban[1] ?? ''}${ban[2]}`;
  const p = /(?:^|[_\-.\s])(?:p|pg|page)[_-]?0*([1-9][0-9]?)(?=$|[_\-.\s])/i.exec(base);
  if (p) return p[1]!;
  const lettered = /(?:^|[_\-.\s])([A-H])0*([1-9][0-9]?)(?=$|[_\-.\s])/.exec(base);
  if (lettered) return `${lettered[1]}${lettered[2]}`;
  return null;
}

