import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { decodeText } from '@jianbao/core';
import { loadXwlbArticles } from '../xwlb.js';
import { table, type SuiteResult } from '../report.js';

/**
 * Page encodings told apart (core text/decode.ts): every xwlb story, as a
 * title alone, its first paragraph and the whole story, encoded as GBK and
 * (in traditional characters) as Big5 with iconv-lite, then decoded. A
 * misdetection is a wrong encoding or text that differs from the original.
 * The baseline is the reader before Big5 detection: UTF-8, else GB18030.
 * The rule was written from the encodings' layouts and not tuned on this data.
 */
export async function run(): Promise<SuiteResult> {
  const articles = loadXwlbArticles();
  if (!articles) return { title: 'Page encodings (GBK vs Big5 vs UTF-8)', body: '', skipped: '../shared/data/xwlb is absent' };
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const baseline = (bytes: Uint8Array): string => {
    for (const label of ['utf-8', 'gb18030']) {
      try {
        return new TextDecoder(label, { fatal: true }).decode(bytes);
      } catch { /* next */ }
    }
    return '';
  };
  const rows: (string | number)[][] = [];
  for (const [what, pick] of [
    ['title', (a: (typeof articles)[number]) => a.title],
    ['first paragraph', (a: (typeof articles)[number]) => a.paragraphs[0] ?? ''],
    ['whole story', (a: (typeof articles)[number]) => [a.title, ...a.paragraphs].join('\n')],
  ] as const) {
    for (const encoding of ['gbk', 'big5'] as const) {
      let n = 0;
      let wrong = 0;
      let wrongBefore = 0;
      let skipped = 0;
      for (const a of articles) {
        let text = pick(a);
        if (!/[\u4e00-\u9fff]/.test(text)) continue;
        if (encoding === 'big5') text = toTraditional(text);
        const bytes = iconv.encode(text, encoding);
        if (new TextDecoder(encoding).decode(bytes) !== text) {
          skipped++; // a character the encoding has no code for, or that iconv-lite and the WHATWG decoder map differently
          continue;
        }
        n++;
        const decoded = decodeText(bytes);
        const expected = encoding === 'gbk' ? 'gb18030' : 'big5';
        if (decoded.text !== text || (decoded.encoding !== expected && decoded.encoding !== 'utf-8')) wrong++;
        if (baseline(bytes) !== text) wrongBefore++;
      }
      rows.push([what, encoding.toUpperCase(), n, skipped, wrongBefore, wrong]);
    }
  }
  return {
    title: 'Page encodings (GBK vs Big5 vs UTF-8)',
    body: table(['text', 'encoded as', 'texts', 'not encodable (left out)', 'misread before (UTF-8, else GB18030)', 'misread now'], rows),
  };
}
