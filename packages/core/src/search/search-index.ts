import { articleBody, type Article } from '../article.js';
import { isCjk, normalizeForSearch, visitIndexTerms, type AnalyzeOptions, type IndexTermSink } from '../text/analyze.js';
import { ByteWriter, fromBase64, fromBase64Async, readVarint, toBase64 } from './codec.js';
import { runSteps, yieldToHost } from '../host.js';

/**
 * The search index: an inverted index of the analyser's terms (Chinese
 * bigrams, Latin words, lexicon terms) over three fields, with BM25 scoring.
 *
 * Why not MiniSearch's own index: measured on the 19,876-story xwlb archive
 * (benchmarks/src/suites/search.ts, and by hand on this machine) MiniSearch
 * with this bigram analyser took 111 s to build, serialised to 68 MB of JSON
 * (1.8× MiniSearch's default-tokenizer JSON) and `loadJSON` took 40 s — every
 * posting becomes a JSON object key, then a Map entry, on load. Here the
 * postings are delta-encoded varints in one base64 string, decoded lazily per
 * query term, so loading is a split and a base64 decode. MiniSearch stays the
 * reference peer in the benchmark (and its BM25 parameters are the ones used).
 */


export const FIELDS = ['title', 'subtitle', 'body'] as const;
export type SearchField = (typeof FIELDS)[number];
/** Changes whenever analysis changes; a section built by another analyser is rebuilt. bigram-2: the fold keeps simplified characters (bigram-1 folded 群 to 羣). */
export const ANALYZER_ID = 'bigram-2';
/**
 * 2: the section carries `readings`, the tables a query's no-hit readings need (names by sound, characters by
 * syllable), which pinyin-pro took ~300 ms of every load to derive on the xwlb sample. Version 1 is read as it is:
 * its tables are derived at load, as before (the migration); a section of another version is rebuilt.
 */
export const SECTION_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** The no-hit readings' tables as the section carries them (names.ts and pinyin.ts write and read them). */
export interface ReadingTables {
  /** Names by their pinyin, letters only: "key\tname\tname…" lines, in the table's order. */
  sounds: string;
  /** Per syllable, its characters, most frequent first, and their frequencies: "syllable\tchars\tf,f,…" lines. */
  pinyin: string;
}

/** The serialised index: bundle section `search`. */
export interface SearchSection {
  version: number;
  analyzer: string;
  /** Article ids, by document number. */
  docs: string[];
  /** base64 varints: per document, the token count of each field. */
  lengths: string;
  /** Sorted terms joined by "\n" (terms never contain whitespace). */
  terms: string;
  /** base64 varints: per term, the byte length of its postings. */
  sizes: string;
  /** base64 postings: per term, the document count of each field, then per field (docDelta·2 + [tf>1], [tf−2]). */
  postings: string;
  /** Extra whole-token terms the index was built with (the lexicon's names), so queries are analysed alike. */
  wholeTerms?: string[];
  /** Version 2: the no-hit readings' tables, made at build time (absent: derived at load). */
  readings?: ReadingTables;
}

/** The texts of each field as indexed (and as snippets and phrase checks see them). */
export function fieldTexts(a: Article): [string, string, string] {
  return [a.title, fieldText(a, 1), fieldText(a, 2)];
}

/** One of them alone (the body is joined from its paragraphs on each call: a check of the title need not). */
export function fieldText(a: Article, field: number): string {
  if (field === 0) return a.title;
  if (field === 1) return [a.subtitle, a.section, a.byline, a.source].filter((s): s is string => !!s).join('\n');
  return articleBody(a);
}

/**
 * The sorted vocabulary as one string and an array of where each term starts:
 * splitting 400,000 terms into strings on load costs more than the rest of
 * loading together, and a lookup only needs ~19 slices.
 */
export class TermList {
  readonly length: number;
  private readonly starts: Uint32Array;

  constructor(readonly joined: string) {
    let count = joined ? 1 : 0;
    for (let i = joined.indexOf('\n'); i >= 0; i = joined.indexOf('\n', i + 1)) count++;
    this.length = count;
    this.starts = new Uint32Array(count + 1);
    let k = 0;
    if (joined) {
      for (let i = joined.indexOf('\n'); i >= 0; i = joined.indexOf('\n', i + 1)) this.starts[++k] = i + 1;
    }
    this.starts[count] = joined.length + 1;
  }

  static of(sortedTerms: readonly string[]): TermList {
    return new TermList(sortedTerms.join('\n'));
  }

  get(i: number): string {
    return this.joined.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }

  /** Term i compared with `term` in code-unit order (as `<` and sort() compare strings), without slicing it out. */
  compare(i: number, term: string): number {
    const joined = this.joined;
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - start;
    const n = Math.min(length, term.length);
    for (let k = 0; k < n; k++) {
      const d = joined.charCodeAt(start + k) - term.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - term.length;
  }

  /** The term starting at `position` of `joined` (a position just after a "\n", or 0), by its start: no string comparisons. */
  termAt(position: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.length && this.starts[lo] === position ? lo : -1;
  }

  /** Term i starts with `prefix`. */
  startsWith(i: number, prefix: string): boolean {
    const start = this.starts[i]!;
    return this.starts[i + 1]! - 1 - start >= prefix.length && this.joined.startsWith(prefix, start);
  }
}

export interface Postings {
  /** Per field: document numbers (ascending) and term frequencies. */
  docs: Uint32Array[];
  tfs: Uint16Array[];
}

export class SearchIndex {
  readonly docCount: number;
  readonly avgLength: number[];
  private idToDoc: Map<string, number> | undefined;
  /**
   * The no-hit readings' tables in their serialised form: carried by the section, or written by names.ts and
   * pinyin.ts once they have derived them, so that toSection can carry them.
   */
  readonly readings: Partial<ReadingTables> = {};

  constructor(
    readonly docs: string[],
    /** 3 per document. */
    readonly lengths: Uint32Array,
    readonly terms: TermList,
    /** starts[i]..starts[i+1] is term i's postings in `bytes`. */
    readonly starts: Uint32Array,
    readonly bytes: Uint8Array,
    /** The extra whole-token terms (lexicon names) indexed besides the bigrams; queries use the same list. */
    readonly wholeTerms: readonly string[] = [],
  ) {
    this.docCount = docs.length;
    this.avgLength = FIELDS.map((_, f) => {
      let sum = 0;
      for (let d = 0; d < docs.length; d++) sum += lengths[d * 3 + f]!;
      return docs.length ? sum / docs.length : 0;
    });
  }

  docOf(articleId: string): number | undefined {
    this.idToDoc ??= new Map(this.docs.map((id, i) => [id, i]));
    return this.idToDoc.get(articleId);
  }

  /**
   * Terms looked up before, with their numbers: a query asks for each of its tokens three times (planning,
   * scoring, postings), and the same common bigrams recur across queries. Each binary search over the vocabulary
   * string reads ~19 far-apart places in it, each a cache miss once other work has run: ~a tenth of a slow query.
   */
  private readonly found = new Map<string, number>();
  static readonly FIND_CACHE_ENTRIES = 1 << 16;

  /** The term's number, or -1. */
  find(term: string): number {
    const known = this.found.get(term);
    if (known !== undefined) return known;
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms.compare(mid, term) < 0) lo = mid + 1;
      else hi = mid;
    }
    const at = lo < this.terms.length && this.terms.compare(lo, term) === 0 ? lo : -1;
    if (this.found.size >= SearchIndex.FIND_CACHE_ENTRIES) this.found.clear();
    this.found.set(term, at);
    return at;
  }

  /** Term numbers [from, to) of the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms.compare(mid, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    // The terms with the prefix are contiguous from lo: binary search for the first one past them.
    let end = lo;
    hi = this.terms.length;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (this.terms.startsWith(mid, prefix)) end = mid + 1;
      else hi = mid;
    }
    return [lo, end];
  }

  /** Documents containing the term, per field. */
  fieldCounts(termIndex: number): [number, number, number] {
    const pos = { at: this.starts[termIndex]! };
    return [readVarint(this.bytes, pos), readVarint(this.bytes, pos), readVarint(this.bytes, pos)];
  }

  documentFrequency(termIndex: number): number {
    const [a, b, c] = this.fieldCounts(termIndex);
    return Math.max(a, b, c);
  }

  /**
   * Decoded postings of long lists, most recently used last. The commonest
   * bigrams (发展, 中国, 习近平) recur in most queries and their lists are
   * thousands of entries long: decoding them again was most of the scoring.
   * Bounded by entries (6 bytes each): at most 24 MB, which holds the long
   * lists a session of queries keeps coming back to on the 19,876-story
   * archive (4.8 M entries in lists of 32 or more; at 1 M, the bench queries
   * decoded the same lists again and again).
   */
  private readonly cache = new Map<number, Postings>();
  private cached = 0;
  static readonly CACHE_MIN_LENGTH = 32;
  static readonly CACHE_MAX_ENTRIES = 1 << 22;

  postings(termIndex: number): Postings {
    const hit = this.cache.get(termIndex);
    if (hit) {
      this.cache.delete(termIndex);
      this.cache.set(termIndex, hit);
      return hit;
    }
    const postings = this.decode(termIndex);
    const size = postings.docs[0]!.length + postings.docs[1]!.length + postings.docs[2]!.length;
    if (size >= SearchIndex.CACHE_MIN_LENGTH) {
      this.cache.set(termIndex, postings);
      this.cached += size;
      for (const [old, p] of this.cache) {
        if (this.cached <= SearchIndex.CACHE_MAX_ENTRIES) break;
        this.cache.delete(old);
        this.cached -= p.docs[0]!.length + p.docs[1]!.length + p.docs[2]!.length;
      }
    }
    return postings;
  }

  /**
   * Calls `visit(field, doc, tf)` for each posting of the term, in the order
   * of `postings` (field by field, documents ascending), decoding on the fly:
   * for callers that keep their own summary of many lists (no arrays made).
   * The varints are decoded inline here and in `decode`, not through readVarint:
   * its position object cost a measurable share of query time on long lists.
   */
  visitPostings(termIndex: number, visit: (field: number, doc: number, tf: number, fieldCount: number) => void): void {
    const bytes = this.bytes;
    let at = this.starts[termIndex]!;
    const counts = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      let b = bytes[at++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[at++]!;
        v += (b & 0x7f) * 2 ** shift;
      }
      counts[k] = v;
    }
    for (let field = 0; field < 3; field++) {
      const count = counts[field]!;
      let doc = 0;
      for (let i = 0; i < count; i++) {
        let b = bytes[at++]!;
        let v = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[at++]!;
          v += (b & 0x7f) * 2 ** shift;
        }
        doc += v >>> 1;
        let tf = 1;
        if (v & 1) {
          b = bytes[at++]!;
          tf = b & 0x7f;
          for (let shift = 7; b >= 0x80; shift += 7) {
            b = bytes[at++]!;
            tf += (b & 0x7f) * 2 ** shift;
          }
          tf += 2;
        }
        visit(field, doc, tf, count);
      }
    }
  }

  private decode(termIndex: number): Postings {
    const bytes = this.bytes;
    let at = this.starts[termIndex]!;
    const counts = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      let b = bytes[at++]!;
      let v = b & 0x7f;
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[at++]!;
        v += (b & 0x7f) * 2 ** shift;
      }
      counts[k] = v;
    }
    // One buffer of each kind for the three fields (views into it): a query decodes dozens of lists, and
    // every typed array with its own buffer is off-heap memory the collector must track and free.
    const allDocs = new Uint32Array(counts[0]! + counts[1]! + counts[2]!);
    const allTfs = new Uint16Array(allDocs.length);
    const docs: Uint32Array[] = [];
    const tfs: Uint16Array[] = [];
    let offset = 0;
    for (const count of counts) {
      const d = allDocs.subarray(offset, offset + count);
      const t = allTfs.subarray(offset, offset + count);
      offset += count;
      let doc = 0;
      for (let i = 0; i < count; i++) {
        // Varints inline, one byte the common case: doc deltas·2 and term frequencies fit in 32 bits.
        let b = bytes[at++]!;
        let v = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = bytes[at++]!;
          v += (b & 0x7f) * 2 ** shift;
        }
        doc += v >>> 1;
        d[i] = doc;
        if (v & 1) {
          b = bytes[at++]!;
          let tf = b & 0x7f;
          for (let shift = 7; b >= 0x80; shift += 7) {
            b = bytes[at++]!;
            tf += (b & 0x7f) * 2 ** shift;
          }
          t[i] = tf + 2;
        } else t[i] = 1;
      }
      docs.push(d);
      tfs.push(t);
    }
    return { docs, tfs };
  }

  toSection(): SearchSection {
    const lengths = new ByteWriter();
    for (const n of this.lengths) lengths.varint(n);
    const sizes = new ByteWriter();
    for (let i = 0; i < this.terms.length; i++) sizes.varint(this.starts[i + 1]! - this.starts[i]!);
    return {
      version: SECTION_VERSION,
      analyzer: ANALYZER_ID,
      docs: this.docs,
      lengths: toBase64(lengths.bytes()),
      terms: this.terms.joined,
      sizes: toBase64(sizes.bytes()),
      postings: toBase64(this.bytes),
      ...(this.wholeTerms.length ? { wholeTerms: [...this.wholeTerms] } : {}),
      ...(this.readings.sounds !== undefined && this.readings.pinyin !== undefined ? { readings: { sounds: this.readings.sounds, pinyin: this.readings.pinyin } } : {}),
    };
  }
}

/** Builds the index of a list of articles. */
export function buildSearchIndex(articles: readonly Article[], options: AnalyzeOptions = {}): SearchIndex {
  return runSteps(buildSearchIndexSteps(articles, options));
}

/** buildSearchIndex as resumable steps (an article, or a few thousand terms, each), for runStepsInSlices. */
export function* buildSearchIndexSteps(articles: readonly Article[], options: AnalyzeOptions = {}): Generator<void, SearchIndex> {
  // Term ids: bigrams by their two code units as one number (no string per occurrence), other terms by text.
  const bigramIds = new CodeMap();
  const termIds = new Map<string, number>();
  // Per term, flat [doc·4 + field, tf, …] in document order.
  const lists: number[][] = [];
  const lengths = new Uint32Array(articles.length * 3);
  // This field's count per term id, and the ids it has counted (in first-seen order).
  let tf = new Uint32Array(1 << 16);
  const seen: number[] = [];
  const count = (id: number): void => {
    if (id >= tf.length) {
      const grown = new Uint32Array(tf.length * 2);
      grown.set(tf);
      tf = grown;
    }
    const n = tf[id]!;
    tf[id] = n + 1;
    if (n === 0) seen.push(id);
  };
  const sink: IndexTermSink = {
    bigram(code) {
      let id = bigramIds.get(code);
      if (id < 0) {
        id = lists.length;
        bigramIds.set(code, id);
        lists.push([]);
      }
      count(id);
    },
    term(term) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = lists.length;
        termIds.set(term, id);
        lists.push([]);
      }
      count(id);
    },
  };
  for (const [doc, article] of articles.entries()) {
    fieldTexts(article).forEach((text, field) => {
      if (!text) return;
      lengths[doc * 3 + field] = visitIndexTerms(normalizeForSearch(text).text, options, sink);
      for (const id of seen) {
        lists[id]!.push(doc * 4 + field, tf[id]!);
        tf[id] = 0;
      }
      seen.length = 0;
    });
    yield;
  }
  const idOf = (term: string): number =>
    term.length === 2 && isCjk(term.charCodeAt(0)) && isCjk(term.charCodeAt(1)) ? bigramIds.get(term.charCodeAt(0) * 0x10000 + term.charCodeAt(1)) : termIds.get(term)!;
  const sorted: string[] = [...termIds.keys()];
  bigramIds.forEachKey((code) => sorted.push(String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)));
  sorted.sort();
  yield;
  const writer = new ByteWriter();
  const starts = new Uint32Array(sorted.length + 1);
  for (const [i, term] of sorted.entries()) {
    if (i % 4096 === 4095) yield;
    starts[i] = writer.length;
    const list = lists[idOf(term)]!;
    const counts = [0, 0, 0];
    for (let k = 0; k < list.length; k += 2) counts[list[k]! & 3]!++;
    for (const c of counts) writer.varint(c);
    for (let field = 0; field < 3; field++) {
      if (!counts[field]) continue;
      let last = 0;
      for (let k = 0; k < list.length; k += 2) {
        if ((list[k]! & 3) !== field) continue;
        const doc = list[k]! >>> 2;
        const n = list[k + 1]!;
        writer.varint((doc - last) * 2 + (n > 1 ? 1 : 0));
        if (n > 1) writer.varint(Math.min(n, 0xffff) - 2);
        last = doc;
      }
    }
  }
  starts[sorted.length] = writer.length;
  const whole = [...new Set(options.terms ?? [])].sort();
  return new SearchIndex(articles.map((a) => a.id), lengths, TermList.of(sorted), starts, writer.bytes().slice(), whole);
}

/**
 * Non-zero 32-bit keys to non-negative ids, open addressing in typed arrays: a bigram's code (two code units in
 * one number) is past V8's small-integer range, so as a Map key every lookup boxed and hashed a double.
 */
class CodeMap {
  private keys = new Uint32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  /** The id of `key`, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.keys[slot] === 0) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  forEachKey(visit: (key: number) => void): void {
    for (const k of this.keys) if (k !== 0) visit(k);
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

function checkSection(section: unknown): asserts section is SearchSection {
  const s = section as Partial<SearchSection> | null;
  if (!s || typeof s !== 'object' || !Array.isArray(s.docs) || typeof s.terms !== 'string' || typeof s.postings !== 'string' || typeof s.sizes !== 'string' || typeof s.lengths !== 'string') {
    throw new Error('invalid search section: expected { version, analyzer, docs, lengths, terms, sizes, postings }');
  }
}

/** True when a bundle's `search` section was written by this analyser and format (otherwise it is rebuilt). */
export function isCurrentSection(section: unknown): boolean {
  const s = section as Partial<SearchSection> | null;
  return !!s && typeof s === 'object' && READABLE_VERSIONS.includes(s.version as number) && s.analyzer === ANALYZER_ID;
}

function wholeTermsOf(section: SearchSection): string[] {
  const w = section.wholeTerms;
  return Array.isArray(w) && w.every((t) => typeof t === 'string') ? w : [];
}

/** The carried tables when they are well formed (else they are derived at load, as for version 1). */
function withReadings(index: SearchIndex, section: SearchSection): SearchIndex {
  const r = section.readings as Partial<ReadingTables> | undefined;
  if (section.version >= 2 && r && typeof r === 'object' && typeof r.sounds === 'string' && typeof r.pinyin === 'string') {
    index.readings.sounds = r.sounds;
    index.readings.pinyin = r.pinyin;
  }
  return index;
}

function decodeVarints(base64: string, count: number): Uint32Array {
  const bytes = fromBase64(base64);
  const out = new Uint32Array(count);
  const pos = { at: 0 };
  for (let i = 0; i < count; i++) out[i] = readVarint(bytes, pos);
  return out;
}

/** Loads a serialised index synchronously. */
export function searchIndexFromSection(section: unknown): SearchIndex {
  checkSection(section);
  const terms = new TermList(section.terms);
  const sizes = decodeVarints(section.sizes, terms.length);
  const starts = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) starts[i + 1] = starts[i]! + sizes[i]!;
  return withReadings(new SearchIndex(section.docs, decodeVarints(section.lengths, section.docs.length * 3), terms, starts, fromBase64(section.postings), wholeTermsOf(section)), section);
}

/**
 * Loads a serialised index without holding the thread for long: the same work
 * as `searchIndexFromSection`, with a yield to the event loop between steps
 * (each step is one split or one base64 decode: tens of milliseconds on the
 * large archive, see the benchmark).
 */
export async function searchIndexFromSectionAsync(section: unknown): Promise<SearchIndex> {
  checkSection(section);
  const terms = new TermList(section.terms);
  await yieldToHost();
  const sizes = decodeVarints(section.sizes, terms.length);
  const starts = new Uint32Array(terms.length + 1);
  for (let i = 0; i < terms.length; i++) starts[i + 1] = starts[i]! + sizes[i]!;
  await yieldToHost();
  const lengths = decodeVarints(section.lengths, section.docs.length * 3);
  await yieldToHost();
  const bytes = await fromBase64Async(section.postings, yieldToHost);
  return withReadings(new SearchIndex(section.docs, lengths, terms, starts, bytes, wholeTermsOf(section)), section);
}
