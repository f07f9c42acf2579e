import { loadArchive, type Archive } from './archive.js';

let cached: Promise<Archive> | undefined;

/**
 * The embedded default archive (the seed pages), built into the package at
 * build time by scripts/build-default-archive.mjs. Loaded lazily: a content
 * script or a CLI call that does not need it never parses it.
 */
export function loadDefaultArchive(): Promise<Archive> {
  cached ??= import('./default-archive.generated.js').then((m: { default: string }) => loadArchive(m.default));
  return cached;
}

/** The default bundle's JSON text, for hosts that store or forward it. */
export async function defaultBundleText(): Promise<string> {
  return (await import('./default-archive.generated.js')).default;
}
