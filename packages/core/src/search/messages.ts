/**
 * What search says about a query, as data (a code and its parameters): each host words it in its own language
 * (the browser extension's _locales, VS Code's l10n bundle); `englishMessage` is core's English wording, the one
 * `SearchResult.error` and `notices` carry and the CLI prints.
 */
export interface SearchMessageParams {
  /** A quote opened at `position` (1-based) is never closed. */
  'unclosed-quote': { position: number };
  /** OR with nothing before or after it. */
  'or-needs-words': Record<string, never>;
  /** A field (title:, paper:, …) with no value; `field` as typed. */
  'field-needs-value': { field: string };
  'unknown-kind': { kind: string; kinds: string[] };
  'unknown-sort': { sort: string };
  /** Not a date of year, month or day precision. */
  'not-a-date': { text: string };
  'impossible-month': { text: string; month: number };
  /** A day the month does not have: `month` is YYYY-MM, `days` how many it has. */
  'impossible-day': { text: string; month: string; days: number };
  'empty-date-range': { text: string };
  'date-range-reversed': { text: string };
  /** The paper filter names a paper the archive does not have; `papers`: those it has (at most 8, `more` if others). */
  'no-such-paper': { paper: string; papers: string[]; more: boolean };
}

export type SearchMessageCode = keyof SearchMessageParams;

export type SearchMessage = { [C in SearchMessageCode]: { code: C; params: SearchMessageParams[C] } }[SearchMessageCode];

/** Builds a message (typed by its code). */
export function searchMessage<C extends SearchMessageCode>(code: C, params: SearchMessageParams[C]): SearchMessage {
  return { code, params } as SearchMessage;
}

/** Core's English wording of a message (what the CLI prints; unchanged from before messages were data). */
export function englishMessage(message: SearchMessage): string {
  switch (message.code) {
    case 'unclosed-quote':
      return `unclosed quote at position ${message.params.position}`;
    case 'or-needs-words':
      return `"OR" needs words on both sides`;
    case 'field-needs-value':
      return `${message.params.field}: needs a value`;
    case 'unknown-kind':
      return `unknown kind "${message.params.kind}" (one of ${message.params.kinds.join(', ')})`;
    case 'unknown-sort':
      return `sort: takes date or relevance, not "${message.params.sort}"`;
    case 'not-a-date':
      return `not a date: "${message.params.text}" (use 2025, 2025-02 or 2025-02-13)`;
    case 'impossible-month':
      return `impossible date "${message.params.text}": there is no month ${message.params.month}`;
    case 'impossible-day':
      return `impossible date "${message.params.text}": ${message.params.month} has ${message.params.days} days`;
    case 'empty-date-range':
      return `empty date range "${message.params.text}"`;
    case 'date-range-reversed':
      return `date range "${message.params.text}" ends before it starts`;
    case 'no-such-paper': {
      const { paper, papers, more } = message.params;
      return `no paper "${paper}" in this archive${papers.length ? ` (papers: ${papers.join(', ')}${more ? ', …' : ''})` : ''}`;
    }
  }
}
