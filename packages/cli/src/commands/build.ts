import { rename, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildBundle, serializeBundle } from '@jianbao/core';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { readJsonlArticles } from '../jsonl.js';
import { readPageFolder } from '../pages.js';
import type { Command } from './types.js';

const usage = `jianbao build <folder | file.jsonl[.gz]> --out <file> [--name <name>] [--skip-bad]
  Builds an archive bundle from a folder of pages (.txt, .md; manifest.json beside them supplies paper and date),
  or from a .jsonl file (gzip accepted) with one article a line:
    {"title": "…", "paragraphs": ["…"] or "text": "…", "date"?: "20220924" or "2022-09-24", "paper"?, "id"?, "kind"?}
  A bad .jsonl line stops the build with its line number; --skip-bad skips such lines and counts them on stderr.
  Progress goes to stderr.`;

export const build: Command = {
  summary: 'build an archive bundle from a folder of pages or a .jsonl file',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { out: { type: 'string', short: 'o' }, name: { type: 'string' }, 'skip-bad': { type: 'boolean' } },
      usage,
    );
    const [input] = positionals;
    if (!input) throw new UsageError(`missing the folder or .jsonl file to build from — usage: ${usage.split('\n')[0]}`);
    if (!values.out) throw new UsageError(`missing --out <file> — usage: ${usage.split('\n')[0]}`);
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`input not found: ${input}`);
    const started = Date.now();
    if (info.isFile() && /\.jsonl(\.gz)?$/i.test(input)) {
      const { articles, skipped } = await readJsonlArticles(input, {
        skipBad: values['skip-bad'],
        onProgress: (n) => note(`read ${n} lines…`),
      });
      if (skipped.length) {
        const first = skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.reason}`).join('; ');
        note(`skipped ${skipped.length} bad line${skipped.length > 1 ? 's' : ''} (${first}${skipped.length > 5 ? '; …' : ''})`);
      }
      if (!articles.length) throw new Error(`no articles found in ${input}`);
      note(`indexing ${articles.length} articles…`);
      const bundle = buildBundle({ articles }, { name: values.name ?? basename(input).replace(/\.jsonl(\.gz)?$/i, '') });
      const size = await writeBundle(serializeBundle(bundle), values.out);
      note(`built ${values.out}: ${bundle.meta.articleCount} articles from ${input}, ${(size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`);
      return;
    }
    if (!info.isDirectory()) throw new UsageError(`${input} is neither a folder of pages nor a .jsonl file`);

    const { pages, manifest } = await readPageFolder(input, (n) => {
      if (n % 500 === 0) note(`read ${n} pages…`);
    });
    if (!pages.length) throw new Error(`no pages (.txt, .md) found in ${input}`);
    const bundle = buildBundle({ pages }, { name: values.name ?? basename(resolve(input)), manifest });
    const size = await writeBundle(serializeBundle(bundle), values.out);
    note(`built ${values.out}: ${bundle.meta.articleCount} articles from ${pages.length} pages, ${(size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`);
  },
};

/** Writes beside the target and renames, so a failed build never leaves half a bundle. Returns the byte size. */
async function writeBundle(text: string, out: string): Promise<number> {
  const tmp = `${out}.tmp-${process.pid}`;
  const data = Buffer.from(text, 'utf8');
  await writeFile(tmp, data);
  await rename(tmp, out);
  return data.length;
}
