import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadArchive, getSearchIndex, searchArchive, searchIndexFromSection, loadSearchIndex } from '@jianbao/core';
const text = readFileSync('/tmp/sx/xwlb.json', 'utf8');
let t = performance.now();
const a = loadArchive(text);
console.log('loadArchive', (performance.now() - t).toFixed(0));
const s = JSON.stringify(a.bundle.search);
console.log('section bytes', Buffer.byteLength(s), 'gz', gzipSync(s).length, 'postings chars', a.bundle.search.postings.length, 'terms', Buffer.byteLength(a.bundle.search.terms));
t = performance.now();
const idx = searchIndexFromSection(a.bundle.search);
console.log('fromSection', (performance.now() - t).toFixed(0), 'terms', idx.terms.length);
console.log('mem MB', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
for (const q of process.argv.slice(2)) {
  t = performance.now();
  const hits = searchArchive(a, q, { limit: 5 });
  console.log(`== ${q} (${(performance.now() - t).toFixed(1)} ms) ${hits.length}`);
  for (const h of hits) console.log(h.score, h.date, h.title.slice(0, 30), '|', h.highlights.map(([s, e]) => h.snippet.slice(s, e)).join(','));
}
