export { crossReference, type XrefOptions, type XrefReport, type Conflict, type RelatedArticle, type ReusedPassage } from './cross-reference.js';
export { buildFingerprintIndex, getFingerprintIndex, type FingerprintIndex } from './fingerprint-index.js';
export { COMMON_PHRASES } from './common-phrases.js';
