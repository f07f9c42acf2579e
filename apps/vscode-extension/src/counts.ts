import * as vscode from 'vscode';

// English needs "1 article", not "1 articles"; vscode.l10n has no plural rules, so the one-case is its own message.

/** `3 articles` / `1 article`, in the UI language. */
export const articleCount = (n: number): string => (n === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', n));

/** `name · 3 articles` / `name · 1 article`, in the UI language. */
export const archiveSummary = (name: string, n: number): string =>
  n === 1 ? vscode.l10n.t('{0} · 1 article', name) : vscode.l10n.t('{0} · {1} articles', name, n);
