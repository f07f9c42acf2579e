import { dateRange, getLexicon, personSummary, titleHistory, TERM_KINDS } from '@jianbao/core';
import { Option, type Command } from 'commander';
import { openArchive } from '../open-archive.js';
import { writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { columns, painterFor } from '../style.js';
import { inline } from '../terminal.js';

export function registerTerms(program: Command): void {
  program
    .command('terms')
    .summary('list the terms the archive knows')
    .description("Lists the archive's terms (people with their roles, places, organisations, policies) and where they are mentioned.")
    .addOption(archiveOption())
    .addOption(new Option('-k, --kind <kind>', 'only this kind of term').choices([...TERM_KINDS]))
    .addOption(jsonOption())
    .action(
      act(async (opts: { archive?: string; json?: boolean; kind?: string }) => {
        const archive = await openArchive(opts.archive);
        const list = getLexicon(archive).terms.filter((t) => !opts.kind || t.kind === opts.kind);
        if (opts.json) {
          // `titles` (added): the person's distinct titles with date range and article count, newest first — the card's summary.
          return writeJson(list.map((t) => ({ id: t.id, name: t.name, kind: t.kind, aliases: t.aliases, roles: t.roles, mentions: t.mentions, titles: titleHistory(t.roles) })));
        }
        const rows = list.map((t) => {
          // Distinct titles, newest first, at most five (the card's summary), then how many more.
          const { titles, more } = personSummary(t);
          const shown = titles.map((h) => {
            const range = dateRange(h);
            return `${inline(h.title)}（${range ? `${inline(range)}，` : ''}${h.articles}篇）`;
          });
          const roles = shown.length ? `职务 ${shown.join('、')}${more ? ` 等，另${more}项` : ''}` : '';
          const extra = [t.aliases.length ? `又名 ${t.aliases.map(inline).join('、')}` : '', roles].filter(Boolean).join('  ');
          return [inline(t.id), t.kind, inline(t.name), `×${t.mentions.length}`, extra];
        });
        const paint = painterFor(process.stdout);
        const lines = columns(rows, (i, cell) => (i === 0 ? paint('dim', cell) : i === 1 ? paint('cyan', cell) : i === 2 ? paint('bold', cell) : cell));
        await writeOut(lines.join('\n') + (lines.length ? '\n' : ''));
      }),
    );
}
