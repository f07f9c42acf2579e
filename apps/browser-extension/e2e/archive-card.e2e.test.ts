/**
 * The hover card for one person on a real archive (issue #13: "the browser card … for a person with many titles on
 * an xwlb bundle, screenshots looked at"). Opt in: JIANBAO_CARD_ARCHIVE=<bundle .json or .json.gz> and
 * JIANBAO_CARD_PERSON=<name>, e.g. an xwlb bundle built with `jianbao build` and 蔡奇; skipped otherwise (CI has no
 * such bundle). The bundle is imported through Options as a user would; the card must show core's summary of that
 * person: distinct titles latest first, at most five, then "+N more". Screenshot: test-results/archive-card-<name>.png.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getLexicon, loadArchive, personSummary } from '@jianbao/core';
import { cardState, collectMarks } from './browser-helpers.js';
import { firstMarkWithText, resultsDir } from './expect-helpers.js';
import { chromiumMissing, launchChromium, type ChromiumRun } from './launch.js';

const bundlePath = process.env.JIANBAO_CARD_ARCHIVE;
const person = process.env.JIANBAO_CARD_PERSON;
const skip = !bundlePath || !person ? 'JIANBAO_CARD_ARCHIVE and JIANBAO_CARD_PERSON not set' : chromiumMissing();

describe.skipIf(skip)('the card for a person with many titles on a real archive (opt-in)', () => {
  let run: ChromiumRun;
  let server: Server;
  let url = '';
  const bytes = bundlePath ? readFileSync(bundlePath) : Buffer.alloc(0);
  const archive = bundlePath ? loadArchive(bundlePath.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')) : undefined;

  beforeAll(async () => {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻</title></head><body><main><article>
<h1>会议新闻</h1><p>本报讯 ${person}出席会议并讲话。会议指出，要抓好各项工作落实。</p><p>${person}强调，要坚持稳中求进工作总基调。</p>
</article></main></body></html>`;
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news.html`;
    run = await launchChromium({ prefix: 'jianbao-card-', locale: 'zh-CN', viewport: { width: 1000, height: 900 } });
  });
  afterAll(async () => {
    await run?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('imported through Options, the card sums the person up as core does', async () => {
    const term = getLexicon(archive!).terms.find((t) => t.kind === 'person' && t.name === person);
    expect(term, `${person} is a person term of the archive`).toBeDefined();
    const summary = personSummary(term);

    const options = await run.context.newPage();
    await options.goto(`chrome-extension://${run.extensionId}/options.html`);
    await options.locator('#bundle-file').setInputFiles({ name: basename(bundlePath!), mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => options.locator('#import-status.ok').count()).toBe(1);
    await options.close();

    const page = await run.context.newPage();
    await page.goto(url);
    await expect.poll(async () => firstMarkWithText(await page.evaluate(collectMarks), person!)).toBeTruthy();
    const mark = firstMarkWithText(await page.evaluate(collectMarks), person!)!;
    await page.mouse.move(mark.x - 2, mark.y);
    await page.mouse.move(mark.x, mark.y, { steps: 2 });
    await expect.poll(() => page.evaluate(cardState).then((c) => c.visible)).toBe(true);
    const card = await page.evaluate(cardState);
    for (const { title } of summary.titles) expect(card.text, `the card shows ${title}`).toContain(title);
    if (summary.more) expect(card.text).toContain(String(summary.more));
    await page.screenshot({ path: join(resultsDir, `archive-card-${person}.png`) });
    console.log(`card for ${person}: ${card.text?.replace(/\s+/g, ' ').slice(0, 400)}`);
  });
});
