import { describe, expect, it } from 'vitest';
import { articleBody } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { markSnippet, searchItems } from '../../src/search.js';

describe('search items', () => {
  it('marks the highlighted stretches of a snippet', () => {
    const hit = { id: 'x', title: 't', paper: null, date: null, score: 1, snippet: '晋中市 重点项目 复工', highlights: [[4, 6], [0, 2]] as [number, number][], fields: ['body' as const] };
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
    expect(item!.description).toBe([article.paper, article.date, `matched in ${item!.hit.fields.join(', ')}`].filter(Boolean).join(' · '));
    expect(item!.alwaysShow).toBe(true);
    expect(searchItems(archive, '   ')).toEqual([]);
  });
});

describe('search view', () => {
  it('accepts the query syntax and says what was done: the count, the rewrite notice, the error', async () => {
    const { searchView } = await import('../../src/search.js');
    const archive = await loadDefaultArchive();
    const plain = searchView(archive, '千万工程');
    expect(plain.title).toMatch(/^\d+\+? results$/);
    expect(searchView(archive, '千万工程 -晋中').items.every((i) => !`${i.hit.title}${i.hit.snippet}`.includes('晋中'))).toBe(true);
    // The notice in the UI's language (English here; 显示“韦韬”的结果；仍搜索“韦涛” in Chinese), and a row to search as typed.
    const rewritten = searchView(archive, '韦涛');
    expect(rewritten.title).toContain('Showing results for “韦韬”; search instead for “韦涛”');
    expect(rewritten.asTypedItem?.label).toContain('Search instead for “韦涛”');
    expect(searchView(archive, '韦涛', [], true).asTypedItem).toBeUndefined();
    expect(searchView(archive, 'x date:2025-13-45')).toEqual({ items: [], title: expect.stringContaining('impossible date') });
    expect(searchView(archive, '千万工程 paper:人民日报').title).toContain('no paper "人民日报"');
  });
});

describe('search messages', () => {
  it('words every core message; in English the same as core\'s wording', async () => {
    const { wordSearchMessage } = await import('../../src/search-messages.js');
    const { englishMessage } = await import('@jianbao/core');
    const messages: import('@jianbao/core').SearchMessage[] = [
      { code: 'unclosed-quote', params: { position: 3 } }, { code: 'or-needs-words', params: {} }, { code: 'field-needs-value', params: { field: 'paper' } },
      { code: 'unknown-kind', params: { kind: 'poem', kinds: ['news', 'feature'] } }, { code: 'unknown-sort', params: { sort: 'old' } },
      { code: 'not-a-date', params: { text: '2025/02' } }, { code: 'impossible-month', params: { text: '2025-13', month: 13 } },
      { code: 'impossible-day', params: { text: '2025-02-30', month: '2025-02', days: 28 } }, { code: 'empty-date-range', params: { text: '..' } },
      { code: 'date-range-reversed', params: { text: '2025-03..2025-02' } },
      { code: 'no-such-paper', params: { paper: '人民日报', papers: ['晋中日报', '山西日报'], more: true } }, { code: 'no-such-paper', params: { paper: '人民日报', papers: [], more: false } },
    ];
    for (const m of messages) expect(wordSearchMessage(m)).toBe(englishMessage(m));
  });
});

describe('search filters', () => {
  it('offers the archive’s papers, kinds, years and months as query syntax; a filter of a field replaces the one there', async () => {
    const { filterItems, withFilter, searchView } = await import('../../src/search.js');
    const archive = await loadDefaultArchive();
    const items = filterItems(archive);
    const syntax = items.map((i) => i.syntax);
    for (const paper of new Set(archive.articles.map((a) => a.paper))) expect(syntax).toContain(`paper:${paper}`);
    expect(syntax).toContain('kind:news');
    expect(syntax).toContain('date:2025-02');
    expect(syntax).toContain('sort:date');
    expect(withFilter('发展 paper:太原日报', 'paper:晋中日报')).toBe('发展 paper:晋中日报');
    expect(withFilter('发展', 'date:2025-02')).toBe('发展 date:2025-02');
    const filtered = searchView(archive, withFilter('发展', 'paper:晋中日报'));
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.hit.paper === '晋中日报')).toBe(true);
  });
});
