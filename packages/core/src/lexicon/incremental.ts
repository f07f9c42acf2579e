import { articleBody, type Article } from '../article.js';
import { buildMatcher } from '../matcher/matcher.js';
import type { MatcherEntry } from '../matcher/types.js';
import { foldText } from '../text/fold.js';
import {
  countWords, countedWords, decide, finishTerms, homeOf, matchMentions, matcherEntries, passOne, passTwo, poolTerms, prepareArticle, wordCounter,
  type ArticleEvidence, type BuildLexiconOptions, type LexiconDecisions, type Prepared,
} from './build.js';
import type { Term } from './types.js';

/**
 * The lexicon of an archive that grew, from the evidence of its stored
 * articles (ArticleEvidence, kept per article) and the new ones alone.
 *
 * Each article's results depend on the archive only through decisions made
 * over every article's evidence (home provinces, the counted words, which
 * names are people and which phrases policies, the terms' surface forms), and
 * on those only through strings its own text holds. So after the new
 * articles' evidence is added, each decision is taken again from the sums,
 * and the stored articles read again are exactly those whose text holds a
 * string whose decision moved (found by the caller's index: a superset is
 * fine). The result is buildLexicon's on the whole archive. When the home
 * provinces move (which changes how every article is read) it returns null:
 * the caller builds from scratch.
 */
export interface LexiconBefore {
  /** Every stored article's evidence, by article number. */
  evidence: readonly ArticleEvidence[];
  home: ReadonlySet<string>;
  /** The matcher entries the stored mentions were found with (buildLexiconWithEvidence's `entries`). */
  entries: readonly MatcherEntry[];
  /**
   * countedWords(evidence) and decide(evidence, words) when the caller kept them (a previous update's `words`
   * and `decisions`): both sum every article's evidence, so keeping them saves one of the two passes.
   */
  words?: readonly string[];
  decisions?: LexiconDecisions;
}

export interface LexiconSource {
  /** Stored articles (numbers below the stored count) whose text may hold any of the strings: a superset, never one missed. */
  containing(strings: readonly string[]): Promise<Iterable<number>>;
  /** The stored articles with these numbers, in that order. */
  articles(numbers: readonly number[]): Promise<Article[]>;
}

export interface LexiconChanges {
  /** Stored articles (by number) whose content changed, as they are now. */
  changed: ReadonlyMap<number, Article>;
  /** New articles, numbered from the stored count on. */
  added: readonly Article[];
}

export interface LexiconUpdate {
  terms: Term[];
  evidence: ArticleEvidence[];
  /** Article numbers whose evidence is new or changed (the caller writes these). */
  rewritten: number[];
  home: Set<string>;
  entries: MatcherEntry[];
  /** How many stored, unchanged articles were read again for each decision that moved. */
  reread: { counts: number; people: number; mentions: number };
  /** The counted words and decisions of the result (the next update's `words` and `decisions`). */
  words: string[];
  decisions: LexiconDecisions;
}

export async function updateLexicon(before: LexiconBefore, changes: LexiconChanges, source: LexiconSource, options: BuildLexiconOptions = {}): Promise<LexiconUpdate | null> {
  const stored = before.evidence.length;
  const evidence = before.evidence.slice();
  const articles = new Map<number, Article>(changes.changed);
  changes.added.forEach((a, i) => articles.set(stored + i, a));
  const fresh = [...articles.keys()].sort((a, b) => a - b);
  const freshSet = new Set(fresh);
  const prepared = new Map<number, Prepared>();
  const home = before.home;
  for (const n of fresh) {
    const p = prepareArticle(articles.get(n)!);
    prepared.set(n, p);
    evidence[n] = passOne(articles.get(n)!, p, home);
  }
  const nextHome = homeOf(evidence);
  if (nextHome.size !== home.size || [...nextHome].some((p) => !home.has(p))) return null;

  const rewritten = new Set(fresh);
  // Stored articles read again: their own evidence object is copied before it changes (the caller's stays as it was).
  const reread = async (strings: readonly string[]): Promise<number[]> => {
    if (!strings.length) return [];
    const found = [...new Set(await source.containing(strings))].filter((n) => n < stored && !freshSet.has(n)).sort((a, b) => a - b);
    const missing = found.filter((n) => !prepared.has(n));
    const read = missing.length ? await source.articles(missing) : [];
    read.forEach((a, i) => {
      const p = prepareArticle(a);
      p.ctx = { ...p.ctx, homeProvinces: home };
      prepared.set(missing[i]!, p);
      articles.set(missing[i]!, a);
    });
    for (const n of found) {
      if (!rewritten.has(n)) evidence[n] = { ...evidence[n]! };
      rewritten.add(n);
    }
    return found;
  };

  // 1. The counted words: an article's counts change only where its text holds a word that came or went.
  const wordsBefore = before.words ?? countedWords(before.evidence);
  const words = countedWords(evidence);
  const countsAgain = await reread(movedGroups(wordsBefore, words, (w) => w));
  const toCount = [...fresh, ...countsAgain];
  if (toCount.length) {
    // Only the words these texts can hold: a matcher of every counted word in the archive costs more than the counting.
    const present = pairsIn(toCount.map((n) => prepared.get(n)!.text));
    const counter = wordCounter(words.filter((w) => mayOccur(w, present)));
    for (const n of toCount) evidence[n]!.counts = countWords(counter, prepared.get(n)!);
  }

  // 2. The decisions: pass 2 changes only where the text holds a name or phrase whose decision moved.
  const was = before.decisions ?? decide(before.evidence, wordsBefore);
  const now = decide(evidence, words);
  const moved = [
    ...symmetricDifference(was.known, now.known), ...symmetricDifference(was.repeated, now.repeated), ...symmetricDifference(was.programmes, now.programmes),
    ...symmetricDifference(was.counties, now.counties), ...symmetricDifference(was.foreignPlaces, now.foreignPlaces), ...symmetricDifference(was.shortBodies, now.shortBodies),
    ...symmetricDifference(was.notPeople ?? new Set<string>(), now.notPeople ?? new Set<string>()),
    ...symmetricDifference(was.shortListed ?? new Set<string>(), now.shortListed ?? new Set<string>()),
  ];
  const peopleAgain = await reread(moved);
  for (const n of [...fresh, ...peopleAgain]) passTwo(evidence[n]!, prepared.get(n)!, now);

  // 3. The terms and their forms: mentions change only where the text holds a form that came, went or changed term.
  const pooled = poolTerms(evidence, options);
  const entries = matcherEntries(pooled.terms);
  const formsOf = (list: readonly MatcherEntry[]) => list.flatMap((e) => e.forms.map((f) => `${f}\u0000${e.termId}`));
  const mentionsAgain = await reread(movedGroups(formsOf(before.entries), formsOf(entries), (x) => x.slice(0, x.indexOf('\u0000'))));
  const toMatch = [...fresh, ...mentionsAgain];
  if (toMatch.length) {
    const present = pairsIn(toMatch.map((n) => articleBody(articles.get(n)!)));
    const matcher = buildMatcher(entries.map((e) => ({ ...e, forms: e.forms.filter((f) => mayOccur(f, present)) })));
    for (const n of toMatch) evidence[n]!.mentions = matchMentions(matcher, articles.get(n)!);
  }
  return {
    terms: finishTerms(pooled, evidence), evidence, rewritten: [...rewritten].sort((a, b) => a - b), home: nextHome, entries,
    reread: { counts: countsAgain.length, people: peopleAgain.length, mentions: mentionsAgain.length }, words, decisions: now,
  };
}

/** Every pair of adjacent characters of the folded texts (as c1·65536 + c2). */
function pairsIn(texts: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const text of texts) {
    const t = foldText(text);
    for (let i = 0; i + 1 < t.length; i++) out.add(t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1));
  }
  return out;
}

/**
 * Whether a matcher form can occur in texts holding these pairs (the matcher folds forms and text alike, character
 * by character). A form no text holds never matches, so it never wins or blocks a match: a matcher without it finds
 * exactly the same matches in these texts.
 */
function mayOccur(form: string, pairs: ReadonlySet<number>): boolean {
  const f = foldText(form.trim());
  for (let i = 0; i + 1 < f.length; i++) if (!pairs.has(f.charCodeAt(i) * 65536 + f.charCodeAt(i + 1))) return false;
  return f.length >= 2;
}

function symmetricDifference<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}

/**
 * The strings of every group that changed, grouped by folded form: the matcher folds, and
 * where two strings fold alike the one listed first wins, so a group moves when its list does.
 */
function movedGroups(before: readonly string[], after: readonly string[], form: (x: string) => string): string[] {
  const group = (list: readonly string[]) => {
    const m = new Map<string, string[]>();
    for (const x of list) {
      const k = foldText(form(x));
      const g = m.get(k);
      if (g) g.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const a = group(before);
  const b = group(after);
  const out = new Set<string>();
  for (const [k, list] of a) if (b.get(k)?.join('\u0001') !== list.join('\u0001')) for (const x of list) out.add(form(x));
  for (const [k, list] of b) if (a.get(k)?.join('\u0001') !== list.join('\u0001')) for (const x of list) out.add(form(x));
  return [...out];
}
