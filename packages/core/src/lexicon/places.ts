import { runSteps } from '../host.js';
import { gazetteer, hasDistrict, placesByShort, type Place } from './gazetteer.js';
import { allHan, isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';
import type { ArticleContext, Candidate } from './candidate.js';
import { brandBefore, departmentAfter, SHORT_BODY_NAMES } from './organisations.js';
import { NATIONS, WORLD_PLACES } from './world.js';
import { TRANSLIT } from './people-words.js';
import { CLAUSE_WORDS, COUNTRIES, GENERIC_HEADS, LEADING_VERBS, NATURAL_FEATURES, NEVER_IN_NAME, NOT_LOCALITY, PLACE_ORG_SUFFIXES } from './words.js';

/** Places: the gazetteer (and bodies named after its places), localities, rivers and roads by shape. */

let placeFinderCache: WordFinder | undefined;
const placeFinder = () => (placeFinderCache ??= wordFinder([...gazetteer().keys(), ...placesByShort().keys(), ...COUNTRIES, ...WORLD_PLACES, ...NATURAL_FEATURES], 'place'));
const COUNTRY_SET = new Set([...COUNTRIES, ...WORLD_PLACES]);
const NATION_SET = new Set(NATIONS);

/**
 * Provincial capitals and sub-provincial cities: national news prints their short forms (在济南召开) without the
 * punctuation a lesser city's short form needs to be told from a word (长治久安, 大理念).
 */
const CAPITALS = new Set(['石家庄市', '太原市', '呼和浩特市', '沈阳市', '长春市', '哈尔滨市', '南京市', '杭州市', '合肥市', '福州市', '南昌市', '济南市', '郑州市', '武汉市', '长沙市', '广州市', '南宁市', '海口市', '成都市', '贵阳市', '昆明市', '拉萨市', '西安市', '兰州市', '西宁市', '银川市', '乌鲁木齐市', '大连市', '青岛市', '宁波市', '厦门市', '深圳市', '苏州市']);
const NATURE_SET = new Set(NATURAL_FEATURES);

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
  let skipUntil = 0;
  let prev: { end: number; place: Place } | undefined;
  for (const m of placeFinder().find(text)) {
    const full = g.get(m.word);
    let place = full;
    if (place && (AMBIGUOUS_FULL.has(place.name) || (place.name.length === 2 && !atHome(place)))) continue;
    if (!place && NATURE_SET.has(m.word)) {
      // Not covered: a river or mountain does not anchor a body's name the way a place does (长江经济带…银行).
      out.push({ kind: 'place', name: m.word });
      continue;
    }
    if (m.start < skipUntil) continue; // inside a foreign state or province taken after its country (马里 in 马里兰州)
    if (!place && COUNTRY_SET.has(m.word)) {
      covered.fill(1, m.start, m.end);
      out.push({ kind: 'place', name: m.word });
      const team = teamAfter(text, m.end);
      if (team) out.push({ kind: 'organisation', name: m.word + team });
      const body = countryBodyAfter(text, m.end);
      if (body) out.push({ kind: 'organisation', name: m.word + body });
      for (const sub of NATION_SET.has(m.word) ? subdivisionsAfter(text, m.end, m.word) : []) {
        out.push(sub.candidate);
        covered.fill(1, sub.start, sub.end);
        skipUntil = sub.end;
      }
      continue;
    }
    if (!place) {
      // A short form alone: a province or prefecture city's (山西, 晋中) anywhere; a county's (太谷, 榆社) only where it
      // names one place in a province the archive is about.
      // 平遥县襄垣乡: a township that shares a county's short name is not that county (襄垣县 is in 长治), nor is
      // the short name elsewhere in a text that names the township (…贡献襄垣力量).
      if (['乡', '镇', '村', '街道'].some((s) => text.includes(m.word + s))) continue;
      const all = byShort.get(m.word) ?? [];
      // 吉林, 海南: a province's short form shared with a prefecture (吉林市, 海南藏族自治州) names the province.
      const allBig = all.filter((p) => p.level !== 'county');
      const provinces = allBig.filter((p) => p.level === 'province');
      const big = provinces.length === 1 ? provinces : allBig;
      // 浙江台州玉环, 河北迁安: right after its own city or province, a county's short form names it anywhere.
      const under = prev && prev.end === m.start ? all.filter((p) => p.level === 'county' && (p.city === prev!.place.name || p.province === prev!.place.name)) : [];
      const homeOnly = all.filter(atHome);
      // A city's own short form first (江西南昌 is 南昌市, not 南昌县).
      const byParent = big.length !== 1 && under.length === 1 && !(home && homeOnly.length === 1);
      const options = big.length === 1 ? big : byParent ? under : homeOnly;
      if (options.length !== 1 || (!home && big.length !== 1 && !byParent)) continue;
      // 吉林一号, 天津号: a craft named after the place, not the place.
      if (/^[一二三四五六七八九十]*号/.test(text.slice(m.end, m.end + 4))) continue;
      place = options[0]!;
      if (byParent) {
        // Only this, and not covered (the other rules read on as before: 丽江古城 is no 古城区): the builder keeps it where
        // the archive prints the short form mostly after its parent (not 振兴, 公安).
        out.push({ kind: 'place', name: place.current ?? place.name, aliases: [m.word], afterParent: true });
        continue;
      }
      // A city's short form far from home must stand apart from its neighbours (not 大理 in 大理念, 长治 in 长治久安).
      // Right after its own province it stands apart enough (浙江台州玉环).
      const afterOwn = !!prev && prev.end === m.start && place.province === prev.place.name;
      if (place.level === 'city' && !atHome(place) && !CAPITALS.has(place.name) && !afterOwn && !isDelimiter(text, m.start - 1) && !isDelimiter(text, m.end)) continue;
    }
    covered.fill(1, m.start, m.end);
    out.push({ kind: 'place', name: place.current ?? place.name, aliases: full && !place.current ? [] : [m.word] });
    prev = { end: m.end, place };
    // 阳泉矿区, 晋城市城区: a city's own district whose name alone is a common word (矿区, 城区) is named with its city;
    // bodies after it (阳泉矿区综治中心) are the district's.
    const district = place.level === 'city' ? [...AMBIGUOUS_FULL].find((d) => text.startsWith(d, m.end) && hasDistrict(place!.name, d)) : undefined;
    const end = m.end + (district?.length ?? 0);
    const word = m.word + (district ?? '');
    if (district) {
      out.push({ kind: 'place', name: place.name + district, aliases: m.word === place.name ? [] : [word] });
      covered.fill(1, m.end, end);
    }
    const team = teamAfter(text, end);
    if (team) out.push({ kind: 'organisation', name: word + team });
    // 应县西站, 太原南站: the place's railway station (not 站长, 站点, 站所).
    const station = place.level !== 'province' ? /^[东西南北]?站(?![长点所台内外前区务])/.exec(text.slice(end, end + 3))?.[0] : undefined;
    if (station) out.push({ kind: 'place', name: word + station });
    const suffix = PLACE_ORG_SUFFIXES.find((s) => text.startsWith(s, end) && (full || s.length >= 2));
    if (suffix && !(suffix === '委' && text.startsWith('委员', end) && !text.startsWith('委员会', end)) && !'生里内外议'.includes(text[end + suffix.length] ?? '#')) {
      const body = suffix + departmentAfter(text, end + suffix.length, suffix);
      // 团太原市委: the Youth League's committee of the place.
      const league = suffix === '委' && body === '委' && text[m.start - 1] === '团' && full ? '团' : '';
      // 太原市人民代表大会常务委员会 is 太原市人大常委会: one term under the usual short name.
      const short = SHORT_BODY_NAMES[body];
      // 国网朔州供电公司: a group's brand before the place is part of the name; without it, an alias.
      const brand = league ? '' : brandBefore(text, m.start);
      const orgName = league + brand + word + (short ?? body);
      const aliases: string[] = short ? [brand + word + body] : [];
      if (brand) aliases.push(word + (short ?? body));
      if (full && suffix === '委' && text.startsWith('中共', m.start - 2)) aliases.push('中共' + orgName);
      out.push({ kind: 'organisation', name: orgName, aliases });
      covered.fill(1, end, end + body.length);
      // 忻州市生态环境局襄汾分局: a bureau's branch in one of its counties.
      const branch = body.endsWith('局') ? /^([\u4e00-\u9fff]{2,3}?)分局/.exec(text.slice(end + body.length, end + body.length + 5)) : null;
      if (branch && (g.has(branch[1]!) || byShort.has(branch[1]!))) out.push({ kind: 'organisation', name: orgName + branch[0] });
    }
  }
  return { candidates: out, covered };
}

/**
 * A state's own bodies printed right after its name (俄罗斯国防部, 美国国会): the nouns the xwlb archive prints most
 * often after a country, named bodies only (not 媒体, 军队). Not 政府: the standard NER sets read 中国政府 as the
 * state (中国) and a common noun, and marking it whole cost them more than it gave on xwlb.
 */
const COUNTRY_BODIES = [
  '国防部', '外交部', '财政部', '商务部', '司法部', '能源部', '卫生部', '农业部', '国土安全部', '国务院', '国会', '议会', '众议院',
  '参议院', '内阁', '总统府', '总理府', '首相府', '央行', '中央银行', '最高法院', '海军', '空军', '陆军', '国家通讯社', '驻华大使馆', '大使馆', '使馆',
  // A state's armed forces' staff and security services (乌克兰武装部队总参谋部, 俄联邦安全局).
  '武装部队总参谋部', '总参谋部', '武装部队', '联邦安全局', '安全局', '国家安全局',
].sort((a, b) => b.length - a.length);

/** A state's fleet (俄罗斯黑海舰队, 美国第七舰队): named by its sea or number. */
const FLEET = /^(?:黑海|太平洋|北方|波罗的海|里海|大西洋|地中海|印度洋|第[一二三四五六七八九十]{1,2})舰队/;

/** One-character short forms of states the news prints before their bodies (俄国防部, 乌外交部, 美国务院 is 美国 + 务院: not these). */
const SHORT_STATES: Record<string, string> = { 俄: '俄罗斯', 乌: '乌克兰', 英: '英国', 法: '法国', 德: '德国', 日: '日本', 韩: '韩国', 以: '以色列', 伊: '伊朗', 印: '印度', 朝: '朝鲜', 叙: '叙利亚', 土: '土耳其', 菲: '菲律宾' };

/**
 * A state's ministry, agency or fleet printed after its one-character short form (俄国防部, 乌外交部, 俄黑海舰队): the
 * same body as after the full name, which names the term. Only bodies ending 部, 局 or 队 (法国会议 is no 国会), at a
 * left edge (or after 称, 据 …).
 */
export function extractShortStateBodies(text: string): Candidate[] {
  const out: Candidate[] = [];
  const edge = /(?:^|[^\u4e00-\u9fff]|[称据和与及同向对在将])$/;
  for (let i = 0; i < text.length; i++) {
    const full = SHORT_STATES[text[i]!];
    if (!full || !edge.test(text.slice(Math.max(0, i - 1), i))) continue;
    const body = countryBodyAfter(text, i + 1) || (FLEET.exec(text.slice(i + 1, i + 9))?.[0] ?? '');
    if (!body || !/[部局队]$/.test(body)) continue;
    out.push({ kind: 'organisation', name: full + body, aliases: [text[i] + body] });
  }
  return out;
}

/** The body of a state right after its name, or ''. Not 政府官员 (people), 议会选举 (an event) … */
function countryBodyAfter(text: string, at: number): string {
  const body = COUNTRY_BODIES.find((b) => text.startsWith(b, at)) ?? FLEET.exec(text.slice(at, at + 8))?.[0];
  if (!body) return '';
  return /^(?:官员|人士|选举|大选|首脑|议员|代表|发言人|部长|高官)/.test(text.slice(at + body.length, at + body.length + 2)) ? '' : body;
}

/** Characters a transliterated state or province name does not hold. */
const NOT_IN_FOREIGN_NAME = /[国政府部军队会院省州市县区人民党局各多个全该中首都]/;

/**
 * A country's states, provinces and prefectures printed right after it (美国密西西比州, 加拿大安大略省和魁北克省,
 * 日本福岛县), and the ones joined to them by 和 or 、. Japan's 省 are ministries (日本外务省): organisations.
 */
function subdivisionsAfter(text: string, at: number, country: string): { candidate: Candidate; start: number; end: number }[] {
  const out: { candidate: Candidate; start: number; end: number }[] = [];
  const suffix = country === '日本' ? '[县省]' : '[州省邦]';
  let pos = at;
  for (;;) {
    const m = new RegExp(`^([\u4e00-\u9fff]{2,6}?)(${suffix})`).exec(text.slice(pos, pos + 8));
    // 什 is in transliterations (布什尔省), not only in 什么.
    if (!m || [...m[1]!].some((c) => c !== '什' && NEVER_IN_NAME.has(c)) || NOT_IN_FOREIGN_NAME.test(m[1]!)) break;
    const end = pos + m[0].length;
    if (/^[长委]/.test(text.slice(end, end + 1))) break; // 州长, 省委: a title or a committee, the name reads on
    const kind = country === '日本' && m[2] === '省' ? 'organisation' : 'place';
    out.push({ candidate: { kind, name: m[0] }, start: pos, end });
    if (!'和、及与'.includes(text[end] ?? '#')) break;
    pos = end + 1;
  }
  return out;
}

/** A country's or place's sports team after its name (中国队, 韩国女队, 四川全兴队 not: a sponsor between), or ''. */
function teamAfter(text: string, at: number): string {
  return /^(?:国家)?[男女]?队(?![员长伍列形旗医友])/.exec(text.slice(at, at + 5))?.[0] ?? '';
}

/** Bodies of a town, township, village or sub-district, printed right after its name. */
const LOCALITY_BODIES = ['党委', '人民政府', '政府', '党支部', '党总支', '村委会', '村民委员会', '居委会', '党工委', '办事处', '卫生院', '中心校', '纪委']
  .sort((a, b) => b.length - a.length);

/**
 * Rivers by shape: two or more X河 joined by 、 or 和 (漳沱河、牧马河和天槽河), or one followed by 沿线, 流域 or
 * 两岸 (浊漳河流域), or by what only a river does (浊漳河是…河流, 发源, 流经; 云中河入滹沱河); each name two
 * characters before 河 at a clear left edge. Inside a clause the name's start is unclear (塔里木河, 亚马孙河): only a
 * river flowing into a known one after a verb's end (做好云中河入滹沱河).
 */
export function extractRivers(text: string): Candidate[] {
  const out: Candidate[] = [];
  const found = [...text.matchAll(/(?=([\u4e00-\u9fff]{2}河))/g)]
    .map((m) => ({ name: m[1]!, start: m.index!, end: m.index! + 3 }))
    .filter(({ name }) => ![...name.slice(0, 2)].some((c) => NEVER_IN_NAME.has(c)) && !NOT_RIVERS.has(name) && !('沿以受在向对与和入跨过临靠近经为从至到'.includes(name[0]!) && NATURE_SET.has(name.slice(1))));
  // Left edge: anything but a Han character, or a connective or preposition.
  const edge = (at: number) => at === 0 || !isHan(text[at - 1]) || '和与及对在向将把从'.includes(text[at - 1]!);
  const joined = (a: { end: number } | undefined, b: { start: number } | undefined) => !!a && !!b && b.start - a.end === 1 && '、和与及'.includes(text[a.end]!);
  const OWN = /^(?:流域|干流|支流|两岸|沿岸|河畔|汇入|注入|入[\u4e00-\u9fff]{1,3}河)/;
  const atEdge = found.filter((r) => edge(r.start));
  atEdge.forEach((r, i) => {
    const after = text.slice(r.end, r.end + 4);
    if (joined(atEdge[i - 1], r) || joined(r, atEdge[i + 1]) || /^(?:沿线|上游|下游)/.test(after) || OWN.test(after) || /^(?:是[^，。]{0,12}河流|发源|流经|全长)/.test(text.slice(r.end, r.end + 16))) out.push({ kind: 'place', name: r.name });
  });
  // Inside a clause the left end is unclear (塔里木河, 亚马孙河): only a river flowing into a known one (做好云中河入滹沱河).
  for (const r of found) {
    const into = /^(?:汇入|注入|流入|入)([\u4e00-\u9fff]{1,3}?河)/.exec(text.slice(r.end, r.end + 6));
    if (edge(r.start) || NATURE_SET.has(r.name.slice(1)) || !into || !NATURE_SET.has(into[1]!) || !'好了将把在对到'.includes(text[r.start - 1]!)) continue;
    out.push({ kind: 'place', name: r.name });
  }
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

/** Heads of a community that are a kind of community, not its name (完整社区, 城乡社区, 易地搬迁安置社区). */
const COMMUNITY_KINDS = /^(?:城乡|城市|农村|乡村|县城|完整|智慧|和谐|文明|幸福|美丽|平安|绿色|低碳|零碳|示范|老旧|老年|居民|安置|搬迁|易地|大型|聚居|少数|民族|国际|网格|友好|学习|数字|健康|无疫|基层|当地|本地|周边|附近|所在|各个|多个|这个|那个|整个|一些|部分|重点|创新|生态|互助|嵌入|涉外|新型|机关|利用|通过|依托|结合|联合|组织|带领|发动|动员|[一二三四五六七八九十两几多每][名个位家所])|人$/;

/**
 * Communities (社区) by name: 鼓楼区军门社区, 雁门街中心社区, 来到牡丹社区. Only after a place or locality the scan
 * covered, a street (街, 街道), or a verb of going there: 社区 after most words is the common noun (深入社区, 城乡社区).
 */
export function extractCommunities(text: string, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const verbs = ['来到', '走进', '前往', '深入', '走访', '位于', '考察', '调研', '看望', '慰问'];
  for (const m of text.matchAll(/社区/g)) {
    const at = m.index!;
    if (covered[at - 1] || /^(?:[居服医卫治工党干网]|建设|治理|养老|食堂)/.test(text.slice(at + 2, at + 4))) continue;
    for (const len of [2, 3, 4, 5]) {
      const s = at - len;
      if (s < 0) break;
      const head = text.slice(s, at);
      if (!allHan(head) || [...head].some((c) => NEVER_IN_NAME.has(c) || '镇乡村县区市省所局院队部'.includes(c)) || COMMUNITY_KINDS.test(head) || CLAUSE_WORDS.some((w) => head.startsWith(w))) break;
      // 雁门街中心社区: a street's own community; the street is part of the name when the name starts after a place.
      const leftOk = covered[s - 1] === 1 || text.endsWith('街道', s) || (len <= 3 && verbs.some((v) => text.endsWith(v, s)));
      if (!leftOk) continue;
      out.push({ kind: 'place', name: head + '社区' });
      covered.fill(1, s, at + 2);
      break;
    }
  }
  return out;
}

/** National and provincial roads by number: 国道336 (also printed G336), 省道S216. */
export function extractRoads(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/(国道|省道)([GS]?)(\d{2,4})(?!\d)/g)) {
    const code = (m[1] === '国道' ? 'G' : 'S') + m[3];
    out.push({ kind: 'place', name: m[1]! + m[3], aliases: [code] });
  }
  // G65包茂高速, G5京昆高速公路: an expressway by its number and name; the name alone is an alias.
  for (const m of text.matchAll(/(?<![0-9A-Za-z])([GS]\d{1,4})([\u4e00-\u9fff]{2,3}?)(高速公路|高速)/g)) {
    if ([...m[2]!].some((c) => NEVER_IN_NAME.has(c))) continue;
    out.push({ kind: 'place', name: m[0], aliases: [m[2]! + m[3]] });
  }
  return out;
}

/** A province's or city's full or short name (not a county's). */
export function isProvinceOrCity(word: string): boolean {
  const full = gazetteer().get(word);
  return full ? full.level !== 'county' : (placesByShort().get(word) ?? []).some((p) => p.level !== 'county');
}

/** The provinces an archive is about: those of at least a tenth (and three) of its full place names. */
export function homeProvinces(texts: Iterable<string>): Set<string> {
  return runSteps(homeProvincesSteps(texts));
}

/** homeProvinces as resumable steps (a text each). */
export function* homeProvincesSteps(texts: Iterable<string>): Generator<void, Set<string>> {
  const counts = new Map<string, number>();
  placeFinder();
  yield;
  for (const text of texts) {
    for (const [p, n] of provinceMentions(text)) counts.set(p, (counts.get(p) ?? 0) + n);
    yield;
  }
  return homeFromCounts(counts);
}

/** One text's full place names (three characters or more) by the province they lie in: what homeProvinces counts. */
export function provinceMentions(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const g = gazetteer();
  for (const m of placeFinder().find(text)) {
    const p = g.get(m.word);
    if (!p || m.word.length < 3 || !p.province) continue;
    counts.set(p.province, (counts.get(p.province) ?? 0) + 1);
  }
  return counts;
}

/** The home provinces from the archive's counts: at least a tenth (and three) of its full place names. */
export function homeFromCounts(counts: ReadonlyMap<string, number>): Set<string> {
  let total = 0;
  for (const n of counts.values()) total += n;
  return new Set([...counts].filter(([, n]) => n >= 3 && n >= total / 10).map(([p]) => p));
}


const RAIL_SUFFIXES = /高速铁路|城际铁路|高铁|铁路/g;
/** Kinds of railway, not a line's name (普速铁路, 国家铁路). */
const NOT_RAIL_NAMES = new Set(['高速', '普速', '城际', '重载', '地方', '国家', '货运', '客运', '干线', '支线', '市域', '城市', '沿线', '中国', '我国', '全国', '专用', '电气化', '乘坐', '修建', '建设', '开通']);

/**
 * Railway lines by shape: a two-to-four-character name (often the ends' initials: 集大原, 太焦) before 高铁 or
 * 铁路, at a clear left edge; not a kind of railway (城际铁路) nor a place's railways (山西铁路).
 */
export function extractRailways(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(RAIL_SUFFIXES)) {
    const at = m.index!;
    if (/^(?:局|部|职|工|公|运|建|线路|沿线|集团|系统|网|专用)/.test(text.slice(at + m[0].length, at + m[0].length + 2))) continue;
    for (const len of [2, 3, 4]) {
      const s = at - len;
      if (s < 0) break;
      const head = text.slice(s, at);
      if (!allHan(head) || [...head].some((c) => NEVER_IN_NAME.has(c))) break;
      if (!isDelimiter(text, s - 1) && !'在经沿乘坐与和及、至'.includes(text[s - 1]!)) continue;
      // Not a clause (实现高铁, 由中国铁路) nor a place's railways (湖北十堰高速铁路).
      if (NOT_RAIL_NAMES.has(head) || [...NOT_RAIL_NAMES].some((w) => head.startsWith(w)) || CLAUSE_WORDS.some((w) => head.startsWith(w)) || LEADING_VERBS.some((w) => head.startsWith(w))) break;
      if ([2, 3].some((n) => n <= head.length && (gazetteer().has(head.slice(-n)) || placesByShort().has(head.slice(-n)) || COUNTRY_SET.has(head.slice(-n))))) break;
      out.push({ kind: 'place', name: head + m[0] });
      break;
    }
  }
  return out;
}

/** Kinds of place a list ends with: 南槐志、坂地、东内封等村. */
const LISTED_KINDS = /等(?:行政)?(?:村庄|乡镇|村|乡|镇|社区|街道)(?![村民级干委集镇乡企办务服治居旅振])/g;

/**
 * Villages printed without 村: the items of a list that ends 等村 (以南槐志、坂地、东内封、西靳屯等村为代表), and the ends
 * of a road section named by its villages (应县罗庄至朔城区东榆林段).
 */
export function extractBareVillages(text: string, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const isName = (w: string) => w.length >= 2 && w.length <= 3 && allHan(w) && ![...w].some((c) => NEVER_IN_NAME.has(c) || '镇乡村县区市省'.includes(c)) && !NOT_LOCALITY.has(w);
  for (const m of text.matchAll(LISTED_KINDS)) {
    const items = text.slice(Math.max(0, m.index! - 40), m.index!).split(/[，。；：！？\n（）()“”]/).at(-1)!.split('、');
    if (items.length < 2) continue;
    // The first item carries the words that lead into the list (以南槐志, 对兴地): strip a leading verb or preposition.
    items[0] = items[0]!.replace(new RegExp(`^.*?(?:${LEADING_VERBS.join('|')})(?=[\u4e00-\u9fff]{2,3}$)`), '');
    if (!items.every(isName)) continue;
    for (const w of items) out.push({ kind: 'place', name: w });
  }
  // 罗庄至…东榆林段: each end right after a named place (county, district) that the scan covered.
  for (const m of text.matchAll(/至/g)) {
    const at = m.index!;
    const end = text.indexOf('段', at);
    if (end < 0 || end - at > 12) continue;
    const right = text.slice(at + 1, end);
    let r = 0;
    while (r < right.length && covered[at + 1 + r]) r++;
    let l = at;
    while (l > at - 4 && l > 0 && !covered[l - 1]) l--;
    const left = text.slice(l, at);
    if (r === 0 || l === at - 4 || !covered[l - 1]) continue;
    const name = right.slice(r);
    if (isName(left) && isName(name)) out.push({ kind: 'place', name: left }, { kind: 'place', name });
  }
  return out;
}

/** Characters of transliterated place names beyond those of people's (顿涅茨克, 汉堡, 釜山): from the foreign places in world.ts. */
const PLACE_TRANSLIT = new Set([...TRANSLIT, ...'顿涅堡牙别黎刚果耳宾买喀柏坡墨津陶宛脱挝柬埔寨缅甸汶斐玻突赞蓬乍矶慕辅阪釜壤翰仰悉堪培渥戛臣']);
/** A transliterated name of three to seven characters (波克罗夫斯克, 维尔纽斯): every character one of a foreign name's. */
const isTransliterated = (w: string) => w.length >= 3 && w.length <= 7 && [...w].every((c) => PLACE_TRANSLIT.has(c));

const FRONT_PLACE = /(?:在|向|对|朝|往|、|和|与)([\u4e00-\u9fff]{3,7}?)(?:等(?:多个)?|附近|一带)?方向/g;
const AROUND_PLACE = /(?:在|向|对|抵达|前往|飞抵)([\u4e00-\u9fff]{3,7}?)(?:附近|郊区|市中心|市区|一带)/g;
const CAPITAL = /首都([\u4e00-\u9fff]{3,7})/g;
const LISTED_PLACES = /在((?:[\u4e00-\u9fff]{3,7}、)+[\u4e00-\u9fff]{3,7})等地/g;

/**
 * Foreign places by the contexts only places have (在波克罗夫斯克等方向, 在库皮扬斯克附近, 首都维尔纽斯, 在红利曼、扎波罗热、
 * 顿涅茨克等地): the news prints front-line towns and foreign cities no closed list keeps up with. Not a run after a
 * country's name (德国莱比锡): measured on xwlb it cut names short (胡塞武|装, 克里姆林|宫) and took titles (埃米尔). Candidates only: the builder keeps a name that two or more
 * articles print in such a context and that is not a person's.
 */
export function foreignPlaceNames(text: string): string[] {
  const out = new Set<string>();
  const take = (w: string) => {
    if (isTransliterated(w)) out.add(w);
  };
  for (const re of [FRONT_PLACE, AROUND_PLACE]) for (const m of text.matchAll(re)) take(m[1]!);
  for (const m of text.matchAll(CAPITAL)) {
    // The run must end where the name visibly does (首都维尔纽斯的机场, 首都基辅。), not inside it (克里姆林|宫).
    let n = 0;
    while (n < m[1]!.length && PLACE_TRANSLIT.has(m[1]![n]!)) n++;
    const at = m.index! + 2 + n;
    if (isDelimiter(text, at) || /^(?:的|市|举行|召开|发生|郊区|附近|等|和|与)/.test(text.slice(at, at + 2))) take(m[1]!.slice(0, n));
  }
  for (const m of text.matchAll(LISTED_PLACES)) for (const w of m[1]!.split('、')) take(w);
  for (const w of listedWithKnownPlace(text)) out.add(w);
  return [...out];
}

/** A list of places ending 等地, 等多地, 等国, 等城市, 等州 … (首尔、大邱、光州等多地; 库尔斯克、别尔哥罗德等地). */
const PLACE_LIST = /((?:[\u4e00-\u9fff]{2,7}、)+[\u4e00-\u9fff]{2,7})等(?:多|多个|其他|[一二三四五六七八九十两0-9]+个)?(?:地|城市|国家|国|地区|州)(?![区方产址标点位块])/g;
/** Characters of a body, an office or a system, not of a place (中央外办, 商务系统, 清华大学). */
const NOT_IN_LISTED_PLACE = /[部委办局院校系统会党军队司团馆园场站所厂]|大学|(?:大|北|南|东|西|中)部$|^[东西南北中华]+(?:地区)?$/;

/**
 * The unknown items of a list of places that holds a known one (在首尔、大邱、光州等多地 with 首尔 known): regions and
 * foreign cities no closed list keeps up with. Not an item that starts with a known place (山西太原: two places the
 * matcher marks), nor a body's or a part's name (商务系统, 河北北部), nor
 * a bare direction (西北: also inside 义乌西北部). Candidates: the builder keeps names two or more
 * articles print so.
 */
function listedWithKnownPlace(text: string): string[] {
  const out: string[] = [];
  const known = (w: string) => gazetteer().has(w) || placesByShort().has(w) || COUNTRY_SET.has(w) || NATURE_SET.has(w);
  const startsKnown = (w: string) => [2, 3, 4].some((n) => n < w.length && known(w.slice(0, n)));
  for (const m of text.matchAll(PLACE_LIST)) {
    const items = m[1]!.split('、');
    // The first item carries the words before the list (韩国民众在首尔): the longest known place it ends with.
    const first = [7, 6, 5, 4, 3, 2].map((n) => items[0]!.slice(-n)).find((w) => w.length >= 2 && known(w));
    items[0] = first ?? '';
    if (!items.some(known)) continue;
    for (const w of items) {
      if (w.length < 2 || known(w) || startsKnown(w) || [...w].some((c) => NEVER_IN_NAME.has(c)) || NOT_IN_LISTED_PLACE.test(w)) continue;
      out.push(w);
    }
  }
  return out;
}

/** Launch sites named by their place (酒泉卫星发射中心, 海南文昌航天发射场): the place must end right where the suffix starts. */
export function extractLaunchSites(text: string, covered: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/卫星发射中心|航天发射场/g)) {
    let s = m.index!;
    if (!covered[s - 1]) {
      // 、西昌卫星发射中心: a place's short form the scan did not take (far from home), at a clear left edge.
      const head = [3, 2].map((n) => text.slice(s - n, s)).find((w, i) => (gazetteer().has(w) || placesByShort().has(w)) && (isDelimiter(text, s - [3, 2][i]! - 1) || '在于从'.includes(text[s - [3, 2][i]! - 1]!)));
      if (head) out.push({ kind: 'place', name: head + m[0] });
      continue;
    }
    while (s > 0 && covered[s - 1] && m.index! - s < 8) s--;
    out.push({ kind: 'place', name: text.slice(s, m.index! + m[0].length) });
  }
  return out;
}
