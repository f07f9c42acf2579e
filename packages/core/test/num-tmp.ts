import { crossReference } from '../src/index.js';
import { loadDefaultArchive } from '../dist/default-archive.js';
import { readFileSync } from 'node:fs';
const a = await loadDefaultArchive();
const d4 = readFileSync('/work/shared/eval/drafts-dev/draft-04.md', 'utf8');
const d1 = readFileSync('/work/shared/eval/drafts-dev/draft-01.md', 'utf8');
const variants: [string, string][] = [
  [d4.replace('修改地方性法规5件', '修改地方性法规6件'), '6件'],
  [d4.replace('共有220余名', '共有320余名'), '320余名'],
  [d4.replace('调研80次', '调研60次'), '60次'],
  [d4.replace('开展了4期', '开展了5期'), '5期'],
  [d1.replace('突破1000兆瓦', '突破2000兆瓦'), '2000兆瓦'],
  [d1.replace('25.8 亿元', '35.8 亿元'), '35.8'],
  [d1.replace('730余亩', '930余亩'), '930'],
  [d1.replace('市委书记常书铭', '晋中市市长常书铭'), 'title'],
  [d4, 'none'], [d1, 'none'],
];
for (const [d, want] of variants) {
  const r = crossReference(a as any, d);
  console.log(want, '→', r.conflicts.map((c) => `${c.kind}:${c.text}→${c.expected}`).join(' ; '), '| reused', r.reused.length);
}
