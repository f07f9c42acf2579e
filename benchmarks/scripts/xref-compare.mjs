// Compares two report files written by `tsx src/xref-latency.ts ROUNDS OUT.json` (before/after a change that must not
// change any result): every draft's conflicts, reused passages and related articles, field for field.
// node scripts/xref-compare.mjs before.json after.json
import { readFileSync } from 'node:fs';
const a = JSON.parse(readFileSync(process.argv[2])), b = JSON.parse(readFileSync(process.argv[3]));
let diffs = 0;
for (let i = 0; i < a.length; i++) for (const k of ['conflicts', 'reused', 'related']) {
  const x = JSON.stringify(a[i][k]), y = JSON.stringify(b[i][k]);
  if (x !== y) { diffs++; if (diffs < 4) console.log('draft', i, k, '\n  A', x.slice(0, 600), '\n  B', y.slice(0, 600)); }
}
const n = (r, k) => r.reduce((s, d) => s + d[k].length, 0);
console.log(`drafts ${a.length}; conflicts ${n(a,'conflicts')}/${n(b,'conflicts')} reused ${n(a,'reused')}/${n(b,'reused')} related ${n(a,'related')}/${n(b,'related')}; differing fields: ${diffs}`);
