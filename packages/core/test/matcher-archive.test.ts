import { describe, expect, it } from 'vitest';
import type { Article } from '../src/article.js';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { getLexicon } from '../src/lexicon/index.js';
import { findAllAcrossBreaks, getMatcher, loadMatcher, matcherSectionOf } from '../src/matcher/index.js';

const article: Article = {
  id: 'a1', paper: '晋中日报', date: '2025-02-22', page: 'p1.txt', title: '座谈会举行', titleInferred: false, subtitle: null, section: null,
  byline: null, dateline: null, kind: 'news', source: null, continues: null, continuationOf: null,
  paragraphs: ['晋中市委书记常书铭讲话。晋中市委副书记、市长刘星出席。', '常书铭指出，要推进太原晋中一体化。'],
};

describe('matcher from an archive', () => {
  const bundle = JSON.parse(JSON.stringify(buildBundle({ articles: [article] }, { name: 't' })));

  it('stores lexicon and matcher sections; a content script needs only the matcher section', () => {
    expect(bundle.lexicon.format).toBe('jianbao-lexicon');
    const section = matcherSectionOf(bundle);
    expect(section).toEqual(bundle.matcher);
    const standalone = loadMatcher(JSON.parse(JSON.stringify(section)));
    const text = '常书铭和刘星在太原晋中一体化座谈会上';
    expect(standalone.findAll(text)).toEqual(getMatcher(loadArchive(bundle)).findAll(text));
    expect(standalone.findAll(text).map((m) => m.text)).toEqual(['常书铭', '刘星', '太原晋中一体化']);
  });

  it('rebuilds both sections from the articles when the bundle has none', () => {
    const { lexicon, matcher, ...bare } = bundle;
    const archive = loadArchive(bare);
    expect(getLexicon(archive).terms.map((t) => t.name)).toEqual(lexicon.terms.map((t: { name: string }) => t.name));
    expect(matcherSectionOf(bare)).toEqual(matcher);
    const term = getLexicon(archive).terms.find((t) => t.name === '常书铭')!;
    expect(getLexicon(archive).get(term.id)).toBe(term);
  });

  it('finds names split by a line break when asked to, with ranges in the original text', () => {
    const m = getMatcher(loadArchive(bundle));
    const draft = '晋中市委书记常书\n铭讲话，刘 星出席';
    expect(m.findAll(draft).map((x) => x.text)).toEqual(['晋中市委']);
    const across = findAllAcrossBreaks(m, draft);
    expect(across.map((x) => [x.text, draft.slice(x.start, x.end)])).toEqual([
      ['晋中市委', '晋中市委'], ['常书\n铭', '常书\n铭'], ['刘 星', '刘 星'],
    ]);
  });
});
