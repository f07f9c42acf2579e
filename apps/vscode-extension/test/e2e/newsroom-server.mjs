// A newsroom server for the integration tests: `jianbao serve`'s startServer on 127.0.0.1 (a free port) over PGlite
// in a temporary folder, holding the default archive plus one article only the server has (so a test can tell which
// archive answered), and a read token created here. The suite finds it through JIANBAO_E2E_SERVER (JSON).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { createToken, ingestArticles, openDatabase, startServer } from '@jianbao/server';

export async function startNewsroomServer() {
  const dir = mkdtempSync(join(tmpdir(), 'jianbao-e2e-server-'));
  const db = await openDatabase(join(dir, 'archive.pglite'));
  const archive = await loadDefaultArchive();
  const base = archive.articles.find((a) => a.paragraphs.join('').length > 400) ?? archive.articles[0];
  const only = {
    ...base, id: 'newsroom-only-0001', date: '2026-12-01', page: 'newsroom-only.txt', title: '编辑部联网档案专稿：新闻档案服务器试运行',
    paragraphs: ['新闻档案服务器试运行。' + base.title, ...base.paragraphs], continues: null, continuationOf: null,
  };
  await ingestArticles(db, [...archive.articles, only], { name: '本报档案服务器' });
  const { token } = await createToken(db, 'read');
  const server = await startServer(db, { host: '127.0.0.1', port: 0, rate: 1000, burst: 1000 });
  return {
    env: JSON.stringify({ url: server.url, token, only: { id: only.id, title: only.title, query: '新闻档案服务器试运行', baseId: base.id }, name: '本报档案服务器' }),
    async close() {
      await server.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
