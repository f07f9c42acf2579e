import { articleBody } from '../article.js';
import type { Archive } from '../archive.js';
import { runSteps, runStepsInSlices } from '../host.js';
import { foldText } from '../text/fold.js';
import { isContent } from './normalize.js';
import { FigureTableBuilder, type FigureTable } from './figure-table.js';
import { scanFigures } from './quantity-scan.js';

/**
 * The archive's figures by what they count: the unit and the last few words before the figure in its clause
 * (总投资 … 亿元). A draft figure that shares no fingerprint with any article (a clause of a few characters,
 * 项目总投资35.8亿元。 alone: winnowing need not pick its one shared k-gram) finds the articles that state the
 * same subject here. CSR over (key hash, article) pairs like the fingerprint index: ~12 bytes a figure.
 */
export interface FactIndex {
  keys: Uint32Array;
  starts: Uint32Array;
  docs: Uint32Array;
  /** Every article's figures with the characters around them, from the same scan (figure-table.ts). */
  figures: FigureTable;
}

/** Lengths of the subject keys (characters before the figure): the longer one when it is specific enough. */
export const SUBJECT_LENGTHS = [5, 3] as const;
const DOC_BITS = 2 ** 21;
const ARTICLES_PER_STEP = 128;
const CLAUSE_END = new Set([...'，,、；;：:。！？!?（）()\n'].map((c) => c.charCodeAt(0)));

/** FNV-1a of the unit and the subject: the key of a figure. */
export function subjectKey(unit: string, subject: string): number {
  let h = 0x811c9dc5;
  const s = `${unit}|${subject}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Up to `length` content characters (no digits) before `at` in its clause, read across an OCR line break (项目⏎总投资). */
export function subjectBefore(folded: string, at: number, length: number): string {
  let out = '';
  for (let i = at - 1, steps = 0; i >= 0 && out.length < length && steps < 32; i--, steps++) {
    const c = folded.charCodeAt(i);
    if (CLAUSE_END.has(c)) {
      if (c === 0x0a && i > 0 && isContent(folded.charCodeAt(i - 1)) && out.length) continue;
      break;
    }
    if (isContent(c) && !(c >= 0x30 && c <= 0x39)) out = folded[i] + out;
  }
  return out;
}

function* buildSteps(archive: Archive): Generator<void, FactIndex> {
  const pairs: number[] = [];
  const table = new FigureTableBuilder();
  const articles = archive.articles;
  for (let doc = 0; doc < articles.length; doc += ARTICLES_PER_STEP) {
    for (let d = doc; d < Math.min(doc + ARTICLES_PER_STEP, articles.length); d++) {
      const folded = foldText(articleBody(articles[d]!));
      const figures = scanFigures(folded);
      table.add(folded, figures);
      for (const m of figures) {
        if (m.vague) continue;
        for (const len of SUBJECT_LENGTHS) {
          const subject = subjectBefore(folded, m.index, len);
          if (subject.length === len) pairs.push(subjectKey(m.unit, subject) * DOC_BITS + d);
        }
      }
    }
    yield;
  }
  const sorted = Float64Array.from(pairs).sort();
  yield;
  const keys = new Uint32Array(sorted.length);
  const starts = new Uint32Array(sorted.length + 1);
  const docs = new Uint32Array(sorted.length);
  let k = -1;
  let n = 0;
  let prev = -1;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (v === prev) continue;
    prev = v;
    const key = Math.floor(v / DOC_BITS);
    if (k < 0 || keys[k] !== key) {
      keys[++k] = key;
      starts[k] = n;
    }
    docs[n++] = v - key * DOC_BITS;
  }
  starts[k + 1] = n;
  return { keys: keys.slice(0, k + 1), starts: starts.slice(0, k + 2), docs: docs.slice(0, n), figures: table.build() };
}

const indexes = new WeakMap<Archive, FactIndex>();

export function getFactIndex(archive: Archive): FactIndex {
  let index = indexes.get(archive);
  if (!index) indexes.set(archive, (index = runSteps(buildSteps(archive))));
  return index;
}

/** The same, built in slices that yield to the host (prepareCrossReference). */
export async function prepareFactIndex(archive: Archive): Promise<void> {
  if (!indexes.has(archive)) {
    const index = await runStepsInSlices(buildSteps(archive));
    if (!indexes.has(archive)) indexes.set(archive, index);
  }
}

/** Articles whose figures of `unit` follow `subject` (at most `most` of them, or none when more do: a generic subject). */
export function articlesStating(index: FactIndex, unit: string, subject: string, most: number): number[] {
  const key = subjectKey(unit, subject);
  let lo = 0;
  let hi = index.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = index.keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else {
      const s = index.starts[mid]!;
      const e = index.starts[mid + 1]!;
      return e - s > most ? [] : Array.from(index.docs.subarray(s, e));
    }
  }
  return [];
}

const docNumbers = new WeakMap<Archive, Map<unknown, number>>();

/** Each article's number (its place in archive.articles), for the per-article tables. */
export function articleNumbers(archive: Archive): Map<unknown, number> {
  let m = docNumbers.get(archive);
  if (!m) docNumbers.set(archive, (m = new Map(archive.articles.map((a, d) => [a, d]))));
  return m;
}
