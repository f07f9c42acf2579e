import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { Manifest, PageInput } from '@jianbao/core';
import { readTextFile } from './archive-file.js';

export const PAGE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** Every page file under a folder (recursively, sorted), named by its path relative to the folder. */
export async function readPageFolder(folder: string, onFile?: (n: number) => void): Promise<{ pages: PageInput[]; manifest: Manifest }> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  await walk(folder);
  files.sort();
  const pages: PageInput[] = [];
  for (const file of files) {
    pages.push({ name: relative(folder, file).split('\\').join('/'), text: await readTextFile(file, 'page') });
    onFile?.(pages.length);
  }
  return { pages, manifest: await readManifest(join(folder, 'manifest.json')) };
}

async function readManifest(path: string): Promise<Manifest> {
  try {
    await stat(path);
  } catch {
    return {};
  }
  const text = await readTextFile(path, 'manifest');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || ('pages' in value && typeof (value as Manifest).pages !== 'object')) {
    throw new Error(`${path} must be an object like { "pages": { "<file>": { "paper": "…", "date": "YYYY-MM-DD" } } }`);
  }
  return value as Manifest;
}
