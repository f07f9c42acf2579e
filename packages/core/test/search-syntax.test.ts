import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { createBundle } from '../src/bundle/create.js';
import { checkQuery, englishMessage, parseDateRange, parseQuery, searchQuery, type SearchMessage } from '../src/search/index.js';

let n = 0;
const article = (title: string, paragraphs: string[], extra: Partial<Article> = {}): Article => ({
  id: `s${String(++n).padStart(3, '0')}`, paper: '晋中日报', date: '2025-02-13', page: 'test', title, titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs, continues: null, continuationOf: null, ...extra,
});

const fair = article('广交会开幕', ['第一百三十七届广交会开幕，乡村振兴展区人气旺。'], { date: '2025-04-15' });
const village = article('乡村振兴见闻', ['各地推进乡村振兴，产业兴旺。'], { date: '2025-02-10', kind: 'feature' });
const older = article('农村改革', ['深化农村改革，全面推进乡村振兴。'], { date: '2024-12-01', paper: '山西日报' });
const name = article('市委书记韦韬调研', ['韦韬在调研时强调，要抓好乡村振兴。'], { date: '2025-03-01' });
const archive = loadArchive(createBundle([fair, village, older, name], { name: 'syntax' }));
const ids = (q: string, options = {}) => searchQuery(archive, q, options).hits.map((h) => h.id);

describe('query syntax', () => {
  it('parses phrases, exclusions, fields, ranges, OR and sort', () => {
    const r = parseQuery('"千万工程" 经验 -广交会 title:调研 paper:晋中日报 kind:news 2025-02-13..2025-03 OR 韦韬 sort:date');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.query.alternatives).toEqual([
      [{ text: '千万工程', exact: true }, { text: '经验' }, { text: '调研', title: true, exact: false }],
      [{ text: '韦韬' }],
    ]);
    expect(r.query).toMatchObject({ exclude: ['广交会'], paper: '晋中日报', kind: 'news', from: '2025-02-13', to: '2025-03', sort: 'date' });
  });

  it('names the problem in one line', () => {
    expect(parseQuery('"千万工程')).toEqual({ ok: false, error: 'unclosed quote at position 1', problem: { code: 'unclosed-quote', params: { position: 1 } } });
    expect(parseQuery('x date:2025-13-45')).toMatchObject({ ok: false, error: expect.stringContaining('no month 13') });
    expect(parseQuery('x date:2025-02-30')).toMatchObject({ ok: false, error: expect.stringContaining('has 28 days') });
    expect(parseQuery('x kind:poem')).toMatchObject({ ok: false, error: expect.stringContaining('unknown kind') });
    expect(parseQuery('OR x')).toMatchObject({ ok: false });
    expect(parseDateRange('2025-03..2025-02')).toEqual({ error: 'date range "2025-03..2025-02" ends before it starts', problem: { code: 'date-range-reversed', params: { text: '2025-03..2025-02' } } });
    expect(parseDateRange('2024-02-29')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    for (const q of ['x date:2025-13-45', '"x']) expect(searchQuery(archive, q).error).not.toMatch(/\n/);
  });

  it('excludes, restricts to the title, filters by date and sorts by date', () => {
    expect(ids('乡村振兴')).toContain(fair.id);
    expect(ids('乡村振兴 -广交会')).not.toContain(fair.id);
    expect(ids('乡村振兴 -广交会').length).toBe(3);
    expect(ids('title:乡村振兴')).toEqual([village.id]);
    expect(ids('乡村振兴 date:2025-02')).toEqual([village.id]);
    expect(ids('乡村振兴 2025-02..2025-03')).toEqual(expect.arrayContaining([village.id, name.id]));
    expect(ids('乡村振兴 2025-02..2025-03')).toHaveLength(2);
    expect(ids('乡村振兴 sort:date')).toEqual([fair.id, name.id, village.id, older.id]);
    expect(ids('乡村振兴 paper:山西日报')).toEqual([older.id]);
    expect(ids('乡村振兴 kind:feature')).toEqual([village.id]);
  });

  it('takes exact phrases as typed only, and OR as alternatives', () => {
    expect(ids('"乡村振兴展区"')).toEqual([fair.id]);
    expect(ids('"乡村振兴展览"')).toEqual([]); // one character off: a typo match, not the exact phrase
    expect(ids('广交会 OR 农村改革').sort()).toEqual([fair.id, older.id].sort());
  });

  it('says what was done: the total, a rewritten query, a paper the archive lacks', () => {
    const r = searchQuery(archive, '乡村振兴', { limit: 2 });
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBe(4);
    expect(searchQuery(archive, '乡村振兴', { limit: 2, offset: 2 }).hits.map((h) => h.id)).toEqual(ids('乡村振兴').slice(2, 4));
    const rewritten = searchQuery(archive, '韦涛');
    expect(rewritten.rewritten?.notice).toBe('显示“韦韬”的结果；仍搜索“韦涛”');
    expect(rewritten.hits.map((h) => h.id)).toEqual([name.id]);
    expect(searchQuery(archive, '韦涛', { asTyped: true }).hits).toEqual([]);
    expect(searchQuery(archive, '乡村振兴 paper:人民日报')).toMatchObject({ hits: [], notices: [expect.stringContaining('no paper "人民日报"')] });
    expect(searchQuery(archive, '韦韬').hits[0]!.fields).toEqual(['title', 'body']);
    expect(searchQuery(archive, '产业兴旺').hits[0]!.fields).toEqual(['body']);
  });
});

describe('messages as data', () => {
  const problem = (q: string, options = {}) => searchQuery(archive, q, options).problem;
  it('gives every problem as a code and parameters, core\'s English beside it', () => {
    const cases: [string, SearchMessage][] = [
      ['"x', { code: 'unclosed-quote', params: { position: 1 } }],
      ['x OR', { code: 'or-needs-words', params: {} }],
      ['x title:', { code: 'field-needs-value', params: { field: 'title' } }],
      ['x sort:old', { code: 'unknown-sort', params: { sort: 'old' } }],
      ['x date:2025-13-45', { code: 'impossible-month', params: { text: '2025-13-45', month: 13 } }],
      ['x date:2025-02-30', { code: 'impossible-day', params: { text: '2025-02-30', month: '2025-02', days: 28 } }],
      ['x 2025-03..2025-02', { code: 'date-range-reversed', params: { text: '2025-03..2025-02' } }],
    ];
    for (const [q, message] of cases) {
      const r = searchQuery(archive, q);
      expect(r.problem, q).toEqual(message);
      expect(r.error, q).toBe(englishMessage(message));
    }
    expect(problem('x kind:poem')).toMatchObject({ code: 'unknown-kind', params: { kind: 'poem', kinds: expect.arrayContaining(['news']) } });
    // The options' dates are checked as the query's are.
    expect(problem('x', { from: '2025-02-30' })).toEqual({ code: 'impossible-day', params: { text: '2025-02-30', month: '2025-02', days: 28 } });
    expect(problem('x', { to: '2025/02' })).toEqual({ code: 'not-a-date', params: { text: '2025/02' } });
    expect(checkQuery('x', { from: '2025-02-30' })).toMatchObject({ problem: { code: 'impossible-day' } });
    expect(checkQuery('x date:2025-02')).toMatchObject({ filters: { from: '2025-02', to: '2025-02' } });
  });

  it('gives notices as data in the same order, and none for a plain query', () => {
    const r = searchQuery(archive, '乡村振兴 paper:人民日报');
    expect(r.messages).toEqual([{ code: 'no-such-paper', params: { paper: '人民日报', papers: ['晋中日报', '山西日报'], more: false } }]);
    expect(r.notices).toEqual(r.messages!.map(englishMessage));
    expect(searchQuery(archive, '乡村振兴')).toMatchObject({ notices: [], messages: [] });
    expect(problem('乡村振兴')).toBeUndefined();
  });
});

describe('a query of filters alone', () => {
  it('lists what the filters let through, newest first, with the total', () => {
    expect(ids('paper:晋中日报')).toEqual([fair.id, name.id, village.id]);
    expect(ids('2025-02..2025-03')).toEqual([name.id, village.id]);
    expect(ids('kind:feature')).toEqual([village.id]);
    expect(ids('-广交会 paper:晋中日报')).toEqual([name.id, village.id]);
    const page = searchQuery(archive, 'paper:晋中日报', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, totalAtLeast: false, hits: [{ id: name.id, highlights: [], fields: [] }] });
    expect(page.hits[0]!.snippet.startsWith('韦韬在调研时强调')).toBe(true);
  });

  it('lists nothing for an empty query, and a paper the archive lacks is still named', () => {
    expect(searchQuery(archive, '')).toMatchObject({ hits: [], total: 0 });
    expect(searchQuery(archive, 'paper:人民日报')).toMatchObject({ hits: [], notices: [expect.stringContaining('no paper "人民日报"')] });
  });
});
