/**
 * The seed pages, checked article by article against a list made by reading
 * every page by eye (title, subtitle, section, byline, kind, source, where the
 * body starts and ends, and how many paragraphs it has, sub-heads included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleKind } from '../src/article.js';
import { parsePages, type Manifest } from '../src/parse/index.js';

const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds');
const names = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort();
const pages = names.map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as Manifest;

interface Expected {
  page: string;
  title: string;
  inferred?: true;
  subtitle?: string;
  section?: string;
  byline?: string;
  kind: ArticleKind;
  source?: string;
  starts: string;
  ends: string;
  paragraphs: number;
}

const HAND_LIST: Expected[] = [
  // 000 — 晋中日报: headline blocks printed AFTER their bodies.
  { page: '000', title: '蓄力赋能向前行 履职为民谱新篇', subtitle: '市人大常委会创新代表学习培训、提升代表履职能力', byline: '本报记者 李晓雯 通讯员 张丙煦', kind: 'feature', starts: '人大工作，主体是代表', ends: '服务人民的初心使命。', paragraphs: 9 },
  { page: '000', title: '全市组织部长会议召开', subtitle: '固本强基筑堡垒 凝心聚力促发展\n常书铭作出批示', byline: '记者毛静', kind: 'news', starts: '本报讯 （记者毛静）2月13日，全市组织部长会议召开。', ends: '市卫健委作交流发言。', paragraphs: 5 },
  { page: '000', title: '重大项目“加速跑” 奋力冲刺“开门红”', subtitle: '灵石县\n以新气象新作为推动高质量发展取得新成效', byline: '记者王菲', kind: 'news', starts: '本报讯 （记者王菲）一年之计在于春', ends: '确保项目建设顺利推进。”', paragraphs: 4 },
  { page: '000', title: '《习近平总书记关于加强和改进民族工作的重要思想学习读本》出版发行', kind: 'news', source: '新华社', starts: '新华社北京2月13日电', ends: '中国特色社会主义的高度认同。', paragraphs: 3 },
  { page: '000', title: '加快培育发展新质生产力 为晋中高质量发展增添新动能', subtitle: '常书铭调研新质生产力发展情况时强调', byline: '记者雷甫', kind: 'news', starts: '本报讯 （记者雷甫）2 月 13 日，市委书记常书铭', ends: '确保实现“开门红”。', paragraphs: 6 },
  { page: '000', title: '（无标题）元宵新春联谊会致辞', inferred: true, kind: 'document', starts: '今岁元宵明月好，高朋满座乐未央。', ends: '共建家乡、同赴未来！', paragraphs: 6 },
  // 001 — 朔州日报: markdown; #### sub-heads in features, #### briefs under ### 时政 快讯.
  { page: '001', title: '实干开新局 奋进谱新篇', subtitle: '省人大代表审议政府工作报告', section: '代表聚焦', byline: '袁兆锋 袁兆辉 卢文艳', source: '据《山西日报》', kind: 'feature', starts: '早行功不负,实干业必成。', ends: '为保障人民生命安全和身体健康提供有力支撑。', paragraphs: 17 },
  { page: '001', title: '刘亮在平鲁区督导检查节前安全生产和森林防火工作', section: '时政快讯', byline: '记者 赵福胜', kind: 'news', starts: '本报讯(记者 赵福胜)1月21日,市委常委、副市长刘亮', ends: '全力保障群众生命安全和生态安全。', paragraphs: 2 },
  { page: '001', title: '彭雁带队调研“两节”期间文化市场安全工作', section: '时政快讯', byline: '记者 武跃林', kind: 'news', starts: '本报讯(记者 武跃林)1月21日', ends: '创造安全舒适的文化环境。', paragraphs: 2 },
  { page: '001', title: '全市农业重点工作推进会召开 李润军主持', section: '时政快讯', byline: '记者 赵福胜', kind: 'news', starts: '本报讯(记者 赵福胜)1月20日', ends: '全力跑出农业高质量发展加速度。', paragraphs: 2 },
  { page: '001', title: '（无标题）图片：民盟朔州市文教支部联合朔城区雁门街中心社区开展了…', inferred: true, byline: '赵福胜 摄', kind: 'photo', starts: '近日,民盟朔州市文教支部', ends: '把新春最美好的祝愿送到千家万户。', paragraphs: 1 },
  // Printed as [A B C] then again as [A' B C] (A' misread at its start): the body is A B C.
  { page: '001', title: '在新征程上奋力谱写中国式现代化山西篇章', kind: 'editorial', starts: '代表们高度评价过去一年', ends: '为推进强国建设、民族复兴伟业作出山西贡献!', paragraphs: 3 },
  { page: '001', title: '建设美丽山西 促进共同富裕 维护和谐稳定', subtitle: '我省社会各界热议政府工作报告', byline: '山西日报记者 韩乐 李家鸣 薛志浩 马占富 周明飞 王少科 郭玉琴 李强 苏晓晨', source: '山西日报', kind: 'feature', starts: '出台全面推进美丽山西建设实施意见', ends: '实现社区平安、社会和谐作出应有的贡献。', paragraphs: 17 },
  // 002 — 晋中日报 2021: markdown with a headline after its body and an article tail printed before its headline.
  { page: '002', title: '聚焦“1221”战略举措 善谋实干扬优成势', subtitle: '市第五次党代会党代表热议报告', section: '热点话题', byline: '本报记者 雷甫 郭娟 王晶', kind: 'feature', starts: '“担负起时代和人民赋予的光荣使命', ends: '着力提升农村干部为民服务能力。', paragraphs: 11 },
  { page: '002', title: '郝向明收听收看山西省2021年耕地保护督察动员部署电视电话会议', section: '政务动态', byline: '记者雷昊', kind: 'news', starts: '本报讯（记者雷昊）9月26日', ends: '耕地保护督察工作作了具体安排。', paragraphs: 3 },
  { page: '002', title: '介休市绵山镇 强镇名校牵手 乡村振兴有奔头', subtitle: '深化省校合作 共促高质量发展', kind: 'news', starts: '本报讯 为优化资源配置', ends: '绵山镇镇长孟晓丽说道。', paragraphs: 7 },
  { page: '002', title: '推广宣讲经验 提升宣讲水平', subtitle: '奋斗百年路 启航新征程\n学党史 悟思想 办实事 开新局\n晋中市“百业百人讲百年”示范宣讲观摩课农村专场开讲\n永远跟党走 百业百人讲百年', byline: '记者杨星宇', kind: 'news', starts: '本报讯（记者杨星宇）9月27日', ends: '“七一”重要讲话精神作培训。', paragraphs: 4 },
  { page: '002', title: '搭建“爱心驿站” 筑起“暖心港湾”', subtitle: '市总工会大力推进“爱心驿站”建设', section: '我为群众办实事', byline: '本报记者 王非', kind: 'feature', starts: '在今年的政府工作报告中', ends: '温暖送到每位劳动者心中。', paragraphs: 5 },
  { page: '002', title: '晋中市人民政府行政复议办公室 关于集中行使市政府本级行政复议职责有关事项的通告', kind: 'notice', starts: '为落实中央和山西省行政复议体制改革要求', ends: '晋中市人民政府 行政复议办公室 2021年9月26日', paragraphs: 10 },
  { page: '002', title: '晋中市人民政府办公室关于公开征集2022年省、市政府民生实事意见建议的通告', kind: 'notice', starts: '为深入贯彻习近平新时代中国特色社会主义思想', ends: '晋中市人民政府办公室 2021年9月24日', paragraphs: 11 },
  // 003 — 太原日报: markdown with plain kicker/subtitle lines, bold sub-heads, a photo inside a headline block.
  { page: '003', title: '太原晋中一体化发展 对接座谈会举行', subtitle: '韦韬主持并讲话 常书铭讲话 范兆森刘星出席并对接交流有关事项', byline: '记者 殷雪鸢、胡引平', kind: 'news', starts: '本报讯（记者 殷雪鸢、胡引平）2月21日', ends: '开发区主要负责同志参加。', paragraphs: 4 },
  { page: '003', title: '优环境 强产业 提能级 在高质量发展中展现更大作为', subtitle: '范兆森在尖草坪区调研经济社会发展时强调', byline: '丁洁、王春宇', kind: 'news', starts: '本报讯 2月20日，市委副书记、代市长范兆森', ends: '不断提升文物活化利用水平。', paragraphs: 4 },
  { page: '003', title: '履职尽责不负重托 砥砺奋进勇于担当', subtitle: '市人大常委会2024年工作综述', kind: 'feature', starts: '修改地方性法规5件', ends: '督促政府努力实现全年既定目标。', paragraphs: 11 },
  { page: '003', title: '充分发挥党和群众桥梁纽带作用 为全市高质量发展凝聚强大合力', subtitle: '韦韬在调研全市群团工作时强调\n武晓花参加', byline: '记者 殷雪鸢、胡引平', kind: 'news', starts: '本报讯（记者 殷雪鸢、胡引平）2月20日', ends: '不断开创我市群团工作新局面。', paragraphs: 5 },
  { page: '003', title: '（无标题）图片：省委常委、市委书记韦韬在市总工会调研全市工会工作…', inferred: true, byline: '梁琛 摄', kind: 'photo', starts: '省委常委、市委书记韦韬在市总工会', ends: '调研全市工会工作情况。', paragraphs: 1 },
  { page: '003', title: '市十五届人大常委会举行第二十五次会议', subtitle: '魏民主持并讲话', kind: 'news', starts: '本报讯 2月21日，市十五届人大常委会', ends: '辞去太原市监察委员会主任职务请求的决定》。', paragraphs: 3 },
  { page: '003', title: '全市统战部长会议召开', byline: '尹哲', kind: 'news', starts: '本报讯 2月21日，全市统战部长会议召开。', ends: '中北高新区党群工作部负责同志作交流发言。', paragraphs: 3 },
  { page: '003', title: '全市宣传部长会议召开', byline: '陈嘉欣', kind: 'news', starts: '本报讯 2月21日，全市宣传部长会议召开。', ends: '强大精神力量、有利文化条件。', paragraphs: 2 },
  // 004 — 朔州日报 2024: plain text, short lines are headlines, kickers and bylines.
  { page: '004', title: '抬高标杆 争先进位', subtitle: '“四大高地”筑梦现代化 塞上绿都奋进新时代\n建市三十五周年发展看朔州之党建篇', byline: '记者 武跃林', kind: 'feature', starts: '飘扬的旗帜，历经风雨', ends: '以“安家”促“安心”。', paragraphs: 16 },
  { page: '004', title: '中共中央国务院关于深化产业工人队伍建设改革的意见', subtitle: '(2024年10月12日)', kind: 'document', starts: '产业工人是工人阶级的主体力量', ends: '提供更为精准便捷的服务。', paragraphs: 11 },
  { page: '004', title: '朔州市“推动绿电资源就地转化、助力产业低碳转型”工作专班会议召开', subtitle: '吴秀玲主持并讲话', byline: '记者 符烽邦', kind: 'news', starts: '本报讯(记者 符烽邦)10月20日', ends: '国网朔州供电公司分别作了发言。', paragraphs: 3 },
  { page: '004', title: '集大原高铁应县西站建设加快推进', byline: '通讯员 李春丽 张俊杰 王文甫', kind: 'news', starts: '本报讯(通讯员 李春丽 张俊杰 王文甫)集大原高铁', ends: '提升应县城市形象与吸引力，推动高质量发展。', paragraphs: 8 },
  { page: '004', title: '争分夺秒 建设再提速', subtitle: '国道336朔州段改扩建工程项目', byline: '王文军 吴杰 侯兴', source: '据《山西日报》', kind: 'feature', starts: '为抢抓有限的施工黄金期', ends: '绘制出一幅幅高质量建设的生动图景。', paragraphs: 5 },
];

const articles = parsePages(pages, manifest);
const byPage = (prefix: string) => articles.filter((a) => a.page.startsWith(prefix));

describe('seed pages, article by article', () => {
  it('finds every item of every page and nothing else (33: a little over thirty)', () => {
    expect(articles.map((a) => `${a.page.slice(0, 3)} ${a.title}`)).toEqual(HAND_LIST.map((e) => `${e.page} ${e.title}`));
    expect(['000', '001', '002', '003', '004'].map((p) => byPage(p).length)).toEqual([6, 7, 7, 8, 5]);
  });

  HAND_LIST.forEach((exp, i) => {
    it(`${exp.page} #${i}: ${exp.title}`, () => {
      const a = articles[i] as Article;
      expect(a.title).toBe(exp.title);
      expect(a.titleInferred).toBe(exp.inferred === true);
      expect(a.subtitle).toBe(exp.subtitle ?? null);
      expect(a.section).toBe(exp.section ?? null);
      expect(a.byline).toBe(exp.byline ?? null);
      expect(a.kind).toBe(exp.kind);
      expect(a.source).toBe(exp.source ?? null);
      expect(a.paragraphs[0]!.startsWith(exp.starts), `starts: ${a.paragraphs[0]!.slice(0, 40)}`).toBe(true);
      expect(a.paragraphs.at(-1)!.endsWith(exp.ends), `ends: ${a.paragraphs.at(-1)!.slice(-40)}`).toBe(true);
      expect(a.paragraphs).toHaveLength(exp.paragraphs);
      // No OCR debris left inside bodies: continuation notes, headings, bylines in brackets.
      for (const p of a.paragraphs) {
        expect(p).not.toMatch(/[（(](下转|上接)第/);
        expect(p).not.toMatch(/^#/);
        expect(p.trim()).toBe(p);
      }
    });
  });
});

describe('seed pages: the example the issue gives', () => {
  it('page 000 opens with the 人大 feature whose body ends where （下转第2版） stands', () => {
    const [first] = byPage('000');
    expect(first!.title).toBe('蓄力赋能向前行 履职为民谱新篇');
    expect(first!.paragraphs[0]).toBe('人大工作，主体是代表，基础在代表，活力看代表。');
    expect(first!.continues).toEqual({ text: '（下转第2版）', page: 2, articleId: null });
    // Two sub-heads stay inside the feature as their own paragraphs.
    expect(first!.paragraphs).toContain('把好理论实践“结合关” 为履职“加油充电”');
    expect(first!.paragraphs).toContain('把好代表对常委会工作深度“参与关” 让代表善为有为');
  });

  it('page 001 keeps the #### sub-heads of both provincial-congress features inside one article each', () => {
    const [feature] = byPage('001');
    expect(feature!.paragraphs).toEqual(expect.arrayContaining(['奋勇争先推动高质量发展', '加快建设科技强省', '全力提升全民健康水平']));
    const beautiful = byPage('001').find((a) => a.title.startsWith('建设美丽山西'))!;
    expect(beautiful.paragraphs).toEqual(expect.arrayContaining(['加快经济社会发展全面绿色转型', '加快发展民生社会事业', '加强安全治理和风险防范']));
  });

  it('the 002 爱心驿站 feature gets back its tail that OCR printed before its headline', () => {
    const a = byPage('002').find((x) => x.title.startsWith('搭建'))!;
    expect(a.paragraphs[3]).toContain('体现了政府、社会和企业对户外劳动者的关爱。');
    const talk = byPage('002').find((x) => x.title.startsWith('推广宣讲'))!;
    expect(talk.paragraphs.join('')).not.toContain('爱心驿站');
  });

  it('the editorial printed twice by the layout keeps each paragraph once', () => {
    const e = byPage('001').find((x) => x.kind === 'editorial')!;
    expect(new Set(e.paragraphs).size).toBe(e.paragraphs.length);
    expect(e.continuationOf).toEqual({ text: '(上接第1版)', page: 1, articleId: null });
  });

  it('every title the evaluation data names is an article title', () => {
    const named = [
      '加快培育发展新质生产力 为晋中高质量发展增添新动能', '全市组织部长会议召开', '太原晋中一体化发展 对接座谈会举行',
      '蓄力赋能向前行 履职为民谱新篇', '实干开新局 奋进谱新篇', '（无标题）元宵新春联谊会致辞', '聚焦“1221”战略举措 善谋实干扬优成势',
      '刘亮在平鲁区督导检查节前安全生产和森林防火工作', '彭雁带队调研“两节”期间文化市场安全工作', '建设美丽山西 促进共同富裕 维护和谐稳定',
      '重大项目“加速跑” 奋力冲刺“开门红”', '中共中央国务院关于深化产业工人队伍建设改革的意见', '充分发挥党和群众桥梁纽带作用 为全市高质量发展凝聚强大合力',
      '晋中市人民政府行政复议办公室 关于集中行使市政府本级行政复议职责有关事项的通告',
      '朔州市“推动绿电资源就地转化、助力产业低碳转型”工作专班会议召开', '在新征程上奋力谱写中国式现代化山西篇章', '履职尽责不负重托 砥砺奋进勇于担当',
    ];
    const titles = new Set(articles.map((a) => a.title));
    for (const t of named) expect(titles, t).toContain(t);
  });

  it('paper and date: inferred from the text, the same as the manifest says', () => {
    const bare = parsePages(pages);
    const meta = (list: Article[], p: string) => list.filter((a) => a.page.startsWith(p)).map((a) => `${a.paper} ${a.date}`);
    for (const p of ['000', '001', '002', '003', '004']) expect(meta(bare, p)).toEqual(meta(articles, p));
    expect(meta(articles, '000')[0]).toBe('晋中日报 2025-02');
    expect(meta(articles, '001')[0]).toBe('朔州日报 2025-01');
    expect(meta(articles, '002')[0]).toBe('晋中日报 2021-09');
    expect(meta(articles, '003')[0]).toBe('太原日报 2025-02');
    expect(meta(articles, '004')[0]).toBe('朔州日报 2024-10');
  });

  it('datelines carry the printed date and its ISO form', () => {
    const org = byPage('000')[1]!;
    expect(org.dateline).toEqual({ text: '2月13日', iso: '2025-02-13' });
    const spaced = byPage('000')[4]!; // printed `2 月 13 日`
    expect(spaced.dateline).toEqual({ text: '2月13日', iso: '2025-02-13' });
    const doc = byPage('004')[1]!;
    expect(doc.dateline).toEqual({ text: '2024年10月12日', iso: '2024-10-12' });
  });

  it('ids are stable and unique', () => {
    const again = parsePages(pages, manifest);
    expect(again.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });
});
