// Hostile drafts: a check reads each character a bounded number of times, whatever the input.
// (Speed is measured in `pnpm bench xref-hostile`; here only that the work completes and is right.)
import { describe, expect, it } from 'vitest';
import { crossReference } from '../src/index.js';
import { scanFigures } from '../src/xref/quantity-scan.js';
import { markdownSkipMask } from '../src/xref/normalize.js';
import { quantities } from '../src/xref/numbers.js';
import { fixtureArchive } from './xref-fixture.js';

const MB = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

describe('xref on hostile input (1 MB)', { timeout: 600_000 }, () => {
  it('scans quantities in one pass: digit runs, blank runs and repeats', () => {
    expect([...scanFigures(fill('1'))]).toHaveLength(0); // one run of a million digits: no number
    expect([...scanFigures('1' + ' '.repeat(MB))]).toHaveLength(0);
    expect([...scanFigures(fill('1.'))]).toHaveLength(0);
    expect([...scanFigures(fill('，'))]).toHaveLength(0);
    expect([...scanFigures(fill('1个'))]).toHaveLength(MB / 2);
    expect([...scanFigures(fill('25 . 8 亿元，'))]).toHaveLength(Math.floor(MB / 10));
    // Described only where wanted: the scan alone for the rest.
    let asked = 0;
    expect(quantities(fill('1%'), () => (asked++, false))).toHaveLength(0);
    expect(asked).toBe(MB / 2);
  });

  it('reads figures as the regex did', () => {
    const q = quantities('总投资 25.8 亿元，共计220 余名代表，第3次，12.5.3个，5 6个');
    expect(q.map((x) => [x.printed, x.value, x.qualifier])).toEqual([
      ['25.8亿元', 2.58e9, 'exact'],
      ['220余名', 220, 'about'],
      ['6个', 6, 'exact'],
    ]);
  });

  it('masks Markdown in one pass over unclosed brackets and tags', () => {
    for (const s of [fill('['), fill('[a]('), fill('<a'), fill('<http://')]) expect(markdownSkipMask(s).length).toBe(MB);
    const draft = '[text](http://x) <b>bold</b>';
    const m = markdownSkipMask(draft);
    expect([...draft].filter((_, i) => !m[i]).join('')).toBe('[text bold');
  });

  const archive = fixtureArchive();
  for (const [name, unit] of [['digits', '1234567890'], ['punctuation', '，。、'], ['one character', '的'], ['figures', '1个'], ['titles', '市委书记']] as const) {
    it(`cross-references a megabyte of ${name}`, () => {
      const report = crossReference(archive, fill(unit));
      expect(report.conflicts).toEqual([]);
    });
  }
});
