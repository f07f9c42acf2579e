// Everyday use (issue #18) through the code-server page in headless Chromium, on the PACKAGED extension:
// Jianbao's view container in the activity bar (Related articles, its welcome text), the editor context
// menu (Search archive for selection → the quick pick seeded with it), the keybinding, a citation in each
// style chosen by the setting, and the walkthrough. Screenshots in test-results/everyday-*.png.
// In English; zh-cn.mjs checks the Chinese strings in the same host.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from '../e2e/code-server.mjs';
import { installPackagedExtension, results, uiSession, WAIT_MS } from './session.mjs';

const T = { container: 'Jianbao', view: 'Related Articles', searchSel: 'Search archive for selection', cite: 'Insert citation', check: 'Check draft', start: 'Get started', walk: 'Get started with Jianbao', searchBox: 'articles' };
const shot = (name) => join(results, `everyday-${name}.png`);

const scratch = mkdtempSync(join(tmpdir(), 'jianbao-ui-everyday-'));
const workspace = join(scratch, 'workspace');
mkdirSync(join(workspace, '.vscode'), { recursive: true });
const { loadDefaultArchive } = await import('@jianbao/core/default-archive');
const archive = await loadDefaultArchive();
const article = archive.articles.find((a) => a.paper === '太原日报' && a.dateline?.iso && a.byline);
const QUERY = '太原晋中一体化';
writeFileSync(join(workspace, 'draft.md'), `# 稿件\n\n${QUERY}\n\n${article.paragraphs[0]}\n\n参考文献\n\n`);
const settingsFile = join(workspace, '.vscode/settings.json');
writeFileSync(settingsFile, JSON.stringify({ 'jianbao.citationStyle': 'house' }));

installPackagedExtension(scratch);

const server = await startCodeServer({
  scratch, smokeTestDriver: false,
  settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'jianbao.checkDelay': 200, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 },
});
const ui = uiSession('everyday-');
const { check, visible, palette } = ui;
let page;
try {
  page = await ui.open(server, workspace);
  await ui.openFile('draft.md');
  await visible(page.locator('.monaco-editor .view-lines', { hasText: QUERY }), 'the draft');

  // The view container: its icon in the activity bar opens Related articles, listing what the draft reuses.
  const icon = await visible(page.locator(`.activitybar .action-item a[aria-label^="${T.container}"], .activitybar .action-item[aria-label^="${T.container}"]`), 'Jianbao in the activity bar');
  await icon.click();
  // One view in the container: its name is in the side bar's title (`Jianbao 剪报: Related Articles`).
  await visible(page.locator('.part.sidebar .composite.title', { hasText: new RegExp(T.view, 'i') }), 'the Related articles view in its container');
  const related = await visible(page.locator('.part.sidebar .monaco-list-row', { hasText: article.title.slice(0, 6) }), 'the draft\'s source among the related articles');
  check(true, `view container: related article ${(await related.innerText()).replace(/\s+/g, ' ').slice(0, 60)}`);
  await page.screenshot({ path: shot('view-container') });

  // The editor context menu on a selection, and what it does.
  const line = page.locator('.monaco-editor .view-line', { hasText: new RegExp(`^${QUERY}$`) }).first();
  await line.click({ position: { x: 5, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await visible(page.locator('.statusbar-item', { hasText: `(${QUERY.length} selected)` }), 'the selection in the status bar');
  await line.click({ button: 'right', position: { x: 30, y: 8 } });
  const item = await visible(page.locator('.context-view .action-item', { hasText: T.searchSel }), 'Search archive for selection in the context menu');
  for (const t of [T.cite, T.check]) check(await page.locator('.context-view .action-item', { hasText: t }).first().isVisible(), `context menu offers ${t}`);
  await page.screenshot({ path: shot('context-menu') });
  await item.click();
  const box = await visible(page.locator(`.quick-input-widget input[placeholder*="${T.searchBox}"]`), 'the search box');
  check((await box.inputValue()) === QUERY, `the search box holds the selection: ${await box.inputValue()}`);
  await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: '一体化' }), 'results for the selection');
  await page.screenshot({ path: shot('search-selection') });
  await page.keyboard.press('Escape');

  // The keybinding (no selection): the search box.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Alt+J');
  await visible(page.locator(`.quick-input-widget input[placeholder*="${T.searchBox}"]:focus`), 'the search box from Ctrl+Alt+J');
  check(true, 'Ctrl+Alt+J opens the archive search');
  await page.keyboard.press('Escape');

  // A citation in each style: the setting is changed in the workspace's settings.json, as a user would.
  const cite = async () => {
    // Each citation on a new line at the end of the draft.
    await page.locator('.monaco-editor .view-lines').first().click();
    await visible(page.locator('.monaco-editor.focused'), 'the editor focused');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+Q');
    await visible(page.locator('.quick-input-widget input:focus'), 'the citation search box');
    await page.keyboard.type(article.title.slice(0, 8));
    await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: article.title.slice(0, 8) }), 'the article to cite');
    await page.keyboard.press('Enter');
  };
  const houseLine = page.locator('.monaco-editor .view-line', { hasText: `》（太原日报，` });
  await cite();
  await visible(houseLine, 'the house-style citation');
  writeFileSync(settingsFile, JSON.stringify({ 'jianbao.citationStyle': 'gbt7714' }));
  // The new setting reaches the host a little later: cite again until the GB/T form comes.
  for (const deadline = Date.now() + WAIT_MS; ; ) {
    await cite();
    try {
      await page.locator('.monaco-editor .view-line', { hasText: '[N]' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      break;
    } catch {
      // Until the common deadline, not a count of tries: on a loaded 2-core machine one try can take most of a minute.
      if (Date.now() > deadline) await visible(page.locator('.monaco-editor .view-line', { hasText: '[N]' }), 'the GB/T 7714 citation', 1);
    }
  }
  // The lines as saved (the editor wraps them over several rows on screen).
  await page.keyboard.press('Control+S');
  const saved = () => readFileSync(join(workspace, 'draft.md'), 'utf8').split('\n');
  for (const deadline = Date.now() + WAIT_MS; !saved().some((l) => l.includes('[N]')) && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 200));
  const house = saved().find((l) => l.startsWith('《'));
  const gbt = saved().find((l) => l.includes('[N]'));
  check(Boolean(house?.startsWith(`《${article.title}》（太原日报，`) && house.includes('日讯')), `house style: ${house}`);
  check(/^\[1\] 殷雪鸢, 胡引平\. .+\[N\]\. 太原日报, \d{4}-\d{2}(-\d{2})?(\(\w+\))?\.$/.test(gbt ?? ''), `GB/T 7714: ${gbt}`);
  await page.screenshot({ path: shot('citations') });

  // The walkthrough, from the command.
  await palette(`${T.container}: ${T.start}`);
  await visible(page.locator('.gettingStartedContainer', { hasText: T.walk }), 'the walkthrough');
  const step = page.locator('.gettingStartedContainer button.getting-started-step', { hasText: 'Cite an article' }).first();
  if (await step.isVisible()) await step.click();
  await visible(page.locator('.gettingStartedContainer .getting-started-media'), 'the step\'s picture');
  await page.screenshot({ path: shot('walkthrough') });
  check(true, 'walkthrough shown');
} catch (error) {
  console.error(String(error));
  ui.failed = true;
} finally {
  await ui.finish(server, scratch);
}
