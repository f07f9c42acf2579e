/**
 * Characters a page's text carries but no reader sees, removed before
 * parsing: NUL and other control characters (a damaged export), bidi
 * overrides and isolates (U+202E can make a title display backwards — a
 * spoofing trick in a hostile page), zero-width spaces/joiners and stray BOMs
 * (they split a name in two for search and the matcher: 常书\u200B铭).
 * Unicode line and paragraph separators become newlines. Nothing visible is
 * touched.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_RE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function sanitizePageText(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(/[\u2028\u2029\f]/g, '\n');
}
