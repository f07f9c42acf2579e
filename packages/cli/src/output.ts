/** Writes JSON to stdout: the only thing on stdout under --json, UTF-8, newline-terminated. */
export function writeJson(value: unknown): Promise<void> {
  return writeOut(JSON.stringify(value, null, 2) + '\n');
}

/** Writes to stdout and waits for it to drain, so piped output is never cut short by exit. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, 'utf8', (error) => (error ? reject(error) : resolve()));
  });
}

/** Progress and notes go to stderr, never stdout. */
export function note(text: string): void {
  process.stderr.write(text + '\n');
}

/** A title for terminal output: generated titles are marked as such unless the generator already did. */
export function displayTitle(a: { title: string; titleInferred: boolean }): string {
  return a.titleInferred && !a.title.includes('无标题') ? `${a.title}（无标题）` : a.title;
}
