// The dev drafts (../shared/eval/drafts-dev, evaluation data: read in place, skipped when absent) against the
// seed archive, parsed from the repo's seeds/ as the default archive is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive, buildBundle, crossReference } from '../src/index.js';

const shared = process.env.JIANBAO_SHARED ?? resolve(__dirname, '../../../../shared');
const dev = join(shared, 'eval', 'drafts-dev');
const present = existsSync(join(dev, 'draft-01.md')) && existsSync(join(dev, 'draft-04.md'));

describe.skipIf(!present)('xref on the dev drafts with errors put in', () => {
  const seeds = resolve(__dirname, '../../../seeds');
  const names = present ? readdirSync(seeds).filter((n) => /\.(txt|md)$/.test(n)).sort() : [];
  const manifest = existsSync(join(seeds, 'manifest.json')) ? JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) : {};
  const archive = new Archive(buildBundle({ pages: names.map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') })) }, { name: 'seeds', manifest }));
  const d1 = present ? readFileSync(join(dev, 'draft-01.md'), 'utf8') : '';
  const d4 = present ? readFileSync(join(dev, 'draft-04.md'), 'utf8') : '';

  it('reports no contradiction in the drafts as written', () => {
    expect(crossReference(archive, d1).conflicts).toEqual([]);
    expect(crossReference(archive, d4).conflicts).toEqual([]);
  });

  it.each([
    ['d4', '修改地方性法规5件', '修改地方性法规6件', '6件', '5件'],
    ['d4', '共有220余名', '共有320余名', '320余名', '220余名'],
    ['d4', '调研80次', '调研60次', '60次', '80次'],
    ['d4', '开展了4期', '开展了5期', '5期', '4期'],
    ['d1', '突破1000兆瓦', '突破2000兆瓦', '2000兆瓦', '1000兆瓦'],
    ['d1', '25.8 亿元', '35.8 亿元', '35.8 亿元', '25.8亿元'],
    ['d1', '730余亩', '930余亩', '930余亩', '730余亩'],
  ])('%s: %s → %s is a number conflict', (which, from, to, text, expected) => {
    const draft = (which === 'd1' ? d1 : d4).replace(from, to);
    const report = crossReference(archive, draft);
    expect(report.conflicts.map((c) => [c.kind, c.text, c.expected])).toEqual([['number', text, expected]]);
    expect(draft.slice(report.conflicts[0]!.start, report.conflicts[0]!.end)).toBe(text);
  });

  it('flags 晋中市市长常书铭 (the archive: 市委书记)', () => {
    const report = crossReference(archive, d1.replace('市委书记常书铭', '晋中市市长常书铭'));
    expect(report.conflicts).toHaveLength(1);
    // The whole wrong title, place included; the fix gives a correct phrase (not 晋中晋中市委书记).
    const c = report.conflicts[0]!;
    expect(c).toMatchObject({ kind: 'title', text: '晋中市市长' });
    expect(c.expected).toMatch(/市委书记$/);
    const draft = d1.replace('市委书记常书铭', '晋中市市长常书铭');
    const fixed = draft.slice(0, c.fix!.start) + c.fix!.text + draft.slice(c.fix!.end);
    expect(fixed).toMatch(/晋中市委书记常书铭/);
    expect(fixed).not.toMatch(/晋中晋中/);
    expect(crossReference(archive, fixed).conflicts).toEqual([]);
  });
});
