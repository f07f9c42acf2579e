import type { Article } from '@jianbao/core';
import type { Command } from 'commander';
import { openArchive } from '../open-archive.js';
import { displayTitle, writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { painterFor, type Paint } from '../style.js';
import { inline, terminalSafe } from '../terminal.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .summary('show one article')
    .description('Shows one article (an id or an unambiguous prefix of at least 4 characters).')
    .argument('<id>', 'the article id')
    .addOption(archiveOption())
    .addOption(jsonOption())
    .action(
      act(async (id: string, opts: { archive?: string; json?: boolean }) => {
        const archive = await openArchive(opts.archive);
        const article = archive.resolve(id);
        if (opts.json) return writeJson(article);
        await writeOut(formatArticle(article, painterFor(process.stdout)));
      }),
    );
}

/** A terminal rendering: headline block, metadata, then paragraphs indented as printed. */
export function formatArticle(a: Article, paint: Paint = (_s, t) => t): string {
  const lines: string[] = [];
  if (a.section) lines.push(`【${inline(a.section)}】`);
  lines.push(paint('bold', displayTitle(a)));
  if (a.subtitle) lines.push(...terminalSafe(a.subtitle).split('\n'));
  if (a.byline) lines.push(inline(a.byline));
  const meta = [a.paper, a.date, a.dateline?.text && `电头 ${a.dateline.text}`, a.source && `来源 ${a.source}`, a.kind, a.page]
    .filter(Boolean)
    .map(inline)
    .join(' · ');
  lines.push(paint('dim', meta), '');
  if (a.continuationOf) lines.push(inline(a.continuationOf.text), '');
  for (const p of a.paragraphs) lines.push(`　　${inline(p)}`, '');
  if (a.continues) lines.push(inline(a.continues.text), '');
  lines.push(paint('dim', `id ${inline(a.id)}`));
  return lines.join('\n') + '\n';
}
