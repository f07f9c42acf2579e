import { crossReference, isIsoDateOrPart, type XrefReport } from '@jianbao/core';
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
    await writeOut(formatReport(report, draft));
  },
};

/** Line number (1-based) of a UTF-16 offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const clip = (s: string, n = 60) => inline(s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');

/** A terminal rendering, sections in the order an editor works through them. */
export function formatReport(report: XrefReport, draft: string): string {
  const out: string[] = [];
  out.push(`与档案不符 Conflicts (${report.conflicts.length})`);
  for (const c of report.conflicts) {
    out.push(`  第${lineOf(draft, c.start)}行 [${c.start}–${c.end}] ${c.kind === 'title' ? '职务' : '数字'} “${inline(c.text)}” → ${inline(c.expected)}`, `      ${inline(c.message)}`);
  }
  out.push('', `重复使用 Reused passages (${report.reused.length})`);
  for (const r of report.reused) {
    out.push(
      `  第${lineOf(draft, r.start)}行 [${r.start}–${r.end}] ${r.kind === 'verbatim' ? '原文照录 verbatim' : '改写 edited'} ${(r.similarity * 100).toFixed(0)}%  《${inline(r.title)}》 ${inline(r.articleId)} [${r.articleStart}–${r.articleEnd}]`,
      `      “${clip(r.text)}”`,
    );
  }
  out.push('', `相关文章 Related articles (${report.related.length})`);
  report.related.forEach((a, i) => out.push(`  ${i + 1}. 《${inline(a.title)}》 ${inline(a.id)}  ${a.score.toFixed(2)}  — ${a.reasons.map(inline).join('; ')}`));
  if (!report.conflicts.length && !report.reused.length && !report.related.length) out.push('', '档案中没有相关内容 Nothing in the archive relates to this draft.');
  return out.join('\n') + '\n';
}
