// What a new user reaches for (issue #18), in a real extension host: the contributed keybindings, menus,
// view container and walkthrough; the citation styles chosen in the setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { EXTENSION_ID, api, waitFor, writeDraft } from './helpers.js';

interface Keybinding { key: string; command: string; when?: string; mac?: string }

suite('everyday use: commands, keys, citation styles', () => {
  const config = () => vscode.workspace.getConfiguration('jianbao');
  const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
    contributes: { keybindings: Keybinding[]; viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]>; walkthroughs: { id: string }[] };
  };

  suiteSetup(async () => {
    assert.ok(await (await api()).ready(), 'the archive loaded');
  });

  suiteTeardown(async () => {
    await config().update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('citationLink', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('every contributed command is registered, and the keys are free in VS Code\'s defaults', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ['jianbao.search', 'jianbao.searchSelection', 'jianbao.insertCitation', 'jianbao.checkDraft', 'jianbao.openWalkthrough']) {
      assert.ok(registered.has(id), `${id} is registered`);
    }
    const ours = manifest().contributes.keybindings;
    assert.ok(ours.length >= 4, 'keybindings contributed');
    // Every default keybinding (VS Code's and the built-in extensions'), as "Open Default Keyboard Shortcuts (JSON)" shows them.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const defaults = [...doc.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1]!, command: m[2]! }));
    assert.ok(defaults.length > 500, `the default keybindings were read (${defaults.length})`);
    for (const k of ours) {
      const taken = defaults.filter((d) => d.key === k.key && !d.command.startsWith('jianbao.') && !d.command.startsWith('-'));
      assert.deepEqual(taken.map((d) => d.command), [], `${k.key} (${k.command}) is free`);
    }
  });

  test('Jianbao has its own view container holding Related articles, and a walkthrough', async () => {
    const m = manifest().contributes;
    assert.deepEqual(m.viewsContainers.activitybar.map((c) => c.id), ['jianbao']);
    assert.deepEqual(m.views.jianbao?.map((v) => v.id), ['jianbao.related']);
    assert.equal((m.views as Record<string, unknown>).explorer, undefined, 'no longer in the Explorer');
    // The view opens in its container (its command exists only when the view is contributed).
    await vscode.commands.executeCommand('jianbao.related.focus');
    assert.deepEqual(m.walkthroughs.map((w) => w.id), ['jianbao.start']);
    await vscode.commands.executeCommand('jianbao.openWalkthrough');
  });

  test('citations follow the jianbao.citationStyle setting: house style, then GB/T 7714 numbered in the draft', async () => {
    const archive = await loadDefaultArchive();
    const article = archive.articles.find((a) => a.paper === '太原日报' && a.dateline?.iso && a.byline)!;
    assert.ok(article, 'a 太原日报 article with a dateline and a byline');
    const editor = await writeDraft('cite-styles.md', '正文\n\n');
    const insertAtEnd = async () => {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      assert.ok(await vscode.commands.executeCommand('jianbao.insertCitation', article.id));
      const inserted = editor.document.lineAt(editor.document.lineCount - 1).text;
      await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n'));
      return inserted;
    };

    await config().update('citationStyle', 'house', vscode.ConfigurationTarget.Workspace);
    const house = await insertAtEnd();
    const day = article.dateline!.iso!.split('-').map(Number);
    assert.ok(house.startsWith(`《${article.title}》（太原日报，${day[0]}年${day[1]}月${day[2]}日讯，`), house);
    assert.ok(!house.includes('记者'), `the byline's names, not its role: ${house}`);

    await config().update('citationStyle', 'gbt7714', vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting', () => config().get('citationStyle') === 'gbt7714' || undefined);
    const first = await insertAtEnd();
    const second = await insertAtEnd();
    assert.match(first, /^\[1\] [^.]+\. .+\[N\]\. 太原日报, \d{4}-\d{2}(-\d{2})?(\(\w+\))?\.$/, first);
    assert.ok(first.includes(`${article.title}[N]`), first);
    assert.ok(second.startsWith('[2] '), `numbered after the first: ${second}`);

    // As a link to the archive article in Markdown; the older value "markdown" still means a linked house-style citation.
    await config().update('citationLink', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('the link setting', () => config().get('citationLink') === true || undefined);
    assert.match(await insertAtEnd(), /^\[\\\[3\\\] .+\]\(jianbao:[^)]+\)$/);
    await config().update('citationLink', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('citationStyle', 'markdown', vscode.ConfigurationTarget.Workspace);
    await waitFor('the older setting', () => config().get('citationStyle') === 'markdown' || undefined);
    assert.match(await insertAtEnd(), /^\[《.+》（太原日报，.+）\]\(jianbao:[^)]+\)$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
