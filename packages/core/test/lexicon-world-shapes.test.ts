import { describe, expect, it } from 'vitest';
import { extractAdministrative, extractBySuffix, extractLaunchSites, extractPolicies, extractShortStateBodies, foreignPlaceNames, quotedPolicy, shortBodyNames, type ArticleContext } from '../src/lexicon/extract.js';

const unknown: ArticleContext = { city: null, province: null };

describe('foreign places by the contexts only places have', () => {
  it('reads front-line towns and capitals, not a run after a country (a person may follow it)', () => {
    expect(foreignPlaceNames('俄军在波克罗夫斯克等方向推进，并在库皮扬斯克附近交战')).toEqual(['波克罗夫斯克', '库皮扬斯克']);
    expect(foreignPlaceNames('俄军在红利曼、扎波罗热、顿涅茨克等地打击乌军目标')).toEqual(['扎波罗热', '顿涅茨克']);
    expect(foreignPlaceNames('在立陶宛首都维尔纽斯的机场降落')).toEqual(['维尔纽斯']);
    expect(foreignPlaceNames('美国特朗普政府宣布')).toEqual([]);
    expect(foreignPlaceNames('要坚持正确政治方向')).toEqual([]);
  });

  it('reads the unknown items of a list that holds a known place, not a body, a part of a place or a direction', () => {
    expect(foreignPlaceNames('韩国民众在首尔、大邱、光州等多地举行集会')).toEqual(['大邱', '光州']);
    expect(foreignPlaceNames('成员分别在重庆、商务系统、中央外办等地调研')).toEqual([]);
    expect(foreignPlaceNames('影响北京、河北北部、山西太原、西北等地')).toEqual([]);
    expect(foreignPlaceNames('在车站、机场等地')).toEqual([]);
  });

  it('reads 吉林 and 海南 as the provinces, not a craft named after one (吉林一号)', () => {
    const named = (text: string) => extractAdministrative(text, unknown).candidates.map((c) => c.name);
    expect(named('在江西、吉林、海南等地')).toEqual(['江西省', '吉林省', '海南省']);
    expect(named('，吉林一号卫星')).toEqual([]);
  });
});

describe('slogans by shape', () => {
  it('takes a count of parts working as one and a named standard of work', () => {
    expect(quotedPolicy('五圈联动', '，全面融入')?.name).toBe('“五圈联动”');
    expect(quotedPolicy('双轮驱动', '，')?.name).toBe('“双轮驱动”');
    expect(quotedPolicy('严细深实优', '工作标准，按照')?.name).toBe('“严细深实优”');
    expect(quotedPolicy('五湖四海', '，')).toBeNull();
  });

  it('takes a plan\'s title that opens with 全面', () => {
    expect(extractPolicies('出台了《全面实施八百里浊漳河流域生态修复治理工作方案》，').map((c) => c.name)).toContain('全面实施八百里浊漳河流域生态修复治理工作方案');
  });
});

describe('a state’s bodies after its one-character short form', () => {
  it('names the body by the full state, the short form an alias', () => {
    expect(extractShortStateBodies('此外，俄联邦安全局今天称。俄国防部还称，俄黑海舰队')).toEqual([
      { kind: 'organisation', name: '俄罗斯联邦安全局', aliases: ['俄联邦安全局'] },
      { kind: 'organisation', name: '俄罗斯国防部', aliases: ['俄国防部'] },
      { kind: 'organisation', name: '俄罗斯黑海舰队', aliases: ['俄黑海舰队'] },
    ]);
    expect(extractShortStateBodies('法国会议中心')).toEqual([]); // 国会 does not end 部, 局 or 队
  });
});

describe('companies and sites', () => {
  it('starts a company’s name after the kind of firm that describes it', () => {
    const text = '由德国物流企业敦豪公司的承包商运营';
    const { covered } = extractAdministrative(text, unknown);
    expect(extractBySuffix(text, unknown, covered).map((c) => c.name)).toContain('敦豪公司');
  });
});

describe('policies', () => {
  it('reads global initiatives and single-character principles; a place’s economy is no programme', () => {
    const names = (text: string) => extractPolicies(text).map((c) => c.name);
    expect(names('出席全球发展倡议高级别会议')).toContain('全球发展倡议');
    expect(names('习近平主席精辟概括的“亲、诚、惠、容”四个字')).toContain('“亲、诚、惠、容”');
    expect(quotedPolicy('中国经济', '注入')).toBeNull();
    expect(quotedPolicy('飞地经济', '')).not.toBeNull();
  });
});

describe('short-named bodies and launch sites', () => {
  it('reads a two-character university or group only before a role', () => {
    expect(shortBodyNames('给中国科学院院士、清华大学教授姚期智回信')).toEqual(['清华大学']);
    expect(shortBodyNames('，各家银行要加强，三级医院和一流大学建设')).toEqual([]);
  });
  it('names a launch site by the place right before it, taken or at a clear left edge', () => {
    const text = '我国在太原卫星发射中心、西昌卫星发射中心分别使用';
    const home: ArticleContext = { city: null, province: null, homeProvinces: new Set(['山西省']) };
    const { covered } = extractAdministrative(text, home);
    expect(extractLaunchSites(text, covered).map((c) => c.name)).toEqual(['太原卫星发射中心', '西昌卫星发射中心']);
  });
  it('reads a city right after its own province though it stands against the next word (浙江台州玉环)', () => {
    const far: ArticleContext = { city: null, province: null, homeProvinces: new Set(['山西省']) };
    expect(extractAdministrative('在浙江台州玉环坎门登陆', far).candidates.map((c) => `${c.name}${c.afterParent ? '?' : ''}`)).toEqual(['浙江省', '台州市', '玉环市?']);
  });
});
