import { styleText } from 'node:util';
import stringWidth from 'string-width';

/**
 * Colour and columns for human output. Colour goes through node:util styleText,
 * only when the stream is a terminal, and never under NO_COLOR (no-color.org:
 * set and not empty) or TERM=dumb; FORCE_COLOR turns it on for a pipe. Columns
 * are measured in display width (string-width: a CJK character is two cells),
 * so a column of Chinese names lines up where padEnd counted characters.
 */

export type Style = 'bold' | 'dim' | 'italic' | 'underline' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'gray';

export function colourEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export type Paint = (style: Style, text: string) => string;

/** A painter for one stream: styled on a colour terminal, the text unchanged otherwise. */
export function painterFor(stream: { isTTY?: boolean } = process.stdout): Paint {
  if (!colourEnabled(stream)) return (_style, text) => text;
  // validateStream: false — Node ≥ 22.13 would otherwise judge process.stdout itself; the decision is made above.
  const style = styleText as (format: Style, text: string, options?: { validateStream?: boolean }) => string;
  return (s, text) => (text ? style(s, text, { validateStream: false }) : text);
}

/** Display width in terminal cells (escape sequences count zero, CJK two). */
export const displayWidth = (text: string): number => stringWidth(text);

/** The text padded with spaces to a display width. */
export function padTo(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/**
 * Rows as aligned columns, two spaces apart: each column but the last padded to
 * its widest cell (measured in display width); the last is left ragged.
 * `paint` styles a cell after it is measured (escape sequences add no width).
 */
export function columns(rows: readonly (readonly string[])[], paint?: (column: number, cell: string) => string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const shown = paint ? paint(i, cell) : cell;
        return i === row.length - 1 ? shown : shown + ' '.repeat(widths[i]! - displayWidth(cell));
      })
      .join('  ')
      .trimEnd(),
  );
}
