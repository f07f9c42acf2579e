import { gazetteer } from './gazetteer.js';
import { allHan, isDelimiter, isHan, wordFinder, type WordFinder } from './scan.js';
import type { ArticleContext, Candidate } from './candidate.js';
import { CLAUSE_WORDS, COMPOUND_SURNAMES, LEADING_VERBS, LIST_TITLES, NAME_FOLLOWERS, NEVER_IN_NAME, NOT_NAMES, SURNAMES, TITLES, TITLES_AFTER, WEAK_TITLES } from './words.js';

/** People: names anchored on titles before (省委书记X) or after (X主席), and appointment notices. */

let titleFinderCache: WordFinder | undefined;
const titleFinder = () => (titleFinderCache ??= wordFinder(TITLES));
let titlesAfterFinderCache: WordFinder | undefined;
const titlesAfterFinder = () => (titlesAfterFinderCache ??= wordFinder(TITLES_AFTER));
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
  for (const t of titleFinder().find(text)) {
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
  for (const t of titlesAfterFinder().find(text)) {
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

