// Tuning aid: prints the misses and false marks of the DEV seed pages only (never the held-out ones).
import { seedPageScores } from './suites/seed-pages.js';

for (const s of seedPageScores((page) => !/^00[24]_/.test(page))) {
  if (s.set !== 'dev') continue;
  console.log(`${s.page} ${s.kind} recall ${s.counts.found}/${s.counts.gold} precision ${s.counts.right}/${s.counts.marks}`);
  if (s.counts.missed.length) console.log('  missed:', s.counts.missed.join(' '));
  if (s.counts.wrong.length) console.log('  wrong: ', s.counts.wrong.join(' '));
}
