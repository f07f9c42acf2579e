// Draws xwlb stories for the places/organisations/policies gold sets with a seed fixed in advance (held-out 1313,
// dev 3113 with the held-out ids skipped) and prints each story's scored window for a reader to label. The window is
// the body (paragraphs joined by "\n") from after the 央视网消息（新闻联播）： lead to the end of the first sentence
// that ends at or after character 250 (the whole body when shorter): windowOf() is shared with the bench suite.
// The text is never committed; only ids, windows and labels are.
// Usage: node benchmarks/scripts/draw-xwlb-places.mjs <seed> <count> [skip-gold-file[,skip-gold-file…]]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { windowOf } from './xwlb-window.mjs';

const [seed, count, skipFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const skip = new Set((skipFile ? skipFile.split(',') : []).flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).stories.map((s) => s.story)));
const stories = gunzipSync(readFileSync((process.env.JIANBAO_SHARED ?? new URL('../../../shared', import.meta.url).pathname) + '/data/xwlb/stories.jsonl.gz')).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// mulberry32, as benchmarks/src/random.ts
let a = seed >>> 0;
const rand = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const order = stories.map((s, i) => [rand(), i]).sort((x, y) => x[0] - y[0]).map(([, i]) => stories[i]);
let n = 0;
for (const s of order) {
  if (n >= count) break;
  if (skip.has(s.id)) continue;
  const body = s.paragraphs.join('\n');
  const [start, end] = windowOf(body);
  if (end - start < 40) continue; // a headline-only story holds nothing to label
  n++;
  console.log(`=== ${s.id} [${start},${end}) ${s.title}`);
  console.log(body.slice(start, end));
}
