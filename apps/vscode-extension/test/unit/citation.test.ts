import { describe, expect, it } from 'vitest';
import { citationFor, citationSettings } from '../../src/citation.js';

const article = {
  title: '[图]太原晋中一体化发展 对接座谈会举行', paper: '太原日报', date: '2025-02', page: '003.txt',
  byline: '记者 殷雪鸢、胡引平', dateline: { text: '2月21日', iso: '2025-02-21' }, source: null,
};
const link = 'jianbao:/article/abc/x.md';

describe('citations in drafts', () => {
  it('reads the style setting, keeping what the older values meant', () => {
    expect(citationSettings('gbt7714', false)).toEqual({ style: 'gbt7714', link: false });
    expect(citationSettings('house', true)).toEqual({ style: 'house', link: true });
    expect(citationSettings('plain', undefined)).toEqual({ style: 'house', link: false });
    expect(citationSettings('markdown', false)).toEqual({ style: 'house', link: true });
    expect(citationSettings(42, 'yes')).toEqual({ style: 'house', link: false });
  });

  it('writes the house style with the dateline and byline', () => {
    expect(citationFor(article, { style: 'house', link: false }, 'plaintext', '', link))
      .toBe('《[图]太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月21日讯，殷雪鸢、胡引平）');
  });

  it('numbers a GB/T 7714 entry after the draft\'s last one', () => {
    expect(citationFor(article, { style: 'gbt7714', link: false }, 'markdown', '参考文献\n\n[1] 甲. 乙[N]. 丙, 2025-01-01(2).\n', link))
      .toBe('[2] 殷雪鸢, 胡引平. [图]太原晋中一体化发展 对接座谈会举行[N]. 太原日报, 2025-02.');
  });

  it('links to the archive article in Markdown drafts only, escaping the text', () => {
    expect(citationFor(article, { style: 'house', link: true }, 'markdown', '', link))
      .toBe('[《\\[图\\]太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月21日讯，殷雪鸢、胡引平）](jianbao:/article/abc/x.md)');
    expect(citationFor(article, { style: 'house', link: true }, 'plaintext', '', link)).not.toContain('](');
  });
});
