import type { Command } from 'commander';
import { openArchive } from '../open-archive.js';
import { displayTitle, writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { columns, painterFor } from '../style.js';
import { inline } from '../terminal.js';

export function registerArticles(program: Command): void {
  program
    .command('articles')
    .summary('list every article')
    .description('Lists every article of the archive: id, date, paper, title (columns aligned by display width).')
    .addOption(archiveOption())
    .addOption(jsonOption())
    .action(
      act(async (opts: { archive?: string; json?: boolean }) => {
        const archive = await openArchive(opts.archive);
        if (opts.json) return writeJson(archive.articles);
        const paint = painterFor(process.stdout);
        const rows = archive.articles.map((a) => [inline(a.id), inline(a.date ?? '????-??-??'), inline(a.paper ?? '?'), displayTitle(a)]);
        const lines = columns(rows, (i, cell) => (i === 0 ? paint('dim', cell) : i === 3 ? paint('bold', cell) : cell));
        await writeOut(lines.join('\n') + '\n');
      }),
    );
}
