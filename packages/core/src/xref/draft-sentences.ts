import type { Segment } from './align.js';
import type { MatchText } from './normalize.js';

/**
 * The draft's sentences in matching-text positions: `starts[s]` is the first
 * position of sentence s (ascending, with the length appended), `of[i]` the
 * sentence of position i. A sentence ends at 。！？!? or a line break in the
 * raw text between two content characters. Linear in the draft.
 */
export interface DraftSentences {
  starts: Uint32Array;
  of: Uint32Array;
}

const ENDS = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0x0a]);

export function draftSentences(raw: string, draft: MatchText): DraftSentences {
  const of = new Uint32Array(draft.length);
  const starts: number[] = [0];
  for (let i = 1; i < draft.length; i++) {
    for (let c = draft.offsets[i - 1]! + 1; c < draft.offsets[i]!; c++) {
      if (ENDS.has(raw.charCodeAt(c))) {
        starts.push(i);
        break;
      }
    }
    of[i] = starts.length - 1;
  }
  starts.push(draft.length);
  return { starts: Uint32Array.from(starts), of };
}

/** A copied sentence is at least this long (content characters) … */
const SENTENCE_MIN = 24;
/** … the passage covers this share of the sentences it touches … */
const SENTENCE_COVER = 0.85;
/** … and this many of its covered characters are not common phrasing (names and titles count). */
const SENTENCE_OWN = 12;

/**
 * True when the passage is whole sentences copied with a word or two changed:
 * 国家主席习近平在人民大会堂会见……的爱尔兰总理马丁 with 总理 made 总统 is names,
 * titles and formulas, none of which counts as own wording, yet every
 * character but two is the archive's. A sentence that only shares a formula
 * with the archive covers too little of itself to pass.
 */
export function copiesSentences(seg: Segment, sentences: DraftSentences): boolean {
  const first = sentences.of[seg.dStart]!;
  const last = sentences.of[seg.dEnd - 1]!;
  const span = sentences.starts[last + 1]! - sentences.starts[first]!;
  return span >= SENTENCE_MIN && seg.matchedDraft >= SENTENCE_COVER * span && seg.matchedOwn >= SENTENCE_OWN;
}
