import { gazetteer, placesByShort, type Place } from './gazetteer.js';
import { allHan, isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';
import type { ArticleContext, Candidate } from './candidate.js';
import { INTERNATIONAL_BODIES } from './world.js';
import { maxOf } from '../arrays.js';
import { BRAND_PREFIXES, CHAIN_HEADS, CHAINED_DEPARTMENTS, CLAUSE_WORDS, GENERIC_BODIES, GENERIC_HEADS, GENERIC_LEVELS, NATIONAL_BODIES, NEVER_IN_NAME, ORG_SUFFIXES, PLACE_ANCHORED_ORGS, PLACE_ANCHORED_SITES, SITE_SUFFIXES, GENERIC_SITE_HEADS, NATURAL_FEATURES, ZONE_SUFFIXES } from './words.js';

const NATURE = new Set(NATURAL_FEATURES);
/** Parents whose units keep the parent's name (中国科学院大连化学物理研究所). */
const NATIONAL_SET = new Set([...NATIONAL_BODIES, '中国中医科学院']);

/** Organisations (and suffix-named sites): bodies by suffix, generic bodies resolved to the paper's place, named national bodies. */

let orgSuffixFinderCache: WordFinder | undefined;
const orgSuffixFinder = () => (orgSuffixFinderCache ??= wordFinder(ORG_SUFFIXES));
let siteSuffixFinderCache: WordFinder | undefined;
const siteSuffixFinder = () => (siteSuffixFinderCache ??= wordFinder(SITE_SUFFIXES));
let nationalFinderCache: WordFinder | undefined;
const nationalFinder = () => (nationalFinderCache ??= wordFinder([...NATIONAL_BODIES, ...INTERNATIONAL_BODIES]));

/** A group's brand printed right before `at` (国网 in 国网朔州供电公司), not reaching back before `min`; '' if none. */
export function brandBefore(text: string, at: number, min = 0): string {
  return BRAND_PREFIXES.find((b) => at - b.length >= min && text.startsWith(b, at - b.length)) ?? '';
}

/** Full body names and the short names the same bodies are usually printed under. */
export const SHORT_BODY_NAMES: Record<string, string> = { 人民代表大会常务委员会: '人大常委会', 人民代表大会: '人大', 政治协商会议委员会: '政协' };

/** A department printed right after a party committee or government (区委|统战部, 人民政府|办公室), or ''. */
export function departmentAfter(text: string, at: number, head: string): string {
  if (!CHAIN_HEADS.has(head)) return '';
  const dept = CHAINED_DEPARTMENTS.find((d) => text.startsWith(d, at));
  return dept && !'生里内外议'.includes(text[at + dept.length] ?? '#') ? dept : '';
}

/** Words ending in a level character that are not a generic body's level (城市, 社区). */
const LEVEL_WORDS = new Set(['城市', '都市', '超市', '上市', '全市', '本市', '我市', '该市', '各市', '两市', '门市', '股市', '夜市', '集市', '全省', '本省', '我省', '外省', '各省', '全县', '本县', '我县', '该县', '各县', '全区', '本区', '我区', '该区', '各区', '社区', '景区', '园区', '城区', '山区', '矿区', '新区', '片区', '街区', '辖区', '校区', '厂区', '小区', '牧区', '湖区', '灾区', '老区', '地区', '市区', '县区', '省市', '市县', '县市', '区县', '开发区', '示范区', '先行区', '高新区']);

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
    const place = level === '市' && ctx.city?.level === 'city' ? ctx.city : level === '省' ? ctx.province : countyNamedBefore(text, i, level);
    if (!place) continue;
    const body = head + departmentAfter(text, i + 1 + head.length, head);
    const league = body === '委' && text[i - 1] === '团' && !covered[i - 1]; // 团市委 → 团太原市委
    out.push({ kind: 'organisation', name: (league ? '团' : '') + place.name + (SHORT_BODY_NAMES[body] ?? body), at: { start: league ? i - 1 : i, end: i + 1 + body.length } });
  }
  return out;
}

/**
 * The county or district of that level the sentence named last before a bare 县政府 or 区委 (听取左权县人大常委会…以及
 * 县政府…: 左权县政府), or null when it names none.
 */
function countyNamedBefore(text: string, at: number, level: string): Place | null {
  if (level !== '县' && level !== '区') return null;
  const from = maxOf([0, at - 80, ...['。', '！', '？', '\n'].map((p) => text.lastIndexOf(p, at - 1) + 1)]);
  const g = gazetteer();
  let found: Place | null = null;
  for (let k = text.indexOf(level, from); k >= 0 && k < at; k = text.indexOf(level, k + 1)) {
    for (let n = 3; n <= 6 && k + 1 - n >= from; n++) {
      const p = g.get(text.slice(k + 1 - n, k + 1));
      if (!p || p.level !== 'county' || p.current) continue;
      found = p;
      break;
    }
  }
  return found;
}

/** Clause words of two or more characters: single characters (对, 和) occur inside names too (对外友好协会). */
const SPAN_CLAUSE_WORDS = CLAUSE_WORDS.filter((w) => w.length >= 2);
const LEADING_PARTICLES = new Set('已在由到于和与及是为把将被让从向'.split(''));
/** Characters a site's own name does not hold: prepositions and particles. */
const SITE_CUTS = new Set('在对由到于是为把将被让从向的了着和与及'.split(''));
/** Verbs that open a clause before a site (亮相八一广场, 实现高铁): a span starting with one is no name. */
const LEADING_VERBS_SITE = ['亮相', '实现', '表达', '举行', '举办', '亮相于', '来到', '走进', '前往', '打造', '建设', '建成', '新建', '修建', '开放', '参观', '游览', '漫步', '登上', '位于', '落户', '入驻', '全国', '全省', '全市', '新时代', '高水平', '滚动实施', '实施', '推进', '推动'];

/** 辉能科技有限公司和中海油……: the previous body of a list ends right before a conjunction. */
function afterListedBody(text: string, s: number): boolean {
  return '和与及'.includes(text[s - 1] ?? '#') && ORG_SUFFIXES.some((w) => text.endsWith(w, s - 1));
}

const NO_STOPS: ReadonlySet<number> = new Set();
/** The last characters of the organisation suffixes: a cheap test before the suffixes themselves. */
const SUFFIX_ENDS = new Set(ORG_SUFFIXES.map((w) => w.at(-1)!));

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
function spanBefore(text: string, start: number, end: number, covered: Uint8Array, placeAnchored: boolean, zone = false, site = false, stops: ReadonlySet<number> = NO_STOPS): { span: string; from: number; brand: string } | null {
  if ('生里内外议'.includes(text[end] ?? '#')) return null; // 大学生, 园区内, 协商会议
  let s = start;
  const brackets: [number, number][] = [];
  for (;;) {
    // A paragraph start is a left edge: compacting joined it to the line before (a headline, 德国竞争力正下降|德国工业联合会).
    while (s > 0 && !isDelimiter(text, s - 1) && !afterListedBody(text, s) && !stops.has(s) && start - s < 20) s--;
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
  // 灵石县经济技术开发区两渡产业园: a zone inside a zone; the inner one's name starts after the outer one's suffix.
  if (zone) {
    const outer = maxOf([...ZONE_SUFFIXES].map((z) => { const i = text.lastIndexOf(z, start - 1); return i >= s && i + z.length < start ? i + z.length : -1; }));
    if (outer > 0 && start - outer >= 2 && start - outer <= 4 && allHan(text.slice(outer, start))) return { span: text.slice(outer, end), from: outer, brand: '' };
  }
  if (from < 0) {
    // 中北高新区: a zone's own two-to-four-character name at a clear left edge, not a kind of zone (国家高新区).
    if (zone && start - s >= 2 && start - s <= 4 && !GENERIC_SITE_HEADS.has(text.slice(s, s + 2)) && ![...text.slice(s, start)].some((c) => NEVER_IN_NAME.has(c))) {
      return allHan(text.slice(s, start)) ? { span: text.slice(s, end), from: s, brand: '' } : null;
    }
    if (placeAnchored) return null;
    if (s > 0 && !isDelimiter(text, s - 1) && !afterListedBody(text, s) && !stops.has(s)) return null; // no clear left edge within reach
    from = s;
    for (let i = start - 1; i >= s; i--) {
      const w = SPAN_CLAUSE_WORDS.find((c) => text.startsWith(c, i) && i + c.length <= start);
      if (w) {
        from = i + w.length;
        break;
      }
    }
    while (from < start - 2 && LEADING_PARTICLES.has(text[from]!)) from++;
    // 2025年世界工程组织联合会, 2025赛季国际雪车联合会: a date before the name is not part of it.
    const date = /^[0-9]{4}(?:年(?:[春夏秋冬]季|版)?|赛季)?(?![0-9])/.exec(text.slice(from, start))?.[0];
    if (date && !site && start - from - date.length >= 2) from += date.length;
    // A site's name holds no preposition (一名男子在黄石国家公园, 以色列对阿克萨清真寺): it starts after the last one,
    // and is not a whole clause (亮相八一广场).
    if (site) {
      while (from < start && /[0-9]/.test(text[from]!)) from++;
      if (start - from > 12 || SPAN_CLAUSE_WORDS.some((w) => text.startsWith(w, from)) || LEADING_VERBS_SITE.some((w) => text.startsWith(w, from))) return null;
    }
  }
  if (site) {
    for (let i = start - 1; i > from; i--) {
      if (SITE_CUTS.has(text[i - 1]!)) {
        from = i;
        break;
      }
    }
  }
  // 国网朔州供电公司: a group's brand right before the place belongs to the name.
  const brand = covered[from] ? brandBefore(text, from, s) : '';
  from -= brand.length;
  const head = text.slice(from, start);
  // 21家主要银行, 多家县级医院, 多人被送往医院: a count, not a name.
  if (!covered[from] && /^(?:[0-9]+(?:多|余)?|[多数几两]|[一二三四五六七八九十百千]+)万?[家个名位所人座处批]/.test(head)) return null;
  if (head.length < 2 || !allHan(head.replace(/[0-9·]/g, '一').replace(PLACE_IN_BRACKETS, ''))) return null;
  if (!covered[from] && (head.length < 3 || GENERIC_HEADS.some((h) => head.startsWith(h)))) return null;
  // A one-character suffix (窦大夫祠) takes a short name only; a park or square named after a kind is no name (市民广场).
  if (!covered[from] && ((end - start === 1 && head.length > 4) || (site && GENERIC_SITE_HEADS.has(head.slice(0, 2))))) return null;
  for (const c of head) if ('的了着过是和与及或等各该此这那其每我你他她它们么被'.includes(c)) return null;
  return { span: text.slice(from, end), from, brand };
}

/** Companies, schools, hospitals and other named bodies by their suffix; sites (平遥古城, …旧址). */
export function extractBySuffix(text: string, ctx: ArticleContext, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const f = { orgSuffixes: orgSuffixFinder(), siteSuffixes: siteSuffixFinder() };
  // 窦大夫祠, 崇善寺: one-character site suffixes, which the word finder (two characters and more) does not see.
  const oneChar = [...text.matchAll(/[祠寺](?![庙院堂])/g)].map((m) => ({ start: m.index!, end: m.index! + 1, word: m[0] }));
  for (const [matches, kind] of [[f.orgSuffixes.find(text), 'organisation'], [[...f.siteSuffixes.find(text), ...oneChar], 'place']] as const) {
    for (const m of matches) {
      if (covered[m.start] || m.start < (ctx.bodyStart ?? 0)) continue; // 晋中市人民医院 was taken with its place; headlines: see ArticleContext
      const found = spanBefore(text, m.start, m.end, covered, kind === 'place' ? PLACE_ANCHORED_SITES.has(m.word) : PLACE_ANCHORED_ORGS.has(m.word), kind === 'place' && ZONE_SUFFIXES.has(m.word), kind === 'place', ctx.paragraphStarts);
      if (!found || (/队$/.test(m.word) && text[m.end] === '长')) continue; // 支队长: a title
      let span = found.span;
      let brand = found.brand;
      if (PLACE_ANCHORED_ORGS.has(m.word)) {
        const unit = anchoredName(text, found.from, m.end, covered);
        if (!unit) continue;
        if (unit !== span) brand = '';
        span = unit;
      }
      if (m.word === '公司') {
        const company = companyName(text, found.from, m.end, covered);
        if (!company) continue;
        if (company !== span) brand = '';
        span = company;
      }
      // 西藏出入境边防检查总站日喀则边境管理支队: a unit named under its parent body starts at its own place; the parent
      // is a term of its own (its suffix is found too).
      const spanFrom = m.end - span.length;
      for (let p = m.start - 1; p > spanFrom; p--) {
        if (!SUFFIX_ENDS.has(text[p - 1]!)) continue;
        const startsPlace = covered[p] ? !covered[p - 1] : [2, 3].some((n) => gazetteer().has(text.slice(p, p + n)) || placesByShort().has(text.slice(p, p + n)) || NATURE.has(text.slice(p, p + n)));
        if (startsPlace && m.start - p >= 3 && ORG_SUFFIXES.some((w) => text.endsWith(w, p)) && !NATIONAL_SET.has(text.slice(spanFrom, p))) {
          span = text.slice(p, m.end);
          brand = '';
          break;
        }
      }
      const level = span[0]!;
      if ((GENERIC_LEVELS as readonly string[]).includes(level) && !covered[found.from]) {
        // 市第一人民医院: the paper's city's, where known.
        const place = level === '市' && ctx.city?.level === 'city' ? ctx.city : level === '省' ? ctx.province : null;
        if (!place) continue;
        span = place.name + span.slice(1);
      }
      // The same body printed without its brand (朔州供电公司) is an alias.
      out.push({ kind, name: span, ...(brand ? { aliases: [span.slice(brand.length)] } : {}) });
      // 中北高新区党群工作部, 示范区管委会: a zone's own office right after it.
      const office = kind === 'place' && PLACE_ANCHORED_SITES.has(m.word) ? ZONE_OFFICES.find((d) => text.startsWith(d, m.end)) : undefined;
      if (office) out.push({ kind: 'organisation', name: span + office });
    }
  }
  return out;
}

/** Words of a clause or a count, not of a company's name (美国政府阻止日企收购美国钢铁公司, 多家航空公司, 第六届跨国公司). */
const NOT_IN_COMPANY = /要求|收购|听取|国内|国外|双方|阻止|起诉|通知|影响|导致|拜访|会见|表示|发布|化解|赋能|提高|降低|预计|隶属|所属|旗下|涉事|关于|部分|主要|大型|相关|上市|跨国|评级|[对向将与和同等家届为在称要多首近几数一两0-9]/;

/**
 * A company printed only with 公司 (东京电力公司, 伊萨尔航天技术公司) is a name when it is short, holds no clause or
 * count word, and says more than a place and a kind (not 美国公司, 美国科技公司).
 */
function companyName(text: string, from: number, end: number, covered: Uint8Array): string | null {
  // From the place nearest the suffix (日本民众来到东京电力公司 → 东京电力公司).
  let start = from;
  for (let i = from + 1; i < end - 2; i++) if (covered[i] && !covered[i - 1]) start = i;
  const span = text.slice(start, end);
  if (span.length > 12 || NOT_IN_COMPANY.test(span.slice(0, -2))) return null;
  let p = start;
  while (p < end && covered[p]) p++;
  // 德国物流企业敦豪公司: a kind of firm before the name describes it; the name starts after it.
  const kind = /^[\u4e00-\u9fff]{0,4}?(?:企业|厂商|巨头|运营商|制造商)(?=[\u4e00-\u9fff]{2})/.exec(text.slice(p, end - 2));
  if (kind) return text.slice(p + kind[0].length, end);
  const own = text.slice(p, end - 2);
  return own.length >= 2 && own !== '科技' ? span : null;
}

/** Words of a clause around a committee or centre's name (北京召开…, 拜登亦向美中关系全国委员会). */
const CLAUSE_IN_UNIT = /召开|会见|出席|主持|代表|共同|举行|致电|新建|同(?!盟)|[并亦向将在对为和与及0-9]/;

/** A committee or service centre named from the place nearest it on (北京召开中国共产党…中央委员会 → 中国共产党…). */
function anchoredName(text: string, from: number, end: number, covered: Uint8Array): string | null {
  let start = from;
  for (let i = from + 1; i < end; i++) if (covered[i] && !covered[i - 1]) start = i;
  const span = text.slice(start, end);
  let p = start;
  while (p < end && covered[p]) p++;
  if (span.length > 22 || p >= end - 3 || CLAUSE_IN_UNIT.test(text.slice(p, end))) return null;
  return span;
}

/** A zone's offices (管委会 runs it). */
const ZONE_OFFICES = ['管理委员会', '管委会', '党工委', '党群工作部', ...CHAINED_DEPARTMENTS].sort((a, b) => b.length - a.length);

/** Newspapers cited by name: 《山西日报》; national bodies; the party's congresses (党的二十大); group bureaus (中铁六局). */
export function extractNamedBodies(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/《([\u4e00-\u9fff]{2,10}(?:日报|晚报|报|杂志))》/g)) out.push({ kind: 'organisation', name: m[1]! });
  for (const m of nationalFinder().find(text)) out.push({ kind: 'organisation', name: m.word });
  // 国家自然资源督察北京局, 国家移民管理局: a national administration by its shape, not a 大局 or 格局 of the nation.
  for (const m of text.matchAll(/国家([\u4e00-\u9fff]{2,10}?)(总局|局|署)(?![长面势部])/g)) {
    // 和 joins two fields inside a long name (国家粮食和物资储备局), not at either end.
    const inner = m[1]!.length >= 4 ? m[1]!.slice(0, 1) + m[1]!.slice(1, -1).replace(/和/g, '') + m[1]!.slice(-1) : m[1]!;
    if ([...inner].some((c) => NEVER_IN_NAME.has(c)) || /^级/.test(m[1]!) || /(?:大|格|布|结|全|当|开|破|新|变|僵|残|赌|饭|骗|时|政|战|棋)$/.test(m[1]!)) continue;
    // 部署, 签署 are verbs (国家重大决策部署, 国家均签署), not an administration.
    if (m[2] === '署' && /[部签联]$/.test(m[1]!)) continue;
    out.push({ kind: 'organisation', name: m[0] });
  }
  for (const m of text.matchAll(/(?:党的|中共)(十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学队会])/g)) out.push({ kind: 'organisation', name: m[0] });
  for (const m of text.matchAll(/(中铁|中建|中交|中冶|中电建|中铁建)([一二三四五六七八九十]{1,3})局(?:集团)?/g)) out.push({ kind: 'organisation', name: m[0] });
  return out;
}


/** A role right after a body's name: the name ends there (清华大学|教授, 三峡集团|董事长). */
const ROLE_AFTER = /^(?:教授|副教授|校长|副校长|院长|副院长|学生|师生|研究|董事长|总裁|总经理|党委|附属|首席|专家|学者|团队|毕业)/;

/**
 * Universities and groups whose own name is two characters (清华大学, 复旦大学, 三峡集团), which the suffix scan does not
 * take alone (二级医院, 各家银行): at a clear left edge, a role right after them. The builder keeps those two or more
 * articles print so.
 */
export function shortBodyNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[，。、；：“”（）\n]|在|和|与|及|到|赴)([\u4e00-\u9fff]{2})(大学|集团)/g)) {
    const end = m.index! + m[0].length;
    const head = m[1]!;
    if (!ROLE_AFTER.test(text.slice(end, end + 3)) || [...head].some((c) => NEVER_IN_NAME.has(c) || CN_DIGITS.has(c)) || GENERIC_HEADS.some((h) => head.startsWith(h))) continue;
    out.add(head + m[2]!);
  }
  return [...out];
}
const CN_DIGITS = new Set('一二三四五六七八九十百千万两零'.split(''));
