import type { Article } from '../article.js';
import { articleId, dedupeIds } from '../id.js';
import type { Manifest, PageInput, PageMeta } from './types.js';

export type { Manifest, PageInput, PageMeta } from './types.js';

/**
 * PLACEHOLDER parser (skeleton): one article per blank-line-separated block
 * led by a short line. Replaced by the layout-aware parser.
 */
export function parsePage(page: PageInput, meta: PageMeta = {}): Article[] {
  const blocks = page.text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const articles: Article[] = [];
  for (const block of blocks) {
    const [first = '', ...rest] = block.split('\n');
    const title = first.replace(/^#+\s*/, '').trim();
    if (!rest.length && articles.length) {
      articles[articles.length - 1]!.paragraphs.push(title);
      continue;
    }
    articles.push({
      id: articleId(page.name, articles.length, title),
      paper: meta.paper ?? null,
      date: meta.date ?? null,
      page: page.name,
      title,
      titleInferred: false,
      subtitle: null,
      section: null,
      byline: null,
      dateline: null,
      kind: 'news',
      source: null,
      paragraphs: rest.length ? [rest.join('')] : [],
      continues: null,
      continuationOf: null,
    });
  }
  return articles;
}

/** Parses a set of pages (in file-name order) into one list of articles with unique ids. */
export function parsePages(pages: PageInput[], manifest: Manifest = {}): Article[] {
  const sorted = [...pages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return dedupeIds(sorted.flatMap((p) => parsePage(p, manifest.pages?.[p.name])));
}
