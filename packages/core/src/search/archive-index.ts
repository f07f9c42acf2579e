import type { Archive } from '../archive.js';
import { searchTermsOf } from '../lexicon/build.js';
import { getLexicon } from '../lexicon/index.js';
import { buildSearchIndex, isCurrentSection, searchIndexFromSection, searchIndexFromSectionAsync, type SearchIndex } from './search-index.js';

// Which index an archive searches with: the bundle's section when it fits, else one built from the articles; one per archive.

const indexes = new WeakMap<Archive, SearchIndex>();

function sectionFits(archive: Archive, section: unknown): boolean {
  if (!isCurrentSection(section)) return false;
  const docs = (section as { docs: string[] }).docs;
  return docs.length === archive.articles.length && docs.every((id, i) => archive.articles[i]!.id === id);
}

/** The archive's search index: the bundle's `search` section, or built from the articles when it is absent or stale. */
export function getSearchIndex(archive: Archive): SearchIndex {
  let index = indexes.get(archive);
  if (!index) {
    const section = archive.bundle.search;
    index = sectionFits(archive, section) ? searchIndexFromSection(section) : rebuildSearchIndex(archive);
    indexes.set(archive, index);
  }
  return index;
}

/** A bundle without a (usable) search section: index as `buildBundle` does, lexicon terms included, so rankings match. */
function rebuildSearchIndex(archive: Archive): SearchIndex {
  return buildSearchIndex(archive.articles, { terms: searchTermsOf(getLexicon(archive).terms) });
}


/** The index already made for this archive, if any. */
export function cachedSearchIndex(archive: Archive): SearchIndex | undefined {
  return indexes.get(archive);
}

/** `getSearchIndex` yielding to the event loop while it decodes. */
export async function decodeSearchIndex(archive: Archive): Promise<SearchIndex> {
  const cached = indexes.get(archive);
  if (cached) return cached;
  const section = archive.bundle.search;
  const index = sectionFits(archive, section) ? await searchIndexFromSectionAsync(section) : rebuildSearchIndex(archive);
  indexes.set(archive, index);
  return index;
}
