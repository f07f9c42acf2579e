import { describe, expect, test } from 'vitest';
import { articleBody, createBundle, loadArchive, serializeBundle, type Article } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { lexiconOf } from '../lib/archive-service.js';
import { BackgroundService, snippetAround } from '../lib/background-service.js';

const noImport = async () => undefined;

describe('BackgroundService', () => {
  test('card: the term and its articles, newest first, each with a snippet containing the term', async () => {
    const archive = await loadDefaultArchive();
    const service = new BackgroundService({ loadDefault: async () => archive, readImported: noImport });
    const term = lexiconOf(archive).terms.find((t) => t.mentions.length > 1)!;
    expect(term).toBeDefined();
    const card = (await service.card(term.id))!;
    expect(card.term.name).toBe(term.name);
    expect(card.total).toBe(new Set(term.mentions.map((m) => m.articleId)).size);
    const dates = card.articles.map((a) => a.date ?? '');
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.indexOf('') === -1 || dates.slice(dates.indexOf('')).every((d) => d === '')).toBe(true);
    for (const a of card.articles) expect(archive.get(a.id)).toBeDefined();
    expect(await service.card('no-such-term')).toBeNull();
  });

  test('uses a valid imported bundle, and falls back to the default when the stored one is damaged', async () => {
    const archive = await loadDefaultArchive();
    const articles: Article[] = archive.articles.slice(0, 3);
    const text = serializeBundle(createBundle(articles, { name: '导入' }));
    const imported = new BackgroundService({ loadDefault: async () => archive, readImported: async () => ({ text, name: '导入', importedAt: 't' }) });
    expect((await imported.archive()).info).toMatchObject({ source: 'imported', name: '导入', articleCount: 3 });
    const damaged = new BackgroundService({ loadDefault: async () => archive, readImported: async () => ({ text: text.slice(0, 50), name: 'x', importedAt: 't' }) });
    expect((await damaged.archive()).info).toMatchObject({ source: 'default', articleCount: archive.articles.length });
    expect(loadArchive(text).articles.length).toBe(3);
  });

  test('article view and page check reference real archive articles', async () => {
    const archive = await loadDefaultArchive();
    const service = new BackgroundService({ loadDefault: async () => archive, readImported: noImport });
    const a = archive.articles.find((x) => articleBody(x).length > 100)!;
    const view = (await service.article(a.id))!;
    expect(view.article.id).toBe(a.id);
    expect(view.related.every((r) => r.id !== a.id && archive.get(r.id))).toBe(true);
    expect(await service.article('nope')).toBeNull();
    const check = await service.check(articleBody(a));
    expect(check.report.reused.length).toBeGreaterThan(0);
    for (const r of check.report.reused) expect(check.articles[r.articleId]).toBeDefined();
  });

  test('snippets are cut around the mention with ellipses', () => {
    const body = '一二三四五六七八九十'.repeat(20);
    const s = snippetAround(body, 100, 102);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain(body.slice(100, 102));
  });
});
