import type { Archive } from '../archive.js';
import { fieldTexts, type SearchIndex } from './search-index.js';

/**
 * Of several readings of a pinyin query, the one the archive contains most
 * often as a phrase: a reading whose bigrams are each common can still be no
 * phrase at all (前完工程 for qianwan gongcheng), so each is checked in the
 * text of up to 20 articles that have all its bigrams.
 */
export function bestReading(archive: Archive, index: SearchIndex, readings: string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const reading of readings) {
    let docs: Set<number> | null = null;
    for (let k = 0; k + 1 < reading.length && (!docs || docs.size); k++) {
      const t = index.find(reading.slice(k, k + 2));
      const here = new Set<number>();
      if (t >= 0) for (const list of index.postings(t).docs) for (const d of list) if (!docs || docs.has(d)) here.add(d);
      docs = here;
    }
    let count = 0;
    for (const doc of [...(docs ?? [])].slice(0, 20)) {
      const article = archive.get(index.docs[doc]!);
      if (article && fieldTexts(article).some((t) => t.includes(reading))) count++;
    }
    if (count > bestCount) {
      best = reading;
      bestCount = count;
    }
  }
  return best ?? readings[0] ?? null;
}
