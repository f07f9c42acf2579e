export * from './article.js';
export { articleId, fnv1a } from './id.js';
export {
  parsePage, parsePages, parsePageDetailed, searchableText, inferMeta,
  type Manifest, type PageInput, type PageMeta, type ParsedPage, type Layout, type InferredMeta,
} from './parse/index.js';
export { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleMeta } from './bundle/format.js';
export { BundleError, type BundleErrorCode } from './bundle/errors.js';
export { parseBundle } from './bundle/load.js';
export { createBundle, serializeBundle, GENERATOR } from './bundle/create.js';
export { buildBundle, type BuildOptions } from './build.js';
export { Archive, loadArchive } from './archive.js';
export { foldText, foldCode, foldTable } from './text/fold.js';
export { compactText, type CompactText } from './text/compact.js';
export { analyze, analyzeTerms, normalizeForSearch, tokenizeNormalized, type AnalyzeOptions, type Token, type NormalizedText } from './text/analyze.js';
export * from './search/index.js';
