/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildBundle, loadArchive, searchArchive, searchQuery, crossReference, type Article } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { ArchiveService, createApp, createToken, ingestArticles, startServer, type Database } from '../src/index.js';
import { DRIVERS } from './support/drivers.js';

const seeds = (await loadDefaultArchive()).articles as Article[];
const local = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: seeds }, { name: 'seeds' }))));
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

for (const driver of DRIVERS) {
  describe.skipIf(!!driver.skipped)(`HTTP API on ${driver.name}`, () => {
    let db: Database;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    const log: string[] = [];
    beforeAll(async () => {
      db = await driver.open();
      await ingestArticles(db, seeds, { name: 'seeds' });
      for (const role of ['read', 'ingest', 'admin'] as const) tokens[role] = (await createToken(db, role)).token;
      app = createApp(new ArchiveService(db), { origins: [ORIGIN], log: (l) => log.push(l), rate: 1000, burst: 1000, maxDraftBytes: 64 * 1024 });
    });
    afterAll(async () => {
      await db?.close();
    });
    const get = (path: string, role: string | null = 'read', headers: Record<string, string> = {}) =>
      app.request(path, { headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...headers } });
    const post = (path: string, body: string, role = 'read', type = 'application/json') =>
      app.request(path, { method: 'POST', body, headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': type } });
    const oneLineError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      const text = await res.text();
      expect(text).not.toContain('\n');
      expect(JSON.parse(text).error.code).toBe(code);
    };

    it('search over HTTP gives core local search results', async () => {
      for (const q of ['晋中', '常书铭', 'qianwan gongcheng', '韦涛', '灵石县 重点项目', '台风登陆']) {
        const res = await get(`/v1/search?q=${encodeURIComponent(q)}&limit=5`);
        expect(res.status).toBe(200);
        const body: any = await res.json();
        expect(body.hits).toEqual(JSON.parse(JSON.stringify(searchArchive(local, q, { limit: 5 }))));
        expect(body.revision).toBe(1);
      }
    });

    it('search over HTTP takes the query syntax of every host: the same result as core searchQuery', async () => {
      const cases: [string, string][] = [
        ['乡村振兴 -晋中', ''],
        ['"重点项目"', '&limit=3&offset=1'],
        ['title:晋中', ''],
        ['晋中 OR 太原', '&sort=date'],
        ['晋中 date:2025-02', ''],
        ['晋中 2024..2025-06', ''],
        ['韦涛', ''],
        ['韦涛', '&as_typed=1'],
        ['晋中 paper:人民日报', ''],
      ];
      let nonEmpty = 0;
      for (const [q, extra] of cases) {
        const res = await get(`/v1/search?q=${encodeURIComponent(q)}${extra}`);
        expect(res.status, q).toBe(200);
        const body: any = await res.json();
        const params = new URLSearchParams(extra.slice(1));
        const expected = searchQuery(local, q, {
          limit: Number(params.get('limit') ?? 20), offset: Number(params.get('offset') ?? 0),
          sort: (params.get('sort') as 'date' | null) ?? undefined, asTyped: params.get('as_typed') === '1',
        });
        const { error: _none, ...rest } = expected;
        expect(body, q).toEqual({ revision: 1, ...JSON.parse(JSON.stringify(rest)) });
        if (body.hits.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(5); // the cases are not all empty on the seed archive
    });

    it('a malformed query or an impossible date is a one-line 400 with core\'s message', async () => {
      for (const q of ['"未闭合', '晋中 date:2025-13-45', '晋中 ..2025-02-31']) {
        const res = await get(`/v1/search?q=${encodeURIComponent(q)}`);
        expect(res.status, q).toBe(400);
        const text = await res.text();
        expect(text).not.toContain('\n');
        expect(JSON.parse(text).error.message).toBe(searchQuery(local, q).error);
      }
      await oneLineError(await get('/v1/search?q=晋中&sort=popular'), 400, 'bad_query');
      await oneLineError(await get('/v1/search?q=晋中&offset=-1'), 400, 'bad_query');
    });

    it('refuses missing, malformed and revoked tokens, and roles without the right', async () => {
      await oneLineError(await get('/v1/search?q=晋中', null), 401, 'unauthorized');
      await oneLineError(await app.request('/v1/search?q=晋中', { headers: { authorization: 'Bearer nonsense' } }), 401, 'unauthorized');
      await oneLineError(await app.request('/v1/search?q=晋中', { headers: { authorization: `Bearer ${tokens.read!.slice(0, -1)}${tokens.read!.endsWith('x') ? 'y' : 'x'}` } }), 401, 'unauthorized');
      await oneLineError(await post('/v1/articles', '{"articles":[]}', 'read'), 403, 'forbidden');
      await oneLineError(await post('/v1/tokens', '{"role":"read"}', 'ingest'), 403, 'forbidden');
      const created = await post('/v1/tokens', '{"role":"read","label":"test"}', 'admin');
      expect(created.status).toBe(201);
      const { id, token }: any = await created.json();
      expect((await app.request('/v1/revision', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await app.request(`/v1/tokens/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.admin}` } })).status).toBe(200);
      await oneLineError(await app.request('/v1/revision', { headers: { authorization: `Bearer ${token}` } }), 401, 'unauthorized');
      const stored = await db.query<{ hash: string }>('SELECT hash FROM tokens WHERE id = $1', [id]);
      // The secret is base64url and may itself hold '_': take everything after `jb_<id>_`.
      const secret = token.slice(token.indexOf('_', 3) + 1);
      expect(secret).toHaveLength(43);
      expect(stored[0]!.hash).not.toContain(secret);
    });

    it('answers bad requests with one-line JSON errors and 4xx codes', async () => {
      await oneLineError(await get('/v1/search'), 400, 'bad_query');
      await oneLineError(await get('/v1/search?q=晋中&limit=abc'), 400, 'bad_query');
      await oneLineError(await get('/v1/search?q=晋中&from=yesterday'), 400, 'bad_query');
      await oneLineError(await get(`/v1/search?q=${'晋'.repeat(600)}`), 400, 'bad_query');
      await oneLineError(await post('/v1/xref', '{"draft": '), 400, 'malformed_json');
      await oneLineError(await post('/v1/xref', '[1,2]'), 400, 'malformed_json');
      await oneLineError(await post('/v1/xref', '{"text":"x"}'), 400, 'bad_request');
      await oneLineError(await post('/v1/xref', 'draft=x', 'read', 'text/plain'), 415, 'unsupported_media_type');
      await oneLineError(await post('/v1/xref', JSON.stringify({ draft: '晋'.repeat(100_000) })), 413, 'too_large');
      await oneLineError(await get('/v1/articles/nope'), 404, 'not_found');
      await oneLineError(await get('/v1/terms/nope'), 404, 'not_found');
      await oneLineError(await get('/v1/nothing'), 404, 'not_found');
      await oneLineError(await get('/v1/terms?kind=animal'), 400, 'bad_query');
    });

    it('serves articles, terms and term cards with the title history', async () => {
      const article = await (await get(`/v1/articles/${seeds[0]!.id}`)).json();
      expect(article).toEqual(JSON.parse(JSON.stringify(local.get(seeds[0]!.id))));
      const list: any = await (await get('/v1/terms?kind=person&limit=5')).json();
      expect(list.terms.length).toBeGreaterThan(0);
      expect(list.terms.every((t: { kind: string }) => t.kind === 'person')).toBe(true);
      const person = list.terms[0];
      const card: any = await (await get(`/v1/terms/${person.id}`)).json();
      expect(card).toMatchObject({ id: person.id, name: person.name, kind: 'person' });
      expect(card.titles.length).toBeGreaterThan(0);
      expect(card.articles.length).toBeGreaterThan(0);
      const found: any = await (await get(`/v1/terms?q=${encodeURIComponent(person.name)}`)).json();
      expect(found.terms.map((t: { id: string }) => t.id)).toContain(person.id);
    });

    it('cross-references a posted draft as core does, and never logs it', async () => {
      const draft = `${seeds[1]!.paragraphs.slice(0, 2).join('\n')}\n秘密草稿内容不可外泄`;
      const res = await post('/v1/xref', JSON.stringify({ draft }));
      expect(res.status).toBe(200);
      const body: any = await res.json();
      const want = JSON.parse(JSON.stringify(crossReference(local, draft)));
      expect({ related: body.related, reused: body.reused, conflicts: body.conflicts }).toEqual(want);
      expect(log.join('\n')).not.toContain('秘密草稿');
      const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles WHERE doc::text LIKE '%秘密草稿%'");
      expect(tables[0]!.n).toBe(0);
    });

    it('serves the matcher and lexicon sections with ETag and 304', async () => {
      for (const name of ['matcher', 'lexicon']) {
        const res = await get(`/v1/sections/${name}`);
        expect(res.status).toBe(200);
        const etag = res.headers.get('etag')!;
        expect(etag).toMatch(/^".+"$/);
        expect(res.headers.get('x-jianbao-revision')).toBe('1');
        expect(await res.json()).toEqual(JSON.parse(JSON.stringify(local.bundle[name])));
        const again = await get(`/v1/sections/${name}`, 'read', { 'if-none-match': etag });
        expect(again.status).toBe(304);
      }
    });

    it('allows CORS only from the configured extension origins', async () => {
      const pre = await app.request('/v1/search?q=x', { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      const other = await get('/v1/revision', 'read', { origin: 'https://evil.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const ok = await get('/v1/revision', 'read', { origin: ORIGIN });
      expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    });

    it('rate-limits each client', async () => {
      const limited = createApp(new ArchiveService(db), { rate: 1, burst: 3 });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.request('/v1/revision', { headers: { authorization: `Bearer ${tokens.read}` } })).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
    });

    it('ingests over HTTP with an ingest token, and search sees the new revision', async () => {
      const extra = { ...seeds[0]!, id: 'http-1', title: '新闻发布会在晋中举行', paragraphs: ['通过接口写入的新稿件。'] };
      await oneLineError(await post('/v1/articles', JSON.stringify({ articles: [{ id: 'bad' }] }), 'ingest'), 422, 'invalid_article');
      const res = await post('/v1/articles', JSON.stringify({ articles: [extra] }), 'ingest');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ revision: 2, added: 1 });
      const body: any = await (await get(`/v1/search?q=${encodeURIComponent('通过接口写入')}`)).json();
      expect(body.revision).toBe(2);
      expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['http-1']);
    });

    it('listens on a real socket', async () => {
      const server = await startServer(db, { port: 0 });
      try {
        const res = await fetch(`${server.url}/v1/search?q=${encodeURIComponent('晋中')}`, { headers: { authorization: `Bearer ${tokens.read}` } });
        expect(res.status).toBe(200);
        expect(((await res.json()) as any).hits.length).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    });
  });
}
