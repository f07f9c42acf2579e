import { BUNDLE_VERSION, type Bundle } from './format.js';
import { BundleError } from './errors.js';

type Migration = (bundle: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades, one version at a time, bundles written by older Jianbao releases.
 * `MIGRATIONS[n]` turns version n into n + 1. Version 1 is the first release,
 * so there is nothing to migrate yet; the table is where the next change goes.
 */
const MIGRATIONS: Record<number, Migration> = {};

export function migrate(raw: Record<string, unknown>): Bundle {
  let bundle = raw;
  for (let v = bundle.version as number; v < BUNDLE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new BundleError('unsupported-version', `archive bundle version ${v} cannot be upgraded: rebuild it with \`jianbao build\``);
    bundle = { ...step(bundle), version: v + 1 };
  }
  return bundle as Bundle;
}
