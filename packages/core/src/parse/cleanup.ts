/**
 * Whole-article OCR cleanup after assembly.
 * - Paragraphs the layout printed twice (a block repeated by the page
 *   layout) are dropped; a near-copy with text of its own stays (nothing
 *   printed is lost).
 * - An article cut off mid-sentence takes back its tail when OCR left that
 *   tail elsewhere on the page, as the last sub-headed segment of another
 *   article that talks more about it than about its host.
 */
import type { Draft } from './draft.js';
import { endsSentence, hanBigrams, overlap, searchableText } from './text.js';

/** Paragraphs shorter than this are never treated as layout repeats (`特此通告`). */
const MIN_REPEAT = 20;

export function dropRepeatedParagraphs(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  return paragraphs.filter((p) => {
    const key = searchableText(p).replace(/\s+/g, '');
    if (key.length < MIN_REPEAT) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when a paragraph stops mid-sentence (not a date or signature line). */
export function cutOff(paragraph: string | undefined): boolean {
  if (!paragraph) return false;
  return !endsSentence(paragraph) && [...paragraph].length > 15 && !/\d{1,2}\s*日$/.test(paragraph);
}

export function reattachTails(drafts: Draft[]): void {
  for (const target of drafts) {
    if (target.photo || target.continues || !cutOff(target.paragraphs.at(-1))) continue;
    const targetBody = hanBigrams(target.paragraphs.join(''));
    let best: { host: Draft; start: number; score: number } | null = null;
    for (const host of drafts) {
      if (host === target) continue;
      const start = host.subheads.at(-1);
      if (start === undefined || start === 0) continue;
      const tail = host.paragraphs.slice(start + 1).join('');
      if (!tail) continue;
      const own = overlap(tail, host.paragraphs.slice(0, start).join(''));
      const there = overlap(tail, targetBody);
      if (there > own + 0.1 && (!best || there - own > best.score)) best = { host, start, score: there - own };
    }
    if (!best) continue;
    const { host, start } = best;
    const [head, ...tail] = host.paragraphs.splice(start);
    host.subheads.pop();
    // The sub-head that preceded the tail was a display line of the host printed after its body.
    host.heads.push({ text: head!, level: null, trailing: true });
    const last = target.paragraphs.pop()!;
    target.paragraphs.push(last + (tail.shift() ?? ''), ...tail);
  }
}
