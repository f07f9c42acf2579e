/**
 * Where a text stops being JSON, for the one-line refusal of a bundle that
 * JSON.parse rejected: engines word and place their errors differently (V8
 * gives a position or none, Firefox a line and column), and "ends early" must
 * not be guessed from bracket counts — a flipped or lost quote left strings
 * open and was reported as "truncated". One pass, an explicit stack (any
 * nesting depth), only run on the failure path.
 */

export interface JsonSyntaxError {
  /** Position (UTF-16 code unit) of the first character that cannot continue the JSON. */
  at: number;
  /** True when the text ended while a value was still open: cut off, not mistyped. */
  atEnd: boolean;
  /** What was expected there, in words. */
  expected: string;
  line: number;
  column: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The first syntax error in `text`, or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  // Open containers: 0x7b object, 0x5b array.
  const stack: number[] = [];
  const fail = (at: number, expected: string): JsonSyntaxError => ({ at, atEnd: at >= n, expected, ...lineColumn(text, at) });
  const skip = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  /** Reads one string at i (a quote); returns an error or null. */
  const string = (): JsonSyntaxError | null => {
    i++;
    for (;;) {
      if (i >= n) return fail(n, 'the closing " of a string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail(i, 'the closing " of a string (a line break or control character inside a string)');
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= n) return fail(n, 'an escape');
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return fail(n, 'a \\u escape');
            if (!isHex(text.charCodeAt(i + k))) return fail(i + k, 'a hex digit of a \\u escape');
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(text[i + 1]!)) i += 2;
        else return fail(i + 1, 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
        continue;
      }
      // Plain characters up to the next quote, backslash or control character.
      i++;
    }
  };
  const number = (): JsonSyntaxError | null => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return fail(n, 'a digit');
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (i < n && isDigit(text.charCodeAt(i))) i++;
    else return fail(i, 'a digit');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n) return fail(n, 'a digit after "."');
      if (!isDigit(text.charCodeAt(i))) return fail(i, 'a digit after "."');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      if (i >= n) return fail(n, 'a digit of an exponent');
      if (!isDigit(text.charCodeAt(i))) return fail(i, 'a digit of an exponent');
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return null;
  };

  // expect: 'value' | 'key' (or } right after {) | 'value-or-close' (right after [) | 'after'
  let expect: 'value' | 'first-key' | 'key' | 'first-value' | 'after' = 'value';
  for (;;) {
    skip();
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= n ? null : fail(i, 'the end of the text after the JSON value');
      if (i >= n) return fail(n, top === 0x7b ? '"," or "}"' : '"," or "]"');
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        expect = top === 0x7b ? 'key' : 'value';
      } else if ((c === 0x7d && top === 0x7b) || (c === 0x5d && top === 0x5b)) {
        i++;
        stack.pop();
      } else return fail(i, top === 0x7b ? '"," or "}" after an object member' : '"," or "]" after an array element');
      continue;
    }
    if (i >= n) return fail(n, expect === 'key' || expect === 'first-key' ? 'a key' : 'a value');
    const c = text.charCodeAt(i);
    if (expect === 'first-key' || expect === 'key') {
      if (c === 0x7d && expect === 'first-key') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (c !== 0x22) return fail(i, expect === 'first-key' ? 'a key in double quotes or "}"' : 'a key in double quotes');
      const bad = string();
      if (bad) return bad;
      skip();
      if (i >= n) return fail(n, '":"');
      if (text.charCodeAt(i) !== 0x3a) return fail(i, '":" after a key');
      i++;
      expect = 'value';
      continue;
    }
    if (c === 0x5d && expect === 'first-value') {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    if (c === 0x7b) {
      i++;
      stack.push(0x7b);
      expect = 'first-key';
      continue;
    }
    if (c === 0x5b) {
      i++;
      stack.push(0x5b);
      expect = 'first-value';
      continue;
    }
    let bad: JsonSyntaxError | null = null;
    if (c === 0x22) bad = string();
    else if (c === 0x2d || isDigit(c)) bad = number();
    else {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : null;
      if (!word) return fail(i, 'a value');
      for (let k = 1; k < word.length; k++) {
        if (i + k >= n) return fail(n, `"${word}"`);
        if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return fail(i + k, `"${word}"`);
      }
      i += word.length;
    }
    if (bad) return bad;
    expect = 'after';
  }
}

/** 1-based line and column (in UTF-16 code units) of position `at`. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: at - start + 1 };
}
