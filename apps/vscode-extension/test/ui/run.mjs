// UI check through the code-server page in headless Chromium, on the PACKAGED extension:
// packs the .vsix (vsce), installs it into code-server (--install-extension), opens a Chinese
// draft and checks, with screenshots kept in test-results/ (gitignored):
//  - the status bar names the archive; diagnostics appear as squiggles and in the Problems panel;
//  - the hover on a person shows the archive's title; a wrong title typed in is a Warning with a
//    quick fix; the search quick pick lists results.
// Uses ../shared/eval/drafts-dev/draft-01.md when present (JIANBAO_SHARED overrides), else a draft
// made from the bundled default archive. A CJK font (fonts-wqy-zenhei) makes the Chinese legible.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureCodeServer, extensionRoot, launchChromium, repoRoot, startCodeServer } from '../e2e/code-server.mjs';

const results = join(extensionRoot, 'test-results');
mkdirSync(results, { recursive: true });
const vsix = join(extensionRoot, 'dist/jianbao-vscode.vsix');
const pack = spawnSync('pnpm', ['run', 'package'], { cwd: extensionRoot, stdio: ['ignore', 'ignore', 'inherit'] });
if (pack.status !== 0 || !existsSync(vsix)) throw new Error('ui: vsce package failed');

const scratch = mkdtempSync(join(tmpdir(), 'jianbao-ui-'));
const workspace = join(scratch, 'workspace');
mkdirSync(workspace, { recursive: true });
const shared = resolve(process.env.JIANBAO_SHARED || join(repoRoot, '../shared'));
const sharedDraft = join(shared, 'eval/drafts-dev/draft-01.md');
let person = '常书铭';
let expectedTitle = '市委书记';
if (existsSync(sharedDraft)) {
  cpSync(sharedDraft, join(workspace, 'draft.md'));
} else {
  // No evaluation data: a draft quoting the first long paragraph of the default archive, with a wrong title.
  const { loadDefaultArchive } = await import('@jianbao/core/default-archive');
  const archive = await loadDefaultArchive();
  const paragraph = archive.articles.flatMap((a) => a.paragraphs).sort((a, b) => b.length - a.length)[0];
  writeFileSync(join(workspace, 'draft.md'), `# 测试稿件\n\n${paragraph}\n`);
  person = '';
}

const { node, entry } = ensureCodeServer();
const extensionsDir = join(scratch, 'extensions');
const install = spawnSync(node, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', join(scratch, 'user-data'), '--install-extension', vsix], {
  encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg/config'), XDG_DATA_HOME: join(scratch, 'xdg/data') },
});
console.error(`ui: ${install.stdout.trim()}`);
if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) throw new Error(`ui: --install-extension failed:\n${install.stdout}\n${install.stderr}`);

const server = await startCodeServer({ scratch, smokeTestDriver: false, settings: { 'jianbao.checkDelay': 200, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 } });
let browser;
let failed = false;
const check = (ok, what) => {
  console.error(`ui: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  // Open the draft through Quick Open: opening a Markdown document is what activates the extension
  // (onLanguage:markdown), so the status bar is checked after it, never before.
  await page.keyboard.press('Control+P');
  await page.keyboard.type('draft.md');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  const status = page.locator('.statusbar-item', { hasText: /articles|篇/ }).first();
  await status.waitFor({ timeout: 60_000 });
  check(/\d+/.test(await status.innerText()), `status bar: ${await status.innerText()}`);
  await page.waitForSelector('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning', { timeout: 60_000 });
  const squiggles = await page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning').count();
  check(squiggles > 0, `${squiggles} diagnostic squiggles in the draft`);
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: '剪报' }).first();
  await problem.waitFor({ timeout: 20_000 });
  check(await problem.isVisible(), `Problems panel: ${(await problem.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'diagnostics.png') });

  if (person) {
    // Point the mouse at the middle of the person's name as rendered in the editor.
    const box = await page.evaluate((name) => {
      const walker = document.createTreeWalker(document.querySelector('.monaco-editor .view-lines'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf(name);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at + 1);
        range.setEnd(n, at + 2);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    }, person);
    check(box !== null, `${person} is on screen`);
    if (box) await page.mouse.move(box.x, box.y);
    const hover = page.locator('.monaco-hover', { hasText: person }).first();
    await hover.waitFor({ timeout: 20_000 });
    const hoverText = await hover.innerText();
    check(hoverText.includes(expectedTitle), `hover on ${person}: ${hoverText.replace(/\s+/g, ' ').slice(0, 120)}`);
    await page.screenshot({ path: join(results, 'hover.png') });
    await page.keyboard.press('Escape');

    // Type a sentence giving the person a title the archive does not: a Warning, and its quick fix.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`副市长${person}出席会议。`);
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });
    const warning = page.locator('.markers-panel .monaco-list-row', { hasText: expectedTitle }).first();
    await warning.waitFor({ timeout: 20_000 });
    check(true, `warning: ${(await warning.innerText()).replace(/\s+/g, ' ').slice(0, 100)}`);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: expectedTitle }).first();
    await fix.waitFor({ timeout: 20_000 });
    check(true, `quick fix: ${(await fix.innerText()).replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: join(results, 'quickfix.png') });
    await page.keyboard.press('Escape');
  }

  // The search quick pick, via the command palette.
  await page.keyboard.press('F1');
  await page.keyboard.type('Search archive');
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Search archive' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  // Our quick pick is up when its placeholder names the archive.
  await page.locator('.quick-input-widget input[placeholder*="articles"]:visible').waitFor({ timeout: 20_000 });
  await page.keyboard.type('人大代表');
  const row = page.locator('.quick-input-list .monaco-list-row:visible', { hasText: '人大' }).first();
  await row.waitFor({ timeout: 20_000 });
  const rows = await page.locator('.quick-input-list .monaco-list-row:visible').count();
  check(rows > 1, `${rows} search results, first: ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'search.png') });
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.error(failed ? 'ui: FAILED' : `ui: passed; screenshots in ${results}`);
process.exit(failed ? 1 : 0);
