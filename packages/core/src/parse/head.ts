/**
 * Reads a run of display lines (headline, kicker, subtitle, column label)
 * into title / subtitle / section. Which line is the headline:
 * - markdown: the `#` heading; else the heading that talks most about the
 *   body when one was printed after it, else the heading nearest the body;
 * - plain text, lines before the body: one line is the title; of two, the
 *   first (the second is a subtitle); of three or more, the second
 *   (引题 / 主题 / 副题: kicker, headline, subtitle);
 * - plain text printed after the body (OCR order of narrow columns): the first.
 * Kicker (`……时强调`, `……——`, a bare place name) and subtitle (`——……`,
 * `某某主持并讲话`) patterns never take the title while another line can.
 */
import type { HeadItem } from './draft.js';
import { isKicker, isLabelLike, isSubtitle, stripDashes } from './lines.js';
import { collapseLetterSpacing, overlap } from './text.js';

export type HeadLayout = 'markdown' | 'plain' | 'trailing';

export interface ReadHeads {
  title: string | null;
  titleLevel: number | null;
  subtitle: string[];
  section: string[];
  /** The label's heading level, for briefs that inherit it. */
  sectionLevel: number | null;
}

export function cleanHeadText(text: string): string {
  return collapseLetterSpacing(text.replace(/\*\*/g, '')).trim();
}

export function readHeads(items: HeadItem[], body: string, layout: HeadLayout): ReadHeads {
  const lines = items.map((item) => ({ ...item, text: cleanHeadText(item.text) })).filter((i) => i.text);
  const role = lines.map((item): 'label' | 'kicker' | 'subtitle' | 'candidate' => {
    if (isSubtitle(item.text)) return 'subtitle';
    if (isKicker(item.text)) return 'kicker';
    return 'candidate';
  });
  // Column labels only where another line can be the headline, and not in trailing OCR order.
  if (layout !== 'trailing') {
    lines.forEach((item, i) => {
      if (role[i] !== 'candidate' || item.level === 1 || !isLabelLike(item.text)) return;
      const others = role.some((r, j) => j !== i && r === 'candidate' && !isLabelLike(lines[j]!.text));
      if (others) role[i] = 'label';
    });
  }
  let candidates = lines.map((_, i) => i).filter((i) => role[i] === 'candidate');
  if (!candidates.length) candidates = lines.map((_, i) => i).filter((i) => role[i] !== 'label');
  let titleIdx: number | null = null;
  if (candidates.length) {
    if (layout === 'markdown' && candidates.some((i) => lines[i]!.level !== null)) {
      const headings = candidates.filter((i) => lines[i]!.level !== null);
      const h1 = headings.find((i) => lines[i]!.level === 1);
      if (h1 !== undefined) titleIdx = h1;
      else if (headings.some((i) => lines[i]!.trailing)) {
        titleIdx = headings.reduce((best, i) => (overlap(lines[i]!.text, body) > overlap(lines[best]!.text, body) ? i : best));
      } else titleIdx = headings.filter((i) => !lines[i]!.trailing).at(-1) ?? headings[0]!;
    } else if (layout === 'trailing' || candidates.length <= 2) titleIdx = candidates[0]!;
    else titleIdx = candidates[1]!;
  }
  const subtitle: string[] = [];
  const section: string[] = [];
  let sectionLevel: number | null = null;
  lines.forEach((item, i) => {
    if (i === titleIdx) return;
    if (role[i] === 'label') {
      section.push(item.text.replace(/\s+/g, ''));
      sectionLevel ??= item.level;
    } else subtitle.push(stripDashes(item.text));
  });
  const title = titleIdx === null ? null : stripDashes(lines[titleIdx]!.text);
  return { title, titleLevel: titleIdx === null ? null : lines[titleIdx]!.level, subtitle: subtitle.filter(Boolean), section, sectionLevel };
}
