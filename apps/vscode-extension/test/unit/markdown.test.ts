import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildBundle, loadArchive, serializeBundle, type Archive, type Article } from '@jianbao/core';
import { articleIdOf, articleUri, renderArticle } from '../../src/article-document.js';
import { citationFor } from '../../src/citation.js';
import type { Term } from '../../src/core-contract.js';
import { hoverMarkdown } from '../../src/hover.js';
import { commandLink, markdownText, plainText } from '../../src/markdown.js';
import { RelatedArticlesView } from '../../src/related-view.js';

// CommonMark with GFM-style autolinks and raw HTML on: the strictest reading of what we produce.
const markdown = new MarkdownIt({ html: true, linkify: true });
const render = (md: string) => markdown.render(md);

const PHISH = '[钓鱼](https://evil.example/phish)';
const HOSTILE = [
  PHISH,
  '![img](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">点</a>',
  'https://evil.example/bare',
  'www.evil.example',
  'mail@evil.example',
  '$(alert) &lt;b&gt; *粗* _斜_ `code` # 标题 > 引用 | 表 |',
  '\u202e倒序\u202c\x1b[2J',
];

function article(over: Partial<Article>): Article {
  return {
    id: 'a1', paper: '人民日报', date: '2024-02-13', page: 'p', title: '标题', titleInferred: false, subtitle: null, section: null,
    byline: null, dateline: null, kind: 'news', source: null, paragraphs: ['国务院总理李强在北京主持召开国务院常务会议。'],
    continues: null, continuationOf: null, ...over,
  };
}

/** A bundle as a hostile file would carry it: built, then edited where the loader checks shapes only. */
function hostileArchive(): { archive: Archive; term: Term } {
  const articles = [
    article({ id: 'evil)(id', title: HOSTILE.join(' '), paper: PHISH, date: '2024-02-13' }),
    article({ id: 'long', title: '长'.repeat(10_000), date: '2024-02-12' }),
  ];
  const bundle = JSON.parse(serializeBundle(buildBundle({ articles }, { name: 'hostile' })));
  const archive = loadArchive(bundle);
  const term = {
    id: 'person:李强',
    kind: 'person',
    name: `李强${PHISH}`,
    aliases: [PHISH, 42, null],
    roles: [
      { title: '国务院总理', articleId: 'evil)(id', date: PHISH },
      { title: 42, articleId: 'evil)(id', date: '2024-02-13' },
      { title: '总理', articleId: 'long', date: 20240213 },
    ],
    mentions: [{ articleId: 'evil)(id', start: 0, end: 2 }, { articleId: 'long', start: 0, end: 2 }, { articleId: 7 }],
  } as unknown as Term;
  return { archive, term };
}

/** Every link in rendered HTML, and whether any image or raw HTML came through. */
function links(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
}

describe('markdown.ts', () => {
  it('escapes archive text so no markup survives, caps it, and skips non-strings', () => {
    for (const h of HOSTILE) {
      const html = render(markdownText(h)!);
      expect(links(html), h).toEqual([]);
      expect(html, h).not.toMatch(/<img|<a |<em>|<strong>|<code>|<h1>|<blockquote>/);
      expect(markdownText(h)).not.toMatch(/[\u202e\x1b]/);
    }
    expect(render(markdownText(PHISH)!)).toContain('[钓鱼](https://evil.example/phish)'); // shown as typed
    expect(markdownText('长'.repeat(10_000))!.length).toBe(200);
    expect(markdownText('长'.repeat(10_000))!.endsWith('…')).toBe(true);
    expect(plainText('😀'.repeat(200), 11)).toBe('😀😀😀😀😀…'); // no half surrogate pair
    expect(markdownText(42)).toBeUndefined();
    expect(markdownText({ toString: () => PHISH })).toBeUndefined();
  });

  it('builds command links whose arguments survive ids holding ) ( and quotes', () => {
    for (const id of ['evil)(id', 'a"b\'c!*', '](https://evil.example)', '常书铭 1']) {
      const html = render(`[open](${commandLink('jianbao.openArticle', [id])})`);
      const [href] = links(html);
      expect(href).toMatch(/^command:jianbao\.openArticle\?/);
      expect(JSON.parse(decodeURIComponent(href!.split('?')[1]!))).toEqual([id]);
    }
  });
});

describe('hosts on a hostile bundle', () => {
  it('hover: no link but the command links, the ids intact, no throw on wrong types, long titles capped', () => {
    const { archive, term } = hostileArchive();
    const md = hoverMarkdown(archive, term);
    const html = render(md.value);
    const hrefs = links(html);
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) expect(href).toMatch(/^command:jianbao\.openArticle\?/);
    expect(hrefs.map((h) => JSON.parse(decodeURIComponent(h.split('?')[1]!))[0]).sort()).toEqual(['evil)(id', 'long']);
    expect(html).not.toMatch(/<img|<script|<a href="(?!command:)/);
    expect(html).toContain('[钓鱼](https://evil.example/phish)'); // the role date, as text
    expect(md.value).not.toContain('长'.repeat(201));
    expect(md.value.length).toBeLessThan(3000);
    expect(md.supportThemeIcons).toBe(false); // `$(alert)` in archive text stays text (code-server rendered an icon)
  });

  it('citation, article document and related view: escaped, capped, never throwing', () => {
    const { archive } = hostileArchive();
    const evil = archive.get('evil)(id')!;
    const cite = citationFor(evil, { style: 'house', link: true }, 'markdown', '', articleUri(evil).toString());
    const hrefs = links(render(cite));
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^jianbao:/);
    expect(citationFor({ title: 42 as unknown as string, paper: null, date: null, page: '', byline: null, dateline: null, source: null }, { style: 'house', link: true }, 'markdown', '', 'jianbao:/x')).toBe('[《》](jianbao:/x)');
    expect(articleIdOf(articleUri(evil))).toBe('evil)(id');
    expect(articleIdOf(articleUri({ id: 'a/b%c', title: 'x' }))).toBe('a/b%c');

    const header = renderArticle(evil).split(evil.paragraphs[0]!)[0]!;
    expect(links(render(header))).toEqual([]);
    expect(render(header)).not.toMatch(/<img/);
    expect(renderArticle(archive.get('long')!)).not.toContain('长'.repeat(201));

    const view = new RelatedArticlesView();
    const item = view.getTreeItem({ id: 'x', title: 42, score: 1, reasons: [PHISH, 7] } as never);
    expect(item.label).toBe('x'); // a title that is not a string: the id stands in
    expect(item.description).toBe(PHISH); // plain text in a tree item: shown as typed
    const long = view.getTreeItem({ id: 'y', title: '长'.repeat(10_000), score: 1, reasons: [] } as never);
    expect(String(long.label).length).toBe(200);
  });
});
