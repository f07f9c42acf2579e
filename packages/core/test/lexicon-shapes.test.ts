import { describe, expect, it } from 'vitest';
import { extractAdministrative, extractBareVillages, extractBySuffix, extractCommunities, extractPolicies, extractRailways, extractRivers, programmeNames, type ArticleContext } from '../src/lexicon/extract.js';
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

  it('communities after a place, a street or a verb of going there; not the common noun', () => {
    const communities = (text: string) => names(extractCommunities(text, extractAdministrative(text, none).covered));
    expect(communities('民盟朔州市文教支部联合朔城区雁门街中心社区开展了活动')).toEqual(['雁门街中心社区']);
    expect(communities('，习近平来到牡丹社区')).toEqual(['牡丹社区']);
    expect(communities('，深入社区，走进城乡社区，建设完整社区')).toEqual([]);
    expect(communities('，辽宁沈阳利用社区周边的街道')).toEqual([]);
  });

  it("a city's own district named with it; rivers by what only a river does", () => {
    expect(names(extractAdministrative('“阳泉矿区坚持用好新时代枫桥经验', none).candidates)).toContain('阳泉市矿区');
    expect(names(extractRivers('。浊漳河是长治境内最大的河流'))).toEqual(['浊漳河']);
    expect(names(extractRivers('积极做好云中河入滹沱河河口人工湿地建设'))).toEqual(['云中河']);
    // Inside a clause the start of a longer name is not known.
    expect(names(extractRivers('受旱情影响，亚马孙河主要支流水位下降，塔里木河流域'))).toEqual([]);
  });

  it('a unit named under its parent body is its own term; police and border units by place', () => {
    expect(bySuffix('，西藏出入境边防检查总站日喀则边境管理支队')).toEqual(['西藏出入境边防检查总站', '日喀则边境管理支队']);
    expect(bySuffix('，中国科学院大连化学物理研究所')).toContain('中国科学院大连化学物理研究所');
    expect(bySuffix('，成都市公安局禁毒支队支队长')).toEqual(['成都市公安局禁毒支队']);
  });

  it('a paragraph start is a left edge; a headline gives no scanned names', () => {
    const text = '德国竞争力正下降德国工业联合会主席称';
    const { covered } = extractAdministrative(text, none);
    expect(names(extractBySuffix(text, { ...none, paragraphStarts: new Set([8]) }, covered))).toEqual(['德国工业联合会']);
    const titled = '习近平致信祝贺北大荒农垦集团。\n北大荒农垦集团成立以来';
    expect(names(extractBySuffix(titled, { ...none, bodyStart: 16 }, extractAdministrative(titled, none).covered))).toEqual(['北大荒农垦集团']);
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

  it('a programme named right after the verb that launches it', () => {
    expect(programmeNames('，开展全民健康素养提升行动，')).toEqual(['全民健康素养提升行动']);
    expect(programmeNames('，启动实施主要粮油作物大面积单产提升行动。')).toEqual(['主要粮油作物大面积单产提升行动']);
    expect(programmeNames('，实施一批重大工程，开展特别军事行动，实施好深空探测等航天重大工程。')).toEqual([]);
    // A term only where the archive prints the name again (the builder passes those).
    expect(names(extractPolicies('，实施城市更新行动。', new Set(), new Set(['城市更新行动'])))).toEqual(['城市更新行动']);
    expect(names(extractPolicies('，实施城市更新行动。'))).toEqual([]);
  });

  it('a named plan or rule in book-title marks, without its years', () => {
    expect(found('是《国家公路网规划(2013年—2030年)》的组成部分')).toContain('国家公路网规划');
  });
});
