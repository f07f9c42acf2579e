import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { englishMessage, type SearchMessage } from '@jianbao/core';
import { resultError, resultNotices, wordSearchMessage } from '../lib/search-messages.js';

type Messages = Record<string, { message: string }>;
const locale = (name: string) => JSON.parse(readFileSync(join(__dirname, '../public/_locales', name, 'messages.json'), 'utf8')) as Messages;
/** chrome.i18n.getMessage over a locale's messages.json ($1… substitutions). */
const speak = (m: Messages) => ((key: string, subs?: string | string[]) => [subs ?? []].flat().reduce((text, s, i) => text.replaceAll(`$${i + 1}`, s), m[key]?.message ?? '')) as never;

const MESSAGES: SearchMessage[] = [
  { code: 'unclosed-quote', params: { position: 3 } }, { code: 'or-needs-words', params: {} }, { code: 'field-needs-value', params: { field: 'paper' } },
  { code: 'unknown-kind', params: { kind: 'poem', kinds: ['news', 'feature'] } }, { code: 'unknown-sort', params: { sort: 'old' } },
  { code: 'not-a-date', params: { text: '2025/02' } }, { code: 'impossible-month', params: { text: '2025-13', month: 13 } },
  { code: 'impossible-day', params: { text: '2025-02-30', month: '2025-02', days: 28 } }, { code: 'empty-date-range', params: { text: '..' } },
  { code: 'date-range-reversed', params: { text: '2025-03..2025-02' } },
  { code: 'no-such-paper', params: { paper: '人民日报', papers: ['晋中日报', '山西日报'], more: true } }, { code: 'no-such-paper', params: { paper: '人民日报', papers: [], more: false } },
];

describe('search messages in the UI language', () => {
  test('in English, the same words as core; in Chinese, every message worded in Chinese with its parameters', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(speak(locale('en')));
    for (const m of MESSAGES) expect(wordSearchMessage(m)).toBe(englishMessage(m));
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(speak(locale('zh_CN')));
    expect(wordSearchMessage(MESSAGES[6]!)).toBe('日期“2025-13”不存在：没有 13 月');
    expect(wordSearchMessage(MESSAGES[10]!)).toBe('本档案中没有报纸“人民日报”（现有：晋中日报、山西日报、…）');
    for (const m of MESSAGES) expect(wordSearchMessage(m)).not.toMatch(/[a-z]{4,} [a-z]{3,}|\$\d/);
  });

  test('a result without data (made elsewhere) keeps its text', () => {
    const base = { hits: [], total: 0, totalAtLeast: false };
    expect(resultError({ ...base, notices: [], error: '已写好的话' })).toBe('已写好的话');
    expect(resultNotices({ ...base, notices: ['x'] })).toEqual(['x']);
    expect(resultError({ ...base, notices: [] })).toBeUndefined();
  });
});
