// The extension in a real VS Code extension host (code-server): archive, search, open, cite, hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { articleBody, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { getLexicon } from '../../../src/archive-service.js';
import { api, hoverText, waitFor, writeDraft } from './helpers.js';

suite('archive, search, open, cite, hover', () => {
  let archive: Archive;

  suiteSetup(async () => {
    archive = await loadDefaultArchive();
    const info = await (await api()).ready();
    assert.ok(info, 'the archive loaded');
  });

  test('loads the bundled default archive and shows it in the status bar', async () => {
    const a = await api();
    const info = await a.ready();
    assert.equal(info?.source, 'default');
    assert.equal(info?.articles, archive.articles.length);
    assert.ok(a.statusText().includes(String(archive.articles.length)), `status bar: ${a.statusText()}`);
  });

  test('search returns the article a phrase comes from, with title, paper, date and snippet', async () => {
    const article = archive.articles.find((x) => articleBody(x).length > 200)!;
    const phrase = articleBody(article).replace(/\s+/g, '').slice(40, 52);
    const results = (await api()).search(phrase);
    assert.ok(results.length > 0, `no results for ${phrase}`);
    const hit = results.find((r) => r.id === article.id);
    assert.ok(hit, `${article.id} not among ${results.map((r) => r.id).join(', ')}`);
    assert.equal(hit.title, article.title);
    assert.equal(hit.paper, article.paper);
    assert.equal(hit.date, article.date);
    assert.ok(hit.detail.length > 0, 'a snippet');
  });

  test('opens an article as a read-only jianbao: document', async () => {
    const article = archive.articles[0]!;
    await vscode.commands.executeCommand('jianbao.openArticle', article.id);
    const editor = await waitFor('the article editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'jianbao' ? e : undefined;
    });
    const text = editor.document.getText();
    assert.ok(text.startsWith(`# ${article.title}`), text.slice(0, 80));
    assert.ok(text.includes(article.paragraphs[0]!), 'the first paragraph');
    // The editor is read-only: typing into it changes nothing.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(editor.document.getText(), text, 'archive documents cannot be edited');
    assert.equal(editor.document.isDirty, false);
  });

  test('inserts a citation 《标题》（报纸，日期） at the cursor', async () => {
    const article = archive.articles[1]!;
    const editor = await writeDraft('cite.txt', '前文。后文。');
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    assert.ok(await vscode.commands.executeCommand('jianbao.insertCitation', article.id));
    const text = editor.document.getText();
    assert.ok(text.startsWith(`前文。《${article.title}》`), text);
    assert.ok(text.endsWith('后文。'), text);
  });

  test('hover on a known term shows its kind, titles and article links', async function () {
    const lexicon = getLexicon(archive);
    const term = lexicon.terms.find((t) => t.kind === 'person' && t.roles.length > 0 && t.mentions.length > 0)
      ?? lexicon.terms.find((t) => t.mentions.length > 0);
    if (!term) return this.skip(); // an archive whose lexicon knows no terms: nothing to hover
    const prefix = '据报道，';
    const editor = await writeDraft('hover.md', `${prefix}${term.name}出席了会议。\n`);
    const position = new vscode.Position(0, prefix.length + 1);
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return h.length && hoverText(h).includes(term.name) ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.ok(text.includes(term.name), text);
    if (term.roles.length) assert.ok(text.includes(term.roles[0]!.title), `a title in: ${text}`);
    assert.ok(text.includes('command:jianbao.openArticle'), `article links in: ${text}`);
    const away = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 1));
    assert.ok(!hoverText(away).includes(term.name), 'no term hover on plain words');
  });
});
