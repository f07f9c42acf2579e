import { rename, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildBundle, EDITS_FILE, serializeBundle } from '@jianbao/core';
import { readLexiconEdits } from '../lexicon-edits.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { readPageFolder } from '../pages.js';
import type { Command } from './types.js';

const usage = `jianbao build <folder> --out <file> [--name <name>]
  Builds an archive bundle from a folder of pages (.txt, .md; manifest.json beside them supplies paper and date;
  terms.txt holds your lexicon edits: add, alias, rename, merge, suppress — see docs).
  Progress goes to stderr.`;

export const build: Command = {
  summary: 'build an archive bundle from a folder of pages',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, name: { type: 'string' } }, usage);
    const [input] = positionals;
    if (!input) throw new UsageError(`missing the folder to build from — usage: ${usage.split('\n')[0]}`);
    if (!values.out) throw new UsageError(`missing --out <file> — usage: ${usage.split('\n')[0]}`);
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`input not found: ${input}`);
    if (!info.isDirectory()) throw new UsageError(`${input} is not a folder of pages`);

    const started = Date.now();
    const folder = await readPageFolder(input, (n) => {
      if (n % 500 === 0) note(`read ${n} pages…`);
    });
    const { manifest } = folder;
    const pages = folder.pages.filter((p) => p.name !== EDITS_FILE); // terms.txt holds the lexicon edits, not a page
    if (!pages.length) throw new Error(`no pages (.txt, .md) found in ${input}`);
    const lexiconEdits = await readLexiconEdits(input);
    const bundle = buildBundle({ pages }, { name: values.name ?? basename(resolve(input)), manifest, lexiconEdits, onWarning: (m) => note(`terms.txt ${m}`) });
    const text = serializeBundle(bundle);
    // Write beside the target and rename, so a failed build never leaves half a bundle.
    const tmp = `${values.out}.tmp-${process.pid}`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, values.out);
    note(`built ${values.out}: ${bundle.meta.articleCount} articles from ${pages.length} pages, ${(text.length / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`);
  },
};
