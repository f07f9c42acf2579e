import { describe, expect, it } from 'vitest';
import { articleBody } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { markSnippet, searchItems } from '../../src/search.js';

describe('search items', () => {
  it('marks the highlighted stretches of a snippet', () => {
    const hit = { id: 'x', title: 't', paper: null, date: null, score: 1, snippet: '晋中市 重点项目 复工', highlights: [[4, 6], [0, 2]] as [number, number][] };
    expect(markSnippet(hit)).toBe('【晋中】市 【重点】项目 复工');
  });

  it('lists title, paper · date and the snippet for each result', async () => {
    const archive = await loadDefaultArchive();
    const article = archive.articles.find((a) => articleBody(a).length > 100)!;
    const phrase = articleBody(article).replace(/\s+/g, '').slice(20, 30);
    const items = searchItems(archive, phrase);
    const item = items.find((i) => i.hit.id === article.id);
    expect(item, `results for ${phrase}`).toBeDefined();
    expect(item!.label).toBe(article.title);
    expect(item!.description).toBe([article.paper, article.date].filter(Boolean).join(' · '));
    expect(item!.alwaysShow).toBe(true);
    expect(searchItems(archive, '   ')).toEqual([]);
  });
});
