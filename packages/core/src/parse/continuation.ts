/**
 * Resolves 下转/上接 notes across pages: `（下转第2版）` on page 1 of an issue
 * points to the article on page 2 of the same paper and date that carries
 * `（上接第1版）`; where several do, the one whose title shares most with it.
 * Page numbers (版次) come from the manifest; without them links keep
 * `articleId: null`.
 */
import type { Article } from '../article.js';
import { overlap } from './text.js';

export function linkContinuations(articles: Article[], pageNumbers: Map<string, number>): void {
  const key = (a: Article, page: number) => `${a.paper ?? ''}\u0000${a.date ?? ''}\u0000${page}`;
  const byPage = new Map<string, Article[]>();
  for (const a of articles) {
    const n = pageNumbers.get(a.page);
    if (n === undefined) continue;
    const k = key(a, n);
    byPage.set(k, [...(byPage.get(k) ?? []), a]);
  }
  for (const a of articles) {
    const here = pageNumbers.get(a.page);
    if (here === undefined) continue;
    if (a.continues?.page != null) {
      const there = (byPage.get(key(a, a.continues.page)) ?? []).filter((b) => b.continuationOf?.page === here);
      const match = best(a, there);
      if (match) {
        a.continues.articleId = match.id;
        if (match.continuationOf && !match.continuationOf.articleId) match.continuationOf.articleId = a.id;
      }
    }
    if (a.continuationOf?.page != null && !a.continuationOf.articleId) {
      const there = (byPage.get(key(a, a.continuationOf.page)) ?? []).filter((b) => b.continues?.page === here);
      const match = best(a, there);
      if (match) a.continuationOf.articleId = match.id;
    }
  }
}

function best(a: Article, candidates: Article[]): Article | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  return candidates.reduce((x, y) => (overlap(a.title, y.title) > overlap(a.title, x.title) ? y : x));
}
