import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { createBundle } from '../src/bundle/create.js';
import { normalizeForSearch } from '../src/text/analyze.js';
import {
  getSearchIndex,
  loadSearchIndex,
  loadSearchIndexSync,
  searchArchive,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  searchWithIndex,
} from '../src/search/index.js';

import { queryParts } from '../src/search/query.js';
import { warmUpQueries } from '../src/search/warm-up.js';

const indexModule = await import('../src/search/index.js');
let n = 0;
function article(title: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  n++;
  return {
    id: `a${String(n).padStart(3, '0')}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false,
    subtitle: null, section: null, byline: null, dateline: null, kind: 'news', source: null, paragraphs,
    continues: null, continuationOf: null, ...extra,
  };
}

const filler = '会议强调，要坚持以人民为中心的发展思想，统筹推进各项工作，确保取得实效。';
const ARTICLES = [
  article('蓄力赋能向前行', ['围绕“学习运用‘千万工程’经验、推动农村人居环境整治提升”这个主题，组织代表集中视察。', filler]),
  // 千万 and 工程 far apart, several times: scattered characters, not the phrase.
  article('千万家庭 工程建设', [`千万家庭受益。${filler.repeat(3)}工程建设加快推进，工程质量稳步提高。千万群众点赞。`]),
  article('全市组织部长会议召开', ['市委书记常书铭作出批示。', filler], { date: '2025-01-20', paper: '山西日报' }),
  article('太原晋中一体化发展对接座谈会举行', ['常书\n铭讲话。太原晋中一体化发展取得新进展。'], { date: '2024-12-01', kind: 'feature' }),
  article('集大原高铁开通运营', ['集大原高铁全线贯通，沿线群众出行更便捷。', filler], { date: '2024-06-30' }),
  article('高铁建设提速', ['多条高铁建设加快。大同市召开会议。', filler], { date: '2024-05-01' }),
  article('台风防御', ['做好台风防御准备。', filler, filler, filler, '某型登陆艇完成测试。'], { date: '2023-08-01' }),
  article('5G应用加速落地', ['全市建成5G基站1200个，AI赋能制造业。G336国道改造完工。']),
  article('Reading notes', ['He said the plan is ready.']),
  article('晋中市重点项目', ['晋中市加快推进重点项目建设。', filler]),
];
const archive = loadArchive(createBundle(ARTICLES, { name: 'test' }));
const ids = (query: string, options = {}) => searchArchive(archive, query, options).map((h) => h.id);
const byTitle = (title: string) => ARTICLES.find((a) => a.title === title)!.id;

describe('searchArchive ranking', () => {
  it('finds a phrase inside a sentence and prefers it to the same characters scattered', () => {
    const hits = ids('千万工程');
    expect(hits[0]).toBe(byTitle('蓄力赋能向前行'));
    // The scattered article is not evidence: it is below the phrase, or (with the no-noise rule) absent.
    const scattered = hits.indexOf(byTitle('千万家庭 工程建设'));
    expect(scattered === -1 || scattered > 0).toBe(true);
  });

  it('ranks a title match above a body match', () => {
    const hits = ids('太原晋中一体化');
    expect(hits[0]).toBe(byTitle('太原晋中一体化发展对接座谈会举行'));
  });

  it('finds simplified text from a traditional query', () => {
    expect(ids('太原晉中一體化')).toEqual(ids('太原晋中一体化'));
    expect(ids('太原晉中一體化').length).toBeGreaterThan(0);
  });

  it('tolerates one wrong character without flooding', () => {
    expect(ids('常书名')).toEqual(expect.arrayContaining([byTitle('全市组织部长会议召开'), byTitle('太原晋中一体化发展对接座谈会举行')]));
    const typo = ids('集大元高铁');
    expect(typo).toEqual([byTitle('集大原高铁开通运营')]); // not every article about 高铁
  });

  it('returns nothing for a query with nothing relevant', () => {
    // 台风 and 登陆 are both in one article, but far apart and unrelated.
    expect(ids('台风登陆')).toEqual([]);
    expect(ids('量子计算机')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('matches a paraphrase whose words stand together', () => {
    expect(ids('农村环境整治')[0]).toBe(byTitle('蓄力赋能向前行'));
  });

  it('matches Latin words, numbers and mixed tokens as whole words', () => {
    expect(ids('5G')).toEqual([byTitle('5G应用加速落地')]);
    expect(ids('ai')).toEqual([byTitle('5G应用加速落地')]); // not "said"
    expect(ids('G336')).toEqual([byTitle('5G应用加速落地')]);
    expect(ids('1200')).toEqual([byTitle('5G应用加速落地')]);
  });

  it('reads pinyin as the Chinese the archive contains', () => {
    expect(ids('qianwan gongcheng')[0]).toBe(byTitle('蓄力赋能向前行'));
    expect(ids('Jinzhong')).toContain(byTitle('晋中市重点项目'));
    expect(ids('changshuming')).toContain(byTitle('全市组织部长会议召开'));
  });

  it('answers one-character queries', () => {
    expect(ids('晋')).toEqual(expect.arrayContaining([byTitle('晋中市重点项目'), byTitle('太原晋中一体化发展对接座谈会举行')]));
  });

  it('treats space-separated parts as separate phrases, both present ranking first', () => {
    const hits = ids('晋中 重点项目');
    expect(hits[0]).toBe(byTitle('晋中市重点项目'));
  });

  it('undoes OCR-style spacing in a query: lone characters and line breaks inside Chinese', () => {
    expect(queryParts('千 万 工 程')).toEqual(['千万工程']);
    expect(queryParts('常 书铭')).toEqual(['常书铭']);
    expect(queryParts('千万\n工程 风电 光伏')).toEqual(['千万工程', '风电', '光伏']);
    expect(queryParts('灵石县 重点项目')).toEqual(['灵石县', '重点项目']);
    expect(queryParts('5 G 千万')).toEqual(['5', 'G', '千万']);
    expect(ids('千 万 工 程')).toEqual(ids('千万工程'));
    expect(searchArchive(archive, '千万\r\n工程').map((h) => h.score)).toEqual(searchArchive(archive, '千万工程').map((h) => h.score));
  });
});

describe('snippets and highlights', () => {
  it('marks the longest runs of the query the snippet holds when only the title matched', () => {
    const small = loadArchive(createBundle([
      // The title is a paraphrase of the query; the body holds its pieces too far apart to be one.
      article('常书铭在开发区调研新质生产力', ['市委书记常书铭强调，要坚持以人民为中心，统筹抓好各项工作落实。会上，与会人员调研新质生产力发展情况。', filler]),
    ], { name: 'runs' }));
    const [hit] = searchArchive(small, '常书铭书记调研新质生产力');
    expect(hit).toBeDefined();
    expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e))).toEqual(['常书铭', '调研新质生产力']);
  });

  it('returns highlight ranges whose text, normalised, is the matched phrase', () => {
    for (const query of ['千万工程', '常书铭', '太原晋中一体化', '5G']) {
      const hits = searchArchive(archive, query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        let last = 0;
        for (const [start, end] of hit.highlights) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(hit.snippet.length);
          last = end;
        }
        const marked = hit.highlights.map(([s, e]) => normalizeForSearch(hit.snippet.slice(s, e)).text.replace(/[^\p{L}\p{N}]/gu, ''));
        if (marked.length) expect(marked, `${query} in ${hit.id}`).toContain(normalizeForSearch(query).text);
      }
    }
  });

  it('highlights a name broken by an OCR line break as printed', () => {
    const hit = searchArchive(archive, '常书铭').find((h) => h.id === byTitle('太原晋中一体化发展对接座谈会举行'))!;
    expect(hit.highlights).toHaveLength(1);
    const [s, e] = hit.highlights[0]!;
    expect(hit.snippet.slice(s, e)).toBe('常书 铭'); // the newline becomes a space in the snippet, same length
  });

  it('marks the word as printed for a typo', () => {
    const hit = searchArchive(archive, '集大元高铁')[0]!;
    const [s, e] = hit.highlights[0]!;
    expect(hit.snippet.slice(s, e)).toBe('集大原高铁');
  });

  it('cuts long bodies around the match with an ellipsis', () => {
    const long = article('长文', [`${filler.repeat(6)}这里提到千万工程经验。${filler.repeat(6)}`]);
    const a = loadArchive(createBundle([long], { name: 'long' }));
    const [hit] = searchArchive(a, '千万工程');
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.endsWith('…')).toBe(true);
    expect(hit!.snippet.length).toBeLessThanOrEqual(110);
    const [s, e] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(s, e)).toBe('千万工程');
  });
});

describe('filters', () => {
  it('filters by paper, date range and kind', () => {
    expect(ids('常书铭', { paper: '山西日报' })).toEqual([byTitle('全市组织部长会议召开')]);
    expect(ids('高铁', { from: '2024-06', to: '2024-12-31' })).toEqual([byTitle('集大原高铁开通运营')]);
    expect(ids('高铁', { to: '2024-05' })).toEqual([byTitle('高铁建设提速')]);
    expect(ids('常书铭', { kind: 'feature' })).toEqual([byTitle('太原晋中一体化发展对接座谈会举行')]);
    expect(ids('常书铭', { from: '2026' })).toEqual([]);
  });

  it('honours the limit', () => {
    expect(ids('晋', { limit: 1 })).toHaveLength(1);
  });
});

describe('the search section of the bundle', () => {
  const bundle = buildBundle({ articles: ARTICLES }, { name: 'with-section' });

  it('is written by buildBundle and survives JSON, sync and async', async () => {
    expect(bundle.search).toBeTruthy();
    const roundTrip = JSON.parse(JSON.stringify(bundle));
    const fromSection = loadArchive(roundTrip);
    const sync = searchIndexFromSection(roundTrip.search);
    const async = await searchIndexFromSectionAsync(roundTrip.search);
    for (const q of ['千万工程', '常书名', 'qianwan gongcheng', '5G']) {
      const expected = searchWithIndex(fromSection, sync, q);
      expect(searchWithIndex(fromSection, async, q)).toEqual(expected);
      expect(searchArchive(fromSection, q)).toEqual(expected);
      // The lexicon's whole-token terms (in this section, not in `archive`'s) change weights, not what is found.
      expect(expected.map((h) => h.id).sort()).toEqual(ids(q).sort());
    }
  });

  it('is rebuilt from the articles when absent or written for other articles', async () => {
    const without = loadArchive({ ...JSON.parse(JSON.stringify(bundle)), search: undefined });
    expect(searchArchive(without, '千万工程').map((h) => h.id)).toEqual(ids('千万工程'));
    const other = buildBundle({ articles: ARTICLES.slice(0, 3) }, { name: 'other' });
    const stale = loadArchive({ ...JSON.parse(JSON.stringify(bundle)), search: other.search });
    expect((await loadSearchIndex(stale)).docCount).toBe(ARTICLES.length);
    expect(getSearchIndex(stale).docCount).toBe(ARTICLES.length);
  });

  it('indexes the lexicon hook\'s whole-token terms and analyses queries with the same list', () => {
    const { buildSearchIndex } = indexModule;
    const index = buildSearchIndex(ARTICLES, { terms: ['常書銘', '千万工程'] });
    expect(index.find('常书铭')).toBeGreaterThanOrEqual(0); // normalised, a token of its own
    expect(index.find('千万工程')).toBeGreaterThanOrEqual(0);
    const section = JSON.parse(JSON.stringify(index.toSection()));
    expect(section.wholeTerms).toEqual(['千万工程', '常書銘']);
    const loaded = searchIndexFromSection(section);
    expect(loaded.wholeTerms).toEqual(['千万工程', '常書銘']);
    // Same articles found; the whole term only adds weight.
    expect(searchWithIndex(archive, loaded, '常书铭').map((h) => h.id).sort()).toEqual(ids('常书铭').sort());
    expect(searchWithIndex(archive, loaded, '千万工程')[0]!.id).toBe(byTitle('蓄力赋能向前行'));
  });

  it('rejects a damaged section with a clear error', () => {
    expect(() => searchIndexFromSection({ version: 1 })).toThrow(/invalid search section/);
  });
});

describe('query-time caches and early termination', () => {
  // Enough articles that the common bigrams' postings are long (cached) and a long query's rare terms prune the rest.
  const many = Array.from({ length: 120 }, (_, i) =>
    article(`第${i}条 经济发展新闻`, [`${filler}${i % 7 === 0 ? '集大原高铁开通运营' : ''}4月${(i % 28) + 1}日12时${i % 60}分起，会议召开。`]));
  const corpus = [...ARTICLES, ...many];
  const section = JSON.parse(JSON.stringify(buildBundle({ articles: corpus }, { name: 'caches' }).search));
  const big = loadArchive(createBundle(corpus, { name: 'caches' }));
  const queries = ['经济发展', '自4月10日12时01分起', '坚持以人民为中心的发展思想 统筹推进各项工作', '集大原高铁开通运营', '集大元高铁', '4月', '常书铭'];

  it('gives the same hits from a warm index as from a cold one, in any order', () => {
    const warm = searchIndexFromSection(section);
    for (const q of [...queries, ...queries.slice().reverse()]) searchWithIndex(big, warm, q, { limit: 50 });
    for (const q of queries) {
      const cold = searchIndexFromSection(section);
      const expected = searchWithIndex(big, cold, q, { limit: 50 });
      expect(searchWithIndex(big, warm, q, { limit: 50 })).toEqual(expected);
      expect(searchWithIndex(big, warm, q, { limit: 50 })).toEqual(expected);
    }
    expect(searchWithIndex(big, warm, '集大原高铁开通运营', { limit: 50 }).map((h) => h.id)).toContain(byTitle('集大原高铁开通运营'));
  });

  it('loads for a host (texts squeezed, warm-up run) without changing any result', async () => {
    const cold = searchIndexFromSection(section);
    const expected = queries.map((q) => searchWithIndex(big, cold, q, { limit: 50 }));
    const hosted = loadArchive({ ...createBundle(corpus, { name: 'caches' }), search: JSON.parse(JSON.stringify(section)) });
    const index = await loadSearchIndex(hosted);
    expect(getSearchIndex(hosted)).toBe(index);
    expect(queries.map((q) => searchWithIndex(hosted, index, q, { limit: 50 }))).toEqual(expected);
    const sync = loadArchive({ ...createBundle(corpus, { name: 'caches' }), search: JSON.parse(JSON.stringify(section)) });
    expect(queries.map((q) => searchArchive(sync, q, { limit: 50 }).length)).toEqual(expected.map((hits) => hits.length));
    expect(loadSearchIndexSync(sync)).toBe(getSearchIndex(sync));
    expect(queries.map((q) => searchArchive(sync, q, { limit: 50 }))).toEqual(expected);
  });

  it('warms up with what users type, made from the archive itself', () => {
    const index = searchIndexFromSection(section);
    const warmUp = warmUpQueries(index, corpus);
    const third = corpus[Math.floor(corpus.length / 3)]!;
    expect(warmUp).toContain(third.title);
    expect(warmUp).toContain(corpus[Math.floor((2 * corpus.length) / 3)]!.title);
    // A clause of 12 characters, the same with one character changed, in two segments, shortened, its first character.
    const clause = warmUp.find((q) => q.length === 12 && !q.includes(' ') && (third.paragraphs.join('\n').includes(q)))!;
    expect(clause).toBeTruthy();
    expect(warmUp.some((q) => q.length === 12 && q !== clause && [...q].filter((c, i) => c !== clause[i]).length === 1)).toBe(true);
    expect(warmUp).toContain(`${clause.slice(0, 4)} ${clause.slice(-4)}`);
    expect(warmUp).toContain(clause[0]);
    // The commonest bigram with the commonest number (both in most articles here).
    expect(searchWithIndex(big, index, warmUp[warmUp.length - 2]!).length).toBeGreaterThan(0);
    for (const q of warmUp) expect(() => searchWithIndex(big, index, q)).not.toThrow();
  });
});

describe('index codec', () => {
  it('round-trips base64 in one go and in slices', async () => {
    const { toBase64, fromBase64, fromBase64Async } = await import('../src/search/codec.js');
    for (const size of [0, 1, 2, 3, 4, 5, 1000, 4099]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 7919 + size) & 0xff);
      const text = toBase64(bytes);
      expect(Array.from(fromBase64(text))).toEqual(Array.from(bytes));
      expect(Array.from(await fromBase64Async(text, async () => {}, 8))).toEqual(Array.from(bytes));
    }
  });
});
