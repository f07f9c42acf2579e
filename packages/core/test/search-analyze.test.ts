import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms, normalizeForSearch } from '../src/text/analyze.js';

describe('search analysis pipeline', () => {
  it('folds traditional to simplified, so both spellings give the same terms', () => {
    expect(analyzeTerms('太原晉中一體化')).toEqual(analyzeTerms('太原晋中一体化'));
    expect(analyzeTerms('太原晉中一體化')).toEqual(['太原', '原晋', '晋中', '中一', '一体', '体化']);
  });

  it('folds full-width letters and digits and case', () => {
    const terms = analyzeTerms('ＡＩ与５Ｇ，Ｇ３３６国道');
    expect(terms).toContain('ai');
    expect(terms).toContain('5g');
    expect(terms).toContain('g336');
    expect(terms).toContain('国道');
  });

  it('treats every quote style alike and never makes a bigram across a quote', () => {
    const a = analyzeTerms('学习「千万工程」经验');
    expect(analyzeTerms('学习“千万工程”经验')).toEqual(a);
    expect(analyzeTerms("学习'千万工程'经验")).toEqual(a);
    expect(a).toContain('千万');
    expect(a).toContain('工程');
    expect(a).not.toContain('习千');
    expect(a).not.toContain('程经');
  });

  it('drops OCR spaces and line breaks inside names and numbers, keeping a map to the original', () => {
    expect(analyzeTerms('常书\n铭')).toEqual(['常书', '书铭']);
    expect(analyzeTerms('2 月 13 日')).toEqual(['2', '月', '13', '日']);
    const { normalized } = analyze('常书 \n铭');
    expect(normalized.text).toBe('常书铭');
    expect(Array.from(normalized.offsets)).toEqual([0, 1, 4, 5]);
  });

  it('keeps Latin words, numbers and mixed tokens whole, and Latin words apart', () => {
    expect(analyzeTerms('“1221”战略举措')).toEqual(['1221', '战略', '略举', '举措']);
    expect(analyzeTerms('AI and 5G, GDP增长5.2%')).toEqual(['ai', 'and', '5g', 'gdp', '增长', '5.2']);
    expect(analyzeTerms('1,200万')).toEqual(['1200', '万']);
  });

  it('gives a lone Chinese character as a term of its own', () => {
    expect(analyzeTerms('据《晋》报道')).toEqual(['据', '晋', '报道']);
  });

  it('applies NFKC where it keeps the length (circled digits, compatibility ideographs)', () => {
    expect(normalizeForSearch('①号').text).toBe('1号');
    expect(normalizeForSearch('①号').text).toHaveLength(2);
  });

  it('emits extra whole-token terms (the lexicon hook) in any spelling', () => {
    const terms = analyzeTerms('市委书记常书铭讲话', { terms: ['常書銘', '千万工程'] });
    expect(terms).toContain('常书铭');
    expect(terms).not.toContain('千万工程');
    expect(terms).toContain('常书'); // bigrams stay
  });
});
