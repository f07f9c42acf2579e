// Shared by the server's scale and soak suites: a synthetic archive recombined
// from xwlb sentences, the real `jianbao serve` in a child process (so the load
// generator does not share its event loop), a bounded concurrent client load
// on loopback, and memory/disk readings of the server and of PostgreSQL.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { crossReference, type Archive, type Article } from '@jianbao/core';
import { freePort } from '../../packages/server/test/support/postgres.js';
import { rng } from './random.js';
import { REPO_ROOT } from './shared-data.js';

/** How many drafts get the same cross-reference from the server's /v1/xref (its revision aside) as from core on `local`. */
export async function xrefParity(url: string, token: string, local: Archive, drafts: readonly string[]): Promise<number> {
  let same = 0;
  for (const draft of drafts) {
    const res = await fetch(`${url}/v1/xref`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ draft }) });
    const { revision: _revision, ...got } = (await res.json()) as Record<string, unknown>;
    if (JSON.stringify(got) === JSON.stringify(JSON.parse(JSON.stringify(crossReference(local, draft))))) same++;
  }
  return same;
}

export const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');

/**
 * `n` articles recombined from xwlb sentences with a fixed seed: each copies
 * the shape of a random xwlb story (paragraph count, sentences per paragraph)
 * and fills it with random sentences of the whole collection; titles are
 * random xwlb titles. Dates rise with the id, spread evenly over 20 years
 * (2005-01-01 to 2024-12-31), as an archive grows day by day.
 */
export function syntheticArchive(stories: readonly Article[], n: number, seed = 20261207): Article[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences: string[] = [];
  for (const s of stories) for (const p of s.paragraphs) for (const m of p.match(/[^。！？]+[。！？]?/g) ?? []) if (m.trim()) sentences.push(m);
  const start = Date.UTC(2005, 0, 1);
  const days = Math.round((Date.UTC(2024, 11, 31) - start) / 86_400_000) + 1;
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const shape = pick(stories);
    const paragraphs = shape.paragraphs.map((p) => {
      const count = Math.max(1, (p.match(/[。！？]/g) ?? []).length);
      let text = '';
      for (let k = 0; k < count; k++) text += pick(sentences);
      return text;
    });
    const date = new Date(start + Math.floor((i * days) / n) * 86_400_000).toISOString().slice(0, 10);
    const id = `syn-${String(i).padStart(7, '0')}`;
    out.push({ ...shape, id, page: id, date, title: pick(stories).title, paragraphs });
  }
  return out;
}

/** Resident memory of a process in MiB (current and peak), from /proc. */
export function rssOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(/^(\w+):\s+(\d+)/m.exec(status.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '')?.[2] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system, from /proc/<pid>/stat). */
export function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** A process and its live descendants (a server with --workers), from /proc. */
export function treeOf(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      parent.set(Number(entry), Number(f[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, p] of parent) if (p === out[i]) out.push(child);
  return out;
}

/** The PostgreSQL server listening on `port` and its live backends (from ps), or null when it is not found. */
function postgresPids(port: number): number[] | null {
  try {
    const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').map((l) => l.trim().split(/\s+/));
    const master = ps.find((p) => /postgres$/.test(p[2] ?? '') && p.join(' ').includes(`-p ${port}`));
    if (!master) return null;
    return [master[0]!, ...ps.filter((p) => p[1] === master[0]).map((p) => p[0]!)].map(Number);
  } catch {
    return null;
  }
}

/** The PostgreSQL server listening on `port` and its backends: their summed resident memory in MiB. */
export function postgresRss(port: number): number | null {
  // Shared buffers are counted once per process that touched them: the sum overstates; stated as such.
  return postgresPids(port)?.reduce((sum, pid) => sum + (rssOf(pid)?.rss ?? 0), 0) ?? null;
}

/** CPU seconds of the PostgreSQL server on `port` and its live backends, with their waited-for children (utime + stime + cutime + cstime). */
export function postgresCpu(port: number): number {
  const pids = postgresPids(port);
  if (!pids) return NaN;
  return pids.reduce((sum, pid) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * postgresCpu for frequent reads (per ingest phase): the processes are listed once (ps costs this process CPU
 * too), and again only when one of them is gone. A backend that exits is counted in the server's cutime.
 */
export function postgresCpuMeter(port: number): () => number {
  let pids = postgresPids(port) ?? [];
  const read = (): number | null => {
    let sum = 0;
    for (const pid of pids) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        sum += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
      } catch {
        return null;
      }
    }
    return sum;
  };
  return () => {
    const got = read();
    if (got !== null) return got;
    pids = postgresPids(port) ?? [];
    return read() ?? NaN;
  };
}

export interface ServerChild {
  url: string;
  pid: number;
  /** Resident memory samples (MiB) taken every `sampleMs` while it runs. */
  samples: { at: number; rss: number }[];
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Node flags before the script (e.g. --cpu-prof --cpu-prof-dir=…). */
  nodeArgs?: string[];
  /** More `jianbao serve` arguments (e.g. --workers 2). */
  args?: string[];
}

/** `jianbao serve` (the built CLI) on a free loopback port, limits raised for a load test; resolves once it listens. */
export async function spawnServer(db: string, sampleMs = 1000, options: SpawnOptions = {}): Promise<ServerChild> {
  const port = await freePort();
  // JIANBAO_BENCH_SERVER_CLI: another build's CLI (e.g. a worktree of the previous main), for side-by-side runs.
  const main = process.env.JIANBAO_BENCH_SERVER_CLI ?? join(REPO_ROOT, 'packages', 'cli', 'dist', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), main, 'serve', '--db', db, '--port', String(port), '--rate', '100000', '--burst', '100000', '--quiet', ...(options.args ?? [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jianbao serve did not start in 300 s: ${stderr.slice(-500)}`)), 300_000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('jianbao serve: http')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jianbao serve exited (${code}): ${stderr.slice(-500)}`));
    });
  });
  const samples: { at: number; rss: number }[] = [];
  const t0 = performance.now();
  const sampler = setInterval(() => {
    const r = rssOf(child.pid!);
    if (r) samples.push({ at: (performance.now() - t0) / 1000, rss: r.rss });
  }, sampleMs);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    samples,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LoadResult {
  latencies: number[];
  errors: { status: number; body: string }[];
  requests: number;
  seconds: number;
}

/**
 * `clients` concurrent loops on loopback, each taking the next request from
 * `next` until it returns null or `deadline` (ms, performance.now()) passes;
 * every response must be 2xx with a JSON body, anything else is an error.
 */
export async function runClients(
  url: string, token: string, clients: number, next: (client: number, i: number) => { path: string; body?: unknown } | null, deadline = Infinity,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: { status: number; body: string }[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const request = next(client, i);
      if (!request) break;
      const t = performance.now();
      try {
        const res = await fetch(url + request.path, {
          method: request.body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${token}`, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        const text = await res.text();
        latencies.push(performance.now() - t);
        if (!res.ok) errors.push({ status: res.status, body: text.slice(0, 200) });
        else JSON.parse(text);
      } catch (error) {
        errors.push({ status: 0, body: String((error as Error).message).slice(0, 200) });
      }
    }
  }));
  return { latencies, errors, requests: latencies.length, seconds: (performance.now() - started) / 1000 };
}
