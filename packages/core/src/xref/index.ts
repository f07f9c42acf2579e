export { crossReference, crossReferenceAsync, prepareCrossReference, type XrefOptions, type XrefReport, type Conflict, type ConflictReason, type RelatedArticle, type ReusedPassage } from './cross-reference.js';
export { reasonText, type RelatedReason } from './related.js';
export { buildFingerprintIndex, buildFingerprintIndexAsync, getFingerprintIndex, prepareFingerprintIndex, type FingerprintIndex } from './fingerprint-index.js';
export { COMMON_PHRASES } from './common-phrases.js';
