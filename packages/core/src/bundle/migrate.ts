import { BUNDLE_VERSION, type Bundle } from './format.js';
import { BundleError } from './errors.js';
import { pageNumberFromName } from '../parse/page-number.js';

type Migration = (bundle: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades, one version at a time, bundles written by older Jianbao releases.
 * `MIGRATIONS[n]` turns version n into n + 1.
 */
const MIGRATIONS: Record<number, Migration> = {
  // Version 2 added per-section checksums; a version 1 bundle has none, so it loads unverified (as it always did).
  1: (bundle) => {
    const { checksums: _ignored, ...rest } = bundle;
    return rest;
  },
  // Version 3 added the article's pageNumber (版次). The manifest that stated it is gone; the page's file name may state it.
  2: (bundle) => {
    const articles = Array.isArray(bundle.articles) ? bundle.articles : [];
    return {
      ...bundle,
      articles: articles.map((a: unknown) =>
        a && typeof a === 'object' && !Array.isArray(a) && !('pageNumber' in a)
          ? { ...(a as Record<string, unknown>), pageNumber: pageNumberFromName((a as { page?: unknown }).page) }
          : a),
    };
  },
};

export function migrate(raw: Record<string, unknown>): Bundle {
  let bundle = raw;
  for (let v = bundle.version as number; v < BUNDLE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new BundleError('unsupported-version', `archive bundle version ${v} cannot be upgraded: rebuild it with \`jianbao build\``);
    bundle = { ...step(bundle), version: v + 1 };
  }
  return bundle as Bundle;
}
