/** The "Related articles" view: what xref found related to the active draft, each opening the article. */
import * as vscode from 'vscode';
import type { XrefRelated } from './core-contract.js';
import { plainText } from './markdown.js';
import { relatedReasons } from './related-reasons.js';

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
    // Archive text, untrusted: one line, capped, a wrong type left out (markdown.ts).
    const title = plainText(item.title) ?? plainText(item.id) ?? '';
    const reasons = relatedReasons(item);
    const tree = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    tree.id = item.id;
    tree.description = reasons.slice(0, 2).join(' · ');
    tree.tooltip = `${title}\n${vscode.l10n.t('score {0}', Math.round(item.score * 100) / 100)}\n${reasons.slice(0, 10).join('\n')}`;
    tree.iconPath = new vscode.ThemeIcon('file-text');
    tree.command = { command: 'jianbao.openArticle', title: vscode.l10n.t('Open article'), arguments: [item.id] };
    return tree;
  }
}
