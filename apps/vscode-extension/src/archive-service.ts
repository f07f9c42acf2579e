/**
 * The ONE module through which the extension uses core's feature functions
 * (search, lexicon, matcher, cross-referencing): a change of core's API is a
 * change here.
 */
export {
  crossReference, crossReferenceAsync, getLexicon, getMatcher, loadSearchIndex, prepareCrossReference, searchArchive, searchQuery,
  type SearchHit, type SearchOptions, type XrefOptions,
} from '@jianbao/core';
