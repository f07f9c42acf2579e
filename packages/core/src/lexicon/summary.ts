/**
 * What a person's card sums up, computed once for every host (browser card, VS Code hover, `jianbao terms`): the
 * distinct titles the archive gives them, each with the first and last date and the number of articles, newest first.
 * Bundles are data from anywhere, so every field is checked before use.
 */

/** One distinct title in a person's history. */
export interface TitleHistoryEntry {
  title: string;
  /** Earliest and latest article dates that print it (YYYY-MM-DD), null when no such article is dated. */
  first: string | null;
  last: string | null;
  /** Articles that print it. */
  articles: number;
}

export interface PersonSummary {
  /** At most `limit` titles, newest first. */
  titles: TitleHistoryEntry[];
  /** How many more distinct titles there are ("+N more"). */
  more: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Distinct titles, newest last date first (undated last), then by number of articles. Within one article a title
 * that is part of a longer one printed there (市长 beside 晋中市委副书记、市长 and 晋中市长) is not counted again.
 */
export function titleHistory(roles: unknown): TitleHistoryEntry[] {
  if (!Array.isArray(roles)) return [];
  const byArticle = new Map<string, { titles: Set<string>; date: string | null }>();
  for (const r of roles as unknown[]) {
    if (!r || typeof r !== 'object') continue;
    const { title, articleId, date } = r as Record<string, unknown>;
    const t = str(title);
    if (!t) continue;
    const key = str(articleId) ?? `\u0000${byArticle.size}`;
    const entry = byArticle.get(key) ?? { titles: new Set<string>(), date: null };
    entry.titles.add(t.trim());
    const d = str(date);
    if (d && (!entry.date || d > entry.date)) entry.date = d;
    byArticle.set(key, entry);
  }
  const history = new Map<string, TitleHistoryEntry>();
  for (const { titles, date } of byArticle.values()) {
    const list = [...titles];
    for (const t of list) {
      if (list.some((o) => o !== t && o.length > t.length && o.includes(t))) continue;
      const h = history.get(t) ?? { title: t, first: null, last: null, articles: 0 };
      h.articles++;
      if (date && (!h.first || date < h.first)) h.first = date;
      if (date && (!h.last || date > h.last)) h.last = date;
      history.set(t, h);
    }
  }
  return [...history.values()].sort(
    (a, b) => (b.last ?? '').localeCompare(a.last ?? '') || b.articles - a.articles || a.title.localeCompare(b.title),
  );
}

/** A person's card: the newest `limit` titles and how many more there are. */
export function personSummary(term: unknown, limit = 5): PersonSummary {
  const roles = term && typeof term === 'object' ? (term as { roles?: unknown }).roles : undefined;
  const all = titleHistory(roles);
  const n = Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : 5;
  return { titles: all.slice(0, n), more: Math.max(0, all.length - n) };
}

/** "2023-03-05 – 2024-06-01", one date when they are the same, "" when undated. */
export function dateRange(entry: Pick<TitleHistoryEntry, 'first' | 'last'>): string {
  if (!entry.first || !entry.last) return entry.first ?? entry.last ?? '';
  return entry.first === entry.last ? entry.first : `${entry.first} – ${entry.last}`;
}
