import { BundleError } from '@jianbao/core';
import { terminalSafe } from './terminal.js';

/** Bad arguments: exit 2. */
export class UsageError extends Error {}

/** Prints one line naming the problem on stderr and returns the exit code. */
export function reportError(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`jianbao: ${terminalSafe(message.split('\n')[0]!)}\n`);
  if (process.env.JIANBAO_DEBUG && error instanceof Error) process.stderr.write(`${terminalSafe(error.stack ?? '')}\n`);
  if (error instanceof UsageError) return 2;
  if (error instanceof BundleError) return 3;
  return 1;
}
