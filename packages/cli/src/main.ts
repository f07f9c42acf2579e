#!/usr/bin/env node
import { CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { reportError } from './errors.js';
import { exitQuietlyOnClosedPipe, isClosedPipe } from './output.js';
import { createProgram, parserOutcome } from './program.js';

async function main(argv: string[]): Promise<number> {
  const program = createProgram(COMMANDS);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const outcome = parserOutcome(error);
    if (typeof outcome === 'number') return outcome;
    throw outcome;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

exitQuietlyOnClosedPipe();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = isClosedPipe(error) ? 0 : reportError(error);
  },
);
