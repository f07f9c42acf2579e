import { rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { buildBundle, serializeBundle, EDITS_FILE, type Article, type Manifest, type PageInput } from '@jianbao/core';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { readJsonlArticles } from '../jsonl.js';
import { readLexiconEdits } from '../lexicon-edits.js';
import { note } from '../output.js';
import { readPageFolder } from '../pages.js';
import type { Command } from './types.js';

const usage = `jianbao build <folder | file.jsonl[.gz]> --out <file> [--name <name>] [--skip-bad]
  Builds an archive bundle from a folder of pages (.txt, .md; manifest.json beside them supplies paper and date),
  or from a .jsonl file (gzip accepted) with one article a line:
    {"title": "…", "paragraphs": ["…"] or "text": "…", "date"?: "20220924" or "2022-09-24", "paper"?, "id"?, "kind"?}
  A bad .jsonl line stops the build with its line number; --skip-bad skips such lines and counts them on stderr.
  ${EDITS_FILE} in the folder (or beside the .jsonl file) holds your lexicon edits: add, alias, rename, merge, suppress.
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

    let source: { pages?: PageInput[]; articles?: Article[]; manifest?: Manifest; what: string; name: string; editsDir: string };
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
      source = { articles, what: input, name: basename(input).replace(/\.jsonl(\.gz)?$/i, ''), editsDir: dirname(input) };
    } else if (info.isDirectory()) {
      const folder = await readPageFolder(input, (n) => {
        if (n % 500 === 0) note(`read ${n} pages…`);
      });
      const pages = folder.pages.filter((p) => p.name !== EDITS_FILE); // the lexicon edits, not a page
      if (!pages.length) throw new Error(`no pages (.txt, .md) found in ${input}`);
      source = { pages, manifest: folder.manifest, what: `${pages.length} pages`, name: basename(resolve(input)), editsDir: input };
    } else {
      throw new UsageError(`${input} is neither a folder of pages nor a .jsonl file`);
    }

    const lexiconEdits = await readLexiconEdits(source.editsDir);
    note(`indexing…`);
    const bundle = buildBundle(
      { pages: source.pages, articles: source.articles },
      { name: values.name ?? source.name, manifest: source.manifest, lexiconEdits, onWarning: (m) => note(`${EDITS_FILE} ${m}`) },
    );
    const size = await writeBundle(serializeBundle(bundle), values.out);
    note(`built ${values.out}: ${bundle.meta.articleCount} articles from ${source.what}, ${(size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms`);
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
