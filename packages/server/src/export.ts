import { buildBundle, createBundle, parseLexiconEdits, type Bundle, type SearchSection } from '@jianbao/core';
import type { Database } from './db/types.js';
import { readAllArticles, readText } from './ingest.js';
import { encodeVarints, mergeBlockRows } from './search/postings.js';

export interface ExportOptions {
  /** ISO date or prefix, inclusive (as search's --from/--to): only articles dated in the range. */
  from?: string;
  to?: string;
  name?: string;
}

/**
 * The archive as a bundle for offline use (the extensions, `jianbao search
 * --archive`). The whole archive is assembled from what is stored — articles,
 * lexicon and matcher sections, the search postings in archive order — so it
 * is the same bundle `jianbao build` makes of the same articles; a date range
 * is a new archive of those articles, built by core.
 */
export async function exportBundle(db: Database, options: ExportOptions = {}): Promise<Bundle> {
  return db.transaction(async (tx) => {
    const [state] = await tx.query<{ name: string }>('SELECT name FROM archive WHERE id = 1');
    const name = options.name ?? state?.name ?? 'archive';
    if (options.from || options.to) {
      const all = await readAllArticles(tx);
      const inRange = all.filter((a) => {
        if (!a.date) return false;
        if (options.from && a.date.slice(0, options.from.length) < options.from) return false;
        if (options.to && a.date.slice(0, options.to.length) > options.to) return false;
        return true;
      });
      const edits = (await readText(tx, 'edits')) ?? '';
      return buildBundle({ articles: inRange }, { name, lexiconEdits: edits ? parseLexiconEdits(edits) : undefined });
    }
    const articles = await readAllArticles(tx);
    const bundle = createBundle(articles, { name });
    const sections = await tx.query<{ name: string; body: string }>("SELECT name, body FROM sections WHERE name IN ('lexicon', 'matcher', 'skeleton')");
    const byName = new Map(sections.map((s) => [s.name, s.body]));
    if (byName.has('lexicon')) bundle.lexicon = JSON.parse(byName.get('lexicon')!);
    if (byName.has('matcher')) bundle.matcher = JSON.parse(byName.get('matcher')!);
    const skeleton = byName.get('skeleton');
    if (skeleton) bundle.search = await assembleSearchSection(tx, JSON.parse(skeleton) as SearchSection);
    return bundle;
  });
}

async function assembleSearchSection(tx: Pick<Database, 'query'>, skeleton: SearchSection): Promise<SearchSection> {
  const rows = new Map<string, { block: number; data: Uint8Array }[]>();
  for (const r of await tx.query<{ term: string; block: number; data: Uint8Array }>('SELECT term, block, data FROM postings')) {
    let list = rows.get(r.term);
    if (!list) rows.set(r.term, (list = []));
    list.push(r);
  }
  const data = new Map([...rows].map(([t, list]) => [t, mergeBlockRows(list)] as const));
  const terms = skeleton.terms ? skeleton.terms.split('\n') : [];
  const parts: Uint8Array[] = [];
  const sizes: number[] = [];
  for (const t of terms) {
    const d = data.get(t);
    if (!d) throw new Error(`the stored search postings lack the term ${JSON.stringify(t)}: re-run jianbao ingest`);
    parts.push(d);
    sizes.push(d.length);
  }
  return { ...skeleton, sizes: Buffer.from(encodeVarints(sizes)).toString('base64'), postings: Buffer.concat(parts).toString('base64') };
}
