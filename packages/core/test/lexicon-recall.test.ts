import { describe, expect, it } from 'vitest';
import { gazetteer, placesByShort } from '../src/lexicon/gazetteer.js';
import { isGenericForm } from '../src/lexicon/build.js';
import { quotedPolicy, extractPolicies, extractAdministrative, extractBySuffix, extractAppointments, extractBylineField, extractGeneric, extractLocalities, extractPeopleBeforeTitles, extractTitledPeople, looksLikeName, type ArticleContext } from '../src/lexicon/extract.js';

const unknown: ArticleContext = { city: null, province: null };
const taiyuan: ArticleContext = { city: gazetteer().get('太原市')!, province: gazetteer().get('山西省')!, homeProvinces: new Set(['山西省']) };

const names = (cands: { name: string }[]) => cands.map((c) => c.name);

describe('byline field', () => {
  it('takes the names of a parsed byline, with or without a role', () => {
    expect(names(extractBylineField('丁洁、王春宇'))).toEqual(['丁洁', '王春宇']);
    expect(names(extractBylineField('山西日报记者 韩乐 李家鸣'))).toEqual(['韩乐', '李家鸣']);
    expect(extractBylineField('梁琛 摄')).toEqual([{ kind: 'person', name: '梁琛', roles: ['摄'] }]);
    expect(extractBylineField('本报记者 李晓雯 通讯员 张丙煦').map((c) => [c.name, c.roles![0]])).toEqual([['李晓雯', '记者'], ['张丙煦', '通讯员']]);
  });

  it('takes nothing from a byline that is not only names', () => {
    expect(extractBylineField('山西日报')).toEqual([]);
    expect(extractBylineField('综合新华社消息')).toEqual([]);
    expect(extractBylineField(null)).toEqual([]);
  });
});

describe('given names with 向 or 之', () => {
  it('takes them inside a name but not at its end', () => {
    expect(looksLikeName('郝向明')).toBe(true);
    expect(looksLikeName('王之涣')).toBe(true);
    expect(looksLikeName('高声向')).toBe(false);
    expect(looksLikeName('王说明')).toBe(false);
  });
});

describe('names before titles', () => {
  const found = (text: string) => names(extractPeopleBeforeTitles(text, new Set()));

  it('takes a deputy before speech, and a scholar right after the body', () => {
    expect(found('。张建岗代表说：“市工信局将认真落实。”')).toEqual(['张建岗']);
    expect(found('。智俊萍代表表示，报告顺应时代要求。')).toEqual(['智俊萍']);
    expect(found('，西安工业大学文学院刘磊教授说道：“我对这里情有独钟。”')).toEqual(['刘磊']);
    expect(found('，西安工业大学文学院敬晓庆博士对未来充满信心。')).toEqual(['敬晓庆']);
    expect(found('，习近平总书记强调')).toEqual(['习近平']);
  });

  it('not 代表 without speech, a name inside running text, 博士后, or 智能/习惯', () => {
    expect(found('。王明代表公司签约。')).toEqual([]);
    expect(found('，我们公司刘磊教授说道')).toEqual([]);
    expect(found('，李明博士后出站。')).toEqual([]);
    expect(looksLikeName('智能')).toBe(false);
    expect(looksLikeName('习惯')).toBe(false);
  });
});

describe('role nouns before names', () => {
  const found = (text: string, known: string[] = []) => names(extractTitledPeople(text, unknown, new Set(known)));

  it('takes names after role nouns, and lists after list roles', () => {
    expect(found('主题宣讲中，宣讲员栗艳林、张敏、陈占杰分别讲述')).toEqual(['栗艳林', '张敏', '陈占杰']);
    expect(found('张胡村村民石慧芬感慨道：')).toEqual(['石慧芬']);
    expect(found('中国选手王梓赛以60.590分夺冠')).toEqual(['王梓赛']);
  });

  it('a weak role noun needs a three-character or known name; 以 ends a name', () => {
    expect(found('村民修路、修渠')).toEqual([]);
    expect(found('村民曾经靠放牧为生')).toEqual([]);
    expect(found('村民王芳，')).toEqual([]);
    expect(found('村民王芳，', ['王芳'])).toEqual(['王芳']);
    expect(found('副市长王明以视频方式出席')).toEqual(['王明']);
    expect(found('中国选手孙龙以2分23秒夺冠')).toEqual([]);
  });
});

describe('appointment notices', () => {
  it('takes the names of appointments, removals and resignations', () => {
    expect(names(extractAppointments('关于接受周计伟辞去太原市监察委员会主任职务的报告'))).toEqual(['周计伟']);
    expect(names(extractAppointments('任命陈福利、冯怡为全国人大常委会副秘书长；免去宫鸣的最高人民检察院副检察长职务'))).toEqual(['陈福利', '冯怡', '宫鸣']);
  });

  it('not words that only look like one', () => {
    expect(names(extractAppointments('任命程序为依法进行'))).toEqual([]);
    expect(names(extractAppointments('接受群众的监督'))).toEqual([]);
    expect(names(extractAppointments('选举产生新一届领导班子'))).toEqual([]);
  });
});

describe('local bodies', () => {
  const admin = (text: string) => names(extractAdministrative(text, taiyuan).candidates.filter((c) => c.kind === 'organisation'));
  const generic = (text: string, ctx = taiyuan) => names(extractGeneric(text, ctx, extractAdministrative(text, ctx).covered));

  it('chains a department onto a party committee or government, and knows the standard bureaus', () => {
    expect(admin('会上，晋源区委统战部、阳曲县委统战部作交流发言。')).toEqual(['晋源区委统战部', '阳曲县委统战部']);
    expect(admin('晋中市人民政府办公室关于公开征集意见')).toEqual(['晋中市人民政府办公室']);
    expect(admin('记者从运城市人社局获悉')).toEqual(['运城市人社局']);
    expect(admin('咨询接待地址：晋中市公共法律服务中心（榆次区）')).toEqual(['晋中市公共法律服务中心']);
    expect(extractAdministrative('《太原市人民代表大会常务委员会关于接受周计伟辞去职务的决定》', taiyuan).candidates[1]).toEqual({
      kind: 'organisation', name: '太原市人大常委会', aliases: ['太原市人民代表大会常务委员会'],
    });
    expect(generic('在市总工会调研，市妇联、团市委、市委讲师团负责人参加。')).toEqual(['太原市总工会', '太原市妇联', '团太原市委', '太原市委讲师团']);
    expect(generic('市监察委员会、市司法局有关负责人出席')).toEqual(['太原市监察委员会', '太原市司法局']);
  });

  it('not a department word that continues (委员), nor without a known city; chained generic forms are never marked bare', () => {
    expect(admin('晋源区委员')).toEqual([]);
    expect(generic('在市总工会调研', unknown)).toEqual([]);
    expect(generic('全市妇联系统')).toEqual([]);
    expect(isGenericForm('市委统战部')).toBe(true);
    expect(isGenericForm('县人民政府办公室')).toBe(true);
    expect(isGenericForm('晋源区委统战部')).toBe(false);
  });

  it('takes a town’s or village’s body after its name', () => {
    const found = (text: string) => extractLocalities(text, new Uint8Array(text.length)).map((c) => `${c.kind}:${c.name}`);
    expect(found('，绵山镇政府与西安工业大学签约')).toEqual(['place:绵山镇', 'organisation:绵山镇政府']);
    expect(found('、张胡村党支部书记张爱茂')).toEqual(['place:张胡村', 'organisation:张胡村党支部']);
    expect(found('，农村党员干部')).toEqual([]);
  });
});

describe('renamed places', () => {
  const places = (text: string) => extractAdministrative(text, taiyuan).candidates.filter((c) => c.kind === 'place').map((c) => [c.name, ...(c.aliases ?? [])].join('|'));

  it('names a renamed county by its current name, the old name and short form resolving to it', () => {
    expect(gazetteer().get('太谷区')).toMatchObject({ level: 'county', city: '晋中市', province: '山西省' });
    expect(placesByShort().get('太谷')!.map((p) => p.name)).toEqual(['太谷区']);
    expect(places('来自太谷区、祁县')).toEqual(['太谷区', '祁县']);
    expect(places('原太谷县')).toEqual(['太谷区|太谷县']);
    expect(places('在太谷调研')).toEqual(['太谷区|太谷']);
  });

  it('gives a new district no short form that would swallow its neighbours (亲临平遥古城)', () => {
    expect(gazetteer().get('临平区')?.short).toBeNull();
    expect(places('总书记亲临平遥古城')).toEqual(['平遥县|平遥']);
  });
});

describe('quoted programme names by the noun after them', () => {
  it('takes a quoted name right before a programme noun, the noun not part of the name', () => {
    expect(quotedPolicy('晋阳工匠', '选树等活')).toEqual({ name: '“晋阳工匠”', aliases: ['晋阳工匠'] });
    expect(quotedPolicy('我为群众办实事', '实践活动')?.name).toBe('“我为群众办实事”');
    expect(quotedPolicy('学子归巢', '工作站建')?.name).toBe('“学子归巢”');
  });

  it('a short one is marked only quoted; not manner words, speech, or other nouns', () => {
    expect(quotedPolicy('清朗', '系列专项')).toBeNull(); // 系列 is not a programme noun
    expect(quotedPolicy('清朗', '专项行动')).toEqual({ name: '“清朗”', aliases: [] });
    expect(quotedPolicy('保姆式', '服务')).toBeNull();
    expect(quotedPolicy('点单式', '建设')).toBeNull();
    expect(quotedPolicy('我们一定能行', '，他说')).toBeNull();
    expect(quotedPolicy('卡脖子', '问题')).toBeNull();
  });
});

describe('numeral-led quotes', () => {
  const policies = (text: string) => names(extractPolicies(text));

  it('takes a numeral run with a measure word after it', () => {
    expect(policies('要学深悟透“十二个必须”的深刻内涵')).toEqual(['“十二个必须”']);
    expect(policies('用“十三个坚持”概括')).toEqual(['“十三个坚持”']);
  });

  it('takes a numeral and one character printed in a run of slogans, marked only quoted', () => {
    expect(extractPolicies('激活“一谷”“动力源”')).toContainEqual({ kind: 'policy', name: '“一谷”', aliases: [] });
    expect(policies('深化“三农”、“两山”实践')).toEqual(['“三农”', '“两山”']);
  });

  it('not alone, not longer ones in a list, not plain words', () => {
    expect(policies('下好“一盘”大棋')).toEqual([]);
    expect(policies('展现“万千气象”“新图景”')).toEqual([]);
    expect(policies('“双方”“同意”')).toEqual([]);
    expect(policies('纪念“五四”“七一”')).toEqual([]);
  });
});

describe('character fold', () => {
  it('is idempotent and leaves simplified characters alone (群 was folded to 羣, so 山西中部城市群 never matched folded text)', async () => {
    const { foldTable, foldText } = await import('../src/text/fold.js');
    const t = foldTable();
    for (let c = 0; c < 0x10000; c++) expect(t[t[c]!]).toBe(t[c]);
    expect(foldText('群众吃饭核心高峰才能什么')).toBe('群众吃饭核心高峰才能什么');
    expect(foldText('羣眾喫飯覈心高峯纔能甚麼')).toBe('群众吃饭核心高峰才能甚么');
  });
});

describe('known policy names', () => {
  it('finds the named parts of the guiding thought and national designations, not their pieces', async () => {
    const { extractPolicies } = await import('../src/lexicon/extract.js');
    expect(names(extractPolicies('深入学习贯彻习近平文化思想和习近平生态文明思想'))).toEqual(['习近平文化思想', '习近平生态文明思想']);
    expect(names(extractPolicies('加快建设国家区域中心城市'))).toEqual(['国家区域中心城市']);
    expect(names(extractPolicies('这是一座区域中心城市'))).toEqual([]);
  });
});

describe('quoted names listed before a programme noun', () => {
  it('takes each quoted name of a list ending in 等 + programme noun', async () => {
    const { extractPolicies } = await import('../src/lexicon/extract.js');
    expect(names(extractPolicies('擦亮“锦绣姐姐”、“妇乐坊”、巾帼家政等品牌'))).toEqual(['“锦绣姐姐”', '“妇乐坊”']);
    expect(names(extractPolicies('他说“我们来了”、“大家好”等话语'))).toEqual([]);
    expect(names(extractPolicies('“锦绣姐姐”、“妇乐坊”都很好，品牌'))).toEqual([]);
  });

  it('a known policy printed in quotes has the quoted form as an alias', async () => {
    const { extractPolicies } = await import('../src/lexicon/extract.js');
    expect(extractPolicies('以“双碳”目标为牵引')).toContainEqual({ kind: 'policy', name: '双碳', aliases: ['“双碳”'] });
  });
});

describe('more words that end a name', () => {
  it('reads where a name ends before 负责, 不仅, 听后, 宣讲, 正在', () => {
    const found = (text: string) => names(extractTitledPeople(text, unknown, new Set()));
    expect(found('环卫工人王友禄负责顺城西街的清扫')).toEqual(['王友禄']);
    expect(found('宣讲团成员张秀娟听后觉得受益匪浅')).toEqual(['张秀娟']);
    expect(found('所长李闯正在组织演练')).toEqual(['李闯']);
    expect(found('环卫工人王友禄们')).toEqual([]);
  });
});

describe('rivers, lakes and mountains', () => {
  it('are places, found anywhere, without anchoring a body’s name', () => {
    const found = (text: string) => extractAdministrative(text, taiyuan).candidates.map((c) => `${c.kind}:${c.name}`);
    expect(found('深入挖掘汾河独特的山水生态资源')).toEqual(['place:汾河']);
    const text = '，支持长江经济带绿色发展人民银行';
    const { covered } = extractAdministrative(text, unknown);
    expect(extractBySuffix(text, unknown, covered).map((c) => c.name)).toEqual([]);
    // 鸡东 right after its province: a candidate the builder keeps only on archive evidence (see below).
    expect(extractAdministrative('黑龙江鸡东', taiyuan).candidates.map((c) => `${c.name}${c.afterParent ? '?' : ''}`)).toEqual(['黑龙江省', '鸡东县?']);
  });
});

describe('a county printed after its city or province', () => {
  const read = (text: string) => extractAdministrative(text, unknown).candidates.map((c) => `${c.name}${c.afterParent ? '?' : ''}`);
  it('is a candidate by its short form (浙江台州玉环), never instead of a city of the same short form (江西南昌)', () => {
    expect(read('在浙江台州玉环坎门登陆')).toEqual(['浙江省', '台州市', '玉环市?']);
    expect(read('位于江西南昌的年货市场')).toEqual(['江西省', '南昌市']);
  });
});

describe('speakers show where a name ends', () => {
  it('finds clause-initial names before a speech verb', async () => {
    const { speakers } = await import('../src/lexicon/build.js');
    expect(speakers('展望未来,唐俊表示,党的十八大以来')).toEqual(['唐俊']);
    expect(speakers('。王小明说：“好。”')).toEqual(['王小明']);
    expect(speakers('，大家表示赞同')).toEqual([]);
  });

  it('lets a titled name with an unclear end in, only when speech follows it often enough', async () => {
    const { buildLexicon } = await import('../src/lexicon/build.js');
    const art = (id: string, text: string) => ({
      id, paper: null, date: null, page: `${id}.txt`, title: '标题', titleInferred: false, subtitle: null, section: null, byline: null,
      dateline: null, kind: 'news' as const, source: null, paragraphs: [text], continues: null, continuationOf: null,
    });
    const people = (articles: ReturnType<typeof art>[]) => buildLexicon(articles).filter((t) => t.kind === 'person').map((t) => t.name);
    expect(people([art('a', '朔州市人民医院院长唐俊信心满满。'), art('b', '展望未来，唐俊表示，要再接再厉。')])).toContain('唐俊');
    expect(people([art('a', '朔州市人民医院院长唐俊信心满满。')])).not.toContain('唐俊');
  });
});
