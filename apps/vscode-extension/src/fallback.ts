/**
 * TEMPORARY fallback for the core feature still being built in parallel
 * (xref). archive-service.ts uses one only while
 * @jianbao/core does not export the real function; delete this file once all
 * of them have landed. Deliberately simple: enough for the extension's UI and
 * host tests to exercise the agreed shapes, not a replacement for core.
 */
import { articleBody, compactText, foldText, getLexicon, type Archive, type Article } from '@jianbao/core';
import type { XrefConflict, XrefRelated, XrefReport, XrefReuse } from './core-contract.js';

const TITLES = [
  '市委书记', '市委副书记', '市长', '副市长', '县委书记', '县长', '区委书记', '区长', '省委书记', '省长',
  '副省长', '常务副市长', '人大常委会主任', '政协主席', '书记', '主任', '局长', '部长', '主席', '秘书长',
].sort((a, b) => b.length - a.length);

const SHINGLE = 10;
const MIN_REUSE = 16;
/** Only every STRIDE-th archive position is indexed (memory on 20,000-story archives); matches extend backwards to their start. */
const STRIDE = 4;

interface Shingles { index: Map<string, [number, number][]>; bodies: { article: Article; compact: ReturnType<typeof compactText>; folded: string }[] }
const shingleCache = new WeakMap<Archive, Shingles>();

function shinglesOf(archive: Archive): Shingles {
  let cached = shingleCache.get(archive);
  if (cached) return cached;
  const index = new Map<string, [number, number][]>();
  const bodies = archive.articles.map((article) => {
    const compact = compactText(articleBody(article));
    return { article, compact, folded: foldText(compact.text) };
  });
  bodies.forEach((b, n) => {
    for (let i = 0; i + SHINGLE <= b.folded.length; i += STRIDE) {
      const key = b.folded.slice(i, i + SHINGLE);
      const list = index.get(key);
      if (list) list.push([n, i]);
      else index.set(key, [[n, i]]);
    }
  });
  cached = { index, bodies };
  shingleCache.set(archive, cached);
  return cached;
}

export function fallbackCrossReference(archive: Archive, draft: string): XrefReport {
  const { index, bodies } = shinglesOf(archive);
  const compact = compactText(draft);
  const folded = foldText(compact.text);
  const reused: XrefReuse[] = [];
  let done = 0; // draft text before this is already reported
  for (let i = 0; i + SHINGLE <= folded.length; ) {
    const hits = index.get(folded.slice(i, i + SHINGLE));
    if (!hits) { i++; continue; }
    // The longest match (extended both ways) among the places this shingle occurs in the archive.
    let best: [number, number, number, number] = [0, 0, 0, 0]; // article, draft start, archive start, length
    for (const [n, j] of hits) {
      const other = bodies[n]!.folded;
      let back = 0;
      while (i - back > done && j - back > 0 && folded[i - back - 1] === other[j - back - 1]) back++;
      let len = SHINGLE;
      while (i + len < folded.length && j + len < other.length && folded[i + len] === other[j + len]) len++;
      if (back + len > best[3]) best = [n, i - back, j - back, back + len];
    }
    const [n, from, j, len] = best;
    const body = bodies[n]!;
    if (len < MIN_REUSE) { i++; continue; }
    {
      const i = from;
      const start = compact.offsets[i]!;
      const end = compact.offsets[i + len - 1]! + 1;
      reused.push({
        start, end, text: draft.slice(start, end), articleId: body.article.id, title: body.article.title,
        articleStart: body.compact.offsets[j]!, articleEnd: body.compact.offsets[j + len - 1]! + 1,
        similarity: 1, kind: 'verbatim',
      });
    }
    i = done = from + len;
  }

  const conflicts: XrefConflict[] = [];
  const lexicon = getLexicon(archive);
  for (const term of lexicon.terms) {
    if (!term.roles.length) continue;
    const latest = [...term.roles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0]!;
    for (let at = draft.indexOf(term.name); at >= 0; at = draft.indexOf(term.name, at + 1)) {
      const title = TITLES.find((t) => draft.endsWith(t, at));
      if (!title || term.roles.some((r) => r.title === title)) continue;
      conflicts.push({
        start: at - title.length, end: at, text: title, kind: 'title', expected: latest.title, articleId: latest.articleId,
        message: `${term.name}: ${latest.title}`,
      });
    }
  }

  const scores = new Map<string, XrefRelated>();
  for (const r of reused) {
    const rel = scores.get(r.articleId) ?? { id: r.articleId, title: r.title, score: 0, reasons: [] };
    rel.score += r.end - r.start;
    rel.reasons.push(`reuse:${r.text.slice(0, 12)}`);
    scores.set(r.articleId, rel);
  }
  const related = [...scores.values()].sort((a, b) => b.score - a.score);
  return { related, reused, conflicts };
}
