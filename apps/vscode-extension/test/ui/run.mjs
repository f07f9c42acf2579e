// UI check through the code-server page in headless Chromium, on the PACKAGED extension:
// packs the .vsix (vsce), installs it into code-server (--install-extension), opens a Chinese
// draft and checks, with screenshots kept in test-results/ (gitignored):
//  - the status bar names the archive; diagnostics appear as squiggles and in the Problems panel;
//  - the hover on a person shows the archive's title; a wrong title typed in is a Warning with a
//    quick fix; the search quick pick lists results.
// Uses ../shared/eval/drafts-dev/draft-01.md when present (JIANBAO_SHARED overrides), else a draft
// made from the bundled default archive. A CJK font (fonts-wqy-zenhei) makes the Chinese legible.
// Every wait is on what the screen shows, with a limit generous enough for a loaded 2-core machine
// (JIANBAO_UI_WAIT_MS, default 180 s); a wait that gives up saves a screenshot and prints the screen's text.
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, startCodeServer } from '../e2e/code-server.mjs';
import { installPackagedExtension, results, uiSession, WAIT_MS } from './session.mjs';

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

installPackagedExtension(scratch);

const server = await startCodeServer({ scratch, smokeTestDriver: false, settings: { 'jianbao.checkDelay': 200, 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 } });
const ui = uiSession();
const { check, visible, quickInput, showScreen } = ui;
let page;

/** Waits until the quick pick's box holds `value`. */
async function expectValue(value) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let waited = 0; waited < WAIT_MS; waited += 250) {
    if ((await input.inputValue().catch(() => '')) === value) return check(true, `quick pick query after the filter: ${value}`);
    await page.waitForTimeout(250);
  }
  check(false, `quick pick query after the filter: ${await input.inputValue().catch(() => '?')} (wanted ${value})`);
}

try {
  page = await ui.open(server, workspace);

  // Open the draft through Quick Open: opening a Markdown document is what activates the extension
  // (onLanguage:markdown), so the status bar is checked after it, never before.
  await ui.openFile('draft.md');
  await visible(page.locator('.monaco-editor .view-lines'), 'the draft in an editor');
  const status = await visible(page.locator('.statusbar-item', { hasText: /articles|篇/ }), 'the archive in the status bar');
  check(/\d+/.test(await status.innerText()), `status bar: ${await status.innerText()}`);
  await visible(page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning'), 'diagnostic squiggles');
  const squiggles = await page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning').count();
  check(squiggles > 0, `${squiggles} diagnostic squiggles in the draft`);
  await page.keyboard.press('Control+Shift+M');
  const problem = await visible(page.locator('.markers-panel .monaco-list-row', { hasText: '剪报' }), 'our finding in the Problems panel');
  check(await problem.isVisible(), `Problems panel: ${(await problem.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'diagnostics.png') });

  if (person) {
    const hover = await ui.hover(person);
    const hoverText = await hover.innerText();
    check(hoverText.includes(expectedTitle), `hover on ${person}: ${hoverText.replace(/\s+/g, ' ').slice(0, 120)}`);
    await page.screenshot({ path: join(results, 'hover.png') });
    await page.keyboard.press('Escape');

    // Type a sentence giving the person a title the archive does not (晋中市市长 for 晋中市委书记 常书铭): a Warning
    // over the whole wrong title, and its quick fix, which is applied: the text is then right and the warning gone.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`晋中市市长${person}出席会议。`);
    await visible(page.locator('.monaco-editor .squiggly-warning'), 'a warning squiggle for the typed title');
    const warning = await visible(page.locator('.markers-panel .monaco-list-row', { hasText: expectedTitle }), 'the title warning in the Problems panel');
    check(true, `warning: ${(await warning.innerText()).replace(/\s+/g, ' ').slice(0, 100)}`);
    await page.keyboard.press('Control+.');
    const fix = await visible(page.locator('.action-widget .monaco-list-row', { hasText: expectedTitle }), 'the quick fix');
    check(true, `quick fix: ${(await fix.innerText()).replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: join(results, 'quickfix.png') });
    await fix.click();
    const lineText = () => page.evaluate((name) => [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')).find((t) => t.includes(`${name}出席会议`)) ?? '', person);
    const fixedLine = `晋中市委书记${person}出席会议。`;
    await page.waitForFunction(
      ([name, want]) => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(want)),
      [person, fixedLine], { timeout: WAIT_MS },
    ).catch(() => showScreen(`the line to read ${fixedLine}`));
    const line = await lineText();
    check(line.includes(fixedLine) && !line.includes('晋中晋中'), `after the quick fix the line reads: ${line.trim()}`);
    try {
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: WAIT_MS });
      check(true, 'the title warning is gone after the fix (no warning squiggle left)');
    } catch {
      await showScreen('the warning to go after the fix');
      check(false, 'the title warning is gone after the fix');
    }
    await page.screenshot({ path: join(results, 'quickfix-applied.png') });
  }

  // The search quick pick, via the command palette.
  await quickInput('F1', 'Search archive', 'Search archive', 'the Search archive command in the palette');
  await page.keyboard.press('Enter');
  // Our quick pick is up when its placeholder names the archive.
  await visible(page.locator('.quick-input-widget input[placeholder*="articles"]:focus'), 'the archive search box');
  await page.keyboard.type('人大代表');
  const row = await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: '人大' }), 'search results');
  const rows = await page.locator('.quick-input-list .monaco-list-row:visible').count();
  check(rows > 1, `${rows} search results, first: ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
  await page.screenshot({ path: join(results, 'search.png') });
  // The query syntax and the notice: a homophone of a known name, minus a word; the title says what was searched.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('韦涛 -广交会');
  // The notice in the UI's language: 显示“韦韬”的结果；仍搜索“…” in Chinese, Showing results for “韦韬”; search instead for “…” in English.
  const notice = await visible(page.locator('.quick-input-widget .quick-input-title', { hasText: /仍搜索|search instead for/ }), 'the rewrite notice above the results');
  check(true, `quick pick title: ${(await notice.innerText()).trim()}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('人大 date:2025-13');
  await visible(page.locator('.quick-input-widget .quick-input-title', { hasText: 'impossible date' }), 'the one-line error for an impossible date');
  check(true, 'impossible date: one-line error in the quick pick title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('韦涛 -广交会');
  await visible(page.locator('.quick-input-widget .quick-input-title', { hasText: /仍搜索|search instead for/ }), 'the rewrite notice again');
  await page.screenshot({ path: join(results, 'search-syntax.png') });
  // The filters: the title bar's filter button lists the archive's papers (and kinds, dates, sort); a chosen one
  // goes into the query as syntax, and the results follow.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('发展');
  // The previous query's title also says "results": wait for one that no longer names 韦韬/韦涛.
  await visible(page.locator('.quick-input-widget .quick-input-title', { hasText: /results|条结果/ }).filter({ hasNotText: /韦/ }), 'results for 发展');
  await page.locator('.quick-input-widget .quick-input-titlebar .codicon-filter').click();
  // The filter list, not the results (whose rows also name papers): a CI run clicked a result row here.
  await visible(page.locator('.quick-input-widget .quick-input-title', { hasText: /Add a filter to the query|给查询加一个筛选条件/ }), 'the filter list');
  const paperRow = await visible(page.locator('.quick-input-list .monaco-list-row:visible', { hasText: /日报|新闻联播/ }).first(), 'a paper among the filters');
  const paper = (await paperRow.locator('.label-name').first().innerText()).trim();
  await page.screenshot({ path: join(results, 'search-filters.png') });
  await paperRow.click();
  await expectValue(`发展 paper:${paper}`);
  await page.screenshot({ path: join(results, 'search-filtered.png') });
} catch (error) {
  console.error(String(error));
  ui.failed = true;
} finally {
  await ui.finish(server, scratch);
}
