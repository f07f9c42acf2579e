/**
 * The optional sections (search, lexicon, matcher) are caches of what the
 * articles already hold: each can be rebuilt from them. So a section whose
 * top-level shape is wrong — hand-edited, damaged, or written by a build we
 * do not understand — is dropped on load (the owning module rebuilds it
 * lazily) with a warning naming the section, rather than failing later with
 * an obscure TypeError deep inside search or the matcher. The checks here are
 * shape only (field types, base64 text, array lengths that must agree with
 * the articles); each module still validates its own contents.
 */
import { fromBase64 } from '../search/codec.js';
import { MATCHER_SECTION_VERSION } from '../matcher/types.js';
import { readMatcherSection } from '../matcher/validate.js';
import { TERM_KINDS } from '../lexicon/types.js';

/**
 * Base64 text is checked a piece at a time, yielding between pieces: one test of
 * /^[A-Za-z0-9+/]*={0,2}$/ on the xwlb bundle's search postings took ~70 ms
 * (~170 ms in a busy VS Code extension host) in one piece. The same test:
 * up to two trailing "=", and only base64 characters before them.
 */
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
const BASE64_PIECE = 1 << 20;

export function* isBase64(text: string, piece = BASE64_PIECE): Generator<void, boolean> {
  let end = text.length;
  for (let pad = 0; pad < 2 && end > 0 && text.charCodeAt(end - 1) === 0x3d; pad++) end--;
  for (let i = 0; i < end; i += piece) {
    if (!BASE64_BODY.test(text.slice(i, Math.min(end, i + piece)))) return false;
    yield;
  }
  return true;
}

/** Length without trailing "=" (a regex /=+$/ scans the whole string: ~5 ms on the xwlb postings). */
function unpaddedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  return end;
}

/**
 * Sums `count` varints in base64 text, or null when the bytes do not hold
 * exactly that many complete varints (a varint running off the end would make
 * a reader loop, or read garbage).
 */
function varintSum(base64: string, count: number): number | null {
  const bytes = fromBase64(base64);
  let sum = 0;
  let n = 0;
  let value = 0;
  let scale = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      sum += value;
      n++;
      value = 0;
      scale = 1;
    } else scale *= 128;
  }
  return n === count && scale === 1 ? sum : null;
}

function isTerm(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.id === 'string' && typeof t.name === 'string' && (TERM_KINDS as readonly unknown[]).includes(t.kind) &&
    isStringArray(t.aliases) && Array.isArray(t.roles) && Array.isArray(t.mentions)
  );
}

type Check = (section: Record<string, unknown>, articleIds: readonly string[]) => Generator<void, string | null>;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function* strings(section: Record<string, unknown>, keys: readonly string[], base64: readonly string[]): Generator<void, string | null> {
  for (const key of keys) if (typeof section[key] !== 'string') return `"${key}" must be a string`;
  for (const key of base64) if (!(yield* isBase64(section[key] as string))) return `"${key}" is not base64`;
  return null;
}

const CHECKS: Record<string, Check> = {
  *search(s, ids) {
    if (typeof s.version !== 'number') return '"version" must be a number';
    if (typeof s.analyzer !== 'string') return '"analyzer" must be a string';
    if (!isStringArray(s.docs)) return '"docs" must be an array of article ids';
    const bad = yield* strings(s, ['lengths', 'terms', 'sizes', 'postings'], ['lengths', 'sizes', 'postings']);
    if (bad) return bad;
    // The index numbers documents by position: it must list exactly the bundle's articles.
    if (s.docs.length !== ids.length || s.docs.some((id, i) => id !== ids[i])) return '"docs" does not list the bundle\'s articles';
    // The varint streams must agree with the counts they are read by (3 field lengths per document, one size per term)
    // and the sizes with the postings' length: otherwise a query reads past the end.
    yield;
    if (varintSum(s.lengths as string, ids.length * 3) === null) return `"lengths" does not hold 3 lengths for each of ${ids.length} articles`;
    const terms = s.terms as string;
    let termCount = terms ? 1 : 0;
    for (let i = terms.indexOf('\n'); i >= 0; i = terms.indexOf('\n', i + 1)) termCount++;
    yield;
    const postings = varintSum(s.sizes as string, termCount);
    if (postings === null) return `"sizes" does not hold one size for each of ${termCount} terms`;
    if (postings !== Math.floor((unpaddedLength(s.postings as string) * 3) / 4)) return '"postings" is not as long as "sizes" says';
    return null;
  },
  *lexicon(s) {
    if (s.format !== 'jianbao-lexicon') return '"format" must be "jianbao-lexicon"';
    // The same test readLexiconSection makes: whatever it would refuse (and rebuild) is named here, not rebuilt in silence.
    if (s.version !== 1) return `"version" ${JSON.stringify(s.version ?? null)} is not one this Jianbao reads (1)`;
    if (!Array.isArray(s.terms)) return '"terms" must be an array';
    const i = s.terms.findIndex((t: unknown) => !isTerm(t));
    return i < 0 ? null : `terms[${i}] is not a term { id, name, kind (${TERM_KINDS.join(' / ')}), aliases, roles, mentions }`;
  },
  *matcher(s) {
    if (s.format !== 'jianbao-matcher') return '"format" must be "jianbao-matcher"';
    if (!isStringArray(s.kinds)) return '"kinds" must be an array of strings';
    if (!isStringArray(s.termIds)) return '"termIds" must be an array of strings';
    const bad = yield* strings(s, ['termKinds', 'alphabet', 'base', 'check', 'out', 'depth'], ['termKinds', 'base', 'check', 'out', 'depth']);
    if (bad || s.version !== MATCHER_SECTION_VERSION) return bad; // an older version is rebuilt anyway (matcherSectionOf)
    // The whole automaton, structurally: a section that passes the shape checks can still fail in every scan.
    try {
      yield* readMatcherSection(s);
      return null;
    } catch (error) {
      // Without the loader's own prefix: the warning already names the section.
      return (error instanceof Error ? error.message : String(error)).replace(/^matcher section(?: is damaged)?:\s*/, '');
    }
  },
};

/** Names of the sections this module knows the shape of. */
export const CHECKED_SECTIONS = Object.keys(CHECKS);

/**
 * Drops each known section whose shape is wrong; returns one message per
 * dropped section (`section "search" was damaged ("postings" must be a string): rebuilt from the articles`).
 * Resumable steps (parseSteps runs them in slices or in one go).
 */
export function* dropDamagedSections(bundle: Record<string, unknown>, articleIds: readonly string[]): Generator<void, string[]> {
  const warnings: string[] = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    const section = bundle[name];
    if (section === undefined) continue;
    let problem: string | null;
    if (section === null || typeof section !== 'object' || Array.isArray(section)) problem = 'not an object';
    else problem = yield* check(section as Record<string, unknown>, articleIds);
    if (problem) {
      delete bundle[name];
      warnings.push(`section "${name}" is damaged (${problem}): it will be rebuilt from the articles`);
    }
  }
  return warnings;
}
