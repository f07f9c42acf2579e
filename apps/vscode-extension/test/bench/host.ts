// Runs INSIDE the extension host (via test/e2e/run.mjs with JIANBAO_E2E_TESTS pointing here):
// measures activation, archive load, the time from an edit to updated diagnostics, and the
// extension host's memory, and writes them as JSON to JIANBAO_BENCH_OUT. No assertions.
import { writeFileSync } from 'node:fs';
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

export async function run(): Promise<void> {
  const out = process.env.JIANBAO_BENCH_OUT;
  const draftPath = process.env.JIANBAO_BENCH_DRAFT;
  if (!out || !draftPath) throw new Error('JIANBAO_BENCH_OUT and JIANBAO_BENCH_DRAFT are required');
  const memoryBefore = process.memoryUsage();
  const ext = vscode.extensions.getExtension<JianbaoApi>('jianbao.jianbao-vscode');
  if (!ext) throw new Error('extension not installed');
  const wasActive = ext.isActive;
  const t0 = performance.now();
  const api = await ext.activate();
  const activationMs = performance.now() - t0;
  const info = await api.ready();
  const readyMs = performance.now() - t0;
  const memoryLoaded = process.memoryUsage();
  const timings = api.timings();

  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(draftPath));
  const editor = await vscode.window.showTextDocument(doc);
  const first = nextDiagnostics(doc.uri);
  const t1 = performance.now();
  await api.check(doc.uri);
  const firstCheckMs = performance.now() - t1;
  await first.catch(() => undefined);

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
    archive: info, wasActive, draftChars: doc.getText().length, fallbacks: api.fallbacks(),
    activationMs: timings.activateMs, archiveLoadMs: timings.archiveLoadMs, waitedForActivationMs: activationMs, readyMs,
    firstCheckMs, editMs,
    findings: { reused: report?.reused.length ?? 0, conflicts: report?.conflicts.length ?? 0, related: report?.related.length ?? 0 },
    memoryMb: {
      before: { rss: mb(memoryBefore.rss), heapUsed: mb(memoryBefore.heapUsed) },
      loaded: { rss: mb(memoryLoaded.rss), heapUsed: mb(memoryLoaded.heapUsed) },
      afterEdits: { rss: mb(memoryAfter.rss), heapUsed: mb(memoryAfter.heapUsed) },
    },
  }, null, 2));
}
