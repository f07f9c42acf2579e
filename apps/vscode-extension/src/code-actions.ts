/**
 * Quick fixes for the cross-referencing diagnostics: replace a wrong title or
 * number with the archive's, or mark the finding as intended (remembered in
 * the workspace state, so it stays quiet across sessions).
 */
import * as vscode from 'vscode';
import { SOURCE, fingerprint, type DraftChecker, type Finding } from './diagnostics.js';

const INTENDED_KEY = 'jianbao.intended';

export class IntendedFindings {
  constructor(private readonly state: vscode.Memento) {}

  all(): ReadonlySet<string> {
    return new Set(this.state.get<string[]>(INTENDED_KEY, []));
  }

  async add(key: string): Promise<void> {
    const keys = this.state.get<string[]>(INTENDED_KEY, []);
    if (!keys.includes(key)) await this.state.update(INTENDED_KEY, [...keys, key]);
  }

  async clear(): Promise<void> {
    await this.state.update(INTENDED_KEY, []);
  }
}

export const MARK_INTENDED = 'jianbao.markIntended';

export function fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  if (finding.type === 'conflict') {
    const title = finding.item.kind === 'title'
      ? vscode.l10n.t('Use the archive\'s title {0}', finding.item.expected)
      : vscode.l10n.t('Use the archive\'s number {0}', finding.item.expected);
    const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    fix.edit = new vscode.WorkspaceEdit();
    fix.edit.replace(document.uri, diagnostic.range, finding.item.expected);
    fix.diagnostics = [diagnostic];
    fix.isPreferred = true;
    actions.push(fix);
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
