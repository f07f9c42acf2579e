import type { Article } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { displayTitle, writeJson, writeOut } from '../output.js';
import { inline, terminalSafe } from '../terminal.js';
import type { Command } from './types.js';

const usage = `jianbao show <id> [--archive <file>] [--json]
  Shows one article (an id or an unambiguous prefix of at least 4 characters).`;

export const show: Command = {
  summary: 'show one article',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { ...ARCHIVE_OPTION, ...JSON_OPTION }, usage);
    const [id] = positionals;
    if (!id) throw new UsageError(`missing the article id — usage: ${usage.split('\n')[0]}`);
    const archive = await openArchive(values.archive);
    const article = archive.resolve(id);
    if (values.json) return writeJson(article);
    await writeOut(formatArticle(article));
  },
};

/** A terminal rendering: headline block, metadata, then paragraphs indented as printed. */
export function formatArticle(a: Article): string {
  const lines: string[] = [];
  if (a.section) lines.push(`【${inline(a.section)}】`);
  lines.push(displayTitle(a));
  if (a.subtitle) lines.push(...terminalSafe(a.subtitle).split('\n'));
  if (a.byline) lines.push(inline(a.byline));
  const meta = [a.paper, a.date, a.dateline?.text && `电头 ${a.dateline.text}`, a.source && `来源 ${a.source}`, a.kind, a.page]
    .filter(Boolean)
    .map(inline)
    .join(' · ');
  lines.push(meta, '');
  if (a.continuationOf) lines.push(inline(a.continuationOf.text), '');
  for (const p of a.paragraphs) lines.push(`　　${inline(p)}`, '');
  if (a.continues) lines.push(inline(a.continues.text), '');
  lines.push(`id ${inline(a.id)}`);
  return lines.join('\n') + '\n';
}
