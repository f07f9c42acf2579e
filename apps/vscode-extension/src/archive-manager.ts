/**
 * Owns the loaded archive: loads it in the background (activation never waits
 * for it), reloads when the `jianbao.archive` setting changes, shows which
 * archive and its size in the status bar, and a clear message when the
 * configured archive is missing or invalid (then it falls back to the default).
 */
import * as vscode from 'vscode';
import type { Archive } from '@jianbao/core';
import { ArchiveLoadError, loadConfiguredArchive, type LoadedArchive } from './archive-loader.js';
import { loadSearchIndex, prepareCrossReference } from './archive-service.js';
import type { ServerConnection, ServerState } from './server-connection.js';
import { archiveSummary } from './counts.js';

export class ArchiveManager implements vscode.Disposable {
  private loading: Promise<LoadedArchive | undefined> | undefined;
  private loaded: LoadedArchive | undefined;
  private error: string | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<LoadedArchive | undefined>();
  readonly onDidChange = this.changed.event;

  private server: ServerConnection | undefined;
  private serverListener: vscode.Disposable | undefined;

  constructor(private readonly log: vscode.OutputChannel) {
    this.status = vscode.window.createStatusBarItem('jianbao.archive', vscode.StatusBarAlignment.Right, 100);
    this.status.name = vscode.l10n.t('Jianbao archive');
    this.status.command = 'jianbao.search';
    this.render();
    this.status.show();
  }

  /** The newsroom server, when one is set: the status bar then says whether it or the local archive answers. */
  attachServer(server: ServerConnection): void {
    this.server = server;
    this.serverListener = server.onDidChange(() => this.render());
    this.render();
  }

  /** The archive if it has finished loading, else undefined (callers never block on it). */
  get current(): LoadedArchive | undefined {
    return this.loaded;
  }

  get lastError(): string | undefined {
    return this.error;
  }

  /** Waits for the archive (starting the load if needed). */
  ready(): Promise<LoadedArchive | undefined> {
    this.loading ??= this.load();
    return this.loading;
  }

  async archive(): Promise<Archive | undefined> {
    return (await this.ready())?.archive;
  }

  reload(): Promise<LoadedArchive | undefined> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<LoadedArchive | undefined> {
    this.loaded = undefined;
    this.error = undefined;
    this.render();
    const setting = vscode.workspace.getConfiguration('jianbao').get<string>('archive', '');
    const started = Date.now();
    try {
      this.loaded = await loadConfiguredArchive(setting, vscode.workspace.workspaceFolders?.[0]?.uri);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.log.appendLine(`archive: ${this.error}`);
      void vscode.window.showErrorMessage(
        error instanceof ArchiveLoadError ? error.message : vscode.l10n.t('Jianbao could not load the archive: {0}', this.error),
      );
      // The configured archive is unusable: keep working with the bundled default rather than nothing.
      if (setting.trim()) this.loaded = await loadConfiguredArchive('', undefined).catch(() => undefined);
    }
    if (this.loaded) {
      const { archive } = this.loaded;
      this.log.appendLine(`archive: ${archive.meta.name} (${archive.articles.length} articles) loaded in ${Date.now() - started} ms`);
      // Folder mode: pages that were not UTF-8 are read in their encoding, and said so; unreadable ones are skipped, and said so.
      const notes = this.loaded.notes ?? [];
      for (const note of notes) this.log.appendLine(`archive: ${note}`);
      if (notes.length) {
        const skipped = notes.filter((n) => n.includes(': skipped,')).length;
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Jianbao: {0} pages of the archive folder were read as GB18030, Big5 or UTF-16 and {1} skipped (details in the Jianbao output).', notes.length - skipped, skipped),
        );
      }
      // A damaged section is rebuilt from the articles: say so rather than rebuild silently.
      for (const warning of this.loaded.warnings ?? []) {
        this.log.appendLine(`archive: ${warning}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Jianbao: the archive {0} is partly damaged: {1}', this.loaded.location, warning));
      }
      // Build the cross-reference index now, in slices, rather than in one block on the first check.
      const preparing = Date.now();
      void prepareCrossReference(archive).then(
        () => this.log.appendLine(`archive: cross-reference index ready in ${Date.now() - preparing} ms`),
        (error: unknown) => this.log.appendLine(`archive: cross-reference index: ${error instanceof Error ? error.message : String(error)}`),
      );
      // Likewise the search index: decoded, the article texts squeezed and the query code warmed up (core's
      // loadSearchIndex), so the first search is as fast as the later ones; a search that comes first still works.
      const indexing = Date.now();
      void loadSearchIndex(archive).then(
        () => this.log.appendLine(`archive: search index ready in ${Date.now() - indexing} ms`),
        (error: unknown) => this.log.appendLine(`archive: search index: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    this.render();
    this.changed.fire(this.loaded);
    return this.loaded;
  }

  private render(): void {
    const server = this.server?.status;
    if (server && server.state !== 'off') {
      this.status.command = 'jianbao.search';
      if (server.state === 'connected') {
        this.status.backgroundColor = undefined;
        this.status.text = `$(cloud) ${archiveSummary(server.name ?? '', server.articles ?? 0)}`;
        this.status.tooltip = vscode.l10n.t('Jianbao: the newsroom server {0} answers searches, hovers and draft checks.', server.url ?? '');
        return;
      }
      if (server.state === 'connecting') {
        this.status.backgroundColor = undefined;
        this.status.text = `$(loading~spin) ${vscode.l10n.t('Jianbao: connecting to the server…')}`;
        this.status.tooltip = server.url;
        return;
      }
      // The server cannot answer: the local archive does, and the item says so.
      const local = this.loaded ? archiveSummary(this.loaded.archive.meta.name, this.loaded.archive.articles.length) : vscode.l10n.t('Jianbao: loading archive…');
      this.status.text = `$(warning) ${vscode.l10n.t('Local: {0}', local)}`;
      this.status.tooltip = vscode.l10n.t('Jianbao: the server {0} {1}; the local archive answers.', server.url ?? '', serverProblem(server.state));
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      return;
    }
    if (this.error) {
      this.status.text = `$(warning) ${vscode.l10n.t('Jianbao: archive error')}`;
      this.status.tooltip = this.error;
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      return;
    }
    this.status.backgroundColor = undefined;
    if (!this.loaded) {
      this.status.text = `$(loading~spin) ${vscode.l10n.t('Jianbao: loading archive…')}`;
      this.status.tooltip = undefined;
      return;
    }
    const { archive, source, location } = this.loaded;
    this.status.text = `$(library) ${archiveSummary(archive.meta.name, archive.articles.length)}`;
    this.status.tooltip = source === 'default'
      ? vscode.l10n.t('Jianbao: the bundled default archive. Set jianbao.archive to use your own.')
      : vscode.l10n.t('Jianbao archive: {0}', location);
  }

  /** The status bar text, for tests and the UI check. */
  get statusText(): string {
    return this.status.text;
  }

  dispose(): void {
    this.serverListener?.dispose();
    this.status.dispose();
    this.changed.dispose();
  }
}

/** Why the server does not answer, in the UI language (core's ServerError codes). */
export function serverProblem(state: ServerState): string {
  switch (state) {
    case 'unreachable': return vscode.l10n.t('cannot be reached');
    case 'timeout': return vscode.l10n.t('did not answer in time');
    case 'unauthorized': return vscode.l10n.t('refused the token (set it with "Jianbao: Set server token")');
    case 'forbidden': return vscode.l10n.t('does not allow this token');
    case 'rate-limited': return vscode.l10n.t('is busy (too many requests)');
    case 'server-error': return vscode.l10n.t('had an internal error');
    case 'bad-response': return vscode.l10n.t('is not a Jianbao server');
    case 'bad-address': return vscode.l10n.t('is not a valid address');
    default: return vscode.l10n.t('refused the request');
  }
}
