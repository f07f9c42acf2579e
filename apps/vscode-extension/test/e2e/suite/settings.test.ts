// The jianbao.archive setting in a real host: a folder of pages, a missing file, an invalid bundle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceUri } from './helpers.js';

const PAGE = '晋中日报\n\n测试版面的标题\n\n本报讯 这是一篇只为集成测试写的短文，说明文件夹档案可以直接使用。\n';

suite('the archive setting', () => {
  const config = () => vscode.workspace.getConfiguration('jianbao');

  suiteTeardown(async () => {
    await config().update('archive', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the default archive back', async () => (await (await api()).ready())?.source === 'default' || undefined);
  });

  test('a folder of OCR pages is parsed into the archive', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri('pages/p1.txt'), new TextEncoder().encode(PAGE));
    await config().update('archive', 'pages', vscode.ConfigurationTarget.Workspace);
    const info = await waitFor('the folder archive', async () => {
      const i = await (await api()).ready();
      return i?.source === 'folder' ? i : undefined;
    });
    assert.equal(info.name, 'pages');
    assert.ok(info.articles >= 1);
    assert.ok((await api()).statusText().includes(`${info.articles}`), (await api()).statusText());
    assert.equal((await api()).archiveError(), undefined);
  });

  test('a missing archive is reported clearly and the default stays usable', async () => {
    await config().update('archive', 'no-such-archive.json', vscode.ConfigurationTarget.Workspace);
    const error = await waitFor('an archive error', async () => (await api()).archiveError());
    assert.match(error, /not found: .*no-such-archive\.json/);
    assert.equal((await (await api()).ready())?.source, 'default');
    assert.match((await api()).statusText(), /archive error/);
  });

  test('an invalid bundle is reported with the reason', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri('bad.json'), new TextEncoder().encode('{"format":"jianbao-archive","version":1}'));
    await config().update('archive', 'bad.json', vscode.ConfigurationTarget.Workspace);
    const error = await waitFor('a bundle error', async () => {
      const e = (await api()).archiveError();
      return e?.includes('bad.json') ? e : undefined;
    });
    assert.match(error, /not a valid Jianbao bundle/);
    assert.ok(!error.includes('\n'), 'one line');
  });
});
