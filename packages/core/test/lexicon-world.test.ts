import { describe, expect, it } from 'vitest';
import { extractAdministrative, extractBySuffix, extractPolicies, extractRoads, type ArticleContext } from '../src/lexicon/extract.js';
import { NATIONS } from '../src/lexicon/world.js';
import { COUNTRIES } from '../src/lexicon/words.js';
import { postUses } from '../src/xref/posts.js';

const none: ArticleContext = { city: null, province: null };
const named = (text: string) => extractAdministrative(text, none).candidates.map((c) => `${c.kind[0]}:${c.name}`);

describe('states abroad and their bodies (issue 13)', () => {
  it('a state\'s bodies right after its name are organisations', () => {
    expect(named('，俄罗斯国防部称')).toEqual(['p:俄罗斯', 'o:俄罗斯国防部']);
    expect(named('，美国国会众议院')).toEqual(['p:美国', 'o:美国国会']);
    expect(named('，美国国防部官员说')).toEqual(['p:美国']);
    // 政府 is not taken: NER sets read 巴西政府 as the state and a noun.
    expect(named('，巴西政府宣布')).toEqual(['p:巴西']);
  });

  it('states and provinces after their country, and those joined to them', () => {
    expect(named('，美国俄亥俄州和宾夕法尼亚州遭遇暴雪')).toEqual(['p:美国', 'p:俄亥俄州', 'p:宾夕法尼亚州']);
    expect(named('，伊朗布什尔省')).toEqual(['p:伊朗', 'p:布什尔省']);
    // Japan's 省 are ministries, its 县 prefectures.
    expect(named('，日本外务省称')).toEqual(['p:日本', 'o:外务省']);
    expect(named('，日本石川县')).toEqual(['p:日本', 'p:石川县']);
    // Not a count or a clause (美国多个州, 美国各州州长).
    expect(named('，美国多个州')).toEqual(['p:美国']);
    // 马里 is a state, but not inside 马里兰州.
    expect(named('，美国马里兰州')).toEqual(['p:美国', 'p:马里兰州']);
  });

  it('companies printed with 公司 alone, not a clause or a kind of company', () => {
    const bySuffix = (text: string) => {
      const { covered } = extractAdministrative(text, none);
      return extractBySuffix(text, none, covered).map((c) => c.name);
    };
    expect(bySuffix('，日本民众来到东京电力公司总部')).toEqual(['东京电力公司']);
    expect(bySuffix('，由德国私营航天企业——伊萨尔航天技术公司研制')).toEqual(['伊萨尔航天技术公司']);
    expect(bySuffix('，美国科技公司')).toEqual([]);
    expect(bySuffix('，多家航空公司')).toEqual([]);
  });

  it('a committee or service centre from the place or body it belongs to (a unit named under its parent)', () => {
    const bySuffix = (text: string) => {
      const { covered } = extractAdministrative(text, none);
      return extractBySuffix(text, none, covered).map((c) => c.name);
    };
    expect(bySuffix('，晋中市总工会职工服务中心成立')).toEqual(['晋中市总工会职工服务中心']);
    expect(bySuffix('，北京市劳动争议仲裁委员会受理')).toEqual(['北京市劳动争议仲裁委员会']);
    expect(bySuffix('，美国总统拜登亦向美中关系全国委员会致信')).toEqual([]);
    expect(bySuffix('，北京新建100家区域养老服务中心')).toEqual([]);
    expect(bySuffix('，专家委员会')).toEqual([]);
  });

  it('one list of states for the lexicon and xref', () => {
    expect(COUNTRIES).toEqual(expect.arrayContaining([...NATIONS, '中国']));
    expect(postUses('卢旺达总统卡加梅').map((p) => p.cls)).toEqual(['foreign']);
  });
});

describe('policies and places by shape (issue 13)', () => {
  it('a community of shared future named by who shares it', () => {
    const names = (t: string) => extractPolicies(t).map((c) => c.name).filter((n) => n.endsWith('命运共同体'));
    expect(names('，携手共建中古命运共同体')).toEqual(['中古命运共同体']);
    expect(names('，构建新时代中柬命运共同体')).toEqual(['中柬命运共同体']);
    expect(names('，打造中国—中亚命运共同体')).toEqual(['中国—中亚命运共同体']);
    expect(names('，两国命运共同体')).toEqual([]);
  });

  it('a two-numeral quote is a name only in its quotes', () => {
    const c = extractPolicies('“十五”期间').find((x) => x.name === '“十五”');
    expect(c?.aliases ?? []).not.toContain('十五');
  });

  it('expressways by number and name', () => {
    expect(extractRoads('，G65包茂高速矮寨大桥').map((c) => [c.name, ...(c.aliases ?? [])])).toEqual([['G65包茂高速', '包茂高速']]);
  });
});
