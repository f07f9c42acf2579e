import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { buildBundle, bundlePieces, EDITS_FILE, type Article, type BuildPhase, type Manifest, type PageInput } from '@jianbao/core';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { readJsonlArticles } from '../jsonl.js';
import { readLexiconEdits } from '../lexicon-edits.js';
import { act } from '../program.js';
import { createProgress, seconds } from '../progress.js';
import { readFolderSource } from '../pages.js';
import { terminalSafe } from '../terminal.js';
import { wantsGzip, writeBundleFile } from '../write-bundle.js';

const description = [
  'Builds an archive bundle from a folder of pages (.txt, .md; manifest.json beside them supplies paper and date), or from a .jsonl file (gzip accepted) with one article a line:',
  '  {"title": "…", "paragraphs": ["…"] or "text": "…", "date"?: "20220924" or "2022-09-24", "paper"?, "id"?, "kind"?}',
  'A bad .jsonl line stops the build with its line number, an unreadable page (binary, undecodable) with its file name; --skip-bad skips such lines and pages and lists them on stderr. Pages may be UTF-8, UTF-16 (with BOM) or GB18030/GBK; empty pages are skipped with a note.',
  `${EDITS_FILE} in the folder (or beside the .jsonl file) holds your lexicon edits: add, alias, rename, merge, suppress.`,
  '--out x.json.gz writes gzip (every command reads it). Progress goes to stderr: a bar on a terminal, plain lines otherwise.',
].join('\n');

const PHASES: Record<BuildPhase, string> = { parse: 'parsing pages', lexicon: 'finding terms', matcher: 'building the matcher', search: 'indexing for search' };

export function registerBuild(program: Command): void {
  program
    .command('build')
    .summary('build an archive bundle from a folder of pages or a .jsonl file')
    .description(description)
    .argument('<input>', 'the folder or .jsonl file to build from')
    .requiredOption('-o, --out <file>', 'the bundle to write (.json, or .json.gz for gzip)')
    .option('--name <name>', "the archive's name (default: the folder's or file's name)")
    .option('--skip-bad', 'skip bad .jsonl lines and unreadable pages (listed on stderr)')
    .option('-q, --quiet', 'no progress and no closing line; warnings and errors only')
    .action(act((input: string, opts: { out: string; name?: string; skipBad?: boolean; quiet?: boolean }) => run(input, opts)));
}

async function run(input: string, values: { out: string; name?: string; skipBad?: boolean; quiet?: boolean }): Promise<void> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new Error(`input not found: ${input}`);
  const started = performance.now();
  const progress = createProgress({ quiet: values.quiet, safe: terminalSafe });
  const note = (message: string) => progress.note(message);

  let source: { pages?: PageInput[]; articles?: Article[]; manifest?: Manifest; what: string; name: string; editsDir: string };
  if (info.isFile() && /\.jsonl(\.gz)?$/i.test(input)) {
    progress.phase(`reading ${basename(input)}`, 0, 'lines');
    const { articles, skipped } = await readJsonlArticles(input, { skipBad: values.skipBad, onProgress: (n) => progress.update(n) });
    progress.end(`${articles.length.toLocaleString('en-US')} articles`);
    if (skipped.length) {
      const first = skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.reason}`).join('; ');
      note(`skipped ${skipped.length} bad line${skipped.length > 1 ? 's' : ''} (${first}${skipped.length > 5 ? '; …' : ''})`);
    }
    if (!articles.length) throw new Error(`no articles found in ${input}`);
    source = { articles, what: input, name: basename(input).replace(/\.jsonl(\.gz)?$/i, ''), editsDir: dirname(input) };
  } else if (info.isDirectory()) {
    progress.phase('reading pages', 0, 'files');
    const folder = await readFolderSource(input, { skipBad: values.skipBad, onFile: (done, total) => progress.update(done, total), note, editsFile: EDITS_FILE });
    progress.end(folder.what);
    source = { pages: folder.pages, manifest: folder.manifest, what: folder.what, name: basename(resolve(input)), editsDir: input };
  } else {
    throw new UsageError(`${input} is neither a folder of pages nor a .jsonl file`);
  }

  const lexiconEdits = await readLexiconEdits(source.editsDir);
  let current: BuildPhase | undefined;
  const bundle = buildBundle(
    { pages: source.pages, articles: source.articles },
    {
      name: values.name ?? source.name,
      manifest: source.manifest,
      lexiconEdits,
      onWarning: (m) => note(`${EDITS_FILE} ${m}`),
      onPhase: (phase, done, total) => {
        if (phase !== current) {
          if (current) progress.end();
          current = phase;
          progress.phase(PHASES[phase], total, phase === 'parse' ? 'pages' : 'articles');
        }
        progress.update(done, total);
      },
    },
  );
  if (current) progress.end();
  progress.phase(`writing ${values.out}${wantsGzip(values.out) ? ' (gzip)' : ''}`);
  const size = await writeBundleFile(bundlePieces(bundle), values.out);
  progress.end(`${(size / 1024 / 1024).toFixed(1)} MB`);
  if (!values.quiet) {
    note(`built ${values.out}: ${bundle.meta.articleCount} articles from ${source.what}, ${(size / 1024).toFixed(0)} KiB, ${seconds(performance.now() - started)}`);
  }
}
