import { dateRange, getLexicon, personSummary, titleHistory, TERM_KINDS, type TermKind } from '@jianbao/core';
import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { writeJson, writeOut } from '../output.js';
import { inline } from '../terminal.js';
import type { Command } from './types.js';

const usage = `jianbao terms [--archive <file>] [--kind person|place|organisation|policy] [--json]
  Lists the archive's terms (people with their roles, places, organisations, policies) and where they are mentioned.`;

export const terms: Command = {
  summary: 'list the terms the archive knows',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { ...ARCHIVE_OPTION, ...JSON_OPTION, kind: { type: 'string', short: 'k' } }, usage);
    if (values.kind !== undefined && !TERM_KINDS.includes(values.kind as TermKind)) {
      throw new UsageError(`unknown kind "${values.kind}" (expected one of: ${TERM_KINDS.join(', ')})`);
    }
    const archive = await openArchive(values.archive);
    const list = getLexicon(archive).terms.filter((t) => !values.kind || t.kind === values.kind);
    if (values.json) {
      // `titles` (added): the person's distinct titles with date range and article count, newest first — the card's summary.
      return writeJson(list.map((t) => ({ id: t.id, name: t.name, kind: t.kind, aliases: t.aliases, roles: t.roles, mentions: t.mentions, titles: titleHistory(t.roles) })));
    }
    const lines = list.map((t) => {
      // Distinct titles, newest first, at most five (the card's summary), then how many more.
      const { titles, more } = personSummary(t);
      const shown = titles.map((h) => {
        const range = dateRange(h);
        return `${inline(h.title)}（${range ? `${inline(range)}，` : ''}${h.articles}篇）`;
      });
      const roles = shown.length ? `职务 ${shown.join('、')}${more ? ` 等，另${more}项` : ''}` : '';
      const extra = [t.aliases.length ? `又名 ${t.aliases.map(inline).join('、')}` : '', roles].filter(Boolean).join('  ');
      return `${inline(t.id)}  ${t.kind.padEnd(12)} ${inline(t.name)}  ×${t.mentions.length}${extra ? `  ${extra}` : ''}`;
    });
    await writeOut(lines.join('\n') + (lines.length ? '\n' : ''));
  },
};
