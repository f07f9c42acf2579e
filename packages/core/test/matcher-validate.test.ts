import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../src/archive.js';
import { buildBundle } from '../src/build.js';
import { serializeBundle } from '../src/bundle/create.js';
import { buildMatcherSection, loadMatcher, matcherSectionOf, type MatcherSection } from '../src/matcher/index.js';
import { base64ToInt32, int32ToBase64 } from '../src/matcher/base64.js';
import { readMatcherSection } from '../src/matcher/validate.js';
import { runSteps } from '../src/host.js';

// Issue 16, item 1: one changed character of matcher.base was accepted on import, and every page's marking then failed.
const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds');
const pages = readdirSync(seeds).filter((n) => /\.(txt|md)$/i.test(n)).sort().map((name) => ({ name, text: readFileSync(join(seeds, name), 'utf8') }));
const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
const bundleText = serializeBundle(buildBundle({ pages }, { name: 'seeds', manifest }));
const fresh = loadArchive(bundleText);
const texts = fresh.articles.map((a) => [a.title, ...a.paragraphs].join('\n'));
const marksOf = (section: unknown) => {
  const matcher = loadMatcher(section);
  return texts.map((t) => matcher.findAll(t).map((m) => `${m.start}-${m.end}:${m.termId}`).join(','));
};
const original = marksOf(matcherSectionOf(fresh));
const matcherAt = bundleText.indexOf('"matcher":{');
const baseAt = bundleText.indexOf('"base":"', matcherAt) + '"base":"'.length;

/** The bundle with one character replaced; what an import of it gives: refused, or the archive and its warnings. */
function importWith(at: number, c: string): { refused: boolean; warnings: string[]; archive?: ReturnType<typeof loadArchive> } {
  const text = bundleText.slice(0, at) + c + bundleText.slice(at + 1);
  const warnings: string[] = [];
  try {
    return { refused: false, warnings, archive: loadArchive(text, { onWarning: (w) => warnings.push(w) }) };
  } catch {
    return { refused: true, warnings };
  }
}

describe('a damaged matcher section', () => {
  it('the probe: base at 101 changed to "/" is dropped with a warning, and marking still works', () => {
    const { refused, warnings, archive } = importWith(baseAt + 101, '/');
    expect(refused).toBe(false);
    expect(warnings.join('\n')).toMatch(/section "matcher" is damaged .*rebuilt/);
    expect(archive!.bundle.matcher).toBeUndefined();
    expect(marksOf(matcherSectionOf(archive!))).toEqual(original);
  });

  it('single-character damage anywhere in the section: refused, or rebuilt with a warning, never accepted then failing to mark', () => {
    let seed = 16;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const end = bundleText.indexOf('}', matcherAt);
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const failedAtMarking: string[] = [];
    for (let i = 0; i < 60; i++) {
      const at = matcherAt + 11 + Math.floor(random() * (end - matcherAt - 11));
      let c = chars[Math.floor(random() * chars.length)]!;
      if (c === bundleText[at]) c = c === 'A' ? 'B' : 'A';
      const { refused, archive } = importWith(at, c);
      if (refused) continue;
      try {
        marksOf(matcherSectionOf(archive!));
      } catch (error) {
        failedAtMarking.push(`${at - matcherAt} → ${c}: ${(error as Error).message}`);
      }
    }
    expect(failedAtMarking).toEqual([]);
  });

  it('a sound section passes; each broken invariant is named', () => {
    const section = matcherSectionOf(fresh) as MatcherSection;
    expect(() => runSteps(readMatcherSection(section))).not.toThrow();
    const withArray = (key: 'base' | 'check' | 'out', edit: (a: Int32Array) => void) => {
      const a = base64ToInt32(section[key], key).slice();
      edit(a);
      return { ...section, [key]: int32ToBase64(a) };
    };
    const states = base64ToInt32(section.check, 'check');
    const child = states.findIndex((p, t) => t > 0 && p > 0); // a state of depth ≥ 2
    expect(() => loadMatcher(withArray('check', (c) => void (c[child] = child)))).toThrow(/damaged: state \d+ is not a child of its parent/);
    expect(() => loadMatcher(withArray('check', (c) => void (c[child] = 0)))).toThrow(/damaged: state \d+/);
    expect(() => loadMatcher(withArray('out', (o) => void (o[child] = (1 << 20) << 7)))).toThrow(/damaged: state \d+: output/);
    expect(() => loadMatcher({ ...section, alphabet: section.alphabet.slice(0, -1) + section.alphabet[0] })).toThrow(/listed twice/);
  });

  it('a section built from no terms at all is sound', () => {
    expect(loadMatcher(buildMatcherSection([])).findAll('常书铭')).toEqual([]);
  });
});
