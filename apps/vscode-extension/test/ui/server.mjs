// UI check of the newsroom server setting, through the code-server page in headless Chromium, on the PACKAGED
// extension: a server started here on 127.0.0.1 (PGlite in a temporary folder, a token made here), the
// jianbao.server.url setting, the token typed into "Set server token" (SecretStorage). Checks, with screenshots in
// test-results/: the status bar names the server's archive; the search quick pick lists the article only the server
// has; with the server gone, "Reload archive" leaves the local archive answering and the status bar warns.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from '../e2e/code-server.mjs';
import { startNewsroomServer } from '../e2e/newsroom-server.mjs';
import { installPackagedExtension, results, uiSession } from './session.mjs';

const newsroom = await startNewsroomServer();
const { url, token, only, name } = JSON.parse(newsroom.env);
const scratch = mkdtempSync(join(tmpdir(), 'jianbao-ui-server-'));
const workspace = join(scratch, 'workspace');
mkdirSync(workspace, { recursive: true });
writeFileSync(join(workspace, 'draft.md'), '# 稿件\n\n新闻档案服务器试运行。\n');
installPackagedExtension(scratch);

const server = await startCodeServer({ scratch, smokeTestDriver: false, settings: { 'jianbao.server.url': url, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 } });
const ui = uiSession('server-');
let closed = false;
try {
  const page = await ui.open(server, workspace);
  // Opening a Markdown draft activates the extension.
  await ui.openFile('draft.md');
  await ui.visible(page.locator('.monaco-editor .view-lines'), 'the draft in an editor');
  // No token yet: the server refuses, the local archive answers, the status bar warns.
  await ui.visible(page.locator('.statusbar-item', { hasText: /Local|本机/ }), 'the local archive in the status bar (no token yet)');
  await ui.palette('Set server token');
  await ui.visible(page.locator('.quick-input-widget input[type="password"]:focus'), 'the token box (a password field)');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  const status = await ui.visible(page.locator('.statusbar-item', { hasText: name }), "the server's archive in the status bar");
  ui.check(true, `status bar: ${(await status.innerText()).trim()}`);
  await page.screenshot({ path: join(results, 'server-status.png') });

  await ui.palette('Search archive');
  await ui.visible(page.locator('.quick-input-widget input[placeholder*="articles"]:focus, .quick-input-widget input[placeholder*="篇"]:focus'), 'the archive search box');
  await page.keyboard.type(only.query);
  const row = await ui.visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: only.title }), 'the server-only article among the results');
  ui.check(true, `search (server): ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'server-search.png') });
  await page.keyboard.press('Escape');

  // The server goes away: after a reload the local archive answers and the status bar says why in its tooltip.
  await newsroom.close();
  closed = true;
  await ui.palette('Reload archive');
  const local = await ui.visible(page.locator('.statusbar-item', { hasText: /Local|本机/ }), 'the local archive in the status bar after the server stopped');
  ui.check(true, `status bar: ${(await local.innerText()).trim()}`);
  await local.hover();
  const tip = await ui.visible(page.locator('.monaco-hover, [role="tooltip"]', { hasText: /cannot be reached|无法连接/ }), 'the reason in the status bar tooltip');
  ui.check(true, `tooltip: ${(await tip.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
  await page.screenshot({ path: join(results, 'server-fallback.png') });
} catch (error) {
  console.error(String(error));
  ui.failed = true;
} finally {
  if (!closed) await newsroom.close().catch(() => {});
  await ui.finish(server, scratch);
}
