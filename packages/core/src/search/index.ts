export { searchArchive, searchWithIndex, type SearchHit, type SearchOptions } from './search.js';
export { getSearchIndex } from './archive-index.js';
export { loadSearchIndex, loadSearchIndexSync, prepareSearch, prepareSearchSync, prepareSearchTexts, prepareSearchTextsSync } from './lifecycle.js';
export {
  buildSearchIndex,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  SearchIndex,
  type SearchSection,
} from './search-index.js';
export { pinyinReadings, pinyinToChinese } from './pinyin.js';
