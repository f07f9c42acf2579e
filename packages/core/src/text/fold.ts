import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/**
 * The character fold shared by search, the matcher and cross-referencing.
 *
 * It is LENGTH-PRESERVING (one UTF-16 code unit in, one out), so an offset in
 * folded text is the same offset in the original: the matcher's ranges go
 * straight to DOM Ranges and VS Code positions. It folds
 * - full-width ASCII (Ａ１２２１，) and the ideographic space to half-width,
 * - ASCII upper case to lower case,
 * - traditional characters to simplified, character by character, using
 *   OpenCC's own dictionaries (TSCharacters, plus TWVariantsRev for Taiwan
 *   variant forms). OpenCC's phrase-level conversion can change lengths, and a
 *   per-character table is ~20× faster in a hot loop; for matching and search a
 *   character fold is what we need (乾→干 over-folds both sides alike);
 * - quotation-mark variants to “ ” (「」『』‘’﹁﹂ and the like), and middle-dot
 *   variants to ·, so “千万工程”, 「千万工程」 and ‘千万工程’ are one form.
 * Surrogate pairs (outside the BMP) are left as they are.
 */
let table: Uint16Array | undefined;

const OPEN_QUOTES = '「『‘“﹁﹃〝';
const CLOSE_QUOTES = '」』’”﹂﹄〞〟';
const DOTS = '・‧•∙･';

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  const pairs = (dict: string) =>
    dict.split('|').flatMap((entry) => {
      const space = entry.indexOf(' ');
      const from = entry.slice(0, space);
      const to = entry.slice(space + 1).split(' ')[0] ?? '';
      return space > 0 && from.length === 1 && to.length === 1 ? [[from.charCodeAt(0), to.charCodeAt(0)] as const] : [];
    });
  const simplified = new Map(pairs(TSCharacters));
  // A Taiwan variant goes to its simplified form through OpenCC's traditional one (羣 → 群); a character that is
  // a simplified form (群, 吃, 核, 峰, 么: TWVariantsRev lists them as variants of 羣, 喫, 覈, 峯, 幺) stays itself,
  // so the fold is idempotent: folding folded text changes nothing.
  const simplifiedForms = new Set(simplified.values());
  for (const [from, to] of pairs(TWVariantsRev)) {
    const target = simplified.get(to) ?? to;
    if (target !== from && !simplifiedForms.has(from)) t[from] = foldBasic(target);
  }
  for (const [from, to] of simplified) t[from] = foldBasic(to);
  // Chains (麽 → 么 → 幺) end where they stop changing.
  for (let c = 0; c < 0x10000; c++) for (let n = 0; n < 4 && t[t[c]!] !== t[c]; n++) t[c] = t[t[c]!]!;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = foldBasic(c - 0xfee0);
  t[0x3000] = 0x20;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  for (const q of OPEN_QUOTES) t[q.charCodeAt(0)] = 0x201c;
  for (const q of CLOSE_QUOTES) t[q.charCodeAt(0)] = 0x201d;
  for (const d of DOTS) t[d.charCodeAt(0)] = 0xb7;
  return t;
}

function foldBasic(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** The fold table: `foldTable()[code]` is the folded code unit. For hot loops; built once, 128 KiB. */
export function foldTable(): Uint16Array {
  return (table ??= buildTable());
}

/** Folds one UTF-16 code unit. */
export function foldCode(code: number): number {
  return foldTable()[code]!;
}

/** Folds a string; the result has exactly the same length. */
export function foldText(text: string): string {
  const t = foldTable();
  let out = '';
  let start = 0;
  // Copy unchanged runs in one go; most text needs no change.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c]!;
    if (f !== c) {
      out += text.slice(start, i) + String.fromCharCode(f);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
