/**
 * Archive text is untrusted: a `.jsonl` import or a bundle can carry escape
 * sequences that a terminal would obey — OSC 8 (a hidden link), OSC 52 (a
 * write to the clipboard), CSI (clear the screen, move the cursor) — and bidi
 * overrides that make a line display backwards. Every human printer passes
 * its text through here; `--json` output does not (it stays exact JSON, with
 * control characters escaped by JSON itself).
 */

// Whole escape sequences first, so their parameters (a URL, a base64 payload) do not print as text.
// 7-bit forms (ESC + introducer) and the 8-bit C1 introducers (0x9b CSI, 0x9d OSC, 0x90 DCS, 0x98 SOS, 0x9e PM, 0x9f APC).
// A string sequence ends at BEL or ST (ESC \ or 0x9c); unterminated, at the end of the line.
/* eslint-disable no-control-regex */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?/g;
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// What is left: C0 controls but tab and newline, DEL, C1; bidi embeddings, overrides, isolates and marks.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** The text with every escape sequence, control character (but tab and newline) and bidi control removed. */
export function terminalSafe(text: string): string {
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '');
}

/** A field inside one line of output (a title, a name): terminal-safe, and its line breaks folded to a space so it cannot fake a line. */
export function inline(value: unknown): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  return terminalSafe(text).replace(/[ \t]*\n[\s]*/g, ' ');
}

const BOLD_ON = '\x1b[1m';
const BOLD_OFF = '\x1b[22m';

/** Bold where styling is on (a terminal; see style.ts), 【…】 otherwise (so a match still shows in `| less`, a file, or under NO_COLOR). */
export function boldFor(styled: boolean): (s: string) => string {
  return styled ? (s) => `${BOLD_ON}${s}${BOLD_OFF}` : (s) => `【${s}】`;
}

// The only escape sequences Jianbao itself prints: SGR bold/dim/italic/underline, their resets, and the
// foreground colours style.ts uses (styleText's codes). Never conceal (8), inverse (7) or blink, never a cursor move.
// eslint-disable-next-line no-control-regex
const OWN_SGR = /(\x1b\[(?:1|2|3|4|22|23|24|3[1-6]|39|90)m)/;

/**
 * Human output as it goes to the terminal: terminal-safe, keeping only the
 * styling sequences Jianbao adds itself. (The last line of defence: printers also
 * pass their fields through `inline`, for the line structure.)
 */
export function humanOutput(text: string): string {
  if (!text.includes('\x1b[')) return terminalSafe(text);
  return text
    .split(OWN_SGR)
    .map((part, i) => (i % 2 === 1 ? part : terminalSafe(part)))
    .join('');
}
