import { join } from 'node:path';
import { EDITS_FILE, parseLexiconEdits, type LexiconEdit } from '@jianbao/core';
import { readHumanTextFile } from './archive-file.js';

/** The lexicon edits beside the pages (`terms.txt`), if any; a syntax error stops the build with `path:line: problem`. */
export async function readLexiconEdits(folder: string): Promise<LexiconEdit[] | undefined> {
  const path = join(folder, EDITS_FILE);
  let text: string;
  try {
    text = (await readHumanTextFile(path, 'terms file')).text;
  } catch (error) {
    if ((error as Error).message.startsWith('terms file not found')) return undefined;
    throw error;
  }
  return parseLexiconEdits(text, path);
}
