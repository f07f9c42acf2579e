import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
  A bad .jsonl line stops the build with its line number, an unreadable page (binary, undecodable) with its file name;
  --skip-bad skips such lines and pages and lists them on stderr. Pages may be UTF-8, UTF-16 (with BOM) or GB18030/GBK;
  empty pages are skipped with a note.
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
      if (folder.problems.length) {
        const [first] = folder.problems;
        const more = folder.problems.length > 1 ? ` (and ${folder.problems.length - 1} more unreadable page${folder.problems.length > 2 ? 's' : ''})` : '';
        if (!values['skip-bad']) throw new Error(`${first!.message}${more} — fix it, or use --skip-bad to build without it`);
        for (const p of folder.problems) note(`skipped: ${p.message}`);
      }
      for (const t of folder.transcoded) note(`${t.file}: read as ${t.encoding.toUpperCase()}`);
      const named = folder.pages.filter((p) => p.name !== EDITS_FILE); // the lexicon edits, not a page
      // A blank scan or a page of stray punctuation has nothing to archive: say so, and go on with the rest.
      const blank = named.filter((p) => !/[\p{L}\p{N}]/u.test(p.text));
      for (const p of blank.slice(0, 20)) note(`skipped ${p.name}: no text on the page`);
      if (blank.length > 20) note(`skipped ${blank.length - 20} more pages with no text`);
      const pages = named.filter((p) => !blank.includes(p));
      if (!named.length) throw new Error(`no pages (.txt, .md) found in ${input}`);
      if (!pages.length) throw new Error(`no text to archive in ${input}: ${named.length === 1 ? `its one page, ${named[0]!.name}, is` : `all ${named.length} pages are`} empty or punctuation only`);
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

/** Writes beside the target and renames, so a failed build never leaves half a bundle (nor a stray temp file). Returns the byte size. */
async function writeBundle(text: string, out: string): Promise<number> {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new Error(`--out ${out} is a folder: name the bundle file to write, e.g. ${join(out, 'archive.json')}`);
  const tmp = `${out}.tmp-${process.pid}`;
  const data = Buffer.from(text, 'utf8');
  try {
    await writeFile(tmp, data);
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot write ${out}: its folder ${dirname(resolve(out))} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot write ${out}: permission denied`);
    if (code === 'ENOSPC') throw new Error(`cannot write ${out}: no space left on the device (the previous file, if any, is untouched)`);
    throw new Error(`cannot write ${out}: ${(error as Error).message.split('\n')[0]}`);
  }
  return data.length;
}
