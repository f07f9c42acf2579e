import { openDatabase, defaultDbFolder, ingestArticles } from '@jianbao/server';
import { Option, type Command } from 'commander';
import { readHumanTextFile } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { note, writeJson } from '../output.js';
import { act } from '../program.js';
import { readArticlesFrom } from './server-input.js';

export const dbOption = () => new Option('--db <folder|url>', `a PGlite folder (default ${defaultDbFolder()}) or a postgres://user@host/db URL`);

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .summary('add pages or .jsonl articles to a server archive (PGlite or PostgreSQL)')
    .description(
      "Adds a day's pages (or .jsonl articles) to a server archive, in one transaction: an article id already stored with the same content is skipped, with new content replaced; a failed ingest changes nothing. When anything changed the archive's revision goes up by one and its search postings, lexicon and matcher are brought up to date.",
    )
    .argument('<input>', 'the folder or .jsonl file to ingest')
    .addOption(dbOption())
    .option('--name <name>', "the archive's name")
    .option('--edits <terms.txt>', 'store lexicon edits (terms.txt syntax), applied from now on')
    .option('--skip-bad', 'skip bad .jsonl lines and unreadable pages (listed on stderr)')
    .option('--rebuild', 're-index every article instead of updating the postings of the affected ones')
    .option('--workers <n>', 'worker threads for the analysis (0: none; default: up to 2 for 2,000 articles or more)')
    .option('--json', 'print the result as JSON')
    .action(
      act(async (input: string, values: { db?: string; name?: string; edits?: string; skipBad?: boolean; rebuild?: boolean; workers?: string; json?: boolean }) => {
        const workers = values.workers === undefined ? undefined : Number(values.workers);
        if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
          throw new UsageError(`--workers must be a whole number from 0 to 64, got "${values.workers}"`);
        }
        const articles = await readArticlesFrom(input, values.skipBad);
        const edits = values.edits ? (await readHumanTextFile(values.edits, 'terms file')).text : undefined;
        const db = await openDatabase(values.db);
        try {
          note(`ingesting ${articles.length} articles into ${db.where}…`);
          const result = await ingestArticles(db, articles, { name: values.name, edits, rebuild: values.rebuild, workers, onProgress: note });
          if (values.json) return writeJson(result);
          note(
            result.added || result.changed
              ? `revision ${result.revision}: ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged; ${result.total} articles (${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')})`
              : `nothing new: all ${result.unchanged} articles already stored; revision ${result.revision} unchanged`,
          );
        } finally {
          await db.close();
        }
      }),
    );
}
