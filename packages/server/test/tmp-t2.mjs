import { openDatabase } from '../dist/db/open.js';
import { ingestArticles } from '../dist/ingest.js';
import { ArchiveService } from '../dist/view.js';
import { buildBundle, loadArchive, searchArchive, getLexicon } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { isDeepStrictEqual } from 'node:util';
const db = await openDatabase('memory:');
const arch = await loadDefaultArchive();
await ingestArticles(db, arch.articles, { name: 'seeds' });
const local = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: arch.articles }, { name: 'seeds' }))));
const svc = new ArchiveService(db);
const view = await svc.view();
const queries = [];
for (const a of local.articles) {
  queries.push(a.title, a.title.slice(2, 6));
  const body = a.paragraphs.join('');
  for (let k = 0; k < 3; k++) { const at = (k * 97 + 13) % Math.max(1, body.length - 8); queries.push(body.slice(at, at + 2 + k * 3)); }
}
for (const t of getLexicon(local).terms.slice(0, 60)) queries.push(t.name, t.name.slice(0, 1) + '某' + t.name.slice(2));
queries.push('qianwan gongcheng', 'jinzhong', '月', '2月13日', '常 书 铭', '韦涛', '晋中和太原一体化', '台风登陆', 'xyz', '习近平 总书记', '灵石县 重点项目');
let same = 0, diff = 0;
const t0 = Date.now();
for (const q of queries) {
  const a = searchArchive(local, q, { limit: 10 });
  const b = await view.search(q, { limit: 10 });
  if (isDeepStrictEqual(a, b)) same++; else { diff++; if (diff < 5) console.log('DIFF', q, a.map(h=>h.id+':'+h.score), b.map(h=>h.id+':'+h.score)); }
}
console.log({ same, diff, ms: Date.now() - t0 });
await db.close();
