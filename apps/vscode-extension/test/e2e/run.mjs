// Runs the integration tests (test/e2e/suite, bundled into dist/e2e) inside a
// real extension host: code-server started with the smoke-test driver, whose
// workbench, opened in headless Chromium with a payload naming the extension
// under development and the tests, runs them and reports the exit code through
// window.codeAutomationExit. Exits non-zero when a test fails.
// Env: JIANBAO_SHARED (evaluation data, default <repo>/../shared), JIANBAO_E2E_GREP.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionRoot, launchChromium, repoRoot, startCodeServer } from './code-server.mjs';
import { startNewsroomServer } from './newsroom-server.mjs';

// The whole suite, generous for a loaded 2-core machine (each wait inside has its own limit and message).
const TIMEOUT_MS = Number(process.env.JIANBAO_E2E_TIMEOUT_MS ?? 1_200_000);
const extension = join(extensionRoot, 'dist/extension');
// JIANBAO_E2E_TESTS runs another host module instead (the benchmark: dist/e2e/host.cjs), with
// JIANBAO_E2E_SETTINGS (JSON) merged into the user settings; JIANBAO_BENCH_* reach the host.
const tests = process.env.JIANBAO_E2E_TESTS || join(extensionRoot, 'dist/e2e/index.cjs');
for (const p of [join(extension, 'package.json'), tests]) {
  if (!existsSync(p)) throw new Error(`e2e: ${p} is missing: run \`pnpm build\` first`);
}
const shared = resolve(process.env.JIANBAO_SHARED || join(repoRoot, '../shared'));

const scratch = mkdtempSync(join(tmpdir(), 'jianbao-e2e-'));
const workspace = join(scratch, 'workspace');
cpSync(join(extensionRoot, 'test/fixtures/workspace'), workspace, { recursive: true });

// A newsroom server on 127.0.0.1 (PGlite in a temporary folder, a token made here) for suite/server.test.ts.
const newsroom = process.env.JIANBAO_E2E_TESTS ? undefined : await startNewsroomServer();
const server = await startCodeServer({
  scratch,
  settings: { 'jianbao.checkDelay': 150, ...JSON.parse(process.env.JIANBAO_E2E_SETTINGS || '{}') },
  env: {
    JIANBAO_E2E_WORKSPACE: workspace,
    JIANBAO_E2E_SHARED: existsSync(join(shared, 'eval/drafts-dev')) ? shared : '',
    JIANBAO_E2E_GREP: process.env.JIANBAO_E2E_GREP ?? '',
    JIANBAO_E2E_SERVER: newsroom?.env ?? '',
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('JIANBAO_BENCH_'))),
  },
});
let browser;
let page;
let code = 1;
try {
  browser = await launchChromium();
  page = await browser.newPage();
  const exited = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      console.log(...(Array.isArray(args) ? args : [args]));
    });
    void page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(tests)],
  ]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  code = await Promise.race([
    exited,
    new Promise((r) => setTimeout(() => { console.error(`e2e: no result within ${TIMEOUT_MS / 1000} s`); r(1); }, TIMEOUT_MS)),
  ]);
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  if (code !== 0 && page) {
    // What the screen showed when the suite failed or gave up: a screenshot and the workbench's visible text.
    const results = join(extensionRoot, 'test-results');
    mkdirSync(results, { recursive: true });
    const shot = join(results, 'e2e-failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    const text = await page.evaluate(() => document.body.innerText).catch(() => '');
    console.error(`e2e: screenshot ${shot}; the screen showed:\n${String(text).replace(/\n\s*\n/g, '\n').slice(0, 4000)}`);
  }
  await browser?.close().catch(() => {});
  await server.stop();
  await newsroom?.close().catch((error) => console.error('e2e: closing the newsroom server:', error));
  if (code !== 0) console.error(`e2e: code-server output:\n${server.output().slice(-4000)}`);
  rmSync(scratch, { recursive: true, force: true });
}
console.error(code === 0 ? 'e2e: all integration tests passed' : `e2e: failed (exit ${code})`);
process.exit(code);
