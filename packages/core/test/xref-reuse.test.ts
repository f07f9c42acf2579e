// Edited reuse: copies with titles changed, a verbatim sentence inside an edited paragraph, a long run after an edit.
import { describe, expect, it } from 'vitest';
import { articleBody, crossReference, reasonText } from '../src/index.js';
import { fixtureArchive, TRAINING } from './xref-fixture.js';

const archive = fixtureArchive();
const ORIGINAL = '春节假期刚过，晋中各地重点工程陆续复工，全市上下比学赶超、你追我赶的氛围日渐浓厚。';
const TRAINING_NEXT = '为进一步提升人大代表的履职能力，市人大常委会精心谋划，科学组织，将代表培训与集中视察结合起来。';

describe('crossReference: edited reuse', () => {
  it('reports a copied passage whose titles were changed (names, titles and formulas are all it holds)', () => {
    const copied = '2月13日，全市组织部长会议召开。市长常书铭作出批示。市委常委、宣传部部长李文兵出席会议并讲话。';
    const draft = `${ORIGINAL}\n\n${copied}`;
    const report = crossReference(archive, draft);
    const at = draft.indexOf(copied);
    const mine = report.reused.filter((r) => r.articleId === 'sec2025');
    const covered = mine.reduce((n, r) => n + Math.max(0, Math.min(r.end, at + copied.length) - Math.max(r.start, at)), 0);
    expect(covered).toBeGreaterThanOrEqual(0.8 * copied.length);
    expect(mine.every((r) => r.kind === 'edited')).toBe(true);
  });

  it('reports a sentence copied exactly inside an edited paragraph as verbatim, the rest as edited', () => {
    const edited = TRAINING.replace('像这样', '像这种').replace('分别以', '分别在');
    const draft = `${ORIGINAL}\n\n${edited}${TRAINING_NEXT}`;
    const report = crossReference(archive, draft);
    const verbatim = report.reused.filter((r) => r.kind === 'verbatim');
    expect(verbatim).toHaveLength(1);
    const v = verbatim[0]!;
    expect(v.articleId).toBe('train');
    // The whole sentence but its closing mark (the span stops at the last content character).
    expect(TRAINING_NEXT.startsWith(v.text)).toBe(true);
    expect(v.text.length).toBeGreaterThanOrEqual(TRAINING_NEXT.length - 1);
    expect(articleBody(archive.get('train')!).slice(v.articleStart, v.articleEnd)).toBe(v.text);
    const rest = report.reused.filter((r) => r.kind === 'edited' && r.articleId === 'train');
    expect(rest).toHaveLength(1);
    expect(rest[0]!.end).toBeLessThanOrEqual(v.start);
    expect(rest[0]!.end - rest[0]!.start).toBeGreaterThanOrEqual(0.8 * edited.length);
    for (const r of report.reused) expect(draft.slice(r.start, r.end)).toBe(r.text);
  });

  it('keeps one passage when a long exact run follows an edit', () => {
    // A short run, the edit, then a run reaching far beyond the article range chained so far: still one passage.
    const edited = TRAINING.replace('相结合的培训', '相结合培训');
    const draft = `${ORIGINAL}\n\n${edited}`;
    const mine = crossReference(archive, draft).reused.filter((r) => r.articleId === 'train');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.start).toBe(draft.indexOf(edited));
    expect(mine[0]!.end - mine[0]!.start).toBeGreaterThanOrEqual(edited.length - 2);
  });
});

describe('crossReference: related articles give their reasons as data', () => {
  it('pairs each English phrase with its data (hosts word the data)', () => {
    const draft = `${ORIGINAL}\n\n${TRAINING}`;
    const related = crossReference(archive, draft).related;
    const train = related.find((r) => r.id === 'train')!;
    expect(train.why[0]).toMatchObject({ kind: 'reused', passages: 1 });
    expect(train.reasons).toEqual(train.why.map(reasonText));
    expect(train.reasons[0]).toMatch(/^shared passages: 1 \(\d+ characters\)$/);
  });
});
