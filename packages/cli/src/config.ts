import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Where the archive comes from when --archive is not given, so it need not be
 * typed on every call: $JIANBAO_ARCHIVE, then `"archive"` in the config file
 * ($XDG_CONFIG_HOME/jianbao/config.json, ~/.config/jianbao/config.json without
 * it), then the bundled seed pages.
 */

export interface ArchiveChoice {
  /** A bundle file or a folder of pages; undefined: the bundled seeds. */
  path?: string;
  /** Where the choice came from, for error messages: "--archive", "$JIANBAO_ARCHIVE", the config file's path. */
  from: string;
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'jianbao', 'config.json');
}

/** The config file's settings ({} when there is none); a broken file is an error naming it. */
export async function readConfig(path = configFile()): Promise<{ archive?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return {};
    throw new Error(`cannot read the config file ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the config file ${path} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`the config file ${path} must hold a JSON object, like {"archive": "~/archive.json.gz"}`);
  const archive = (value as Record<string, unknown>).archive;
  if (archive !== undefined && (typeof archive !== 'string' || !archive.trim())) throw new Error(`the config file ${path}: "archive" must be a path (a bundle or a folder of pages)`);
  return { archive: archive as string | undefined };
}

/** `~/x` → the home folder's x; relative paths in the config file are relative to the file's folder. */
function expand(path: string, base: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return resolve(base, path);
}

export async function chooseArchive(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ArchiveChoice> {
  if (option) return { path: option, from: '--archive' };
  if (env.JIANBAO_ARCHIVE?.trim()) return { path: expand(env.JIANBAO_ARCHIVE.trim(), process.cwd()), from: '$JIANBAO_ARCHIVE' };
  const file = configFile(env);
  const config = await readConfig(file);
  if (config.archive) return { path: expand(config.archive.trim(), dirname(file)), from: file };
  return { from: 'default' };
}
