// The planted-error set for fact checking on xwlb (evaluation only: built in place from ../shared/data/xwlb,
// never copied into the repo). A case is a small draft made from one archive sentence with one planted change
// (or none), its split (dev / held-out, by story), and the span of the draft where a conflict must (or must not)
// be reported. Deterministic for a seed fixed in advance: the same archive and seed give the same set.
import type { Article } from '@jianbao/core';
import { toChinese, fromChinese } from './numerals.js';
import { rng } from '../random.js';

export const SEED = 20261207;

export type CaseKind =
  | 'number-copied' // a figure changed inside a sentence copied whole
  | 'number-restated' // a figure changed inside one clause retold in the draft's own framing
  | 'number-chinese' // a figure in Chinese numerals, changed (or an Arabic figure rewritten in Chinese numerals with another value)
  | 'title' // a person's title changed (another person's real title, or a made one)
  | 'control' // copied or restyled, facts unchanged (三十 for 30 included)
  | 'legit-differs'; // the sentence's own time changed (another year or period) and its figure with it

export interface FactCase {
  id: string;
  split: 'dev' | 'heldout';
  kind: CaseKind;
  /** National / provincial / local / foreign, for titles; how the figure changed, for numbers. */
  sub: string;
  storyId: string;
  draft: string;
  /** The planted span in the draft (for controls: the fact span that must stay quiet). */
  start: number;
  end: number;
  /** The archive's text at the planted position and what the draft prints instead. */
  original: string;
  planted: string;
}

export { rng } from '../random.js';

/** Which half a story belongs to: fixed by the seed, independent of the order stories are read in. */
export function splitOf(storyId: string, seed = SEED): 'dev' | 'heldout' {
  let h = seed >>> 0;
  for (let i = 0; i < storyId.length; i++) h = Math.imul(h ^ storyId.charCodeAt(i), 16777619) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  return (h ^ (h >>> 15)) & 1 ? 'heldout' : 'dev';
}

const UNITS = [
  '万平方米', '平方公里', '平方米', '万千瓦', '千瓦时', '万人次', '亿美元', '亿元', '万元', '亿吨', '万吨', '千瓦', '万亩', '公里', '公顷',
  '千米', '人次', '万人', '万辆', '万户', '万个', '万家', '万名', '万件', '亿人', '万公里', '元', '吨', '亩', '米', '人', '名', '个', '家', '项',
  '件', '次', '户', '座', '所', '台', '辆', '套', '场', '条', '批', '架', '艘', '岁', '颗', '枚', '支', '列', '部', '种', '位', '头', '只',
  '%', '倍', '天', '小时', '公斤', '千克', '亿', '万',
];
const UNIT_ALT = UNITS.map((u) => u.replace('%', '%')).join('|');
/** A figure with its unit, not a date, an ordinal or part of a longer number. */
const ARABIC = new RegExp(`(?<![\\d.第])(\\d{1,7}(?:\\.\\d{1,2})?)(余|多)?(${UNIT_ALT})`, 'g');
const CN_DIGIT = '一二两三四五六七八九十百千万零';
/** A Chinese numeral with 十/百/千/万 in it (三十, 一千二百, 八十七), before a counting unit. */
const CHINESE = new RegExp(`(?<![${CN_DIGIT}第])([${CN_DIGIT}]*[十百千万][${CN_DIGIT}]*)(余|多)?(${UNITS.filter((u) => !/[万亿%]/.test(u[0]!)).join('|')})`, 'g');
const TIME_WORD = /(\d{4})年|前(\d{1,2})个?月|(?!)(\d{1,2})月份?|([一二三四])季度|(上半年|下半年|前三季度)/;

/** Titles with a name after them: level, the title phrase, the name. */
const TITLE_PATTERNS: [string, RegExp][] = [
  ['national', /(国家主席|国家副主席|国务院总理|国务院副总理|国务委员|全国人大常委会委员长|全国人大常委会副委员长|全国政协主席|全国政协副主席|中央军委副主席|最高人民法院院长|最高人民检察院检察长|外交部部长|外交部发言人|商务部部长|国防部部长)([\u4e00-\u9fff]{2,3})(?=[，。、在会出表说主讲同与和应向指强当就对及])/g],
  ['provincial', /((?:北京|天津|上海|重庆)市委书记|(?:北京|天津|上海|重庆)市市长|[\u4e00-\u9fff]{2,3}省委书记|[\u4e00-\u9fff]{2,3}省省长|[\u4e00-\u9fff]{2,5}自治区党委书记|[\u4e00-\u9fff]{2,5}自治区主席)([\u4e00-\u9fff]{2,3})(?=[，。、在会出表说主讲同与和应向指强当就对及])/g],
  ['local', /((?<![省区])[\u4e00-\u9fff]{2,4}市委书记|(?<![省区])[\u4e00-\u9fff]{2,3}市市长|(?<![省区])[\u4e00-\u9fff]{2,3}市长|[\u4e00-\u9fff]{2,3}(?:县委书记|县长|区委书记|州委书记))([\u4e00-\u9fff]{2,3})(?=[，。、在会出表说主讲同与和应向指强当就对及])/g],
  ['foreign', /((?:美国|俄罗斯|法国|德国|英国|日本|韩国|印度|巴西|南非|埃及|伊朗|土耳其|巴基斯坦|印度尼西亚|越南|老挝|柬埔寨|泰国|马来西亚|新加坡|菲律宾|哈萨克斯坦|乌兹别克斯坦|塞尔维亚|匈牙利|意大利|西班牙|澳大利亚|新西兰|阿根廷|智利|秘鲁|墨西哥|古巴|委内瑞拉|沙特阿拉伯|阿联酋|以色列|乌克兰|白俄罗斯|蒙古国|尼日利亚|肯尼亚|埃塞俄比亚|联合国)(?:总统|总理|副总统|外长|首相|国王|秘书长|副总理))([\u4e00-\u9fff·]{2,8}?)(?=[，。、在会出表说主讲同与和应向指强当就对及])/g],
];

/** The post of a title without its place: 广东省委书记 → 省委书记, 埃及总统 → 总统. */
function postOf(title: string): string {
  const m = /(省委书记|省长|自治区党委书记|自治区主席|市委书记|市长|县委书记|县长|区委书记|州委书记|州长|总统|总理|副总统|外长|首相|国王|秘书长|副总理)$/.exec(title);
  return m ? m[1]! : title;
}

const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乜信']);

/** A title and name as printed, not a phrase that happens to fit the pattern (来自10个国家的城市市长及代表). */
function plausible(level: string, title: string, name: string): boolean {
  if (/[的在和与及了是等个各]/.test(title) || /[的在和与及了是等和出会代]/.test(name.slice(1))) return false;
  if (level === 'local' && /^(?:北京|天津|上海|重庆)/.test(title)) return false;
  // A foreign name does not start with a particle or a verb (美国总统和国会议员选举, 法国总理称…); a local post is of a Chinese place.
  if (level === 'foreign' && /^[和与及称说在对将就同为的是已也再]/.test(name)) return false;
  if (level === 'local' && /(?:伦敦|金融城|喀山|莫斯科|纽约|巴黎|东京|首尔)/.test(title)) return false;
  return level === 'foreign' || SURNAMES.has(name[0]!);
}

interface Sentence {
  story: Article;
  para: number;
  text: string;
  /** Previous sentence of the paragraph, for context in copied cases. */
  before: string;
}

function sentencesOf(story: Article): Sentence[] {
  const out: Sentence[] = [];
  story.paragraphs.forEach((p, para) => {
    const parts = p.match(/[^。！？]+[。！？]?/g) ?? [];
    parts.forEach((text, i) => {
      if (text.length >= 16 && text.length <= 220) out.push({ story, para, text, before: i > 0 ? parts[i - 1]! : '' });
    });
  });
  return out;
}

/** One digit of the figure changed (25.8 → 35.8, 1300 → 2300), never to a leading zero. */
function changeDigit(figure: string, rand: () => number): string {
  const positions = [...figure].map((c, i) => (c >= '0' && c <= '9' ? i : -1)).filter((i) => i >= 0);
  const at = positions[Math.floor(rand() * Math.min(positions.length, 2))]!; // the leading digits: the meaningful change
  const old = Number(figure[at]);
  let d = old;
  while (d === old || (d === 0 && at === 0)) d = Math.floor(rand() * 10);
  return figure.slice(0, at) + d + figure.slice(at + 1);
}

/** The clause holding [start, end) of a sentence (between ，；：). */
function clauseAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !'，；：,;:'.includes(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !'，；：。！？,;:'.includes(text[b]!)) b++;
  return [a, b];
}

const OPENERS = ['记者了解到，', '据介绍，', '数据显示，', '另据统计，', '有关负责人表示，', '从相关部门获悉，'];
const CLOSERS = ['。', '，成效明显。', '，进展顺利。', '，各项工作有序推进。'];

interface Budget {
  kind: CaseKind;
  sub: string;
  want: number;
}

/**
 * The set: for each split, the cases of each kind (the counts per split are the minimums asked for,
 * each split its own stories). Stories are visited in a seeded order; at most one case per story and kind.
 */
export function plantCases(stories: readonly Article[], seed = SEED, perSplit = { copied: 70, restated: 45, chinese: 45, title: 60, control: 60, legit: 25 }): FactCase[] {
  const rand = rng(seed);
  const order = stories.filter((s) => s.paragraphs.length).map((s) => ({ s, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const cases: FactCase[] = [];
  for (const split of ['dev', 'heldout'] as const) {
    const mine = order.filter((s) => splitOf(s.id, seed) === split);
    const budgets: Budget[] = [
      { kind: 'number-copied', sub: 'copied', want: perSplit.copied },
      { kind: 'number-restated', sub: 'restated', want: perSplit.restated },
      { kind: 'number-chinese', sub: 'chinese', want: perSplit.chinese },
      // Local titles are rare in national news: the other levels take more.
      ...(['national', 'provincial', 'foreign', 'local'] as const).map((sub) => ({ kind: 'title' as const, sub, want: sub === 'local' ? Math.ceil(perSplit.title / 4) : Math.ceil(perSplit.title / 3) })),
      { kind: 'control', sub: 'numbers', want: Math.ceil(perSplit.control / 2) },
      { kind: 'control', sub: 'titles', want: Math.floor(perSplit.control / 4) },
      { kind: 'control', sub: 'chinese-restyled', want: perSplit.control - Math.ceil(perSplit.control / 2) - Math.floor(perSplit.control / 4) },
      { kind: 'legit-differs', sub: 'period', want: perSplit.legit },
    ];
    for (const b of budgets) {
      let n = 0;
      for (const story of mine) {
        if (n >= b.want) break;
        const sentences = sentencesOf(story);
        const made = plantOne(b, sentences, rand);
        if (!made) continue;
        cases.push({ id: `${split}-${b.kind}-${b.sub}-${String(n).padStart(3, '0')}`, split, kind: b.kind, sub: b.sub, storyId: story.id, ...made });
        n++;
      }
    }
  }
  return cases;
}

type Made = Omit<FactCase, 'id' | 'split' | 'kind' | 'sub' | 'storyId'>;

function pick<T>(list: T[], rand: () => number): T | undefined {
  return list.length ? list[Math.floor(rand() * list.length)] : undefined;
}

/** The figures of a sentence worth planting in: with a unit, not a year or a date. */
function figures(text: string): RegExpExecArray[] {
  return [...text.matchAll(ARABIC)].filter((m) => !/^\d{4}$/.test(m[1]!) || m[3] !== '年');
}

function plantOne(b: Budget, sentences: Sentence[], rand: () => number): Made | null {
  const copied = (s: Sentence, at: number, len: number, planted: string): Made => {
    const prefix = s.before;
    return {
      draft: prefix + s.text.slice(0, at) + planted + s.text.slice(at + len),
      start: prefix.length + at, end: prefix.length + at + planted.length,
      original: s.text.slice(at, at + len), planted,
    };
  };
  switch (b.kind) {
    case 'number-copied': {
      const s = pick(sentences.filter((x) => figures(x.text).length && !TIME_WORD.test(x.text.replace(/\d{4}年/, '')) || figures(x.text).length), rand);
      if (!s) return null;
      const m = pick(figures(s.text), rand)!;
      return copied(s, m.index!, m[1]!.length, changeDigit(m[1]!, rand));
    }
    case 'number-restated': {
      // One clause around the figure, in a new frame: the draft shares only that clause.
      for (const s of sentences) {
        const m = figures(s.text)[0];
        if (!m) continue;
        const [a, z] = clauseAround(s.text, m.index!, m.index! + m[0].length);
        const clause = s.text.slice(a, z);
        if (clause.length < 8 || clause.length > 40) continue;
        const opener = pick(OPENERS, rand)!;
        const closer = pick(CLOSERS, rand)!;
        const planted = changeDigit(m[1]!, rand);
        const at = m.index! - a;
        return {
          draft: opener + clause.slice(0, at) + planted + clause.slice(at + m[1]!.length) + closer,
          start: opener.length + at, end: opener.length + at + planted.length, original: m[1]!, planted,
        };
      }
      return null;
    }
    case 'number-chinese': {
      // Half: a Chinese numeral of the archive changed; half: an Arabic integer rewritten in Chinese numerals, another value.
      const useArchiveChinese = rand() < 0.5;
      for (const s of sentences) {
        if (useArchiveChinese) {
          const m = [...s.text.matchAll(CHINESE)].find((x) => (fromChinese(x[1]!) ?? 0) >= 10);
          if (!m) continue;
          const v = fromChinese(m[1]!)!;
          const planted = toChinese(v + (rand() < 0.5 ? 1 : 10) * (1 + Math.floor(rand() * 3)));
          return copied(s, m.index!, m[1]!.length, planted);
        }
        const m = figures(s.text).find((x) => /^\d+$/.test(x[1]!) && Number(x[1]) >= 2 && Number(x[1]) < 1e5 && !x[3]!.startsWith('%'));
        if (!m) continue;
        const planted = toChinese(Number(changeDigit(m[1]!, rand)));
        return { ...copied(s, m.index!, m[1]!.length, planted), original: m[1]! };
      }
      return null;
    }
    case 'title': {
      for (const s of sentences) {
        const re = TITLE_PATTERNS.find(([level]) => level === b.sub)![1];
        re.lastIndex = 0;
        const m = re.exec(s.text);
        if (!m || !plausible(b.sub, m[1]!, m[2]!)) continue;
        const title = m[1]!;
        const planted = otherTitle(b.sub, title, rand);
        if (!planted || planted === title) continue;
        return copied(s, m.index, title.length, planted);
      }
      return null;
    }
    case 'control': {
      if (b.sub === 'titles') {
        for (const s of sentences) {
          for (const [level, re] of TITLE_PATTERNS) {
            re.lastIndex = 0;
            const m = re.exec(s.text);
            if (m && plausible(level, m[1]!, m[2]!)) return copied(s, m.index, m[1]!.length, m[1]!);
          }
        }
        return null;
      }
      const s = pick(sentences.filter((x) => figures(x.text).length), rand);
      if (!s) return null;
      const m = figures(s.text)[0]!;
      if (b.sub === 'chinese-restyled') {
        if (!/^\d+$/.test(m[1]!) || Number(m[1]) < 2 || Number(m[1]) >= 1e5 || m[3] === '%') return null;
        return { ...copied(s, m.index!, m[1]!.length, toChinese(Number(m[1]))), original: m[1]! };
      }
      return copied(s, m.index!, m[1]!.length, m[1]!);
    }
    case 'legit-differs': {
      // A statement of another period: its own time word moved and its figure with it.
      for (const s of sentences) {
        const t = TIME_WORD.exec(s.text);
        // The figure the time word governs: after it in the same clause run, no other time word between, not an age.
        const m = figures(s.text).find((x) => {
          if (!t || x.index! <= t.index + t[0].length || x.index! >= t.index + t[0].length + 40 || x[3] === '%' || x[3] === '岁') return false;
          const between = s.text.slice(t.index + t[0].length, x.index!);
          return !/[。；;]/.test(between) && !new RegExp(TIME_WORD.source).test(between) && !/\d{1,2}月|\d{1,2}日/.test(between);
        });
        if (!t || !m) continue;
        let newTime: string;
        if (t[1]) newTime = `${Number(t[1]) - 3 - Math.floor(rand() * 3)}年`;
        else if (t[2]) newTime = `前${Number(t[2]) > 3 ? Number(t[2]) - 2 : Number(t[2]) + 2}个月`;
        else if (t[3]) newTime = `${((Number(t[3]) + 5) % 12) + 1}月`;
        else if (t[4]) newTime = `${'一二三四'[('一二三四'.indexOf(t[4]) + 2) % 4]}季度`;
        else newTime = t[5] === '上半年' ? '下半年' : '上半年';
        if (newTime === t[0]) continue;
        const planted = changeDigit(m[1]!, rand);
        const text = s.text.slice(0, t.index) + newTime + s.text.slice(t.index + t[0].length);
        const shift = newTime.length - t[0].length;
        const at = m.index! + shift;
        const draft = text.slice(0, at) + planted + text.slice(at + m[1]!.length);
        return { draft, start: at, end: at + planted.length, original: m[1]!, planted };
      }
      return null;
    }
  }
}

const PROVINCES = ['广东', '浙江', '江苏', '山东', '河南', '四川', '湖北', '湖南', '河北', '福建', '安徽', '江西', '陕西', '山西', '云南', '贵州', '辽宁', '吉林', '甘肃', '海南', '青海', '黑龙江'];
const CITIES = ['太原', '晋中', '大同', '杭州', '宁波', '南京', '苏州', '广州', '深圳', '成都', '武汉', '长沙', '郑州', '西安', '济南', '青岛', '福州', '厦门', '合肥', '昆明'];
const COUNTRIES = ['美国', '俄罗斯', '法国', '德国', '埃及', '巴西', '南非', '印度尼西亚', '越南', '老挝', '柬埔寨', '哈萨克斯坦', '塞尔维亚', '匈牙利'];
const NATIONAL = ['国家主席', '国家副主席', '国务院总理', '国务院副总理', '全国人大常委会委员长', '全国人大常委会副委员长', '全国政协主席', '全国政协副主席', '国务委员'];

/** Another title of the same level: the same post in another place (a real title of another person), or another post. */
function otherTitle(level: string, title: string, rand: () => number): string | null {
  const post = postOf(title);
  const place = title.slice(0, title.length - post.length);
  switch (level) {
    case 'national':
      return pick(NATIONAL.filter((t) => t !== title), rand) ?? null;
    case 'provincial': {
      if (rand() < 0.5) {
        const other = pick(PROVINCES.filter((p) => !place.startsWith(p)), rand)!;
        return post === '省长' ? `${other}省省长` : post === '省委书记' ? `${other}省委书记` : null;
      }
      const swap: Record<string, string> = { 省委书记: '省长', 省长: '省委书记', 市委书记: '市长', 市长: '市委书记', 自治区党委书记: '自治区主席', 自治区主席: '自治区党委书记' };
      if (!swap[post]) return null;
      return (post === '省委书记' ? place + '省' : post === '市委书记' ? place + '市' : place) + swap[post] ;
    }
    case 'local': {
      if (rand() < 0.5) {
        const other = pick(CITIES.filter((c) => !place.startsWith(c)), rand)!;
        if (post !== '市长' && post !== '市委书记') return null;
        return post === '市长' ? `${other}市市长` : `${other}${post}`;
      }
      if (post === '市委书记') return `${place}市市长`;
      if (post === '市长') return `${place.replace(/市$/, '')}市委书记`;
      if (post === '县委书记') return `${place}县长`;
      if (post === '县长') return `${place}县委书记`;
      return null;
    }
    case 'foreign': {
      if (rand() < 0.5) {
        const swap: Record<string, string> = { 总统: '总理', 总理: '总统', 副总统: '总统', 外长: '总理', 首相: '外长', 国王: '总理', 秘书长: '副秘书长', 副总理: '总理' };
        return place + (swap[post] ?? '总理');
      }
      const other = pick(COUNTRIES.filter((c) => c !== place), rand)!;
      return other + post;
    }
  }
  return null;
}
