/**
 * The slice of the `vscode` API the extension's logic uses, for unit tests
 * (vitest aliases `vscode` here). Value types behave like VS Code's; URIs are
 * vscode-uri (VS Code's own URI implementation); workspace.fs is in memory.
 */
import { URI, Utils } from 'vscode-uri';

export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isEqual(o: Position) { return o.line === this.line && o.character === this.character; }
  isBefore(o: Position) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
  isEqual(o: Range) { return this.start.isEqual(o.start) && this.end.isEqual(o.end); }
}
export class Selection extends Range {}

export const Uri = Object.assign(URI, { joinPath: Utils.joinPath });
export type Uri = URI;

export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }
export class Location { constructor(readonly uri: URI, readonly range: Range) {} }
export class DiagnosticRelatedInformation { constructor(readonly location: Location, readonly message: string) {} }
export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: URI };
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(public range: Range, public message: string, public severity: DiagnosticSeverity = DiagnosticSeverity.Error) {}
}
export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: string[] };
  constructor(public value = '', public supportThemeIcons = false) {}
  appendMarkdown(s: string) { this.value += s; return this; }
  appendText(s: string) { this.value += s; return this; }
}
export class Hover { constructor(readonly contents: MarkdownString, readonly range?: Range) {} }
export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  constructor(readonly value: string) {}
}
export class WorkspaceEdit {
  readonly edits: { uri: URI; range: Range; text: string }[] = [];
  replace(uri: URI, range: Range, text: string) { this.edits.push({ uri, range, text }); }
}
export class CodeAction {
  edit?: WorkspaceEdit;
  command?: { command: string; title: string; arguments?: unknown[] };
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(public title: string, public kind?: CodeActionKind) {}
}
export class ThemeIcon { constructor(readonly id: string) {} }
export class ThemeColor { constructor(readonly id: string) {} }
export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }
export class TreeItem {
  id?: string; description?: string; tooltip?: string; iconPath?: unknown; command?: unknown;
  constructor(public label: string, public collapsibleState?: TreeItemCollapsibleState) {}
}
export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => { this.listeners.push(l); return { dispose: () => {} }; };
  fire(e: T) { for (const l of this.listeners) l(e); }
  dispose() { this.listeners = []; }
}
export enum FileType { Unknown = 0, File = 1, Directory = 2, SymbolicLink = 64 }
export enum StatusBarAlignment { Left = 1, Right = 2 }
export enum QuickPickItemKind { Separator = -1, Default = 0 }

/** vscode.l10n.t with the English source strings and {0}-style arguments, as VS Code does without a bundle. */
export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
  },
};

/** In-memory files for workspace.fs: path → content (a Uint8Array) or 'dir'. */
export const memfs = new Map<string, Uint8Array | 'dir'>();
class FileNotFound extends Error { code = 'FileNotFound'; }

export const workspace = {
  fs: {
    async stat(uri: URI) {
      const e = memfs.get(uri.path);
      if (!e) throw new FileNotFound(uri.toString());
      return { type: e === 'dir' ? FileType.Directory : FileType.File, ctime: 0, mtime: 0, size: e === 'dir' ? 0 : e.length };
    },
    async readFile(uri: URI) {
      const e = memfs.get(uri.path);
      if (!e || e === 'dir') throw new FileNotFound(uri.toString());
      return e;
    },
    async readDirectory(uri: URI): Promise<[string, FileType][]> {
      const prefix = uri.path.replace(/\/$/, '') + '/';
      return [...memfs.entries()]
        .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        .map(([p, e]) => [p.slice(prefix.length), e === 'dir' ? FileType.Directory : FileType.File]);
    },
  },
  getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
  workspaceFolders: undefined as unknown,
};

export const window = {};
export const languages = {};
export const commands = {};
