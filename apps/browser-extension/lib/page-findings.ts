/**
 * "Check this page" on the page itself: the reused passages and contradicted
 * facts the background found in the page's article text are located in the
 * live DOM and painted with the same CSS Custom Highlight mechanism as the
 * terms (highlights named by kind only: `jianbao-check-reused`,
 * `jianbao-check-conflict`), with no DOM changes.
 *
 * The check ran on extractArticleText's output (paragraphs joined by "\n",
 * whitespace collapsed), so an item's [start, end) is cut into its pieces per
 * paragraph, and each piece is looked up in the page's text blocks, preferring
 * the block that holds the start of its paragraph.
 */
import { locate, walkTextBlocks, type TextBlock } from './text-blocks.js';

export interface Finding {
  kind: 'reused' | 'conflict';
  start: number;
  end: number;
}

export const CHECK_HIGHLIGHT = { reused: 'jianbao-check-reused', conflict: 'jianbao-check-conflict' } as const;

/** The page ranges of each finding (empty when it could not be found), in the findings' order. */
export function locateFindings(doc: Document, draft: string, findings: Finding[]): Range[][] {
  const blocks = [...walkTextBlocks(doc.body ?? doc.documentElement)].filter((b): b is TextBlock => b !== null);
  const paragraphs: { start: number; text: string }[] = [];
  for (let at = 0; ; ) {
    const next = draft.indexOf('\n', at);
    paragraphs.push({ start: at, text: draft.slice(at, next === -1 ? draft.length : next) });
    if (next === -1) break;
    at = next + 1;
  }
  return findings.map((f) => {
    const ranges: Range[] = [];
    for (const p of paragraphs) {
      const from = Math.max(f.start, p.start);
      const to = Math.min(f.end, p.start + p.text.length);
      if (to - from < 1) continue;
      const piece = draft.slice(from, to).trim();
      if (!piece) continue;
      const range = findPiece(doc, blocks, piece, p.text.slice(0, 24));
      if (range) ranges.push(range);
    }
    return ranges;
  });
}

function findPiece(doc: Document, blocks: TextBlock[], piece: string, paragraphHead: string): Range | null {
  let fallback: { block: TextBlock; at: number } | null = null;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const head = squash(paragraphHead);
  for (const block of blocks) {
    const at = block.text.indexOf(piece);
    if (at === -1) continue;
    if (squash(block.text).includes(head)) return rangeOf(doc, block, at, at + piece.length);
    fallback ??= { block, at };
  }
  return fallback ? rangeOf(doc, fallback.block, fallback.at, fallback.at + piece.length) : null;
}

function rangeOf(doc: Document, block: TextBlock, start: number, end: number): Range {
  const a = locate(block, start);
  const b = locate(block, end, true);
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

type Registry = { set(name: string, h: unknown): void; delete(name: string): boolean };

/** Paints the findings (replacing earlier ones); returns how many were found on the page. */
export function paintFindings(win: Window, findings: Finding[], ranges: Range[][]): number {
  const w = win as unknown as { CSS?: { highlights?: Registry }; Highlight?: new (...r: Range[]) => unknown };
  clearFindings(win);
  if (!w.CSS?.highlights || !w.Highlight) return ranges.filter((r) => r.length).length;
  for (const kind of ['reused', 'conflict'] as const) {
    const list = ranges.flatMap((r, i) => (findings[i]!.kind === kind ? r : []));
    if (list.length) w.CSS.highlights.set(CHECK_HIGHLIGHT[kind], new w.Highlight(...list));
  }
  return ranges.filter((r) => r.length).length;
}

export function clearFindings(win: Window): void {
  const registry = (win as unknown as { CSS?: { highlights?: Registry } }).CSS?.highlights;
  for (const name of Object.values(CHECK_HIGHLIGHT)) registry?.delete(name);
}
