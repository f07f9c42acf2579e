import type { ArticleKind } from '../article.js';
import type { SearchMessage } from './messages.js';

export interface SearchOptions {
  limit?: number;
  paper?: string;
  /** ISO date or prefix (2024, 2024-02, 2024-02-13), inclusive. */
  from?: string;
  to?: string;
  kind?: ArticleKind;
  /** Lexicon hook: extra whole-token terms (see AnalyzeOptions.terms). */
  terms?: readonly string[];
}

export interface SearchHit {
  id: string;
  title: string;
  paper: string | null;
  date: string | null;
  score: number;
  snippet: string;
  /** UTF-16 [start, end) offsets into `snippet`, in reading order. */
  highlights: [number, number][];
  /** The fields the query matched in (where each part was found), in field order. */
  fields: SearchField[];
}

export type SearchField = 'title' | 'subtitle' | 'body';

/** `searchQuery`'s options: those of `searchArchive`, plus paging and the order. Filters in the query add to these. */
export interface QueryOptions extends SearchOptions {
  /** Hits to skip (paging): the page is hits [offset, offset + limit) of the same order. */
  offset?: number;
  sort?: 'relevance' | 'date';
  /** Search exactly as typed: no pinyin, sounds-alike or names reading when nothing is found ("仍搜索…"). */
  asTyped?: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many hits there are in all (a lower bound when `totalAtLeast`). */
  total: number;
  totalAtLeast: boolean;
  /** Set when nothing was found as typed and another reading was searched instead. */
  rewritten?: { query: string; original: string; notice: string };
  /** A one-line problem with the query (malformed, an impossible date, an unknown kind), in English; no hits then. */
  error?: string;
  /** `error` as data (a code and its parameters), for a host to word in its language. */
  problem?: SearchMessage;
  /** Said to the user besides the hits (a paper the archive does not have), in English. */
  notices: string[];
  /** `notices` as data, in the same order (absent from results made before messages were data). */
  messages?: SearchMessage[];
}
