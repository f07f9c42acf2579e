/**
 * Archive text shown by the extension is untrusted: a bundle can put
 * Markdown (`[钓鱼](https://evil.example)`, images, HTML), theme icons
 * (`$(alert)`), controls and bidi overrides in any field, any field can be
 * of the wrong type, and any field can be 10,000 characters long. Every
 * place that shows archive text (hover, citation, related view, article
 * document, quick pick, diagnostics) goes through here.
 */

/** How many characters of one field are shown at most (the rest becomes …). */
export const FIELD_LIMIT = 200;

// Controls (tab and newline too: a field is one line) and bidi embeddings, overrides, isolates and marks.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;

/**
 * A field as plain text: a string (other types give undefined, so callers skip
 * the field), on one line, without controls or bidi overrides, capped at
 * `limit` characters with … (never splitting a surrogate pair).
 */
export function plainText(value: unknown, limit = FIELD_LIMIT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(INVISIBLE, ' ').replace(/ {2,}/g, ' ').trim();
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/**
 * A field as Markdown text: plainText with every ASCII punctuation character
 * backslash-escaped (CommonMark lets any of them be escaped), so no link,
 * image, autolink, emphasis, heading, list, HTML tag, entity or theme icon
 * can come out of archive text. Undefined for a field that is not a string.
 */
export function markdownText(value: unknown, limit = FIELD_LIMIT): string | undefined {
  return plainText(value, limit)?.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * A link destination that stays one destination: percent-encodes what
 * encodeURIComponent leaves (`(`, `)`, `!`, `'`, `*`) plus spaces and angle
 * brackets, so an id holding `)` cannot end the link early.
 */
export function linkTarget(uri: string): string {
  return uri.replace(/[()!'* <>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `command:<id>?<args>`, the arguments JSON then URI-encoded, safe inside a Markdown link. */
export function commandLink(command: string, args: readonly unknown[]): string {
  return linkTarget(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

/** A Markdown link whose label is archive text (escaped) and whose target is built by us. */
export function markdownLink(label: string, target: string): string {
  return `[${label}](${linkTarget(target)})`;
}
