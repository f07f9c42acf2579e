import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { BUNDLE_VERSION } from '@jianbao/core';
import { UsageError } from './errors.js';

/**
 * The command tree, parsed by commander (it replaced the hand-written dispatch
 * in main.ts and node:util parseArgs in args.ts): `--version`, `help <command>`,
 * "did you mean" for commands and options, and the tree `jianbao completion`
 * generates its scripts from.
 */

/** A command whose missing argument is named by its description: "missing the query — usage: …". */
export class JianbaoCommand extends Command {
  override createCommand(name?: string): JianbaoCommand {
    return new JianbaoCommand(name);
  }

  missingArgument(name: string): never {
    const what = this.registeredArguments.find((a) => a.name() === name)?.description || `<${name}>`;
    return this.error(`missing ${what} — usage: jianbao ${this.name()} ${this.usage()}`, { code: 'commander.missingArgument', exitCode: 2 });
  }
}

/** `-a, --archive <path>`: every command that reads an archive. */
export const archiveOption = () =>
  new Option('-a, --archive <path>', 'the archive: a bundle (.json or .json.gz) or a folder of pages (default: $JIANBAO_ARCHIVE, then "archive" in the config file, then the bundled seed pages)');
export const jsonOption = () => new Option('--json', 'print JSON on stdout (a stable shape; notices go to stderr)');

/** Runs a command body and keeps its exit code (the bodies return it, or nothing for 0). */
export function act<A extends unknown[]>(body: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const code = await body(...args);
    if (typeof code === 'number') process.exitCode = code;
  };
}

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `jianbao ${pkg.version} (bundle format ${BUNDLE_VERSION}, Node ${process.versions.node})`;
}

export function createProgram(register: ((program: Command) => void)[]): JianbaoCommand {
  const program = new JianbaoCommand('jianbao');
  program
    .description('剪报 Jianbao: a newsroom archive on the command line')
    .version(cliVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addOption(new Option('--color <when>', 'colour: auto is on a terminal unless NO_COLOR is set').choices(['auto', 'always', 'never']))
    // --color before or after the command; it sets what style.ts reads (FORCE_COLOR / NO_COLOR) for this run.
    .hook('preAction', (command) => {
      const when = command.optsWithGlobals().color as string | undefined;
      if (when === 'always') {
        process.env.FORCE_COLOR = '1';
        delete process.env.NO_COLOR;
      } else if (when === 'never') process.env.NO_COLOR = '1';
    })
    .helpCommand(false) // our own `help`, below: it suggests a command for a typo as the parser does
    .showSuggestionAfterError(true)
    .exitOverride()
    // Errors are printed by main as one line (see usageMessage); help and version go to stdout as usual.
    .configureOutput({ outputError: () => undefined })
    .addHelpText('after', '\nThe archive: --archive, else $JIANBAO_ARCHIVE, else {"archive": "…"} in $XDG_CONFIG_HOME/jianbao/config.json (~/.config/…).\nShell completion: `jianbao completion bash` or `jianbao completion zsh` (see `jianbao help completion`).');
  for (const add of register) add(program);
  program
    .command('help')
    .summary('show help for a command')
    .description('Shows help for a command: `jianbao help search`, `jianbao help token create`.')
    .argument('[command...]', 'the command')
    .action((names: string[]) => {
      let command: Command = program;
      for (const name of names) {
        const next = command.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!next) {
          const near = closest(name, command.commands.map((c) => c.name()));
          throw new UsageError(`unknown command '${name}'${near ? ` — did you mean ${near}?` : ` — see \`jianbao --help\``}`);
        }
        command = next;
      }
      command.outputHelp();
    });
  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: () => undefined });
  return program;
}

/** The candidate nearest a typo (edit distance ≤ 40% of its length, as commander's own suggestions), if any. */
export function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const n = distance(word, c);
    if (n < bestDistance && n <= Math.max(1, Math.floor(0.4 * c.length))) [best, bestDistance] = [c, n];
  }
  return best;
}

/**
 * A parser error as one line in the CLI's words: "unknown option '--frm' —
 * did you mean --from?", "--kind must be one of …, got "poem"".
 */
export function usageMessage(error: CommanderError): string {
  let message = error.message.replace(/^error: /, '');
  const suggestion = /\n\(Did you mean (.+)\?\)\s*$/.exec(message);
  message = message.replace(/\n[\s\S]*$/, '');
  const choice = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(message);
  if (choice) message = `${choice[1]} must be one of ${choice[3]}, got "${choice[2]}"`;
  const argument = /^command-argument value '(.*)' is invalid for argument '([\w-]+)'\. Allowed choices are (.*)\.$/.exec(message);
  if (argument) message = `<${argument[2]}> must be one of ${argument[3]}, got "${argument[1]}"`;
  const mandatory = /^required option '(?:-\w, )?(--[^']+)' not specified$/.exec(message);
  if (mandatory) message = `missing ${mandatory[1]}`;
  if (suggestion) return `${message} — did you mean ${suggestion[1]}?`;
  if (error.code === 'commander.unknownCommand') return `${message} — see \`jianbao --help\``;
  return message;
}

/** Help and version exit 0 quietly; everything else the parser refuses is a usage error (exit 2). */
export function parserOutcome(error: CommanderError): number | UsageError {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  // `help <command>` exits 0; `jianbao` alone prints the overview on stderr and exits 2.
  if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
  return new UsageError(usageMessage(error));
}
