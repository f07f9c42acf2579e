import { buildSearchIndex, searchIndexFromSection } from '@jianbao/core';
import { sharedPath } from './shared-data.js';
import { xwlbKnownItems } from './suites/search.js';
const { articles } = xwlbKnownItems(sharedPath('data', 'xwlb', 'stories.jsonl.gz')!, process.argv[2] ?? '5000');
const index = searchIndexFromSection(JSON.parse(JSON.stringify(buildSearchIndex(articles, {}).toSection())));
let total = 0, long = 0, longLists = 0; const th = 32;
for (let i = 0; i < index.terms.length; i++) { const [a, b, c] = index.fieldCounts(i); const n = a + b + c; total += n; if (n >= th) { long += n; longLists++; } }
console.log('terms', index.terms.length, 'entries', total, 'in lists>=32', long, 'lists', longLists, 'bytes', index.bytes.length);
const t = performance.now();
for (let i = 0; i < index.terms.length; i++) (index as any).decode(i);
console.log('decode all', (performance.now() - t).toFixed(0), 'ms');
