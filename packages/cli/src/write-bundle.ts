import { createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createGzip, gzip } from 'node:zlib';

/** Whether a bundle name asks for gzip (`x.json.gz`, `x.gz`). */
export const wantsGzip = (out: string): boolean => /\.gz$/i.test(out);

/**
 * Writes a bundle's text to `out`, gzipped when the name ends in .gz (every
 * command reads it back: archive-file.ts inflates up to MAX_BUNDLE_BYTES).
 * Writes beside the target and renames, so a failed write never leaves half a
 * bundle (nor a stray temp file). Returns the bytes written.
 */
export async function writeBundleFile(text: string | Iterable<string>, out: string): Promise<number> {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new Error(`--out ${out} is a folder: name the bundle file to write, e.g. ${join(out, 'archive.json.gz')}`);
  const tmp = `${out}.tmp-${process.pid}`;
  let size = 0;
  try {
    if (typeof text === 'string') {
      const plain = Buffer.from(text, 'utf8');
      const data = wantsGzip(out) ? await promisify(gzip)(plain) : plain;
      await writeFile(tmp, data);
      size = data.length;
    } else size = await writePieces(text, tmp, wantsGzip(out));
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`cannot write ${out}: its folder ${dirname(resolve(out))} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new Error(`cannot write ${out}: permission denied`);
    if (code === 'ENOSPC') throw new Error(`cannot write ${out}: no space left on the device (the previous file, if any, is untouched)`);
    throw new Error(`cannot write ${out}: ${(error as Error).message.split('\n')[0]}`);
  }
  return size;
}

/**
 * Writes text pieces (core's bundlePieces) one after another, through gzip when asked, holding one piece's bytes at
 * a time: the whole text as one string and one buffer was most of the build's peak memory. Returns the bytes written.
 */
async function writePieces(pieces: Iterable<string>, path: string, gzipped: boolean): Promise<number> {
  const file = createWriteStream(path);
  const sink = gzipped ? createGzip() : file;
  if (gzipped) sink.pipe(file);
  const failed = new Promise<never>((_, reject) => {
    file.once('error', reject);
    sink.once('error', reject);
  });
  failed.catch(() => undefined); // raced below; an error between races is not an unhandled rejection
  const write = async (chunk: Buffer) => {
    if (!sink.write(chunk)) await Promise.race([once(sink, 'drain'), failed]);
  };
  try {
    // Large pieces go in slices (never between the two halves of a surrogate pair), so the stream's buffer stays small.
    const SLICE = 1 << 22;
    for (const piece of pieces) {
      for (let i = 0; i < piece.length; ) {
        let end = Math.min(piece.length, i + SLICE);
        const last = piece.charCodeAt(end - 1);
        if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end++;
        await write(Buffer.from(piece.slice(i, end), 'utf8'));
        i = end;
      }
    }
    sink.end();
    await Promise.race([once(file, 'close'), failed]);
  } catch (error) {
    sink.destroy();
    file.destroy();
    throw error;
  }
  return file.bytesWritten;
}
