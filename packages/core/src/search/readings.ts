import { runSteps } from '../host.js';
import { namesBySoundSteps } from './names.js';
import { pinyinTableSteps } from './pinyin.js';
import { SECTION_VERSION, searchIndexFromSection, type ReadingTables, type SearchIndex, type SearchSection } from './search-index.js';

// The no-hit readings' tables that section version 2 carries (names by sound, characters by syllable).

/** Derives an index's tables (or reads back the ones its section carried), in steps: for the build. */
export function* readingTableSteps(index: SearchIndex): Generator<void, ReadingTables> {
  yield* pinyinTableSteps(index);
  yield* namesBySoundSteps(index);
  return { sounds: index.readings.sounds ?? '', pinyin: index.readings.pinyin ?? '' };
}

/**
 * A section with its tables derived afresh, as version 2: for a host that writes sections itself (the server's
 * skeleton: per-term headers without the postings are all the tables read).
 */
export function withReadingTables(section: SearchSection): SearchSection {
  const { readings: _, ...bare } = section;
  return { ...bare, version: SECTION_VERSION, readings: runSteps(readingTableSteps(searchIndexFromSection(bare))) };
}
