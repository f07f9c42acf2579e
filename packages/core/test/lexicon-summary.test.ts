import { describe, expect, it } from 'vitest';
import { dateRange, personSummary, titleHistory } from '../src/lexicon/summary.js';

const role = (title: string, articleId: string, date: string | null) => ({ title, articleId, date });

describe('person summary', () => {
  it('gives distinct titles with first and last date and article count, newest first', () => {
    const roles = [
      role('市长', 'a1', '2023-01-05'), role('市长', 'a1', '2023-01-05'), role('市长', 'a2', '2023-06-01'),
      role('市委书记', 'a3', '2024-02-01'), role('副市长', 'a0', '2021-03-01'),
    ];
    expect(titleHistory(roles)).toEqual([
      { title: '市委书记', first: '2024-02-01', last: '2024-02-01', articles: 1 },
      { title: '市长', first: '2023-01-05', last: '2023-06-01', articles: 2 },
      { title: '副市长', first: '2021-03-01', last: '2021-03-01', articles: 1 },
    ]);
  });

  it('counts a title printed inside a longer one of the same article once, as the longer one', () => {
    const roles = [role('晋中市委副书记、市长', 'a', '2024-01-01'), role('晋中市委副书记', 'a', '2024-01-01'), role('市长', 'a', '2024-01-01'), role('晋中市长', 'a', '2024-01-01'), role('市长', 'b', '2023-01-01')];
    expect(titleHistory(roles).map((h) => [h.title, h.articles])).toEqual([['晋中市委副书记、市长', 1], ['晋中市长', 1], ['市长', 1]]);
  });

  it('caps at five and says how many more', () => {
    const roles = Array.from({ length: 8 }, (_, i) => role(`职务${i}`, `a${i}`, `2020-01-0${i + 1}`));
    const s = personSummary({ roles });
    expect(s.titles.map((t) => t.title)).toEqual(['职务7', '职务6', '职务5', '职务4', '职务3']);
    expect(s.more).toBe(3);
    expect(personSummary({ roles }, 10).more).toBe(0);
  });

  it('puts undated titles last and survives hostile data', () => {
    const hostile = [null, 42, 'x', { title: 7 }, { title: '  ' }, { title: '主任', articleId: {}, date: 5 }, role('<b>主席</b>', 'a', '2022-01-01'), { title: '委员', articleId: 'b' }];
    const h = titleHistory(hostile);
    expect(h.map((x) => x.title)).toEqual(['<b>主席</b>', '主任', '委员']);
    expect(h[1]).toEqual({ title: '主任', first: null, last: null, articles: 1 });
    expect(titleHistory(undefined)).toEqual([]);
    expect(titleHistory({ length: 3 })).toEqual([]);
    expect(personSummary(null)).toEqual({ titles: [], more: 0 });
    expect(personSummary({ roles: 'nope' }, Number.NaN)).toEqual({ titles: [], more: 0 });
  });

  it('prints a date range', () => {
    expect(dateRange({ first: '2023-01-01', last: '2024-01-01' })).toBe('2023-01-01 – 2024-01-01');
    expect(dateRange({ first: '2023-01-01', last: '2023-01-01' })).toBe('2023-01-01');
    expect(dateRange({ first: null, last: null })).toBe('');
  });
});
