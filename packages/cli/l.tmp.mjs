import { readFileSync } from 'node:fs';
const text = readFileSync('/tmp/sx/xwlb.json', 'utf8');
const b = JSON.parse(text);
const s = b.search;
const { fromBase64 } = await import('../core/dist/search/codec.js');
let t = performance.now(); const terms = s.terms.split('\n'); console.log('split', performance.now() - t);
t = performance.now(); const bytes = fromBase64(s.postings); console.log('b64', performance.now() - t, bytes.length);
t = performance.now(); const sz = fromBase64(s.sizes); console.log('b64 sizes', performance.now() - t);
