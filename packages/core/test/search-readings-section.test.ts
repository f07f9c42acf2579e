import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { createBundle } from '../src/bundle/create.js';
import { isCurrentSection, searchIndexFromSection, searchIndexFromSectionAsync, type SearchSection } from '../src/search/search-index.js';
import { searchWithIndex } from '../src/search/search.js';
import { loadSearchIndex } from '../src/search/lifecycle.js';

let n = 0;
const article = (title: string, paragraphs: string[]): Article => ({
  id: `r${++n}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null,
});

// Section version 2 carries the no-hit readings' tables (names by sound, characters by syllable); version 1 derives them at load.
describe('search section readings', () => {
  const articles = [
    ...Array.from({ length: 12 }, (_, i) => article(`改革发展第${i + 1}篇`, [`要推进中国式现代化，在前进中不断开拓创新，第${i + 1}次部署。`])),
    article('晋中市召开重点项目推进会', ['晋中市委书记常书铭出席晋中市重点项目推进会并讲话。晋中市加快推进项目建设。']),
    article('表彰大会召开', ['市委书记刘兴华出席会议。市长韦韬讲话。']),
  ];
  const bundle = JSON.parse(JSON.stringify(buildBundle({ articles }, { name: 'readings' })));
  const section = bundle.search as SearchSection;
  const { readings: _, ...rest } = section;
  const v1 = { ...rest, version: 1 };
  const archive = loadArchive(createBundle(articles, { name: 'readings' }));
  const queries = ['Jinzhong', 'jinzhong', 'liuxinghua', 'tuijin zhongguo', '韦涛', '常树铭', '晋中和常书铭', 'weitao'];
  const answers = (s: unknown) => {
    const index = searchIndexFromSection(s);
    return { index, hits: queries.map((q) => searchWithIndex(archive, index, q, { limit: 5 })) };
  };

  it('a built bundle carries them, as version 2', () => {
    expect(section.version).toBe(2);
    expect(section.readings?.sounds).toContain('jinzhong\t晋中');
    expect(section.readings?.pinyin).toMatch(/^zhong\t/m);
  });

  it('version 1 still loads, derives the same tables, and answers alike', () => {
    expect(isCurrentSection(v1)).toBe(true);
    expect(isCurrentSection({ ...section, version: 3 })).toBe(false);
    const carried = answers(section);
    const derived = answers(v1);
    expect(derived.hits).toEqual(carried.hits);
    expect(carried.hits[0]![0]?.title).toBe('晋中市召开重点项目推进会');
    // What version 1 derived is what the build carried, character for character.
    expect(derived.index.readings).toEqual(section.readings);
  });

  it('badly formed tables are derived again instead', async () => {
    const bad = answers({ ...section, readings: { sounds: 42, pinyin: null } });
    expect(bad.hits).toEqual(answers(section).hits);
    expect(bad.index.readings).toEqual(section.readings);
    expect((await searchIndexFromSectionAsync(section)).readings).toEqual(section.readings);
  });

  it('a host load reads them and the no-hit readings answer at once', async () => {
    const loaded = loadArchive(bundle);
    const index = await loadSearchIndex(loaded);
    expect(index.readings).toEqual(section.readings);
    expect(searchWithIndex(loaded, index, 'jinzhong', { limit: 1 })[0]?.title).toBe('晋中市召开重点项目推进会');
  });
});
