import type { Archive } from '../archive.js';
import { getLexicon } from '../lexicon/index.js';
import { directoryFromText, type PersonDirectory } from './titles.js';

const cache = new WeakMap<Archive, PersonDirectory>();

/**
 * Person name (and each alias) → the titles the archive gives them, from the
 * lexicon's person terms. An archive whose lexicon knows no titled person
 * (a bundle built without person extraction) falls back to reading titles
 * followed by names straight from the article text.
 */
export function getPersonDirectory(archive: Archive): PersonDirectory {
  let directory = cache.get(archive);
  if (!directory) {
    directory = new Map();
    for (const term of getLexicon(archive).terms) {
      if (term.kind !== 'person' || !term.roles.length) continue;
      for (const name of [term.name, ...term.aliases]) {
        if (name.length < 2) continue;
        const roles = directory.get(name);
        directory.set(name, roles ? [...roles, ...term.roles] : [...term.roles]);
      }
    }
    if (!directory.size) directory = directoryFromText(archive.articles);
    cache.set(archive, directory);
  }
  return directory;
}
