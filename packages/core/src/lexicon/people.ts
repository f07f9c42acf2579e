import { gazetteer } from './gazetteer.js';
import { allHan, isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';
import type { ArticleContext, Candidate } from './candidate.js';
import { BREAK_EXCEPT, NOT_ROLES, OFFICE_TITLES, ROLE_BREAKS, SPLIT_FOLLOWERS, STATE_NAMES_NOT_PEOPLE, TRANSLIT } from './people-words.js';
import { COMPOUND_SURNAMES, COUNTRIES, LEADING_VERBS, NAME_FOLLOWERS, NEVER_IN_NAME, NOT_NAMES, SURNAMES, TITLES, TITLES_AFTER, WEAK_TITLES } from './words.js';

/** People: names anchored on titles before (省委书记X) or after (X主席), and appointment notices. */

let titleFinderCache: WordFinder | undefined;
/** Every title printed before a name: the local ones and national, foreign and international offices. */
const ALL_TITLES = [...new Set([...TITLES, ...OFFICE_TITLES])].sort((a, b) => b.length - a.length);
const titleFinder = () => (titleFinderCache ??= wordFinder(ALL_TITLES));
let titlesAfterFinderCache: WordFinder | undefined;
const titlesAfterFinder = () => (titlesAfterFinderCache ??= wordFinder([...TITLES_AFTER, '副委员长', '国王', '首相', '王储']));
let nameFollowersCache: Set<string> | undefined;
const nameFollowers = () => (nameFollowersCache ??= new Set(NAME_FOLLOWERS));

/** How strongly position i ends a name: 3 punctuation/end, 2 a multi-character follower word, 1 a one-character follower, 0 none. */
function boundaryStrength(text: string, i: number, known: ReadonlySet<string>): number {
  if (isDelimiter(text, i) || !isHan(text[i])) return 3;
  const followers = nameFollowers();
  for (let len = 3; len >= 1; len--) {
    if (followers.has(text.slice(i, i + len))) return len >= 2 ? 2 : 1;
  }
  for (const n of [3, 2]) if (known.has(text.slice(i, i + n))) return 2; // 范兆森刘星: another name follows
  return 0;
}

/** Function words that are also common given-name characters (郝向明, 王之涣): allowed before the last character (not 高声向). */
const GIVEN_NAME_OK = new Set('向之');

/** Is this a plausible personal name (surname + one or two given-name characters)? */
export function looksLikeName(name: string): boolean {
  if (!allHan(name) || name.length < 2 || name.length > 4) return false;
  const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s));
  if (!compound && (!SURNAMES.has(name[0]!) || name.length > 3)) return false;
  if (NOT_NAMES.has(name) || NOT_NAMES.has(name.slice(0, 2))) return false;
  const given = name.slice(compound ? 2 : 1);
  for (const [k, c] of [...given].entries()) if (NEVER_IN_NAME.has(c) && !(GIVEN_NAME_OK.has(c) && k < given.length - 1)) return false;
  return true;
}

let splitWordsCache: string[] | undefined;
/** Follower words of two or more characters, and verb phrases that begin with a one-character verb (作了, 致电). */
const splitWords = () => (splitWordsCache ??= [...NAME_FOLLOWERS.filter((w) => w.length >= 2 && !/地$/.test(w)), ...SPLIT_FOLLOWERS]);

const STRONG_FOLLOWERS = new Set('说在等和与的了是对向到为就也还并及被把给让以'.split(''));

/** The name that starts at i, if the text shows where it ends. */
export function nameAt(text: string, i: number, known: ReadonlySet<string>): string | null {
  const compound = COMPOUND_SURNAMES.some((s) => text.startsWith(s, i));
  const lengths = compound ? [3, 4] : [2, 3];
  let best: string | null = null;
  let bestScore = 0;
  // 李旸说 / 王晶在: a third character that is itself a strong follower ends a two-character name.
  if (STRONG_FOLLOWERS.has(text[i + lengths[0]!] ?? '') && looksLikeName(text.slice(i, i + lengths[0]!)) && !known.has(text.slice(i, i + lengths[1]!))) {
    return text.slice(i, i + lengths[0]!);
  }
  // 艾伦致慰问电, 樊杰作了发言, 张翼应邀: a word that follows names starts at the third character, so the name has two.
  const cutsWord = !compound && looksLikeName(text.slice(i, i + 2)) && !known.has(text.slice(i, i + 3)) && splitWords().some((w) => text.startsWith(w, i + 2));
  for (const len of lengths) {
    const cand = text.slice(i, i + len);
    if (cand.length < len || !looksLikeName(cand)) continue;
    if (cutsWord && len === 3) continue;
    if (known.has(cand)) {
      // A longer known name wins over a shorter one (常书铭 over 常书).
      best = cand;
      bestScore = 10;
      continue;
    }
    // The split words end a two-character name only: after three characters, 普京互致贺电 is no name 普京互.
    const score = len === 2 && cutsWord ? 2 : boundaryStrength(text, i + len, known);
    if (score > 0 && score >= bestScore && bestScore < 10) {
      best = cand;
      bestScore = score;
    }
  }
  return best;
}

const ROLE_STOP = new Set('，。；：！？“”（）()《》【】\n \u3000,.;:!?0123456789'.split(''));

/** How far back a printed title may reach; one that reaches it without an edge would start mid-word (津市 for 天津市). */
const ROLE_REACH = 32;

const BREAKS_BY_FIRST = new Map<string, string[]>();
for (const w of [...ROLE_BREAKS, '对'].sort((a, b) => b.length - a.length)) BREAKS_BY_FIRST.set(w[0]!, [...(BREAKS_BY_FIRST.get(w[0]!) ?? []), w]);

/** Where the office starts in a printed run: after the last word that is never part of an office (会见, 由, 在, 发表 …). */
function officeStart(role: string): number {
  let from = 0;
  // The last two characters are the title word itself.
  for (let k = 0; k < role.length - 2; k++) {
    const words = BREAKS_BY_FIRST.get(role[k]!);
    if (!words) continue;
    const w = words.find((b) => role.startsWith(b, k) && k + b.length <= role.length - 2);
    if (!w || BREAK_EXCEPT.some((e) => role.startsWith(e, k)) || (w === '对' && role.startsWith('对外', k)) || insideCountry(role, k)) continue;
    from = k + w.length;
  }
  return from;
}

/** Does a country's name (two to five characters) start at i? */
const startsWithCountry = (text: string, i: number): boolean => [5, 4, 3, 2].some((n) => COUNTRY_SET.has(text.slice(i, i + n)));

/** Is position k inside a country's name (时 in 比利时前首相 is no break)? */
function insideCountry(role: string, k: number): boolean {
  for (let n = 2; n <= 5; n++) for (let s = Math.max(0, k - n + 1); s <= k; s++) if (COUNTRY_SET.has(role.slice(s, s + n))) return true;
  return false;
}

/** 非洲次区域组织代表赞比亚总统: a foreign office starts at its country (not one after 驻: 中国驻南非大使). */
function countryStart(role: string): number {
  let from = 0;
  // Longest country names first, left to right, so 尼西亚 in 印度尼西亚 and 美洲 in 中美洲 are not taken apart.
  for (let k = 0; k < role.length - 2; ) {
    const n = [5, 4, 3, 2].find((len) => COUNTRY_SET.has(role.slice(k, k + len)));
    if (!n) {
      k++;
      continue;
    }
    if (k > 0 && role[k - 1] !== '驻' && !'中南北东西'.includes(role[k - 1]!) && k + n < role.length) from = k;
    k += n;
  }
  return from;
}
const COUNTRY_SET = new Set(COUNTRIES);

/** The printed role ending at `end` (back to punctuation), from where the office starts (会见了省委书记 → 省委书记). */
function roleBefore(text: string, end: number, titleStart: number, paragraphs?: ReadonlySet<number>): { role: string; start: number } | null {
  let start = titleStart;
  for (;;) {
    while (start > 0 && !ROLE_STOP.has(text[start - 1]!) && text[start - 1] !== '、' && !paragraphs?.has(start) && end - start < ROLE_REACH) start--;
    // 刚果（金）总统, 中央党校（国家行政学院）校长: a short bracket right after a word is part of the name.
    const inner = text[start - 1] === '）' ? /[\u4e00-\u9fff]（[\u4e00-\u9fff]{1,8}）$/.exec(text.slice(Math.max(0, start - 12), start)) : null;
    if (!inner || paragraphs?.has(start) || end - start + inner[0].length > ROLE_REACH) break;
    start -= inner[0].length - 1;
  }
  const edge = start;
  // A run that reaches ROLE_REACH without an edge starts mid-word: kept only if a break inside it says where the office starts.
  const reached = end - start >= ROLE_REACH;
  let role = text.slice(start, end);
  for (let changed = true; changed; ) {
    changed = false;
    // 以色列总理: a country or place first is the office's own (not the verb 以).
    const placeFirst = [4, 3, 2].some((n) => placeWords().has(role.slice(0, n)));
    // 以总理内塔尼亚胡 at a clause's start: the one-character short name of Israel, not the verb 以.
    const abbreviated = start === edge && !reached && role[0] === '以' && OFFICE_SET.has(role.slice(1));
    for (const v of placeFirst || abbreviated ? [] : LEADING_VERBS) {
      if (role.startsWith(v) && role.length > v.length + 1) {
        role = role.slice(v.length);
        start += v.length;
        changed = true;
      }
    }
    const k = Math.max(officeStart(role), countryStart(role));
    if (k > 0) {
      role = role.slice(k);
      start += k;
      changed = true;
    }
    const cut = Math.max(role.lastIndexOf('的'), role.lastIndexOf('了'));
    if (cut >= 0 && cut < role.length - 2) {
      role = role.slice(cut + 1);
      start += cut + 1;
      changed = true;
    }
  }
  if (reached && start === edge) return null;
  return role.length >= 2 ? { role, start } : null;
}
const OFFICE_SET = new Set(OFFICE_TITLES);

/** Where the bracket that closes at `close` opens, when a title stands right before it (校长（院长）); else null. */
function bracketedOffice(text: string, close: number): { open: number; title: string } | null {
  const open = text.lastIndexOf('（', close);
  if (open < 0 || close - open > 16 || text.slice(open + 1, close).includes('）')) return null;
  const title = ALL_TITLES.find((w) => text.endsWith(w, open));
  return title ? { open, title } : null;
}

/** The role printed before the bracket, with the bracket kept as printed: 中央党校校长（国家行政学院院长）. */
function roleAround(text: string, b: { open: number; title: string }, end: number, paragraphs?: ReadonlySet<number>): { role: string; start: number } | null {
  const r = roleBefore(text, b.open, b.open - b.title.length, paragraphs);
  return r ? { role: r.role + text.slice(b.open, end), start: r.start } : null;
}

/** A Japanese name (鸠山由纪夫, 岸田文雄) after an office of Japan: two to five characters the text shows the end of. */
export function japaneseNameAt(text: string, titleStart: number, i: number, known: ReadonlySet<string>): string | null {
  const before = text.slice(Math.max(0, titleStart - 8), titleStart);
  if (!/日本|日方|(?:^|[^\u4e00-\u9fff])日$/.test(before)) return null;
  for (let len = 2; len <= 5; len++) {
    const cand = text.slice(i, i + len);
    if (cand.length < len || !allHan(cand) || [...cand].some((c) => NEVER_IN_NAME.has(c)) || placeWords().has(cand)) return null;
    // 大使馆随后称, 首相指名选举: a word of the clause, not a name.
    if (NOT_IN_FOREIGN_NAME_LIST().some((w) => cand.includes(w))) return null;
    if (known.has(cand)) return cand;
    const strength = boundaryStrength(text, i + len, known);
    if (strength === 3 || (len >= 3 && strength > 0) || FOREIGN_FOLLOWERS.some((f) => text.startsWith(f, i + len))) return cand;
  }
  return null;
}

/** 市委书记 → 晋中市委书记 where the paper's city is known; 省委常委 → 山西省委常委. */
export function resolveRole(role: string, ctx: ArticleContext): string | null {
  if (role.startsWith('市') && ctx.city?.level === 'city') return ctx.city.name + role.slice(1);
  if (role.startsWith('省') && ctx.province) return ctx.province.name + role.slice(1);
  return null;
}

/** Title + name sequences: 晋中市委书记常书铭, 省委常委、太原市委书记韦韬, 市领导裴耀军、薛维柱. */
export function extractTitledPeople(text: string, ctx: ArticleContext, known: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const found of titleFinder().find(text)) {
    // 中央党校校长（国家行政学院院长）蔡奇: a second office in brackets between the title and the name belongs to both.
    const bracketed = text[found.end] === '）' ? bracketedOffice(text, found.end) : null;
    const t = bracketed ? { ...found, end: found.end + 1 } : found;
    // A name with · or - (巴沙尔·阿萨德, 迪亚斯-卡内尔) is foreign whatever its first part looks like.
    const foreign = WEAK_TITLES.has(t.word) || t.word === '代表' ? null : foreignNameAt(text, t.end, known);
    const chinese = nameAt(text, t.end, known);
    // 马拉维总统查克维拉: a longer foreign name the archive knows wins over a known Chinese-looking start (查克).
    const preferForeign = !!foreign && (/[·\-－]/.test(foreign) || (known.has(foreign) && foreign.length > (chinese?.length ?? 0)));
    const name = withReign(text, t.end, (preferForeign ? foreign : chinese ?? foreign) ?? japaneseNameAt(text, t.start, t.end, known));
    // 二十大代表谢兰, 人大代表王芳: a congress's deputy (代表 after 大 or 党) is an office, not the verb 代表 (代表中方).
    const deputy = t.word === '代表' && '大党'.includes(text[t.start - 1] ?? '#');
    if (!name || ((WEAK_TITLES.has(t.word) || t.word === '代表') && !deputy && name.length < 3 && !known.has(name))) continue;
    const roles: string[] = [];
    let r = bracketed ? roleAround(text, bracketed, t.end, ctx.paragraphStarts) : roleBefore(text, t.end, t.start, ctx.paragraphStarts);
    while (r) {
      roles.unshift(r.role);
      if (text[r.start - 1] !== '、') break;
      const prevEnd = r.start - 1;
      const prevTitle = ALL_TITLES.find((title) => text.endsWith(title, prevEnd));
      if (!prevTitle) break;
      r = roleBefore(text, prevEnd, prevEnd - prevTitle.length, ctx.paragraphStarts);
    }
    // 晋中市委副书记、市长: a bare 市长 after a role that names its city is that city's, not the paper's.
    let chainCtx = ctx;
    const offices: string[] = [];
    const withResolved = roles.flatMap((role) => {
      const resolved = resolveRole(role, chainCtx);
      const named = /^([\u4e00-\u9fff]{2,4}?市)/.exec(role)?.[1];
      const place = named ? gazetteer().get(named) : undefined;
      if (place?.level === 'city') chainCtx = { ...ctx, city: place };
      offices.push(resolved ?? role);
      return [role, resolved].filter((x): x is string => !!x);
    });
    // 中共中央政治局常委、国务院总理: the compound whole (its offices resolved: 山西省委常委、太原市委书记), beside its offices.
    if (roles.length > 1) withResolved.unshift(offices.join('、'));
    out.push({ kind: 'person', name, roles: withResolved });
    // 中共中央政治局常委李强、赵乐际、王沪宁: each name of a list after one title holds it.
    if (!WEAK_TITLES.has(t.word)) {
      let at = t.end + name.length;
      while (text[at] === '、') {
        // 马拉维总统查克维拉、坦桑尼亚桑给巴尔总统姆维尼: a country after 、 starts the next title, not a name.
        if (startsWithCountry(text, at + 1)) break;
        const next = nameAt(text, at + 1, known) ?? foreignNameAt(text, at + 1, known);
        if (!next) break;
        out.push({ kind: 'person', name: next, roles: withResolved });
        at += 1 + next.length;
      }
    }
  }
  return out;
}

/** 国王查尔斯三世: a reign number printed right after a name is part of it (a known 查尔斯 found alone). */
function withReign(text: string, start: number, name: string | null): string | null {
  if (!name || !TRANSLIT.has(name[name.length - 1]!)) return name;
  const reign = ORDINAL_REIGN.exec(text.slice(start + name.length, start + name.length + 4))?.[0];
  return reign ? name + reign : name;
}

/** Clause words a Japanese name never holds (they are written in the same characters). */
let notInForeignNameCache: string[] | undefined;
const NOT_IN_FOREIGN_NAME_LIST = () =>
  (notInForeignNameCache ??= [...new Set([...ROLE_BREAKS, ...NAME_FOLLOWERS, ...FOREIGN_FOLLOWERS, '选举', '馆'].filter((w) => w.length >= 2 || '称说馆'.includes(w)))]);

/** Words after which a transliterated name ends, beyond those that end any name (普京称, 内塔尼亚胡通电话, 武契奇日前表示). */
const FOREIGN_FOLLOWERS = ['称', '通电话', '通话', '发表', '举行', '当天', '今天', '日前', '近日', '当地时间', '访华', '夫妇', '及其', '于', '率', '签发', '随后', '前往'];
/** What joins the parts of a transliterated name: 巴沙尔·阿萨德, 迪亚斯-卡内尔, 本-格维尔. */
const JOINERS = '·-－';
const ORDINAL_REIGN = /^[一二三四五六七八九十]{1,3}世/;
let notNameCache: Set<string> | undefined;
/** Places and countries are not names, however they are spelled (俄罗斯总统 …). */
const placeWords = () => (notNameCache ??= new Set([...gazetteer().keys(), ...COUNTRIES, ...STATE_NAMES_NOT_PEOPLE]));

/** A transliterated foreign name after a title (总统拉马福萨, 国王费利佩六世, 巴沙尔·阿萨德): the longest run of
 * transliteration characters (parts joined by ·) that the text shows the end of, or a known name it starts with. */
export function foreignNameAt(text: string, i: number, known: ReadonlySet<string>): string | null {
  let end = i;
  // 亚历山大·诺瓦克: before a joiner, any character of the run is taken (大 is no transliteration character alone).
  // The part starts with a transliteration character and holds at most one other (not 会主席蒂姆·库克, 领导人哈希姆·萨菲丁).
  const part = /^[\u4e00-\u9fff]{2,6}(?=[·])/.exec(text.slice(i, i + 7))?.[0] ?? '';
  const joined = TRANSLIT.has(part[0] ?? '') && [...part].filter((c) => !TRANSLIT.has(c)).length <= 1 ? part.length : 0;
  while (end < text.length && end - i < 16 && (end - i < joined || TRANSLIT.has(text[end]!) || (JOINERS.includes(text[end]!) && end > i && TRANSLIT.has(text[end + 1] ?? '')))) end++;
  for (let e = end; e >= i + 2; e--) {
    let cand = text.slice(i, e);
    const reign = ORDINAL_REIGN.exec(text.slice(e, e + 4))?.[0] ?? '';
    if (JOINERS.includes(cand[cand.length - 1]!) || placeWords().has(cand)) continue;
    if (known.has(cand + reign) || known.has(cand)) return known.has(cand + reign) ? cand + reign : cand;
    const after = e + reign.length;
    if (boundaryStrength(text, after, known) > 0 || FOREIGN_FOLLOWERS.some((f) => text.startsWith(f, after))) {
      cand += reign;
      return cand.replace(/[·\-－]/g, '').length >= 2 ? cand : null;
    }
  }
  return null;
}

/** Titles after a name that say a deputy is speaking; taken only before a speech verb. */
const SPOKEN_TITLES = new Set(['代表']);
const SPEECH_VERBS = ['说', '表示', '认为', '建议', '介绍', '指出', '谈到', '坦言', '感慨', '告诉', '发言', '提出', '强调'];
/** Titles that may follow a name printed right after its institution (文学院刘磊教授). */
const ACADEMIC_TITLES = new Set(['教授', '博士', '研究员', '院士', '副教授']);
const BODY_ENDS = ['大学', '学院', '研究院', '研究所', '研究中心', '医院', '中学', '学校', '科学院', '工程院'];

/** Offices printed after a foreign head of state or government, minister or envoy (克林顿总统, 基里延科总理). */
const FOREIGN_OFFICES_AFTER = new Set(['总统', '副总统', '总理', '副总理', '首相', '外长', '国务卿', '议长', '大使', '先生', '女士']);

/**
 * 克林顿总统, 同基里延科总理会见: a transliterated name before an office, written without · (so no Chinese name shape
 * fits it). The run of transliteration characters must start after punctuation or a joiner; a run that is a place
 * (俄罗斯总统) is no name.
 */
export function foreignNameBefore(text: string, end: number): string | null {
  let start = end;
  while (start > 0 && end - start < 8 && TRANSLIT.has(text[start - 1]!)) start--;
  // The run must show its left edge (主席托卡耶夫总统, 抵达特朗普 are not names): punctuation or a joiner before it.
  if (!(isDelimiter(text, start - 1) || '和与同及、'.includes(text[start - 1]!))) return null;
  const name = text.slice(start, end);
  // Two characters are too often a country's short name (多哥, 黑山) or a word.
  return name.length < 3 || name.length > 6 || placeWords().has(name) ? null : name;
}

/** Name + title (江泽民主席, 王小明同志): the name must start right after punctuation or a list joiner. */
export function extractPeopleBeforeTitles(text: string, known: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const t of titlesAfterFinder().find(text)) {
    // 张建岗代表说: 代表 after a name is a deputy only when speech follows (not 王明代表公司签约).
    if (SPOKEN_TITLES.has(t.word) && !SPEECH_VERBS.some((v) => text.startsWith(v, t.end))) continue;
    if (t.word === '博士' && '后生学点'.includes(text[t.end] ?? '#')) continue; // 博士后, 博士生
    let found: string | null = null;
    for (const len of [3, 2]) {
      const start = t.start - len;
      if (start < 0) continue;
      const name = text.slice(start, t.start);
      const leftOk =
        isDelimiter(text, start - 1) || '和与及、'.includes(text[start - 1]!) ||
        // 西安工业大学文学院刘磊教授: an academic title after a name right after the body it belongs to.
        (ACADEMIC_TITLES.has(t.word) && BODY_ENDS.some((b) => text.endsWith(b, start)));
      if (!leftOk || !looksLikeName(name) || placeWords().has(name)) continue;
      // 三个字 where the first two are a known name is that name plus something else.
      if (len === 3 && known.has(name.slice(0, 2)) && !known.has(name)) continue;
      found = name;
      break;
    }
    // 习近平主席同奥尔西总统: a name the archive knows (from a title before it elsewhere) needs no left edge.
    if (!found && !SPOKEN_TITLES.has(t.word)) {
      for (let len = Math.min(12, t.start); len >= 2 && !found; len--) if (known.has(text.slice(t.start - len, t.start))) found = text.slice(t.start - len, t.start);
    }
    if (!found && FOREIGN_OFFICES_AFTER.has(t.word)) found = foreignNameBefore(text, t.start);
    if (found) out.push({ kind: 'person', name: found, roles: NOT_ROLES.has(t.word) ? [] : [t.word] });
  }
  return out;
}

const APPOINT_RE = /(接受|任命|免去|撤销|提名|选举|补选|递补)((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4}?)(辞去|为|的|同志|担任|兼任)/g;

/** Appointment and removal notices: 接受周计伟辞去…, 任命张三、李四为…, 免去王五的…职务. */
export function extractAppointments(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(APPOINT_RE)) {
    const list = m[2]!.split('、');
    if (!list.every((n) => looksLikeName(n) && n.length <= 3)) continue;
    for (const name of list) out.push({ kind: 'person', name, roles: [] });
  }
  return out;
}

