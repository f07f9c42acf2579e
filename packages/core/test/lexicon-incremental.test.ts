import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, type Article } from '../src/index.js';
import { buildLexicon, buildLexiconWithEvidence, prepareArticle, type ArticleEvidence } from '../src/lexicon/build.js';
import { parseLexiconEdits } from '../src/lexicon/edits.js';
import { updateLexicon, type LexiconBefore } from '../src/lexicon/incremental.js';
import { buildLexiconSharded, localShard } from '../src/lexicon/sharded.js';
import { runSteps } from '../src/host.js';
import { foldText } from '../src/text/fold.js';
import type { MatcherEntry } from '../src/matcher/types.js';

const seeds = join(__dirname, '../../../seeds');
const pages = readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const articles = buildBundle({ pages }, { name: 'seeds' }).articles as Article[];

/** The archive kept as a server keeps it: the articles, their evidence, and an exact "which articles hold this string". */
interface Kept extends LexiconBefore {
  articles: Article[];
  evidence: ArticleEvidence[];
  entries: MatcherEntry[];
}

async function ingest(kept: Kept | null, batch: readonly Article[], edits?: string): Promise<{ kept: Kept; reread: number }> {
  const options = { edits: edits ? parseLexiconEdits(edits) : undefined };
  if (!kept) {
    const built = runSteps(buildLexiconWithEvidence(batch, options));
    return { kept: { articles: [...batch], evidence: built.evidence, home: built.home, entries: built.entries }, reread: 0 };
  }
  const texts = kept.articles.map((a) => foldText(prepareArticle(a).text));
  const update = await updateLexicon(kept, { changed: new Map(), added: batch }, {
    containing: async (strings) => texts.flatMap((t, n) => (strings.some((s) => t.includes(foldText(s))) ? [n] : [])),
    articles: async (numbers) => numbers.map((n) => kept.articles[n]!),
  }, options);
  if (!update) throw new Error('home provinces moved');
  return {
    // The update's counted words and decisions carried to the next one, as the server keeps them (the first update computes them).
    kept: { articles: [...kept.articles, ...batch], evidence: update.evidence, home: update.home, entries: update.entries, words: update.words, decisions: update.decisions, terms: update.terms } as Kept,
    reread: update.reread.counts + update.reread.people + update.reread.mentions,
  };
}

describe('incremental lexicon', () => {
  it('gives the lexicon of one build however the archive was ingested: by date in days, halves, reverse', async () => {
    const byDate = [...articles].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    expect(articles.length).toBeGreaterThan(30);
    for (const [order, size] of [[byDate, 8], [articles, Math.ceil(articles.length / 2)], [[...articles].reverse(), 5]] as const) {
      let kept: Kept | null = null;
      let reread = 0;
      for (let i = 0; i < order.length; i += size) {
        const r = await ingest(kept, order.slice(i, i + size));
        kept = r.kept;
        reread += r.reread;
      }
      expect((kept as unknown as { terms: unknown }).terms).toEqual(buildLexicon(order));
      // Some decisions moved and were followed into older articles (else this test would prove little).
      expect(reread).toBeGreaterThan(0);
    }
  });

  it('follows edits that change the terms (forms that came, went or changed term)', async () => {
    const first = await ingest(null, articles.slice(0, 30));
    const some = runSteps(buildLexiconWithEvidence(articles, {})).terms;
    const person = some.find((t) => t.kind === 'person' && t.mentions.length > 1)!;
    const org = some.find((t) => t.kind === 'organisation' && t.mentions.length > 1)!;
    const edits = `alias ${person.name} | 老${person.name.slice(1)}\nsuppress ${org.name}\nadd policy 乡村振兴战略\n`;
    const second = await ingest(first.kept, articles.slice(30), edits);
    expect((second.kept as unknown as { terms: unknown }).terms).toEqual(buildLexicon(articles, { edits: parseLexiconEdits(edits) }));
  });

  it('builds in shards (each pass where its articles are, the decisions over all) exactly what one build gives', async () => {
    const edits = parseLexiconEdits('add policy 乡村振兴战略\n');
    const one = runSteps(buildLexiconWithEvidence(articles, { edits }));
    // Uneven shards, one of them empty; results cloned as a worker's messages are.
    const cuts = [0, 7, 7, Math.floor(articles.length / 2), articles.length];
    const shards = cuts.slice(1).map((end, i) => {
      const local = localShard(articles.slice(cuts[i], end));
      const clone = <T>(p: Promise<T>) => p.then((v) => structuredClone(v));
      return {
        provinces: () => clone(local.provinces()),
        passOne: (home: ReadonlySet<string>) => clone(local.passOne(structuredClone(home))),
        counts: (s: Parameters<typeof local.counts>[0]) => clone(local.counts(structuredClone(s))),
        passTwo: (d: Parameters<typeof local.passTwo>[0]) => clone(local.passTwo(structuredClone(d))),
        mentions: (s: Parameters<typeof local.mentions>[0]) => clone(local.mentions(structuredClone(s))),
      };
    });
    const sharded = await buildLexiconSharded(shards, { edits });
    expect(sharded.terms).toEqual(one.terms);
    expect(sharded.evidence).toEqual(one.evidence);
    expect([...sharded.home]).toEqual([...one.home]);
    expect(sharded.entries).toEqual(one.entries);
  });
});
