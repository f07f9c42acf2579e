// The VS Code extension in a real extension host (code-server, provisioned by
// scripts/provision.d/20-code-server.sh): activation time, archive load, the time from an
// edit to updated diagnostics on a 5,000-character draft, and the extension host's memory —
// with the 19,876-story xwlb archive (../shared/data/xwlb, evaluation only; skipped when
// absent) as the configured archive, beside the bundled default archive as the baseline.
// Diagnostics run with jianbao.checkDelay 0: the figures are the work, not the typing pause
// (600 ms by default) an editor waits on top of it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBundle, serializeBundle, type Article } from '@jianbao/core';
import { fmt, percentile, table, type SuiteResult } from '../report.js';
import { REPO_ROOT } from '../shared-data.js';
import { loadXwlbArticles } from '../xwlb.js';

const DRAFT_CHARS = 5000;

interface HostFigures {
  archive: { name: string; articles: number; source: string } | undefined;
  draftChars: number;
  activationMs: number;
  archiveLoadMs: number | undefined;
  readyMs: number;
  firstCheckMs: number;
  editMs: number[];
  /** Longest event-loop block in the extension host while the archive loaded and during the first check (absent in older runs). */
  longestBlockMs?: { loading: number; firstCheck: number };
  findings: { reused: number; conflicts: number; related: number };
  memoryMb: Record<'before' | 'loaded' | 'afterEdits', { rss: number; heapUsed: number }>;
}

/** A 5,000-character draft: passages of archive stories (so there is reuse to find) between new sentences. */
function draftFrom(articles: Article[]): string {
  const parts: string[] = ['# 基层调研见闻', ''];
  let n = 0;
  for (let i = 0; parts.join('\n').length < DRAFT_CHARS; i += 997) {
    const a = articles[i % articles.length]!;
    const p = a.paragraphs.find((x) => x.length > 80) ?? a.paragraphs[0] ?? '';
    parts.push(n++ % 2 ? `记者在现场看到，各项工作有序推进，群众反映良好。${p.slice(0, 120)}` : `这是记者新写的一段话，讲述第${n}个地方的变化与期待。`, '');
  }
  return parts.join('\n').slice(0, DRAFT_CHARS);
}

function runHost(extensionDir: string, archive: string, draft: string, scratch: string, label: string): HostFigures {
  const out = join(scratch, `${label}.json`);
  const r = spawnSync('node', [join(extensionDir, 'test/e2e/run.mjs')], {
    cwd: extensionDir,
    encoding: 'utf8',
    timeout: 20 * 60_000,
    env: {
      ...process.env,
      JIANBAO_E2E_TESTS: join(extensionDir, 'dist/e2e/host.cjs'),
      JIANBAO_E2E_SETTINGS: JSON.stringify({ 'jianbao.archive': archive, 'jianbao.checkDelay': 0 }),
      JIANBAO_BENCH_OUT: out,
      JIANBAO_BENCH_DRAFT: draft,
    },
  });
  if (r.status !== 0 || !existsSync(out)) throw new Error(`vscode bench (${label}) failed:\n${(r.stderr || '').slice(-3000)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as HostFigures;
}

export async function run(): Promise<SuiteResult> {
  const title = 'VS Code extension in a real extension host (code-server)';
  const articles = loadXwlbArticles();
  if (!articles) return { title, body: '', skipped: '../shared/data/xwlb is absent' };
  const cache = process.env.JIANBAO_CODE_SERVER_DIR || join(homedir(), '.cache/jianbao-code-server');
  if (!existsSync(cache) || !readdirSync(cache).some((n) => n.startsWith('.installed-code-server-'))) {
    return { title, body: '', skipped: `code-server is not provisioned (run scripts/provision.d/20-code-server.sh)` };
  }
  const extensionDir = join(REPO_ROOT, 'apps/vscode-extension');
  if (!existsSync(join(extensionDir, 'dist/e2e/host.cjs'))) return { title, body: '', skipped: 'run pnpm build first' };

  const scratch = mkdtempSync(join(tmpdir(), 'jianbao-bench-vscode-'));
  try {
    const started = performance.now();
    const bundle = serializeBundle(buildBundle({ articles }, { name: 'xwlb' }));
    const bundlePath = join(scratch, 'xwlb.json.gz');
    writeFileSync(bundlePath, gzipSync(bundle));
    const buildS = (performance.now() - started) / 1000;
    const draft = join(scratch, 'draft.md');
    writeFileSync(draft, draftFrom(articles));

    const runs = [
      { label: 'default archive (seeds)', figures: runHost(extensionDir, '', draft, scratch, 'default') },
      { label: `xwlb (${articles.length} stories)`, figures: runHost(extensionDir, bundlePath, draft, scratch, 'xwlb') },
    ];
    const rows = runs.map(({ label, figures: f }) => [
      label, f.archive?.articles ?? 'n/a', fmt(f.activationMs, 1), fmt(f.archiveLoadMs ?? NaN, 0), fmt(f.longestBlockMs?.loading ?? NaN, 0),
      fmt(f.firstCheckMs, 0), fmt(f.longestBlockMs?.firstCheck ?? NaN, 0),
      fmt(percentile(f.editMs, 50), 0), fmt(percentile(f.editMs, 95), 0),
      `${f.memoryMb.loaded.rss} / ${f.memoryMb.afterEdits.rss}`, `${f.memoryMb.afterEdits.heapUsed}`,
      `${f.findings.reused} reused, ${f.findings.conflicts} conflicts`,
    ]);
    return {
      title,
      body: [
        table(['archive', 'articles', 'activate() ms', 'archive loaded ms (in the background)', 'longest host freeze while loading ms', 'first check ms',
          'longest freeze during it ms', 'edit→diagnostics p50 ms', 'p95 ms',
          'host RSS MB (loaded / after edits)', 'heap MB', 'findings'], rows),
        '',
        `Draft: ${DRAFT_CHARS} characters (${runs[0]!.figures.draftChars} as opened), ${runs[0]!.figures.editMs.length} edits; ` +
          `jianbao.checkDelay 0. xwlb bundle built and gzipped in ${buildS.toFixed(1)} s (${(readFileSync(bundlePath).length / 1e6).toFixed(1)} MB). ` +
          'The extension host process is shared with VS Code\'s built-in extensions, so RSS includes them; the default-archive row is the baseline.',
      ].join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
