import { stat } from 'node:fs/promises';
import { parsePages, EDITS_FILE, type Article } from '@jianbao/core';
import { readJsonlArticles } from '../jsonl.js';
import { note } from '../output.js';
import { readPageFolder } from '../pages.js';
import { UsageError } from '../errors.js';

/** Articles from a folder of pages or a .jsonl[.gz] file, as `jianbao build` reads them (bad input stops, or is skipped with skipBad). */
export async function readArticlesFrom(input: string, skipBad = false): Promise<Article[]> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new Error(`input not found: ${input}`);
  if (info.isFile() && /\.jsonl(\.gz)?$/i.test(input)) {
    const { articles, skipped } = await readJsonlArticles(input, { skipBad, onProgress: (n) => note(`read ${n} lines…`) });
    if (skipped.length) note(`skipped ${skipped.length} bad line${skipped.length > 1 ? 's' : ''} (${skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.reason}`).join('; ')})`);
    return articles;
  }
  if (info.isDirectory()) {
    const folder = await readPageFolder(input);
    if (folder.problems.length) {
      if (!skipBad) throw new Error(`${folder.problems[0]!.message} — fix it, or use --skip-bad to ingest without it`);
      for (const p of folder.problems) note(`skipped: ${p.message}`);
    }
    const pages = folder.pages.filter((p) => p.name !== EDITS_FILE && /[\p{L}\p{N}]/u.test(p.text));
    if (!pages.length) throw new Error(`no pages with text (.txt, .md) found in ${input}`);
    return parsePages(pages, folder.manifest);
  }
  throw new UsageError(`${input} is neither a folder of pages nor a .jsonl file`);
}
