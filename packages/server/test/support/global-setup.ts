import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string; version: string } | { skipped: string };
  }
}

/** One PostgreSQL cluster for the whole run (each test file makes its own databases in it), stopped after. */
export default async function setup(project: TestProject) {
  if (process.env.JIANBAO_SKIP_POSTGRES) {
    project.provide('postgres', { skipped: 'JIANBAO_SKIP_POSTGRES is set' });
    return;
  }
  let cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    // Binaries present but the cluster would not start: that is a failure, not a skip.
    throw new Error(`could not start the test PostgreSQL: ${(error as Error).message}`);
  }
  if ('skipped' in cluster) {
    process.stderr.write(`\n[server tests] PostgreSQL integration tests SKIPPED: ${cluster.skipped}\n`);
    project.provide('postgres', cluster);
    return;
  }
  process.stderr.write(`\n[server tests] PostgreSQL integration tests on ${cluster.version}\n`);
  project.provide('postgres', { url: cluster.url, version: cluster.version });
  return () => cluster.stop();
}
