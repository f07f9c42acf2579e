/**
 * The extension's test build (`build:e2e`) in a fresh headless Chromium
 * profile, for the measuring scripts (measure-marking.ts, measure-matcher.ts):
 * the browser context, the extension's service worker, and a close() that
 * also removes the profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionRoot } from './expect-helpers.js';

export interface TestBuild {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchTestBuild(options: { viewport?: { width: number; height: number }; extraArgs?: string[] } = {}): Promise<TestBuild> {
  const extension = join(extensionRoot, '.output/chrome-mv3-e2e');
  const profile = mkdtempSync(join(tmpdir(), 'jianbao-bench-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      ...(options.viewport ? { viewport: options.viewport } : {}),
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(options.extraArgs ?? [])],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const opened = context;
    return {
      context: opened,
      worker,
      async close() {
        await opened.close();
        removeProfile();
      },
    };
  } catch (error) {
    await context?.close();
    removeProfile();
    throw error;
  }
}
