import { maxOf, minOf } from '../arrays.js';
import { foldText } from '../text/fold.js';
import { gazetteer, placesByShort } from './gazetteer.js';
import { allHan, isDelimiter, wordFinder, type WordFinder } from './scan.js';
import type { Candidate } from './candidate.js';
import { isProvinceOrCity } from './places.js';
import { CN_NUMERALS, COUNTRIES, DATE_NUMERALS, KNOWN_POLICIES, NEVER_IN_NAME, POLICY_ENDINGS, POLICY_NAME_ENDINGS, PROGRAMME_NOUNS } from './words.js';

/** Policies and slogans: quoted programme names by shape and reuse, known unquoted ones, named goals. */

let policyFinderCache: WordFinder | undefined;
const policyFinder = () => (policyFinderCache ??= wordFinder(KNOWN_POLICIES));

const NUMERAL_SECOND = new Set('个大新项化型要有为字条张篇件批类'.split(''));
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
    NUMBERED_DRIVE.test(inner) || // “五圈联动”, “双轮驱动”: so many parts working as one
    (inner.includes('·') && allHan(inner.replace(/·/g, ''))) ||
    (numeralLed && allHan(inner)) ||
    (allHan(inner) && POLICY_ENDINGS.some((e) => inner.endsWith(e) && inner.length > e.length + 1 && !isPlaceName(inner.slice(0, -e.length)))) ||
    (!!ending && allHan(inner.replace(/[0-9]/g, '一'))) ||
    (programme && allHan(inner) && inner.length <= 10 && !'式化性'.includes(inner.at(-1)!)) ||
    (repeated && allHan(inner) && inner.length <= 8);
  if (!ok) return null;
  const quoted = `“${inner}”`;
  // Bare 1221 would mark every number; a short name known only from one programme noun (“清朗”专项行动) would mark 清朗之风.
  const shapeOnly = ok && (programme || listedNumeral) && !(hasDigit || inner.includes('·') || strictNumeral || POLICY_ENDINGS.some((e) => inner.endsWith(e)) || repeated);
  // Nor a bare two-numeral quote (“十五”): unquoted it is a number (第十五届).
  const bareOk = !/^[0-9a-z+·]+$/.test(inner) && !/^[一二三四五六七八九十百千万两零〇]{1,2}$/.test(inner) && !(shapeOnly && inner.length < 4);
  if (ending) return { name: quoted + ending, aliases: [quoted, ...(bareOk ? [inner + ending] : [])] };
  return { name: quoted, aliases: bareOk ? [inner] : [] };
}

/** A state's, province's or city's name: “中国经济”, “山西品牌” are the place's economy or brands, not a programme's name. */
const isPlaceName = (w: string) => COUNTRY_NAMES.has(w) || isProvinceOrCity(w);
const COUNTRY_NAMES = new Set(COUNTRIES);

/** “五圈联动”, “双轮驱动”, “三链融合”: a count of parts and how they work together. */
const NUMBERED_DRIVE = /^[一二三四五六七八九十两双多]+[\u4e00-\u9fff]{1,2}(?:联动|驱动|融合|协同|并举|齐飞|并进|共治|一体)$/;

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

/** Every quoted span's inner text (for counting how many articles quote it); `isFolded` when foldText was applied already. */
export function quotedSpans(text: string, isFolded = false): string[] {
  return [...(isFolded ? text : foldText(text)).matchAll(/“([^“”\n]{2,12})”/g)].map((m) => m[1]!);
}

const LIST_PROGRAMME = new RegExp(`^(?:、[^，。；：！？、\\n]{2,14}){1,4}等(${PROGRAMME_NOUNS.join('|')})`);
/** “党课开讲啦”、“学习身边榜样”活动: quoted names joined by 、 whose last is followed by a programme noun, which names them all. */
const QUOTED_LIST_PROGRAMME = new RegExp(`^(?:、“[^“”\\n]{2,12}”){1,4}(${PROGRAMME_NOUNS.join('|')})`);

/** Quoted programme names (“千万工程”, “1221”战略举措, “六新”, “晋创谷·晋中”, “十四五”), known unquoted ones, and X Y一体化. */
export function extractPolicies(text: string, repeatedQuotes: ReadonlySet<string> = new Set(), programmes: ReadonlySet<string> = new Set()): Candidate[] {
  const out: Candidate[] = [];
  const folded = foldText(text);
  const quotes = [...folded.matchAll(/“([^“”\n]{2,32})”/g)];
  const named = new Set<number>();
  const runs = quoteRuns(folded, quotes);
  quotes.forEach((m, i) => {
    const end = m.index! + m[0].length;
    const p = namedQuote(m[1]!, folded.slice(end, end + 10), runs.has(i));
    if (p) {
      out.push(p);
      named.add(m.index!);
    }
  });
  for (const m of quotes) {
    if (named.has(m.index!) || m[1]!.length > 12) continue;
    const end = m.index! + m[0].length;
    // “锦绣姐姐”、“妇乐坊”、巾帼家政等品牌: a list of names the programme noun after 等 applies to.
    const listed = LIST_PROGRAMME.exec(folded.slice(end, end + 48)) ?? QUOTED_LIST_PROGRAMME.exec(folded.slice(end, end + 64));
    const after = listed ? listed[1]! : folded.slice(end, end + 4);
    const p = quotedPolicy(m[1]!, after, repeatedQuotes.has(m[1]!), inQuoteList(folded, m.index!, m.index! + m[0].length));
    if (p) out.push({ kind: 'policy', name: p.name, aliases: p.aliases });
  }
  // 全球发展倡议, 全球安全倡议: a global initiative by its field.
  for (const m of folded.matchAll(/全球([\u4e00-\u9fff]{2})倡议/g)) if (![...m[1]!].some((c) => NEVER_IN_NAME.has(c))) out.push({ kind: 'policy', name: m[0] });
  for (const m of policyFinder().find(folded)) {
    // Printed in quotes (“双碳”): the quoted form is the same policy.
    const quoted = folded[m.start - 1] === '“' && folded[m.end] === '”';
    out.push({ kind: 'policy', name: m.word, aliases: quoted ? [`“${m.word}”`] : [] });
  }
  // 《国家公路网规划(2013年—2030年)》, 《中国共产党纪律处分条例》: a named plan, rule or law (its years are not part of the name).
  for (const m of folded.matchAll(/《([\u4e00-\u9fff、]{2,30}?(?:规划|方案|纲要|条例|意见|办法|决定|行动计划|法))(?:[(（][^()（）]{0,20}[)）])?》/g)) {
    // Not a bare kind of document (《实施方案》, 《规划纲要》): six characters at least.
    // 全面 opens many a plan's title (《全面实施…工作方案》); other function words do not.
    if (m[1]!.length >= 6 && ![...m[1]!.replace(/^全面/, '一一').slice(0, 2)].some((c) => NEVER_IN_NAME.has(c) && !CN_NUMERALS.has(c))) out.push({ kind: 'policy', name: m[1]! });
  }
  // 人类命运共同体, 中古命运共同体, 澜湄国家命运共同体: a community of shared future, named by who shares it (after
  // the verb that builds it: 携手共建中古命运共同体).
  for (const m of folded.matchAll(/命运共同体/g)) {
    const head = folded.slice(Math.max(0, m.index! - 8), m.index!);
    const cut = maxOf([0, ...[...head.matchAll(/[^\u4e00-\u9fff—-]|构建|共建|打造|建设|推动|推进|携手|迈向|践行|形成|结成|成为|的|是|和|与|同|为|在|对|向|了/g)].map((c) => c.index! + c[0].length)]);
    // Not the degree or era words before it (高水平中非…, 新时代中柬…): the name is who shares it.
    const who = head.slice(cut).replace(/^[—-]+/, '').replace(/^(?:高水平|新时代|全天候|更加紧密|秉持|引领|夯实|深化|要|共同)+/, '');
    if (who === '两国' || who === '双方') continue;
    if (who.length >= 2 && who.length <= 6 && allHan(who.replace(/[—-]/g, ''))) out.push({ kind: 'policy', name: who + m[0] });
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
  for (const name of programmeNames(folded)) if (programmes.has(name)) out.push({ kind: 'policy', name });
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


/** A launching verb (深入实施, 组织开展: the adverb before it does not matter), a programme's own name (four to fourteen characters), then 行动 or 工程 and no more of a word. */
const PROGRAMME_AFTER_VERB = /(?:开展|实施|启动)(?:好)?([\u4e00-\u9fff]{4,14}?)(行动计划|三年行动|专项行动|攻坚行动|提升行动|行动|工程)(?![\u4e00-\u9fff]{0,1}(?:师|队|款|项目|建设|中|后|的)|[\u4e00-\u9fff]{2}(?:方案|部署))/g;
/** Heads that count or qualify, not name (一批, 更多, 一系列, 各项, 相关, 有针对性). */
const NOT_PROGRAMME_HEAD = /^(?:一批|一系列|系列|更多|多轮|多项|各项|各类|相关|有关|有针对性|有限|联合|特别|重大|重点|这一|这项|此次|本次|新的|一场|一次|一项|一轮)/;

/**
 * 开展全民健康素养提升行动, 实施城市更新行动, 深入实施中华文明探源工程: a programme named right after the verb that
 * launches it (its left edge), ending in 行动 or 工程. Not a count or degree (一批重大工程, 多轮打击行动), nor military
 * action (特别军事行动, 地面行动). The builder keeps those the archive prints more than once (`programmes`): each
 * one-off would be a matcher form that never marks anything else.
 */
export function programmeNames(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(PROGRAMME_AFTER_VERB)) {
    // 启动实施…行动: the second verb is not part of the name.
    const name = m[1]!.replace(/^(?:(?:开展|实施|启动|落实|推进|推动|部署)(?:好)?)+/, '') + m[2]!;
    if (name.length < m[2]!.length + 4) continue;
    if (/[的了着过是或等该此这那其我你他她它们么把被让给向对为将不没]/.test(m[1]!) || NOT_PROGRAMME_HEAD.test(m[1]!) || /军事|打击|地面|空袭|作战|报复|行动$/.test(m[1]!)) continue;
    out.push(name);
  }
  return out;
}

/** Words that name a programme after a quote, with up to four characters of what it does before them (“十百千”人才培养工程). */
const NAMED_TAIL = /^[^\u0000-\u4dff的了着地得之其和与及]{0,4}?(?:行动计划|工程|项目|计划|体系|基地|理念|帮扶|行动|品牌)/;
/** Numeral-led parts in a row: “一城两区三门户”, “一府一委两院”. */
const NUMERAL_PARTS = /^(?:[一二三四五六七八九十两双百千万][\u4e00-\u9fff]{1,2}){2,4}$/;

/** The quotes (by index into `quotes`) in runs of three or more short ones printed against each other or joined by 、. */
function quoteRuns(folded: string, quotes: RegExpMatchArray[]): Set<number> {
  const out = new Set<number>();
  const short = (m: RegExpMatchArray) => m[1]!.length >= 2 && m[1]!.length <= 6 && allHan(m[1]!);
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) for (const i of run) out.add(i);
    run = [];
  };
  quotes.forEach((m, i) => {
    const prev = quotes[i - 1];
    const touching = prev && /^、?$/.test(folded.slice(prev.index! + prev[0].length, m.index!));
    if (!touching || !short(m)) flush();
    if (short(m)) run.push(i);
  });
  flush();
  return out;
}

/**
 * Quoted names the one-quote rules do not see: a quote named by the words after it (“1131”就业帮扶, “两山”理念,
 * “三纵九横、八河连通”现代水网体系), numeral-led parts (“一城两区三门户”), a place's own model (“介休样板”), and
 * runs of three or more short quotes side by side (“朔州蓝”“桑干清”“生态绿”). One-off names keep their quotes: only
 * quoted printings are marked.
 */
function namedQuote(text: string, after: string, inRun: boolean): Candidate | null {
  const tailFirst = NAMED_TAIL.exec(after)?.[0];
  if (parallelSlogan(text)) return tailFirst ? { kind: 'policy', name: `“${text}”${tailFirst}`, aliases: [`“${text}”`] } : { kind: 'policy', name: `“${text}”` };
  // “亲、诚、惠、容”: three to six single characters joined by 、, a principle in as many words. Marked quoted only.
  if (/^[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){2,5}$/.test(text) && !SPEECH.test(text)) return { kind: 'policy', name: `“${text}”` };
  const plain = text.replace(/[、+·]/g, '');
  if (plain.length < 2 || !allHan(plain.replace(/[0-9a-zA-Z]/g, '一')) || (NEVER_IN_NAME.has(text[0]!) && !CN_NUMERALS.has(text[0]!))) return null;
  if (DATE_NUMERALS.has(text)) return null;
  const quoted = `“${text}”`;
  const tail = NAMED_TAIL.exec(after)?.[0];
  if (tail && text.length <= 10) return { kind: 'policy', name: quoted + tail, aliases: [quoted] };
  if (text.length > 8 || !allHan(text)) return null;
  if (NUMERAL_PARTS.test(text) && !NUMERAL_IDIOMS.has(text)) return { kind: 'policy', name: quoted, aliases: [text] };
  const lead = [3, 2].map((n) => text.slice(0, n)).find((w) => isProvinceOrCity(w) || gazetteer().get(w)?.level === 'county' || (placesByShort().get(w) ?? []).some((p) => p.level === 'county'));
  if (lead && text.length - lead.length >= 2 && text.length <= 6) return { kind: 'policy', name: quoted };
  // One of a run of three or more short quotes (see quoteRuns).
  if (inRun && text.length <= 6) return { kind: 'policy', name: quoted };
  return null;
}

/** Characters of speech, not of a slogan: pronouns, particles, modal words. */
const SPEECH = /[的了着吗呢吧啊呀我你他她它们这那么要能会想说得]/;

/**
 * A slogan of parallel parts: two to six phrases of three to seven characters, of (nearly) one length, joined by 、，
 * or a space (“产业集聚、科创突破”, “墨香暖社区 联韵贺新春”), with no word of speech in them.
 */
export function parallelSlogan(text: string): boolean {
  const parts = text.split(/[、，, ]/);
  if (parts.length < 2 || parts.length > 6) return false;
  const lens = parts.map((p) => p.length);
  if (minOf(lens) < 3 || maxOf(lens) > 7 || maxOf(lens) - minOf(lens) > 1) return false;
  return parts.every((p) => allHan(p) && !SPEECH.test(p));
}
