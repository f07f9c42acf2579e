import { serializeBundle } from '@jianbao/core';
import { openDatabase, exportBundle } from '@jianbao/server';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { act } from '../program.js';
import { writeBundleFile } from '../write-bundle.js';
import { dbOption } from './ingest.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function registerExport(program: Command): void {
  program
    .command('export')
    .summary('write a server archive (or a date range of it) as a bundle')
    .description(
      'Writes the server archive (or the articles dated --from/--to, inclusive) as a bundle for offline use: the extensions and `jianbao search --archive` read it. A .gz name is gzipped.',
    )
    .requiredOption('-o, --out <file>', 'the bundle to write (.json, or .json.gz for gzip)')
    .addOption(dbOption())
    .option('--from <date>', 'from this date (2024, 2024-02 or 2024-02-13), inclusive')
    .option('--to <date>', 'up to this date, inclusive')
    .option('--name <name>', "the bundle's name")
    .action(
      act(async (values: { out: string; db?: string; from?: string; to?: string; name?: string }) => {
        for (const key of ['from', 'to'] as const) {
          const v = values[key];
          if (v !== undefined && !DATE.test(v)) throw new UsageError(`--${key} must be a date like 2024-02-13, 2024-02 or 2024, got "${v}"`);
        }
        const db = await openDatabase(values.db);
        let text: string;
        try {
          const bundle = await exportBundle(db, { from: values.from, to: values.to, name: values.name });
          text = serializeBundle(bundle);
          note(`exporting ${bundle.meta.articleCount} articles…`);
        } finally {
          await db.close();
        }
        const size = await writeBundleFile(text, values.out);
        note(`wrote ${values.out}: ${(size / 1024).toFixed(0)} KiB`);
      }),
    );
}
