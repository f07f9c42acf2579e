import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { buildLexicon, isGenericForm } from '../src/lexicon/build.js';
import { LexiconEditError, parseLexiconEdits } from '../src/lexicon/edits.js';
import {
  bylineNames, extractBylines, extractGeneric, extractAdministrative, extractLocalities, extractBySuffix, extractPolicies, extractTitledPeople, extractPeopleBeforeTitles, extractNamedBodies, extractRoads, extractRivers,
  nameAt, quotedPolicy, resolveRole, type ArticleContext,
} from '../src/lexicon/extract.js';
import { gazetteer, paperPlace } from '../src/lexicon/gazetteer.js';
import { buildMatcher } from '../src/matcher/matcher.js';
import { matcherEntries, searchTermsOf } from '../src/lexicon/build.js';

const jinzhong: ArticleContext = { city: gazetteer().get('晋中市')!, province: gazetteer().get('山西省')!, homeProvinces: new Set(['山西省']) };
const unknown: ArticleContext = { city: null, province: null, homeProvinces: new Set(['山西省']) };
const names = (cands: { name: string }[]) => cands.map((c) => c.name);

function article(id: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id, paper: '晋中日报', date: '2025-02-22', page: `${id}.txt`, title: extra.title ?? '标题', titleInferred: false, subtitle: null, section: null,
    byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null, ...extra,
  };
}

describe('people after titles', () => {
  it('reads title chains, names and where the name ends', () => {
    const text = '省委常委、太原市委书记韦韬主持并讲话，晋中市委书记常书铭讲话。晋中市委副书记、市长刘星出席。';
    const found = extractTitledPeople(text, jinzhong, new Set());
    expect(names(found)).toEqual(['韦韬', '常书铭', '刘星']);
    // The compound first (its offices resolved), then its offices as printed and resolved.
    expect(found[0]!.roles).toEqual(['山西省委常委、太原市委书记', '省委常委', '山西省委常委', '太原市委书记']);
    expect(found[2]!.roles).toEqual(['晋中市委副书记、晋中市长', '晋中市委副书记', '市长', '晋中市长']);
    // In another city's paper, 市长 after 晋中市委副书记 is still 晋中's.
    const taiyuan = { ...unknown, city: gazetteer().get('太原市')! };
    expect(extractTitledPeople('晋中市委副书记、市长刘星出席。', taiyuan, new Set())[0]!.roles).toEqual(['晋中市委副书记、晋中市长', '晋中市委副书记', '市长', '晋中市长']);
  });

  it('stops a title at words that are never part of an office, and gives it to the adjacent person only', () => {
    const roleOf = (text: string, name: string) => extractTitledPeople(text, unknown, new Set()).find((c) => c.name === name)?.roles;
    expect(roleOf('当地时间22日下午，国务院总理李强在巴黎会见巴基斯坦总理夏巴兹。', '夏巴兹')).toEqual(['巴基斯坦总理']);
    expect(roleOf('敬献花篮仪式由中共中央政治局委员蔡奇主持。', '蔡奇')).toEqual(['中共中央政治局委员']);
    expect(roleOf('第3期《求是》杂志发表中共中央总书记、国家主席、中央军委主席习近平的重要文章。', '习近平')![0]).toBe('中共中央总书记、国家主席、中央军委主席');
    expect(extractTitledPeople('国家主席习近平同越共中央总书记阮富仲会谈。', unknown, new Set(['阮富仲'])).find((c) => c.name === '阮富仲')?.roles).toEqual(['越共中央总书记']);
    expect(roleOf('非洲次区域组织代表赞比亚总统希奇莱马出席。', '希奇莱马')).toEqual(['赞比亚总统']);
    expect(roleOf('此外，以色列总理内塔尼亚胡称。', '内塔尼亚胡')).toEqual(['以色列总理']);
    expect(roleOf('中国驻新西兰大使王小龙等到机场迎接。', '王小龙')).toEqual(['中国驻新西兰大使']);
    // Offices whose names hold 和 or 与 are not cut there.
    expect(roleOf('中共中央政治局常委、中央和国家机关工委书记蔡奇出席会议。', '蔡奇')![0]).toBe('中共中央政治局常委、中央和国家机关工委书记');
    // No edge within reach: the title would start mid-word (津市 for 天津市), so none is taken.
    expect(roleOf('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十天津市人大常委会主任王某出席。', '王某') ?? []).toEqual([]);
  });

  it('gives each name of a list after one title that title, and reads foreign names', () => {
    const found = extractTitledPeople('中共中央政治局常委李强、赵乐际、王沪宁出席。南非总统拉马福萨、俄罗斯总统普京、西班牙国王费利佩六世、叙利亚总统巴沙尔·阿萨德会见。', unknown, new Set());
    expect(found.map((c) => [c.name, c.roles![0]])).toEqual([
      ['李强', '中共中央政治局常委'], ['赵乐际', '中共中央政治局常委'], ['王沪宁', '中共中央政治局常委'],
      ['拉马福萨', '南非总统'], ['普京', '俄罗斯总统'], ['费利佩六世', '西班牙国王'], ['巴沙尔·阿萨德', '叙利亚总统'],
    ]);
  });

  it('reads hyphenated and Japanese names, bracketed second offices, 以 for Israel, and countries holding a break character', () => {
    const roleOf = (text: string, name: string) => extractTitledPeople(text, unknown, new Set()).find((c) => c.name === name)?.roles?.[0];
    expect(roleOf('古巴国家主席迪亚斯-卡内尔在社交媒体上发文。', '迪亚斯-卡内尔')).toBe('古巴国家主席');
    expect(roleOf('日本前首相鸠山由纪夫，比利时前首相范龙佩等与会。', '鸠山由纪夫')).toBe('日本前首相');
    expect(roleOf('日本前首相鸠山由纪夫，比利时前首相范龙佩等与会。', '范龙佩')).toBe('比利时前首相');
    expect(extractTitledPeople('日本首相指名选举今天举行。日本驻俄大使馆随后称。', unknown, new Set())).toEqual([]);
    expect(roleOf('中共中央政治局常委、中央党校校长（国家行政学院院长）蔡奇出席。', '蔡奇')).toBe('中共中央政治局常委、中央党校校长（国家行政学院院长）');
    expect(roleOf('以总理内塔尼亚胡当天称。', '内塔尼亚胡')).toBe('以总理');
    expect(roleOf('东道主冈比亚总统巴罗表示。', '巴罗')).toBe('冈比亚总统');
    expect(roleOf('法国经济和财政部长勒梅尔发表声明。', '勒梅尔')).toBe('法国经济和财政部长');
    // Past the reach, a break inside the run still says where the office starts.
    expect(roleOf('国务院总理李强在北京人民大会堂会见来华进行国事访问的塔吉克斯坦总统拉赫蒙。', '拉赫蒙')).toBe('塔吉克斯坦总统');
  });

  it('reads a known name before a title without a left edge, and 同志 as evidence, not a role', () => {
    const known = new Set(['习近平', '奥尔西']);
    const found = extractPeopleBeforeTitles('今天上午，习近平主席同奥尔西总统举行会谈。周光召同志', known);
    expect(found.map((c) => [c.name, c.roles])).toEqual([['习近平', ['主席']], ['奥尔西', ['总统']], ['周光召', []]]);
  });

  it('ends a name before how its speaker speaks (李文凯高兴地说)', () => {
    expect(names(extractTitledPeople('应县白马石乡白马石村党支部书记李文凯高兴地说。', unknown, new Set()))).toEqual(['李文凯']);
  });

  it('reads a project’s command as a title (项目副总指挥庞效刚)', () => {
    expect(names(extractTitledPeople('焦化技改升级项目副总指挥庞效刚告诉记者：', unknown, new Set()))).toEqual(['庞效刚']);
  });

  it('gives every name of a list after a list title', () => {
    expect(names(extractTitledPeople('太原市领导裴耀军、薛维柱出席。', unknown, new Set()))).toEqual(['裴耀军', '薛维柱']);
  });

  it('takes a name whose end is unclear only when the archive knows it', () => {
    const text = '市人大代表、祁县第六中学副校长段尚春感触很深。';
    expect(names(extractTitledPeople(text, unknown, new Set()))).toEqual([]);
    expect(names(extractTitledPeople(text, unknown, new Set(['段尚春'])))).toEqual(['段尚春']);
  });

  it('does not take common words or single characters after a title', () => {
    expect(names(extractTitledPeople('总书记强调，要加强领导班子建设。', unknown, new Set()))).toEqual([]);
    expect(nameAt('王说', 0, new Set())).toBeNull();
    expect(nameAt('李旸说，', 0, new Set())).toBe('李旸');
  });

  it('resolves generic roles to the paper’s city or province', () => {
    expect(resolveRole('市委书记', jinzhong)).toBe('晋中市委书记');
    expect(resolveRole('省委常委', jinzhong)).toBe('山西省委常委');
    expect(resolveRole('市委书记', unknown)).toBeNull();
  });
});

describe('bylines', () => {
  it('finds reporters, correspondents and photographers with their role', () => {
    const found = extractBylines('本报记者 雷甫 郭娟 王晶\n\n本报讯（记者 殷雪鸢、胡引平）2月21日，……（丁 洁、王春宇）\n通讯员 张俊杰');
    expect(found.map((c) => [c.name, c.roles![0]])).toEqual([
      ['雷甫', '记者'], ['郭娟', '记者'], ['王晶', '记者'], ['殷雪鸢', '记者'], ['胡引平', '记者'], ['张俊杰', '通讯员'], ['丁洁', '署名'], ['王春宇', '署名'],
    ]);
  });

  it('is not fooled by 记者 in running text', () => {
    expect(extractBylines('记者从市教育局获悉，今年将新建学校。')).toEqual([]);
    expect(bylineNames('了解到')).toBeNull();
  });
});

describe('places and organisations', () => {
  it('names gazetteer places and the bodies named after them', () => {
    const { candidates } = extractAdministrative('晋中市委、左权县人大常委会和山西日报，平遥古城在平遥县', unknown);
    expect(candidates.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'place:晋中市', 'organisation:晋中市委', 'place:左权县', 'organisation:左权县人大常委会', 'place:山西省', 'organisation:山西日报', 'place:平遥县', 'place:平遥县',
    ]);
  });

  it('never takes a short form of a place outside the archive’s provinces, nor 城区', () => {
    expect(extractAdministrative('资源共享，合作共赢，城区面貌', unknown).candidates).toEqual([]);
  });

  it('resolves a bare 市委 to the paper’s city and leaves it alone when the paper is unknown', () => {
    const text = '认真落实省委、省政府决策部署和市委工作要求。';
    const { covered } = extractAdministrative(text, jinzhong);
    expect(names(extractGeneric(text, jinzhong, covered))).toEqual(['山西省委', '山西省政府', '晋中市委']);
    expect(extractGeneric(text, unknown, covered)).toEqual([]);
    expect(extractGeneric('城市委员会和全市委员', jinzhong, new Uint8Array(10))).toEqual([]);
    expect(isGenericForm('市委')).toBe(true);
    expect(isGenericForm('市人大常委会')).toBe(true);
    expect(isGenericForm('晋中市委')).toBe(false);
  });

  it('finds bodies and sites by suffix, cut at the clause before them', () => {
    const text = '刘亮一行先后前往中煤平朔集团，在九牛牧业股份有限公司，习近平总书记亲临平遥古城，深入晋冀鲁豫边区临时参议会旧址。';
    const { covered } = extractAdministrative(text, unknown);
    expect(names(extractBySuffix(text, unknown, covered))).toEqual(['中煤平朔集团', '九牛牧业股份有限公司', '平遥古城', '晋冀鲁豫边区临时参议会旧址']);
    const generic = '推进公立医院改革，建设大学，到村工作大学生。';
    expect(extractBySuffix(generic, unknown, new Uint8Array(generic.length))).toEqual([]);
  });

  it('keeps a bracketed place inside a company name, but not a bracketed byline before one', () => {
    const text = '签约企业有辉能科技有限公司和中海油（山西）贵金属有限公司。本报讯（记者雷甫）九牛牧业有限公司扩产。';
    const { covered } = extractAdministrative(text, unknown);
    const found = names(extractBySuffix(text, unknown, covered));
    expect(found).toContain('中海油（山西）贵金属有限公司');
    expect(found).not.toContain('贵金属有限公司');
    expect(found.some((n) => n.includes('记者'))).toBe(false);
  });

  it('finds towns and villages with a clear left edge, not 农村 or 家乡', () => {
    const text = '桐峪博物馆、麻田镇东安村等地，推动农村发展，心系家乡。';
    const { covered } = extractAdministrative(text, unknown);
    expect(names(extractLocalities(text, covered))).toEqual(['麻田镇', '东安村']);
  });

  it('takes a town after a particle only when its own body follows (聘请了绵山镇党委书记)', () => {
    const text = '还聘请了绵山镇党委书记宋建国为导师，也走访了几个乡村和城镇。';
    const { covered } = extractAdministrative(text, unknown);
    expect(names(extractLocalities(text, covered))).toEqual(['绵山镇', '绵山镇党委']);
    const bare = '大家去了绵山镇看看。';
    expect(names(extractLocalities(bare, extractAdministrative(bare, unknown).covered))).toEqual([]);
  });

  it('reads a township named like a county as the township (平遥县襄垣乡 is not 襄垣县)', () => {
    const text = '平遥县襄垣乡将以党建为统领，襄垣县也来学习。';
    const { candidates, covered } = extractAdministrative(text, unknown);
    expect(names(candidates)).toEqual(['平遥县', '襄垣县']);
    expect(candidates[1]!.aliases ?? []).toEqual([]); // from the full name 襄垣县, not from the township's 襄垣
    expect(names(extractLocalities(text, covered))).toEqual(['襄垣乡']);
    const later = '平遥县襄垣乡将以党建为统领，为“两翼”腾飞贡献襄垣力量。';
    expect(names(extractAdministrative(later, unknown).candidates)).toEqual(['平遥县']);
  });

  it('keeps a group’s brand before the place, reads congresses, bureaus, roads and stations', () => {
    const text = '朔州经济开发区、国网朔州供电公司分别作了发言。全面贯彻党的二十大精神，中铁六局应县西站项目经理王二亮说，国道336朔州段改扩建工程是G336的一段，站长介绍。';
    const { candidates, covered } = extractAdministrative(text, unknown);
    const power = candidates.find((c) => c.name === '国网朔州供电公司');
    expect(power?.aliases).toEqual(['朔州供电公司']);
    expect(names(candidates)).toContain('应县西站');
    expect(names(extractNamedBodies(text))).toEqual(expect.arrayContaining(['党的二十大', '中铁六局']));
    expect(extractRoads(text)).toEqual([{ kind: 'place', name: '国道336', aliases: ['G336'] }]);
    // Not a station: 站长 after a place, nor a congress in 党的十大队.
    expect(names(extractAdministrative('应县站长讲话。', unknown).candidates)).not.toContain('应县站');
    expect(names(extractNamedBodies('党的十大队'))).toEqual([]);
    expect(covered.length).toBe(text.length);
  });

  it('takes central departments whole (中共中央统一战线工作部, not 中共中央) and a national hi-tech zone after its place', () => {
    const text = '新华社北京2月13日电 中共中央统一战线工作部、国家民族事务委员会组织编写的读本，由人民出版社出版。山西转型综改示范区、晋中国家农高区熠熠生辉。';
    expect(names(extractNamedBodies(text))).toEqual(expect.arrayContaining(['中共中央统一战线工作部', '国家民族事务委员会', '人民出版社']));
    const { covered } = extractAdministrative(text, unknown);
    expect(names(extractBySuffix(text, unknown, covered))).toContain('晋中国家农高区');
  });

  it('reads rivers listed together or named with their course, not 山河 or a river inside a word', () => {
    const text = '对漳沱河、牧马河和天槽河沿线巡查，浊漳河流域治理，书写表里山河锦绣篇章，银河闪耀，黄河流域。';
    expect(names(extractRivers(text))).toEqual(['漳沱河', '牧马河', '天槽河', '浊漳河']);
    expect(names(extractRivers('他在牧马河边散步。'))).toEqual([]);
  });

  it('knows the paper’s city', () => {
    expect(paperPlace('晋中日报')?.name).toBe('晋中市');
    expect(paperPlace('山西日报')?.name).toBe('山西省');
    expect(paperPlace('人民日报')).toBeNull();
  });
});

describe('policies', () => {
  it('takes quoted programme names by their shape', () => {
    const text = '学习运用‘千万工程’经验，实施“1221”战略举措和“156”战略举措，“六新”突破，“晋创谷·晋中”，“十四五”规划，推进太原晋中一体化和新质生产力。';
    expect(names(extractPolicies(text))).toEqual(['“千万工程”', '“1221”战略举措', '“156”战略举措', '“六新”', '“晋创谷·晋中”', '“十四五”', '新质生产力', '太原晋中一体化']);
  });

  it('takes a numbered method, a forum, and every quote of a list a programme noun names', () => {
    const text = '采取摸底、建库“五步法”，开设“劳模工匠大讲堂”，持续深化“党课开讲啦”、“学习身边榜样”活动，树立“一心一意”的作风。';
    expect(names(extractPolicies(text))).toEqual(['“五步法”', '“劳模工匠大讲堂”', '“党课开讲啦”', '“学习身边榜样”']);
  });

  it('takes slogans with paired numerals but not idioms of that shape, the named parts of the thought, and 强市 strategies', () => {
    const text = '构建“一城双区”创新模块，坚持“两学一做”，做到“一心一意”，学习习近平总书记关于党的建设的重要思想，深入实施人才强市战略。';
    const found = names(extractPolicies(text));
    expect(found).toEqual(expect.arrayContaining(['“一城双区”', '“两学一做”', '习近平总书记关于党的建设的重要思想', '人才强市战略']));
    expect(found.some((n) => n.includes('一心一意'))).toBe(false);
  });

  it('reads a province’s or city’s edition of a national programme and its 强省 goals', () => {
    const found = names(extractPolicies('建设美丽山西，推进平安朔州建设，加快建设科技强省，美丽乡村展新颜，平安县城。'));
    expect(found).toEqual(expect.arrayContaining(['美丽山西', '平安朔州', '科技强省']));
    expect(found.some((n) => n.includes('乡村') || n.includes('县城'))).toBe(false);
  });

  it('does not take ordinary quotations, dates or long quotes', () => {
    for (const inner of ['结合关', '七一', '加油充电', '担负起时代和人民赋予的光荣使命']) expect(quotedPolicy(inner, '')).toBeNull();
    expect(quotedPolicy('飞地经济', '')?.name).toBe('“飞地经济”');
    expect(quotedPolicy('红色引擎', '', true)?.name).toBe('“红色引擎”');
    expect(quotedPolicy('1221', '')?.aliases).toEqual([]); // a bare number is never a surface form
  });
});

describe('buildLexicon', () => {
  const articles = [
    article('a1', ['晋中市委书记常书铭讲话。晋中市委副书记、市长刘星出席。市委常委会议强调，学习运用“千万工程”经验。', '常书铭指出，要推进太原晋中一体化。']),
    article('a2', ['2月20日，市委书记常书铭深入榆次区调研。市委、市政府高度重视。']),
  ];
  const terms = buildLexicon(articles);
  const byName = (n: string) => terms.find((t) => t.name === n);

  it('gives people their roles with article and date, and mentions at body offsets', () => {
    const chang = byName('常书铭')!;
    expect(chang.kind).toBe('person');
    expect(chang.roles).toContainEqual({ title: '晋中市委书记', articleId: 'a1', date: '2025-02-22' });
    expect(chang.roles).toContainEqual({ title: '市委书记', articleId: 'a2', date: '2025-02-22' });
    for (const m of chang.mentions) expect(articles.find((a) => a.id === m.articleId)!.paragraphs.join('\n').slice(m.start, m.end)).toBe('常书铭');
    expect(chang.mentions).toHaveLength(3);
  });

  it('resolves bare generic bodies as mentions of the city’s body, never as a term or surface form', () => {
    const body = byName('晋中市委')!;
    expect(body.kind).toBe('organisation');
    const a2 = articles[1]!.paragraphs.join('\n');
    expect(body.mentions.filter((m) => m.articleId === 'a2').map((m) => a2.slice(m.start, m.end))).toEqual(['市委', '市委']);
    expect(terms.some((t) => isGenericForm(t.name) || t.aliases.some(isGenericForm))).toBe(false);
    const matcher = buildMatcher(matcherEntries(terms));
    expect(matcher.findAll('市委、市人大常委会').length).toBe(0);
  });

  it('leaves a quoted form out of the matcher when its bare inside is a form too; the bare form marks it inside its quotes', () => {
    const terms = [{ id: 'pol-1', name: '“一带一路”', kind: 'policy' as const, aliases: ['一带一路'], roles: [], mentions: [] },
      { id: 'pol-2', name: '“千万工程”', kind: 'policy' as const, aliases: [], roles: [], mentions: [] }];
    expect(matcherEntries(terms).map((e) => e.forms)).toEqual([['一带一路'], ['“千万工程”']]);
    const text = '共建“一带一路”与“千万工程”';
    expect(buildMatcher(matcherEntries(terms)).findAll(text).map((m) => text.slice(m.start, m.end))).toEqual(['一带一路', '“千万工程”']);
    // Search still indexes every form.
    expect(searchTermsOf(terms)).toEqual(['“一带一路”', '一带一路', '“千万工程”']);
  });

  it('drops a place printed only inside a person’s name, keeps one printed inside a body’s name', () => {
    const lexicon = buildLexicon([
      article('b1', ['山西省晋中市召开会议，市领导裴耀军、冯原平参加。冯原平指出，要抓好落实。迎泽区委统战部负责人发言。']),
      article('b2', ['晋中市委召开会议，市领导冯原平出席。']),
    ]);
    const names = lexicon.map((t) => t.name);
    expect(names).toContain('冯原平');
    expect(names).not.toContain('原平市'); // 原平, a city in 忻州, read inside 冯原平
    expect(names).toContain('迎泽区');
    // The same place printed on its own is a place.
    expect(buildLexicon([article('c1', ['山西省晋中市召开会议，市领导冯原平出席。']), article('c2', ['山西省原平市举行会议。'])]).map((t) => t.name)).toContain('原平市');
  });

  it('counts the place a body is named after as mentioned where the body is (迎泽区委统战部), not the paper’s place nor the home nation', () => {
    const lexicon = buildLexicon([
      article('d1', ['迎泽区委统战部、晋源区委统战部负责同志发言。忻州市生态环境局襄汾分局局长表示。']),
      article('d2', ['据《山西日报》报道，中国共产党党员参加。']),
    ]);
    const spans = (name: string) => {
      const t = lexicon.find((x) => x.name === name);
      return (t?.mentions ?? []).map((m) => `${m.articleId}:${m.start}-${m.end}`);
    };
    expect(spans('迎泽区')).toEqual(['d1:0-3']);
    expect(spans('晋源区')).toEqual(['d1:8-11']);
    expect(spans('忻州市')).toHaveLength(1);
    expect(spans('山西省')).toEqual([]);
    expect(spans('中国')).toEqual([]);
    // The marks stay the longest terms: the bodies themselves keep their mentions.
    expect(spans('迎泽区委统战部')).toEqual(['d1:0-7']);
  });

  it('reads a bare 县政府 as the county the sentence named last (听取左权县人大常委会…以及县政府)', () => {
    const text = '平遥县的近50名市人大代表参加，听取左权县人大常委会代表工作经验以及县政府2024年工作情况。县委书记讲话。';
    const { covered } = extractAdministrative(text, unknown);
    expect(extractGeneric(text, unknown, covered).map((c) => [c.name, text.slice(c.at!.start, c.at!.end)])).toEqual([['左权县政府', '县政府']]);
  });

  it('never makes a single-character term', () => {
    expect(terms.every((t) => [...t.name].length >= 2 && t.aliases.every((a) => [...a].length >= 2))).toBe(true);
  });

  it('applies user edits: add, alias, rename, merge, suppress', () => {
    const warnings: string[] = [];
    const edits = parseLexiconEdits(
      ['# edits', 'add person 王小明 | 小明', 'alias 常书铭 | 常书记', 'rename 晋中市委 > 中共晋中市委', 'merge 刘星 > 常书铭', 'suppress 榆次区', 'suppress 不存在'].join('\n'),
    );
    const edited = buildLexicon(articles, { edits, onWarning: (w) => warnings.push(w) });
    const get = (n: string) => edited.find((t) => t.name === n);
    expect(get('王小明')?.aliases).toEqual(['小明']);
    expect(get('常书铭')?.aliases).toEqual(expect.arrayContaining(['常书记', '刘星']));
    expect(get('中共晋中市委')?.aliases).toContain('晋中市委');
    expect(get('刘星')).toBeUndefined();
    expect(get('榆次区')).toBeUndefined();
    expect(warnings).toEqual(['line 7: suppress: no term "不存在" in this archive (edit kept, nothing to apply)']);
  });
});

describe('lexicon edits file', () => {
  const error = (text: string) => {
    try {
      parseLexiconEdits(text, 'terms.txt');
    } catch (e) {
      expect(e).toBeInstanceOf(LexiconEditError);
      return (e as Error).message;
    }
    return 'no error';
  };
  it('names the line and what is wrong', () => {
    expect(error('add persn 王小明')).toBe('terms.txt:1: unknown kind "persn" (expected person, place, organisation, policy) — usage: add <kind> <name> [| alias …]');
    expect(error('\n\nadd person 王')).toBe('terms.txt:3: name "王" is a single character; a term needs at least two');
    expect(error('rename 晋中市委')).toBe('terms.txt:1: expected "rename <name> > <new name>"');
    expect(error('merge 晋中 > 晋中')).toBe('terms.txt:1: merge "晋中" into itself');
    expect(error('alias 常书铭')).toBe('terms.txt:1: no alias given — usage: alias <name> | <alias> [| alias …]');
    expect(error('delete 常书铭')).toBe('terms.txt:1: unknown edit "delete" (expected one of: add, alias, rename, merge, suppress)');
    expect(error('# only a comment\n\nsuppress 左权  # trailing comment')).toBe('no error');
  });
});
