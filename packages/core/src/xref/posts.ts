import type { Archive } from '../archive.js';
import { articleBody } from '../article.js';
import { gazetteer } from '../lexicon/gazetteer.js';
import { NATIONS } from '../lexicon/world.js';
import { withoutSpaces } from './normalize.js';

/**
 * Posts with their place, as the archive gives them to people: 广东省委书记黄坤明,
 * 国务院总理李强, 埃及总统塞西, 太原市委书记韦韬. A title is compared whole —
 * place and post — so 浙江省委书记 is not 广东省委书记, and national and foreign
 * posts are checked like local ones.
 */
export type PostClass = 'national' | 'provincial' | 'local' | 'foreign';

export interface PostUse {
  /** Place (short form: 广东, 太原, 埃及; '' for national posts) and post (省委书记, 总统, 国务院总理). */
  place: string;
  post: string;
  cls: PostClass;
  /** Offsets of the title (place and post) in the text it was read from. */
  start: number;
  end: number;
  /** The titles as printed before the name, a chain included (省委常委、太原市委书记). */
  printed: string;
  /** Text right after the title: where the name is. */
  after: string;
}

const NATIONAL = [
  '全国人大常委会副委员长', '全国人大常委会委员长', '全国政协副主席', '全国政协主席', '国家副主席', '国家主席', '国务院副总理', '国务院总理', '国务委员',
  '中央军委副主席', '中央军委主席', '最高人民法院院长', '最高人民检察院检察长', '中央书记处书记', '外交部发言人', '外交部部长', '外交部长',
];
const PLACED = ['自治区党委书记', '自治区政府主席', '自治区主席', '省委副书记', '省委书记', '副省长', '省长', '市委副书记', '市委书记', '副市长', '市长', '县委副书记', '县委书记', '副县长', '县长', '区委副书记', '区委书记', '副区长', '区长', '副总统', '总统', '副总理', '总理', '首相', '外长', '国王'];
const POST_RE = new RegExp([...NATIONAL, ...PLACED].join('|'), 'g');
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const FOREIGN_POSTS = new Set(['副总统', '总统', '副总理', '总理', '首相', '外长', '国王']);

/** The lexicon's states (one source), and the two unions whose heads the archive titles like a state's (欧盟 …主席). */
const COUNTRIES = [...NATIONS, '联合国', '欧盟'];

let placeSet: Set<string> | undefined;
/** Place names and short forms a post may follow (广东, 广东省, 太原, 太原市, 埃及). */
function places(): Set<string> {
  if (placeSet) return placeSet;
  placeSet = new Set(COUNTRIES);
  for (const p of gazetteer().values()) {
    placeSet.add(p.name);
    if (p.short) placeSet.add(p.short);
  }
  return placeSet;
}

/** The short form of a place as printed before a post (广东省 → 广东, 太原市 → 太原). */
function shortPlace(name: string): string {
  const p = gazetteer().get(name);
  if (p?.short) return p.short;
  return name.replace(/(?:维吾尔|壮族|回族)?(?:自治区|省|市|县|区)$/, '') || name;
}

const CLAUSE = /[，。：；、“”‘’（）()《》！？,.:;!?\s]/;

/** Every title of a text with its place, in order (offsets into `text`). */
export function postUses(text: string): PostUse[] {
  const known = places();
  const out: PostUse[] = [];
  for (const m of text.matchAll(POST_RE)) {
    let post = m[0];
    let place = '';
    let start = m.index;
    if (!NATIONAL.includes(post)) {
      // The longest place name right before the post: 广东 (省委书记), 太原市 (市长), 新疆维吾尔 (自治区党委书记).
      for (let len = Math.min(10, m.index); len >= 2; len--) {
        const cand = text.slice(m.index - len, m.index);
        if (known.has(cand) || (post.startsWith('自治区') && known.has(cand + '自治区'))) {
          place = shortPlace(post.startsWith('自治区') ? cand + '自治区' : cand);
          start = m.index - len;
          break;
        }
      }
      // The second title of a chain takes the place of the first: 晋中市委副书记、市长 (of 晋中).
      const prev = out[out.length - 1];
      if (!place && prev && prev.place && prev.end === m.index - 1 && text[m.index - 1] === '、' && prev.cls !== 'national') place = prev.place;
      if (!place) {
        // 总理 alone, after 国务院 or with no place at all, is the premier.
        if (post === '总理' && !CLAUSE.test(text[m.index - 1] ?? '，') && text[m.index - 1] !== '院') continue;
        if (post !== '总理') continue;
        post = '国务院总理';
        if (text.slice(m.index - 3, m.index) === '国务院') start = m.index - 3;
      }
    }
    const cls: PostClass = NATIONAL.includes(post) ? 'national'
      : FOREIGN_POSTS.has(post) ? (COUNTRIES.includes(place) ? 'foreign' : 'local')
        : /^(?:自治区|省)/.test(post) || MUNICIPALITIES.has(place) ? 'provincial' : 'local';
    if (cls === 'local' && FOREIGN_POSTS.has(post)) continue; // 总统 of no country: not a post we can place
    // A chain of titles before it (省委常委、太原市委书记): printed with it, for fixes that keep the chain.
    let chainStart = start;
    while (text[chainStart - 1] === '、') {
      let s = chainStart - 1;
      while (s > 0 && chainStart - 1 - s < 16 && !CLAUSE.test(text[s - 1]!)) s--;
      if (!/(?:常委|书记|委员|部长|主任|主席|省长|市长|副总理|总理|国务委员)$/.test(text.slice(s, chainStart - 1))) break;
      chainStart = s;
    }
    out.push({ place, post, cls, start, end: m.index + m[0].length, printed: text.slice(chainStart, m.index + m[0].length), after: text.slice(m.index + m[0].length, m.index + m[0].length + 8) });
  }
  return out;
}

export interface PostRecord {
  place: string;
  post: string;
  cls: PostClass;
  printed: string;
  date: string | null;
  articleId: string;
}

/** Name (as the characters after a title: 2–4, or up to 6 for foreign names) → the titles the archive prints before it. */
export type PostIndex = Map<string, PostRecord[]>;

const indexes = new WeakMap<Archive, PostIndex>();
const HAN = /^[\u4e00-\u9fff·]+$/;

/** The archive's titles by the name after them, built once per archive (one pass over its text). */
export function getPostIndex(archive: Archive): PostIndex {
  let index = indexes.get(archive);
  if (index) return index;
  index = new Map();
  for (const article of archive.articles) {
    const text = withoutSpaces(articleBody(article)).text;
    for (const use of postUses(text)) {
      const record: PostRecord = { place: use.place, post: use.post, cls: use.cls, printed: use.printed, date: article.date, articleId: article.id };
      const most = use.cls === 'foreign' ? 6 : 4;
      for (let len = 2; len <= most; len++) {
        const name = use.after.slice(0, len);
        if (name.length < len || !HAN.test(name)) break;
        const list = index.get(name);
        if (list) list.push(record);
        else index.set(name, [record]);
      }
    }
  }
  indexes.set(archive, index);
  return index;
}

/** Records under the longest name after a title the archive knows. */
export function recordsFor(index: PostIndex, after: string, cls: PostClass, isPerson?: (name: string) => boolean): { name: string; records: PostRecord[] } | null {
  for (let len = cls === 'foreign' ? 6 : 4; len >= 2; len--) {
    const name = after.slice(0, len);
    if (name.length < len) continue;
    const records = index.get(name);
    // A two-character name seen once may be the start of any word, unless the lexicon knows it as a person
    // (韦韬: printed with his place once, as 省委常委、市委书记 elsewhere); a longer one seen once is a name.
    if (records && (records.length >= (len >= 3 ? 1 : 2) || isPerson?.(name))) return { name, records };
  }
  return null;
}

export const sameTitle = (a: { place: string; post: string }, b: { place: string; post: string }) => a.place === b.place && a.post === b.post;

