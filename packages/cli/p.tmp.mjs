import { readFileSync } from 'node:fs';
import { loadArchive, getSearchIndex, searchArchive, foldText } from '@jianbao/core';
import { searchIndexFromSection } from '@jianbao/core';
const text = readFileSync('/tmp/sx/xwlb.json', 'utf8');
const a = loadArchive(text);
foldText('晉');
let t = performance.now();
const idx = getSearchIndex(a);
console.log('getSearchIndex', (performance.now() - t).toFixed(0));
const qs = ['千万工程', '乡村振兴战略', '5G', '长江 生态', '俄乌冲突', '免签政策', '国内联播快讯', '高质量发展', '习近平总书记', '台风登陆'];
for (let r = 0; r < 3; r++) {
  const times = [];
  for (const q of qs) { t = performance.now(); searchArchive(a, q, { limit: 10 }); times.push((performance.now() - t).toFixed(0)); }
  console.log(times.join(' '));
}
