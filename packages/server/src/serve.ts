import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Database } from './db/types.js';
import { createApp, type AppOptions } from './http/app.js';
import { ArchiveService } from './view.js';

export interface ServeOptions extends AppOptions {
  port?: number;
  /** Default 127.0.0.1: put TLS and the public address on a reverse proxy in front. */
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  service: ArchiveService;
  close(): Promise<void>;
}

/** Starts the HTTP server over a database; resolves once it listens. */
export async function startServer(db: Database, options: ServeOptions = {}): Promise<RunningServer> {
  const service = new ArchiveService(db);
  await service.view(); // fail now, not on the first request, when the database is unusable
  const app = createApp(service, {
    ...options,
    clientAddress: options.clientAddress ?? ((c) => {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'unknown';
      }
    }),
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    service,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}
