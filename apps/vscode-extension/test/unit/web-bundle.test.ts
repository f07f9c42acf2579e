// The browser entry point (dist/web/extension.cjs, what VS Code for the Web loads) runs with
// no Node APIs: evaluated in a bare VM context holding only what a web worker has, with a
// `require` that knows nothing but 'vscode', it activates, loads the bundled archive and
// cross-references a draft. (The build itself fails if a Node built-in is imported:
// esbuild bundles it with platform "browser".) Run `pnpm build` first.
import { existsSync, readFileSync } from 'node:fs';
import { articleBody } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { textDocument } from './text-document.js';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as mock from './vscode-mock.js';

const bundle = join(import.meta.dirname, '../../dist/web/extension.cjs');

function vscodeForActivation() {
  const disposable = { dispose() {} };
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const collections: Map<string, unknown[]>[] = [];
  const noEvent = () => disposable;
  const api = {
    ...mock,
    window: {
      createOutputChannel: () => ({ appendLine() {}, dispose() {} }),
      createStatusBarItem: () => ({ text: '', show() {}, dispose() {} }),
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      registerTreeDataProvider: () => disposable,
      onDidChangeActiveTextEditor: noEvent,
      activeTextEditor: undefined,
    },
    languages: {
      registerHoverProvider: () => disposable,
      registerCodeActionsProvider: () => disposable,
      createDiagnosticCollection: () => {
        const map = new Map<string, unknown[]>();
        collections.push(map);
        return { set: (uri: { toString(): string }, d: unknown[]) => map.set(uri.toString(), d), get: (uri: { toString(): string }) => map.get(uri.toString()), delete() {}, dispose() {} };
      },
    },
    commands: {
      registerCommand: (id: string, f: (...a: unknown[]) => unknown) => (commands.set(id, f), disposable),
      executeCommand: async () => undefined,
    },
    workspace: {
      ...mock.workspace,
      textDocuments: [],
      registerTextDocumentContentProvider: () => disposable,
      onDidChangeTextDocument: noEvent, onDidSaveTextDocument: noEvent, onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent, onDidChangeConfiguration: noEvent,
    },
  };
  return { api, commands, collections };
}

describe('the web extension bundle', () => {
  it('activates and works with only web-worker globals', async () => {
    expect(existsSync(bundle), `${bundle} (run pnpm build)`).toBe(true);
    const { api, collections } = vscodeForActivation();
    const archive = await loadDefaultArchive();
    const passage = articleBody(archive.articles.find((a) => articleBody(a).length > 100)!).slice(10, 60);
    const draft = textDocument(`开头。\n${passage}\n`);
    (api.workspace.textDocuments as unknown[]).push(draft);
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = createContext({
      module, exports: module.exports,
      require: (id: string) => {
        if (id === 'vscode') return api;
        throw new Error(`the web bundle required "${id}"`);
      },
      console, setTimeout, clearTimeout, queueMicrotask, TextDecoder, TextEncoder, URL, Blob, Response,
      DecompressionStream, performance, structuredClone,
    });
    runInContext(`${readFileSync(bundle, 'utf8')}\n//# sourceURL=extension.cjs`, sandbox, { filename: 'extension.cjs' });
    expect(runInContext('typeof process', sandbox)).toBe('undefined');
    const activate = module.exports.activate as (c: unknown) => {
      ready(): Promise<{ articles: number } | undefined>;
      search(q: string): { id: string }[];
      check(uri: unknown): Promise<unknown>;
    };
    const store = new Map<string, unknown>();
    // No newsroom server is set: the secret store is asked for nothing and no request is made (the sandbox has no fetch).
    const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) };
    const ext = activate({ subscriptions: [], secrets, workspaceState: { get: (k: string, d: unknown) => store.get(k) ?? d, update: async (k: string, v: unknown) => void store.set(k, v) } });
    const info = await ext.ready();
    expect(info?.articles).toBeGreaterThan(0);
    expect(ext.search('人大代表').length).toBeGreaterThan(0);
    expect(collections.length).toBe(1);
    await ext.check(draft.uri);
    const diagnostics = collections[0]!.get(draft.uri.toString()) as { code: string; relatedInformation: { location: { uri: { scheme: string } } }[] }[];
    expect(diagnostics.some((d) => d.code === 'reuse' && d.relatedInformation[0]!.location.uri.scheme === 'jianbao')).toBe(true);
  });
});
