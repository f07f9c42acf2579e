import { crossReference, isIsoDateOrPart, type Conflict, type RelatedReason, type XrefReport } from '@jianbao/core';
import type { Command } from 'commander';
import { readTextFile } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { openArchive } from '../open-archive.js';
import { writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { readStdin } from '../stdin.js';
import { painterFor, type Paint } from '../style.js';
import { inline } from '../terminal.js';

export function registerXref(program: Command): void {
  program
    .command('xref')
    .summary('cross-reference a draft against the archive')
    .description(
      [
        'Checks a draft (plain text or Markdown; - reads stdin) against the archive: related articles, passages reused from it (verbatim or edited), titles and numbers that contradict it.',
        'Each finding is printed as file:line:col (1-based; columns in UTF-16 units, as editors count), which terminals and editors open at the spot. Offsets (--json) are UTF-16 offsets into the draft exactly as given.',
      ].join('\n'),
    )
    .argument('<file>', 'the draft file (or - for stdin)')
    .addOption(archiveOption())
    .option('--date <date>', "the draft's own date (YYYY, YYYY-MM or YYYY-MM-DD), when it reports on the past: titles held then are not errors")
    .option('--search', "also search the archive for the draft's headline when ranking related articles (slower on large archives)")
    .addOption(jsonOption())
    .action(
      act(async (input: string, opts: { archive?: string; json?: boolean; date?: string; search?: boolean }) => {
        if (opts.date !== undefined && !isIsoDateOrPart(opts.date)) throw new UsageError(`--date must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "${opts.date}"`);
        const draft = input === '-' ? await readStdin() : await readTextFile(input, 'draft');
        const archive = await openArchive(opts.archive);
        const report = crossReference(archive, draft, { date: opts.date, search: opts.search ?? false });
        if (opts.json) return writeJson(report);
        await writeOut(formatReport(report, draft, input === '-' ? '<stdin>' : input, painterFor(process.stdout), uiLanguage()));
      }),
    );
}

/** Line and column (both 1-based; the column in UTF-16 units, as VS Code counts) of offsets into a text. */
export function lineCol(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
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

/** Why a title is wrong (core's reason code): not a post the archive gives the person, or a former post. */
function titleWhy(c: Conflict, lang: 'zh' | 'en'): string {
  if (c.kind !== 'title' || !c.person) return '';
  const person = inline(c.person);
  if (c.reason === 'former' && c.former) {
    const where = [c.former.articleTitle ? `《${inline(c.former.articleTitle)}》` : '', c.former.date ? inline(c.former.date) : ''].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
    return lang === 'zh' ? `；“${inline(c.former.post)}”是${person}此前的职务${where ? `（最后见于${where}）` : ''}` : `; “${inline(c.former.post)}” is a former post of ${person}${where ? ` (last seen ${where})` : ''}`;
  }
  if (c.reason === 'not-held') return lang === 'zh' ? `；档案中${person}没有这一职务` : `; not a title the archive gives ${person}`;
  return '';
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

/** A terminal rendering, sections in the order an editor works through them; each finding opens with file:line:col. */
export function formatReport(report: XrefReport, draft: string, file = '<stdin>', paint: Paint = (_s, t) => t, lang: 'zh' | 'en' = 'zh'): string {
  const at = lineCol(draft);
  const where = (offset: number) => {
    const { line, col } = at(offset);
    return paint('dim', `${inline(file)}:${line}:${col}`);
  };
  const out: string[] = [];
  out.push(paint('bold', `与档案不符 Conflicts (${report.conflicts.length})`));
  for (const c of report.conflicts) {
    // Worded from core's fields in the locale's language (core's own message is a Chinese sentence).
    const kind = lang === 'zh' ? (c.kind === 'title' ? '职务' : '数字') : c.kind;
    out.push(`${where(c.start)}: ${paint('red', kind)} “${inline(c.text)}” → ${inline(c.expected)}`, `    ${conflictSource(c, lang)}${titleWhy(c, lang)}`);
  }
  out.push('', paint('bold', `重复使用 Reused passages (${report.reused.length})`));
  for (const r of report.reused) {
    out.push(
      `${where(r.start)}: ${paint('yellow', r.kind === 'verbatim' ? '原文照录 verbatim' : '改写 edited')} ${(r.similarity * 100).toFixed(0)}%  《${inline(r.title)}》 ${inline(r.articleId)} [${r.articleStart}–${r.articleEnd}]`,
      `    “${clip(r.text)}”`,
    );
  }
  out.push('', paint('bold', `相关文章 Related articles (${report.related.length})`));
  report.related.forEach((a, i) => {
    const reasons = Array.isArray(a.why) ? a.why.map((r) => reasonWords(r, lang)) : a.reasons.map(inline);
    out.push(`  ${i + 1}. 《${inline(a.title)}》 ${paint('dim', inline(a.id))}  ${a.score.toFixed(2)}  — ${reasons.join(lang === 'zh' ? '；' : '; ')}`);
  });
  if (!report.conflicts.length && !report.reused.length && !report.related.length) out.push('', '档案中没有相关内容 Nothing in the archive relates to this draft.');
  return out.join('\n') + '\n';
}
