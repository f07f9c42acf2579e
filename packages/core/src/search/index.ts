export { searchArchive, searchWithIndex, getSearchIndex, loadSearchIndex, loadSearchIndexSync, prepareSearch, prepareSearchSync, prepareSearchTexts, prepareSearchTextsSync, type SearchHit, type SearchOptions } from './search.js';
export {
  buildSearchIndex,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  SearchIndex,
  type SearchSection,
} from './search-index.js';
export { pinyinReadings, pinyinToChinese } from './pinyin.js';
