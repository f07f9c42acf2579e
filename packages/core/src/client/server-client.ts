/**
 * A small client of the newsroom server's HTTP API (packages/server), shared by
 * the browser extension and VS Code. Plain `fetch`: no DOM or Node import, so
 * it runs in a service worker, an extension page, VS Code's Node and web hosts.
 * Results have the shapes of the local calls (searchQuery, crossReference, the
 * Article contract); failures are a `ServerError` whose `code` the hosts word
 * in their UI language. Drafts and page text are sent, never kept or logged.
 */
import type { Article } from '../article.js';
import type { TitleHistoryEntry } from '../lexicon/summary.js';
import type { TermKind } from '../lexicon/types.js';
import { checkQuery } from '../search/search.js';
import type { QueryOptions, SearchResult } from '../search/types.js';
import type { XrefReport } from '../xref/cross-reference.js';
import { ServerError, errorFromResponse } from './errors.js';

export { ServerError, SERVER_ERROR_CODES, type ServerErrorCode } from './errors.js';

// Every host has these; core's lib settings (plain ES) do not declare them.
declare const setTimeout: (callback: () => void, ms: number) => unknown;
declare const clearTimeout: (handle: unknown) => void;
declare class AbortController {
  readonly signal: unknown;
  abort(): void;
}

/** The part of a fetch Response the client reads. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown }) => Promise<FetchResponse>;

export interface ServerClientOptions {
  /** The server's address, e.g. https://archive.example.org (http:// only for this machine). */
  url: string;
  token: string;
  /** Milliseconds before a request is given up (default 10 s; draft checks get three times as long). */
  timeoutMs?: number;
  /** Defaults to the host's global fetch. */
  fetch?: FetchLike;
}

export interface ServerRevision {
  revision: number;
  name: string;
  articles: number;
}

/** A query's result as `searchQuery` gives it locally, plus the archive revision that answered. */
export type ServerSearchResult = SearchResult & { revision: number };
export type ServerXrefReport = XrefReport & {
  revision: number;
  /** With `articles: true`: title, date and paper of every article the report points to. */
  articles?: Record<string, { title: string; date: string | null; paper: string | null }>;
};

/** What a search form's filters offer: the archive's papers and kinds (most articles first) and its date span. */
export interface ServerFacets {
  papers: string[];
  kinds: string[];
  first: string | null;
  last: string | null;
}

export interface ServerTermListing {
  total: number;
  terms: { id: string; name: string; kind: TermKind; aliases: string[]; mentions: number }[];
}

/** The server's term card (GET /v1/terms/:id). */
export interface ServerTermCard {
  id: string;
  name: string;
  kind: TermKind;
  aliases: string[];
  mentions: number;
  /** Oldest first, grouped by title (the server's table). */
  titles: { title: string; first: string | null; last: string | null; articles: number }[];
  /** Core's title history of a person (titleHistory: newest first), as the local cards show it. */
  history?: TitleHistoryEntry[];
  /** Distinct articles that mention the term. */
  articleCount?: number;
  /** The newest articles that mention it (up to 20). */
  articles: { id: string; title: string; date: string | null; paper?: string | null; snippet?: string }[];
}

/** A section by revision: unchanged (the cached copy stands) or the new body with its ETag. */
export type SectionReply = { changed: false; etag: string } | { changed: true; etag: string; revision: number; body: unknown };

const DEFAULT_TIMEOUT = 10_000;

/**
 * Checks a server address as typed in a setting: an http(s) origin, optionally with a path prefix.
 * Returns the address without a trailing slash, or a ServerError('bad-address').
 */
export function normaliseServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  const m = /^(https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?$/i.exec(trimmed);
  if (!m) throw new ServerError('bad-address', `not a server address (https://…): ${JSON.stringify(text.slice(0, 80))}`);
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3] ?? ''}`;
}

/** The origin of a server address (scheme://host[:port]): what a browser grants a host permission for. */
export function serverOrigin(url: string): string {
  const m = /^(https?:\/\/[^/]+)/.exec(normaliseServerUrl(url));
  return m![1]!;
}

export class ServerClient {
  readonly url: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: FetchLike;

  constructor(options: ServerClientOptions) {
    this.url = normaliseServerUrl(options.url);
    this.token = options.token.trim();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
    const global = (globalThis as { fetch?: FetchLike }).fetch;
    const fetchFn = options.fetch ?? (global ? (url, init) => global(url, init) : undefined);
    if (!fetchFn) throw new ServerError('unreachable', 'this host has no fetch');
    this.fetchFn = fetchFn;
  }

  /** `{ok, revision}` without a token: is the server there at all. */
  health(): Promise<{ ok: boolean; revision: number }> {
    return this.json('GET', '/v1/health');
  }

  /** The archive's revision, name and size; checks the token too. */
  revision(): Promise<ServerRevision> {
    return this.json('GET', '/v1/revision');
  }

  /**
   * A query in core's query syntax, with searchQuery's options. A query the server cannot read (malformed,
   * an impossible date) comes back as a result with `error` set, as searchQuery gives it locally.
   */
  async search(query: string, options: QueryOptions = {}): Promise<ServerSearchResult> {
    const { limit, offset, sort, from, to, paper, kind, asTyped } = options;
    const p = queryString({ q: query, limit, offset: offset || undefined, sort, from, to, paper, kind, as_typed: asTyped ? 1 : undefined });
    try {
      return await this.json<ServerSearchResult>('GET', `/v1/search${p}`);
    } catch (error) {
      if (error instanceof ServerError && error.code === 'bad-query') {
        // The server says what in English; the same check here gives it as data, for the host to word.
        const checked = checkQuery(query, options);
        const problem = 'problem' in checked ? { problem: checked.problem } : {};
        return { revision: 0, hits: [], total: 0, totalAtLeast: false, error: error.detail ?? error.message, ...problem, notices: [], messages: [] };
      }
      throw error;
    }
  }

  /** The article, or undefined when the archive has no such id. */
  article(id: string): Promise<Article | undefined> {
    return this.orUndefined(this.json<Article>('GET', `/v1/articles/${encodeURIComponent(id)}`));
  }

  terms(options: { kind?: TermKind; q?: string; limit?: number; offset?: number } = {}): Promise<ServerTermListing> {
    return this.json('GET', `/v1/terms${queryString(options)}`);
  }

  /** A term's card, or undefined when the lexicon has no such term. */
  term(id: string): Promise<ServerTermCard | undefined> {
    return this.orUndefined(this.json<ServerTermCard>('GET', `/v1/terms/${encodeURIComponent(id)}`));
  }

  /**
   * Cross-reference of a draft or page text (core's crossReference on the server). `markdown: false` for page
   * text (as the local check); the text goes in the body only, the server neither stores nor logs it.
   */
  xref(draft: string, options: { relatedLimit?: number; markdown?: boolean; articles?: boolean } = {}): Promise<ServerXrefReport> {
    return this.json('POST', '/v1/xref', JSON.stringify({ draft, ...options }), this.timeoutMs * 3);
  }

  facets(): Promise<ServerFacets> {
    return this.json('GET', '/v1/facets');
  }

  /** The matcher or lexicon section; with the ETag of a cached copy, `changed: false` when it still stands. */
  async section(name: 'matcher' | 'lexicon', etag?: string): Promise<SectionReply> {
    const res = await this.send('GET', `/v1/sections/${name}`, undefined, etag ? { 'If-None-Match': etag } : {});
    if (res.status === 304) return { changed: false, etag: etag! };
    const text = await this.read(res);
    if (res.status !== 200) throw errorFromResponse(res.status, text);
    return { changed: true, etag: res.headers.get('etag') ?? '', revision: Number(res.headers.get('x-jianbao-revision') ?? 0), body: parseJson(text) };
  }

  private async orUndefined<T>(request: Promise<T>): Promise<T | undefined> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof ServerError && error.code === 'not-found') return undefined;
      throw error;
    }
  }

  private async json<T>(method: string, path: string, body?: string, timeoutMs?: number): Promise<T> {
    const res = await this.send(method, path, body, body === undefined ? {} : { 'Content-Type': 'application/json' }, timeoutMs);
    const text = await this.read(res);
    if (res.status < 200 || res.status > 299) throw errorFromResponse(res.status, text);
    return parseJson(text) as T;
  }

  private async send(method: string, path: string, body: string | undefined, headers: Record<string, string>, timeoutMs = this.timeoutMs): Promise<FetchResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      return await this.fetchFn(`${this.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...headers },
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw new ServerError('timeout', `the server ${this.url} did not answer in ${Math.round(timeoutMs / 1000)} s`);
      // fetch says little (TypeError: Failed to fetch / NetworkError): refused, no route, TLS, CORS, no host permission.
      throw new ServerError('unreachable', `cannot reach the server ${this.url} (${firstLine(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async read(res: FetchResponse): Promise<string> {
    try {
      return await res.text();
    } catch (error) {
      throw new ServerError('unreachable', `the connection to ${this.url} broke (${firstLine(error)})`);
    }
  }
}

/** `?a=1&b=2` of the defined values ('' when none); core's lib has no URLSearchParams. */
function queryString(values: Record<string, string | number | undefined>): string {
  const parts = Object.entries(values).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ServerError('bad-response', 'the server sent something that is not JSON (is this a Jianbao server?)');
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
