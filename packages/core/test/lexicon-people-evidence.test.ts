import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { buildLexicon } from '../src/lexicon/build.js';
import { extractEvidencedPeople, extractListedPeople, extractReporters, looksForeign, notPersonNames, shortListedNames } from '../src/lexicon/people-evidence.js';
import { extractPeopleBeforeTitles, foreignNameBefore } from '../src/lexicon/people.js';

const names = (text: string, known: string[] = []) => extractEvidencedPeople(text, new Set(known)).map((c) => c.name);
const listed = (text: string, known: string[]) => extractListedPeople(text, new Set(known)).map((c) => c.name);

describe('people named without a title (issue 13)', () => {
  it('speech or a meeting right after a name that opens a clause', () => {
    expect(names('克林顿说，他将向中方转达。')).toEqual(['克林顿']);
    expect(names('发布会上，马跃南表示，队伍重新集结。')).toEqual(['马跃南']);
    expect(names('●温家宝会见芬兰农林部长。')).toEqual(['温家宝']);
    // One adverb or time word may stand between (许传音进一步指出, 普京当天表示).
    expect(names('许传音进一步指出，这是事实。普京当天表示，将继续对话。')).toEqual(['许传音', '普京']);
    expect(names('特大使艾曼·苏桑当天表示，愿意合作。')).toEqual([]);
    // Bodies and sources speak too: not names.
    expect(names('巴媒称，文章指出，白皮书指出，乌军方表示，新年贺词说。')).toEqual([]);
    // 荣誉称号: 称 is no verb of speech here.
    expect(names('授予荣誉称号。')).toEqual([]);
  });

  it('a doctrine or a form of address after a name', () => {
    expect(names('骨干教师围绕邓小平理论，宣传毛泽东思想。')).toEqual(['邓小平', '毛泽东']);
    expect(names('学习马克思主义，反对官僚主义和单边主义。')).toEqual(['马克思']);
    expect(names('他第一次见到毛泽东同志是在1949年。')).toEqual(['毛泽东']);
    expect(names('我们衷心祝贺布拉特先生当选。')).toEqual(['布拉特']);
    // A known name inside a longer shape wins (解陈云 is no name); an office glued on is no name (郑主席同志).
    expect(names('要了解陈云同志的思想。', ['陈云'])).toEqual(['陈云']);
    expect(names('解放思想，实事求是。')).toEqual([]);
  });

  it('reporters inside a dateline', () => {
    expect(extractReporters('新华社平壤12日电记者赵嘉鸣报道：据朝中社报道').map((c) => c.name)).toEqual(['赵嘉鸣']);
    expect(extractReporters('本报北京7月27日讯记者符福洲、周德武报道：').map((c) => c.name)).toEqual(['符福洲', '周德武']);
  });

  it('a foreign name before an office, written without ·', () => {
    expect(extractPeopleBeforeTitles('今天同克林顿总统通了电话。', new Set()).map((c) => c.name)).toEqual(['克林顿']);
    expect(extractPeopleBeforeTitles('俄罗斯总统和巴西总统出席。', new Set())).toEqual([]);
    expect(foreignNameBefore('同基里延科总理会见', 5)).toBe('基里延科');
    expect(foreignNameBefore('会见主席托卡耶夫总统', 8)).toBe(null);
  });

  it('a list beside a known person', () => {
    expect(listed('重点图书《毛泽东、邓小平、江泽民新闻宣传思想》', ['江泽民'])).toEqual(['邓小平']);
    expect(listed('内蒙古、黑龙江以及吉林先后出现降雪。', ['黑龙江'])).toEqual([]);
  });

  it('a list item: both names show their ends, and a known name that runs on into a place is none', () => {
    // 雪克来提·扎克尔 is one name: the part after · is no list item.
    expect(listed('王小洪、雪克来提·扎克尔、谌贻琴出席。', ['谌贻琴'])).toEqual([]);
    expect(listed('伊朗南部格什姆岛、锡里克、阿巴斯港传出爆炸声。', ['阿巴斯'])).toEqual([]);
    // Two characters only where the archive lists the name in half its printings (the builder's shortListed).
    expect(listed('航天员叶光富、李聪、李广苏出舱。', ['叶光富'])).toEqual([]);
    expect(extractListedPeople('航天员叶光富、李聪、李广苏出舱。', new Set(['叶光富']), new Set(), new Set(['李聪'])).map((c) => c.name)).toEqual(['李聪']);
    expect(shortListedNames('航天员叶光富、李聪、李广苏；任何新的行动。')).toEqual(['李聪']);
    expect(shortListedNames('海上、陆上和空中。')).toEqual([]);
  });

  it('names printed where only a place or a body stands', () => {
    expect(notPersonNames('伊朗南部锡里克地区传出爆炸声，迪莫纳位于内盖夫沙漠。')).toEqual(expect.arrayContaining(['锡里克', '迪莫纳']));
    expect(notPersonNames('国际评级机构惠誉24日宣布，穆迪公司表示。')).toEqual(expect.arrayContaining(['惠誉', '穆迪']));
    expect(notPersonNames('克林顿说，他将向中方转达。')).toEqual([]);
  });

  it('the archive decides against pieces of longer names, glued words, places and bodies', () => {
    const article = (i: number, text: string): Article => ({
      id: `a${i}`, paper: null, date: null, page: `p${i}`, title: '', titleInferred: false, subtitle: null, section: null, byline: null,
      dateline: null, kind: 'news', source: null, paragraphs: [text], continues: null, continuationOf: null,
    });
    const people = (texts: string[]) => buildLexicon(texts.map((t, i) => article(i, t))).filter((t) => t.kind === 'person').map((t) => t.name).sort();
    // 梅内 has a title once, but is printed inside 哈梅内伊 (a name the archive counts: 哈梅内伊表示) far more often.
    const khamenei = Array.from({ length: 12 }, () => '伊朗最高领袖哈梅内伊表示，将作出回应。');
    expect(people(['非洲大陆自贸区秘书长梅内出席。', ...khamenei])).not.toContain('梅内');
    expect(people(['非洲大陆自贸区秘书长梅内出席。', '梅内表示，贸易将增长。'])).toContain('梅内');
    // A body that speaks (惠誉表示) but is printed as a body as often.
    expect(people(['惠誉表示，美国财政恶化。', '国际评级机构惠誉24日宣布下调评级。'])).not.toContain('惠誉');
    // 忠于马克思主义: 于 is no part of the name the doctrine names more often alone.
    expect(people(['坚持马克思主义。', '学习马克思主义。', '运用马克思主义。', '忠于马克思主义。'])).toEqual(['马克思']);
  });

  it('foreign shapes are runs of transliteration characters that are not places or offices', () => {
    expect(looksForeign('克林顿')).toBe(true);
    expect(looksForeign('俄罗斯')).toBe(false);
    expect(looksForeign('埃米尔纳瓦夫')).toBe(false);
  });

  it('the archive decides: a name so evidenced becomes a person term with no role', () => {
    const article = (i: number, text: string): Article => ({
      id: `a${i}`, paper: null, date: null, page: `p${i}`, title: '', titleInferred: false, subtitle: null, section: null, byline: null,
      dateline: null, kind: 'news', source: null, paragraphs: [text], continues: null, continuationOf: null,
    });
    const terms = buildLexicon([article(1, '骨干教师围绕邓小平理论开展学习。'), article(2, '邓小平同志多次讲过。')]);
    const deng = terms.find((t) => t.name === '邓小平');
    expect(deng?.kind).toBe('person');
    expect(deng?.roles).toEqual([]);
    expect(deng?.mentions.length).toBe(2);
  });
});
