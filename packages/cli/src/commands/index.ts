import type { Command } from './types.js';
import { build } from './build.js';
import { articles } from './articles.js';
import { show } from './show.js';
import { search } from './search.js';
import { terms } from './terms.js';
import { annotate } from './annotate.js';
import { xref } from './xref.js';
import { ingest } from './ingest.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { token } from './token.js';

/** Every `jianbao` subcommand, one module each. */
export const COMMANDS: Record<string, Command> = {
  build,
  articles,
  show,
  search,
  terms,
  annotate,
  xref,
  ingest,
  export: exportCommand,
  serve: serveCommand,
  token,
};
