import { humanOutput, inline, terminalSafe } from './terminal.js';

/** Writes JSON to stdout: the only thing on stdout under --json, UTF-8, newline-terminated, exact (never cleaned). */
export function writeJson(value: unknown): Promise<void> {
  return write(JSON.stringify(value, null, 2) + '\n');
}

/** Writes human output to stdout, terminal-safe (see terminal.ts): archive text never reaches the terminal raw. */
export function writeOut(text: string): Promise<void> {
  return write(humanOutput(text));
}

/** Writes and waits for it to drain, so piped output is never cut short by exit. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, 'utf8', (error) => (error ? reject(error) : resolve()));
  });
}

/** Progress and notes go to stderr, never stdout (terminal-safe: they name files and carry archive text). */
export function note(text: string): void {
  process.stderr.write(terminalSafe(text) + '\n');
}

/** A title for terminal output, on one line: generated titles are marked as such unless the generator already did. */
export function displayTitle(a: { title: string; titleInferred: boolean }): string {
  const title = inline(a.title);
  return a.titleInferred && !title.includes('无标题') ? `${title}（无标题）` : title;
}

/**
 * A reader that stops reading (`jianbao articles | head`) closes the pipe:
 * that is the end of the output, not an error. Exit quietly, with no stack.
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`jianbao: cannot write the output: ${terminalSafe(error.message)}\n`);
    process.exit(1);
  });
}

export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}
