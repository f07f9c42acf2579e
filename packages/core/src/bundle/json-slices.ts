/**
 * JSON.parse in slices, for archive bundles of tens of megabytes: one
 * JSON.parse of the 70 MB xwlb bundle blocks for 0.5–0.7 s, which freezes a
 * VS Code extension host or a service worker. Containers larger than
 * SPLIT_CHARS are split into their members or elements by a scanner, each part
 * is parsed on its own (recursively), and the caller's driver yields between
 * steps. Every leaf goes through JSON.parse and the scanner checks the
 * punctuation between them, so what is accepted is exactly valid JSON; on any
 * doubt the scanner gives up and the caller falls back to one JSON.parse,
 * which also produces the error message.
 */

/** Containers at least this long are split; smaller ones are one JSON.parse (~1 ms per 100k characters). */
const SPLIT_CHARS = 1 << 20;
/** Characters scanned between yields. */
const SCAN_CHARS = 1 << 21;

/** Thrown inside the steps when the text is not what the splitter understands; the caller re-parses in one piece. */
class GiveUp extends Error {}

/** Parses `text`, yielding between steps; throws GiveUp where it cannot split (then use JSON.parse for the answer). */
export function* parseJsonSteps(text: string, splitChars = SPLIT_CHARS): Generator<void, unknown> {
  return yield* parseRange(text, skipSpace(text, 0), trimEnd(text, text.length), splitChars);
}

export function isGiveUp(error: unknown): boolean {
  return error instanceof GiveUp;
}

function* parseRange(text: string, from: number, to: number, splitChars: number): Generator<void, unknown> {
  const open = text.charCodeAt(from);
  if (to - from < splitChars || (open !== 0x7b && open !== 0x5b)) {
    const value = JSON.parse(text.slice(from, to)) as unknown;
    yield;
    return value;
  }
  const parts: Part[] = [];
  const scan: ScanState = { at: from + 1, depth: 0, inString: false, partStart: -1, key: null, expect: open === 0x7b ? 'key' : 'value', done: false };
  while (!scan.done) {
    scanSome(text, to, open === 0x7b, scan, parts);
    yield;
  }
  if (scan.at !== to) throw new GiveUp();
  if (open === 0x5b) {
    const array: unknown[] = [];
    for (const part of parts) array.push(yield* parseRange(text, part.from, part.to, splitChars));
    return array;
  }
  const object: Record<string, unknown> = {};
  for (const part of parts) {
    const value = yield* parseRange(text, part.from, part.to, splitChars);
    // defineProperty: a "__proto__" key is an own property, as JSON.parse makes it.
    Object.defineProperty(object, part.key!, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

interface Part {
  key: string | null;
  from: number;
  to: number;
}

interface ScanState {
  at: number;
  /** Nesting depth inside the current value (0 between parts). */
  depth: number;
  inString: boolean;
  partStart: number;
  key: string | null;
  /** What the container's own punctuation allows next. */
  expect: 'key' | 'colon' | 'value' | 'comma';
  done: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Scans up to SCAN_CHARS characters of a container's inside, recording each
 * member (object) or element (array) as a text range. A plain function, not
 * part of the generator: V8 optimises long loops only outside generators.
 */
function scanSome(text: string, to: number, isObject: boolean, s: ScanState, parts: Part[]): void {
  const stop = Math.min(to, s.at + SCAN_CHARS);
  let i = s.at;
  // Inside a value (a string or a nested container) the loop runs on locals: it is most of the text.
  let depth = s.depth;
  let inString = s.inString;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // Jump to the closing quote with indexOf (native, and strings are most of a bundle), past escaped ones.
      let q = i;
      while (q >= 0 && text.charCodeAt(q) !== 0x22) {
        q = text.indexOf('"', q);
        if (q > 0 && escaped(text, q)) q++;
      }
      if (q < 0 || q >= to) throw new GiveUp(); // the string never closed
      i = q;
      inString = false;
      if (depth === 0) endPart(s, i + 1, isObject, parts, text);
      continue;
    }
    if (depth > 0) {
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) endPart(s, i + 1, isObject, parts, text);
      }
      continue;
    }
    // Between parts: the container's own punctuation.
    if (isSpace(c)) continue;
    if (s.expect === 'comma') {
      if (c === 0x2c) s.expect = isObject ? 'key' : 'value';
      else if ((c === 0x7d && isObject) || (c === 0x5d && !isObject)) {
        s.done = true;
        s.at = i + 1;
        s.depth = 0;
        s.inString = false;
        return;
      } else throw new GiveUp();
      continue;
    }
    if (s.expect === 'colon') {
      if (c !== 0x3a) throw new GiveUp();
      s.expect = 'value';
      continue;
    }
    // A key or a value starts here.
    if ((c === 0x7d && isObject && s.expect === 'key' && !parts.length) || (c === 0x5d && !isObject && !parts.length)) {
      s.done = true; // empty container
      s.at = i + 1;
      return;
    }
    s.partStart = i;
    if (c === 0x22) inString = true;
    else if (s.expect === 'key') throw new GiveUp();
    else if (c === 0x7b || c === 0x5b) depth = 1;
    else {
      // A number, true, false or null: runs to the next punctuation.
      let j = i;
      while (j < to && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x2c && text.charCodeAt(j) !== 0x7d && text.charCodeAt(j) !== 0x5d) j++;
      endPart(s, j, isObject, parts, text);
      i = j - 1;
    }
  }
  s.at = i;
  s.depth = depth;
  s.inString = inString;
  if (i >= to) throw new GiveUp(); // the container never closed
}

/** Is the quote at q escaped (an odd number of backslashes before it)? */
function escaped(text: string, q: number): boolean {
  let k = q - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
  return (q - 1 - k) % 2 === 1;
}

function endPart(s: ScanState, end: number, isObject: boolean, parts: Part[], text: string): void {
  if (isObject && s.expect === 'key') {
    s.key = JSON.parse(text.slice(s.partStart, end)) as string;
    s.expect = 'colon';
    return;
  }
  parts.push({ key: s.key, from: s.partStart, to: end });
  s.key = null;
  s.expect = 'comma';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
