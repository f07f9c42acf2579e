import { basename } from 'node:path';
import { ARTICLE_KINDS, articleId, isCalendarDay, type Article, type ArticleKind } from '@jianbao/core';
import { readTextFile } from './archive-file.js';

/**
 * `.jsonl` (or `.jsonl.gz`) input for `jianbao build`: one article a line,
 *   { "title": "…", "paragraphs": ["…"] | "text": "…", "date"?: "20220924" | "2022-09-24",
 *     "paper"?: "…", "id"?: "…", "kind"?: "news", "subtitle"?, "section"?, "byline"?, "source"? }
 * Blank lines are ignored. A bad line stops the build with an error naming
 * the line (nothing is half-built); with `skipBad` it is skipped instead and
 * counted, so one damaged record does not block a 20,000-story import.
 */

export interface JsonlResult {
  articles: Article[];
  /** 1-based line numbers of skipped lines (only with skipBad) and why. */
  skipped: { line: number; reason: string }[];
}

export class JsonlError extends Error {}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** "20220924", "2022-9-24", "2022/09/24", "2022年9月24日", "2022-09", "2022" → ISO (YYYY-MM-DD / YYYY-MM / YYYY). */
export function normalizeDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(v) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDay(y, mo, d)) return null; // 2024-02-31, 2025-13-01: no such day
    return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`.replace(/^(\d{4})/, String(y).padStart(4, '0'));
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(v) ?? /^(\d{4})(\d{2})$/.exec(v);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]!.padStart(2, '0')}` : null;
  return /^\d{4}$/.test(v) ? v : null;
}

function toArticle(value: unknown, source: string, line: number): Article {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JsonlError('expected a JSON object');
  const o = value as Record<string, unknown>;
  const title = str(o.title);
  if (!title) throw new JsonlError('"title" must be a non-empty string');
  let paragraphs: string[];
  if (Array.isArray(o.paragraphs)) {
    if (!o.paragraphs.every((p) => typeof p === 'string')) throw new JsonlError('"paragraphs" must be an array of strings');
    paragraphs = (o.paragraphs as string[]).map((p) => p.trim()).filter(Boolean);
  } else if (typeof o.text === 'string') paragraphs = o.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  else if (o.paragraphs === undefined && o.text === undefined) paragraphs = [];
  else throw new JsonlError('"paragraphs" must be an array of strings, or "text" a string');
  let date: string | null = null;
  if (o.date !== undefined && o.date !== null) {
    if (typeof o.date !== 'string' && typeof o.date !== 'number') throw new JsonlError('"date" must be a string like 20220924 or 2022-09-24');
    date = normalizeDate(String(o.date));
    if (!date) throw new JsonlError(`"date" ${JSON.stringify(o.date)} is not a date (expected 20220924, 2022-09-24, 2022-09 or 2022)`);
  }
  let kind: ArticleKind = 'news';
  if (o.kind !== undefined) {
    if (!ARTICLE_KINDS.includes(o.kind as ArticleKind)) throw new JsonlError(`"kind" must be one of ${ARTICLE_KINDS.join(', ')}`);
    kind = o.kind as ArticleKind;
  }
  if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') throw new JsonlError('"id" must be a string');
  const page = `${source}:${line}`;
  return {
    id: o.id !== undefined && String(o.id).trim() ? String(o.id).trim() : articleId(source, line, title),
    paper: str(o.paper),
    date,
    page,
    title,
    titleInferred: false,
    subtitle: str(o.subtitle),
    section: str(o.section),
    byline: str(o.byline),
    dateline: null,
    kind,
    source: str(o.source),
    paragraphs,
    continues: null,
    continuationOf: null,
  };
}

export async function readJsonlArticles(path: string, options: { skipBad?: boolean; onProgress?: (lines: number) => void } = {}): Promise<JsonlResult> {
  const text = await readTextFile(path, 'input');
  const source = basename(path).replace(/\.gz$/, '');
  const articles: Article[] = [];
  const skipped: JsonlResult['skipped'] = [];
  const seen = new Map<string, number>();
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    line++;
    if (line % 5000 === 0) options.onProgress?.(line);
    if (!raw) continue;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new JsonlError(`not valid JSON (${(error as Error).message.split('\n')[0]})`);
      }
      const article = toArticle(value, source, line);
      const first = seen.get(article.id);
      if (first !== undefined) throw new JsonlError(`duplicate id ${JSON.stringify(article.id)} (first on line ${first})`);
      seen.set(article.id, line);
      articles.push(article);
    } catch (error) {
      if (!(error instanceof JsonlError)) throw error;
      if (!options.skipBad) throw new JsonlError(`${path} line ${line}: ${error.message} (use --skip-bad to skip bad lines)`);
      skipped.push({ line, reason: error.message });
    }
  }
  return { articles, skipped };
}
