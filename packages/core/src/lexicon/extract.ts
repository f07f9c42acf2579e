import { foldText } from '../text/fold.js';
import { gazetteer, placesByShort, type Place } from './gazetteer.js';
import { allHan, isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';
import type { TermKind } from './types.js';
import {
  BYLINE_ROLES, CHAIN_HEADS, CHAINED_DEPARTMENTS, CLAUSE_WORDS, CN_NUMERALS, COMPOUND_SURNAMES, DATE_NUMERALS, GENERIC_BODIES, GENERIC_HEADS, GENERIC_LEVELS, KNOWN_POLICIES,
  BRAND_PREFIXES, LEADING_VERBS, LIST_TITLES, NATURAL_FEATURES, PROGRAMME_NOUNS, NAME_FOLLOWERS, NATIONAL_BODIES, NEVER_IN_NAME, NOT_LOCALITY, NOT_NAMES, ORG_SUFFIXES, PLACE_ANCHORED_SITES,
  PLACE_ORG_SUFFIXES, WEAK_TITLES, POLICY_ENDINGS, POLICY_NAME_ENDINGS, SITE_SUFFIXES, SURNAMES, TITLES, COUNTRIES, TITLES_AFTER,
} from './words.js';

/**
 * Extraction rules: each finds one kind of term in one text and reports
 * candidates. They are anchored on closed word lists (titles, byline roles,
 * the gazetteer, organisation and site suffixes, quotation marks) so that
 * what they return is a name with high probability; the builder then pools
 * candidates over the archive.
 */
export interface Candidate {
  kind: TermKind;
  name: string;
  aliases?: string[];
  /** People: the title as printed before the name, and its resolved form (市委书记 → 晋中市委书记). */
  roles?: string[];
  /** Generic-form resolutions: where in the text the bare form stood (市委 meaning 晋中市委). */
  at?: { start: number; end: number };
}

/** What the rules know about the article's paper: its city (for 市委) and province (for 省委). */
export interface ArticleContext {
  city: Place | null;
  province: Place | null;
  /** Provinces the archive is about (most of its full place names): short forms (太谷) and two-character names (祁县) count only there. */
  homeProvinces?: ReadonlySet<string>;
}

let finders: { titles: WordFinder; titlesAfter: WordFinder; places: WordFinder; orgSuffixes: WordFinder; siteSuffixes: WordFinder; national: WordFinder; policies: WordFinder; followers: Set<string> } | undefined;

function getFinders() {
  if (finders) return finders;
  const placeWords = [...gazetteer().keys(), ...placesByShort().keys()];
  finders = {
    titles: wordFinder(TITLES),
    titlesAfter: wordFinder(TITLES_AFTER),
    places: wordFinder([...placeWords, ...COUNTRIES, ...NATURAL_FEATURES], 'place'),
    orgSuffixes: wordFinder(ORG_SUFFIXES),
    siteSuffixes: wordFinder(SITE_SUFFIXES),
    national: wordFinder(NATIONAL_BODIES),
    policies: wordFinder(KNOWN_POLICIES),
    followers: new Set(NAME_FOLLOWERS),
  };
  return finders;
}

// ——— people ———

/** How strongly position i ends a name: 3 punctuation/end, 2 a multi-character follower word, 1 a one-character follower, 0 none. */
function boundaryStrength(text: string, i: number, known: ReadonlySet<string>): number {
  if (isDelimiter(text, i) || !isHan(text[i])) return 3;
  const { followers } = getFinders();
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
  for (const len of lengths) {
    const cand = text.slice(i, i + len);
    if (cand.length < len || !looksLikeName(cand)) continue;
    if (known.has(cand)) {
      // A longer known name wins over a shorter one (常书铭 over 常书).
      best = cand;
      bestScore = 10;
      continue;
    }
    const score = boundaryStrength(text, i + len, known);
    if (score > 0 && score >= bestScore && bestScore < 10) {
      best = cand;
      bestScore = score;
    }
  }
  return best;
}

const ROLE_STOP = new Set('，。；：！？“”（）()《》【】\n \u3000,.;:!?0123456789'.split(''));

const ROLE_CLAUSE_WORDS = CLAUSE_WORDS.filter((w) => w.length >= 2);

/** The printed role ending at `end` (back to punctuation), without a leading verb (会见了省委书记 → 省委书记). */
function roleBefore(text: string, end: number, titleStart: number): { role: string; start: number } | null {
  let start = titleStart;
  while (start > 0 && !ROLE_STOP.has(text[start - 1]!) && text[start - 1] !== '、' && end - start < 16) start--;
  let role = text.slice(start, end);
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of LEADING_VERBS) {
      if (role.startsWith(v) && role.length > v.length + 1) {
        role = role.slice(v.length);
        start += v.length;
        changed = true;
      }
    }
    // A clause glued on by missing punctuation (…合力武晓花参加省委常委): keep what follows its last verb.
    for (const w of ROLE_CLAUSE_WORDS) {
      const k = role.lastIndexOf(w);
      if (k >= 0 && k + w.length < role.length - 1) {
        role = role.slice(k + w.length);
        start += k + w.length;
        changed = true;
      }
    }
    const cut = Math.max(role.lastIndexOf('的'), role.lastIndexOf('了'));
    if (cut >= 0 && cut < role.length - 2) {
      role = role.slice(cut + 1);
      start += cut + 1;
      changed = true;
    }
  }
  return role.length >= 2 ? { role, start } : null;
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
  for (const t of getFinders().titles.find(text)) {
    const name = nameAt(text, t.end, known);
    if (!name || (WEAK_TITLES.has(t.word) && name.length < 3 && !known.has(name))) continue;
    const roles: string[] = [];
    let r = roleBefore(text, t.end, t.start);
    while (r) {
      roles.unshift(r.role);
      if (text[r.start - 1] !== '、') break;
      const prevEnd = r.start - 1;
      const prevTitle = TITLES.find((title) => text.endsWith(title, prevEnd));
      if (!prevTitle) break;
      r = roleBefore(text, prevEnd, prevEnd - prevTitle.length);
    }
    // 晋中市委副书记、市长: a bare 市长 after a role that names its city is that city's, not the paper's.
    let chainCtx = ctx;
    const withResolved = roles.flatMap((role) => {
      const resolved = resolveRole(role, chainCtx);
      const named = /^([\u4e00-\u9fff]{2,4}?市)/.exec(role)?.[1];
      const place = named ? gazetteer().get(named) : undefined;
      if (place?.level === 'city') chainCtx = { ...ctx, city: place };
      return [role, resolved].filter((x): x is string => !!x);
    });
    out.push({ kind: 'person', name, roles: withResolved });
    if (LIST_TITLES.has(t.word)) {
      let at = t.end + name.length;
      while (text[at] === '、') {
        const next = nameAt(text, at + 1, known);
        if (!next) break;
        out.push({ kind: 'person', name: next, roles: withResolved });
        at += 1 + next.length;
      }
    }
  }
  return out;
}

/** Titles after a name that say a deputy is speaking; taken only before a speech verb. */
const SPOKEN_TITLES = new Set(['代表']);
const SPEECH_VERBS = ['说', '表示', '认为', '建议', '介绍', '指出', '谈到', '坦言', '感慨', '告诉', '发言', '提出', '强调'];
/** Titles that may follow a name printed right after its institution (文学院刘磊教授). */
const ACADEMIC_TITLES = new Set(['教授', '博士', '研究员', '院士', '副教授']);
const BODY_ENDS = ['大学', '学院', '研究院', '研究所', '研究中心', '医院', '中学', '学校', '科学院', '工程院'];

/** Name + title (江泽民主席, 王小明同志): the name must start right after punctuation or a list joiner. */
export function extractPeopleBeforeTitles(text: string, known: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const t of getFinders().titlesAfter.find(text)) {
    // 张建岗代表说: 代表 after a name is a deputy only when speech follows (not 王明代表公司签约).
    if (SPOKEN_TITLES.has(t.word) && !SPEECH_VERBS.some((v) => text.startsWith(v, t.end))) continue;
    if (t.word === '博士' && '后生学点'.includes(text[t.end] ?? '#')) continue; // 博士后, 博士生
    for (const len of [3, 2]) {
      const start = t.start - len;
      if (start < 0) continue;
      const name = text.slice(start, t.start);
      const leftOk =
        isDelimiter(text, start - 1) || '和与及、'.includes(text[start - 1]!) ||
        // 西安工业大学文学院刘磊教授: an academic title after a name right after the body it belongs to.
        (ACADEMIC_TITLES.has(t.word) && BODY_ENDS.some((b) => text.endsWith(b, start)));
      if (!leftOk || !looksLikeName(name)) continue;
      // 三个字 where the first two are a known name is that name plus something else.
      if (len === 3 && known.has(name.slice(0, 2)) && !known.has(name)) continue;
      out.push({ kind: 'person', name, roles: [t.word] });
      break;
    }
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

const BYLINE_RE = new RegExp(`(?:^|[\\n（(【\\s、])(?:本报|本台|本刊)?(${BYLINE_ROLES.join('|')})[ \\u3000:：]*([^\\n（）()【】]{2,40})`, 'g');

/** Splits a run of byline names (雷甫 郭娟 王晶 / 殷雪鸢、胡引平 / 丁 洁, a two-character name padded with a space); null unless every token is a name. */
export function bylineNames(run: string): string[] | null {
  const tokens = run.trim().split(/[、，,;；]|[\s\u3000]{2,}/).flatMap((part) => {
    const pieces = part.trim().split(/[\s\u3000]+/).filter(Boolean);
    // Single characters side by side are one name the typesetter spaced out.
    if (pieces.length && pieces.every((p) => p.length === 1)) return [pieces.join('')];
    return pieces;
  });
  if (!tokens.length) return null;
  for (const token of tokens) if (!looksLikeName(token) || token.length > 3) return null;
  return tokens;
}

/** Reporters, correspondents and photographers: 本报记者 雷甫 郭娟 王晶, （记者 殷雪鸢、胡引平）, 记者 武跃林. */
export function extractBylines(text: string): Candidate[] {
  const out: Candidate[] = [];
  const roleSplit = new RegExp(`(?:${BYLINE_ROLES.join('|')})`);
  for (const m of text.matchAll(BYLINE_RE)) {
    // The run ends where the names do: anything but Han, spaces and separators, or the next byline role.
    const run = m[2]!.replace(/[^\u4e00-\u9fff \u3000、，,].*$/s, '').split(roleSplit)[0]!;
    const names = bylineNames(run);
    if (names) for (const name of names) out.push({ kind: 'person', name, roles: [m[1]!] });
  }
  // A closing bracket of names at the end of a paragraph: （丁 洁、王春宇）.
  for (const m of text.matchAll(/（([\u4e00-\u9fff \u3000、]{2,24})）[ \u3000]*(?:\n|$)/g)) {
    const names = bylineNames(m[1]!);
    if (names) for (const name of names) out.push({ kind: 'person', name, roles: ['署名'] });
  }
  return out;
}

/**
 * The article's parsed byline field, where the parser put it (丁洁、王春宇 split off a closing bracket; 尹哲; 山西日报记者 韩乐 李家鸣;
 * 梁琛 摄): the names next to each role, or the whole field when it is nothing but names.
 */
export function extractBylineField(byline: string | null | undefined): Candidate[] {
  if (!byline) return [];
  const out: Candidate[] = [];
  const parts = byline.split(new RegExp(`(${BYLINE_ROLES.join('|')})`));
  // parts alternate: text, role, text, role, …
  for (let i = 0; i < parts.length; i += 2) {
    const names = bylineNames(parts[i]!);
    if (!names) continue;
    const role = parts[i - 1] ?? parts[i + 1] ?? '署名';
    for (const name of names) out.push({ kind: 'person', name, roles: [role] });
  }
  return out;
}

// ——— places and organisations ———

const LEVEL_WORDS = new Set(['城市', '都市', '超市', '上市', '全市', '本市', '我市', '该市', '各市', '两市', '门市', '股市', '夜市', '集市', '全省', '本省', '我省', '外省', '各省', '全县', '本县', '我县', '该县', '各县', '全区', '本区', '我区', '该区', '各区', '社区', '景区', '园区', '城区', '山区', '矿区', '新区', '片区', '街区', '辖区', '校区', '厂区', '小区', '牧区', '湖区', '灾区', '老区', '地区', '市区', '县区', '省市', '市县', '县市', '区县', '开发区', '示范区', '先行区', '高新区']);

/** Full names that are also common words (城区, 矿区): never taken from the gazetteer alone. */
const AMBIGUOUS_FULL = new Set(['城区', '矿区', '郊区', '新区', '市中区', '市辖区']);

/** Places named in the gazetteer, and organisations named after them (晋中市委, 左权县人大常委会, 山西日报). */
export function extractAdministrative(text: string, ctx: ArticleContext): { candidates: Candidate[]; covered: Uint8Array } {
  const out: Candidate[] = [];
  const covered = new Uint8Array(text.length);
  const g = gazetteer();
  const byShort = placesByShort();
  const home = ctx.homeProvinces;
  const atHome = (p: Place) => !home || (p.province !== null && home.has(p.province));
  for (const m of finders_().places.find(text)) {
    const full = g.get(m.word);
    let place = full;
    if (place && (AMBIGUOUS_FULL.has(place.name) || (place.name.length === 2 && !atHome(place)))) continue;
    if (!place && NATURE_SET.has(m.word)) {
      // Not covered: a river or mountain does not anchor a body's name the way a place does (长江经济带…银行).
      out.push({ kind: 'place', name: m.word });
      continue;
    }
    if (!place && COUNTRY_SET.has(m.word)) {
      covered.fill(1, m.start, m.end);
      out.push({ kind: 'place', name: m.word });
      continue;
    }
    if (!place) {
      // A short form alone: a province or prefecture city's (山西, 晋中) anywhere; a county's (太谷, 榆社) only where it
      // names one place in a province the archive is about.
      // 平遥县襄垣乡: a township that shares a county's short name is not that county (襄垣县 is in 长治), nor is
      // the short name elsewhere in a text that names the township (…贡献襄垣力量).
      if (['乡', '镇', '村', '街道'].some((s) => text.includes(m.word + s))) continue;
      const all = byShort.get(m.word) ?? [];
      const big = all.filter((p) => p.level !== 'county');
      const options = big.length === 1 ? big : all.filter(atHome);
      if (options.length !== 1 || (!home && big.length !== 1)) continue;
      place = options[0]!;
      // A city's short form far from home must stand apart from its neighbours (not 大理 in 大理念, 长治 in 长治久安).
      if (place.level === 'city' && !atHome(place) && !isDelimiter(text, m.start - 1) && !isDelimiter(text, m.end)) continue;
    }
    covered.fill(1, m.start, m.end);
    out.push({ kind: 'place', name: place.current ?? place.name, aliases: full && !place.current ? [] : [m.word] });
    // 应县西站, 太原南站: the place's railway station (not 站长, 站点, 站所).
    const station = place.level !== 'province' ? /^[东西南北]?站(?![长点所台内外前区务])/.exec(text.slice(m.end, m.end + 3))?.[0] : undefined;
    if (station) out.push({ kind: 'place', name: m.word + station });
    const suffix = PLACE_ORG_SUFFIXES.find((s) => text.startsWith(s, m.end) && (full || s.length >= 2));
    if (suffix && !(suffix === '委' && text.startsWith('委员', m.end) && !text.startsWith('委员会', m.end)) && !'生里内外议'.includes(text[m.end + suffix.length] ?? '#')) {
      const body = suffix + departmentAfter(text, m.end + suffix.length, suffix);
      // 团太原市委: the Youth League's committee of the place.
      const league = suffix === '委' && body === '委' && text[m.start - 1] === '团' && full ? '团' : '';
      // 太原市人民代表大会常务委员会 is 太原市人大常委会: one term under the usual short name.
      const short = SHORT_BODY_NAMES[body];
      // 国网朔州供电公司: a group's brand before the place is part of the name; without it, an alias.
      const brand = league ? '' : brandBefore(text, m.start);
      const orgName = league + brand + m.word + (short ?? body);
      const aliases: string[] = short ? [brand + m.word + body] : [];
      if (brand) aliases.push(m.word + (short ?? body));
      if (full && suffix === '委' && text.startsWith('中共', m.start - 2)) aliases.push('中共' + orgName);
      out.push({ kind: 'organisation', name: orgName, aliases });
      covered.fill(1, m.end, m.end + body.length);
    }
  }
  return { candidates: out, covered };
}

const finders_ = () => getFinders();
const COUNTRY_SET = new Set(COUNTRIES);
const NATURE_SET = new Set(NATURAL_FEATURES);

/** A group's brand printed right before `at` (国网 in 国网朔州供电公司), not reaching back before `min`; '' if none. */
function brandBefore(text: string, at: number, min = 0): string {
  return BRAND_PREFIXES.find((b) => at - b.length >= min && text.startsWith(b, at - b.length)) ?? '';
}

/** Full body names and the short names the same bodies are usually printed under. */
const SHORT_BODY_NAMES: Record<string, string> = { 人民代表大会常务委员会: '人大常委会', 人民代表大会: '人大', 政治协商会议委员会: '政协' };

/** A department printed right after a party committee or government (区委|统战部, 人民政府|办公室), or ''. */
function departmentAfter(text: string, at: number, head: string): string {
  if (!CHAIN_HEADS.has(head)) return '';
  const dept = CHAINED_DEPARTMENTS.find((d) => text.startsWith(d, at));
  return dept && !'生里内外议'.includes(text[at + dept.length] ?? '#') ? dept : '';
}

/** Bare generic bodies (市委, 市人大常委会, 省政府) resolved to the paper's city or province; unresolved ones give nothing. */
export function extractGeneric(text: string, ctx: ArticleContext, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const level = text[i]!;
    if (!(GENERIC_LEVELS as readonly string[]).includes(level) || covered[i]) continue;
    if (i > 0 && LEVEL_WORDS.has(text.slice(i - 1, i + 1))) continue;
    if (i > 1 && LEVEL_WORDS.has(text.slice(i - 2, i + 1))) continue;
    const head = GENERIC_BODIES.find((b) => text.startsWith(b, i + 1));
    if (!head) continue;
    if (head === '委' && text.startsWith('委员', i + 1) && !text.startsWith('委员会', i + 1)) continue;
    const place = level === '市' && ctx.city?.level === 'city' ? ctx.city : level === '省' ? ctx.province : null;
    if (!place) continue;
    const body = head + departmentAfter(text, i + 1 + head.length, head);
    const league = body === '委' && text[i - 1] === '团' && !covered[i - 1]; // 团市委 → 团太原市委
    out.push({ kind: 'organisation', name: (league ? '团' : '') + place.name + (SHORT_BODY_NAMES[body] ?? body), at: { start: league ? i - 1 : i, end: i + 1 + body.length } });
  }
  return out;
}

/** Clause words of two or more characters: single characters (对, 和) occur inside names too (对外友好协会). */
const SPAN_CLAUSE_WORDS = CLAUSE_WORDS.filter((w) => w.length >= 2);
const LEADING_PARTICLES = new Set('已在由到于和与及是为把将被让从向'.split(''));

/** 辉能科技有限公司和中海油……: the previous body of a list ends right before a conjunction. */
function afterListedBody(text: string, s: number): boolean {
  return '和与及'.includes(text[s - 1] ?? '#') && ORG_SUFFIXES.some((w) => text.endsWith(w, s - 1));
}

const PLACE_IN_BRACKETS = /[（(][\u4e00-\u9fff]{2,8}[)）]/g;

/**
 * Where a bracketed place name that ends at `end` opens, when it sits inside a
 * name (a Han character right before the bracket: 中海油（山西）), else -1.
 * Only places: 本报讯（记者雷甫） must still stop the scan.
 */
function placeInBrackets(text: string, end: number): number {
  const close = text[end - 1];
  if (close !== '）' && close !== ')') return -1;
  const open = Math.max(text.lastIndexOf('（', end - 2), text.lastIndexOf('(', end - 2));
  if (open < 1 || end - open > 10 || !isHan(text[open - 1])) return -1;
  const inside = text.slice(open + 1, end - 1);
  return allHan(inside) && (gazetteer().has(inside) || placesByShort().has(inside)) ? open : -1;
}

/**
 * Scans back from a suffix to punctuation and keeps the name: from a named
 * place inside it if there is one (习近平总书记亲临平遥古城 → 平遥古城), else after
 * the last clause word (刘亮一行先后前往中煤平朔集团 → 中煤平朔集团).
 */
function spanBefore(text: string, start: number, end: number, covered: Uint8Array, placeAnchored: boolean): { span: string; from: number; brand: string } | null {
  if ('生里内外议'.includes(text[end] ?? '#')) return null; // 大学生, 园区内, 协商会议
  let s = start;
  const brackets: [number, number][] = [];
  for (;;) {
    while (s > 0 && !isDelimiter(text, s - 1) && !afterListedBody(text, s) && start - s < 20) s--;
    const open = placeInBrackets(text, s);
    if (open < 0) break;
    brackets.push([open, s]); // 中海油（山西）贵金属有限公司: a place in brackets is part of the name
    s = open;
  }
  const inBrackets = (i: number) => brackets.some(([a, b]) => i >= a && i < b);
  let from = -1;
  for (let i = s; i < start; i++) {
    // A place in brackets never starts the name (the name starts before it).
    if (covered[i] && (i === s || !covered[i - 1]) && !inBrackets(i)) from = from < 0 ? i : from;
  }
  if (from < 0) {
    if (placeAnchored) return null;
    if (s > 0 && !isDelimiter(text, s - 1) && !afterListedBody(text, s)) return null; // no clear left edge within reach
    from = s;
    for (let i = start - 1; i >= s; i--) {
      const w = SPAN_CLAUSE_WORDS.find((c) => text.startsWith(c, i) && i + c.length <= start);
      if (w) {
        from = i + w.length;
        break;
      }
    }
    while (from < start - 2 && LEADING_PARTICLES.has(text[from]!)) from++;
  }
  // 国网朔州供电公司: a group's brand right before the place belongs to the name.
  const brand = covered[from] ? brandBefore(text, from, s) : '';
  from -= brand.length;
  const head = text.slice(from, start);
  if (head.length < 2 || !allHan(head.replace(/[0-9·]/g, '一').replace(PLACE_IN_BRACKETS, ''))) return null;
  if (!covered[from] && (head.length < 3 || GENERIC_HEADS.some((h) => head.startsWith(h)))) return null;
  for (const c of head) if ('的了着过是和与及或等各该此这那其每我你他她它们么'.includes(c)) return null;
  return { span: text.slice(from, end), from, brand };
}

/** Companies, schools, hospitals and other named bodies by their suffix; sites (平遥古城, …旧址). */
export function extractBySuffix(text: string, ctx: ArticleContext, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const f = getFinders();
  for (const [finder, kind] of [[f.orgSuffixes, 'organisation'], [f.siteSuffixes, 'place']] as const) {
    for (const m of finder.find(text)) {
      if (covered[m.start]) continue; // 晋中市人民医院 was taken with its place
      const found = spanBefore(text, m.start, m.end, covered, kind === 'place' && PLACE_ANCHORED_SITES.has(m.word));
      if (!found) continue;
      let span = found.span;
      const level = span[0]!;
      if ((GENERIC_LEVELS as readonly string[]).includes(level) && !covered[found.from]) {
        // 市第一人民医院: the paper's city's, where known.
        const place = level === '市' && ctx.city?.level === 'city' ? ctx.city : level === '省' ? ctx.province : null;
        if (!place) continue;
        span = place.name + span.slice(1);
      }
      // The same body printed without its brand (朔州供电公司) is an alias.
      out.push({ kind, name: span, ...(found.brand ? { aliases: [span.slice(found.brand.length)] } : {}) });
    }
  }
  return out;
}

/** Bodies of a town, township, village or sub-district, printed right after its name. */
const LOCALITY_BODIES = ['党委', '人民政府', '政府', '党支部', '党总支', '村委会', '村民委员会', '居委会', '党工委', '办事处', '卫生院', '中心校', '纪委']
  .sort((a, b) => b.length - a.length);

/**
 * Rivers by shape: two or more X河 joined by 、 or 和 (漳沱河、牧马河和天槽河), or one followed by 沿线, 流域 or
 * 两岸 (浊漳河流域), each name two characters and 河 after a clear left edge.
 */
export function extractRivers(text: string): Candidate[] {
  const out: Candidate[] = [];
  // Left edge: anything but a Han character, or a connective or preposition.
  const river = /(?<=^|[^\u4e00-\u9fff]|[和与及对在向将把从])[\u4e00-\u9fff]{2}河/g;
  // Not a known river after a preposition (沿黄河流域, 以黄河为…).
  const found = [...text.matchAll(river)]
    .map((m) => ({ name: m[0], start: m.index!, end: m.index! + m[0].length }))
    .filter(({ name }) => ![...name.slice(0, 2)].some((c) => NEVER_IN_NAME.has(c)) && !NOT_RIVERS.has(name) && !('沿以受在向对与和入跨过临靠近经为从至到'.includes(name[0]!) && NATURE_SET.has(name.slice(1))));
  // Two rivers joined by one connective (漳沱河、牧马河).
  const joined = (a: { end: number } | undefined, b: { start: number } | undefined) => !!a && !!b && b.start - a.end === 1 && '、和与及'.includes(text[a.end]!);
  found.forEach((r, i) => {
    if (joined(found[i - 1], r) || joined(r, found[i + 1]) || /^(?:沿线|流域|两岸|干流|支流|上游|下游)/.test(text.slice(r.end, r.end + 2))) out.push({ kind: 'place', name: r.name });
  });
  return out;
}

/** X河 words that are not rivers. */
const NOT_RIVERS = new Set(['星河', '银河', '冰河', '山河', '江河', '运河', '护城河', '先河', '天河', '长河', '黄河', '海河', '淮河', '辽河', '幸福河', '致富河']);

/** Towns, townships, villages: 麻田镇, 东安村. The name before the suffix must have a clear left edge. */
export function extractLocalities(text: string, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const AFTER_BAD = new Set('民庄落级集委干务容组貌医史里镇村企情风振长亲土音愁党区域道路口'.split(''));
  const verbs = LEADING_VERBS.filter((v) => v.length >= 2);
  for (const m of text.matchAll(/镇|乡|村|街道/g)) {
    const at = m.index!;
    const end = at + m[0].length;
    // 绵山镇党委, 张胡村党支部: the locality's own body after it.
    const body = LOCALITY_BODIES.find((b) => text.startsWith(b, end) && !'生里内外议员'.includes(text[end + b.length] ?? '#')) ?? '';
    if (!body && m[0].length === 1 && AFTER_BAD.has(text[end] ?? '')) continue;
    if (NOT_LOCALITY.has(text.slice(at - 1, end))) continue;
    for (const len of [2, 3]) {
      const s = at - len;
      if (s < 0) break;
      const head = text.slice(s, at);
      if (!allHan(head) || [...head].some((c) => NEVER_IN_NAME.has(c) || '镇乡村县区市省'.includes(c))) break;
      if (CLAUSE_WORDS.includes(head) || GENERIC_HEADS.some((h) => head.startsWith(h))) break;
      // With its own body after it (聘请了绵山镇党委书记), a particle or preposition before the name is a left edge too.
      const leftOk =
        isDelimiter(text, s - 1) || covered[s - 1] === 1 || '镇乡县区市'.includes(text[s - 1]!) || verbs.some((v) => text.endsWith(v, s)) ||
        (body !== '' && NEVER_IN_NAME.has(text[s - 1]!));
      if (leftOk) {
        out.push({ kind: 'place', name: head + m[0] });
        if (body) out.push({ kind: 'organisation', name: head + m[0] + body });
        covered.fill(1, s, end + body.length);
        break;
      }
    }
  }
  return out;
}

/** Newspapers cited by name: 《山西日报》; national bodies; the party's congresses (党的二十大); group bureaus (中铁六局). */
export function extractNamedBodies(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/《([\u4e00-\u9fff]{2,10}(?:日报|晚报|报|杂志))》/g)) out.push({ kind: 'organisation', name: m[1]! });
  for (const m of getFinders().national.find(text)) out.push({ kind: 'organisation', name: m.word });
  for (const m of text.matchAll(/(?:党的|中共)(十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学队会])/g)) out.push({ kind: 'organisation', name: m[0] });
  for (const m of text.matchAll(/(中铁|中建|中交|中冶|中电建|中铁建)([一二三四五六七八九十]{1,3})局(?:集团)?/g)) out.push({ kind: 'organisation', name: m[0] });
  return out;
}

/** National and provincial roads by number: 国道336 (also printed G336), 省道S216. */
export function extractRoads(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(国道|省道)([GS]?)(\d{2,4})(?!\d)/g)) {
    const code = (m[1] === '国道' ? 'G' : 'S') + m[3];
    out.push({ kind: 'place', name: m[1]! + m[3], aliases: [code] });
  }
  return out;
}

// ——— policies ———

const NUMERAL_SECOND = new Set('个大新项化型要有为字条张'.split(''));
/** Numeral-led words that are plain words or idioms, not slogans (一起, 双方, 两岸). */
const NOT_NUMERAL_LED = ['一把', '一刀', '一体', '一起', '一些', '一样', '一直', '一定', '一般', '一切', '一致', '一线', '一流', '一次', '一场', '一天', '一年', '一下', '一点', '一种', '一条', '一位', '一家', '一句', '一口', '一身', '一片', '一心', '一路', '一手', '一同', '一边', '一面', '一张', '一步', '万一', '双方', '双手', '双眼', '双重', '双向', '双赢', '两岸', '两者', '两人', '十分', '十足', '千万', '万物', '百姓', '两会'];

/**
 * A quoted span is a programme name when its shape says so: digits (“1221”),
 * a middle dot (“晋创谷·晋中”), a numeral lead (“六新”, “十四五”, “六个一体化”),
 * a programme ending (“千万工程”), a naming word after the quote (“1221”战略举措),
 * or when the archive quotes it in several articles (`repeated`).
 */
export function quotedPolicy(inner: string, after: string, repeated = false, listed = false): { name: string; aliases: string[] } | null {
  if (inner.length < 2 || inner.length > 12 || /[，。、；：！？,.;:!?\s“”]/.test(inner)) return null;
  const ending = POLICY_NAME_ENDINGS.find((e) => after.startsWith(e));
  // “晋阳工匠”选树, “我为群众办实事”实践活动, “双一流”建设: a programme noun right after the quote (not part of the name).
  const programme = !ending && PROGRAMME_NOUNS.some((w) => after.startsWith(w));
  // A function word first is speech (“我们…”), unless a long slogan is named a programme (“我为群众办实事”实践活动).
  if (NEVER_IN_NAME.has(inner[0]!) && !CN_NUMERALS.has(inner[0]!) && !(programme && inner.length >= 5)) return null;
  if (DATE_NUMERALS.has(inner)) return null;
  const hasDigit = /[0-9]/.test(inner);
  // 六新, 十四五, 六个一体化, 十二个必须: a numeral run, then nothing or a measure word.
  const run = /^[一二三四五六七八九十百千万两零〇]+/.exec(inner)?.[0].length ?? 0;
  const strictNumeral = run > 0 && (run === inner.length || NUMERAL_SECOND.has(inner[run]!));
  const listedNumeral = !strictNumeral && listed && looseNumeralLed(inner);
  const numeralLed = strictNumeral || listedNumeral;
  const ok =
    (hasDigit && /^[0-9a-z+·]+$/.test(inner)) ||
    (pairedNumerals(inner) && !NUMERAL_IDIOMS.has(inner)) ||
    /^[一二三四五六七八九十两]+步(?:工作)?法$/.test(inner) || // “五步法”: a numbered method
    (inner.includes('·') && allHan(inner.replace(/·/g, ''))) ||
    (numeralLed && allHan(inner)) ||
    (allHan(inner) && POLICY_ENDINGS.some((e) => inner.endsWith(e) && inner.length > e.length + 1)) ||
    (!!ending && allHan(inner.replace(/[0-9]/g, '一'))) ||
    (programme && allHan(inner) && inner.length <= 10 && !'式化性'.includes(inner.at(-1)!)) ||
    (repeated && allHan(inner) && inner.length <= 8);
  if (!ok) return null;
  const quoted = `“${inner}”`;
  // Bare 1221 would mark every number; a short name known only from one programme noun (“清朗”专项行动) would mark 清朗之风.
  const shapeOnly = ok && (programme || listedNumeral) && !(hasDigit || inner.includes('·') || strictNumeral || POLICY_ENDINGS.some((e) => inner.endsWith(e)) || repeated);
  const bareOk = !/^[0-9a-z+·]+$/.test(inner) && !(shapeOnly && inner.length < 4);
  if (ending) return { name: quoted + ending, aliases: [quoted, ...(bareOk ? [inner + ending] : [])] };
  return { name: quoted, aliases: bareOk ? [inner] : [] };
}

/** “一城双区”, “两学一做”, “三严三实”: four characters, numerals first and third. */
const pairedNumerals = (inner: string) => /^[一二三四五六七八九十两双][\u4e00-\u9fff][一二三四五六七八九十两双百千万][\u4e00-\u9fff]$/.test(inner);

/** Idioms of that shape, quoted now and then but not programmes. */
const NUMERAL_IDIOMS = new Set([
  '一心一意', '三心二意', '七上八下', '四面八方', '五湖四海', '千家万户', '一五一十', '千方百计', '千辛万苦', '千军万马', '一草一木', '一砖一瓦',
  '一点一滴', '一言一行', '一举一动', '一朝一夕', '三番五次', '一清二楚', '一生一世', '十全十美', '百战百胜', '千变万化', '千姿百态', '一针一线',
  '一模一样', '一板一眼', '一年一度', '一丝一毫', '一心一德', '三五成群', '一唱一和', '一张一弛', '一来二去', '九死一生', '十拿九稳', '百里挑一',
]);

/** “一谷”, “两翼”, “双控”: a numeral (or 双) and one character, not a common word (双方). Longer ones in lists measured too loose (“万千气象”, “五岳独尊”). */
export function looseNumeralLed(inner: string): boolean {
  return /^[一二三四五六七八九十百千万两双][\u4e00-\u9fff]$/.test(inner) && !NOT_NUMERAL_LED.some((w) => inner.startsWith(w)) && !DATE_NUMERALS.has(inner);
}

/**
 * Is the quote at [start, end) one of a run of slogans: printed right against another quote (“一谷”“动力源”), or
 * joined by 、 to another numeral-led quote (“三农”、“两山”)?
 */
function inQuoteList(folded: string, start: number, end: number): boolean {
  if (folded[end] === '“' || folded[start - 1] === '”') return true;
  const next = /^、“([^“”\n]{2,4})”/.exec(folded.slice(end, end + 8));
  const prev = /“([^“”\n]{2,4})”、$/.exec(folded.slice(Math.max(0, start - 8), start));
  return !!(next && looseNumeralLed(next[1]!)) || !!(prev && looseNumeralLed(prev[1]!));
}

/** Every quoted span's inner text (for counting how many articles quote it). */
export function quotedSpans(text: string): string[] {
  return [...foldText(text).matchAll(/“([^“”\n]{2,12})”/g)].map((m) => m[1]!);
}

const LIST_PROGRAMME = new RegExp(`^(?:、[^，。；：！？、\\n]{2,14}){1,4}等(${PROGRAMME_NOUNS.join('|')})`);
/** “党课开讲啦”、“学习身边榜样”活动: quoted names joined by 、 whose last is followed by a programme noun, which names them all. */
const QUOTED_LIST_PROGRAMME = new RegExp(`^(?:、“[^“”\\n]{2,12}”){1,4}(${PROGRAMME_NOUNS.join('|')})`);

/** Quoted programme names (“千万工程”, “1221”战略举措, “六新”, “晋创谷·晋中”, “十四五”), known unquoted ones, and X Y一体化. */
export function extractPolicies(text: string, repeatedQuotes: ReadonlySet<string> = new Set()): Candidate[] {
  const out: Candidate[] = [];
  const folded = foldText(text);
  for (const m of folded.matchAll(/“([^“”\n]{2,12})”/g)) {
    const end = m.index! + m[0].length;
    // “锦绣姐姐”、“妇乐坊”、巾帼家政等品牌: a list of names the programme noun after 等 applies to.
    const listed = LIST_PROGRAMME.exec(folded.slice(end, end + 48)) ?? QUOTED_LIST_PROGRAMME.exec(folded.slice(end, end + 64));
    const after = listed ? listed[1]! : folded.slice(end, end + 4);
    const p = quotedPolicy(m[1]!, after, repeatedQuotes.has(m[1]!), inQuoteList(folded, m.index!, m.index! + m[0].length));
    if (p) out.push({ kind: 'policy', name: p.name, aliases: p.aliases });
  }
  for (const m of getFinders().policies.find(folded)) {
    // Printed in quotes (“双碳”): the quoted form is the same policy.
    const quoted = folded[m.start - 1] === '“' && folded[m.end] === '”';
    out.push({ kind: 'policy', name: m.word, aliases: quoted ? [`“${m.word}”`] : [] });
  }
  // 习近平总书记关于党的建设的重要思想: the named parts of the guiding thought.
  for (const m of folded.matchAll(/习近平总书记关于[\u4e00-\u9fff、]{2,24}?的重要思想/g)) out.push({ kind: 'policy', name: m[0] });
  // 美丽山西, 平安朔州: a province's or city's own edition of a national programme (美丽中国, 平安中国).
  // Not 幸福: 幸福安康 is a wish, not 安康 city's programme.
  for (const m of folded.matchAll(/美丽|平安|法治|数字|健康/g)) {
    const at = m.index! + m[0].length;
    const place = [3, 2].map((n) => folded.slice(at, at + n)).find((w) => w.length >= 2 && isProvinceOrCity(w));
    if (place) out.push({ kind: 'policy', name: m[0] + place });
  }
  // 科技强省, 文化强市: becoming strong in something, a goal by that name.
  for (const m of folded.matchAll(/(科技|文化|教育|人才|制造|质量|交通|网络|农业|体育|旅游|能源|工业|数字|法治)强[省市]/g)) out.push({ kind: 'policy', name: m[0] });
  // 人才强市战略, 旅游强省战略: a named strategy of becoming strong in something.
  for (const m of folded.matchAll(/([\u4e00-\u9fff]{2})强[省市县区]战略/g)) {
    if (![...m[1]!].some((c) => NEVER_IN_NAME.has(c))) out.push({ kind: 'policy', name: m[0] });
  }
  const shorts = placesByShort();
  const isPlace = (w: string) => shorts.has(w) || gazetteer().has(w);
  for (const m of folded.matchAll(/一体化|同城化/g)) {
    const at = m.index!;
    // Two place names right before it (太原晋中一体化): try every split, longest first.
    let best = '';
    for (const a of [3, 2]) {
      for (const b of [3, 2]) {
        const first = folded.slice(at - a - b, at - b);
        const second = folded.slice(at - b, at);
        if (at - a - b >= 0 && a + b > best.length && isPlace(first) && isPlace(second)) best = first + second;
      }
    }
    if (best) out.push({ kind: 'policy', name: best + m[0] });
  }
  return out;
}

/** A province's or city's full or short name (not a county's). */
function isProvinceOrCity(word: string): boolean {
  const full = gazetteer().get(word);
  return full ? full.level !== 'county' : (placesByShort().get(word) ?? []).some((p) => p.level !== 'county');
}

/** The provinces an archive is about: those of at least a tenth (and three) of its full place names. */
export function homeProvinces(texts: Iterable<string>): Set<string> {
  const counts = new Map<string, number>();
  let total = 0;
  const g = gazetteer();
  for (const text of texts) {
    for (const m of getFinders().places.find(text)) {
      const p = g.get(m.word);
      if (!p || m.word.length < 3 || !p.province) continue;
      counts.set(p.province, (counts.get(p.province) ?? 0) + 1);
      total++;
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 3 && n >= total / 10).map(([p]) => p));
}
