/**
 * The ONE adapter between the extension and core's feature functions (search,
 * lexicon, matcher, xref). Each agreed function is taken from @jianbao/core when
 * core exports it; until then a clearly temporary fallback (fallback.ts) stands
 * in, so the UI and the host tests work while core is built in parallel.
 * Swapping to core is automatic; `fallbacksInUse()` says which are stand-ins.
 */
import * as core from '@jianbao/core';
import type { Archive } from '@jianbao/core';
import type { XrefReport } from './core-contract.js';
import { fallbackCrossReference } from './fallback.js';

export { searchArchive, getLexicon, getMatcher, type SearchHit, type SearchOptions } from '@jianbao/core';

/** What the extension passes to xref: whether to ignore the draft's Markdown syntax. */
export interface DraftOptions {
  markdown?: boolean;
}

type CoreFeatures = {
  crossReference?: (archive: Archive, draft: string, options?: DraftOptions) => XrefReport;
};
// Read through a plain object so that bundling does not fail on exports core does not have yet.
const features: CoreFeatures = { ...(core as unknown as CoreFeatures) };

export const crossReference: (archive: Archive, draft: string, options?: DraftOptions) => XrefReport =
  features.crossReference ?? fallbackCrossReference;

/** Names of the agreed core functions that are still served by the temporary fallbacks. */
export function fallbacksInUse(): string[] {
  return (['crossReference'] as const).filter((k) => !features[k]);
}
