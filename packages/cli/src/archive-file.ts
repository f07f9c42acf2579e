import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { loadArchive, type Archive } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';

/** Reads a text file, transparently gunzipping `.gz`; missing files get a one-line error. */
export async function readTextFile(path: string, what = 'file'): Promise<string> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${what} not found: ${path}`);
    if (code === 'EISDIR') throw new Error(`${what} is a folder, expected a file: ${path}`);
    throw new Error(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  if (path.endsWith('.gz') || (data[0] === 0x1f && data[1] === 0x8b)) {
    try {
      data = gunzipSync(data);
    } catch (error) {
      throw new Error(`${what} ${path} is not valid gzip: ${(error as Error).message}`);
    }
  }
  return data.toString('utf8');
}

/** The archive named by --archive, or the bundled default (the seed pages). */
export async function openArchive(path: string | undefined): Promise<Archive> {
  if (!path) return loadDefaultArchive();
  const text = await readTextFile(path, 'archive');
  try {
    return loadArchive(text);
  } catch (error) {
    if (error instanceof Error) error.message = `${path}: ${error.message}`;
    throw error;
  }
}
