// The hover for one person on a real archive, in a real host (issue #13: "the VS Code hover for a person with many
// titles on an xwlb bundle, screenshots looked at"). Opt in, not part of `pnpm e2e` (CI has no such bundle):
//   JIANBAO_CARD_ARCHIVE=/tmp/xwlb.json.gz JIANBAO_CARD_PERSON=蔡奇 node test/ui/archive-hover.mjs
// Sets jianbao.archive to the bundle in code-server, opens a draft naming the person, and checks that the hover shows
// core's summary of them (distinct titles latest first, at most five, then how many more). Screenshot:
// test-results/archive-hover.png.
import { readFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getLexicon, loadArchive, personSummary } from '@jianbao/core';
import { startCodeServer } from '../e2e/code-server.mjs';
import { installPackagedExtension, oneLine, results, uiSession } from './session.mjs';

const bundle = process.env.JIANBAO_CARD_ARCHIVE;
const person = process.env.JIANBAO_CARD_PERSON;
if (!bundle || !person) {
  console.error('ui: archive-hover needs JIANBAO_CARD_ARCHIVE (a bundle) and JIANBAO_CARD_PERSON (a name); skipped');
  process.exit(0);
}
const bytes = readFileSync(bundle);
const archive = loadArchive(bundle.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8'));
const term = getLexicon(archive).terms.find((t) => t.kind === 'person' && t.name === person);
if (!term) throw new Error(`ui: ${person} is not a person term of ${bundle}`);
const summary = personSummary(term);

const scratch = mkdtempSync(join(tmpdir(), 'jianbao-ui-hover-'));
const workspace = join(scratch, 'workspace');
mkdirSync(workspace, { recursive: true });
writeFileSync(join(workspace, 'draft.md'), `# 稿件\n\n${person}出席会议并讲话。\n`);
installPackagedExtension(scratch);
const server = await startCodeServer({
  scratch, smokeTestDriver: false,
  settings: { 'jianbao.archive': resolve(bundle), 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 16 },
});
const ui = uiSession('archive-hover-');
const { check, visible } = ui;
try {
  const page = await ui.open(server, workspace);
  await ui.openFile('draft.md');
  const status = await visible(page.locator('.statusbar-item', { hasText: String(archive.articles.length) }), 'the bundle in the status bar');
  check(true, `status bar: ${oneLine(await status.innerText())}`);
  const hover = await ui.hover(person);
  const text = oneLine(await hover.innerText());
  for (const { title } of summary.titles) check(text.includes(title), `hover shows ${title}`);
  if (summary.more) check(text.includes(String(summary.more)), `hover says ${summary.more} more`);
  console.error(`ui: hover on ${person}: ${text.slice(0, 400)}`);
  await page.screenshot({ path: join(results, 'archive-hover.png') });
} catch (error) {
  check(false, String(error));
}
await ui.finish(server, scratch);
