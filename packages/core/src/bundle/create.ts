import { toContractArticle, type Article } from '../article.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './format.js';

export const GENERATOR = 'jianbao 0.1.0';

export interface CreateBundleOptions {
  name: string;
}

/** Assembles a bundle from parsed articles. Deterministic: same articles, same bytes. */
export function createBundle(articles: Article[], options: CreateBundleOptions): Bundle {
  const contract = articles.map(toContractArticle);
  const papers = [...new Set(contract.map((a) => a.paper).filter((p): p is string => !!p))].sort();
  const dates = contract.map((a) => a.date).filter((d): d is string => !!d).sort();
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: {
      name: options.name,
      articleCount: contract.length,
      papers,
      dateRange: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null,
      generator: GENERATOR,
    },
    articles: contract,
  };
}

export function serializeBundle(bundle: Bundle): string {
  return JSON.stringify(bundle);
}
