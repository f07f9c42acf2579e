import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { validateManifest, type Manifest, type PageInput } from '@jianbao/core';
import { readHumanTextFile } from './archive-file.js';

export const PAGE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** A page file that could not be used, and why (one line, naming the file). */
export interface PageProblem {
  file: string;
  message: string;
}

export interface PageFolder {
  pages: PageInput[];
  manifest: Manifest;
  /** Files that could not be read or decoded: the caller stops the build, or skips them with --skip-bad. */
  problems: PageProblem[];
  /** Pages read in GB18030/GBK or UTF-16 rather than UTF-8 (for a note). */
  transcoded: { file: string; encoding: string }[];
}

/**
 * Every page file under a folder (recursively, sorted), named by its path
 * relative to the folder. Symbolic links are followed, each real folder is
 * visited once (a link back up the tree cannot loop), and only regular files
 * are read (a FIFO named `x.txt` would block the read for ever).
 */
export async function readPageFolder(folder: string, onFile?: (done: number, total: number) => void): Promise<PageFolder> {
  const files: string[] = [];
  const problems: PageProblem[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: dir, message: `cannot read folder ${dir}: ${errorReason(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const isPage = PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase());
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink() || kind === 'other') {
        const target = await stat(path).catch(() => null);
        if (!target) {
          if (isPage) problems.push({ file: path, message: `page ${path} cannot be read (a broken symbolic link?)` });
          continue;
        }
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      }
      if (kind === 'dir') await walk(path);
      else if (isPage && kind === 'file') files.push(path);
      else if (isPage) problems.push({ file: path, message: `page ${path} is not a regular file` });
    }
  };
  await walk(folder);
  files.sort();
  const pages: PageInput[] = [];
  const transcoded: PageFolder['transcoded'] = [];
  for (const file of files) {
    const name = relative(folder, file).split('\\').join('/');
    try {
      const { text, encoding } = await readHumanTextFile(file, 'page');
      if (encoding !== 'utf-8') transcoded.push({ file: name, encoding });
      pages.push({ name, text });
      onFile?.(pages.length, files.length);
    } catch (error) {
      problems.push({ file, message: (error as Error).message.split('\n')[0]! });
    }
  }
  return { pages, manifest: await readManifest(join(folder, 'manifest.json')), problems, transcoded };
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message.split('\n')[0]!;
}

/** manifest.json beside the pages, checked field by field now (before any parsing), errors naming the file. */
async function readManifest(path: string): Promise<Manifest> {
  const info = await stat(path).catch(() => null);
  if (!info) return {};
  const { text } = await readHumanTextFile(path, 'manifest');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return validateManifest(value);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message.replace(/^manifest[:.]\s*/, '')}`);
  }
}

export interface FolderSource {
  pages: PageInput[];
  manifest: Manifest;
  /** "12 pages", for the build's closing line. */
  what: string;
}

/**
 * The pages of a folder as `jianbao build` (and --archive <folder>) uses them:
 * the lexicon edits file is not a page, blank pages are skipped with a note,
 * unreadable pages stop the build unless skipBad (then each gets a note).
 */
export async function readFolderSource(
  input: string,
  options: { skipBad?: boolean; onFile?: (done: number, total: number) => void; note: (message: string) => void; editsFile: string },
): Promise<FolderSource> {
  const { note, editsFile } = options;
  const folder = await readPageFolder(input, options.onFile);
  if (folder.problems.length) {
    const [first] = folder.problems;
    const more = folder.problems.length > 1 ? ` (and ${folder.problems.length - 1} more unreadable page${folder.problems.length > 2 ? 's' : ''})` : '';
    if (!options.skipBad) throw new Error(`${first!.message}${more} — fix it, or use --skip-bad to build without it`);
    for (const p of folder.problems) note(`skipped: ${p.message}`);
  }
  for (const t of folder.transcoded) note(`${t.file}: read as ${t.encoding.toUpperCase()}`);
  const named = folder.pages.filter((p) => p.name !== editsFile); // the lexicon edits, not a page
  // A blank scan or a page of stray punctuation has nothing to archive: say so, and go on with the rest.
  const blank = named.filter((p) => !/[\p{L}\p{N}]/u.test(p.text));
  for (const p of blank.slice(0, 20)) note(`skipped ${p.name}: no text on the page`);
  if (blank.length > 20) note(`skipped ${blank.length - 20} more pages with no text`);
  const pages = named.filter((p) => !blank.includes(p));
  if (!named.length) throw new Error(`no pages (.txt, .md) found in ${input}`);
  if (!pages.length) throw new Error(`no text to archive in ${input}: ${named.length === 1 ? `its one page, ${named[0]!.name}, is` : `all ${named.length} pages are`} empty or punctuation only`);
  return { pages, manifest: folder.manifest, what: `${pages.length} pages` };
}
