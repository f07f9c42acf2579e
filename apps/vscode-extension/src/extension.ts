/**
 * Jianbao for VS Code: the entry point shared by the Node and the web
 * extension host (esbuild builds it twice; nothing here uses Node APIs).
 * Activation only registers providers and starts loading the archive in the
 * background; every feature waits for, or skips while, the archive loads.
 */
import * as vscode from 'vscode';
import { ArchiveManager } from './archive-manager.js';
import { ArticleDocumentProvider, SCHEME, articleUri } from './article-document.js';
import { citationFor, citationSettings } from './citation.js';
import { IntendedFindings, JianbaoCodeActions, MARK_INTENDED } from './code-actions.js';
import { DraftChecker } from './diagnostics.js';
import { TermHoverProvider } from './hover.js';
import { RelatedArticlesView } from './related-view.js';
import { localSearchSource, resultView, SEARCH_LIMIT, searchItems, serverFilterItems, showSearch, type SearchSource } from './search.js';
import { ServerConnection, TOKEN_KEY, type ServerStatus } from './server-connection.js';
import type { Article } from '@jianbao/core';

/** What the extension exports: used by the integration tests and by other extensions. */
export interface JianbaoApi {
  ready(): Promise<{ name: string; articles: number; source: string } | undefined>;
  statusText(): string;
  /** The last archive error shown to the user, if the configured archive is missing or invalid. */
  archiveError(): string | undefined;
  search(query: string): { id: string; title: string; paper: string | null; date: string | null; detail: string }[];
  check(uri: vscode.Uri): Promise<import('./core-contract.js').XrefReport | undefined>;
  /** Whether a check of the document is scheduled (waiting for the typing delay). */
  checkScheduled(uri: vscode.Uri): boolean;
  related(): readonly import('./core-contract.js').XrefRelated[];
  /** A search as the quick pick runs it: through the newsroom server when one is set and answers, else locally. */
  query(query: string): Promise<{ id: string; title: string; paper: string | null; date: string | null; detail: string }[]>;
  /** The newsroom server's status ('off' when none is set). */
  serverStatus(): Promise<ServerStatus>;
  /** How long activate() took and the archive took to load (ms), for the benchmark. */
  timings(): { activateMs: number; archiveLoadMs: number | undefined };
}

function languages(): string[] {
  return vscode.workspace.getConfiguration('jianbao').get<string[]>('languages', ['markdown', 'plaintext']);
}

function isDraft(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== SCHEME && document.uri.scheme !== 'output' && languages().includes(document.languageId);
}

/** The selection as a search query: its first line, trimmed and capped (a query, not a passage). */
export function selectionQuery(editor: vscode.TextEditor | undefined): string {
  if (!editor || editor.selection.isEmpty) return '';
  const line = editor.document.getText(editor.selection).split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
  return line.slice(0, 100);
}

export function activate(context: vscode.ExtensionContext): JianbaoApi {
  const activationStarted = performance.now();
  const log = vscode.window.createOutputChannel('Jianbao 剪报');
  const manager = new ArchiveManager(log);
  const archive = () => manager.archive();
  // The newsroom server (jianbao.server.url + the token in SecretStorage); none set: no network request at all.
  const server = new ServerConnection(context.secrets, log);
  manager.attachServer(server);
  void server.configure();
  const intended = new IntendedFindings(context.workspaceState);
  const checker = new DraftChecker(archive, () => intended.all(), isDraft, server);
  const related = new RelatedArticlesView();
  const article = (id: string): Promise<Article | undefined> =>
    server.via(async (client) => (await server.article(client, id)) ?? (await archive())?.get(id), async () => (await archive())?.get(id));
  const documents = new ArticleDocumentProvider(article);
  /** What the search quick pick searches: the server when one is set and answers, else the local archive. */
  const searchSource = async (): Promise<SearchSource | undefined> => {
    const local = await archive();
    const status = await server.ready();
    if (!server.configured || !server.usable) return local && localSearchSource(local);
    return {
      name: status.name ?? local?.meta.name ?? '',
      articles: status.articles ?? 0,
      query: (text, asTyped) => server.via(async (client) => {
        const { revision: _revision, ...result } = await client.search(text, { limit: SEARCH_LIMIT, ...(asTyped ? { asTyped: true } : {}) });
        return result;
      }, async () => localSearchSource((await archive())!).query(text, asTyped)),
      filters: () => server.via(async (client) => serverFilterItems(await client.facets()), async () => localSearchSource((await archive())!).filters()),
    };
  };

  const openArticle = async (id: string, preview = false) => {
    const a = await article(id);
    if (!a) return void vscode.window.showWarningMessage(vscode.l10n.t('This article is not in the current archive ({0}).', id));
    const doc = await vscode.workspace.openTextDocument(articleUri(a));
    if (preview) return vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    return vscode.window.showTextDocument(doc, { preview: true });
  };
  const cite = async (id: string, editor = vscode.window.activeTextEditor) => {
    const a = await article(id);
    if (!a) return false;
    if (!editor || editor.document.uri.scheme === SCHEME) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft to insert a citation.'));
      return false;
    }
    const config = vscode.workspace.getConfiguration('jianbao');
    const settings = citationSettings(config.get('citationStyle'), config.get('citationLink'));
    const text = citationFor(a, settings, editor.document.languageId, editor.document.getText(), articleUri(a).toString());
    return editor.edit((b) => editor.selections.forEach((s) => b.replace(s, text)));
  };
  const refreshRelated = () => {
    const editor = vscode.window.activeTextEditor;
    related.show(editor ? checker.report(editor.document.uri)?.related ?? [] : []);
    // What the editor context menu, the keybindings and the view's title bar offer depends on it.
    void vscode.commands.executeCommand('setContext', 'jianbao.isDraft', editor ? isDraft(editor.document) : false);
  };
  const search = async (query: string) => {
    const source = await searchSource();
    if (source) showSearch(source, { open: (id, preview) => openArticle(id, preview), cite: (id, e) => cite(id, e) }, 'open', query);
  };
  const selector = () => languages().map((language) => ({ language }));
  let hover = vscode.languages.registerHoverProvider(selector(), new TermHoverProvider(() => manager.current?.archive, server));
  const recheck = async () => {
    await server.configure();
    // Drafts are checked again against whichever archive answers now.
    if (checker.mode === 'onType') for (const d of vscode.workspace.textDocuments) void checker.check(d);
  };

  context.subscriptions.push(
    log, manager, checker, server,
    vscode.commands.registerCommand('jianbao.setServerToken', async (given?: string) => {
      const token = typeof given === 'string' ? given : await vscode.window.showInputBox({
        title: vscode.l10n.t('Jianbao: newsroom server token'),
        prompt: vscode.l10n.t('The token your archive administrator created (jianbao token create --role read). It is kept in VS Code\'s secret storage.'),
        password: true,
        ignoreFocusOut: true,
      });
      if (!token?.trim()) return undefined;
      await context.secrets.store(TOKEN_KEY, token.trim());
      return recheck();
    }),
    vscode.commands.registerCommand('jianbao.clearServerToken', async () => {
      await context.secrets.delete(TOKEN_KEY);
      return recheck();
    }),
    context.secrets.onDidChange((e) => {
      if (e.key === TOKEN_KEY) void recheck();
    }),
    server.onDidChange(() => documents.refresh(vscode.workspace.textDocuments.map((d) => d.uri))),
    { dispose: () => hover.dispose() },
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents),
    vscode.languages.registerCodeActionsProvider(selector(), new JianbaoCodeActions(checker), JianbaoCodeActions.metadata),
    vscode.window.registerTreeDataProvider('jianbao.related', related),
    vscode.commands.registerCommand('jianbao.search', (query?: string) => search(typeof query === 'string' ? query : '')),
    vscode.commands.registerCommand('jianbao.searchSelection', () => search(selectionQuery(vscode.window.activeTextEditor))),
    vscode.commands.registerCommand('jianbao.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#jianbao.start`, false)),
    vscode.commands.registerCommand('jianbao.insertCitation', async (id?: string) => {
      if (typeof id === 'string') return cite(id);
      const source = await searchSource();
      if (source) showSearch(source, { open: (i, preview) => openArticle(i, preview), cite: (i, e) => cite(i, e) }, 'cite');
      return undefined;
    }),
    vscode.commands.registerCommand('jianbao.openArticle', (id: string, preview?: boolean) => openArticle(id, preview === true)),
    vscode.commands.registerCommand('jianbao.checkDraft', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) return checker.check(editor.document);
      return undefined;
    }),
    vscode.commands.registerCommand('jianbao.reloadArchive', async () => {
      void server.configure();
      return manager.reload();
    }),
    vscode.commands.registerCommand(MARK_INTENDED, async (uri: vscode.Uri, key: string) => {
      await intended.add(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc) await checker.check(doc);
    }),
    vscode.commands.registerCommand('jianbao.clearIntended', async () => {
      await intended.clear();
      await Promise.all(vscode.workspace.textDocuments.filter(isDraft).map((d) => checker.check(d)));
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (checker.mode === 'onType' && e.contentChanges.length) checker.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (checker.mode !== 'onCommand') void checker.check(d);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (checker.mode === 'onType') checker.schedule(d);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => checker.forget(d.uri)),
    vscode.window.onDidChangeActiveTextEditor(refreshRelated),
    checker.onDidCheck(refreshRelated),
    manager.onDidChange(() => {
      documents.refresh(vscode.workspace.textDocuments.map((d) => d.uri));
      if (checker.mode === 'onType') for (const d of vscode.workspace.textDocuments) void checker.check(d);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('jianbao.archive')) void manager.reload();
      if (e.affectsConfiguration('jianbao.server.url')) void recheck();
      if (e.affectsConfiguration('jianbao.languages')) refreshRelated();
      if (e.affectsConfiguration('jianbao.languages')) {
        hover.dispose();
        hover = vscode.languages.registerHoverProvider(selector(), new TermHoverProvider(() => manager.current?.archive, server));
      }
    }),
  );

  refreshRelated();
  // Load in the background: activation returns at once and the editor never waits.
  let archiveLoadMs: number | undefined;
  void manager.ready().then(() => (archiveLoadMs = performance.now() - activationStarted));
  const activateMs = performance.now() - activationStarted;

  return {
    ready: async () => {
      const loaded = await manager.ready();
      return loaded && { name: loaded.archive.meta.name, articles: loaded.archive.articles.length, source: loaded.source };
    },
    statusText: () => manager.statusText,
    archiveError: () => manager.lastError,
    search: (query) => {
      const a = manager.current?.archive;
      return a ? searchItems(a, query).map((i) => ({ ...i.hit, detail: i.detail ?? '' })) : [];
    },
    check: async (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? checker.check(doc) : undefined;
    },
    checkScheduled: (uri) => checker.isScheduled(uri),
    query: async (query) => {
      const source = await searchSource();
      if (!source || !query.trim()) return [];
      return resultView(await source.query(query, false)).items.map((i) => ({ ...i.hit, detail: i.detail ?? '' }));
    },
    serverStatus: () => server.ready(),
    related: () => related.current,
    timings: () => ({ activateMs, archiveLoadMs }),
  };
}

export function deactivate(): void {}
