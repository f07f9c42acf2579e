// The extension against a newsroom server started by the harness (run.mjs) on 127.0.0.1: the setting and the
// token (SecretStorage) switch search, draft checks and hovers to it; an unreachable server leaves the local
// archive answering, and the status bar says which archive answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { articleBody, getMatcher } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { api, hoverText, waitFor, writeDraft } from './helpers.js';

interface Newsroom { url: string; token: string; name: string; only: { id: string; title: string; query: string; baseId: string } }
const newsroom: Newsroom | undefined = process.env.JIANBAO_E2E_SERVER ? JSON.parse(process.env.JIANBAO_E2E_SERVER) : undefined;
const config = () => vscode.workspace.getConfiguration('jianbao');

suite('newsroom server', () => {
  suiteSetup(function () {
    if (!newsroom) this.skip();
  });
  suiteTeardown(async () => {
    if (!newsroom) return;
    await config().update('server.url', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('jianbao.clearServerToken');
    const a = await api();
    await waitFor('the server setting cleared', async () => (await a.serverStatus()).state === 'off');
  });

  test('with an address and a token (SecretStorage) the server answers searches; the status bar says so', async () => {
    const n = newsroom!;
    const a = await api();
    await a.ready();
    assert.equal((await a.serverStatus()).state, 'off', 'no server by default');
    await vscode.commands.executeCommand('jianbao.setServerToken', n.token);
    await config().update('server.url', n.url, vscode.ConfigurationTarget.Global);
    await waitFor('the server connected', async () => (await a.serverStatus()).state === 'connected');
    await waitFor(`the status bar naming the server's archive (${a.statusText()})`, () => a.statusText().includes(n.name));
    assert.ok(a.statusText().startsWith('$(cloud)'), a.statusText());
    const results = await a.query(n.only.query);
    assert.equal(results[0]?.title, n.only.title, JSON.stringify(results.map((r) => r.title)));
    assert.ok(!a.search(n.only.query).some((r) => r.title === n.only.title), 'the local archive does not have it');
  });

  test('draft checks and hovers come from the server', async () => {
    const n = newsroom!;
    const a = await api();
    const archive = await loadDefaultArchive();
    const base = archive.get(n.only.baseId)!;
    const body = articleBody(base);
    const editor = await writeDraft('server-draft.md', `# 稿件\n\n${body}\n`);
    const report = await waitFor('a server check naming the server-only article', async () => {
      const r = await a.check(editor.document.uri);
      return r && (r.reused.some((x) => x.articleId === n.only.id) || r.related.some((x) => x.id === n.only.id)) ? r : undefined;
    });
    assert.ok(report.reused.length > 0);
    // The first term of the draft: its hover lists the server's newest article (only the server has it).
    const matcher = getMatcher(archive);
    let line = 0;
    while (line < editor.document.lineCount && !matcher.findAll(editor.document.lineAt(line).text).length) line++;
    assert.ok(line < editor.document.lineCount, 'a term in the draft');
    const match = matcher.findAll(editor.document.lineAt(line).text)[0]!;
    const hover = await waitFor('a hover from the server', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, match.start + 1));
      const t = hoverText(hovers ?? []);
      return t.includes(n.only.title) ? t : undefined;
    });
    assert.ok(hover.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('an unreachable server: the local archive answers, and the status bar says so', async () => {
    const n = newsroom!;
    const a = await api();
    await config().update('server.url', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await waitFor('the server reported unreachable', async () => (await a.serverStatus()).state === 'unreachable');
    await waitFor(`a warning in the status bar (${a.statusText()})`, () => a.statusText().startsWith('$(warning)'));
    const archive = await loadDefaultArchive();
    const phrase = articleBody(archive.get(n.only.baseId)!).replace(/\s+/g, '').slice(40, 52);
    const results = await a.query(phrase);
    assert.deepEqual(results.map((r) => r.id), a.search(phrase).map((r) => r.id));
    assert.ok(results.length > 0);
    assert.ok(!(await a.query(n.only.query)).some((r) => r.title === n.only.title));
  });
});
