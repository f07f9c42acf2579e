/**
 * The newsroom server, when `jianbao.server.url` is set and a token is in SecretStorage ("剪报: Set server
 * token"): core's ServerClient, its status (which archive answers, and why not the server), and what the editor
 * features need from it — articles (cached), term cards, cross-references of drafts (sent, never kept) and the
 * matcher and lexicon sections, cached by revision (re-checked with their ETag at most once a minute). With no
 * server set, nothing here makes a request.
 */
import * as vscode from 'vscode';
import {
  loadMatcher, ServerClient, ServerError, readLexiconSection,
  type Article, type Lexicon, type Matcher, type ServerErrorCode, type Term,
} from '@jianbao/core';

export const TOKEN_KEY = 'jianbao.server.token';
/** After a failure, the local archive answers without asking the server again for this long. */
const RETRY_MS = 30_000;
const SECTION_RECHECK_MS = 60_000;
const ARTICLE_CACHE = 2000;

export type ServerState = 'off' | 'connecting' | 'connected' | ServerErrorCode;

export interface ServerStatus {
  state: ServerState;
  url?: string;
  name?: string;
  articles?: number;
  revision?: number;
}

interface Section<T> {
  etag: string;
  value: T;
  checkedAt: number;
}

export class ServerConnection implements vscode.Disposable {
  private client: ServerClient | undefined;
  private state: ServerStatus = { state: 'off' };
  private failedAt = -Infinity;
  private readonly articles = new Map<string, Article>();
  private matcherSection: Section<Matcher> | undefined;
  private lexiconSection: Section<Lexicon> | undefined;
  private readonly changed = new vscode.EventEmitter<ServerStatus>();
  /** Fires when the status changes (the status bar follows it) or the server's archive moved to a new revision. */
  readonly onDidChange = this.changed.event;
  private configuring: Promise<ServerStatus> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly log: vscode.OutputChannel) {}

  get status(): ServerStatus {
    return this.state;
  }

  /** Whether a server is set (it may still be unreachable: `status.state` says). */
  get configured(): boolean {
    return this.client !== undefined;
  }

  /** Reads the setting and the token, and checks the server at once. */
  configure(): Promise<ServerStatus> {
    this.configuring = (async () => {
      const url = vscode.workspace.getConfiguration('jianbao').get<string>('server.url', '').trim();
      const token = url ? (await this.secrets.get(TOKEN_KEY))?.trim() : undefined;
      this.client = undefined;
      this.articles.clear();
      this.matcherSection = undefined;
      this.lexiconSection = undefined;
      this.failedAt = -Infinity;
      if (!url) return this.set({ state: 'off' });
      if (!token) return this.set({ state: 'unauthorized', url });
      try {
        this.client = new ServerClient({ url, token });
      } catch (error) {
        return this.set({ state: error instanceof ServerError ? error.code : 'bad-address', url });
      }
      this.set({ state: 'connecting', url: this.client.url });
      await this.check();
      return this.state;
    })();
    return this.configuring;
  }

  /** Waits for a configure() under way. */
  async ready(): Promise<ServerStatus> {
    await this.configuring;
    return this.state;
  }

  /** Asks the server for its revision (checks address and token); the status follows. */
  async check(): Promise<ServerStatus> {
    const client = this.client;
    if (!client) return this.state;
    await this.attempt(async (c) => {
      const r = await c.revision();
      this.note({ name: r.name, articles: r.articles }, r.revision);
    }, true).catch(() => undefined);
    return this.state;
  }

  /**
   * The server's answer when one is set and usable, else `local()`'s. A failure that says the server cannot be
   * used now (unreachable, timeout, token refused, 5xx) goes into the status, and the local archive answers; the
   * server is asked again after RETRY_MS (or at once on "Reload archive" or a settings change).
   */
  async via<T>(remote: (client: ServerClient) => Promise<T>, local: () => Promise<T>): Promise<T> {
    await this.configuring;
    if (!this.usable) return local();
    try {
      return await this.attempt(remote);
    } catch (error) {
      if (error instanceof ServerError && error.fallback) return local();
      throw error;
    }
  }

  /** A server is set and either answered last time or its retry pause is over. */
  get usable(): boolean {
    return this.client !== undefined && (this.state.state === 'connected' || Date.now() - this.failedAt >= RETRY_MS);
  }

  private async attempt<T>(remote: (client: ServerClient) => Promise<T>, force = false): Promise<T> {
    const client = this.client;
    if (!client || (!force && !this.usable)) throw new ServerError('unreachable', 'no server');
    try {
      const value = await remote(client);
      if (this.client === client && this.state.state !== 'connected') this.set({ ...this.state, state: 'connected', url: client.url });
      return value;
    } catch (error) {
      if (error instanceof ServerError && error.fallback && this.client === client) {
        this.failedAt = Date.now();
        if (this.state.state !== error.code) {
          this.log.appendLine(`server: ${client.url}: ${error.message}; using the local archive`);
          this.set({ ...this.state, state: error.code, url: client.url });
        }
      }
      throw error;
    }
  }

  /** An article from the server (cached; undefined when it has none). */
  async article(client: ServerClient, id: string): Promise<Article | undefined> {
    const cached = this.articles.get(id);
    if (cached) return cached;
    const article = await client.article(id);
    if (article) {
      this.articles.set(id, article);
      if (this.articles.size > ARTICLE_CACHE) this.articles.delete(this.articles.keys().next().value!);
    }
    return article;
  }

  /** The loaded article, if it was fetched already (diagnostics look articles up synchronously after fetching them). */
  cachedArticle(id: string): Article | undefined {
    return this.articles.get(id);
  }

  /** The server's matcher and lexicon, for hovers and quick fixes: loaded once per revision. */
  async terms(client: ServerClient): Promise<{ matcher: Matcher; lexicon: Lexicon }> {
    const now = Date.now();
    if (!this.matcherSection || now - this.matcherSection.checkedAt >= SECTION_RECHECK_MS) {
      const reply = await client.section('matcher', this.matcherSection?.etag);
      this.matcherSection = reply.changed ? { etag: reply.etag, value: loadMatcher(reply.body), checkedAt: now } : { ...this.matcherSection!, checkedAt: now };
      if (reply.changed) this.note({}, reply.revision);
    }
    if (!this.lexiconSection || now - this.lexiconSection.checkedAt >= SECTION_RECHECK_MS) {
      const reply = await client.section('lexicon', this.lexiconSection?.etag);
      if (reply.changed) {
        const terms = readLexiconSection(reply.body) ?? [];
        const byId = new Map<string, Term>(terms.map((t) => [t.id, t]));
        this.lexiconSection = { etag: reply.etag, value: { terms, get: (id) => byId.get(id) }, checkedAt: now };
      } else this.lexiconSection = { ...this.lexiconSection!, checkedAt: now };
    }
    return { matcher: this.matcherSection.value, lexicon: this.lexiconSection.value };
  }

  /** The last matcher loaded from the server, for synchronous callers (quick fixes); undefined before the first. */
  get loadedMatcher(): Matcher | undefined {
    return this.matcherSection?.value;
  }

  private note(info: { name?: string; articles?: number }, revision: number): void {
    const moved = this.state.revision !== undefined && revision > this.state.revision;
    this.state = { ...this.state, ...info, revision: Math.max(revision, this.state.revision ?? 0) };
    if (moved) {
      this.articles.clear();
      this.changed.fire(this.state);
    }
  }

  private set(status: ServerStatus): ServerStatus {
    this.state = status;
    this.changed.fire(status);
    return status;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
