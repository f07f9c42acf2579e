/** OCR cleanup rules and the small readers the parser is built from, one by one. */
import { describe, expect, it } from 'vitest';
import { foldByline, leadByline, splitClosingByline } from '../src/parse/byline.js';
import { cutOff, dropRepeatedParagraphs } from '../src/parse/cleanup.js';
import { findDateline, toDateline } from '../src/parse/dateline.js';
import { inferMeta, inferMonth, inferPaper, inferYear } from '../src/parse/infer-meta.js';
import { SHANXI_CITIES } from '../src/parse/gazetteer.js';
import {
  bylineLine, continuationLine, headLike, isNameList, parseNumeral, photoCredit, splitTrailingContinuation,
} from '../src/parse/lines.js';
import { readHeads } from '../src/parse/head.js';
import { collapseLetterSpacing, endsSentence, joinLine, searchableText } from '../src/parse/text.js';
import { tokenize } from '../src/parse/tokens.js';
import { untitledTitle } from '../src/parse/untitled.js';

const paras = (text: string) => tokenize(text).filter((t) => t.t === 'para').map((t) => (t as { text: string }).text);

describe('joining OCR line breaks', () => {
  it('joins lines broken mid-word and mid-name inside a paragraph', () => {
    expect(paras('人大工作，主体是代表，基础在代\n表，活力看代表。')).toEqual(['人大工作，主体是代表，基础在代表，活力看代表。']);
    expect(paras('得知消息后，常\n书铭对此充分肯定。')).toEqual(['得知消息后，常书铭对此充分肯定。']);
  });

  it('joins across a blank line while the sentence is unfinished, and not after it ends', () => {
    expect(paras('进一步拓宽了工作思路。”回\n\n望赋能之旅，代表印象深刻。\n\n第二段开始了。')).toEqual([
      '进一步拓宽了工作思路。”回望赋能之旅，代表印象深刻。', '第二段开始了。',
    ]);
  });

  it('starts a paragraph at an enumerated or listed item even after a colon', () => {
    expect(paras('我想用四句话表达心情：\n\n一是万里征程风正劲。')).toEqual(['我想用四句话表达心情：', '一是万里征程风正劲。']);
    expect(paras('方式如下：\n\n2.电邮征集：a@b.cn\n\n3.信件征集：某街1号')).toEqual(['方式如下：', '2.电邮征集：a@b.cn', '3.信件征集：某街1号']);
  });

  it('keeps markdown hard breaks as paragraph ends', () => {
    expect(paras('咨询电话：0354-3025871  \n特此通告')).toEqual(['咨询电话：0354-3025871', '特此通告']);
  });

  it('puts a space only between two Latin words', () => {
    expect(joinLine('推动 5G', '应用')).toBe('推动 5G应用');
    expect(joinLine('Open', 'Source')).toBe('Open Source');
  });

  it('treats a full-width wrapped line without punctuation in a narrow column as body, not a headline', () => {
    const text = ['会议要求，全市组织部门要传承优', '良部风部史，作出新的更大贡献。', '', '榆次区、灵石县、寿阳县及市水利', '局、市卫健委作交流发言。'].join('\n');
    expect(tokenize(text).map((t) => t.t)).toEqual(['para', 'para']);
  });
});

describe('what a line is', () => {
  it('knows sentence ends, including quotes, brackets, dates and 特此通告', () => {
    expect(endsSentence('推进。”')).toBe(true);
    expect(endsSentence('作交流发言。（尹 哲）')).toBe(true);
    expect(endsSentence('办公室 2021年9月26日')).toBe(true);
    expect(endsSentence('特此通告')).toBe(true);
    expect(endsSentence('基础在代')).toBe(false);
    expect(endsSentence('奋力冲刺“开门红”')).toBe(false);
  });

  it('recognises headline-like lines and rejects prose and cut-off lines', () => {
    expect(headLike('重大项目“加速跑” 奋力冲刺“开门红”')).toBe(true);
    expect(headLike('二、强化思想政治引领，团结引导产业工人')).toBe(true);
    expect(headLike('让代表善为有为')).toBe(true);
    expect(headLike('人民日报评论员文章：忠实履行代表职责')).toBe(true);
    expect(headLike('打造原始创新策源地')).toBe(true);
    expect(headLike('咨询电话：0354-3025871')).toBe(false);
    expect(headLike('走进位于市城区顺城西街上的')).toBe(false);
    expect(headLike('会议要求，全市组织部门要传承优')).toBe(false);
    expect(headLike('本报讯 2月21日')).toBe(false);
  });

  it('reads bylines: reporters, bare names with a source, not headlines', () => {
    expect(bylineLine('本报记者 李晓雯 通讯员 张丙煦')).toEqual({ byline: '本报记者 李晓雯 通讯员 张丙煦', source: null });
    expect(bylineLine('袁兆锋 袁兆辉 卢文艳 据《山西日报》')).toEqual({ byline: '袁兆锋 袁兆辉 卢文艳', source: '据《山西日报》' });
    expect(bylineLine('山西日报记者 韩乐 李家鸣')).toEqual({ byline: '山西日报记者 韩乐 李家鸣', source: null });
    expect(bylineLine('抬高标杆 争先进位')).toBeNull();
    expect(bylineLine('时政 快讯')).toBeNull();
    expect(isNameList('丁 洁、王春宇')).toBe(true);
  });

  it('reads photo credits with and without a caption', () => {
    expect(photoCredit('赵福胜 摄')).toEqual({ caption: null, byline: '赵福胜 摄' });
    expect(photoCredit('韦韬在市总工会调研。 梁 琛 摄')).toEqual({ caption: '韦韬在市总工会调研。', byline: '梁 琛 摄' });
    expect(photoCredit('拍摄')).toBeNull();
  });

  it('reads continuation notes on their own line and at a paragraph end', () => {
    expect(continuationLine('(下转第2版)')).toEqual({ text: '(下转第2版)', direction: 'continues', page: 2 });
    expect(continuationLine('（上接第一版）')).toEqual({ text: '（上接第一版）', direction: 'continuationOf', page: 1 });
    expect(splitTrailingContinuation('顺利推进。” （下转第2版）')).toEqual({
      text: '顺利推进。”', note: { text: '（下转第2版）', direction: 'continues', page: 2 },
    });
    expect(splitTrailingContinuation('没有转版。').note).toBeNull();
    expect(parseNumeral('十二')).toBe(12);
    expect(parseNumeral('三十五')).toBe(35);
  });
});

describe('OCR spacing', () => {
  it('searchableText folds spaces inside numbers, dates and names, keeps them between Latin words', () => {
    expect(searchableText('2 月 13 日，共计 220 余名代表')).toBe('2月13日，共计220余名代表');
    expect(searchableText('总投资 25.8 亿元')).toBe('总投资25.8亿元');
    expect(searchableText('（丁 洁、王春宇）')).toBe('（丁洁、王春宇）');
    expect(searchableText('Windows 10 update')).toBe('Windows 10 update');
  });

  it('collapses typesetting letter-spacing in display lines only where single characters stand', () => {
    expect(collapseLetterSpacing('《读本》的 重 要 思 想 学 习 读 本》出 版 发 行')).toBe('《读本》的重要思想学习读本》出版发行');
    expect(collapseLetterSpacing('实干开新局 奋进谱新篇')).toBe('实干开新局 奋进谱新篇');
    expect(foldByline('梁 琛 摄')).toBe('梁琛 摄');
    expect(foldByline('本报记者 李晓雯 通讯员 张丙煦')).toBe('本报记者 李晓雯 通讯员 张丙煦');
  });
});

describe('paragraph cleanup', () => {
  it('drops paragraphs the layout printed twice, keeps short repeats and lone near-copies', () => {
    const first = '代表们高度评价过去一年的成绩，一致认为，推动经济持续回升向好，开辟更加广阔的前景！';
    const a = '人民代表大会制度是我国的根本政治制度，是实现全过程人民民主的重要制度载体。';
    const b = '让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写新篇章！';
    const misread = '重要指示精神，切实把思想统一起来，一致认为，推动经济持续回升向好，开辟更加广阔的前景！';
    // The block [first, a, b] printed again as [misread, a, b]: the whole second copy goes.
    expect(dropRepeatedParagraphs([first, a, b, misread, a, b, '特此通告', '特此通告'])).toEqual([first, a, b, '特此通告', '特此通告']);
    // Without repeats beside it, a paragraph that merely ends like another one stays.
    expect(dropRepeatedParagraphs([first, a, misread])).toEqual([first, a, misread]);
    expect(dropRepeatedParagraphs(['2 月 13 日，会议召开，部署全年工作任务，要求狠抓落实。', '2月13日，会议召开，部署全年工作任务，要求狠抓落实。'])).toHaveLength(1);
  });

  it('knows a paragraph cut off mid-sentence from a signature line', () => {
    expect(cutOff('“驿站传递出满满的正能量，体现了政府、社会和企业')).toBe(true);
    expect(cutOff('晋中市人民政府办公室 2021年9月24日')).toBe(false);
    expect(cutOff('特此通告')).toBe(false);
  });

  it('splits closing bylines in brackets, not other bracketed endings', () => {
    expect(splitClosingByline('不断提升水平。（丁 洁、王春宇）')).toEqual({ text: '不断提升水平。', byline: '丁 洁、王春宇' });
    expect(splitClosingByline('通过了决定（草案）。')).toEqual({ text: '通过了决定（草案）。', byline: null });
    expect(splitClosingByline('列入计划。（修订稿）').byline).toBeNull();
    expect(leadByline('本报讯(记者 赵福胜)1月21日，')).toBe('记者 赵福胜');
    expect(leadByline('本报讯 2月21日，会议召开。')).toBeNull();
  });
});

describe('headline blocks', () => {
  it('reads 引题 / 主题 / 副题 and labels', () => {
    expect(readHeads([{ text: '灵石县', level: null }, { text: '重大项目“加速跑”', level: null }], '', 'trailing').title).toBe('重大项目“加速跑”');
    expect(readHeads([{ text: '引题一 引题二', level: null }, { text: '主题', level: null }, { text: '副题之篇', level: null }], '', 'plain')).toMatchObject({ title: '主题', subtitle: ['引题一 引题二', '副题之篇'] });
    expect(readHeads([{ text: '时政 快讯', level: 3 }, { text: '某某调研安全生产工作', level: 4 }], '', 'markdown')).toMatchObject({ title: '某某调研安全生产工作', section: ['时政快讯'], sectionLevel: 3 });
    expect(readHeads([{ text: '某某在调研时强调', level: null }, { text: '主标题', level: 2 }, { text: '某某参加', level: null }], '', 'markdown')).toMatchObject({ title: '主标题', subtitle: ['某某在调研时强调', '某某参加'] });
  });

  it('generates titles for untitled items', () => {
    expect(untitledTitle(['近日，某社区开展了写春联活动，营造节日氛围。'], true)).toBe('（无标题）图片：某社区开展了写春联活动');
    expect(untitledTitle(['今天是元宵佳节，与大家欢聚一堂。我们很骄傲，我们很感动，连续举办新春联谊会。'], false)).toBe('（无标题）元宵新春联谊会致辞');
  });
});

describe('datelines', () => {
  it('fold OCR spacing and take the year from the issue, across a new year', () => {
    expect(findDateline('本报讯 （记者雷甫）2 月 13 日，市委书记', '2025-02')).toEqual({ text: '2月13日', iso: '2025-02-13' });
    expect(toDateline(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec('12月30日')!, '2025-01')).toEqual({ text: '12月30日', iso: '2024-12-30' });
    expect(findDateline('会议召开，2024年12月27日审议通过。', '2025-02')!.iso).toBe('2024-12-27');
    expect(findDateline('2月13日，会议召开。', null)).toEqual({ text: '2月13日', iso: null });
  });
});

describe('inferring paper and date', () => {
  it('finds the year from plan years, anniversaries, work reviews and full dates', () => {
    expect(inferYear('今年是“十四五”规划收官之年。2024 年成绩显著，2024年再创新高。', null).year).toBe(2025);
    expect(inferYear('“十四五”开局之年', null).year).toBe(2021);
    const shuozhou = SHANXI_CITIES.find((c) => c.name === '朔州')!;
    expect(inferYear('建市三十五周年发展看朔州', shuozhou).year).toBe(2024);
    expect(inferYear('建市三十五周年', null).year).toBeNull();
    expect(inferYear('会议总结 2024年工作，部署 2025年任务。', null).year).toBe(2025);
    expect(inferYear('2021年9月26日', null).year).toBe(2021);
  });

  it('takes the month from news leads only', () => {
    expect(inferMonth(['本报讯（记者 甲）2月13日，会议召开。', '新华社北京2月13日电 某书出版。', '回望 2024 年 7 月，代表视察。'])).toBe(2);
    expect(inferMonth(['没有导语的段落，7月1日。'])).toBeNull();
  });

  it('finds the paper from the places its own reporting names, not from reprints', () => {
    const own = { paragraphs: ['本报讯 市委书记在平遥县、榆次区调研，推动中国式现代化晋中篇章。'], reprint: false };
    const reprint = { paragraphs: ['太原市、太原市、太原市、小店区。'], reprint: true };
    expect(inferPaper([own, reprint]).city?.paper).toBe('晋中日报');
    expect(inferPaper([reprint]).city).toBeNull();
    expect(inferMeta([own, { paragraphs: ['本报讯 2月13日，今年是“十四五”规划收官之年。'], reprint: false }])).toMatchObject({ paper: '晋中日报', date: '2025-02' });
  });
});
