import type { Article } from '../article.js';
import { buildMatcherSection, loadMatcher } from '../matcher/matcher.js';
import type { MatcherEntry, MatcherSection } from '../matcher/types.js';
import {
  counterEntries, countWords, countedWords, decide, finishTerms, homeOf, matchMentions, matcherEntries, passOne, passTwo, poolTerms, prepareArticle, wordCounterFrom,
  type ArticleEvidence, type BuildLexiconOptions, type LexiconDecisions, type Prepared,
} from './build.js';
import { provinceMentions } from './extract.js';
import type { Term } from './types.js';

/**
 * buildLexiconWithEvidence over articles split into shards that may run
 * elsewhere (a server's worker threads): every per-article pass runs in the
 * shard holding the article, every archive-wide decision here, from the
 * shards' results in archive order. The result is exactly the one build's.
 * Core holds no threads: the caller gives each shard's calls (localShard on
 * the shard's side) and how they reach it.
 */
export interface LexiconShard {
  /** Per article, its full place names by province. */
  provinces(): Promise<[string, number][][]>;
  /** Per article, its pass-1 evidence given the home provinces. */
  passOne(home: ReadonlySet<string>): Promise<ArticleEvidence[]>;
  /** Per article, the counted words' counts (the counter's matcher section and its words). */
  counts(counter: { section: MatcherSection; words: readonly string[] }): Promise<[string, number][][]>;
  /** Per article, pass 2's fields given the decisions. */
  passTwo(decisions: LexiconDecisions): Promise<PassTwoFields[]>;
  /** Per article, the lexicon matcher's mentions (its section). */
  mentions(matcher: MatcherSection): Promise<[string, number, number][][]>;
}

export type PassTwoFields = Pick<ArticleEvidence, 'people' | 'policies' | 'confirmed' | 'dropped'>;

/** A shard's side: its articles' prepared texts and evidence kept between the passes. */
export function localShard(articles: readonly Article[]): LexiconShard {
  let prepared: Prepared[] | null = null;
  let provinces: [string, number][][] = [];
  let evidence: ArticleEvidence[] = [];
  const texts = () => (prepared ??= articles.map(prepareArticle));
  return {
    async provinces() {
      provinces = texts().map((p) => [...provinceMentions(p.text)]);
      return provinces;
    },
    async passOne(home) {
      evidence = articles.map((a, i) => passOne(a, texts()[i]!, home, provinces[i]));
      return evidence;
    },
    async counts({ section, words }) {
      const counter = wordCounterFrom(section, words);
      return evidence.map((e, i) => (e.counts = countWords(counter, texts()[i]!)));
    },
    async passTwo(decisions) {
      return evidence.map((e, i) => {
        passTwo(e, texts()[i]!, decisions);
        return { people: e.people, policies: e.policies, confirmed: e.confirmed, dropped: e.dropped };
      });
    },
    async mentions(section) {
      const matcher = loadMatcher(section);
      prepared = null; // the last pass: the texts are not needed again
      return articles.map((a) => matchMentions(matcher, a));
    },
  };
}

export async function buildLexiconSharded(shards: readonly LexiconShard[], options: BuildLexiconOptions = {}): Promise<{ terms: Term[]; evidence: ArticleEvidence[]; home: Set<string>; entries: MatcherEntry[] }> {
  const each = <T>(f: (s: LexiconShard) => Promise<T[]>) => Promise.all(shards.map(f)).then((parts) => parts.flat());
  const provinces = await each((s) => s.provinces());
  // homeOf reads the provinces alone.
  const home = homeOf(provinces.map((p) => ({ provinces: p }) as ArticleEvidence));
  const evidence = await each((s) => s.passOne(home));
  const words = countedWords(evidence);
  const counter = { section: buildMatcherSection(counterEntries(words)), words };
  const counts = await each((s) => s.counts(counter));
  counts.forEach((c, i) => (evidence[i]!.counts = c));
  const decisions = decide(evidence, words);
  const second = await each((s) => s.passTwo(decisions));
  second.forEach((f, i) => Object.assign(evidence[i]!, f));
  const pooled = poolTerms(evidence, options);
  const entries = matcherEntries(pooled.terms);
  const mentions = await each((s) => s.mentions(buildMatcherSection(entries)));
  mentions.forEach((m, i) => (evidence[i]!.mentions = m));
  return { terms: finishTerms(pooled, evidence), evidence, home, entries };
}
