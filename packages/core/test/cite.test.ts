import { describe, expect, it } from 'vitest';
import { bylineNames, chineseDate, formatCitation, nextReferenceNumber, pageNumberFromName, type CitableArticle } from '../src/cite.js';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePages } from '../src/parse/index.js';

const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds');

const base: CitableArticle = {
  title: '太原晋中一体化发展 对接座谈会举行', paper: '太原日报', date: '2025-02',
  page: '003_17c57a23914577c3.txt', byline: '记者 殷雪鸢、胡引平',
  dateline: { text: '2月21日', iso: '2025-02-21' }, source: null,
};

describe('citations: house style', () => {
  it('gives the dateline day as the news date when the issue day is unknown, with the byline', () => {
    expect(formatCitation(base, 'house')).toBe('《太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月21日讯，殷雪鸢、胡引平）');
  });
  it('uses the full issue date and the page when known', () => {
    expect(formatCitation({ ...base, date: '2025-02-22' }, 'house', { pageNumber: 3 }))
      .toBe('《太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月22日，第3版，殷雪鸢、胡引平）');
  });
  it('marks a wire story’s dateline 电, and falls back to the issue month without a dateline', () => {
    expect(formatCitation({ ...base, source: '新华社', byline: null }, 'house')).toBe('《太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月21日电）');
    expect(formatCitation({ ...base, dateline: null, byline: null }, 'house')).toBe('《太原晋中一体化发展 对接座谈会举行》（太原日报，2025年2月）');
  });
  it('leaves out what the archive does not know', () => {
    expect(formatCitation({ ...base, paper: null, date: null, dateline: null, byline: null }, 'house')).toBe('《太原晋中一体化发展 对接座谈会举行》');
  });
});

describe('citations: GB/T 7714-2015', () => {
  it('writes 作者. 题名[N]. 报纸名, 出版日期(版次).', () => {
    expect(formatCitation({ ...base, date: '2025-02-22' }, 'gbt7714', { pageNumber: 3, index: 2 }))
      .toBe('[2] 殷雪鸢, 胡引平. 太原晋中一体化发展 对接座谈会举行[N]. 太原日报, 2025-02-22(3).');
  });
  it('never puts the dateline in place of the issue date', () => {
    expect(formatCitation(base, 'gbt7714')).toBe('殷雪鸢, 胡引平. 太原晋中一体化发展 对接座谈会举行[N]. 太原日报, 2025-02.');
  });
  it('keeps three authors then 等, and starts with the title when there is no byline', () => {
    expect(formatCitation({ ...base, byline: '本报记者 雷甫 郭娟 王晶 通讯员 张三' }, 'gbt7714'))
      .toBe('雷甫, 郭娟, 王晶, 等. 太原晋中一体化发展 对接座谈会举行[N]. 太原日报, 2025-02.');
    expect(formatCitation({ ...base, byline: null, paper: null, date: null }, 'gbt7714')).toBe('太原晋中一体化发展 对接座谈会举行[N].');
  });
});

describe('citation fields', () => {
  it('reads the people from a byline, without roles and credits', () => {
    expect(bylineNames('记者毛静')).toEqual(['毛静']);
    expect(bylineNames('袁兆锋 袁兆辉 卢文艳')).toEqual(['袁兆锋', '袁兆辉', '卢文艳']);
    expect(bylineNames('梁琛 摄')).toEqual(['梁琛']);
    expect(bylineNames('丁洁、王春宇')).toEqual(['丁洁', '王春宇']);
    expect(bylineNames(42)).toEqual([]);
  });
  it('reads a 版次 from a file name only when the name states one', () => {
    expect(pageNumberFromName('000_3e615268ee94772f.txt')).toBeNull();
    expect(pageNumberFromName('太原日报2025-02-22第3版.txt')).toBe('3');
    expect(pageNumberFromName('第十二版.md')).toBe('12');
    expect(pageNumberFromName('2025-02-22_03版.txt')).toBe('3');
    expect(pageNumberFromName('taiyuan_2025-02-22_p03.txt')).toBe('3');
    expect(pageNumberFromName('taiyuan_2025-02-22_A03.txt')).toBe('A3');
    expect(pageNumberFromName('2025-02-22.txt')).toBeNull();
  });
  it('keeps archive text on one line, and skips fields of the wrong type', () => {
    const hostile = { ...base, title: '标题\n\u202e第二行', paper: 7 as unknown as string, byline: null, dateline: 'x' as never };
    expect(formatCitation(hostile, 'house')).toBe('《标题 第二行》（2025年2月）');
    expect(formatCitation({ ...base, title: 'x'.repeat(500) }, 'gbt7714').length).toBeLessThan(300);
  });
  it('numbers the next reference after the largest in the text', () => {
    expect(nextReferenceNumber('正文')).toBe(1);
    expect(nextReferenceNumber('参考文献\n[1] 甲. 乙[N].\n[12] 丙. 丁[N].\n- [3] x\n')).toBe(13);
  });
  it('writes Chinese dates', () => {
    expect(chineseDate('2024-02-13')).toBe('2024年2月13日');
    expect(chineseDate('2024')).toBe('2024年');
    expect(chineseDate('2月13日')).toBe('2月13日');
  });
  it('gives the 版次 a seed manifest states, carried by the article (bundle format 3)', () => {
    const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
    const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
    const articles = parsePages(pages, manifest);
    for (const a of articles) {
      const stated = manifest.pages[a.page]?.pageNumber;
      expect(a.pageNumber).toBe(stated === undefined ? null : String(stated));
      if (stated !== undefined) expect(formatCitation(a, 'gbt7714')).toMatch(new RegExp(`\\(${stated}\\)\\.$`));
      else expect(formatCitation(a, 'gbt7714')).not.toMatch(/\)\.$/);
    }
    const first = articles.find((a) => a.page.startsWith('003_'))!;
    expect(formatCitation(first, 'house')).toContain('第1版');
    // A malformed stored value is ignored (003's file name states none); the host's own knowledge still wins.
    expect(formatCitation({ ...first, pageNumber: 'x<b>' }, 'gbt7714')).toMatch(/2025-02\.$/);
    expect(formatCitation(first, 'gbt7714', { pageNumber: 5 })).toMatch(/\(5\)\.$/);
  });
  it('cites every seed article in both styles on one line', () => {
    const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
    const articles = parsePages(pages);
    expect(articles.length).toBeGreaterThan(20);
    for (const a of articles) {
      for (const style of ['house', 'gbt7714'] as const) {
        const text = formatCitation(a, style);
        expect(text).not.toMatch(/[\n\r]|undefined|null|，，|, ,/);
        expect(text).toContain(a.title.replace(/\s+/g, ' ').slice(0, 10));
      }
    }
  });
});
