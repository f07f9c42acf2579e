import { describe, expect, it } from 'vitest';
import { runSteps } from '../src/host.js';
import { normalizeForSearch, prepareTermTableSteps, tokenizeNormalized } from '../src/text/analyze.js';

describe('prepareTermTableSteps', () => {
  it('builds, a few terms per step, the table a query would build: the same tokens', () => {
    const terms = ['习近平', '国务院', '乡村振兴', '一带一路', '中国共产党', '党中央', 'ＡＢＣ公司', '北 京 市', '国务院'];
    const text = normalizeForSearch('党中央、国务院印发乡村振兴意见，一带一路与ABC公司在北京市签约').text;
    const prepared = [...terms];
    let steps = 0;
    for (const _ of prepareTermTableSteps(prepared, 2)) steps++;
    expect(steps).toBe(5);
    expect(tokenizeNormalized(text, { terms: prepared })).toEqual(tokenizeNormalized(text, { terms: [...terms] }));
    expect(tokenizeNormalized(text, { terms: prepared }).filter((t) => t.kind === 'term').map((t) => t.term)).toContain('乡村振兴');
    runSteps(prepareTermTableSteps(prepared)); // already built: nothing to do
  });
});
