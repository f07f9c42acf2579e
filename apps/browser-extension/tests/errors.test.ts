import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BundleError } from '@jianbao/core';
import { UserError, userMessage } from '../lib/errors.js';

describe('user-facing errors', () => {
  test('browser and core messages never reach the user raw', () => {
    // i18n answers with the key here: each error maps to a message key from _locales, never its own text.
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(userMessage(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'))).toBe('errorPageNotAccessible');
    expect(userMessage(new Error('Cannot access a chrome:// URL'))).toBe('errorPageNotAccessible');
    expect(userMessage(new Error('Could not establish connection. Receiving end does not exist.'))).toBe('errorNoContentScript');
    expect(userMessage(new Error('Extension context invalidated.'))).toBe('errorExtensionReloaded');
    expect(userMessage(new Error('No tab with id: 12.'))).toBe('errorNoTab');
    expect(userMessage(new BundleError('not-json', 'not JSON: Unexpected token'))).toBe('bundleError_not_json');
    expect(userMessage(new TypeError('x is undefined'))).toBe('errorUnexpected');
    expect(userMessage('weird')).toBe('errorUnexpected');
    expect(userMessage(new UserError('已写好的话'))).toBe('已写好的话');
  });

  test('every bundle error code has a message', () => {
    const zh = JSON.parse(readFileSync(join(__dirname, '../public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, unknown>;
    const codes = readFileSync(join(__dirname, '../../../packages/core/src/bundle/errors.ts'), 'utf8').match(/BundleErrorCode\s*=([^;]+);/)![1]!.match(/'([a-z-]+)'/g)!;
    expect(codes.length).toBeGreaterThan(3);
    for (const c of codes) expect(zh[`bundleError_${c.slice(1, -1).replace(/-/g, '_')}`], c).toBeDefined();
    for (const key of ['errorPageNotAccessible', 'errorNoContentScript', 'errorExtensionReloaded', 'errorNoTab', 'errorPageChanged', 'errorStorage', 'errorUnexpected']) expect(zh[key], key).toBeDefined();
  });
});
