import { ARCHIVE_OPTION, JSON_OPTION, parseCommandArgs } from '../args.js';
import { openArchive } from '../archive-file.js';
import { displayTitle, writeJson, writeOut } from '../output.js';
import { inline } from '../terminal.js';
import type { Command } from './types.js';

const usage = `jianbao articles [--archive <file>] [--json]
  Lists every article of the archive (default: the bundled seed archive).`;

export const articles: Command = {
  summary: 'list every article',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { ...ARCHIVE_OPTION, ...JSON_OPTION }, usage);
    const archive = await openArchive(values.archive);
    if (values.json) return writeJson(archive.articles);
    const lines = archive.articles.map((a) => `${inline(a.id)}  ${inline(a.date ?? '????-??-??')}  ${inline(a.paper ?? '?')}  ${displayTitle(a)}`);
    await writeOut(lines.join('\n') + '\n');
  },
};
