export * from './article.js';
export { articleId, fnv1a } from './id.js';
export {
  parsePage, parsePages, parsePageDetailed, searchableText, inferMeta, validateManifest, ManifestError,
  type Manifest, type PageInput, type PageMeta, type ParsedPage, type Layout, type InferredMeta,
} from './parse/index.js';
export { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES, type Bundle, type BundleMeta } from './bundle/format.js';
export { findJsonSyntaxError, type JsonSyntaxError } from './bundle/json-syntax.js';
export { BundleError, type BundleErrorCode } from './bundle/errors.js';
export { parseBundle, parseBundleAsync, parseBundlePiecesAsync } from './bundle/load.js';
export { bundlePieces, createBundle, serializeBundle, GENERATOR } from './bundle/create.js';
export { buildBundle, buildBundleAsync, type BuildOptions, type BuildPhase } from './build.js';
export { Archive, loadArchive, loadArchiveAsync, loadArchivePiecesAsync } from './archive.js';
export { yieldToHost } from './host.js';
export { foldText, foldCode, foldTable } from './text/fold.js';
export { compactText, type CompactText } from './text/compact.js';
export { decodeText, chineseEncoding, TextDecodeError, type DecodedText, type TextEncodingName } from './text/decode.js';
export { dateProblem, daysInMonth, isCalendarDay, isIsoDate, isIsoDateOrPart, isLeapYear } from './text/dates.js';
export { analyze, analyzeTerms, normalizeForSearch, tokenizeNormalized, type AnalyzeOptions, type Token, type NormalizedText } from './text/analyze.js';
export * from './search/index.js';
export {
  getLexicon, buildLexicon, buildLexiconWithEvidence, buildLexiconSharded, localShard, updateLexicon, prepareArticle, matcherEntries, searchTermsOf, articleContext, isGenericForm, termId, parseLexiconEdits, LexiconEditError, EDITS_FILE,
  lexiconSection, readLexiconSection, TERM_KINDS, titleHistory, personSummary, dateRange, type TitleHistoryEntry, type PersonSummary,
  type Term, type TermKind, type TermRole, type TermMention, type Lexicon, type LexiconEdit, type LexiconSection, type BuildLexiconOptions,
  type ArticleEvidence, type LexiconShard, type PassTwoFields, type LexiconBefore, type LexiconChanges, type LexiconDecisions, type LexiconSource, type LexiconUpdate,
} from './lexicon/index.js';
export {
  getMatcher, prepareMatcher, matcherSectionOf, loadMatcher, loadMatcherAsync, buildMatcher, buildMatcherSection, findAllAcrossBreaks, filterChunk, CANDIDATES_AT, FILTER_CHUNK,
  type Matcher, type TermMatch, type MatcherSection, type MatcherEntry,
} from './matcher/index.js';
export * from './xref/index.js';
export {
  formatCitation, chineseDate, bylineNames, pageNumberFromName, nextReferenceNumber, CITATION_STYLES,
  type CitationStyle, type CitableArticle, type CitationOptions,
} from './cite.js';
export {
  ServerClient, ServerError, SERVER_ERROR_CODES, normaliseServerUrl, serverOrigin,
  type ServerErrorCode, type ServerClientOptions, type ServerRevision, type ServerSearchResult, type ServerXrefReport,
  type ServerTermCard, type ServerTermListing, type ServerFacets, type SectionReply, type FetchLike, type FetchResponse,
} from './client/server-client.js';
