/**
 * Checks a manifest (`{ "pages": { "<file>": { paper, date, pageNumber } } }`)
 * before it overrides anything: a wrong field is a clear error naming the
 * file and the field, never a silently wrong article.
 */
import type { Manifest } from './types.js';
import { dateProblem } from '../text/dates.js';

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export function validateManifest(value: unknown): Manifest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ManifestError('manifest: expected an object { "pages": { … } }');
  const pages = (value as { pages?: unknown }).pages;
  if (pages === undefined) return value as Manifest;
  if (pages === null || typeof pages !== 'object' || Array.isArray(pages)) throw new ManifestError('manifest.pages: expected an object keyed by file name');
  for (const [file, meta] of Object.entries(pages as Record<string, unknown>)) {
    const at = `manifest.pages["${file}"]`;
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw new ManifestError(`${at}: expected an object { paper, date, pageNumber }`);
    const { paper, date, pageNumber } = meta as Record<string, unknown>;
    if (paper !== undefined && (typeof paper !== 'string' || !paper.trim())) throw new ManifestError(`${at}.paper: expected a non-empty string`);
    if (date !== undefined && (typeof date !== 'string' || dateProblem(date))) {
      throw new ManifestError(`${at}.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got ${JSON.stringify(date)}`);
    }
    if (pageNumber !== undefined && (typeof pageNumber !== 'number' || !Number.isInteger(pageNumber) || pageNumber < 1)) {
      throw new ManifestError(`${at}.pageNumber: expected a positive integer, got ${JSON.stringify(pageNumber)}`);
    }
  }
  return value as Manifest;
}
