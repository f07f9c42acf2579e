/**
 * Section checksums (bundle format 2). Damage that keeps a section's shape —
 * a changed digit in the search index's lengths — passed every shape check
 * and silently changed results (12 of 43 queries on the seed archive). Each
 * section is hashed over its JSON text as `serializeBundle` writes it, and the
 * hashes travel in `checksums`; on load, the text each member occupies is
 * hashed again (no re-serialising), and only a member whose text differs —
 * hand-reformatted, or damaged — is re-serialised and checked once more.
 *
 * The hash is 32-bit FNV-1a over UTF-16 code units: chosen by measuring on the
 * xwlb bundle (15.7 M characters of articles, 18.7 M of search index): about
 * 2× faster than the crc-32 package on the articles (which must encode to
 * UTF-8 first) and as fast on ASCII, streamable across the pieces a host reads,
 * and any single changed code unit always changes it (each step is a
 * bijection). It guards against accidents, not attackers.
 */
import { Blocks, topLevelMembers } from './json-slices.js';

export const CHECKSUM_HASH = 'fnv1a-32';

/** Characters hashed between yields (~10 ms). */
const HASH_STEP = 1 << 22;

/** FNV-1a over UTF-16 code units, fed in pieces. */
export class TextHash {
  private h = 0x811c9dc5;

  update(text: string, from = 0, to = text.length): this {
    let h = this.h;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    this.h = h;
    return this;
  }

  hex(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0');
  }
}

export const checksumOfText = (text: string): string => new TextHash().update(text).hex();

/**
 * The checksum of a value's JSON text, as JSON.stringify writes it.
 * `undefined` for values JSON leaves out.
 */
export function checksumOfValue(value: unknown): string | undefined {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : checksumOfText(text);
}

/** Hashes text[from, to) across blocks, yielding every HASH_STEP characters. */
function* hashRange(text: Blocks, from: number, to: number): Generator<void, string> {
  const hash = new TextHash();
  for (let at = from; at < to; ) {
    const b = text.find(at);
    const block = text.blocks[b]!;
    const base = text.starts[b]!;
    const end = Math.min(to, base + block.length, at + HASH_STEP);
    hash.update(block, at - base, end - base);
    at = end;
    yield;
  }
  return hash.hex();
}

/**
 * For each key in `expected`, whether the member's text in the bundle (or,
 * when it differs, the member re-serialised) has that checksum. `text` is the
 * bundle's JSON as read, or null for a bundle given as an object.
 */
export function* checksumsMatch(
  text: Blocks | null,
  bundle: Record<string, unknown>,
  expected: Record<string, string>,
): Generator<void, Map<string, boolean>> {
  const ranges = new Map<string, { from: number; to: number }>();
  if (text) for (const m of yield* topLevelMembers(text)) ranges.set(m.key, m); // the last of duplicate keys, as JSON.parse
  const result = new Map<string, boolean>();
  for (const [key, sum] of Object.entries(expected)) {
    if (key === 'hash') continue;
    const range = ranges.get(key);
    let ok = range !== undefined && (yield* hashRange(text!, range.from, range.to)) === sum;
    if (!ok && bundle[key] !== undefined) {
      // Not as serializeBundle wrote it (re-indented by an editor, or given as an object): the canonical text.
      ok = checksumOfValue(bundle[key]) === sum;
      yield;
    }
    result.set(key, ok);
  }
  return result;
}

export { Blocks };
