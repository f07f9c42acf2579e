import { Archive, createBundle, crossReference } from '@jianbao/core';
import { loadXwlbArticles } from './src/xwlb.js';
import { plantReuse, isFiller } from './src/reuse/plant.js';
const stories = loadXwlbArticles()!;
const drafts = plantReuse(stories).filter((d) => d.split === 'dev');
const archive = new Archive(createBundle(stories.filter((s) => !isFiller(s.id)), { name: 'xwlb' }));
for (const id of process.argv.slice(2)) {
  const d = drafts.find(d => d.cases.some(c => c.id === id))!; const c = d.cases.find(c => c.id === id)!;
  const text = d.draft.slice(c.start, c.end);
  for (const r of crossReference(archive, text).reused) console.log(id, r.start, r.end, r.kind, r.similarity, r.articleId, r.articleStart, r.articleEnd);
}
