// UI check of the newsroom server setting, through the code-server page in headless Chromium, on the PACKAGED
// extension: a server started here on 127.0.0.1 (PGlite in a temporary folder, a token made here), the
// jianbao.server.url setting, the token typed into "Set server token" (SecretStorage). Checks, with screenshots in
// test-results/: the status bar names the server's archive; the search quick pick lists the article only the server
// has; with the server gone, "Reload archive" leaves the local archive answering and the status bar warns.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, extensionRoot, launchChromium, startCodeServer } from '../e2e/code-server.mjs';
import { startNewsroomServer } from '../e2e/newsroom-server.mjs';

const results = join(extensionRoot, 'test-results');
mkdirSync(results, { recursive: true });
const vsix = join(extensionRoot, 'dist/jianbao-vscode.vsix');
// ui/run.mjs packs it just before in `pnpm e2e`; alone, pack it here.
if (!existsSync(vsix) || process.env.JIANBAO_UI_PACK) {
  const pack = spawnSync('pnpm', ['run', 'package'], { cwd: extensionRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0 || !existsSync(vsix)) throw new Error('ui: vsce package failed');
}

const newsroom = await startNewsroomServer();
const { url, token, only, name } = JSON.parse(newsroom.env);
const scratch = mkdtempSync(join(tmpdir(), 'jianbao-ui-server-'));
const workspace = join(scratch, 'workspace');
mkdirSync(workspace, { recursive: true });
writeFileSync(join(workspace, 'draft.md'), '# 稿件\n\n新闻档案服务器试运行。\n');

const { node, entry } = ensureCodeServer();
const install = spawnSync(node, [entry, '--extensions-dir', join(scratch, 'extensions'), '--user-data-dir', join(scratch, 'user-data'), '--install-extension', vsix], {
  encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg/config'), XDG_DATA_HOME: join(scratch, 'xdg/data') },
});
if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) throw new Error(`ui: --install-extension failed:\n${install.stdout}\n${install.stderr}`);

const server = await startCodeServer({ scratch, smokeTestDriver: false, settings: { 'jianbao.server.url': url, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 } });
const WAIT_MS = Number(process.env.JIANBAO_UI_WAIT_MS ?? 180_000);
let browser;
let page;
let failed = false;
let shots = 0;
const check = (ok, what) => {
  console.error(`ui: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

async function visible(locator, what, ms = WAIT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: ms });
    return locator.first();
  } catch {
    const path = join(results, `server-failure-${++shots}.png`);
    await page?.screenshot({ path }).catch(() => {});
    const text = (await page?.evaluate(() => document.body.innerText).catch(() => '')) ?? '';
    console.error(`ui: gave up waiting for ${what}; screenshot ${path}; the screen showed:\n${text.replace(/\n\s*\n/g, '\n').slice(0, 4000)}`);
    throw new Error(`ui: ${what} did not show within ${ms / 1000} s`);
  }
}

/** A command from the palette, retried when a key press is lost under load. */
async function command(title) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input:focus').waitFor({ state: 'visible', timeout: WAIT_MS / 3 });
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: title }).first().waitFor({ state: 'visible', timeout: WAIT_MS / 3 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

try {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await visible(page.locator('.monaco-workbench'), 'the workbench');
  // Opening a Markdown draft activates the extension.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input:focus').waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type('draft.md');
  await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'draft.md' }), 'draft.md in Quick Open');
  await page.keyboard.press('Enter');
  await visible(page.locator('.monaco-editor .view-lines'), 'the draft in an editor');
  // No token yet: the server refuses, the local archive answers, the status bar warns.
  await visible(page.locator('.statusbar-item', { hasText: /Local|本机/ }), 'the local archive in the status bar (no token yet)');
  await command('Set server token');
  await visible(page.locator('.quick-input-widget input[type="password"]:focus'), 'the token box (a password field)');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  const status = await visible(page.locator('.statusbar-item', { hasText: name }), "the server's archive in the status bar");
  check(true, `status bar: ${(await status.innerText()).trim()}`);
  await page.screenshot({ path: join(results, 'server-status.png') });

  await command('Search archive');
  await visible(page.locator('.quick-input-widget input[placeholder*="articles"]:focus, .quick-input-widget input[placeholder*="篇"]:focus'), 'the archive search box');
  await page.keyboard.type(only.query);
  const row = await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: only.title }), 'the server-only article among the results');
  check(true, `search (server): ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'server-search.png') });
  await page.keyboard.press('Escape');

  // The server goes away: after a reload the local archive answers and the status bar says so.
  await newsroom.close();
  await command('Reload archive');
  const local = await visible(page.locator('.statusbar-item', { hasText: /Local|本机/ }), 'the local archive in the status bar after the server stopped');
  check(true, `status bar: ${(await local.innerText()).trim()}`);
  await local.hover();
  await visible(page.locator('.monaco-hover, .hover-contents, [role="tooltip"]', { hasText: /cannot be reached|无法连接/ }), 'the reason in the status bar tooltip', WAIT_MS / 2).catch(() => check(false, 'the tooltip names the reason'));
  await page.screenshot({ path: join(results, 'server-fallback.png') });
} catch (error) {
  console.error(String(error));
  failed = true;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  await newsroom.close().catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
console.error(failed ? 'ui: FAILED' : `ui: passed; screenshots in ${results}`);
process.exit(failed ? 1 : 0);
