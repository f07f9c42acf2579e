import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { searchArchive } from '@jianbao/core';
const a = await loadDefaultArchive();
console.log('has section', !!a.bundle.search);
for (const q of process.argv.slice(2)) {
  const t = performance.now();
  const hits = searchArchive(a, q, { limit: 5 });
  console.log(`== ${q} (${(performance.now() - t).toFixed(1)} ms) ${hits.length}`);
  for (const h of hits) console.log(h.score, h.title.slice(0, 20), '|', h.highlights.map(([s, e]) => h.snippet.slice(s, e)).join(','), '|', h.snippet.slice(0, 60));
}
