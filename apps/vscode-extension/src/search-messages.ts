/** Core's search messages (a code and its parameters) in the UI's language (l10n bundles). */
import * as vscode from 'vscode';
import type { SearchMessage, SearchResult } from '@jianbao/core';

export function wordSearchMessage(message: SearchMessage): string {
  const list = (items: readonly string[]) => items.join(vscode.l10n.t(', '));
  switch (message.code) {
    case 'unclosed-quote':
      return vscode.l10n.t('unclosed quote at position {0}', message.params.position);
    case 'or-needs-words':
      return vscode.l10n.t('"OR" needs words on both sides');
    case 'field-needs-value':
      return vscode.l10n.t('{0}: needs a value', message.params.field);
    case 'unknown-kind':
      return vscode.l10n.t('unknown kind "{0}" (one of {1})', message.params.kind, list(message.params.kinds));
    case 'unknown-sort':
      return vscode.l10n.t('sort: takes date or relevance, not "{0}"', message.params.sort);
    case 'not-a-date':
      return vscode.l10n.t('not a date: "{0}" (use 2025, 2025-02 or 2025-02-13)', message.params.text);
    case 'impossible-month':
      return vscode.l10n.t('impossible date "{0}": there is no month {1}', message.params.text, message.params.month);
    case 'impossible-day':
      return vscode.l10n.t('impossible date "{0}": {1} has {2} days', message.params.text, message.params.month, message.params.days);
    case 'empty-date-range':
      return vscode.l10n.t('empty date range "{0}"', message.params.text);
    case 'date-range-reversed':
      return vscode.l10n.t('date range "{0}" ends before it starts', message.params.text);
    case 'no-such-paper': {
      const { paper, papers, more } = message.params;
      return papers.length
        ? vscode.l10n.t('no paper "{0}" in this archive (papers: {1})', paper, list(more ? [...papers, '…'] : papers))
        : vscode.l10n.t('no paper "{0}" in this archive', paper);
    }
  }
}

/** A result's error in the UI's language (core's English when the result carries no data). */
export function resultError(result: SearchResult): string | undefined {
  if (!result.error) return undefined;
  return result.problem ? wordSearchMessage(result.problem) : result.error;
}

/** A result's notices in the UI's language. */
export function resultNotices(result: SearchResult): string[] {
  return result.messages ? result.messages.map(wordSearchMessage) : result.notices;
}
