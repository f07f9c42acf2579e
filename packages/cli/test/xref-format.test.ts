// The text output words conflicts and related reasons from core's fields in the locale's language.
import { describe, expect, it } from 'vitest';
import type { XrefReport } from '@jianbao/core';
import { formatReport, uiLanguage } from '../src/commands/xref.js';

const report: XrefReport = {
  conflicts: [{
    start: 0, end: 4, text: '35.8', kind: 'number', message: '与《重大项目》（2025-02-13）不符：档案为 25.8 亿元', expected: '25.8亿元',
    articleId: 'proj', articleTitle: '重大项目', articleDate: '2025-02-13',
  }],
  reused: [],
  related: [{ id: 'proj', title: '重大项目', score: 12, reasons: ['shared rare phrases: 33'], why: [{ kind: 'shared-phrases', count: 33 }, { kind: 'conflict', conflict: 'number', text: '35.8', expected: '25.8亿元' }] }],
};

describe('jianbao xref text output', () => {
  it('takes its language from the locale', () => {
    expect(uiLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(uiLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(uiLanguage({ JIANBAO_LANG: 'zh' })).toBe('zh');
    expect(uiLanguage({})).toBe('en');
  });

  it('words conflicts and reasons in Chinese, without core’s sentence', () => {
    const out = formatReport(report, '35.8亿元', 'draft.md', undefined, 'zh');
    expect(out).toContain('draft.md:1:1: 数字 “35.8” → 25.8亿元');
    expect(out).toContain('档案为“25.8亿元”，见《重大项目》（2025-02-13）');
    expect(out).toContain('共有 33 处少见表述；数字不符：35.8 → 25.8亿元');
    expect(out).not.toMatch(/shared|不符：档案为 25.8/);
  });

  it('words them in English, with no Chinese sentence from core', () => {
    const out = formatReport(report, '35.8亿元', 'draft.md', undefined, 'en');
    expect(out).toContain('draft.md:1:1: number “35.8” → 25.8亿元');
    expect(out).toContain('the archive has “25.8亿元” in 《重大项目》 (2025-02-13)');
    expect(out).toContain('shares 33 rare phrases; number differs: 35.8 → 25.8亿元');
    expect(out).not.toContain('与《重大项目》');
  });
});
