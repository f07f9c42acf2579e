/**
 * Whole-article OCR cleanup after assembly.
 * - Paragraphs the layout printed twice (a block repeated by the page
 *   layout) are dropped, with a misread copy of the block's first paragraph.
 * - An article cut off mid-sentence takes back its tail when OCR left that
 *   tail elsewhere on the page, as the last sub-headed segment of another
 *   article that talks more about it than about its host.
 */
import type { Draft } from './draft.js';
import { endsSentence, hanBigrams, overlap, searchableText } from './text.js';
import { pushAll } from '../arrays.js';

/** Paragraphs shorter than this are never treated as layout repeats (`特此通告`). */
const MIN_REPEAT = 20;

/** Length of the common prefix or suffix of two strings, whichever is longer. */
function sharedEnd(a: string, b: string): number {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return Math.max(pre, suf);
}

/**
 * Drops paragraphs the layout printed twice: exact repeats (OCR spacing
 * ignored), and a paragraph next to such a repeated run that is a misread
 * copy of an earlier one (same beginning or same ending over at least 40%
 * of it: the repeated block's first line read differently). A near-copy that
 * stands alone is kept — nothing printed is lost on a guess.
 */
export function dropRepeatedParagraphs(paragraphs: string[]): string[] {
  const keys = paragraphs.map((p) => searchableText(p).replace(/\s+/g, ''));
  const seen = new Set<string>();
  const repeat = keys.map((key) => {
    if (key.length < MIN_REPEAT) return false;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  const misread = keys.map((key, i) => {
    if (repeat[i] || key.length < MIN_REPEAT || !(repeat[i - 1] || repeat[i + 1])) return false;
    return keys.slice(0, i).some((other, j) => !repeat[j] && sharedEnd(key, other) >= Math.max(MIN_REPEAT, 0.4 * Math.min(key.length, other.length)));
  });
  return paragraphs.filter((_, i) => !repeat[i] && !misread[i]);
}

/** True when a paragraph stops mid-sentence (not a date or signature line). */
export function cutOff(paragraph: string | undefined): boolean {
  if (!paragraph) return false;
  return !endsSentence(paragraph) && [...paragraph].length > 15 && !/\d{1,2}\s*日$/.test(paragraph);
}

/**
 * How many articles away a tail's host may be. Real pages hold a few dozen
 * articles, so this never limits them; it keeps a pathological page (a 5 MB
 * export holding thousands of stories) from comparing every pair.
 */
const TAIL_HOST_WINDOW = 60;

interface HostTail {
  start: number;
  tail: Set<string>;
  /** How much the tail talks about its host's own body. */
  own: number;
}

export function reattachTails(drafts: Draft[]): void {
  // A host's candidate tail depends only on the host: computed once, recomputed if the host changes.
  const hostTails = new Map<Draft, HostTail | null>();
  const hostTail = (host: Draft): HostTail | null => {
    if (hostTails.has(host)) return hostTails.get(host)!;
    let value: HostTail | null = null;
    const start = host.subheads.at(-1);
    if (start !== undefined && start !== 0) {
      const text = host.paragraphs.slice(start + 1).join('');
      if (text) {
        const tail = hanBigrams(text);
        value = { start, tail, own: overlap(tail, host.paragraphs.slice(0, start).join('')) };
      }
    }
    hostTails.set(host, value);
    return value;
  };
  drafts.forEach((target, t) => {
    if (target.photo || target.continues || !cutOff(target.paragraphs.at(-1))) return;
    const targetBody = hanBigrams(target.paragraphs.join(''));
    let best: { host: Draft; start: number; score: number } | null = null;
    const from = Math.max(0, t - TAIL_HOST_WINDOW);
    const to = Math.min(drafts.length, t + TAIL_HOST_WINDOW + 1);
    for (let h = from; h < to; h++) {
      const host = drafts[h]!;
      if (host === target) continue;
      const candidate = hostTail(host);
      if (!candidate) continue;
      const there = overlap(candidate.tail, targetBody);
      if (there > candidate.own + 0.1 && (!best || there - candidate.own > best.score)) best = { host, start: candidate.start, score: there - candidate.own };
    }
    if (!best) return;
    const { host, start } = best;
    const [head, ...tail] = host.paragraphs.splice(start);
    host.subheads.pop();
    // The sub-head that preceded the tail was a display line of the host printed after its body.
    host.heads.push({ text: head!, level: null, trailing: true });
    const last = target.paragraphs.pop()!;
    target.paragraphs.push(last + (tail.shift() ?? ''));
    pushAll(target.paragraphs, tail);
    hostTails.delete(host);
    hostTails.delete(target);
  });
}
