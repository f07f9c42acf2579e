import type { Archive } from '../archive.js';
import { directoryFromText, type PersonDirectory } from './titles.js';

const cache = new WeakMap<Archive, PersonDirectory>();

/**
 * The adapter to the lexicon: person name → titles the archive gives them.
 * Until the lexicon's person terms are available it is read from the archive
 * text (titles followed by names); swapping in `getLexicon` is a change here only.
 */
export function getPersonDirectory(archive: Archive): PersonDirectory {
  let directory = cache.get(archive);
  if (!directory) cache.set(archive, (directory = directoryFromText(archive.articles)));
  return directory;
}
