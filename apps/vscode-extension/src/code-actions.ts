/**
 * Quick fixes for the cross-referencing diagnostics: replace a wrong title or
 * number with the archive's, or mark the finding as intended (remembered in
 * the workspace state, so it stays quiet across sessions).
 */
import * as vscode from 'vscode';
import { SOURCE, findingKey, fingerprint, isFindingKey, type DraftChecker, type Finding } from './diagnostics.js';

const INTENDED_KEY = 'jianbao.intended';
/** How many findings stay marked: the oldest marks go first (17 characters each, ~10 KB of workspace state at most). */
export const MAX_INTENDED = 500;

export class IntendedFindings {
  constructor(private readonly state: vscode.Memento) {}

  all(): ReadonlySet<string> {
    return new Set(this.keys());
  }

  async add(key: string): Promise<void> {
    const keys = this.keys().filter((k) => k !== key);
    keys.push(isFindingKey(key) ? key : findingKey(key));
    await this.state.update(INTENDED_KEY, keys.slice(-MAX_INTENDED));
  }

  /**
   * The stored keys, oldest first. Earlier versions stored the finding's whole
   * description (with the draft's passage): those become their key, so a finding
   * marked then stays quiet; anything else in the state is dropped.
   */
  private keys(): string[] {
    const stored = this.state.get<unknown>(INTENDED_KEY, []);
    const keys = (Array.isArray(stored) ? stored : [])
      .filter((k): k is string => typeof k === 'string')
      .map((k) => (isFindingKey(k) ? k : findingKey(k)));
    return [...new Set(keys)].slice(-MAX_INTENDED);
  }

  async clear(): Promise<void> {
    await this.state.update(INTENDED_KEY, []);
  }
}

export const MARK_INTENDED = 'jianbao.markIntended';

export function fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  if (finding.type === 'conflict') {
    const { start, end, options } = finding.replace;
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    options.forEach((expected, i) => {
      const title = finding.item.kind === 'title'
        ? vscode.l10n.t('Use the archive\'s title {0}', expected)
        : vscode.l10n.t('Use the archive\'s number {0}', expected);
      const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      fix.edit = new vscode.WorkspaceEdit();
      fix.edit.replace(document.uri, range, expected);
      fix.diagnostics = [diagnostic];
      fix.isPreferred = i === 0;
      actions.push(fix);
    });
  }
  const mark = new vscode.CodeAction(vscode.l10n.t('Mark as intended'), vscode.CodeActionKind.QuickFix);
  mark.command = { command: MARK_INTENDED, title: mark.title, arguments: [document.uri, fingerprint(finding)] };
  mark.diagnostics = [diagnostic];
  actions.push(mark);
  return actions;
}

export class JianbaoCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly checker: DraftChecker) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const finding = this.checker.findingFor(document.uri, d);
      if (finding) actions.push(...fixesFor(document, d, finding));
    }
    return actions;
  }
}
