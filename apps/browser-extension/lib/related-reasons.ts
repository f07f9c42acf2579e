/** A related article's reasons (core's data) in the UI language. */
import type { RelatedReason } from '@jianbao/core';
import { t } from './i18n.js';

function reasonLabel(r: RelatedReason): string | null {
  switch (r.kind) {
    case 'reused': return t('reasonReused', [String(r.passages), String(r.characters)]);
    case 'conflict': return t(r.conflict === 'title' ? 'reasonConflictTitle' : 'reasonConflictNumber', [r.text, r.expected]);
    case 'shared-phrases': return t('reasonSharedPhrases', String(r.count));
    case 'shared-terms': return t('reasonSharedTerms', r.terms.join('、'));
    case 'headline-search': return t('reasonHeadline', r.headline);
    default: return null;
  }
}

/** The reasons worded in the UI language; core's English phrases only when the data is missing. */
export function relatedReasons(item: { reasons?: readonly string[]; why?: readonly RelatedReason[] }): string[] {
  if (Array.isArray(item.why)) return item.why.map((r) => (r && typeof r === 'object' ? reasonLabel(r) : null)).filter((r): r is string => Boolean(r));
  return Array.isArray(item.reasons) ? item.reasons.filter((r) => typeof r === 'string') : [];
}
