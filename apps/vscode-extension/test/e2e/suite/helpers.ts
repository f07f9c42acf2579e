import * as vscode from 'vscode';
import { compactText } from '@jianbao/core';
import type { JianbaoApi } from '../../../src/extension.js';

export const EXTENSION_ID = 'jianbao.jianbao-vscode';

export async function api(): Promise<JianbaoApi> {
  const ext = vscode.extensions.getExtension<JianbaoApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** How long a wait on the host's state may take: generous, for a loaded 2-core machine (JIANBAO_E2E_WAIT_MS). */
export const WAIT_MS = Number(process.env.JIANBAO_E2E_WAIT_MS ?? 180_000);

/** Polls until `probe` returns a truthy value (the host works asynchronously); fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const root = process.env.JIANBAO_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(vscode.Uri.file(root), name);
}

export async function writeDraft(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === '剪报');
}

/** Whitespace-insensitive text, as OCR spacing differs between the archive and drafts. */
export const compact = (s: string) => compactText(s).text;

/** Fraction of [a0, a1) covered by [b0, b1). */
export function coverage(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / Math.max(1, a1 - a0);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
