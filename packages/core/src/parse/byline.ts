/**
 * Bylines: in a lead (`本报讯（记者 赵福胜）`), closing in brackets at the
 * end of an article (`……水平。（丁 洁、王春宇）`), on their own line
 * (`本报记者 李晓雯 通讯员 张丙煦`) or as a photo credit (`梁 琛 摄`).
 */
import { isNameList } from './lines.js';
import { collapseLetterSpacing, recognitionForm } from './text.js';

const LEAD_BYLINE_RE = /^\s*(本报讯|本报[^\s，,。（(]{1,8}讯)\s*[（(]([^（）()]{2,40})[）)]/u;

/** The byline inside a 本报讯 lead, as printed (`记者 赵福胜`), or null. */
export function leadByline(paragraph: string): string | null {
  const m = LEAD_BYLINE_RE.exec(recognitionForm(paragraph.slice(0, 80)));
  if (!m) return null;
  const at = m.index + m[0].lastIndexOf(m[2]!, m[0].length - 1);
  return paragraph.slice(at, at + m[2]!.length).trim();
}

const CLOSING_RE = /(?<=[。！？”…])\s*[（(]\s*([^（）()]{2,30}?)\s*[）)]\s*$/u;

/** Splits a closing byline off a paragraph: `……水平。（丁 洁、王春宇）` → text + `丁 洁、王春宇`. */
export function splitClosingByline(paragraph: string): { text: string; byline: string | null } {
  const m = CLOSING_RE.exec(paragraph);
  if (!m) return { text: paragraph, byline: null };
  const inner = m[1]!.replace(/^(记者|通讯员|本报记者)\s*/u, '');
  if (!isNameList(inner)) return { text: paragraph, byline: null };
  return { text: paragraph.slice(0, m.index).trimEnd(), byline: m[1]!.trim() };
}

/** Display form of a byline: typesetting letter-spacing removed (`梁 琛 摄` → `梁琛 摄`). */
export function foldByline(byline: string): string {
  const credit = /^(.*?)\s*(文\/摄|摄影|摄)$/u.exec(byline.trim());
  if (credit) return `${collapseLetterSpacing(credit[1]!)} ${credit[2]}`.trim();
  return collapseLetterSpacing(byline);
}
