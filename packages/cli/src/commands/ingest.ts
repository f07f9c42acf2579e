import { openDatabase, defaultDbFolder, ingestArticles } from '@jianbao/server';
import { parseCommandArgs } from '../args.js';
import { readHumanTextFile } from '../archive-file.js';
import { UsageError } from '../errors.js';
import { note, writeJson } from '../output.js';
import { readArticlesFrom } from './server-input.js';
import type { Command } from './types.js';

export const DB_OPTION = { db: { type: 'string' } } as const;
export const DB_HELP = `--db is a PGlite folder (default ${defaultDbFolder()}) or a postgres://user@host/db URL.`;

const usage = `jianbao ingest <folder | file.jsonl[.gz]> [--db <folder | postgres://…>] [--name <name>] [--edits <terms.txt>] [--skip-bad] [--rebuild] [--json]
  Adds a day's pages (or .jsonl articles) to a server archive, in one transaction: an article id already stored
  with the same content is skipped, with new content replaced; a failed ingest changes nothing. When anything
  changed the archive's revision goes up by one and its search postings, lexicon and matcher are brought up to date.
  --edits stores lexicon edits (terms.txt syntax) applied from now on. --rebuild re-indexes every article
  instead of updating the postings of the affected ones.
  ${DB_HELP}`;

export const ingest: Command = {
  summary: 'add pages or .jsonl articles to a server archive (PGlite or PostgreSQL)',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...DB_OPTION, name: { type: 'string' }, edits: { type: 'string' }, 'skip-bad': { type: 'boolean' }, rebuild: { type: 'boolean' }, json: { type: 'boolean' } },
      usage,
    );
    const [input] = positionals;
    if (!input) throw new UsageError(`missing the folder or .jsonl file to ingest — usage: ${usage.split('\n')[0]}`);
    const articles = await readArticlesFrom(input, values['skip-bad']);
    const edits = values.edits ? (await readHumanTextFile(values.edits, 'terms file')).text : undefined;
    const db = await openDatabase(values.db);
    try {
      note(`ingesting ${articles.length} articles into ${db.where}…`);
      const result = await ingestArticles(db, articles, { name: values.name, edits, rebuild: values.rebuild, onProgress: note });
      if (values.json) return writeJson(result);
      note(
        result.added || result.changed
          ? `revision ${result.revision}: ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged; ${result.total} articles (${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')})`
          : `nothing new: all ${result.unchanged} articles already stored; revision ${result.revision} unchanged`,
      );
    } finally {
      await db.close();
    }
  },
};
