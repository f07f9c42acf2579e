/**
 * Infers a page's paper and issue date from its text (pages carry no
 * masthead). What is INFERRED here, and what the manifest SUPPLIES:
 *
 * - paper (inferred): the city the page's own reporting is about. Reprints
 *   (据《山西日报》, another paper's 记者, 新华社) are left out; each mention of
 *   the city or one of its counties/districts counts 1, the city's own
 *   slogans (`中国式现代化晋中篇章`, `晋中实践`) count 5. The paper is the
 *   city's daily (gazetteer.ts). Ties or no evidence: null.
 * - year (inferred): weighted votes. `今年是"十四五"规划收官之年` → 2025 (and
 *   the other plan years); `建市三十五周年` → the city's founding year + 35;
 *   `总结2024年工作` / `2024年工作综述` → 2025; `部署2025年任务` → 2025; each full
 *   date `2024年10月12日` → its year; any `YYYY年` a little.
 * - month (inferred): the month most news leads (本报讯…2月13日, 新华社…2月13日电)
 *   report events in; the issue follows within days, so the month is kept.
 * - day: never inferred — an issue appears a day or more after its events,
 *   so the day is not knowable from the text. The date is `YYYY-MM` (or `YYYY`).
 * - manifest.json (`pages[<file>]`: paper, date, pageNumber) SUPPLIES and
 *   OVERRIDES all of these, field by field; pageNumber (版次) only comes from
 *   the manifest.
 */
import { SHANXI_CITIES, type City } from './gazetteer.js';
import { parseNumeral, startsWithLead } from './lines.js';
import { recognitionForm } from './text.js';

export interface InferredMeta {
  paper: string | null;
  date: string | null;
  /** Why: one line per piece of evidence used, for `--json` debugging and tests. */
  evidence: string[];
}

export interface PageText {
  paragraphs: string[];
  /** Reprinted from elsewhere: not evidence for the page's own paper. */
  reprint: boolean;
}

const count = (text: string, needle: string) => (needle ? text.split(needle).length - 1 : 0);

export function inferPaper(items: PageText[], cities: City[] = SHANXI_CITIES): { city: City | null; evidence: string[] } {
  const own = items.filter((i) => !i.reprint).map((i) => i.paragraphs.join('\n')).join('\n');
  const scores = cities.map((city) => {
    let score = count(own, city.name);
    for (const place of city.places) score += count(own, place);
    score += 5 * (count(own, `${city.name}篇章`) + count(own, `${city.name}实践`));
    return { city, score };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score === 0 || (second && second.score === best.score)) return { city: null, evidence: [] };
  return { city: best.city, evidence: [`paper ${best.city.paper}: place score ${best.score} (next ${second?.score ?? 0})`] };
}

const PLAN_YEARS: Record<string, number> = { 十三五: 2016, 十四五: 2021, 十五五: 2026, 十六五: 2031 };

export function inferYear(text: string, city: City | null): { year: number | null; evidence: string[] } {
  const votes = new Map<number, number>();
  const evidence: string[] = [];
  const vote = (year: number, weight: number, why: string) => {
    if (year < 1900 || year > 2200) return;
    votes.set(year, (votes.get(year) ?? 0) + weight);
    if (weight >= 1) evidence.push(`${year} +${weight}: ${why}`);
  };
  for (const m of text.matchAll(/[“"‘']?(十[三四五六]五)[”"’']?(?:规划)?(收官|开局|起步)之年/gu)) {
    const start = PLAN_YEARS[m[1]!];
    if (start) vote(m[2] === '收官' ? start + 4 : start, 5, m[0]);
  }
  for (const m of text.matchAll(/建市([一二三四五六七八九十]+|\d+)\s*(周年|年来)/gu)) {
    const n = parseNumeral(m[1]!);
    if (city?.founded && n) vote(city.founded + n, 5, m[0]);
  }
  for (const m of text.matchAll(/(?:总结|回顾|回望)\s*(\d{4})\s*年|(\d{4})\s*年\s*(?:工作)?综述|(\d{4})\s*年度?工作(?:报告|总结)/gu)) {
    vote(Number(m[1] ?? m[2] ?? m[3]) + 1, 3, m[0]);
  }
  for (const m of text.matchAll(/部署\s*(\d{4})\s*年/gu)) vote(Number(m[1]), 3, m[0]);
  for (const m of text.matchAll(/(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/gu)) vote(Number(m[1]), 1, m[0].replace(/\s+/g, ''));
  for (const m of text.matchAll(/(\d{4})\s*年/gu)) vote(Number(m[1]), 0.2, m[0]);
  let best: number | null = null;
  for (const [year, weight] of votes) if (best === null || weight > votes.get(best)! || (weight === votes.get(best)! && year > best)) best = year;
  return { year: best, evidence };
}

/** The month of the events the page's news leads report, or null. */
export function inferMonth(paragraphs: string[]): number | null {
  const months = new Map<number, number>();
  for (const p of paragraphs) {
    if (!startsWithLead(p)) continue;
    const m = /(\d{1,2})\s*月\s*\d{1,2}\s*日/u.exec(recognitionForm(p.slice(0, 80)));
    if (m) months.set(Number(m[1]), (months.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [month, n] of months) if (best === null || n > months.get(best)!) best = month;
  return best !== null && best >= 1 && best <= 12 ? best : null;
}

export function inferMeta(items: PageText[]): InferredMeta {
  const { city, evidence } = inferPaper(items);
  const all = items.flatMap((i) => i.paragraphs);
  const { year, evidence: yearEvidence } = inferYear(all.join('\n'), city);
  const month = year === null ? null : inferMonth(all);
  const date = year === null ? null : month === null ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  return { paper: city?.paper ?? null, date, evidence: [...evidence, ...yearEvidence] };
}
