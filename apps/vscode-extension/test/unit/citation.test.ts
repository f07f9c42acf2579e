import { describe, expect, it } from 'vitest';
import { chineseDate, formatCitation } from '../../src/citation.js';

describe('citations', () => {
  it('writes 《标题》（报纸，日期） with a Chinese date', () => {
    expect(formatCitation({ title: '重大项目“加速跑”', paper: '晋中日报', date: '2025-02-13' }, 'plain'))
      .toBe('《重大项目“加速跑”》（晋中日报，2025年2月13日）');
  });

  it('leaves out what the archive does not know', () => {
    expect(formatCitation({ title: '标题', paper: null, date: '2025-02' }, 'plain')).toBe('《标题》（2025年2月）');
    expect(formatCitation({ title: '标题', paper: null, date: null }, 'plain')).toBe('《标题》');
  });

  it('writes a Markdown link to the archive article, escaping brackets in the title', () => {
    const link = 'jianbao:/article/abc/x.md';
    expect(formatCitation({ title: '[图]标题', paper: '晋中日报', date: null }, 'markdown', link))
      .toBe('[《\\[图\\]标题》（晋中日报）](jianbao:/article/abc/x.md)');
  });

  it('keeps dates it cannot read as printed', () => {
    expect(chineseDate('2月13日')).toBe('2月13日');
    expect(chineseDate('2024')).toBe('2024年');
  });
});
