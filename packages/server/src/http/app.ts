import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { ARTICLE_KINDS, TERM_KINDS, parseBundle, BUNDLE_FORMAT, BUNDLE_VERSION, type Article, type ArticleKind } from '@jianbao/core';
import { allows, createToken, revokeToken, verifyToken, type Role, ROLES } from '../auth.js';
import { ingestArticles } from '../ingest.js';
import type { ArchiveService } from '../view.js';
import { RateLimiter } from './rate-limit.js';
import { termCard, listTerms } from './terms.js';

export interface AppOptions {
  /** Origins allowed to call from a browser (the extensions' chrome-extension:// and moz-extension:// origins). */
  origins?: readonly string[];
  /** Requests a second per client, and the burst allowed (defaults 20 and 60). */
  rate?: number;
  burst?: number;
  /** Largest JSON body of a draft check, bytes (default 1 MiB); of an ingest (default 64 MiB). */
  maxDraftBytes?: number;
  maxIngestBytes?: number;
  /** One line per request: method, path (never the query string or body), status, milliseconds. */
  log?: (line: string) => void;
  /** Address of the client, for rate limiting requests without a valid token. */
  clientAddress?: (c: Context) => string;
}

export class HttpError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503, readonly code: string, message: string) {
    super(message);
  }
}

type Env = { Variables: { role: Role; client: string } };

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const SECTIONS = new Set(['lexicon', 'matcher']);

/** The newsroom server's HTTP API over an archive service. Every error is one line of JSON: {"error":{"code","message"}}. */
export function createApp(service: ArchiveService, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const limiter = new RateLimiter(options.rate ?? 20, options.burst ?? 60);
  const origins = options.origins ?? [];
  const tokenCache = new Map<string, { id: string; role: Role; until: number }>();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    options.log?.(`error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404));

  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    options.log?.(`${c.req.method} ${c.req.path} ${c.res.status} ${Date.now() - started}ms`);
  });
  if (origins.length) {
    app.use('*', cors({
      origin: (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'X-Jianbao-Revision'],
      maxAge: 600,
    }));
  }

  /** Bearer token with at least `needed`, and the client's rate limit. */
  const auth = (needed: Role): MiddlewareHandler<Env> => async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const address = options.clientAddress?.(c) ?? 'unknown';
    let who: { id: string; role: Role } | null = null;
    if (token) {
      const cached = tokenCache.get(token);
      if (cached && cached.until > Date.now()) who = cached;
      else {
        who = await verifyToken(service.db, token);
        // Revocation takes effect within 5 s (the cache), without a query per request.
        if (who) tokenCache.set(token, { ...who, until: Date.now() + 5000 });
        if (tokenCache.size > 1000) tokenCache.clear();
      }
    }
    const wait = limiter.take(who ? `token:${who.id}` : `ip:${address}`);
    if (wait) {
      c.header('Retry-After', String(wait));
      throw new HttpError(429, 'rate_limited', `too many requests: retry in ${wait} s`);
    }
    if (!token) throw new HttpError(401, 'unauthorized', 'missing bearer token (Authorization: Bearer jb_…)');
    if (!who) throw new HttpError(401, 'unauthorized', 'invalid or revoked token');
    if (!allows(who.role, needed)) throw new HttpError(403, 'forbidden', `this token's role (${who.role}) may not do this (needs ${needed})`);
    c.set('role', who.role);
    c.set('client', who.id);
    await next();
  };

  const limit = (maxSize: number): MiddlewareHandler<Env> =>
    bodyLimit({ maxSize, onError: () => { throw new HttpError(413, 'too_large', `request body over ${maxSize} bytes`); } });

  app.get('/v1/health', async (c) => c.json({ ok: true, revision: await service.revision() }));

  app.get('/v1/revision', auth('read'), async (c) => {
    const view = await service.view();
    return c.json({ revision: view.revision, name: view.name, articles: view.size });
  });

  app.get('/v1/search', auth('read'), async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) throw new HttpError(400, 'bad_query', 'missing the query: /v1/search?q=…');
    if (q.length > 500) throw new HttpError(400, 'bad_query', 'the query is over 500 characters');
    const limitText = c.req.query('limit') ?? '20';
    const limitN = Number(limitText);
    if (!/^\d+$/.test(limitText) || limitN < 1 || limitN > 200) throw new HttpError(400, 'bad_query', `limit must be a whole number from 1 to 200, got "${limitText.slice(0, 20)}"`);
    const from = c.req.query('from');
    const to = c.req.query('to');
    for (const [key, v] of [['from', from], ['to', to]] as const) {
      if (v !== undefined && !DATE.test(v)) throw new HttpError(400, 'bad_query', `${key} must be a date like 2024-02-13, 2024-02 or 2024`);
    }
    const kind = c.req.query('kind');
    if (kind !== undefined && !ARTICLE_KINDS.includes(kind as ArticleKind)) throw new HttpError(400, 'bad_query', `kind must be one of ${ARTICLE_KINDS.join(', ')}`);
    const offsetText = c.req.query('offset') ?? '0';
    if (!/^\d{1,6}$/.test(offsetText)) throw new HttpError(400, 'bad_query', `offset must be a whole number up to 999999, got "${offsetText.slice(0, 20)}"`);
    const sort = c.req.query('sort');
    if (sort !== undefined && sort !== 'relevance' && sort !== 'date') throw new HttpError(400, 'bad_query', `sort must be relevance or date, got "${sort.slice(0, 20)}"`);
    const view = await service.view();
    // The query syntax of every host (core's searchQuery): "phrase", -exclude, title:, paper:, kind:, dates, OR, sort:.
    const result = await view.searchQuery(q, {
      limit: limitN, offset: Number(offsetText), sort, from, to, kind: kind as ArticleKind | undefined, paper: c.req.query('paper'),
      asTyped: c.req.query('as_typed') === '1',
    });
    if (result.error) throw new HttpError(400, 'bad_query', result.error);
    c.header('X-Jianbao-Revision', String(view.revision));
    const { hits, total, totalAtLeast, rewritten, notices, messages } = result;
    return c.json({ revision: view.revision, hits, total, totalAtLeast, ...(rewritten ? { rewritten } : {}), notices, ...(messages ? { messages } : {}) });
  });

  // What a search form's filters offer (the extension's search page): papers and kinds, most articles first, and the date span.
  app.get('/v1/facets', auth('read'), async (c) => {
    const view = await service.view();
    c.header('X-Jianbao-Revision', String(view.revision));
    return c.json(view.facets());
  });

  app.get('/v1/articles/:id', auth('read'), async (c) => {
    const view = await service.view();
    const article = await view.article(c.req.param('id'));
    if (!article) throw new HttpError(404, 'not_found', 'no article with this id');
    c.header('X-Jianbao-Revision', String(view.revision));
    return c.json(article);
  });

  app.get('/v1/terms', auth('read'), async (c) => {
    const kind = c.req.query('kind');
    if (kind !== undefined && !TERM_KINDS.includes(kind as never)) throw new HttpError(400, 'bad_query', `kind must be one of ${TERM_KINDS.join(', ')}`);
    const num = (name: string, dflt: number, max: number) => {
      const v = c.req.query(name);
      if (v === undefined) return dflt;
      if (!/^\d+$/.test(v) || Number(v) > max) throw new HttpError(400, 'bad_query', `${name} must be a whole number up to ${max}`);
      return Number(v);
    };
    return c.json(await listTerms(service.db, { kind, q: c.req.query('q'), limit: num('limit', 100, 1000), offset: num('offset', 0, 10_000_000) }));
  });

  app.get('/v1/terms/:id', auth('read'), async (c) => {
    const card = await termCard(service.db, c.req.param('id'));
    if (!card) throw new HttpError(404, 'not_found', 'no term with this id');
    return c.json(card);
  });

  // The draft is checked in memory and dropped: never stored, never logged (the log line has the path only).
  app.post('/v1/xref', auth('read'), limit(options.maxDraftBytes ?? 1 << 20), async (c) => {
    const body = await jsonBody(c);
    const draft = (body as { draft?: unknown }).draft;
    if (typeof draft !== 'string') throw new HttpError(400, 'bad_request', 'expected {"draft": "…"}');
    const relatedLimit = (body as { relatedLimit?: unknown }).relatedLimit;
    if (relatedLimit !== undefined && (typeof relatedLimit !== 'number' || !Number.isInteger(relatedLimit) || relatedLimit < 0 || relatedLimit > 100)) {
      throw new HttpError(400, 'bad_request', 'relatedLimit must be a whole number from 0 to 100');
    }
    const markdown = (body as { markdown?: unknown }).markdown;
    if (markdown !== undefined && typeof markdown !== 'boolean') throw new HttpError(400, 'bad_request', 'markdown must be true or false');
    const view = await service.view();
    // markdown: false for web page text (the browser extension's page check), as its local check does.
    const report = await view.crossReference(draft, { ...(relatedLimit === undefined ? {} : { relatedLimit }), ...(markdown === undefined ? {} : { markdown }) });
    c.header('X-Jianbao-Revision', String(view.revision));
    // articles: true — the title, date and paper of each article the report names (what a client lists beside it).
    if ((body as { articles?: unknown }).articles === true) {
      const ids = new Set([...report.related.map((r) => r.id), ...report.reused.map((r) => r.articleId), ...report.conflicts.flatMap((x) => (x.articleId ? [x.articleId] : []))]);
      const articles: Record<string, { title: string; date: string | null; paper: string | null }> = {};
      await view.loadArticles([...ids]);
      for (const id of ids) {
        const a = await view.article(id);
        if (a) articles[id] = { title: a.title, date: a.date, paper: a.paper };
      }
      return c.json({ revision: view.revision, ...report, articles });
    }
    return c.json({ revision: view.revision, ...report });
  });

  app.get('/v1/sections/:name', auth('read'), async (c) => {
    const name = c.req.param('name');
    if (!SECTIONS.has(name)) throw new HttpError(404, 'not_found', 'sections are lexicon and matcher');
    const [row] = await service.db.query<{ revision: number; etag: string; body: string }>('SELECT revision, etag, body FROM sections WHERE name = $1', [name]);
    if (!row) throw new HttpError(404, 'not_found', 'the archive is empty: nothing ingested yet');
    c.header('ETag', row.etag);
    c.header('X-Jianbao-Revision', String(row.revision));
    c.header('Cache-Control', 'no-cache');
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((t) => t.trim() === row.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(row.body);
  });

  app.post('/v1/articles', auth('ingest'), limit(options.maxIngestBytes ?? 64 << 20), async (c) => {
    const body = (await jsonBody(c)) as { articles?: unknown; name?: unknown };
    if (!Array.isArray(body.articles)) throw new HttpError(400, 'bad_request', 'expected {"articles": [ … ]}');
    let articles: Article[];
    try {
      // core's bundle validation names the first bad article.
      articles = parseBundle({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, meta: { name: 'ingest', articleCount: body.articles.length, papers: [], dateRange: null, generator: 'server' }, articles: body.articles }).articles;
    } catch (error) {
      throw new HttpError(422, 'invalid_article', (error as Error).message.split('\n')[0]!);
    }
    const result = await ingestArticles(service.db, articles, typeof body.name === 'string' ? { name: body.name } : {});
    return c.json(result);
  });

  app.post('/v1/tokens', auth('admin'), limit(4096), async (c) => {
    const body = (await jsonBody(c)) as { role?: unknown; label?: unknown };
    if (!ROLES.includes(body.role as Role)) throw new HttpError(400, 'bad_request', `role must be one of ${ROLES.join(', ')}`);
    return c.json(await createToken(service.db, body.role as Role, typeof body.label === 'string' ? body.label.slice(0, 200) : null), 201);
  });

  app.delete('/v1/tokens/:id', auth('admin'), async (c) => {
    if (!(await revokeToken(service.db, c.req.param('id')))) throw new HttpError(404, 'not_found', 'no active token with this id');
    tokenCache.clear();
    return c.json({ revoked: c.req.param('id') });
  });

  return app;
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type', 'send JSON (Content-Type: application/json)');
  const text = await c.req.text();
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch {
    throw new HttpError(400, 'malformed_json', 'the body is not a JSON object');
  }
}
