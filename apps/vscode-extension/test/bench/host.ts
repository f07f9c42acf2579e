// Runs INSIDE the extension host (via test/e2e/run.mjs with JIANBAO_E2E_TESTS pointing here):
// measures activation, archive load, the time from an edit to updated diagnostics, and the
// extension host's memory, and writes them as JSON to JIANBAO_BENCH_OUT. No assertions.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as vscode from 'vscode';
import type { JianbaoApi } from '../../src/extension.js';

const EDITS = Number(process.env.JIANBAO_BENCH_EDITS ?? 7);
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

function nextDiagnostics(uri: vscode.Uri, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('no diagnostics update')); }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now() - started);
    });
  });
}

/** Every block over 30 ms as [start, end] in µs on the monotonic clock (the CPU profile's): which one was the longest, and where. */
const gaps: [number, number][] = [];
const hrUs = () => Number(process.hrtime.bigint() / 1000n);
const marks: Record<string, number> = {};
const mark = (name: string) => (marks[name] = hrUs());

/** The longest stretch the extension host's event loop was blocked while `work` ran (a setTimeout chain's largest gap). */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; longestMs: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 30) gaps.push([hrUs() - (now - last) * 1000, hrUs()]);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await work();
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { value, longestMs: longest };
}

/** With JIANBAO_BENCH_CPUPROF=path, a CPU profile of the host from activation to the end of the first check, to find what a long freeze is. */
async function startProfile(): Promise<(() => Promise<void>) | undefined> {
  const path = process.env.JIANBAO_BENCH_CPUPROF;
  if (!path) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  };
}

export async function run(): Promise<void> {
  const out = process.env.JIANBAO_BENCH_OUT;
  const draftPath = process.env.JIANBAO_BENCH_DRAFT;
  if (!out || !draftPath) throw new Error('JIANBAO_BENCH_OUT and JIANBAO_BENCH_DRAFT are required');
  const memoryBefore = process.memoryUsage();
  const ext = vscode.extensions.getExtension<JianbaoApi>('jianbao.jianbao-vscode');
  if (!ext) throw new Error('extension not installed');
  const wasActive = ext.isActive;
  const stopProfile = await startProfile();
  const t0 = performance.now();
  const api = await ext.activate();
  const activationMs = performance.now() - t0;
  mark('loadStart');
  const loading = await longestBlock(() => api.ready());
  mark('loadEnd');
  const info = loading.value;
  const readyMs = performance.now() - t0;
  const memoryLoaded = process.memoryUsage();
  const timings = api.timings();

  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(draftPath));
  const editor = await vscode.window.showTextDocument(doc);
  const first = nextDiagnostics(doc.uri);
  const t1 = performance.now();
  mark('checkStart');
  const checking = await longestBlock(() => api.check(doc.uri));
  mark('checkEnd');
  const firstCheckMs = performance.now() - t1;
  await first.catch(() => undefined);
  await stopProfile?.();

  const editMs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const updated = nextDiagnostics(doc.uri);
    // Type a sentence at the end of a line in the middle of the draft, as an editor would.
    const line = Math.floor(doc.lineCount / 2);
    await editor.edit((b) => b.insert(doc.lineAt(line).range.end, `补充第${i + 1}句。`));
    editMs.push(await updated);
  }
  const memoryAfter = process.memoryUsage();
  const report = await api.check(doc.uri);
  writeFileSync(out, JSON.stringify({
    archive: info, wasActive, draftChars: doc.getText().length,
    activationMs: timings.activateMs, archiveLoadMs: timings.archiveLoadMs, waitedForActivationMs: activationMs, readyMs,
    firstCheckMs, editMs, longestBlockMs: { loading: loading.longestMs, firstCheck: checking.longestMs },
    // Where the blocks fell: [start, end] µs beside the phases' marks (to read against JIANBAO_BENCH_CPUPROF's profile).
    marks, blocksOver30Ms: gaps,
    findings: { reused: report?.reused.length ?? 0, conflicts: report?.conflicts.length ?? 0, related: report?.related.length ?? 0 },
    memoryMb: {
      before: { rss: mb(memoryBefore.rss), heapUsed: mb(memoryBefore.heapUsed) },
      loaded: { rss: mb(memoryLoaded.rss), heapUsed: mb(memoryLoaded.heapUsed) },
      afterEdits: { rss: mb(memoryAfter.rss), heapUsed: mb(memoryAfter.heapUsed) },
    },
  }, null, 2));
}
