import { crossReference, isIsoDateOrPart, type Conflict, type RelatedReason, type XrefReport } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive, readTextFile } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { writeJson, writeOut } from '../output.js';
import { inline } from '../terminal.js';
import type { Command } from './types.js';
import { readStdin } from '../stdin.js';

const usage = `jianbao xref <file|-> [--archive <file>] [--date <YYYY-MM-DD>] [--search] [--json]
  Checks a draft (plain text or Markdown; - reads stdin) against the archive: related articles,
  passages reused from it (verbatim or edited), titles and numbers that contradict it.
  --date: the draft's own date, when it reports on the past (titles held then are not errors).
  --search: also search the archive for the draft's headline when ranking related articles (slower on large archives).
  Offsets (--json) are UTF-16 offsets into the draft exactly as given.`;

export const xref: Command = {
  summary: 'cross-reference a draft against the archive',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...ARCHIVE_OPTION, ...JSON_OPTION, date: { type: 'string' }, search: { type: 'boolean' } }, usage);
    const [input] = positionals;
    if (!input) throw new UsageError(`missing the draft file (or - for stdin) — usage: ${usage.split('\n')[0]}`);
    if (values.date !== undefined && !isIsoDateOrPart(values.date)) throw new UsageError(`--date must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "${values.date}"`);
    const draft = input === '-' ? await readStdin() : await readTextFile(input, 'draft');
    const archive = await openArchive(values.archive);
    const report = crossReference(archive, draft, { date: values.date, search: values.search ?? false });
    if (values.json) return writeJson(report);
    await writeOut(formatReport(report, draft, uiLanguage()));
  },
};

/** Line number (1-based) of a UTF-16 offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const clip = (s: string, n = 60) => inline(s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');

/** The language of the text output's details: Chinese when the locale says so (JIANBAO_LANG, LC_ALL, LC_MESSAGES, LANG), English otherwise. */
export function uiLanguage(env: Record<string, string | undefined> = process.env): 'zh' | 'en' {
  const locale = env.JIANBAO_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Where the archive's version of a conflict is from, worded from core's fields. */
function conflictSource(c: Conflict, lang: 'zh' | 'en'): string {
  const title = c.articleTitle ? `《${inline(c.articleTitle)}》` : c.articleId ? inline(c.articleId) : '';
  const date = c.articleDate ? inline(c.articleDate) : '';
  const expected = inline(c.expected);
  if (lang === 'zh') return title ? `档案为“${expected}”，见${title}${date ? `（${date}）` : ''}` : `档案为“${expected}”`;
  return title ? `the archive has “${expected}” in ${title}${date ? ` (${date})` : ''}` : `the archive has “${expected}”`;
}

/** A related article's reason, worded from core's data. */
export function reasonWords(r: RelatedReason, lang: 'zh' | 'en'): string {
  switch (r.kind) {
    case 'reused': return lang === 'zh' ? `重复使用 ${r.passages} 段（${r.characters} 字）` : `shares ${r.passages} passages (${r.characters} characters)`;
    case 'conflict': {
      const what = lang === 'zh' ? (r.conflict === 'title' ? '职务不符' : '数字不符') : `${r.conflict} differs`;
      return `${what}${lang === 'zh' ? '：' : ': '}${inline(r.text)} → ${inline(r.expected)}`;
    }
    case 'shared-phrases': return lang === 'zh' ? `共有 ${r.count} 处少见表述` : `shares ${r.count} rare phrases`;
    case 'shared-terms': return `${lang === 'zh' ? '共同提及：' : 'names in common: '}${r.terms.map(inline).join('、')}`;
    case 'headline-search': return lang === 'zh' ? `标题“${inline(r.headline)}”检索命中` : `found by the headline “${inline(r.headline)}”`;
  }
}

/** A terminal rendering, sections in the order an editor works through them; details in `lang`. */
export function formatReport(report: XrefReport, draft: string, lang: 'zh' | 'en' = 'zh'): string {
  const out: string[] = [];
  const line = (offset: number) => (lang === 'zh' ? `第${lineOf(draft, offset)}行` : `line ${lineOf(draft, offset)}`);
  out.push(`与档案不符 Conflicts (${report.conflicts.length})`);
  for (const c of report.conflicts) {
    const kind = lang === 'zh' ? (c.kind === 'title' ? '职务' : '数字') : c.kind;
    out.push(`  ${line(c.start)} [${c.start}–${c.end}] ${kind} “${inline(c.text)}” → ${inline(c.expected)}`, `      ${conflictSource(c, lang)}`);
  }
  out.push('', `重复使用 Reused passages (${report.reused.length})`);
  for (const r of report.reused) {
    out.push(
      `  ${line(r.start)} [${r.start}–${r.end}] ${r.kind === 'verbatim' ? '原文照录 verbatim' : '改写 edited'} ${(r.similarity * 100).toFixed(0)}%  《${inline(r.title)}》 ${inline(r.articleId)} [${r.articleStart}–${r.articleEnd}]`,
      `      “${clip(r.text)}”`,
    );
  }
  out.push('', `相关文章 Related articles (${report.related.length})`);
  report.related.forEach((a, i) => {
    const reasons = Array.isArray(a.why) ? a.why.map((r) => reasonWords(r, lang)) : a.reasons.map(inline);
    out.push(`  ${i + 1}. 《${inline(a.title)}》 ${inline(a.id)}  ${a.score.toFixed(2)}  — ${reasons.join(lang === 'zh' ? '；' : '; ')}`);
  });
  if (!report.conflicts.length && !report.reused.length && !report.related.length) out.push('', '档案中没有相关内容 Nothing in the archive relates to this draft.');
  return out.join('\n') + '\n';
}
