/**
 * The article: the unit of the archive. Its JSON shape is a public contract
 * (`jianbao articles --json`, the bundle format): add fields only with a
 * bundle-format version bump and a migration in `bundle/migrate.ts`.
 */

export type ArticleKind = 'news' | 'feature' | 'notice' | 'editorial' | 'document' | 'photo';

export const ARTICLE_KINDS: readonly ArticleKind[] = ['news', 'feature', 'notice', 'editorial', 'document', 'photo'];

/** The event date as printed (e.g. `2月13日`) and its ISO form where the year is known. */
export interface Dateline {
  text: string;
  iso: string | null;
}

/** A `（下转第2版）` / `（上接第1版）` note: the page it points to and, where that page is in the archive, the article. */
export interface ContinuationLink {
  text: string;
  page: number | null;
  articleId: string | null;
}

export interface Article {
  /** Stable: the same input gives the same id on every build. */
  id: string;
  /** 报纸名, e.g. 晋中日报. */
  paper: string | null;
  /** ISO date of the issue (YYYY-MM-DD), or YYYY-MM / YYYY where only that is known. */
  date: string | null;
  /** Source file name of the page. */
  page: string;
  /**
   * 版次 as printed (`3`, `A3`), from the manifest or the page's file name; null when unknown.
   * Bundle format 3 on; optional so that articles made by hand (tests, imports) may leave it out.
   */
  pageNumber?: string | null;
  title: string;
  /** True where no headline was printed (photo caption, untitled speech) and the title was generated. */
  titleInferred: boolean;
  /** Kicker and subtitle lines, joined by a newline. */
  subtitle: string | null;
  /** Column label, e.g. 代表聚焦, 时政快讯. */
  section: string | null;
  byline: string | null;
  dateline: Dateline | null;
  kind: ArticleKind;
  /** Reprint source, e.g. 新华社, 据《山西日报》. */
  source: string | null;
  /** Body paragraphs as printed (OCR line breaks joined). */
  paragraphs: string[];
  /** `（下转第N版）`: where the article continues. */
  continues: ContinuationLink | null;
  /** `（上接第N版）`: where it came from. */
  continuationOf: ContinuationLink | null;
}

/** The contract's key order, used to emit articles in a stable shape. */
export const ARTICLE_KEYS = [
  'id', 'paper', 'date', 'page', 'title', 'titleInferred', 'subtitle', 'section', 'byline',
  'dateline', 'kind', 'source', 'paragraphs', 'continues', 'continuationOf',
  // Added in bundle format 3: last, so the keys before it keep their place in `--json` output.
  'pageNumber',
] as const satisfies readonly (keyof Article)[];

/** The article's text as one string: paragraphs joined by "\n" (the offsets xref reports index this). */
export function articleBody(article: Pick<Article, 'paragraphs'>): string {
  return article.paragraphs.join('\n');
}

/** Copies an article into the contract's exact key order (drops unknown keys). */
export function toContractArticle(article: Article): Article {
  const out = {} as Record<string, unknown>;
  for (const key of ARTICLE_KEYS) out[key] = article[key] ?? (key === 'paragraphs' ? [] : null);
  // Nested objects in their order too: the bundle's checksums are over this JSON text, and a store that
  // reorders keys (PostgreSQL's jsonb puts "iso" before "text") must not change it.
  out.dateline = ordered(out.dateline, ['text', 'iso']);
  out.continues = ordered(out.continues, ['text', 'page', 'articleId']);
  out.continuationOf = ordered(out.continuationOf, ['text', 'page', 'articleId']);
  return out as unknown as Article;
}

function ordered(value: unknown, keys: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = v[key] ?? null;
  return out;
}
