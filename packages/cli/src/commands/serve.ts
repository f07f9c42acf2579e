import cluster from 'node:cluster';
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
  workers?: string;
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
    .option('--workers <n>', 'serve from n processes sharing the port (PostgreSQL only; each keeps its own caches, and enforces 1/n of the rate limit)')
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
  const workers = num('workers', values.workers, 1, 1, 64);
  if (workers > 1 && !/^postgres(ql)?:\/\//i.test(values.db ?? '')) throw new UsageError('--workers needs --db postgres://…: a PGlite folder is opened by one process only');
  const rate = num('rate', values.rate, 20, 1, 100_000);
  const burst = num('burst', values.burst, 60, 1, 100_000);
  if (workers > 1 && cluster.isPrimary) return primary(workers);
  const db = await openDatabase(values.db);
  // With workers each holds its own token buckets: a share of the limits each (connections are dealt round-robin).
  const share = (n: number) => (cluster.isWorker ? Math.max(1, Math.ceil(n / workers)) : n);
  const server = await startServer(db, {
    port,
    host: values.host,
    origins: values.origin,
    rate: share(rate),
    burst: share(burst),
    log: values.quiet ? undefined : (line) => note(line),
  }).catch(async (error: Error) => {
    await db.close();
    throw error;
  });
  const view = await server.service.view();
  if (cluster.isWorker) process.send?.({ ready: `${server.url} — ${view.size} articles, revision ${view.revision}, ${db.where}` });
  else note(`jianbao serve: ${server.url} — ${view.size} articles, revision ${view.revision}, ${db.where}`);
  if ((cluster.worker?.id ?? 1) === 1 && !(await listTokens(db)).some((t) => !t.revoked)) note('no tokens yet: create one with `jianbao token create --role read` (same --db)');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (!cluster.isWorker) note('jianbao serve: stopping');
  await server.close();
  await db.close();
  // A worker's channel to the primary would keep it alive.
  if (cluster.isWorker) process.disconnect();
}

/**
 * `--workers n`: n processes (node:cluster, the same command) serve the same port; the primary only deals
 * connections and restarts a worker that died. It says it listens once every worker does, and stops them on
 * SIGINT/SIGTERM.
 */
async function primary(workers: number): Promise<void> {
  let stopping = false;
  let ready = 0;
  const start = () => {
    const worker = cluster.fork();
    worker.on('message', (m: { ready?: string }) => {
      if (m.ready && ++ready === workers) note(`jianbao serve: ${m.ready}, ${workers} workers`);
    });
  };
  const exited = new Promise<void>((resolve, reject) => {
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (!Object.keys(cluster.workers ?? {}).length) resolve();
        return;
      }
      // A worker that fails before all are listening (a bad --db, a port in use) is a failed start.
      if (ready < workers) {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
        reject(new Error(`a server worker exited (${signal ?? code}) before listening`));
        return;
      }
      note(`jianbao serve: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      start();
    });
  });
  for (let i = 0; i < workers; i++) start();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    note('jianbao serve: stopping');
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await exited;
}
