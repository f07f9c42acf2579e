import { describe, expect, it } from 'vitest';
import { extractAdministrative, extractBareVillages, extractBySuffix, extractPolicies, extractRailways, type ArticleContext } from '../src/lexicon/extract.js';
import { parallelSlogan } from '../src/lexicon/slogans.js';

const none: ArticleContext = { city: null, province: null };
const names = (cands: { name: string }[]) => cands.map((c) => c.name);
const bySuffix = (text: string) => {
  const { covered } = extractAdministrative(text, none);
  return names(extractBySuffix(text, none, covered));
};

describe('places by shape (issue 13)', () => {
  it('railway lines by name, not kinds of railway or a place\'s railways', () => {
    expect(names(extractRailways('集大原高铁应县西站建设加快推进'))).toEqual(['集大原高铁']);
    expect(names(extractRailways('，太焦高铁全线贯通'))).toEqual(['太焦高铁']);
    expect(names(extractRailways('，城际铁路和普速铁路'))).toEqual([]);
    expect(names(extractRailways('，中国高铁走向世界'))).toEqual([]);
    expect(names(extractRailways('，铁路局'))).toEqual([]);
    expect(names(extractRailways('，实现高铁'))).toEqual([]);
    expect(names(extractRailways('，湖北十堰高速铁路'))).toEqual([]);
  });

  it('villages named in a 等村 list and at the ends of a road section', () => {
    expect(names(extractBareVillages('以南槐志、坂地、东内封、西靳屯等村为代表', new Uint8Array(40)))).toEqual(['南槐志', '坂地', '东内封', '西靳屯']);
    const text = '国道336朔州市境内应县罗庄至朔城区东榆林段改扩建';
    const { covered } = extractAdministrative(text, none);
    expect(names(extractBareVillages(text, covered))).toEqual(['罗庄', '东榆林']);
    expect(names(extractBareVillages('我们走访了很多等村民', new Uint8Array(20)))).toEqual([]);
    expect(names(extractBareVillages('，农家乐、民宿等乡村旅游', new Uint8Array(20)))).toEqual([]);
  });

  it('sites: a shrine by its short name, a zone with a two-character name, a zone inside a zone', () => {
    expect(bySuffix('随后，他来到窦大夫祠，实地察看')).toEqual(['窦大夫祠']);
    expect(bySuffix('，中北高新区党群工作部')).toContain('中北高新区');
    expect(bySuffix('，国家高新区')).toEqual([]);
    expect(bySuffix('在灵石县经济技术开发区两渡产业园')).toEqual(['灵石县经济技术开发区', '两渡产业园']);
    expect(bySuffix('，广场设计融入木塔')).toEqual([]);
    // A site's name starts after a preposition and is never a clause (found on xwlb).
    expect(bySuffix('，一名男子在黄石国家公园')).toEqual(['黄石国家公园']);
    expect(bySuffix('，亮相八一广场')).toEqual([]);
    expect(bySuffix('，表达为新时代美术馆')).toEqual([]);
  });

  it('foreign cities and international bodies; a country\'s team is an organisation', () => {
    const { candidates } = extractAdministrative('会议在伦敦举行，中国队夺冠', none);
    expect(candidates.map((c) => [c.kind, c.name])).toEqual([['place', '伦敦'], ['place', '中国'], ['organisation', '中国队']]);
  });
});

describe('slogans by shape (issue 13)', () => {
  const found = (text: string) => names(extractPolicies(text));

  it('a quote named by the words after it keeps them', () => {
    expect(found('实施“十百千”人才培养工程')).toContain('“十百千”人才培养工程');
    expect(found('推进“1131”就业帮扶')).toContain('“1131”就业帮扶');
    expect(found('落实“事事心中有底”的行动')).not.toContain('“事事心中有底”的行动');
  });

  it('parallel phrases, numeral parts, a place\'s model, runs of short quotes', () => {
    expect(parallelSlogan('产业集聚、科创突破、示范引领')).toBe(true);
    expect(parallelSlogan('墨香暖社区 联韵贺新春')).toBe(true);
    expect(parallelSlogan('我们一定能行，他说')).toBe(false);
    expect(found('构建“一城两区三门户”格局')).toContain('“一城两区三门户”');
    expect(found('将“介休样板”升级')).toContain('“介休样板”');
    expect(found('打造“朔州蓝”“桑干清”“生态绿”')).toEqual(['“朔州蓝”', '“桑干清”', '“生态绿”']);
    expect(found('他说“好的”“行”')).toEqual([]);
  });

  it('a named plan or rule in book-title marks, without its years', () => {
    expect(found('是《国家公路网规划(2013年—2030年)》的组成部分')).toContain('国家公路网规划');
  });
});
