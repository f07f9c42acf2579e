/** A related article's reasons (core's data) in the UI language. */
import * as vscode from 'vscode';
import type { XrefRelated } from './core-contract.js';
import { plainText } from './markdown.js';

type Reason = NonNullable<XrefRelated['why']>[number];

function reasonLabel(r: Reason): string | null {
  switch (r.kind) {
    case 'reused': return vscode.l10n.t('shares {0} passages ({1} characters)', r.passages, r.characters);
    case 'conflict': return r.conflict === 'title'
      ? vscode.l10n.t('title differs: {0} → {1}', plainText(r.text) ?? '', plainText(r.expected) ?? '')
      : vscode.l10n.t('number differs: {0} → {1}', plainText(r.text) ?? '', plainText(r.expected) ?? '');
    case 'shared-phrases': return vscode.l10n.t('shares {0} rare phrases', r.count);
    case 'shared-terms': return vscode.l10n.t('names in common: {0}', r.terms.map((t) => plainText(t) ?? '').filter(Boolean).join('、'));
    case 'headline-search': return vscode.l10n.t('found by the headline “{0}”', plainText(r.headline) ?? '');
    default: return null;
  }
}

/** The reasons worded in the UI language; core's English phrases only when the data is missing (an older core). */
export function relatedReasons(item: XrefRelated): string[] {
  if (Array.isArray(item.why)) return item.why.map((r) => (r && typeof r === 'object' ? reasonLabel(r) : null)).filter((r): r is string => Boolean(r));
  return (Array.isArray(item.reasons) ? item.reasons : []).map((r) => plainText(r)).filter((r): r is string => Boolean(r));
}
