/**
 * The message protocol between the background (which alone holds the archive)
 * and the content script, popup, reader and options pages.
 */
import { browser } from 'wxt/browser';
import type { Article, RelatedReason, TitleHistoryEntry } from '@jianbao/core';
import type { QueryOptions, SearchHit, SearchOptions, SearchResult, Term, TermKind, XrefReport } from './archive-types.js';
import type { SearchFacets } from './archive-service.js';
import type { ServerStatus } from './remote-archive.js';

export interface ArticleSummary {
  id: string;
  title: string;
  paper: string | null;
  date: string | null;
  snippet: string;
}

export interface CardData {
  term: Pick<Term, 'id' | 'name' | 'kind' | 'aliases'>;
  /** People: distinct titles with date range and article count, newest first, at most five (core's personSummary). */
  titles: TitleHistoryEntry[];
  /** How many more distinct titles there are ("+N more"). */
  moreTitles: number;
  /** The term's archive articles, newest first. */
  articles: ArticleSummary[];
  /** How many articles mention it in all (the list is capped). */
  total: number;
}

export interface ArchiveInfo {
  name: string;
  articleCount: number;
  /** 'server': the newsroom server set in Options answers; else the local archive (and `server` says why, when one is set). */
  source: 'default' | 'imported' | 'server';
  server?: ServerStatus;
  /** Changes whenever the archive in use changes; content scripts reload their matcher on change. */
  revision: string;
}

export interface ArticleView {
  article: Article;
  related: { id: string; title: string; date: string | null; paper: string | null; reasons: string[]; why: RelatedReason[] }[];
}

export interface PageCheck {
  report: XrefReport;
  /** Titles and dates of the articles the report points to. */
  articles: Record<string, { title: string; date: string | null; paper: string | null }>;
}

/** A check of a tab's page, kept for the side panel (storage.session, key `check:<tabId>`). */
export interface PageCheckOnPage extends PageCheck {
  url: string;
  title: string;
  /** How many of the reused passages and contradictions were found and painted on the page. */
  found: number;
  at: number;
}

export const checkKey = (tabId: number) => `check:${tabId}`;

export type Request =
  | { type: 'matcher' }
  | { type: 'card'; termId: string }
  | { type: 'search'; query: string; options?: SearchOptions }
  | { type: 'query'; text: string; options?: QueryOptions }
  | { type: 'search-facets' }
  | { type: 'article'; id: string }
  | { type: 'check'; text: string }
  | { type: 'check-page'; tabId: number }
  | { type: 'open-reader'; id: string }
  | { type: 'open-page'; path: string }
  | { type: 'archive-info' }
  | { type: 'archive-changed' }
  | { type: 'server-changed' }
  | { type: 'sync-sites' };

export interface Responses {
  matcher: { section: unknown; revision: string };
  card: CardData | null;
  search: SearchHit[];
  query: SearchResult;
  'search-facets': SearchFacets;
  article: ArticleView | null;
  check: PageCheck;
  'check-page': PageCheckOnPage;
  'open-reader': true;
  'open-page': true;
  'archive-info': ArchiveInfo;
  'archive-changed': ArchiveInfo;
  'server-changed': ArchiveInfo;
  'sync-sites': string[];
}

export type Reply<T extends Request['type']> = { ok: true; value: Responses[T] } | { ok: false; error: string };

/** Sends a request to the background; rejects with the background's one-line error. */
export async function ask<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error(`no reply from the background for ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const KIND_ORDER: readonly TermKind[] = ['person', 'place', 'organisation', 'policy'];
