import { describe, expect, it } from 'vitest';
import { articleBody } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { articleIdOf, articleRange, articleUri, renderArticle } from '../../src/article-document.js';
import { textDocument } from './text-document.js';

describe('jianbao: article documents', () => {
  it('round-trips the article id through the URI, whatever the title holds', async () => {
    const uri = articleUri({ id: 'abc123', title: '一/二?三#四 五' });
    expect(uri.scheme).toBe('jianbao');
    expect(articleIdOf(uri)).toBe('abc123');
    expect(uri.path).not.toMatch(/[?#]/);
  });

  it('maps body offsets (as xref reports them) onto the rendered document', async () => {
    const archive = await loadDefaultArchive();
    for (const article of archive.articles.filter((a) => a.paragraphs.length > 1).slice(0, 10)) {
      const body = articleBody(article);
      const doc = textDocument(renderArticle(article));
      // A span that crosses a paragraph break, and one at the very end.
      const cut = article.paragraphs[0]!.length;
      for (const [start, end] of [[Math.max(0, cut - 5), Math.min(body.length, cut + 6)], [body.length - 3, body.length]] as const) {
        expect(doc.getText(articleRange(article, start, end) as never)).toBe(body.slice(start, end));
      }
    }
  });
});
