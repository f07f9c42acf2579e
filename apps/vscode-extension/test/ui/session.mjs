// What the UI checks (run.mjs, everyday.mjs) share: the packaged extension installed into a
// code-server profile, the workbench opened in headless Chromium, and waits that give up by
// showing the screen (a screenshot and its visible text). Every wait is on what the screen shows,
// with a limit generous enough for a loaded 2-core machine (JIANBAO_UI_WAIT_MS, default 180 s).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, extensionRoot, here, launchChromium } from '../e2e/code-server.mjs';

/** Text as one line, for a check's message. */
export const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

export const WAIT_MS = Number(process.env.JIANBAO_UI_WAIT_MS ?? 180_000);
export const results = join(extensionRoot, 'test-results');
mkdirSync(results, { recursive: true });

/** Packs the .vsix (vsce) and installs it into code-server's profile under `scratch`. */
export function installPackagedExtension(scratch) {
  const vsix = join(extensionRoot, 'dist/jianbao-vscode.vsix');
  const pack = spawnSync('pnpm', ['run', 'package'], { cwd: extensionRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0 || !existsSync(vsix)) throw new Error('ui: vsce package failed');
  installVsix(scratch, vsix);
}

function installVsix(scratch, vsix) {
  const { node, entry } = ensureCodeServer();
  const install = spawnSync(node, [entry, '--extensions-dir', join(scratch, 'extensions'), '--user-data-dir', join(scratch, 'user-data'), '--install-extension', vsix], {
    encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg/config'), XDG_DATA_HOME: join(scratch, 'xdg/data') },
  });
  console.error(`ui: ${install.stdout.trim()}`);
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) throw new Error(`ui: --install-extension failed:\n${install.stdout}\n${install.stderr}`);
}

/**
 * Lets code-server run in zh-cn offline (start it with `--locale zh-cn`): VS Code's Chinese language pack
 * cannot be installed here, so a stub pack (zh-cn-pack/: the zh-cn localization with no workbench
 * translations) is packed and installed, and its entry written to languagepacks.json, which VS Code reads
 * at start and its command-line installer does not write. The workbench stays English; extensions see zh-cn.
 */
export function installZhCnStub(scratch) {
  const vsix = join(scratch, 'zh-cn-pack.vsix');
  const vsce = join(extensionRoot, 'node_modules/.bin/vsce');
  const pack = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: join(here, '../ui/zh-cn-pack'), encoding: 'utf8' });
  if (pack.status !== 0 || !existsSync(vsix)) throw new Error(`ui: packing the zh-cn stub failed:\n${pack.stdout}\n${pack.stderr}`);
  installVsix(scratch, vsix);
  const folder = readdirSync(join(scratch, 'extensions')).find((n) => n.startsWith('jianbao-tests.zh-cn-stub-'));
  if (!folder) throw new Error('ui: the zh-cn stub is not in the extensions folder after installing it');
  writeFileSync(join(scratch, 'user-data/languagepacks.json'), JSON.stringify({
    'zh-cn': {
      hash: 'jianbao-zh-cn-stub-1', label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: 'jianbao-tests.zh-cn-stub' }, version: '0.0.1' }],
      translations: { vscode: join(scratch, 'extensions', folder, 'translations/main.i18n.json') },
    },
  }));
}

/** A UI session: `ui.page` once `open` ran; `failed` once any check failed. Failure screenshots are named `${prefix}failure-N.png`. */
export function uiSession(prefix = '') {
  let shots = 0;
  const ui = {
    browser: undefined,
    page: undefined,
    failed: false,

    check(ok, what) {
      console.error(`ui: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (!ok) ui.failed = true;
    },

    /** What the screen showed when a wait gave up: a screenshot and the page's visible text. */
    async showScreen(what) {
      const path = join(results, `${prefix}failure-${++shots}.png`);
      await ui.page?.screenshot({ path }).catch(() => {});
      const text = (await ui.page?.evaluate(() => document.body.innerText).catch(() => '')) ?? '';
      console.error(`ui: gave up waiting for ${what}; screenshot ${path}; the screen showed:\n${text.replace(/\n\s*\n/g, '\n').slice(0, 4000)}`);
    },

    /** Waits until `locator` is visible (up to `ms`); on giving up, shows the screen and throws. */
    async visible(locator, what, ms = WAIT_MS) {
      try {
        await locator.first().waitFor({ state: 'visible', timeout: ms });
        return locator.first();
      } catch {
        await ui.showScreen(what);
        throw new Error(`ui: ${what} did not show within ${ms / 1000} s`);
      }
    },

    /**
     * Opens a quick input with `key`, waits for its box to have the focus before typing (under load a key
     * pressed while the workbench is busy can be lost), then waits for a row showing `rowText`. A lost key
     * press is pressed again, up to three times.
     */
    async quickInput(key, text, rowText, what) {
      const { page } = ui;
      for (let attempt = 1; ; attempt++) {
        try {
          await page.keyboard.press(key);
          await page.locator('.quick-input-widget input:focus').waitFor({ state: 'visible', timeout: WAIT_MS / 3 });
          await page.keyboard.type(text);
          const row = page.locator('.quick-input-list .monaco-list-row:visible', { hasText: rowText }).first();
          await row.waitFor({ state: 'visible', timeout: WAIT_MS / 3 });
          return row;
        } catch (error) {
          if (attempt === 3) {
            await ui.showScreen(what);
            throw new Error(`ui: ${what} did not show after 3 tries`);
          }
          console.error(`ui: ${what}: try ${attempt} did not show it (${String(error).split('\n')[0]}), again`);
          await page.keyboard.press('Escape');
        }
      }
    },

    /**
     * Rests the pointer on the middle of `text` as rendered in the editor and returns the hover that shows
     * it. Under load a move can come before the editor listens: moves off and back, up to three times.
     */
    async hover(text) {
      const { page } = ui;
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
      }, text);
      if (!box) {
        await ui.showScreen(`${text} on screen`);
        throw new Error(`ui: ${text} is not on screen`);
      }
      const hover = page.locator('.monaco-hover', { hasText: text }).first();
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(box.x, box.y + 200);
        await page.mouse.move(box.x, box.y);
        try {
          await hover.waitFor({ state: 'visible', timeout: WAIT_MS / 3 });
          return hover;
        } catch {
          if (attempt === 3) return ui.visible(hover, `the hover on ${text}`, 1);
        }
      }
    },

    /** Opens a workspace file through Quick Open (opening a Markdown draft is what activates the extension). */
    async openFile(name) {
      await ui.quickInput('Control+P', name, name, `Quick Open listing ${name}`);
      await ui.page.keyboard.press('Enter');
    },

    /** Runs a command from the palette. */
    async palette(title) {
      await ui.quickInput('F1', title, title, `the command ${title} in the palette`);
      await ui.page.keyboard.press('Enter');
    },

    /** Opens the workbench on `workspace` in a new headless Chromium. */
    async open(server, workspace) {
      ui.browser = await launchChromium();
      ui.page = await ui.browser.newPage({ viewport: { width: 1400, height: 900 } });
      await ui.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await ui.visible(ui.page.locator('.monaco-workbench'), 'the workbench');
      return ui.page;
    },

    /** Closes everything, says how it went and exits with its status. */
    async finish(server, scratch) {
      await ui.browser?.close().catch(() => {});
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
      console.error(ui.failed ? 'ui: FAILED' : `ui: passed; screenshots in ${results}`);
      process.exit(ui.failed ? 1 : 0);
    },
  };
  return ui;
}
