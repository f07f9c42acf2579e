/**
 * Checks a bundle the user is importing by loading every part the extension
 * will use — articles, lexicon, matcher (and one scan with it), search index
 * (and one query) — before anything replaces the stored archive. A bundle whose
 * parse passes but whose matcher or index then fails would otherwise replace a
 * working archive and stop marking on every page (issue 16).
 */
import { loadArchiveAsync, type Archive } from '@jianbao/core';
import { lexiconOf, matcherSection, prepareSearchIndex, searchArchive } from './archive-service.js';
import { loadMatcherSectionAsync } from './matcher.js';

export interface CheckedBundle {
  archive: Archive;
  /** Optional sections that were damaged and are rebuilt from the articles ("matcher", "search", "lexicon"). */
  rebuilt: string[];
}

/** Throws (BundleError or Error, one line) when the bundle cannot be used; nothing is stored here. */
export async function checkBundleForImport(text: string): Promise<CheckedBundle> {
  const rebuilt: string[] = [];
  // In slices: the options page stays responsive for a large file.
  const archive = await loadArchiveAsync(text, {
    onWarning: (message) => {
      const section = /^section "(\w+)"/.exec(message)?.[1];
      if (section && !rebuilt.includes(section)) rebuilt.push(section);
    },
  });
  const sample = sampleText(archive);
  lexiconOf(archive);
  // The matcher exactly as content scripts load it, from the section the background will send them.
  const matcher = await loadMatcherSectionAsync(matcherSection(archive));
  matcher.findAll(sample);
  await prepareSearchIndex(archive);
  searchArchive(archive, sample.slice(0, 8) || '档案');
  return { archive, rebuilt };
}

function sampleText(archive: Archive): string {
  const article = archive.articles[0];
  return article ? `${article.title}\n${article.paragraphs.slice(0, 2).join('\n')}` : '';
}
