import { describe, expect, it } from 'vitest';
import { foldText } from '../src/text/fold.js';
import { compactText } from '../src/text/compact.js';

describe('foldText', () => {
  it('folds traditional to simplified, width, case and quote variants, keeping length', () => {
    const cases: [string, string][] = [
      ['太原晉中一體化', '太原晋中一体化'],
      ['「千萬工程」', '“千万工程”'],
      ['‘1221’戰略舉措', '“1221”战略举措'],
      ['ＡＩ與５Ｇ，Ｇ３３６', 'ai与5g,g336'],
      ['晉創谷・晉中', '晋创谷·晋中'],
      ['常書銘　同志', '常书铭 同志'],
    ];
    for (const [input, expected] of cases) {
      expect(foldText(input)).toBe(expected);
      expect(foldText(input)).toHaveLength(input.length);
    }
  });

  it('leaves simplified text and astral characters alone', () => {
    const text = '晋中市委书记常书铭𠮷';
    expect(foldText(text)).toBe(text);
  });
});

describe('compactText', () => {
  it('removes OCR spaces inside numbers, dates and names split across lines, mapping offsets back', () => {
    const input = '2 月 13 日，220 余名代表和常书\n铭出席';
    const { text, offsets } = compactText(input);
    expect(text).toBe('2月13日，220余名代表和常书铭出席');
    const at = text.indexOf('常书铭');
    expect(input.slice(offsets[at], offsets[at + 3 - 1]! + 1)).toBe('常书\n铭');
    expect(offsets[text.length]).toBe(input.length);
  });

  it('keeps spaces between Latin words and between Latin and CJK', () => {
    expect(compactText('New Energy 新能源 LED 5 G').text).toBe('New Energy 新能源 LED 5 G');
    expect(compactText('新能源 2024 年').text).toBe('新能源2024年');
  });
});

describe('findAllAcrossBreaks agrees with matching compactText', () => {
  it('finds the same terms, mapped to the same original ranges', async () => {
    const { buildMatcher, findAllAcrossBreaks } = await import('../src/index.js');
    const matcher = buildMatcher([
      { termId: 'p1', kind: 'person', forms: ['常书铭'] },
      { termId: 'x1', kind: 'policy', forms: ['太原晋中一体化'] },
    ]);
    const inputs = ['市委书记常书\n铭出席，太原晋中\n一 体 化发展', '常书铭 5 G 常　书　铭', 'Latin words  stay\n常书\r\n铭'];
    for (const input of inputs) {
      const { text, offsets } = compactText(input);
      const viaCompact = matcher.findAll(text).map((m) => [offsets[m.start], offsets[m.end - 1]! + 1, m.termId]);
      const direct = findAllAcrossBreaks(matcher, input).map((m) => [m.start, m.end, m.termId]);
      expect(direct).toEqual(viaCompact);
      expect(direct.length).toBeGreaterThan(0);
    }
  });
});
