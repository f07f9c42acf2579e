import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { createBundle } from '../src/bundle/create.js';
import { searchArchive } from '../src/search/index.js';

let n = 0;
const article = (title: string, paragraphs: string[]): Article => ({
  id: `t${++n}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null,
});

describe('a title that reads as the query', () => {
  // The commentary also has both parts in its body, so its BM25 is a little higher; only the target's title reads as typed.
  const target = article('凝心聚力 奋进新征程——写在会议召开之际', ['全市上下团结一心，凝心聚力，奋进新征程，推动高质量发展。']);
  const commentary = article('评论员文章：为奋进新征程凝心聚力', ['我们要凝心聚力，奋进新征程。凝心聚力，奋进新征程。']);
  const archive = loadArchive(createBundle([commentary, target], { name: 'order' }));

  it('ranks first over a title holding the same parts in another order', () => {
    expect(searchArchive(archive, '凝心聚力 奋进新征程').map((h) => h.title)).toEqual([target.title, commentary.title]);
  });

  it('leaves the order alone for one-part queries', () => {
    const hits = searchArchive(archive, '凝心聚力');
    expect(hits.map((h) => h.title)).toContain(target.title);
    expect(hits.map((h) => h.title)).toContain(commentary.title);
  });
});
