import { articleBody, titleHistory, type Article, type Term, type TitleHistoryEntry } from '@jianbao/core';
import type { Sql } from '../db/types.js';

export interface TermListing {
  total: number;
  terms: { id: string; name: string; kind: string; aliases: string[]; mentions: number }[];
}

/** The lexicon's terms, most mentioned first; `q` keeps those whose name contains it. */
export async function listTerms(sql: Sql, o: { kind?: string; q?: string; limit: number; offset: number }): Promise<TermListing> {
  const where = `($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR strpos(name, $2) > 0)`;
  const params = [o.kind ?? null, o.q ?? null];
  const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM terms WHERE ${where}`, params);
  const rows = await sql.query<{ id: string; name: string; kind: string; aliases: string[]; mention_count: number }>(
    `SELECT id, name, kind, aliases, mention_count FROM terms WHERE ${where} ORDER BY mention_count DESC, id LIMIT $3 OFFSET $4`,
    [...params, o.limit, o.offset],
  );
  return { total: count?.n ?? 0, terms: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, aliases: r.aliases, mentions: r.mention_count })) };
}

export interface TermCard {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  mentions: number;
  /** People: each title with the first and last dates the archive gives it, oldest first. */
  titles: { title: string; first: string | null; last: string | null; articles: number }[];
  /** Core's title history (newest first), what the local cards of the extensions show. */
  history: TitleHistoryEntry[];
  /** Distinct articles that mention the term. */
  articleCount: number;
  /** The newest articles that mention the term (up to 20), with the text around its first mention. */
  articles: { id: string; title: string; date: string | null; paper: string | null; snippet: string }[];
}

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 90;

/** The text around a mention, as the browser extension's local card shows it. */
function snippetAround(body: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_BEFORE);
  const to = Math.min(body.length, Math.max(end, from + SNIPPET_LENGTH));
  return `${from > 0 ? '…' : ''}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
}

export async function termCard(sql: Sql, id: string): Promise<TermCard | null> {
  const [row] = await sql.query<{ data: Term }>('SELECT data FROM terms WHERE id = $1', [id]);
  if (!row) return null;
  const term = row.data;
  const titles = await sql.query<{ title: string; first: string | null; last: string | null; articles: number }>(
    `SELECT title, min(date) AS first, max(date) AS last, count(DISTINCT article_id)::int AS articles
     FROM term_roles WHERE term_id = $1 GROUP BY title ORDER BY min(date) NULLS LAST, title`,
    [id],
  );
  const ids = [...new Set(term.mentions.map((m) => m.articleId))];
  const rows = await sql.query<{ id: string; date: string | null; doc: string }>(
    `SELECT id, date, doc::text AS doc FROM articles WHERE id = ANY($1::text[]) ORDER BY date DESC NULLS LAST, seq DESC LIMIT 20`,
    [ids],
  );
  const firstMention = new Map<string, { start: number; end: number }>();
  for (const m of term.mentions) if (!firstMention.has(m.articleId)) firstMention.set(m.articleId, m);
  const articles = rows.map((r) => {
    const a = JSON.parse(r.doc) as Article;
    const m = firstMention.get(r.id) ?? { start: 0, end: 0 };
    return { id: r.id, title: a.title, date: r.date, paper: a.paper, snippet: snippetAround(articleBody(a), m.start, m.end) };
  });
  return {
    id: term.id, name: term.name, kind: term.kind, aliases: term.aliases, mentions: term.mentions.length, titles,
    history: titleHistory(term.roles), articleCount: ids.length, articles,
  };
}
