import { describe, expect, it } from 'vitest';
import { normalizeForSearch, tokenizeNormalized, visitIndexTerms, type AnalyzeOptions } from '../src/text/analyze.js';
import { randomText, rng } from '../fuzz/inputs.mjs';

/** The index's pass (visitIndexTerms) must give exactly the terms and count of the query's (tokenizeNormalized). */
function both(raw: string, options: AnalyzeOptions) {
  const text = normalizeForSearch(raw).text;
  const fast: string[] = [];
  const count = visitIndexTerms(text, options, {
    bigram: (code) => fast.push(String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)),
    term: (t) => fast.push(t),
  });
  const tokens = tokenizeNormalized(text, options).map((t) => t.term);
  return { fast: [...fast].sort(), count, tokens: [...tokens].sort(), n: tokens.length };
}

describe('visitIndexTerms', () => {
  const terms = ['习近平', '李强', '王沪宁', '王毅', '王小洪', '乡村振兴', '一带一路', '中国共产党', 'ＡＢＣ公司', '北 京 市', '王毅'];

  it('gives the terms and the count tokenizeNormalized gives', () => {
    for (const text of [
      '中共中央政治局常委李强、赵乐际、王沪宁出席。王毅会见，王小洪陪同。',
      '党中央、国务院印发乡村振兴意见，一带一路与ABC公司在北 京 市签约 3.5亿元 1,200人 5G g336',
      '一', '王', '王毅', '', '１２３ ＡＢＣ ①② 𠀀字 é café Ωmega',
    ]) {
      for (const options of [{}, { terms }]) {
        const r = both(text, options);
        expect(r.fast).toEqual(r.tokens);
        expect(r.count).toBe(r.n);
      }
    }
  });

  it('agrees on random text (Chinese, punctuation, digits, Latin, odd and lone surrogate code units)', () => {
    const r = rng(1313);
    for (let k = 0; k < 300; k++) {
      const text = randomText(r, 1 + r.int(200)) + (k % 3 === 0 ? '王沪宁王毅习近平' : '');
      const res = both(text, { terms });
      expect(res.fast).toEqual(res.tokens);
      expect(res.count).toBe(res.n);
    }
  });
});
