// Draws xwlb stories for the people gold sets with a seed fixed in advance (held-out 13013, dev 1307) and prints the
// sentences that may hold a (person, printed title) pair, for a reader to hand-check. The text is never committed.
// Usage: node benchmarks/scripts/draw-xwlb-people.mjs <seed> <count> [skip-ids-file]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const [seed, count, skipFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const skip = new Set(skipFile ? JSON.parse(readFileSync(skipFile, 'utf8')).map((p) => p.story) : []);
const stories = gunzipSync(readFileSync((process.env.JIANBAO_SHARED ?? new URL('../../../shared', import.meta.url).pathname) + '/data/xwlb/stories.jsonl.gz')).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// mulberry32
let a = seed >>> 0;
const rand = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const order = stories.map((s, i) => [rand(), i]).sort((x, y) => x[0] - y[0]).map(([, i]) => stories[i]);
const TITLE = /书记|主席|总理|总统|委员|部长|省长|市长|外长|首相|国王|秘书长|大使|主任|院长|议长|司令|元首|王储|首脑/;
let n = 0;
for (const s of order) {
  if (n >= count) break;
  if (skip.has(s.id)) continue;
  const sentences = s.paragraphs.join('\n').split(/(?<=[。！？\n])/).filter((x) => TITLE.test(x));
  if (!sentences.length) continue;
  n++;
  console.log(`=== ${s.id} ${s.title}`);
  for (const x of sentences) console.log('  ' + x.trim());
}
