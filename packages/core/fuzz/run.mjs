// Runs fuzz inputs in a worker thread, one at a time, each with a deadline and the worker's heap
// capped (resourceLimits): an input that overruns its deadline is a hang, one that exhausts the
// heap is a memory failure, and either way the worker is replaced and the run goes on.
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./worker.mjs', import.meta.url);

/**
 * @param inputs [{ entry, name, input, reseal?, async? }]
 * @param options { deadlineMs(input) → ms, heapMb, onResult?(result) }
 * @returns results [{ name, entry, chars, status: 'ok' | 'crash' | 'hang' | 'memory', outcome?, error?, ms, heapMb? }]
 */
export async function runFuzz(inputs, { deadlineMs, heapMb = 512, onResult } = {}) {
  let worker = null;
  const start = () =>
    new Promise((resolve, reject) => {
      const w = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 } });
      w.once('message', (m) => (m.ready ? resolve(w) : reject(new Error('worker did not start'))));
      w.once('error', reject);
    });
  const results = [];
  for (const job of inputs) {
    worker ??= await start();
    const w = worker;
    const limit = deadlineMs(job);
    const result = await new Promise((resolve) => {
      const started = performance.now();
      const done = (r) => {
        clearTimeout(timer);
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.removeAllListeners('exit');
        resolve({ name: job.name, entry: job.entry, chars: job.input.length, ...r });
      };
      const timer = setTimeout(() => done({ status: 'hang', ms: performance.now() - started, error: `no answer within ${limit} ms` }), limit);
      w.on('message', (m) => done(m.ok ? { status: 'ok', outcome: m.outcome, ms: m.ms, heapMb: m.heapMb } : { status: 'crash', error: m.error, ms: m.ms }));
      w.on('error', (e) => done({ status: e?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', error: String(e?.stack ?? e).split('\n').slice(0, 4).join('\n'), ms: performance.now() - started }));
      w.on('exit', (code) => done({ status: 'crash', error: `worker exited with code ${code}`, ms: performance.now() - started }));
      w.postMessage(job);
    });
    if (result.status !== 'ok') {
      // The worker may be stuck or broken: a fresh one for the next input.
      worker = null;
      await w.terminate().catch(() => {});
    }
    results.push(result);
    onResult?.(result);
  }
  await worker?.terminate();
  return results;
}
