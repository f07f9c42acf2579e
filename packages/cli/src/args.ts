import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with unknown options and missing values reported as one-line usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${message} — usage: ${usage.split('\n')[0]}`);
  }
}

export const ARCHIVE_OPTION = { archive: { type: 'string', short: 'a' } } as const;
export const JSON_OPTION = { json: { type: 'boolean' } } as const;
