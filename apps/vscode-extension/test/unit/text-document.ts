import { Position, Range, Uri } from './vscode-mock.js';

/** A minimal TextDocument over a string (offset ↔ position as VS Code computes them for "\n" line ends). */
export function textDocument(text: string, uri = Uri.file('/drafts/draft.md'), languageId = 'markdown') {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const positionAt = (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= o) line++;
    return new Position(line, o - starts[line]!);
  };
  const offsetAt = (p: Position) => starts[p.line]! + p.character;
  return {
    uri, languageId, version: 1, isClosed: false,
    getText: (r?: Range) => (r ? text.slice(offsetAt(r.start), offsetAt(r.end)) : text),
    positionAt, offsetAt,
    lineAt: (line: number) => ({ text: text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1) }),
  };
}
