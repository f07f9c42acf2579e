/** The "Related articles" view: what xref found related to the active draft, each opening the article. */
import * as vscode from 'vscode';
import type { XrefRelated } from './core-contract.js';

export class RelatedArticlesView implements vscode.TreeDataProvider<XrefRelated> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: XrefRelated[] = [];

  show(items: readonly XrefRelated[]): void {
    this.items = [...items];
    this.changed.fire();
  }

  get current(): readonly XrefRelated[] {
    return this.items;
  }

  getChildren(element?: XrefRelated): XrefRelated[] {
    return element ? [] : this.items;
  }

  getTreeItem(item: XrefRelated): vscode.TreeItem {
    const tree = new vscode.TreeItem(item.title, vscode.TreeItemCollapsibleState.None);
    tree.id = item.id;
    tree.description = item.reasons.slice(0, 2).join(' · ');
    tree.tooltip = `${item.title}\n${vscode.l10n.t('score {0}', Math.round(item.score * 100) / 100)}\n${item.reasons.join('\n')}`;
    tree.iconPath = new vscode.ThemeIcon('file-text');
    tree.command = { command: 'jianbao.openArticle', title: vscode.l10n.t('Open article'), arguments: [item.id] };
    return tree;
  }
}
