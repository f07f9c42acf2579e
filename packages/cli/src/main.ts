#!/usr/bin/env node
import { COMMANDS } from './commands/index.js';
import { UsageError, reportError } from './errors.js';
import { exitQuietlyOnClosedPipe, isClosedPipe } from './output.js';

const USAGE = `jianbao — 剪报: a newsroom archive on the command line

Usage: jianbao <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run \`jianbao <command> --help\` for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return (await command.run(rest)) ?? 0;
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
