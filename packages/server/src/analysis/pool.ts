import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, LexiconShard } from '@jianbao/core';
import type { BlockRows } from './block-rows.js';

/**
 * Worker threads for a large ingest's analysis (core's analyser and lexicon passes are CPU work on a single
 * thread otherwise): the lexicon's per-article passes split into one shard per worker, and new postings blocks
 * analysed while the main thread writes the previous ones. The results are the same as in-process (core
 * buildLexiconSharded; the block rows are the same function).
 */
export class AnalysisPool {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (m: { id: number; value?: unknown; error?: string }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(`analysis worker: ${m.error}`));
        else p?.resolve(m.value);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => code && this.fail(new Error(`analysis worker exited with code ${code}`)));
    }
  }

  /** `size` workers (default: the cores, at most 2), or null where none can start (then analysis stays in-process). */
  static open(size = Math.min(2, availableParallelism())): AnalysisPool | null {
    if (size < 1) return null;
    // Built code runs dist/analysis/worker.js; tests run the sources, whose worker is the built one too.
    let url = new URL('./worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(url))) url = new URL('../../dist/analysis/worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(url))) return null;
    return new AnalysisPool(Array.from({ length: size }, () => new Worker(url)));
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }

  private call<T>(worker: number, message: object, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[worker]!.postMessage({ id, ...message }, transfer);
    });
  }

  /** The articles split into one contiguous shard per worker, as core's LexiconShard. */
  async lexiconShards(articles: readonly Article[]): Promise<LexiconShard[]> {
    const per = Math.ceil(articles.length / this.size);
    await Promise.all(this.workers.map((_, w) => this.call(w, { op: 'shard', articles: articles.slice(w * per, (w + 1) * per) })));
    const pass = (w: number, method: keyof LexiconShard) => (arg?: unknown) => this.call<never>(w, { op: 'pass', method, arg });
    return this.workers.map((_, w) => ({
      provinces: pass(w, 'provinces'), passOne: pass(w, 'passOne'), counts: pass(w, 'counts'), passTwo: pass(w, 'passTwo'), mentions: pass(w, 'mentions'),
    }));
  }

  private turn = 0;

  /** A new block's postings rows, on the workers in turn. */
  blockRows(articles: readonly Article[], docs: readonly number[], wholeTerms: readonly string[]): Promise<BlockRows> {
    const w = this.turn++ % this.size;
    return this.call<BlockRows>(w, { op: 'block', articles, docs, wholeTerms });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
