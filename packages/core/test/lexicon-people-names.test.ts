import { describe, expect, it } from 'vitest';
import { extractTitledPeople, type ArticleContext } from '../src/lexicon/extract.js';

const none: ArticleContext = { city: null, province: null };
const people = (text: string, known: string[] = []) => extractTitledPeople(text, none, new Set(known)).map((c) => `${c.name}:${c.roles?.[0] ?? ''}`);

describe('where a name ends and its title starts (issue 13)', () => {
  it('a word that follows names, starting at a third character, leaves the name two characters', () => {
    expect(people('国家主席习近平向牙买加总督艾伦致慰问电。')).toContain('艾伦:牙买加总督');
    expect(people('中国社会科学院社会发展战略研究院院长张翼应邀作报告。')).toEqual(['张翼:中国社会科学院社会发展战略研究院院长']);
    expect(people('省委书记刘奇作出批示。')).toEqual(['刘奇:省委书记']);
    expect(people('全国人大常委会法工委副主任刘奇作的关于草案的说明。')).toEqual(['刘奇:全国人大常委会法工委副主任']);
    // 互致贺电 after a two-character name is no name 普京互; a three-character name stays whole when no such word starts inside it.
    expect(people('俄罗斯总统普京互致贺电。')).toEqual(['普京:俄罗斯总统']);
    expect(people('省委书记刘奇葆出席。')).toEqual(['刘奇葆:省委书记']);
  });

  it('a reign number, a joiner and a known longer foreign name belong to the name', () => {
    expect(people('首相苏纳克已经向国王查尔斯三世递交辞呈。', ['查尔斯'])).toContain('查尔斯三世:国王');
    expect(people('俄罗斯副总理亚历山大·诺瓦克10日表示。')).toEqual(['亚历山大·诺瓦克:俄罗斯副总理']);
    expect(people('马拉维总统查克维拉今天表示。', ['查克', '查克维拉'])).toEqual(['查克维拉:马拉维总统']);
  });

  it('a joined name starts with a transliteration character; a country after 、 starts the next title', () => {
    expect(people('苹果公司董事会主席蒂姆·库克表示。').map((p) => p.split(':')[0])).not.toContain('会主席蒂姆·库克');
    expect(people('马拉维总统查克维拉、坦桑尼亚桑给巴尔总统姆维尼出席。', ['查克维拉'])).toEqual(['查克维拉:马拉维总统', '姆维尼:坦桑尼亚桑给巴尔总统']);
  });

  it('a short bracket inside a country or body name is part of the title; a verb of meeting is not', () => {
    expect(people('同来华进行国事访问的刚果（金）总统齐塞克迪举行会谈。')).toEqual(['齐塞克迪:刚果（金）总统']);
    expect(people('中共中央政治局常委、中央党校（国家行政学院）校长（院长）蔡奇出席。')).toEqual(['蔡奇:中共中央政治局常委、中央党校（国家行政学院）校长（院长）']);
    expect(people('二十大代表谢兰是社区党委书记。')).toEqual(['谢兰:二十大代表']);
    expect(people('我们来认识新疆金风科技股份有限公司董事长武钢。')).toEqual(['武钢:新疆金风科技股份有限公司董事长']);
  });
});
