import { parentPort } from 'node:worker_threads';
import { localShard, type Article, type LexiconShard } from '@jianbao/core';
import { blockRows } from './block-rows.js';

/**
 * An analysis worker (pool.ts): core's per-article passes of a sharded lexicon build (its shard of the articles kept
 * between the passes) and the postings rows of new blocks. Messages are handled one at a time, in order.
 */
type Request =
  | { id: number; op: 'shard'; articles: Article[] }
  | { id: number; op: 'pass'; method: keyof LexiconShard; arg: unknown }
  | { id: number; op: 'block'; articles: Article[]; docs: number[]; wholeTerms: string[] };

let shard: LexiconShard | null = null;

parentPort!.on('message', async (m: Request) => {
  try {
    if (m.op === 'shard') {
      shard = localShard(m.articles);
      parentPort!.postMessage({ id: m.id, value: null });
    } else if (m.op === 'pass') {
      const value = await (shard![m.method] as (arg: unknown) => Promise<unknown>)(m.arg);
      parentPort!.postMessage({ id: m.id, value });
    } else {
      const value = blockRows(m.articles, m.docs, m.wholeTerms);
      parentPort!.postMessage({ id: m.id, value }, [value.lengths.buffer, value.counts.buffer, value.bytes.buffer, value.starts.buffer] as ArrayBuffer[]);
    }
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
