import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** Whether a bundle name asks for gzip (`x.json.gz`, `x.gz`). */
export const wantsGzip = (out: string): boolean => /\.gz$/i.test(out);

/**
 * Writes a bundle's text to `out`, gzipped when the name ends in .gz (every
 * command reads it back: archive-file.ts inflates up to MAX_BUNDLE_BYTES).
 * Writes beside the target and renames, so a failed write never leaves half a
 * bundle (nor a stray temp file). Returns the bytes written.
 */
export async function writeBundleFile(text: string, out: string): Promise<number> {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new Error(`--out ${out} is a folder: name the bundle file to write, e.g. ${join(out, 'archive.json.gz')}`);
  const plain = Buffer.from(text, 'utf8');
  const data = wantsGzip(out) ? await promisify(gzip)(plain) : plain;
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot write ${out}: its folder ${dirname(resolve(out))} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot write ${out}: permission denied`);
    if (code === 'ENOSPC') throw new Error(`cannot write ${out}: no space left on the device (the previous file, if any, is untouched)`);
    throw new Error(`cannot write ${out}: ${(error as Error).message.split('\n')[0]}`);
  }
  return data.length;
}
