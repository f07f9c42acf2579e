// The archive's figure table decides exactly what sameFacts' own test on described figures decides, and a figure
// read again from its offset is the figure the whole scan read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FigureTableBuilder, mayBeSameFact, probeOf } from '../src/xref/figure-table.js';
import { describeFigure, scanText, type Quantity } from '../src/xref/numbers.js';
import { scanFigures } from '../src/xref/quantity-scan.js';

const suffix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};
const prefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};
/** sameFacts' test, on two described figures. */
const sameFactTest = (q: Quantity, r: Quantity) =>
  suffix(r.lead, q.lead) >= 2 || prefix(r.trail, q.trail) >= 3 || suffix(r.before, q.before) + prefix(r.after, q.after) >= 6;

describe('figure table', () => {
  // The seed pages (OCR text: figures split by blanks and line breaks) in pieces, and a line of hard cases.
  const seeds = resolve(__dirname, '../../../seeds');
  const pages = readdirSync(seeds).filter((n) => /\.(txt|md)$/.test(n)).sort().map((n) => readFileSync(join(seeds, n), 'utf8'));
  const texts = pages.flatMap((p) => Array.from({ length: Math.ceil(p.length / 2000) }, (_, i) => p.slice(i * 2000, (i + 1) * 2000))).slice(0, 60);
  texts.push('解决 1300\n余人的就业，带动1.2万人，项目总投资 25.8 亿元，三十个村，约一万名，十九万亿千瓦时。第3次会议，12.5%，2024年增长5.4%。');

  it('passes exactly the pairs sameFacts would compare', () => {
    const builder = new FigureTableBuilder();
    const described: (Quantity | null)[][] = [];
    for (const text of texts) {
      const scanned = scanText(text);
      builder.add(scanned.folded, scanned.figures);
      described.push(scanned.figures.map((m) => describeFigure(scanned, m)));
    }
    const table = builder.build();
    const all = described.flatMap((list, d) => list.map((r, f) => ({ r, t: table.starts[d]! + f })));
    const probes = all.filter((x) => x.r).slice(0, 300);
    let pass = 0;
    let checked = 0;
    for (const { r: q } of probes) {
      const probe = probeOf(q!);
      for (const { r, t } of all) {
        if (!r) continue;
        checked++;
        const want = sameFactTest(q!, r);
        if (want) pass++;
        expect(mayBeSameFact(table, t, probe)).toBe(want);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(pass).toBeGreaterThan(300);
  });

  it('reads a figure again from its offset', () => {
    for (const text of texts) {
      const { folded, figures } = scanText(text);
      for (const m of figures) expect(scanFigures(folded, 1, m.index)[0]).toEqual(m);
    }
  });
});
