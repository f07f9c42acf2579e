import type { Archive } from '../archive.js';
import type { MatchText } from './normalize.js';
import type { ReuseResult } from './reuse.js';

export interface Conflict {
  start: number;
  end: number;
  text: string;
  kind: 'title' | 'number';
  message: string;
  expected: string;
  articleId: string | null;
}

export function findConflicts(_archive: Archive, _raw: string, _draft: MatchText, _reuse: ReuseResult): Conflict[] {
  return [];
}
