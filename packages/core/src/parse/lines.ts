/**
 * Line recognisers: what one OCR line is on its own (markdown heading,
 * continuation note, byline, photo credit, reprint source, headline-like
 * text). Context (what came before and after) is the layouts' job.
 */
import { endsSentence, hanLength, HAN_RE, recognitionForm } from './text.js';

export interface Heading {
  level: number;
  text: string;
}

/** `# 标题` … `###### 标题`, or a whole-line `**粗体**` (a sub-head, level 5). */
export function parseHeading(line: string): Heading | null {
  const md = /^(#{1,6})\s+(.*\S)\s*$/.exec(line);
  if (md) return { level: md[1]!.length, text: md[2]!.replace(/\s+#+$/, '').trim() };
  const bold = /^\s*\*\*(.+?)\*\*\s*$/.exec(line);
  if (bold) return { level: 5, text: bold[1]!.trim() };
  return null;
}

const NUM = '(\\d+|[一二三四五六七八九十]+)';
/** A continuation note: （下转第2版） (上接第1版) （转第3版） （接第1版）. */
export const CONTINUATION_RE = new RegExp(`[（(]\\s*(下转|上接|转|接)\\s*第?\\s*${NUM}\\s*版\\s*[）)]`, 'u');
const CONTINUATION_LINE_RE = new RegExp(`^\\s*${CONTINUATION_RE.source}\\s*$`, 'u');
const TRAILING_CONTINUATION_RE = new RegExp(`\\s*${CONTINUATION_RE.source}\\s*$`, 'u');

export interface ContinuationNote {
  text: string;
  direction: 'continues' | 'continuationOf';
  page: number | null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Arabic or simple Chinese numeral (一 … 九十九) to a number. */
export function parseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  if (!text.includes('十')) return text.length === 1 ? CN_DIGITS[text]! : null;
  const [tens = '', ones = ''] = text.split('十');
  return (tens ? CN_DIGITS[tens] ?? 0 : 1) * 10 + (ones ? CN_DIGITS[ones] ?? 0 : 0);
}

function toNote(match: RegExpExecArray): ContinuationNote {
  const direction = match[1] === '上接' || match[1] === '接' ? 'continuationOf' : 'continues';
  return { text: match[0].trim(), direction, page: parseNumeral(match[2]!) };
}

/** The note when the whole line is one, else null. */
export function continuationLine(line: string): ContinuationNote | null {
  const form = recognitionForm(line);
  if (!CONTINUATION_LINE_RE.test(form)) return null;
  const m = CONTINUATION_RE.exec(form)!;
  return { ...toNote(m), text: line.slice(m.index, m.index + m[0].length).trim() };
}

/** Splits a note printed at the end of a paragraph: `……推进。” （下转第2版）`. */
export function splitTrailingContinuation(text: string): { text: string; note: ContinuationNote | null } {
  const form = recognitionForm(text);
  const m = TRAILING_CONTINUATION_RE.exec(form);
  if (!m || m.index === 0) return { text, note: null };
  const inner = CONTINUATION_RE.exec(m[0])!;
  const at = m.index + inner.index;
  return { text: text.slice(0, m.index).trimEnd(), note: { ...toNote(inner), text: text.slice(at, at + inner[0].length).trim() } };
}

/** Common Chinese surnames: a names-only line (`王文军 吴杰 侯兴`) is a byline when every token starts with one. */
const SURNAMES = new Set([...
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝畅郜亢智栗']);

function isNameToken(token: string): boolean {
  const chars = [...token];
  return chars.length >= 2 && chars.length <= 3 && chars.every((c) => HAN_RE.test(c)) && SURNAMES.has(chars[0]!);
}

/** Names separated by spaces or 、: `袁兆锋 袁兆辉 卢文艳`, `殷雪鸢、胡引平`, `丁 洁`. */
export function isNameList(text: string, min = 1): boolean {
  const folded = recognitionForm(text).trim().replace(/(?<=^|[\s、，,])(\p{Script=Han}) (\p{Script=Han})(?=$|[\s、，,])/gu, '$1$2');
  const tokens = folded.split(/[\s、，,]+/).filter(Boolean);
  return tokens.length >= min && tokens.every(isNameToken);
}

const SOURCE_RE = /^(据《[^》]+》(报道)?|据新华社(电|报道)?|新华社稿|来源[:：]\s*\S+)$/u;
/** A reprint source line: `据《山西日报》`. */
export function sourceLine(line: string): string | null {
  const t = line.trim();
  return SOURCE_RE.test(recognitionForm(t)) ? t : null;
}

const BYLINE_PREFIX = /^(本报记者|本报通讯员|本报特约记者|见习记者|特约记者|记者|通讯员|本报评论员|\S{2,8}(日报|晚报|电视台|新闻网|社)记者)\s*/u;

export interface BylineLine {
  byline: string;
  source: string | null;
}

/**
 * A byline line: `本报记者 李晓雯 通讯员 张丙煦`, `记者 武跃林`, `山西日报记者 韩乐 …`,
 * or bare names with an optional reprint source (`袁兆锋 袁兆辉 卢文艳 据《山西日报》`).
 */
export function bylineLine(line: string): BylineLine | null {
  let t = line.trim();
  if (!t || t.length > 80 || /[。！？；：:，,]/.test(t)) return null;
  // Matched in recognition form (本報記者, 據《…》), returned as printed.
  let form = recognitionForm(t);
  let source: string | null = null;
  const src = /\s*(据《[^》]+》(报道)?)$/u.exec(form);
  if (src) {
    source = t.slice(src.index).trim();
    t = t.slice(0, src.index).trim();
    form = recognitionForm(t);
  }
  if (BYLINE_PREFIX.test(form)) {
    const rest = form.replace(/(本报记者|本报通讯员|特约记者|见习记者|记者|通讯员|\S{2,8}(日报|晚报|电视台|新闻网|社)记者)/gu, ' ');
    if (isNameList(rest.replace(/[\s、]+/g, ' '))) return { byline: t, source };
    return null;
  }
  if (isNameList(t, source ? 1 : 2)) return { byline: t, source };
  return null;
}

export interface Credit {
  caption: string | null;
  byline: string;
}

/** A photo credit `赵福胜 摄`, or a caption ending in one: `……工会工作情况。 梁 琛 摄`. */
export function photoCredit(line: string): Credit | null {
  const t = line.trim();
  const m = /^(?:(.*[。！？”）)])\s+)?((?:本报记者|记者|通讯员)?\s*[\p{Script=Han}、 ]{2,20}?)\s*(文\/摄|摄影|摄)$/u.exec(t);
  if (!m) return null;
  const names = m[2]!.replace(/^(本报记者|记者|通讯员)\s*/u, '');
  if (!isNameList(names)) return null;
  return { caption: m[1]?.trim() ?? null, byline: `${m[2]!.trim()} ${m[3]}` };
}

/** `(2024年10月12日)`: a document's date printed under its title. */
export function dateLine(line: string): string | null {
  const m = /^\s*[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]\s*$/u.exec(line);
  return m ? m[1]!.replace(/\s+/g, '') : null;
}

/** News leads: 本报讯, 新华社北京2月13日电, 据新华社…电, 央视网消息（…）：. */
export const LEAD_RE = /^\s*(本报讯|本报[^\s，,。（(]{1,8}讯|(据)?新华社[^\s，,。]{0,12}电|中新社[^\s，,。]{0,12}电|人民日报[^\s，,。]{0,12}电|(据)?[^\s，,。：:（(]{1,10}消息(?=[（(：:\s]))/u;

export function startsWithLead(text: string): boolean {
  return LEAD_RE.test(recognitionForm(text.slice(0, 40)));
}

/** Starts an enumerated item: 一、 （二） (3) 1. 1、 — always a new paragraph. */
export const ENUM_RE = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))/u;

/** Characters a headline does not end with (a line ending so was cut mid-sentence). */
const DANGLING_END = new Set([...'的得和与及或在从把被将向以了并而但且其之所跟同由于']);

/**
 * Text that could be a headline, kicker, sub-head or label on its own: short,
 * no sentence punctuation (an enumerated sub-head may carry a comma), does not
 * end mid-phrase, is not a lead.
 */
export function headLike(line: string): boolean {
  const t = line.trim();
  if (!t || hanLength(t) < 2 || t.length > 60) return false;
  if (/[。！？!?；;]/.test(t)) return false;
  // One colon is a headline's (`人民日报评论员文章：……`, `专访某某：……`), not a field line (`咨询电话：0354-…`).
  const colon = t.split(/[：:]/);
  if (colon.length > 2 || (colon.length === 2 && (hanLength(colon[0]!) < 2 || hanLength(colon[1]!) < 4))) return false;
  if (/[，,]/.test(t) && !ENUM_RE.test(t)) return false;
  if (DANGLING_END.has([...t].at(-1)!) || /[、，,（(“《]$/.test(t)) return false;
  if (startsWithLead(t)) return false;
  return !endsSentence(t) || /[”》）)]$/.test(t);
}

/** A kicker printed above a headline: `……时强调`, `……——`, a bare place name (`灵石县`). */
export function isKicker(text: string): boolean {
  const t = text.trim();
  return /(——|—)$/.test(t) || /(时|中)?(强调|指出|表示|要求)$/.test(t) || /^[\p{Script=Han}]{2,6}(省|市|县|区|镇|乡|村|旗)$/u.test(t);
}

/** A subtitle: `——……`, or who chaired/attended (`吴秀玲主持并讲话`, `常书铭作出批示`, `武晓花参加`). */
export function isSubtitle(text: string): boolean {
  const t = text.trim();
  return /^(——|—|－－|--)/.test(t) || /(主持并讲话|主持|讲话|出席|参加|作出批示|批示|致辞|出席并讲话|等参加)$/.test(t);
}

/** A column label: short, no spaces between clauses once OCR spacing is folded (代表聚焦, 时政 快讯). */
export function isLabelLike(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const max = /\s/.test(text.trim()) ? 6 : 8;
  return hanLength(t) >= 2 && [...t].length <= max && /^[\p{Script=Han}]+$/u.test(t) && !isKicker(t) && !isSubtitle(t);
}

/** Strips the dashes that mark kickers and subtitles (`—— 市人大…` → `市人大…`). */
export function stripDashes(text: string): string {
  return text.replace(/^\s*(——|—|－－|--)\s*/, '').replace(/\s*(——|—)\s*$/, '').trim();
}
