import type { Term } from '@jianbao/core';
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
  /** The newest articles that mention the term (up to 20). */
  articles: { id: string; title: string; date: string | null }[];
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
  const articles = await sql.query<{ id: string; title: string; date: string | null }>(
    `SELECT id, doc->>'title' AS title, date FROM articles WHERE id = ANY($1::text[]) ORDER BY date DESC NULLS LAST, seq DESC LIMIT 20`,
    [ids],
  );
  return { id: term.id, name: term.name, kind: term.kind, aliases: term.aliases, mentions: term.mentions.length, titles, articles };
}
