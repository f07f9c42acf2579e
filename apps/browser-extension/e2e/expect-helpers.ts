import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadArchive, type Archive } from '@jianbao/core';
import { BackgroundService } from '../lib/background-service.js';

export const extensionRoot = fileURLToPath(new URL('..', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));

type Messages = Record<string, { message: string }>;
const messages = (locale: string): Messages => JSON.parse(readFileSync(`${extensionRoot}/public/_locales/${locale}/messages.json`, 'utf8'));
export const zh = messages('zh_CN');
export const en = messages('en');

export function format(m: Messages, key: string, subs: (string | number)[] = []): string {
  return subs.reduce<string>((text, s, i) => text.replaceAll(`$${i + 1}`, String(s)), m[key]!.message);
}

/** What the background answers, computed in Node with the same modules: the card a term must show. */
export function serviceFor(archive: Archive, importedText?: string): BackgroundService {
  return new BackgroundService({
    loadDefault: async () => archive,
    readImported: async () => (importedText ? { text: importedText, name: loadArchive(importedText).meta.name, importedAt: 'x' } : undefined),
  });
}

/** The first mark in reading order with the given text. */
export function firstMarkWithText<T extends { text: string; top: number; x: number }>(marks: T[], text: string): T | undefined {
  return marks.filter((m) => m.text === text && m.top >= 0).sort((a, b) => a.top - b.top || a.x - b.x)[0];
}
