import { rename, rm } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { serializeBundle } from '@jianbao/core';
import { openDatabase, exportBundle } from '@jianbao/server';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { DB_HELP, DB_OPTION } from './ingest.js';
import type { Command } from './types.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const usage = `jianbao export --out <file.json[.gz]> [--db <folder | postgres://…>] [--from <date>] [--to <date>] [--name <name>]
  Writes the server archive (or the articles dated --from/--to, inclusive) as a bundle for offline use:
  the extensions and \`jianbao search --archive\` read it. A .gz name is gzipped.
  ${DB_HELP}`;

export const exportCommand: Command = {
  summary: 'write a server archive (or a date range of it) as a bundle',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { ...DB_OPTION, out: { type: 'string', short: 'o' }, from: { type: 'string' }, to: { type: 'string' }, name: { type: 'string' } }, usage);
    if (!values.out) throw new UsageError(`missing --out <file> — usage: ${usage.split('\n')[0]}`);
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
    const data = values.out.endsWith('.gz') ? gzipSync(text) : Buffer.from(text, 'utf8');
    const tmp = `${values.out}.tmp-${process.pid}`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, values.out);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new Error(`cannot write ${values.out}: ${(error as Error).message.split('\n')[0]}`);
    }
    note(`wrote ${values.out}: ${(data.length / 1024).toFixed(0)} KiB`);
  },
};
