/**
 * Which of the three OCR layouts a page is in:
 * - `markdown`: OCR emitted `#` headings (levels do not map one to one to articles);
 * - `plain`: plain text, display lines (headline, kicker, byline) BEFORE each body;
 * - `trailing`: plain text where each headline block comes AFTER its body
 *   (narrow columns read top to bottom), so the page opens with body text.
 */
import type { Token } from './tokens.js';

export type Layout = 'markdown' | 'plain' | 'trailing';

export function detectLayout(tokens: Token[]): Layout {
  if (tokens.filter((t) => t.t === 'heading').length >= 2) return 'markdown';
  const first = tokens.find((t) => t.t !== 'marker');
  return first?.t === 'para' ? 'trailing' : 'plain';
}
