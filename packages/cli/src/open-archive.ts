import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildBundle, EDITS_FILE, loadArchive, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { readTextFile } from './archive-file.js';
import { chooseArchive } from './config.js';
import { readLexiconEdits } from './lexicon-edits.js';
import { note } from './output.js';
import { readFolderSource } from './pages.js';

/**
 * The archive a reading command works on: --archive, else $JIANBAO_ARCHIVE,
 * else the config file's "archive", else the bundled seeds (config.ts). A
 * bundle may be .json or .json.gz (gzip is recognised by name or by its magic
 * bytes, and inflated no further than MAX_BUNDLE_BYTES); a folder of pages is
 * built in memory as `jianbao build` would build it, as VS Code's folder mode does.
 */
export async function openArchive(option: string | undefined): Promise<Archive> {
  const choice = await chooseArchive(option);
  if (!choice.path) return loadDefaultArchive();
  const path = choice.path;
  const via = choice.from === '--archive' ? '' : ` (from ${choice.from})`;
  try {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) return await openFolder(path);
    const text = await readTextFile(path, 'archive');
    return loadArchive(text, { onWarning: (message) => note(`${path}: ${message}`) });
  } catch (error) {
    if (error instanceof Error) error.message = error.message.includes(path) ? `${error.message}${via}` : `${path}: ${error.message}${via}`;
    throw error;
  }
}

async function openFolder(folder: string): Promise<Archive> {
  const source = await readFolderSource(folder, { skipBad: true, note, editsFile: EDITS_FILE });
  const lexiconEdits = await readLexiconEdits(folder);
  const bundle = buildBundle({ pages: source.pages }, { name: basename(resolve(folder)), manifest: source.manifest, lexiconEdits, onWarning: (m) => note(`${EDITS_FILE} ${m}`) });
  return loadArchive(bundle);
}
