/** Core's search messages (a code and its parameters) worded in the reader's language (public/_locales). */
import type { SearchMessage, SearchResult } from './archive-types.js';
import { t } from './i18n.js';

export function wordSearchMessage(message: SearchMessage): string {
  const list = (items: readonly string[]) => items.join(t('listSeparator'));
  switch (message.code) {
    case 'unclosed-quote':
      return t('searchMsg_unclosedQuote', String(message.params.position));
    case 'or-needs-words':
      return t('searchMsg_orNeedsWords');
    case 'field-needs-value':
      return t('searchMsg_fieldNeedsValue', message.params.field);
    case 'unknown-kind':
      return t('searchMsg_unknownKind', [message.params.kind, list(message.params.kinds)]);
    case 'unknown-sort':
      return t('searchMsg_unknownSort', message.params.sort);
    case 'not-a-date':
      return t('searchMsg_notADate', message.params.text);
    case 'impossible-month':
      return t('searchMsg_impossibleMonth', [message.params.text, String(message.params.month)]);
    case 'impossible-day':
      return t('searchMsg_impossibleDay', [message.params.text, message.params.month, String(message.params.days)]);
    case 'empty-date-range':
      return t('searchMsg_emptyDateRange', message.params.text);
    case 'date-range-reversed':
      return t('searchMsg_dateRangeReversed', message.params.text);
    case 'no-such-paper': {
      const { paper, papers, more } = message.params;
      return papers.length ? t('searchMsg_noSuchPaper', [paper, list(more ? [...papers, '…'] : papers)]) : t('searchMsg_noSuchPaperNone', paper);
    }
  }
}

/** A result's error in the reader's language (core's English when the result carries no data, e.g. a transport failure). */
export function resultError(result: SearchResult): string | undefined {
  if (!result.error) return undefined;
  return result.problem ? wordSearchMessage(result.problem) : result.error;
}

/** A result's notices in the reader's language. */
export function resultNotices(result: SearchResult): string[] {
  return result.messages ? result.messages.map(wordSearchMessage) : result.notices;
}
