import { openDatabase, startServer, listTokens } from '@jianbao/server';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { act } from '../program.js';
import { dbOption } from './ingest.js';

interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
  origin?: string[];
  rate?: string;
  burst?: string;
  quiet?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('serve a server archive over HTTP')
    .description(
      'Serves the archive over HTTP (JSON API under /v1: search, articles, terms, xref, sections/lexicon|matcher). Requests need a bearer token (`jianbao token create --role read`). Listens on 127.0.0.1:8787 by default: put TLS and any public address on a reverse proxy in front (see packages/server/README.md).',
    )
    .addOption(dbOption())
    .option('-p, --port <n>', 'the port (default 8787)')
    .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
    .option('--origin <origin...>', "allow a browser origin (an extension's chrome-extension://<id> or moz-extension://<uuid>); repeatable")
    .option('--rate <n>', 'requests a second per token (default 20)')
    .option('--burst <n>', 'the burst allowed (default 60)')
    .option('--quiet', 'no request log')
    .action(act(run));
}

async function run(values: ServeOptions): Promise<void> {
  const num = (name: string, v: string | undefined, dflt: number, min: number, max: number) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
    return n;
  };
  const port = num('port', values.port, 8787, 0, 65535);
  for (const o of values.origin ?? []) {
    if (!/^(chrome-extension|moz-extension|https?):\/\/[^/\s]+$/.test(o)) throw new UsageError(`--origin must be an origin like chrome-extension://<id>, got "${o}"`);
  }
  const db = await openDatabase(values.db);
  const server = await startServer(db, {
    port,
    host: values.host,
    origins: values.origin,
    rate: num('rate', values.rate, 20, 1, 100_000),
    burst: num('burst', values.burst, 60, 1, 100_000),
    log: values.quiet ? undefined : (line) => note(line),
  }).catch(async (error: Error) => {
    await db.close();
    throw error;
  });
  const view = await server.service.view();
  note(`jianbao serve: ${server.url} — ${view.size} articles, revision ${view.revision}, ${db.where}`);
  if (!(await listTokens(db)).some((t) => !t.revoked)) note('no tokens yet: create one with `jianbao token create --role read` (same --db)');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  note('jianbao serve: stopping');
  await server.close();
  await db.close();
}
