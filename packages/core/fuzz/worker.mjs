// Runs one fuzz input at a time for run.mjs, in a worker thread with a heap cap: a refusal the
// API promises (BundleError) is an answer; any other exception is a crash, reported with its stack.
import { parentPort } from 'node:worker_threads';
import { BundleError, crossReference, getLexicon, getMatcher, loadArchive, loadArchiveAsync, parsePages, prepareCrossReference, searchArchive, serializeBundle } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';

const archive = await loadDefaultArchive();
await prepareCrossReference(archive);

async function runBundle(job) {
  let text = job.input;
  if (job.reseal) {
    try {
      text = serializeBundle(JSON.parse(text));
    } catch {
      return 'not serialisable';
    }
  }
  let loaded;
  try {
    loaded = job.async ? await loadArchiveAsync(text, { onWarning: () => {} }) : loadArchive(text, { onWarning: () => {} });
  } catch (error) {
    if (error instanceof BundleError && !error.message.includes('\n')) return 'refused';
    throw error;
  }
  // Accepted: everything a host then does with it must work (search, lexicon, marking).
  searchArchive(loaded, '千万工程');
  searchArchive(loaded, loaded.articles[0]?.title.slice(0, 6) || '晋中');
  getLexicon(loaded);
  getMatcher(loaded).findAll(loaded.articles[0]?.paragraphs.join('') ?? '市委书记调研');
  return 'loaded';
}

parentPort.on('message', async (job) => {
  const started = performance.now();
  try {
    let outcome;
    if (job.entry === 'bundle') outcome = await runBundle(job);
    else if (job.entry === 'page') outcome = `${parsePages([{ name: 'fuzz.txt', text: job.input }]).length} articles`;
    else outcome = `${crossReference(archive, job.input).conflicts.length} conflicts`;
    parentPort.postMessage({ ok: true, outcome, ms: performance.now() - started, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n'), ms: performance.now() - started });
  }
});
parentPort.postMessage({ ready: true });
