/** The three OCR layouts, on small synthetic pages. */
import { describe, expect, it } from 'vitest';
import { parsePage, parsePageDetailed, parsePages } from '../src/parse/index.js';
import { detectLayout } from '../src/parse/detect-layout.js';
import { tokenize } from '../src/parse/tokens.js';

const page = (text: string, name = 'p.txt') => ({ name, text });
const summary = (text: string) =>
  parsePage(page(text)).map((a) => ({ title: a.title, subtitle: a.subtitle, section: a.section, byline: a.byline, kind: a.kind, paragraphs: a.paragraphs }));

describe('markdown layout', () => {
  const md = [
    '# 实干开新局 奋进谱新篇', '', '## ——代表审议政府工作报告', '', '### 代表聚焦', '',
    '早行功不负，实干业必成。1月21日，会议闭幕。', '', '#### 奋勇争先推动高质量发展', '',
    '代表们纷纷表示要奋勇争先。', '', '### 时政 快讯', '', '#### 张三调研安全生产工作', '',
    '本报讯（记者 李四）1月21日，张三调研安全生产工作。', '', '#### 王五带队检查文化市场', '',
    '本报讯（记者 赵六）1月20日，王五带队检查文化市场。', '', '他要求确保安全。',
  ].join('\n');

  it('keeps a #### sub-head inside its feature, but makes each #### under a column label a brief', () => {
    expect(summary(md)).toEqual([
      { title: '实干开新局 奋进谱新篇', subtitle: '代表审议政府工作报告', section: '代表聚焦', byline: null, kind: 'feature',
        paragraphs: ['早行功不负，实干业必成。1月21日，会议闭幕。', '奋勇争先推动高质量发展', '代表们纷纷表示要奋勇争先。'] },
      { title: '张三调研安全生产工作', subtitle: null, section: '时政快讯', byline: '记者 李四', kind: 'news',
        paragraphs: ['本报讯（记者 李四）1月21日，张三调研安全生产工作。'] },
      { title: '王五带队检查文化市场', subtitle: null, section: '时政快讯', byline: '记者 赵六', kind: 'news',
        paragraphs: ['本报讯（记者 赵六）1月20日，王五带队检查文化市场。', '他要求确保安全。'] },
    ]);
  });

  it('gives a heading printed after a body to that body when it talks about it', () => {
    const text = [
      '## 深化合作 共促发展', '', '本报讯 9月23日，绵山镇与大学签约合作，推动乡村振兴。', '',
      '绵山镇将发展中药材产业，乡村振兴有了新路子。', '', '## 绵山镇 名校牵手 乡村振兴有奔头', '',
      '## 奋斗百年路 启航新征程', '', '# 推广宣讲经验 提升宣讲水平', '',
      '本报讯 9月27日，宣讲团在张胡村开讲，讲述奋斗百年路的故事。',
    ].join('\n');
    const [a, b] = summary(text);
    expect(a!.title).toBe('绵山镇 名校牵手 乡村振兴有奔头');
    expect(a!.subtitle).toBe('深化合作 共促发展');
    expect(b!.title).toBe('推广宣讲经验 提升宣讲水平');
    expect(b!.subtitle).toBe('奋斗百年路 启航新征程');
  });

  it('a single heading after an article cut off mid-sentence starts a new article (a notice)', () => {
    const text = [
      '# 搭建爱心驿站', '', '本报记者 王非', '', '驿站建成投入使用。', '', '“驿站传递正能量，体现了政府和企业', '',
      '## 某市人民政府关于某某事项的通告', '', '现将有关事项通告如下：', '', '一、即日起施行。', '', '某市人民政府 2021年9月26日',
    ].join('\n');
    const articles = parsePage(page(text));
    expect(articles.map((a) => a.kind)).toEqual(['feature', 'notice']);
    expect(articles[1]!.dateline).toEqual({ text: '2021年9月26日', iso: '2021-09-26' });
    expect(articles[1]!.paragraphs.at(-1)).toBe('某市人民政府 2021年9月26日');
  });

  it('gives an article back the tail OCR printed under another headline', () => {
    const text = [
      '# 推广宣讲经验', '', '本报讯 9月27日，宣讲团在张胡村开讲。', '', '## 永远跟党走 百业百人讲百年', '',
      '对户外劳动者的关爱。爱心驿站负责人王晓红说。', '', '# 搭建“爱心驿站” 筑起“暖心港湾”', '',
      '本报记者 王非', '', '爱心驿站为户外劳动者服务。', '', '“爱心驿站向外界传递出满满的正能量，体现了政府、社会和企业',
    ].join('\n');
    const [talk, station] = parsePage(page(text));
    expect(talk!.paragraphs).toEqual(['本报讯 9月27日，宣讲团在张胡村开讲。']);
    expect(talk!.subtitle).toBe('永远跟党走 百业百人讲百年');
    expect(station!.paragraphs.at(-1)).toBe('“爱心驿站向外界传递出满满的正能量，体现了政府、社会和企业对户外劳动者的关爱。爱心驿站负责人王晓红说。');
  });

  it('makes a photo item from a caption and its credit, after the article whose headline block held it', () => {
    const text = [
      '韦韬在调研群团工作时强调', '', '# 发挥桥梁纽带作用', '', '武晓花参加', '',
      '韦韬在市总工会调研工会工作情况。 梁 琛 摄', '', '本报讯（记者 殷雪鸢）2月20日，韦韬调研群团工作。',
    ].join('\n');
    const [host, photo] = parsePage(page(text));
    expect(host!.subtitle).toBe('韦韬在调研群团工作时强调\n武晓花参加');
    expect(photo).toMatchObject({ kind: 'photo', titleInferred: true, byline: '梁琛 摄', paragraphs: ['韦韬在市总工会调研工会工作情况。'] });
  });
});

describe('plain layout (display lines before bodies)', () => {
  const text = [
    '“四大高地”筑梦现代化 塞上绿都奋进新时代', '', '抬高标杆 争先进位', '', '建市发展看朔州之党建篇', '', '记者 武跃林', '',
    '正文第一段，说明情况。', '', '深化理论武装 凝聚奋进力量', '', '正文第二段，继续说明。', '', '(下转第2版)', '',
    '中共中央国务院关于深化某某改革的意见', '', '(2024年10月12日)', '', '为推动改革，现提出如下意见。', '', '一、总体要求', '',
    '坚持以人民为中心。', '', '国道336项目——', '', '争分夺秒 建设再提速', '', '王文军 吴杰 侯兴', '',
    '为抢抓施工黄金期，公司高效推进项目建设。', '', '据《山西日报》',
  ].join('\n');

  it('reads kicker / headline / subtitle, bylines, sub-heads, documents and reprints', () => {
    const articles = parsePage(page(text));
    expect(articles.map((a) => [a.title, a.subtitle, a.byline, a.kind, a.source])).toEqual([
      ['抬高标杆 争先进位', '“四大高地”筑梦现代化 塞上绿都奋进新时代\n建市发展看朔州之党建篇', '记者 武跃林', 'feature', null],
      ['中共中央国务院关于深化某某改革的意见', '(2024年10月12日)', null, 'document', null],
      ['争分夺秒 建设再提速', '国道336项目', '王文军 吴杰 侯兴', 'feature', '据《山西日报》'],
    ]);
    expect(articles[0]!.paragraphs).toEqual(['正文第一段，说明情况。', '深化理论武装 凝聚奋进力量', '正文第二段，继续说明。']);
    expect(articles[0]!.continues).toEqual({ text: '(下转第2版)', page: 2, articleId: null });
    expect(articles[1]!.paragraphs).toEqual(['为推动改革，现提出如下意见。', '一、总体要求', '坚持以人民为中心。']);
    expect(articles[1]!.dateline).toEqual({ text: '2024年10月12日', iso: '2024-10-12' });
  });

  it('after a news item that opens with a lead, a one-line headline starts a new item, not a sub-head', () => {
    const briefs = ['甲县召开工作会议', '', '本报讯 3月1日，甲县召开工作会议。', '', '乙县新建公园开放', '', '近日，乙县新建的公园正式开放。'].join('\n');
    expect(parsePage(page(briefs)).map((a) => a.title)).toEqual(['甲县召开工作会议', '乙县新建公园开放']);
  });

  it('is detected as plain', () => {
    expect(parsePageDetailed(page(text)).layout).toBe('plain');
  });
});

describe('trailing layout (headline blocks after their bodies)', () => {
  const text = [
    '人大工作，主体是代表，基础在代', '表，活力看代表。', '',
    '把好理论实践“结合关”', '为履职“加油充电”', '',
    '“市人大常委会非常重视代表能力提', '升，培训贯穿代表任期始终。”回', '',
    '望赋能之旅，代表段尚春印象深刻。', '', '（下转第2版）', '',
    '蓄力赋能向前行 履职为民谱新篇', '—— 市人大常委会创新代表学习培训', '',
    '本报记者 李晓雯 通讯员 张丙煦', '',
    '本报讯 （记者毛静）2 月 13 日，全', '市组织部长会议召开，部署全年任务。', '',
    '全市组织部长会议召开', '', '常书铭作出批示',
    '今岁元宵明月好，高朋满座乐未央。我们很骄傲，大家欢聚一堂，我们举办新春联谊会。', '',
    '我们期盼，大家做家乡的推介员。',
  ].join('\n');

  it('closes each body with the headline block printed after it, keeps sub-heads, and leaves an untitled speech', () => {
    const { layout, articles } = parsePageDetailed(page(text));
    expect(layout).toBe('trailing');
    expect(articles).toHaveLength(3);
    const [feature, news, speech] = articles;
    expect(feature).toMatchObject({
      title: '蓄力赋能向前行 履职为民谱新篇', subtitle: '市人大常委会创新代表学习培训', byline: '本报记者 李晓雯 通讯员 张丙煦', kind: 'feature',
      paragraphs: ['人大工作，主体是代表，基础在代表，活力看代表。', '把好理论实践“结合关” 为履职“加油充电”', '“市人大常委会非常重视代表能力提升，培训贯穿代表任期始终。”回望赋能之旅，代表段尚春印象深刻。'],
      continues: { text: '（下转第2版）', page: 2, articleId: null },
    });
    expect(news).toMatchObject({ title: '全市组织部长会议召开', subtitle: '常书铭作出批示', byline: '记者毛静', kind: 'news', dateline: { text: '2月13日', iso: null } });
    expect(news!.paragraphs).toEqual(['本报讯 （记者毛静）2 月 13 日，全市组织部长会议召开，部署全年任务。']);
    expect(speech).toMatchObject({ title: '（无标题）元宵新春联谊会致辞', titleInferred: true, kind: 'document' });
    expect(speech!.paragraphs).toHaveLength(2);
  });
});

describe('trailing layout: news items', () => {
  it('a one-line headline after a news item closes it even when the next body has no lead', () => {
    const text = ['本报讯 3月1日，甲县召开工作会议，部署全年工作。', '', '甲县召开工作会议', '', '近日，乙县新建的公园正式开放。', '', '乙县新建公园开放'].join('\n');
    expect(parsePage(page(text)).map((a) => [a.title, a.paragraphs.length])).toEqual([['甲县召开工作会议', 1], ['乙县新建公园开放', 1]]);
  });
});

describe('markdown details', () => {
  it('drops closing #s of a heading and takes 新华社记者 as a reprint source', () => {
    const [a] = parsePage(page(['## 某书出版发行 ##', '', '新华社记者 王某某', '', '某书近日出版，在全国发行。'].join('\n')));
    expect(a).toMatchObject({ title: '某书出版发行', byline: '新华社记者 王某某', source: '新华社' });
  });
});

describe('layout detection', () => {
  it('tells the three layouts apart', () => {
    expect(detectLayout(tokenize('# 标题一\n\n正文。\n\n## 标题二\n\n正文。'))).toBe('markdown');
    expect(detectLayout(tokenize('标题一\n\n正文，说明。'))).toBe('plain');
    expect(detectLayout(tokenize('正文，说明情况。\n\n标题一\n\n本报讯 正文。'))).toBe('trailing');
    expect(detectLayout(tokenize('近日，社区开展写春联活动。\n\n赵福胜 摄\n\n标题一\n\n本报讯 正文。'))).toBe('plain');
    // A page opening with a continued article's tail: its end decides.
    expect(detectLayout(tokenize('（上接第1版）\n\n续文，说明情况。\n\n标题一\n\n本报讯 正文。'))).toBe('plain');
    expect(detectLayout(tokenize('（上接第1版）\n\n续文，说明情况。\n\n标题一\n\n本报讯 正文。\n\n标题二'))).toBe('trailing');
  });
});

describe('pages, manifest and continuation links', () => {
  const front = ['# 头版文章', '', '本报讯 2月13日，会议召开。', '', '会议要求，继续推进工作。（下转第2版）'].join('\n');
  const second = ['# 头版文章（续）', '', '(上接第1版)', '', '会议强调，狠抓落实。'].join('\n');

  it('lets the manifest supply paper and date, and links 下转/上接 by page number', () => {
    const manifest = { pages: { 'a.txt': { paper: '某某日报', date: '2025-02-14', pageNumber: 1 }, 'b.txt': { paper: '某某日报', date: '2025-02-14', pageNumber: 2 } } };
    const [a, b] = parsePages([page(second, 'b.txt'), page(front, 'a.txt')], manifest);
    expect(a).toMatchObject({ page: 'a.txt', paper: '某某日报', date: '2025-02-14', dateline: { text: '2月13日', iso: '2025-02-13' } });
    expect(a!.continues).toEqual({ text: '（下转第2版）', page: 2, articleId: b!.id });
    expect(b!.continuationOf).toEqual({ text: '(上接第1版)', page: 1, articleId: a!.id });
    expect(a!.paragraphs.at(-1)).toBe('会议要求，继续推进工作。');
  });

  it('leaves links unresolved without page numbers', () => {
    const [a, b] = parsePages([page(front, 'a.txt'), page(second, 'b.txt')]);
    expect(a!.continues!.articleId).toBeNull();
    expect(b!.continuationOf!.articleId).toBeNull();
  });

  it('rejects a bad manifest with an error naming the file and the field', () => {
    expect(() => parsePages([page(front, 'a.txt')], { pages: { 'a.txt': { date: '2025/02/14' } } })).toThrow('manifest.pages["a.txt"].date: expected YYYY-MM-DD, YYYY-MM or YYYY, got "2025/02/14"');
    expect(() => parsePages([], { pages: { 'a.txt': { pageNumber: 0 } } })).toThrow(/pageNumber: expected a positive integer/);
    expect(() => parsePages([], { pages: [] as never })).toThrow(/manifest.pages/);
  });

  it('loses nothing on odd pages: headlines only, an untitled lead, empty text', () => {
    expect(parsePage(page('# 只有标题')).map((a) => [a.title, a.paragraphs.length])).toEqual([['只有标题', 0]]);
    expect(parsePage(page('本报讯 （记者 毛静）3月1日，会议召开。')).map((a) => [a.title, a.titleInferred, a.byline])).toEqual([['（无标题）会议召开', true, '记者 毛静']]);
    expect(parsePage(page(' \n\n '))).toEqual([]);
  });

  it('rejects a page whose text is not a string, naming the page', () => {
    expect(() => parsePage({ name: 'bad.txt', text: undefined as unknown as string })).toThrow(/bad\.txt/);
  });
});
