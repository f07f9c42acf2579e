/**
 * A newsroom server for the e2e tests: `jianbao serve`'s startServer on 127.0.0.1 (a free port) over PGlite in a
 * temporary folder, holding the default archive plus one article only the server has (so a test can tell which
 * archive answered), and a read token created here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerClient, type Article } from '@jianbao/core';
import { createToken, ingestArticles, openDatabase, startServer } from '@jianbao/server';
import type { Fixtures } from './fixtures.js';

/** Only in the server's archive: its title is the query that tells the server's answers from the local ones. */
export const SERVER_ONLY_TITLE = '编辑部联网档案专稿：新闻档案服务器试运行';
export const SERVER_ONLY_QUERY = '新闻档案服务器试运行';
export const SERVER_ARCHIVE_NAME = '本报档案服务器';

export interface NewsroomServer {
  url: string;
  token: string;
  /** The same API the extension uses, for the expected answers. */
  client: ServerClient;
  /** Stops the HTTP server (the archive stays, for a restart). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startNewsroomServer(fx: Fixtures, origins: string[]): Promise<NewsroomServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-e2e-server-'));
  const db = await openDatabase(join(dir, 'archive.pglite'));
  const base = fx.articles[0]!;
  // It reprints the fixture page's first article (title and body), newest of all: every term on that page is in it.
  const only: Article = {
    ...base, id: 'newsroom-only-0001', date: '2026-12-01', page: 'newsroom-only.txt', title: SERVER_ONLY_TITLE,
    paragraphs: [`${SERVER_ONLY_QUERY}。${base.title}`, ...base.paragraphs], continues: null, continuationOf: null,
  };
  await ingestArticles(db, [...fx.archive.articles, only], { name: SERVER_ARCHIVE_NAME });
  const { token } = await createToken(db, 'read');
  const server = await startServer(db, { host: '127.0.0.1', port: 0, origins, rate: 1000, burst: 1000 });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.close();
    stopped = true;
  };
  return {
    url: server.url,
    token,
    client: new ServerClient({ url: server.url, token }),
    stop,
    async close() {
      await stop();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
