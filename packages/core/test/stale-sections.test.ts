import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { getMatcher, matcherSectionOf, MATCHER_SECTION_VERSION } from '../src/matcher/index.js';
import { getSearchIndex, searchArchive } from '../src/search/index.js';

// Bundles from before the fold fix hold sections made with the old fold (群 → 羣): they must be rebuilt, not trusted.
const article: Article = {
  id: 'a1', paper: '晋中日报', date: '2025-02-22', page: 'p1.txt', title: '“我为群众办实事”实践活动推进会召开', titleInferred: false, subtitle: null,
  section: null, byline: null, dateline: null, kind: 'news', source: null, continues: null, continuationOf: null,
  paragraphs: ['深入推进“我为群众办实事”实践活动。市委书记常书铭讲话。', '“我为群众办实事”实践活动取得实效。'],
};

describe('sections built by an older version', () => {
  const fresh = JSON.parse(JSON.stringify(buildBundle({ articles: [article] }, { name: 't' })));

  it('a version 1 matcher section is rebuilt from the lexicon, and finds what a fresh one finds', () => {
    const old = { ...fresh, matcher: { ...fresh.matcher, version: 1 } };
    expect(matcherSectionOf(old).version).toBe(MATCHER_SECTION_VERSION);
    const text = '开展“我为群众办实事”实践活动';
    expect(getMatcher(loadArchive(old)).findAll(text)).toEqual(getMatcher(loadArchive(fresh)).findAll(text));
    expect(getMatcher(loadArchive(old)).findAll(text).length).toBeGreaterThan(0);
  });

  it('a version 2 matcher section (with failure links) is rebuilt as version 3, without them, and finds the same', () => {
    const old = { ...fresh, matcher: { ...fresh.matcher, version: 2, fail: fresh.matcher.check } };
    const rebuilt = matcherSectionOf(old);
    expect(rebuilt.version).toBe(3);
    expect('fail' in rebuilt).toBe(false);
    const text = '开展“我为群众办实事”实践活动。市委书记常书铭讲话';
    expect(getMatcher(loadArchive(old)).findAll(text)).toEqual(getMatcher(loadArchive(fresh)).findAll(text));
  });

  it('a search section made by another analyser is rebuilt, and answers like a fresh one', () => {
    const old = { ...fresh, search: { ...fresh.search, analyzer: 'bigram-1' } };
    const archive = loadArchive(old);
    expect(getSearchIndex(archive)).toBeDefined();
    expect(searchArchive(archive, '群众办实事').map((h) => [h.id, h.score])).toEqual(searchArchive(loadArchive(fresh), '群众办实事').map((h) => [h.id, h.score]));
    expect(searchArchive(archive, '群众办实事').length).toBe(1);
  });
});
