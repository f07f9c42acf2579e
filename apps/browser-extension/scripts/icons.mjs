// Draws the toolbar and store icons (public/icon/{16,32,48,128}.png) in headless Chromium: the character 剪 in
// white on the masthead red, a folded corner for the clipping. Run: node scripts/icons.mjs (needs Debian chromium
// and a CJK font, fonts-wqy-zenhei); the PNGs are committed, so builds never need a browser.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const radius = Math.max(2, Math.round(size * 0.18));
  const corner = Math.round(size * 0.28);
  // At 16 px the strokes of 剪 merge: a heavier weight and less padding keep it legible.
  const font = Math.round(size * (size <= 16 ? 0.94 : 0.8));
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
<div style="position:relative;width:${size}px;height:${size}px;border-radius:${radius}px;background:#c62828;overflow:hidden;display:flex;align-items:center;justify-content:center">
<span style="font:${size <= 16 ? 700 : 600} ${font}px/1 'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;color:#fff;margin-top:${Math.round(size * 0.04)}px">剪</span>
${size >= 32 ? `<div style="position:absolute;right:0;bottom:0;width:0;height:0;border-style:solid;border-width:${corner}px 0 0 ${corner}px;border-color:transparent transparent transparent #f5c6c6"></div>` : ''}
</div></body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
