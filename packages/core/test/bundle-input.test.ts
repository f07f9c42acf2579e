import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../src/bundle/json-syntax.js';
import { BundleError, createBundle, parseBundle, parseBundleAsync, parseBundlePiecesAsync, serializeBundle, type Article } from '../src/index.js';
import { validateManifest } from '../src/parse/manifest.js';
import { parseDateText } from '../src/parse/dateline.js';
import { dateProblem, daysInMonth, isCalendarDay, isIsoDate, isIsoDateOrPart } from '../src/text/dates.js';

const article = (id: string, date: string | null = '2025-02-13'): Article => ({
  id, paper: '晋中日报', date, page: 'p.txt', title: '标题', titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, paragraphs: ['正文。'], continues: null, continuationOf: null,
});
const good = () => serializeBundle(createBundle([article('a1'), article('a2')], { name: 'test' }));

/** The error parseBundle, parseBundleAsync and parseBundlePiecesAsync all give (they must agree). */
async function refusal(text: string): Promise<BundleError> {
  let sync: unknown;
  try {
    parseBundle(text);
  } catch (error) {
    sync = error;
  }
  expect(sync).toBeInstanceOf(BundleError);
  const message = (sync as Error).message;
  expect(message).not.toContain('\n');
  await expect(parseBundleAsync(text)).rejects.toThrow(message);
  await expect(parseBundlePiecesAsync([text.slice(0, 7), text.slice(7)])).rejects.toThrow(message);
  return sync as BundleError;
}

describe('bundle text as hosts read it', () => {
  it('accepts a UTF-8 byte-order mark', async () => {
    const text = `\uFEFF${good()}`;
    expect(parseBundle(text).articles).toHaveLength(2);
    expect((await parseBundleAsync(text)).articles).toHaveLength(2);
    expect((await parseBundlePiecesAsync(['', text.slice(0, 3), text.slice(3)])).articles).toHaveLength(2);
  });

  it('names UTF-16 (read as UTF-8 or kept with its NULs), not "truncated"', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good(), 'utf16le')]);
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1').replace(/^ÿþ/, '')]) {
      const error = await refusal(text);
      expect(error.message).toMatch(/UTF-16/);
      expect(error.code).not.toBe('truncated');
    }
  });

  it('gives the line and column of a syntax error, and a flipped quote is not "truncated"', async () => {
    const pretty = JSON.stringify(JSON.parse(good()), null, 2);
    const broken = pretty.replace('"title": "标题"', '"title": "标题",,');
    const error = await refusal(broken);
    expect(error.code).toBe('not-json');
    const line = broken.slice(0, broken.indexOf(',,') + 1).split('\n').length;
    expect(error.message).toMatch(new RegExp(`at line ${line}, column \\d+: expected`));
    for (const flipped of [good().replace('"title":"标题"', "'title':\"标题\""), good().replace('"title":"标题"', '"title:"标题"'), good().replace('"paper":"晋中日报"', '"paper":"晋中日报')]) {
      const e = await refusal(flipped);
      expect(e.code).toBe('not-json');
      expect(e.message).toMatch(/at line 1, column \d+/);
    }
    expect((await refusal(good().slice(0, 100))).code).toBe('truncated');
  });

  it('refuses impossible dates in articles and meta, naming the article', async () => {
    for (const date of ['2024-02-31', '2025-13-01', '2023-02-29', '2025-00', '2025-04-31']) {
      const text = serializeBundle(createBundle([article('a1'), article('a2', date)], { name: 'test' }));
      const error = await refusal(text);
      expect(error.message).toContain('article a2 (articles[1]).date is not a date');
    }
    const meta = JSON.parse(good());
    meta.meta.dateRange = ['2025-02-13', '2025-02-30'];
    expect(() => parseBundle(meta)).toThrow(/meta\.dateRange/);
    const dateline = JSON.parse(good());
    dateline.articles[0].dateline = { text: '2月30日', iso: '2025-02-30' };
    expect(() => parseBundle(dateline)).toThrow(/dateline\.iso/);
    // Real dates still load: a leap day, a month, a year.
    const ok = serializeBundle(createBundle([article('a1', '2024-02-29'), article('a2', '2025-12'), article('a3', '2025'), article('a4', null)], { name: 't' }));
    expect(parseBundle(ok).articles).toHaveLength(4);
  });
});

describe('calendar dates', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 13)).toBe(0);
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2025, 2, 29)).toBe(false);
  });

  it('checks ISO dates and their partial forms', () => {
    expect(['2024-02-29', '2025-12-31', '0001-01-01'].every(isIsoDate)).toBe(true);
    expect(['2024-02-31', '2025-13-01', '2025-1-01', '2025-12', '20250101', '2025-12-31 ', ''].some(isIsoDate)).toBe(false);
    expect(['2025', '2025-12', '2024-02-29'].every(isIsoDateOrPart)).toBe(true);
    expect(['2025-13', '2025-00', '0000', '2025-02-30'].some(isIsoDateOrPart)).toBe(false);
    expect(dateProblem('2024-02-31')).toMatch(/has 29 days/);
    expect(dateProblem('2025-13-01')).toMatch(/no month 13/);
  });

  it('are checked the same way in manifests and printed datelines', () => {
    expect(() => validateManifest({ pages: { 'p.txt': { date: '2024-02-31' } } })).toThrow(/manifest\.pages\["p\.txt"\]\.date/);
    expect(validateManifest({ pages: { 'p.txt': { date: '2024-02-29' } } })).toBeTruthy();
    expect(parseDateText('2025年2月30日', null)).toEqual({ text: '2025年2月30日', iso: null });
    expect(parseDateText('2024年2月29日', null)?.iso).toBe('2024-02-29');
    expect(parseDateText('2月29日', '2025-03-01')?.iso).toBeNull();
  });
});

describe('JSON syntax errors', () => {
  const valid = ['{}', '[]', ' {"a":[1,-2.5e+3,true,false,null,"x\\u4e2d\\n"]} ', '"s"', '0', '-0.5E-2', '[[[[]]]]', '{"a":{"b":{}}}'];
  const invalid = ['{"a":1,}', '[1,2,]', '{"a" 1}', '[1 2]', '{"a":"open', '{a:1}', '[1,2', '{"a":1}}', '01', '1.', '-', '"\\x"', '"a\nb"', 'tru', '[,]', '{"a":1', '"\\u12G4"'];
  it('finds none in valid JSON and one in each invalid text, as JSON.parse decides', () => {
    for (const text of valid) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
    for (const text of invalid) {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxError(text), text).not.toBeNull();
    }
  });

  it('says the text ended early only when it did', () => {
    expect(findJsonSyntaxError('{"a":[1,2')?.atEnd).toBe(true);
    expect(findJsonSyntaxError('{"a":"open')?.atEnd).toBe(true);
    expect(findJsonSyntaxError('{"a" 1}')?.atEnd).toBe(false);
    expect(findJsonSyntaxError('{"a":1}\n\n  x')).toMatchObject({ atEnd: false, line: 3, column: 3 });
  });

  it('takes any depth (an explicit stack)', () => {
    expect(findJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
    expect(findJsonSyntaxError('['.repeat(200_000))?.atEnd).toBe(true);
  });
});
