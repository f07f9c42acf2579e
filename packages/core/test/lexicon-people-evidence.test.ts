import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { buildLexicon } from '../src/lexicon/build.js';
import { extractEvidencedPeople, extractListedPeople, extractReporters, looksForeign } from '../src/lexicon/people-evidence.js';
import { extractPeopleBeforeTitles, foreignNameBefore } from '../src/lexicon/people.js';

const names = (text: string, known: string[] = []) => extractEvidencedPeople(text, new Set(known)).map((c) => c.name);
const listed = (text: string, known: string[]) => extractListedPeople(text, new Set(known)).map((c) => c.name);

describe('people named without a title (issue 13)', () => {
  it('speech or a meeting right after a name that opens a clause', () => {
    expect(names('克林顿说，他将向中方转达。')).toEqual(['克林顿']);
    expect(names('发布会上，马跃南表示，队伍重新集结。')).toEqual(['马跃南']);
    expect(names('●温家宝会见芬兰农林部长。')).toEqual(['温家宝']);
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
