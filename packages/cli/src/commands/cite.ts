import { CITATION_STYLES, formatCitation, type CitationStyle } from '@jianbao/core';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { openArchive } from '../open-archive.js';
import { writeJson, writeOut } from '../output.js';
import { act, archiveOption, jsonOption } from '../program.js';
import { inline } from '../terminal.js';

/** Citations in core's forms (cite.ts), the same text VS Code's "Insert citation" gives. */
export function registerCite(program: Command): void {
  program
    .command('cite')
    .summary('cite articles in the house style or GB/T 7714')
    .description(
      'Prints a citation of each article (an id or an unambiguous prefix of at least 4 characters), one a line:\n' +
        'house: 《标题》（报纸，日期，作者）; gbt7714: [n] 作者. 题名[N]. 报纸名, 出版日期(版次). numbered from --number.',
    )
    .argument('<id...>', 'article ids')
    .addOption(new Option('--style <style>', 'citation style').choices([...CITATION_STYLES]).default('house'))
    .addOption(new Option('--number <n>', 'GB/T 7714: the first entry\'s number in the reference list').argParser(positive).default(1))
    .addOption(archiveOption())
    .addOption(jsonOption())
    .action(
      act(async (ids: string[], opts: { style: CitationStyle; number: number; archive?: string; json?: boolean }) => {
        const archive = await openArchive(opts.archive);
        const articles = ids.map((id) => archive.resolve(id));
        const cited = articles.map((article, i) => ({ id: article.id, citation: formatCitation(article, opts.style, { index: opts.number + i }) }));
        if (opts.json) return writeJson(cited);
        await writeOut(cited.map((c) => inline(c.citation)).join('\n') + '\n');
      }),
    );
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new InvalidArgumentError('a whole number from 1 to 9999');
  return n;
}
