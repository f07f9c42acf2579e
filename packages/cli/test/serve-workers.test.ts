import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../server/test/support/postgres.js';

// `jianbao serve --workers n` over a real PostgreSQL (a throwaway Debian cluster, as the server's tests start).
const main = resolve(__dirname, '../dist/main.js');
const seeds = resolve(__dirname, '../../../seeds');
const jianbao = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });

/** The live child processes of a process, from /proc. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const cluster = await startCluster();

describe.skipIf('skipped' in cluster)('jianbao serve --workers', { timeout: 600_000 }, () => {
  const url = (cluster as TestCluster).url;
  let token = '';
  beforeAll(() => {
    expect(jianbao('ingest', seeds, '--db', url).status).toBe(0);
    token = jianbao('token', 'create', '--role', 'read', '--db', url).stdout.trim();
  }, 300_000);
  afterAll(() => (cluster as TestCluster).stop());

  it('serves one port from n processes, with the same answers, and stops them all on SIGTERM', async () => {
    const child = spawn(process.execPath, [main, 'serve', '--db', url, '--port', '0', '--workers', '2', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const address = await new Promise<string>((done, fail) => {
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /jianbao serve: (http:\/\/\S+) — 33 articles, revision 1, .*, 2 workers/.exec(stderr);
        if (m) done(m[1]!);
      });
      void exited.then((code) => fail(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(childrenOf(child.pid!)).toHaveLength(2);
    // Connections are dealt round-robin: 6 fresh connections reach both workers; every answer is the same.
    const bodies = await Promise.all(Array.from({ length: 6 }, async () => {
      const res = await fetch(`${address}/v1/search?q=${encodeURIComponent('晋中')}&limit=5`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
      expect(res.status).toBe(200);
      return res.text();
    }));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).hits.length).toBeGreaterThan(0);
    const workers = childrenOf(child.pid!);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });
});

it('refuses serve --workers on a PGlite folder (one process only)', () => {
  const r = jianbao('serve', '--db', '/tmp/jianbao-never-made.pglite', '--workers', '2');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/--workers needs --db postgres/);
});
