/**
 * Which of the three OCR layouts a page is in:
 * - `markdown`: OCR emitted `#` headings (levels do not map one to one to articles);
 * - `plain`: plain text, display lines (headline, kicker, byline) BEFORE each body;
 * - `trailing`: plain text where each headline block comes AFTER its body
 *   (narrow columns read top to bottom), so the page opens with body text.
 * A page that opens with the tail of an article continued from another page
 * (`（上接第1版）` + body) opens with body text in both plain layouts; there
 * the page's end decides: a trailing page ends with a headline block.
 * Photos (caption + credit) anywhere say nothing about the layout.
 */
import type { Token } from './tokens.js';

export type Layout = 'markdown' | 'plain' | 'trailing';

export function detectLayout(tokens: Token[]): Layout {
  if (tokens.filter((t) => t.t === 'heading').length >= 2) return 'markdown';
  // Skip notes and photos (a caption paragraph followed by its credit): neither is an article's body.
  const first = tokens.find((t, i) =>
    !(t.t === 'marker' && t.note.direction === 'continues') && t.t !== 'credit' && !(t.t === 'para' && tokens[i + 1]?.t === 'credit'));
  if (!first || first.t !== 'marker') return first?.t === 'para' ? 'trailing' : 'plain';
  const afterNote = tokens[tokens.indexOf(first) + 1];
  if (afterNote?.t !== 'para') return 'plain';
  const last = [...tokens].reverse().find((t) => t.t !== 'marker' && t.t !== 'source');
  return last && (last.t === 'head' || last.t === 'heading' || last.t === 'byline') ? 'trailing' : 'plain';
}
