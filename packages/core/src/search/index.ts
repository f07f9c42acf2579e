export { checkQuery, searchArchive, searchQuery, searchQueryWithIndex, searchWithIndex, type QueryOptions, type SearchField, type SearchHit, type SearchOptions, type SearchResult } from './search.js';
export { parseQuery, parseDate, parseDateRange, type ParsedQuery, type QueryPart, type QueryProblem } from './syntax.js';
export { englishMessage, searchMessage, type SearchMessage, type SearchMessageCode, type SearchMessageParams } from './messages.js';
export { getSearchIndex } from './archive-index.js';
export { loadSearchIndex, loadSearchIndexSync, prepareSearch, prepareSearchSync, prepareSearchTexts, prepareSearchTextsSync } from './lifecycle.js';
export {
  buildSearchIndex,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  SearchIndex,
  type ReadingTables,
  type SearchSection,
} from './search-index.js';
export { withReadingTables } from './readings.js';
export { pinyinReadings, pinyinToChinese } from './pinyin.js';
