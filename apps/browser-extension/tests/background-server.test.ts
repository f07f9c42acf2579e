import { describe, expect, test } from 'vitest';
import { type FetchLike } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { BackgroundService } from '../lib/background-service.js';
import { normaliseServerSetting, serverPermissionPattern } from '../lib/server-settings.js';

const noImport = async () => undefined;
const URL = 'http://127.0.0.1:8787';

/** A fake newsroom server: answers what the background asks, or is down. */
function fakeServer() {
  const state = { down: false, revision: 1, seen: [] as string[] };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    text: async () => JSON.stringify(body),
  });
  const fetch: FetchLike = async (url, init) => {
    const path = url.slice(URL.length);
    state.seen.push(`${init.method} ${path.split('?')[0]}${init.body ? ` ${init.body.length}` : ''}`);
    if (state.down) throw new TypeError('Failed to fetch');
    if (path === '/v1/revision') return json(200, { revision: state.revision, name: '服务器档案', articles: 42 });
    if (path.startsWith('/v1/search')) return json(200, { revision: state.revision, hits: [{ id: 's1', title: '服务器的文章', paper: null, date: null, score: 1, snippet: '', highlights: [], fields: ['title'] }], total: 1, totalAtLeast: false, notices: [] });
    if (path === '/v1/sections/matcher') {
      const etag = `"m${state.revision}"`;
      if (init.headers['If-None-Match'] === etag) return json(304, '');
      return json(200, { fake: state.revision }, { etag, 'x-jianbao-revision': String(state.revision) });
    }
    if (path === '/v1/xref') return json(200, { revision: state.revision, related: [], reused: [], conflicts: [], articles: {} });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  };
  return { state, fetch };
}

describe('BackgroundService with a newsroom server', () => {
  test('search, matcher and page check go to the server; when it is down the local archive answers and the status says why', async () => {
    const archive = await loadDefaultArchive();
    const { state, fetch } = fakeServer();
    const published: string[] = [];
    let now = 0;
    const service = new BackgroundService({
      loadDefault: async () => archive, readImported: noImport, readServer: async () => ({ url: URL, token: 'jb_t' }), fetch,
      onRevision: (r) => published.push(r),
    }, () => now);

    const info = await service.info();
    expect(info).toMatchObject({ source: 'server', name: '服务器档案', articleCount: 42, server: { url: URL, state: 'connected' } });
    expect((await service.query('晋中')).hits.map((h) => h.title)).toEqual(['服务器的文章']);
    expect(await service.matcher()).toEqual({ section: { fake: 1 }, revision: `server:${URL}#1` });
    // The page text goes in the body of one POST to the server, nowhere else.
    state.seen.length = 0;
    await service.check('网页的文字');
    expect(state.seen).toEqual([`POST /v1/xref ${JSON.stringify({ draft: '网页的文字', markdown: false, articles: true }).length}`]);

    // A new revision on the server: the matcher is fetched again once the cached one is a minute old, and content scripts are told.
    state.revision = 2;
    now += 61_000;
    expect((await service.matcher()).revision).toBe(`server:${URL}#2`);
    expect(published).toContain(`server:${URL}#2`);

    state.down = true;
    const local = await service.info();
    expect(local).toMatchObject({ source: 'default', server: { url: URL, state: 'unreachable' } });
    expect(published.at(-1)).toBe(local.revision); // pages are marked from the local archive meanwhile
    const hits = (await service.query('晋中')).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => archive.get(h.id))).toBe(true);
    expect((await service.matcher()).revision).toBe(local.revision);
    // Within the retry pause the server is not asked again; after it, it is.
    state.seen.length = 0;
    await service.query('太原');
    expect(state.seen).toEqual([]);
    state.down = false;
    now += 31_000;
    expect((await service.query('太原')).hits.map((h) => h.title)).toEqual(['服务器的文章']);
  });

  test('without a server set, nothing is fetched', async () => {
    const archive = await loadDefaultArchive();
    const { state, fetch } = fakeServer();
    const service = new BackgroundService({ loadDefault: async () => archive, readImported: noImport, readServer: async () => undefined, fetch });
    await service.info();
    await service.query('晋中');
    await service.matcher();
    await service.check('网页的文字');
    expect(state.seen).toEqual([]);
  });

  test('a refused token is a status, and the local archive answers', async () => {
    const archive = await loadDefaultArchive();
    const fetch: FetchLike = async () => ({ status: 401, headers: { get: () => null }, text: async () => '{"error":{"code":"unauthorized","message":"invalid or revoked token"}}' });
    const service = new BackgroundService({ loadDefault: async () => archive, readImported: noImport, readServer: async () => ({ url: URL, token: 'jb_bad' }), fetch });
    expect(await service.info()).toMatchObject({ source: 'default', server: { state: 'unauthorized' } });
  });

  test('settings: the address is checked, the permission is for that host only (any port)', () => {
    expect(normaliseServerSetting({ url: 'HTTPS://Archive.Example.org/', token: ' jb_x ' })).toEqual({ url: 'https://archive.example.org', token: 'jb_x' });
    expect(normaliseServerSetting({ url: 'archive', token: 'x' })).toBeUndefined();
    expect(normaliseServerSetting({ url: 'https://a.example', token: '' })).toBeUndefined();
    expect(serverPermissionPattern('http://127.0.0.1:8787/x')).toBe('http://127.0.0.1/*');
    expect(serverPermissionPattern('https://archive.example.org')).toBe('https://archive.example.org/*');
  });
});
