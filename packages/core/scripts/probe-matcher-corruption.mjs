// Probe (issue 16, item 1): change one character of the seed bundle's matcher
// section at N random positions (fixed seed) and count what an import does with
// each: refused, accepted with a warning (rebuilt), accepted and marking then
// fails (the bug), accepted and marks silently differ. Run after `pnpm build`:
//   node packages/core/scripts/probe-matcher-corruption.mjs [N=160] [seed=16]
import bundleText from '../dist/default-archive.generated.js';
import { loadArchive, matcherSectionOf, loadMatcher } from '../dist/index.js';

const N = Number(process.argv[2] ?? 160);
let seed = Number(process.argv[3] ?? 16) >>> 0;
const random = () => { // mulberry32
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const start = bundleText.indexOf('"matcher":{');
const end = bundleText.indexOf('}', start) + 1;
if (start < 0) throw new Error('no matcher section in the seed bundle');
// Mostly base64 characters (damage that keeps the section's shape), some JSON punctuation.
const REPLACEMENTS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=/AQ"{}:,';
const texts = loadArchive(bundleText).articles.map((a) => [a.title, ...a.paragraphs].join('\n'));
const marksOf = (section) => {
  const m = loadMatcher(section);
  return texts.map((t) => m.findAll(t).map((x) => `${x.start}-${x.end}:${x.termId}`).join(',')).join('|');
};
const original = marksOf(matcherSectionOf(loadArchive(bundleText)));
const counts = { refused: 0, warnedRebuilt: 0, acceptedFailedAtMarking: 0, acceptedMarksDiffer: 0, acceptedSame: 0, unchanged: 0 };
for (let i = 0; i < N; i++) {
  const at = start + 11 + Math.floor(random() * (end - start - 11));
  let c = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
  if (c === bundleText[at]) c = c === 'A' ? 'B' : 'A';
  const text = bundleText.slice(0, at) + c + bundleText.slice(at + 1);
  const warnings = [];
  let archive;
  try {
    archive = loadArchive(text, { onWarning: (w) => warnings.push(w) });
  } catch {
    counts.refused++;
    continue;
  }
  if (warnings.some((w) => w.includes('"matcher"'))) counts.warnedRebuilt++;
  let marks;
  try {
    marks = marksOf(matcherSectionOf(archive));
  } catch (e) {
    counts.acceptedFailedAtMarking++;
    if (process.env.VERBOSE) console.log(at, JSON.stringify(c), String(e.message));
    continue;
  }
  if (warnings.some((w) => w.includes('"matcher"'))) continue;
  if (process.env.VERBOSE && marks !== original) console.log("differs:", bundleText.slice(start, at).match(/"(\w+)":[^"]*"?[^"]*$/)?.[1], at - start);
  if (marks === original) counts.acceptedSame++;
  else counts.acceptedMarksDiffer++;
}
console.log(JSON.stringify({ corruptions: N, sectionLength: end - start, ...counts }));
