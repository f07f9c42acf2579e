import { describe, it, expect } from 'vitest';
import { ServerClient, ServerError, normaliseServerUrl, serverOrigin, type FetchLike } from '../src/index.js';

const reply = (status: number, body: string, headers: Record<string, string> = {}): FetchLike => async () => ({
  status,
  headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
  text: async () => body,
});
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ServerError ? e.code : 'other'));

describe('ServerClient', () => {
  it('normalises addresses and gives the origin a browser grants permission for', () => {
    expect(normaliseServerUrl(' HTTPS://Archive.Example.org/jianbao/ ')).toBe('https://archive.example.org/jianbao');
    expect(serverOrigin('http://127.0.0.1:8787/x')).toBe('http://127.0.0.1:8787');
    for (const bad of ['', 'archive.example.org', 'ftp://x', 'https://a b', 'javascript:alert(1)']) {
      expect(() => normaliseServerUrl(bad), bad).toThrow(ServerError);
    }
  });

  it('sends the token and the query, and maps the server\'s one-line errors to codes', async () => {
    const seen: { url: string; auth: string | undefined }[] = [];
    const fetch: FetchLike = async (url, init) => {
      seen.push({ url, auth: init.headers.Authorization });
      return reply(200, '{"revision":3,"hits":[],"total":0,"totalAtLeast":false,"notices":[]}')(url, init);
    };
    await new ServerClient({ url: 'https://a.example/', token: ' jb_x ', fetch }).search('晋中 太原', { limit: 5, asTyped: true, sort: 'date' });
    expect(seen[0]).toEqual({ url: `https://a.example/v1/search?q=${encodeURIComponent('晋中 太原')}&limit=5&sort=date&as_typed=1`, auth: 'Bearer jb_x' });
    const err = (status: number, code: string) => reply(status, JSON.stringify({ error: { code, message: `m ${code}` } }));
    const cases: [number, string, string][] = [
      [401, 'unauthorized', 'unauthorized'], [403, 'forbidden', 'forbidden'], [429, 'rate_limited', 'rate-limited'],
      [413, 'too_large', 'bad-request'], [500, 'internal', 'server-error'], [400, 'bad_request', 'bad-request'],
    ];
    for (const [status, server, code] of cases) {
      expect(await codeOf(new ServerClient({ url: 'https://a.example', token: 't', fetch: err(status, server) }).revision()), server).toBe(code);
    }
    const bad = await new ServerClient({ url: 'https://a.example', token: 't', fetch: err(400, 'bad_query') }).search('"x');
    expect(bad.error).toBe('m bad_query');
    // The problem as data, from core's own check of the same query: the host words it in its language.
    expect(bad.problem).toEqual({ code: 'unclosed-quote', params: { position: 1 } });
    expect(await codeOf(new ServerClient({ url: 'https://a.example', token: 't', fetch: reply(200, '<html>') }).revision())).toBe('bad-response');
    expect(await codeOf(new ServerClient({ url: 'https://a.example', token: 't', fetch: async () => { throw new TypeError('Failed to fetch'); } }).revision())).toBe('unreachable');
  });

  it('gives up after the timeout', async () => {
    const hang: FetchLike = (_url, init) => new Promise((_resolve, reject) => {
      (init.signal as { addEventListener(t: string, f: () => void): void }).addEventListener('abort', () => reject(new Error('aborted')));
    });
    const e = await new ServerClient({ url: 'https://a.example', token: 't', fetch: hang, timeoutMs: 50 }).revision().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect((e as ServerError).code).toBe('timeout');
    expect((e as ServerError).message).not.toContain('\n');
  });

  it('returns a section unchanged on 304 and keeps its ETag', async () => {
    const client = new ServerClient({ url: 'https://a.example', token: 't', fetch: async (_u, init) =>
      init.headers['If-None-Match'] === '"e1"' ? reply(304, '')(_u, init) : reply(200, '{"v":1}', { etag: '"e1"', 'x-jianbao-revision': '4' })(_u, init) });
    expect(await client.section('matcher')).toEqual({ changed: true, etag: '"e1"', revision: 4, body: { v: 1 } });
    expect(await client.section('matcher', '"e1"')).toEqual({ changed: false, etag: '"e1"' });
  });
});
