import type { Archive } from '../archive.js';
import { buildLexicon, matcherEntries } from './build.js';
import { TERM_KINDS, type Lexicon, type Term } from './types.js';

export * from './types.js';
export { buildLexicon, buildLexiconSteps, buildLexiconWithEvidence, matcherEntries, searchTermsOf, articleContext, isGenericForm, termId, prepareArticle, type ArticleEvidence, type BuildLexiconOptions, type LexiconDecisions } from './build.js';
export { updateLexicon, type LexiconBefore, type LexiconChanges, type LexiconSource, type LexiconUpdate } from './incremental.js';
export { buildLexiconSharded, localShard, type LexiconShard, type PassTwoFields } from './sharded.js';
export { titleHistory, personSummary, dateRange, type TitleHistoryEntry, type PersonSummary } from './summary.js';
export { parseLexiconEdits, LexiconEditError, EDITS_FILE, type LexiconEdit } from './edits.js';

/** The bundle's `lexicon` section. */
export interface LexiconSection {
  format: 'jianbao-lexicon';
  version: 1;
  terms: Term[];
}

export function lexiconSection(terms: Term[]): LexiconSection {
  return { format: 'jianbao-lexicon', version: 1, terms };
}

/** The stored section's terms, or null when it is absent or not one we can read (then the lexicon is rebuilt). */
export function readLexiconSection(value: unknown): Term[] | null {
  const s = value as Partial<LexiconSection> | null | undefined;
  if (!s || typeof s !== 'object' || s.format !== 'jianbao-lexicon' || s.version !== 1 || !Array.isArray(s.terms)) return null;
  const ok = s.terms.every(
    (t) =>
      t && typeof t.id === 'string' && typeof t.name === 'string' && TERM_KINDS.includes(t.kind) &&
      Array.isArray(t.aliases) && Array.isArray(t.roles) && Array.isArray(t.mentions),
  );
  return ok ? s.terms : null;
}

class TermTable implements Lexicon {
  private readonly byId: Map<string, Term>;
  constructor(readonly terms: Term[]) {
    this.byId = new Map(terms.map((t) => [t.id, t]));
  }
  get(termId: string): Term | undefined {
    return this.byId.get(termId);
  }
}

const cache = new WeakMap<Archive, Lexicon>();

/** The archive's lexicon: the bundle's `lexicon` section, or built from its articles when the bundle has none. */
export function getLexicon(archive: Archive): Lexicon {
  let lexicon = cache.get(archive);
  if (!lexicon) {
    lexicon = new TermTable(readLexiconSection(archive.bundle.lexicon) ?? buildLexicon(archive.articles));
    cache.set(archive, lexicon);
  }
  return lexicon;
}

/** For hosts: the matcher's view of a lexicon. */
export const lexiconMatcherEntries = (lexicon: Lexicon) => matcherEntries(lexicon.terms);
