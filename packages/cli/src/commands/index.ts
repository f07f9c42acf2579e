import { Argument, type Command } from 'commander';
import { bashCompletion, zshCompletion } from '../completion.js';
import { writeOut } from '../output.js';
import { act } from '../program.js';
import { registerAnnotate } from './annotate.js';
import { registerArticles } from './articles.js';
import { registerBuild } from './build.js';
import { registerCite } from './cite.js';
import { registerExport } from './export.js';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerTerms } from './terms.js';
import { registerToken } from './token.js';
import { registerXref } from './xref.js';

function registerCompletion(program: Command): void {
  program
    .command('completion')
    .summary('print a shell completion script (bash or zsh)')
    .description(
      [
        'Prints a completion script for commands, options, their choices and file names.',
        'bash:  source <(jianbao completion bash)   (or save it as ~/.local/share/bash-completion/completions/jianbao)',
        'zsh:   source <(jianbao completion zsh)    (in ~/.zshrc, after compinit)',
      ].join('\n'),
    )
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']))
    .action(act(async (shell: 'bash' | 'zsh') => writeOut(shell === 'bash' ? bashCompletion(program) : zshCompletion(program))));
}

/** Every `jianbao` subcommand, one module each, in the order `jianbao --help` lists them. */
export const COMMANDS: ((program: Command) => void)[] = [
  registerBuild,
  registerArticles,
  registerShow,
  registerCite,
  registerSearch,
  registerTerms,
  registerAnnotate,
  registerXref,
  registerIngest,
  registerExport,
  registerServe,
  registerToken,
  registerCompletion,
];
