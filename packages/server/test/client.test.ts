/* The core HTTP client (ServerClient) against a real server on 127.0.0.1 (PGlite): the same results as the local calls. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  buildBundle, crossReference, loadArchive, searchQuery, titleHistory, getLexicon, ServerClient, ServerError, type Article,
} from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { createToken, ingestArticles, openDatabase, startServer, type Database, type RunningServer } from '../src/index.js';

const seeds = (await loadDefaultArchive()).articles as Article[];
const local = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: seeds }, { name: 'seeds' }))));
/** The extension's search-page filters, computed as its local adapter does. */
function searchFacets(archive: typeof local) {
  const count = (values: (string | null)[]) => {
    const m = new Map<string, number>();
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([name]) => name);
  };
  const dates = archive.articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  return { papers: count(archive.articles.map((a) => a.paper)), kinds: count(archive.articles.map((a) => a.kind)), first: dates[0] ?? null, last: dates.at(-1) ?? null };
}
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('ServerClient against a running server', () => {
  let db: Database;
  let server: RunningServer;
  let client: ServerClient;
  let token: string;
  beforeAll(async () => {
    db = await openDatabase('memory:');
    await ingestArticles(db, seeds, { name: 'seeds' });
    token = (await createToken(db, 'read')).token;
    server = await startServer(db, { port: 0, rate: 1000, burst: 1000 });
    client = new ServerClient({ url: `${server.url}/`, token });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('searches with the local result shape (hits, total, notices; a bad query as result.error)', async () => {
    for (const [q, o] of [['晋中', { limit: 5 }], ['晋中 OR 太原', { sort: 'date' as const, limit: 3, offset: 1 }], ['韦涛', {}], ['"未闭合', {}]] as const) {
      const { revision, ...result } = await client.search(q, o);
      expect(plain(result), q).toEqual(plain(searchQuery(local, q, o)));
      if (!result.error) expect(revision).toBe(1);
    }
  });

  it('reads articles, term cards (core title history) and cross-references like the local calls', async () => {
    expect(plain(await client.article(seeds[0]!.id))).toEqual(plain(local.get(seeds[0]!.id)));
    expect(await client.article('no-such-id')).toBeUndefined();
    const { terms } = await client.terms({ kind: 'person', limit: 3 });
    const person = getLexicon(local).get(terms[0]!.id)!;
    const card = (await client.term(person.id))!;
    expect(card.history).toEqual(plain(titleHistory(person.roles)));
    expect(card.articleCount).toBe(new Set(person.mentions.map((m) => m.articleId)).size);
    expect(card.articles[0]!.snippet!.length).toBeGreaterThan(0);
    expect(await client.term('nope')).toBeUndefined();
    expect(await client.facets()).toEqual(searchFacets(local));
    const draft = seeds[1]!.paragraphs.slice(0, 2).join('\n');
    const withArticles = await client.xref(draft, { markdown: false, articles: true });
    expect(Object.keys(withArticles.articles!).sort()).toEqual([...new Set([...withArticles.related.map((r) => r.id), ...withArticles.reused.map((r) => r.articleId)])].sort());
    for (const [id, a] of Object.entries(withArticles.articles!)) expect(a).toEqual({ title: local.get(id)!.title, date: local.get(id)!.date, paper: local.get(id)!.paper });
    for (const markdown of [undefined, false]) {
      const { revision: _r, ...report } = await client.xref(draft, markdown === undefined ? {} : { markdown });
      expect(report).toEqual(plain(crossReference(local, draft, markdown === undefined ? {} : { markdown })));
    }
  });

  it('fetches sections by revision: unchanged with the cached ETag', async () => {
    const first = await client.section('matcher');
    expect(first.changed).toBe(true);
    if (!first.changed) return;
    expect(first.revision).toBe(1);
    expect(first.body).toEqual(plain(local.bundle.matcher));
    expect(await client.section('matcher', first.etag)).toEqual({ changed: false, etag: first.etag });
  });

  it('maps failures to codes: bad token, unreachable, timeout, not a server', async () => {
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ServerError ? e.code : `other: ${String(e)}`));
    expect(await code(new ServerClient({ url: server.url, token: 'jb_wrong' }).revision())).toBe('unauthorized');
    expect(await code(client.revision())).toBe('ok');
    // A port nothing listens on.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await code(new ServerClient({ url: `http://127.0.0.1:${port}`, token }).revision())).toBe('unreachable');
    // A server that never answers, and one that answers with a web page.
    const silent = createServer((req, res) => {
      if (req.url?.startsWith('/page')) res.end('<html>proxy</html>');
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      expect(await code(new ServerClient({ url: silentUrl, token, timeoutMs: 300 }).revision())).toBe('timeout');
      expect(await code(new ServerClient({ url: `${silentUrl}/page`, token }).revision())).toBe('bad-response');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
    expect(() => new ServerClient({ url: 'archive.example.org', token })).toThrow(ServerError);
  });
});
