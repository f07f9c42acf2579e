import { gazetteer } from './gazetteer.js';
import type { Candidate } from './candidate.js';
import { looksLikeName } from './people.js';
import { COMMON_SURNAMES, OFFICE_TITLES, STATE_NAMES_NOT_PEOPLE, TRANSLIT } from './people-words.js';
import { COUNTRIES, NEVER_IN_NAME, TITLES, TITLES_AFTER } from './words.js';
import { isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';

/**
 * People named without a title beside them: contexts that only people have, read archive-wide.
 * - speech after a name that opens a clause (克林顿说, 李富林扳着手指说 is not taken: the verb must follow the name);
 * - a doctrine or a life event named after a person (邓小平理论, 毛泽东思想, 马克思主义, 周恩来诞辰, 彭真生前);
 * - 同志 / 先生 / 女士 after a name (见到毛泽东同志): the left edge may be a verb, the name shape decides;
 * - a list (、 和 与) beside a name the archive already knows as a person (毛泽东、邓小平、江泽民).
 * Like a title, the evidence must come with a tenth of the name's occurrences (the builder checks that).
 * None of these gives a role: a role is only what is printed as an office.
 */

const SPEECH = ['表示', '说', '指出', '认为', '告诉', '强调', '介绍', '坦言', '透露', '会见', '会晤', '接见', '会谈'];
/** Adverbs and time words that may stand between a speaker and the verb (也表示, 进一步指出, 当天表示). */
const SPEECH_ADVERBS = ['进一步', '再次', '同时', '随后', '当天', '当日', '今天', '昨天', '日前', '近日', '也', '还', '则', '又', '曾'];
/** Words after a name that only a person's name takes (a doctrine, a life event, a form of address). */
const PERSON_COMPOUNDS = ['理论', '思想', '主义', '同志', '先生', '女士', '诞辰', '生前', '逝世', '故居', '遗孀', '夫人', '之子', '之女', '本人'];
/** First characters of the words this module looks for: most positions are skipped on one Set lookup. */
const FIRSTS = new Set([...SPEECH, ...PERSON_COMPOUNDS].map((w) => w[0]!));
/** Last characters of the verbs before a doctrine (围绕, 学习, 宣传, 坚持, 运用, 按照, 遵循, 掌握, 研读, 高举, 指导). */
const DOCTRINE_VERB_ENDS = new Set('绕习传持用照循握读举导');
/** Of them, those a bare foreign name (two characters: 列宁主义) or a place would never take alone. */
const DOCTRINES = new Set(['理论', '思想', '主义']);

let placeCache: Set<string> | undefined;
/** Places by full name and short form (吉林, 太原) and countries: never a name, however they are spelled. */
const placeWords = () => (placeCache ??= new Set([...gazetteer().keys(), ...[...gazetteer().values()].flatMap((p) => (p.short ? [p.short] : [])), ...COUNTRIES, ...STATE_NAMES_NOT_PEOPLE]));
/** Last characters of bodies and sources, not of names (巴媒称, 乌军方表示, 文章指出, 白皮书指出, 贺词说). */
const NOT_LAST = new Set('媒方报社网章词书会部院局团队厅处所台站省市县区村镇党界版谚');
/** Titles: a name shape ending in one is a surname and an office (郑主席, 施站长, 李院士). */
const TITLE_ENDS = [...new Set([...TITLES, ...TITLES_AFTER, ...OFFICE_TITLES])];

/** A transliterated foreign name written without a joiner: three to six transliteration characters, not a place. */
export function looksForeign(name: string): boolean {
  if (name.length < 3 || name.length > 6) return false;
  for (const c of name) if (!TRANSLIT.has(c)) return false;
  // 埃米尔纳瓦夫: an office glued to a name is no name.
  return !placeWords().has(name) && !NOT_LAST.has(name[name.length - 1]!) && !OFFICE_TITLES.some((t) => name.includes(t));
}

/** A name shape: Chinese (surname + given name, not a place) or a transliterated foreign name. */
const shaped = (name: string): boolean =>
  (looksLikeName(name) && !placeWords().has(name) && !NOT_LAST.has(name[name.length - 1]!) && !(name.length === 2 && NOT_GIVEN.has(name[1]!)) && !TITLE_ENDS.some((t) => name.endsWith(t))) ||
  looksForeign(name);
/** A second character that makes a form of address, not a name (胡老, 王总, 李某, 张氏). */
const NOT_GIVEN = new Set('老总某氏家们');

/** Can a name start at i, judging by what precedes it: punctuation, or a character that never ends a name. */
const leftEdge = (text: string, i: number): boolean => isDelimiter(text, i - 1) || !isHan(text[i - 1]) || NEVER_IN_NAME.has(text[i - 1]!) || '到见和与及、'.includes(text[i - 1]!);

/** The name that ends at `end`, read back: a known name first (陈云 in 解陈云), then the longest name shape with a left edge. */
function nameEndingAt(text: string, end: number, known: ReadonlySet<string>, foreignOk: boolean, doctrine?: string): string | null {
  for (let len = 6; len >= 2; len--) {
    const start = end - len;
    if (start >= 0 && known.has(text.slice(start, end))) return text.slice(start, end);
  }
  for (let len = 3; len >= 2; len--) {
    const start = end - len;
    // 围绕邓小平理论, 学习毛泽东思想: before a doctrine, the verb that studies or follows it is an edge too (not 习近平文化思想).
    if (start < 0 || (!leftEdge(text, start) && !(doctrine && DOCTRINE_VERB_ENDS.has(text[start - 1]!)))) continue;
    const name = text.slice(start, end);
    // 邓小平理论 but not 单边主义: a doctrine after a Chinese name of three characters, and never 主义 (马克思主义 is foreign).
    if ((len === 3 || !doctrine) && doctrine !== '主义' && shaped(name) && !looksForeign(name)) return name;
  }
  // 祝贺布拉特先生, 学习马克思主义: a foreign name's left edge is where its run of transliteration characters starts.
  if (!foreignOk) return null;
  for (let len = 6; len >= 3; len--) {
    const name = text.slice(Math.max(0, end - len), end);
    if (name.length === len && looksForeign(name) && (end - len === 0 || !TRANSLIT.has(text[end - len - 1]!))) return name;
  }
  return null;
}

/** The candidates of one text (no roles). */
export function extractEvidencedPeople(text: string, known: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const push = (name: string | null) => {
    if (name) out.push({ kind: 'person', name, roles: [] });
  };
  for (let i = 2; i < text.length; i++) {
    const c = text[i]!;
    if (!FIRSTS.has(c)) continue;
    // Speech right after a name that opens a clause.
    if (SPEECH.some((v) => text.startsWith(v, i))) {
      // 许传音进一步指出, 普京当天表示: one adverb or time word may stand between the name and the verb.
      const between = SPEECH_ADVERBS.find((w) => text.endsWith(w, i)) ?? '';
      const end = i - between.length;
      for (let len = 6; len >= 2; len--) {
        const start = end - len;
        // The part after · (艾曼·苏桑当天表示) is no name alone.
        if (start < 0 || !(isDelimiter(text, start - 1) || !isHan(text[start - 1])) || NAME_JOINERS.includes(text[start - 1] ?? '#')) continue;
        const name = text.slice(start, end);
        if (len <= 3 ? shaped(name) : looksForeign(name)) {
          push(name);
          break;
        }
      }
      continue;
    }
    const compound = PERSON_COMPOUNDS.find((w) => w[0] === c && text.startsWith(w, i));
    if (compound) {
      push(nameEndingAt(text, i, known, DOCTRINES.has(compound) || compound.length === 2, DOCTRINES.has(compound) ? compound : undefined));
      continue;
    }
  }
  return out;
}

/** Reporters named inside a dateline (新华社北京12日电记者赵嘉鸣报道, 记者符福洲、周德武报道): the role is the byline's. */
const REPORTER_RE = /(记者|通讯员)((?:[\u4e00-\u9fff]{2,3}、)*[\u4e00-\u9fff]{2,3})(?=报道|摄)/g;

export function extractReporters(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(REPORTER_RE)) {
    const names = m[2]!.split('、');
    if (names.every((n) => looksLikeName(n) && !placeWords().has(n))) for (const name of names) out.push({ kind: 'person', name, roles: [m[1]!] });
  }
  return out;
}

/** Lists beside a known person: 毛泽东、邓小平、江泽民; 许银川与吴贵临. Both ends of both names must show. */
export function extractListedPeople(
  text: string,
  known: ReadonlySet<string>,
  notPeople: ReadonlySet<string> = new Set(),
  shortListed: ReadonlySet<string> = new Set(),
): Candidate[] {
  const out: Candidate[] = [];
  // Two characters (海上 beside 陆上, 何新 in 任何新的) only where the archive lists the name in half its printings.
  const push = (name: string) => {
    if ((name.length >= 3 || shortListed.has(name)) && !notPeople.has(name)) out.push({ kind: 'person', name, roles: [] });
  };
  const joiner = (k: number) => listEdge(text, k);
  for (let j = 2; j < text.length - 2; j++) {
    if (!JOINS.includes(text[j]!)) continue;
    const leftKnown = [2, 3, 4, 5, 6].some((len) => j - len >= 0 && known.has(text.slice(j - len, j)));
    // A known name right of the list word must not run on into a place (阿巴斯港、锡里克 lists a port, not 阿巴斯).
    const rightKnown = [2, 3, 4, 5, 6].some((len) => known.has(text.slice(j + 1, j + 1 + len)) && !PLACE_ENDS.has(text[j + 1 + len] ?? ''));
    if (leftKnown) {
      const len = [3, 2, 4, 5, 6].find((n) => j + 1 + n <= text.length && shaped(text.slice(j + 1, j + 1 + n)) && joiner(j + 1 + n));
      if (len && !known.has(text.slice(j + 1, j + 1 + len))) push(text.slice(j + 1, j + 1 + len));
    }
    if (rightKnown) {
      const len = [3, 2, 4, 5, 6].find((n) => j - n >= 0 && shaped(text.slice(j - n, j)) && joiner(j - n - 1));
      if (len && !known.has(text.slice(j - len, j))) push(text.slice(j - len, j));
    }
  }
  return out;
}

const JOINS = '、和与及';
const NAME_JOINERS = '·-－';
/** Characters that make a name before them a place's (阿巴斯港, 伊朗锡里克岛). */
const PLACE_ENDS = new Set('港市省县州岛湾河山城镇村区');
/** Position words that end a two-character list item as a place or a side, not a given name (陆上, 海外). */
const NOT_SHORT_GIVEN = new Set('上下里外内前后间边面部方');

/** A list item's edge: punctuation or a list word, not the joiner inside a foreign name (雪克来提·扎克尔 is one name). */
const listEdge = (text: string, k: number): boolean => (isDelimiter(text, k) && !NAME_JOINERS.includes(text[k] ?? '#')) || JOINS.includes(text[k] ?? '#');

/**
 * Two-character names printed as an item of a list (、李聪、, 侯凯　侯建国): a common surname, a list word or a gap on
 * one side and an edge on the other. The builder keeps those listed in half their printings (not 何新 in 任何新的).
 */
export function shortListedNames(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= text.length; i++) {
    if (!COMMON_SURNAMES.has(text[i]!) || !listEdge(text, i - 1) || !listEdge(text, i + 2)) continue;
    if (!('、和与及　 '.includes(text[i - 1] ?? '#') || '、和与及　 '.includes(text[i + 2] ?? '#'))) continue;
    const name = text.slice(i, i + 2);
    if (looksLikeName(name) && !NOT_GIVEN.has(name[1]!) && !NOT_SHORT_GIVEN.has(name[1]!) && !placeWords().has(name)) out.push(name);
  }
  return out;
}

/** Contexts of places and bodies, not of people (锡里克地区, 迪莫纳位于; 穆迪公司, 评级机构惠誉, 品牌比亚迪). */
const NOT_PERSON_AFTER = ['地区', '位于', '附近', '一带', '境内', '两地', '等地', '公司', '集团', '股份', '汽车', '品牌', '银行'];
const NOT_PERSON_BEFORE = ['城市', '机构', '企业', '品牌', '南部', '北部', '东部', '西部', '中部'];
let notPersonAfterCache: WordFinder | undefined;
let notPersonBeforeCache: WordFinder | undefined;

/**
 * Names this text prints where only a place or a body stands (one entry a printing). The builder sets them against
 * the name's person evidence: a name printed so at least half as often as with a title or speech is not a person.
 */
export function notPersonNames(text: string): string[] {
  const out: string[] = [];
  for (const w of (notPersonAfterCache ??= wordFinder(NOT_PERSON_AFTER)).find(text)) {
    // The run of transliteration characters before the word (锡里克), or a Chinese name shape of two or three.
    let s = w.start;
    while (s > 0 && w.start - s < 6 && TRANSLIT.has(text[s - 1]!)) s--;
    if (w.start - s >= 2) out.push(text.slice(s, w.start));
    for (const len of [2, 3]) if (w.start - len !== s && w.start - len >= 0 && looksLikeName(text.slice(w.start - len, w.start))) out.push(text.slice(w.start - len, w.start));
  }
  for (const w of (notPersonBeforeCache ??= wordFinder(NOT_PERSON_BEFORE)).find(text)) {
    let e = w.end;
    while (e < text.length && e - w.end < 6 && TRANSLIT.has(text[e]!)) e++;
    if (e - w.end >= 2) out.push(text.slice(w.end, e));
    for (const len of [2, 3]) if (w.end + len !== e && looksLikeName(text.slice(w.end, w.end + len))) out.push(text.slice(w.end, w.end + len));
  }
  return out;
}
