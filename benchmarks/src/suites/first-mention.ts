// The browser extension's "first mention of each term only" option (issue #18: it should halve the marks on a
// long article or better): the share of an article's marks that remain when each term is marked once, counted
// as the extension's Marker counts them (matcher.findAll per paragraph, one mark per term id, document order).
// On the seed archive (the regional e2e page shows its first article) and on xwlb (../shared, skipped when absent).
import { articleBody, buildBundle, getMatcher, loadArchive, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { loadXwlbArticles } from '../xwlb.js';

interface Kept { chars: number; marks: number; kept: number }

function keptShares(archive: Archive): Kept[] {
  const matcher = getMatcher(archive);
  return archive.articles.map((a) => {
    let marks = 0;
    const terms = new Set<string>();
    for (const block of [a.title, ...a.paragraphs]) {
      for (const m of matcher.findAll(block)) {
        marks++;
        terms.add(m.termId);
      }
    }
    return { chars: articleBody(a).length + a.title.length, marks, kept: terms.size };
  });
}

function row(label: string, all: Kept[], minChars: number): (string | number)[] {
  const xs = all.filter((k) => k.chars >= minChars && k.marks >= 4).map((k) => k.kept / k.marks);
  if (!xs.length) return [label, `≥ ${minChars}`, 0, 'n/a', 'n/a', 'n/a', 'n/a'];
  const halved = xs.filter((x) => x <= 0.5).length / xs.length;
  return [label, `≥ ${minChars}`, xs.length, fmt(percentile(xs, 25), 2), fmt(percentile(xs, 50), 2), fmt(percentile(xs, 75), 2), `${(halved * 100).toFixed(0)} %`];
}

export async function run(): Promise<SuiteResult> {
  const title = 'Browser extension: marks kept by "first mention only"';
  const seeds = await loadDefaultArchive();
  const seedKept = keptShares(seeds);
  const first = seedKept[0]!;
  const rows = [
    ['seeds: the regional e2e page\'s article', `${first.chars}`, 1, '', fmt(first.kept / first.marks, 2), '', first.kept / first.marks <= 0.5 ? '100 %' : '0 %'],
    row('seeds', seedKept, 1000),
    row('seeds', seedKept, 1500),
  ];
  const stories = loadXwlbArticles();
  if (stories) {
    const xwlb = loadArchive(JSON.parse(JSON.stringify(buildBundle({ articles: stories }, { name: 'xwlb' }))));
    const kept = keptShares(xwlb);
    for (const min of [500, 1000, 1500, 2500]) rows.push(row('xwlb', kept, min));
  }
  const body = table(['archive', 'characters', 'articles (≥ 4 marks)', 'p25 kept', 'median kept', 'p75 kept', 'articles halved or better'], rows)
    + (stories ? '' : '\n\nxwlb rows skipped: ../shared/data/xwlb is absent.');
  return { title, body };
}
