import { articleBody, type Article } from '../article.js';
import { compactText } from '../text/compact.js';
import { foldText } from '../text/fold.js';

/** One title the archive gives a person, in one article. */
export interface Role {
  title: string;
  articleId: string;
  date: string | null;
}

/** Person name (and alias) → the titles the archive gives them. */
export type PersonDirectory = Map<string, Role[]>;

/**
 * The post a title names, without the place: 晋中市委书记 → 市委书记,
 * 晋中市市长 → 市长, 省委常委 → 省委常委. Two titles are the same post when
 * their cores are equal.
 */
const ORG = '(?:[省市县区](?:委|人大常委会|政协|政府|纪委|监委))';
const POST = '(?:常务)?副?(?:书记|主任|主席|秘书长|部长|省长|市长|县长|区长|常委|委员)';
const CORE_AT_END = new RegExp(`${ORG}?${POST}$`);
export const POST_GLOBAL = new RegExp(`${ORG}?${POST}`, 'g');

export function titleCore(title: string): string | null {
  const m = CORE_AT_END.exec(foldText(title).replace(/\s+/g, ''));
  return m ? m[0] : null;
}

/**
 * The chain of titles printed right before `end` in `text`
 * (省委常委、太原市委书记韦韬 → 省委常委, 市委书记), with the range of the one
 * nearest the name. Place names between titles (太原) are skipped.
 */
export function titlesBefore(text: string, end: number): { cores: string[]; start: number } | null {
  const cores: string[] = [];
  let at = end;
  let nearest = -1;
  for (let guard = 0; guard < 4; guard++) {
    const window = text.slice(Math.max(0, at - 14), at);
    const m = CORE_AT_END.exec(window);
    if (!m) break;
    cores.push(m[0]);
    at -= m[0].length;
    if (nearest < 0) nearest = at;
    // A place name (up to 6 characters) may lead the title; then 、 links the next title.
    const lead = /(?:^|[、，])([\u4e00-\u9fff]{0,6})$/.exec(text.slice(Math.max(0, at - 8), at));
    const sep = lead ? at - lead[1]!.length - 1 : -1;
    if (sep >= 0 && text[sep] === '、') at = sep;
    else break;
  }
  return cores.length ? { cores, start: nearest } : null;
}

// ~120 most common surnames: the fallback's test that two or three characters after a title are a name.
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乜']);
// What follows a name in news prose: a verb of the report or punctuation.
const AFTER_NAME = /^(?:[在主出讲表说介深带一等会参调到来陪率作为指和同代向对于就强要提宣致看走听考检督慰接颁致，、。（(：:\s]|$)/;

/**
 * A directory built from the archive text alone: every 〈title〉〈surname +
 * 1–2 characters〉 followed by what follows names in news prose. The
 * lexicon's person terms replace it where available (see lexicon-adapter).
 */
export function directoryFromText(articles: readonly Article[]): PersonDirectory {
  const directory: PersonDirectory = new Map();
  for (const article of articles) {
    const text = foldText(compactText(articleBody(article)).text);
    for (const m of text.matchAll(POST_GLOBAL)) {
      const after = m.index + m[0].length;
      if (!SURNAMES.has(text[after] ?? '')) continue;
      let name: string | null = null;
      for (const len of [3, 2]) {
        const cand = text.slice(after, after + len);
        if (/^[\u4e00-\u9fff]+$/.test(cand) && cand.length === len && !/[于在的和是与及]/.test(cand) && AFTER_NAME.test(text.slice(after + len, after + len + 1))) {
          name = cand;
          break;
        }
      }
      if (!name) continue;
      const chain = titlesBefore(text, after);
      if (!chain) continue;
      const roles = directory.get(name) ?? [];
      for (const core of chain.cores) roles.push({ title: core, articleId: article.id, date: article.date });
      directory.set(name, roles);
    }
  }
  return directory;
}
