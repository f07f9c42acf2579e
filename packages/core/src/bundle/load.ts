import { runSteps, runStepsInSlices } from '../host.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './format.js';
import { Blocks, parseJsonPiecesSteps, parseJsonSteps, type ScanStats } from './json-slices.js';
import { CHECKSUM_HASH, checksumsMatch } from './checksum.js';
import { CHECKSUMMED } from './create.js';
import { BundleError } from './errors.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { migrate } from './migrate.js';
import { validateArticle } from './validate.js';
import { dropDamagedSections } from './sections.js';
import { isIsoDateOrPart } from '../text/dates.js';

export interface ParseBundleOptions {
  /** Non-fatal problems, e.g. a damaged optional section that is dropped and rebuilt from the articles. */
  onWarning?: (message: string) => void;
}

/**
 * Parses and checks a bundle. Runs anywhere (no Node APIs): the CLI, the
 * extension's service worker and VS Code all load bundles through here.
 * Every failure is a BundleError whose message names the problem.
 */
export function parseBundle(input: string | unknown, options: ParseBundleOptions = {}): Bundle {
  return runSteps(parseSteps(input, options, false));
}

/**
 * The same, in slices that yield to the event loop (about 10 ms each): the
 * 70 MB xwlb bundle takes over a second to parse and check, which in one piece
 * would freeze a VS Code extension host or a service worker.
 */
export function parseBundleAsync(input: string | unknown, options: ParseBundleOptions = {}): Promise<Bundle> {
  return runStepsInSlices(parseSteps(input, options, true));
}

/**
 * The same for a bundle's text given in pieces, as a streaming decoder hands
 * them over: never joined into one string (see parseJsonPiecesSteps).
 */
export function parseBundlePiecesAsync(pieces: readonly string[], options: ParseBundleOptions = {}): Promise<Bundle> {
  return runStepsInSlices(parseSteps(new TextPieces(pieces), options, true));
}

class TextPieces {
  constructor(readonly pieces: readonly string[]) {}
}

function withoutBomPieces(pieces: readonly string[]): readonly string[] {
  const first = pieces.findIndex((p) => p.length > 0);
  return first < 0 ? pieces : pieces.map((p, i) => (i === first ? withoutBom(p) : p));
}

/** Articles validated between yields. */
const ARTICLES_PER_STEP = 256;

function* parseSteps(input: string | unknown, options: ParseBundleOptions, sliced: boolean): Generator<void, Bundle> {
  // The text as read, kept to check the sections' checksums against it.
  const read: ScanStats = { scanned: 0 };
  let value: unknown;
  if (input instanceof TextPieces) value = yield* parsePiecesInSlices(withoutBomPieces(input.pieces), read);
  else if (typeof input === 'string') {
    const text = withoutBom(input);
    value = sliced ? yield* parseJsonInSlices(text, read) : parseJson(text);
    read.text ??= new Blocks([text]);
  } else value = input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BundleError('not-a-bundle', 'not a Jianbao archive bundle: expected a JSON object');
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== BUNDLE_FORMAT) {
    throw new BundleError('not-a-bundle', `not a Jianbao archive bundle: "format" is ${JSON.stringify(raw.format ?? null)}, expected "${BUNDLE_FORMAT}"`);
  }
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) {
    throw new BundleError('invalid', `invalid archive bundle: "version" must be a positive integer, got ${JSON.stringify(raw.version ?? null)}`);
  }
  if (raw.version > BUNDLE_VERSION) {
    throw new BundleError(
      'unsupported-version',
      `archive bundle version ${raw.version} is newer than this Jianbao understands (up to ${BUNDLE_VERSION}): update Jianbao or rebuild the archive`,
    );
  }
  // A shallow copy: dropping a damaged section must not change the caller's object.
  const bundle = { ...migrate(raw) } as Bundle;
  if (!Array.isArray(bundle.articles)) throw new BundleError('invalid', 'invalid archive bundle: "articles" must be an array');
  for (let i = 0; i < bundle.articles.length; i++) {
    validateArticle(bundle.articles[i], i);
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
  }
  const ids = new Set<string>();
  for (const a of bundle.articles) {
    if (ids.has(a.id)) throw new BundleError('invalid', `invalid archive bundle: duplicate article id ${a.id}`);
    ids.add(a.id);
  }
  if (typeof bundle.meta !== 'object' || bundle.meta === null || Array.isArray(bundle.meta)) {
    throw new BundleError('invalid', 'invalid archive bundle: "meta" must be an object { name, articleCount, papers, dateRange, generator }');
  }
  if (bundle.meta.articleCount !== bundle.articles.length) {
    throw new BundleError(
      'invalid',
      `invalid archive bundle: meta.articleCount says ${String(bundle.meta.articleCount)} but it holds ${bundle.articles.length} articles (damaged or edited by hand?)`,
    );
  }
  if (typeof bundle.meta.name !== 'string') throw new BundleError('invalid', 'invalid archive bundle: meta.name must be a string');
  // Hosts show papers and the date range (status bar, filters): wrong types there would break them later.
  if (!Array.isArray(bundle.meta.papers) || !bundle.meta.papers.every((p) => typeof p === 'string')) {
    throw new BundleError('invalid', 'invalid archive bundle: meta.papers must be an array of strings');
  }
  const range = bundle.meta.dateRange;
  if (range !== null && (!Array.isArray(range) || range.length !== 2 || !range.every((d) => typeof d === 'string' && isIsoDateOrPart(d)))) {
    throw new BundleError('invalid', 'invalid archive bundle: meta.dateRange must be null or [from, to], dates YYYY-MM-DD, YYYY-MM or YYYY');
  }
  for (const warning of yield* dropDamagedSections(bundle, bundle.articles.map((a) => a.id))) options.onWarning?.(warning);
  if (raw.version >= 2) for (const warning of yield* verifyChecksums(bundle, read.text ?? null, raw.articles)) options.onWarning?.(warning);
  delete bundle.checksums;
  return bundle;
}

/**
 * Format 2 on: the articles must match their checksum (else the bundle is
 * refused: they cannot be rebuilt); an optional section that does not match,
 * or has none, is dropped and rebuilt with a warning. Bundles read from text
 * must carry checksums; a bundle given as an object (built in memory, never
 * written) is checked only if it has them.
 */
function* verifyChecksums(bundle: Bundle, text: Blocks | null, writtenArticles: unknown): Generator<void, string[]> {
  const sums = bundle.checksums;
  const valid = typeof sums === 'object' && sums !== null && !Array.isArray(sums) && sums.hash === CHECKSUM_HASH &&
    Object.values(sums).every((v) => typeof v === 'string');
  if (!valid) {
    if (!text && sums === undefined) return [];
    throw new BundleError('damaged', `archive bundle is damaged: its "checksums" are missing or unreadable (format ${bundle.version} needs them): rebuild it or restore a good copy`);
  }
  const present = Object.keys(bundle).filter((key) => CHECKSUMMED.has(key) && bundle[key] !== undefined);
  const expected: Record<string, string> = {};
  for (const key of present) if (typeof sums[key] === 'string') expected[key] = sums[key];
  // The articles as written: a migration (format 2 → 3 adds pageNumber) changes them after they were summed.
  const match = yield* checksumsMatch(text, { ...bundle, articles: writtenArticles }, expected);
  if (match.get('articles') !== true) {
    throw new BundleError(
      'damaged',
      'archive bundle is damaged: its articles do not match their checksum (changed after it was built): rebuild it or restore a good copy',
    );
  }
  const warnings: string[] = [];
  for (const key of present) {
    if (key === 'articles' || match.get(key) === true) continue;
    delete bundle[key];
    const why = key in expected ? 'its checksum does not match' : 'it has no checksum';
    warnings.push(`section "${key}" is damaged (${why}): it will be rebuilt from the articles`);
  }
  return warnings;
}

/** JSON.parse in slices; any text it cannot take apart goes through parseJson, which names the problem. */
function* parseJsonInSlices(text: string, read: ScanStats): Generator<void, unknown> {
  if (text.trim() === '') return parseJson(text);
  try {
    return yield* parseJsonSteps(text, undefined, read);
  } catch {
    read.text = new Blocks([text]);
    return parseJson(text);
  }
}

/** The same for pieces; on any failure the joined text goes through parseJson, which names the problem. */
function* parsePiecesInSlices(pieces: readonly string[], read: ScanStats): Generator<void, unknown> {
  if (pieces.every((p) => p.trim() === '')) return parseJson(pieces.join(''));
  try {
    return yield* parseJsonPiecesSteps(pieces, undefined, undefined, read);
  } catch {
    const text = pieces.join('');
    read.text = new Blocks([text]);
    return parseJson(text);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new BundleError('empty', 'archive bundle is empty');
  if (looksUtf16(text)) {
    throw new BundleError('not-json', 'archive bundle is UTF-16 text, not UTF-8: convert it to UTF-8 (bundles written by `jianbao build` are UTF-8)');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found?.atEnd) throw new BundleError('truncated', `archive bundle is truncated (the JSON ends early after ${text.length} characters)`);
    if (found) {
      const near = JSON.stringify(text.slice(found.at, found.at + 24));
      throw new BundleError('not-json', `archive bundle is not valid JSON at line ${found.line}, column ${found.column}: expected ${found.expected}, found ${near}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new BundleError('not-json', `archive bundle is not valid JSON: ${message.split('\n')[0]}`);
  }
}

/**
 * UTF-16 read as UTF-8: its byte-order mark becomes two U+FFFD, and every
 * ASCII character (all of a bundle's punctuation) carries a NUL.
 */
function looksUtf16(text: string): boolean {
  const head = text.slice(0, 64);
  return head.startsWith('\uFFFD\uFFFD') || head.includes('\u0000');
}

/** A UTF-8 byte-order mark (Windows editors write one) is no part of the JSON. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
